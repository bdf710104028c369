// 待发送: what was recorded without a network, waiting, and what the server would not accept,
// each with its reason and a way to resolve it — never dropped unless the worker says so.
import { Button } from 'antd-mobile';
import { graphql } from '../../gql';
import { useApi } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import type { Entry } from '../../lib/outbox';
import type { GridProps } from '../../shells/Grid';

const BY_PHONE = graphql(`query GridResidentByPhone($p: String!) { residents(phone: $p, first: 2) { nodes { id name household } } }`);

export default function Outbox({ slug, outbox }: GridProps) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const notify = useNotify();
  const send = async () => {
    const sent = await outbox.send();
    notify.success(t(`已发送 ${sent} 条`, `${sent} sent`));
  };
  // A visit refused because the number is already in the registry (someone registered them
  // meanwhile): its answers go to that resident instead.
  const useRegistered = async (e: Entry) => {
    try {
      const found = (await api.request(BY_PHONE, { p: e.phone! }, slug)).residents.nodes;
      if (found.length !== 1) {
        notify.error(t('没有找到用这个号码登记的居民', 'Nobody registered with this number was found'));
        return;
      }
      await outbox.answerFor(e.id, { registerResident: found[0] });
      notify.success(t(`已改为${found[0].name}（${found[0].household ?? ''}）`, `Now for ${found[0].name}`));
    } catch (err) {
      notify.error((err as Error).message);
    }
  };
  const discard = (e: Entry) => notify.confirm({
    title: t(`删除"${e.title}"？删除后不会再发送。`, `Delete "${e.title}"? It will not be sent.`),
    okText: t('删除', 'Delete'), cancelText: t('保留', 'Keep'),
    onOk: () => outbox.discard(e.id),
  });
  return (
    <>
      <h2>{t('待发送', 'Waiting to send')}</h2>
      {outbox.entries.length === 0 && <p className="m-muted">{t('都已发送', 'Everything is sent')}</p>}
      {outbox.entries.some((e) => e.state === 'waiting') && (
        <Button block color="primary" size="large" onClick={send}>{t('现在发送', 'Send now')}</Button>
      )}
      {outbox.entries.map((e) => (
        <div key={e.id} className="m-card">
          <p><strong>{e.title}</strong></p>
          <p className="m-muted">{t('记录于', 'Recorded ')}{new Date(e.savedAt).toLocaleString(lang === 'en' ? 'en' : 'zh-CN', { timeZone: 'Asia/Shanghai' })}</p>
          {e.state === 'waiting' ? (
            <p><span className="m-tag">{t('等待发送', 'Waiting')}</span>{e.answers.length > 0 && t(`（已发送 ${e.answers.length}/${e.steps.length} 步）`, ` (${e.answers.length}/${e.steps.length} sent)`)}</p>
          ) : (
            <>
              <p className="m-alert error">{t('没有被接受：', 'Not accepted: ')}{e.refusal?.message}</p>
              <div className="m-row">
                {e.kind === 'visit' && e.refusal?.step === 0 && e.refusal.code === 'CONFLICT' && e.phone && e.steps.length > 1 && (
                  <Button color="primary" onClick={() => useRegistered(e)}>{t('这位居民已登记：问卷记到他名下', 'Already registered: give the answers to them')}</Button>
                )}
                <Button color="danger" fill="outline" onClick={() => discard(e)}>{t('删除这条', 'Delete it')}</Button>
              </div>
            </>
          )}
        </div>
      ))}
    </>
  );
}
