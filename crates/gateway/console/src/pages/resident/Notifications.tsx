import { Button } from 'antd-mobile';
import { formatDateTime, useApi } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const INBOX = graphql(`query ResidentInbox { myNotifications(first: 50) { id kind title body createdAt read } }`);
const READ = graphql(`mutation ResidentMarkRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`);

/** 消息: the community's notices to me, newest first; unread ones marked until read. */
export default function Notifications({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const notify = useNotify();
  const [data, load] = useGql(INBOX, {}, slug);
  const list = data?.myNotifications ?? [];
  const unread = list.filter((n) => !n.read).map((n) => n.id);
  const read = (ids: string[]) => { api.request(READ, { ids }, slug).then(load, (e) => notify.error(e.message)); };
  return (
    <>
      <h2>{t('消息', 'Messages')}</h2>
      {unread.length > 0 && <Button block onClick={() => read(unread)}>{t(`全部标为已读（${unread.length}）`, `Mark all read (${unread.length})`)}</Button>}
      {data && list.length === 0 && <p className="m-muted">{t('没有消息', 'No messages')}</p>}
      {list.map((n) => (
        <article key={n.id} className="m-card">
          <h3>{!n.read && <span className="m-tag">{t('未读', 'New')}</span>} {n.title}</h3>
          <p>{n.body}</p>
          <p className="m-muted">{formatDateTime(n.createdAt, lang)}</p>
          {!n.read && <Button size="middle" onClick={() => read([n.id])}>{t('标为已读', 'Mark read')}</Button>}
        </article>
      ))}
    </>
  );
}
