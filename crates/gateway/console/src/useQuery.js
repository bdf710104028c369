import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from './api.js';

/**
 * A page's query: its data (null until the first answer) and a reload for after a change.
 * A failure shows as a message; the page keeps what it had.
 */
export function useQuery(query, variables, community) {
  const api = useApi();
  const { message } = App.useApp();
  const [data, setData] = useState(null);
  const vars = JSON.stringify(variables ?? {});
  const reload = useCallback(
    () => api.request(query, JSON.parse(vars), community).then(setData, (e) => message.error(e.message)),
    [api, query, vars, community, message],
  );
  useEffect(() => {
    reload();
  }, [reload]);
  return [data, reload];
}
