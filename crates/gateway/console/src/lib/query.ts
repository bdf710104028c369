// Queries through TanStack Query: cached per (community, document, variables), so moving
// between pages shows what was loaded at once and refreshes it behind; a failure shows as a
// message and the page keeps what it had.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, useApi } from './api';
import { useLang } from './i18n';
import { useNotify } from './notify';

interface Options {
  /** Refresh every so many milliseconds while the page is open. */
  refetchInterval?: number;
  /** Hold the query until this is true. */
  enabled?: boolean;
  /** Keep showing the last answer while new variables load (filters of one view). */
  keepPrevious?: boolean;
}

/**
 * A page's query: its data (undefined until the first answer) and a reload for after a
 * change. Variables are part of the cache key.
 */
export function useGql<R, V>(
  doc: TypedDocumentString<R, V>,
  variables?: V,
  community?: string,
  options: Options = {},
): [R | undefined, () => Promise<unknown>] {
  const api = useApi();
  const lang = useLang();
  const notify = useNotify();
  const q = useQuery({
    queryKey: [community ?? '', lang, doc.toString(), variables ?? {}],
    queryFn: () => api.request(doc, variables, community),
    refetchInterval: options.refetchInterval,
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
  useEffect(() => {
    // Offline with an answer kept on the phone: the page shows it (the frame says it is
    // offline) rather than an alert per query.
    const offline = q.error instanceof ApiError && q.error.code === 'NETWORK' && q.data !== undefined;
    if (q.error && !offline) notify.error(q.error.message);
  }, [q.error, notify]); // eslint-disable-line react-hooks/exhaustive-deps
  const { refetch } = q;
  const reload = useCallback(() => refetch(), [refetch]);
  return [q.data, reload];
}
