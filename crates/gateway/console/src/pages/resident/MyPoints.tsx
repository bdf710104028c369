import { Button, Dialog } from 'antd-mobile';
import { useState } from 'react';
import CodeCard from '../../mobile/CodeCard';
import { formatDateTime, idempotencyKey, useApi } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';
import SendPoints from './SendPoints';

const POINTS = graphql(`query MyPointsPoints { myPoints { id balance } rewards { id name price stock active }
  redemptions { id rewardId points status createdAt } }`);
const STATEMENT = graphql(`query MyPointsStatement($a: ID!) { pointsStatement(accountId: $a, last: 30) {
  transfers { id kind amount fromAccount memo createdAt } } }`);
const REDEEM = graphql(`mutation MyPointsRedeem($k: String!, $r: ID!) { redeemReward(key: $k, rewardId: $r) { id points } }`);
const CODE = graphql(`query MyPointsCode($r: ID!) { redemptionCode(redemptionId: $r) { token svg } }`);
const CANCEL = graphql(`mutation MyPointsCancel($r: ID!) { cancelRedemption(redemptionId: $r) { id status } }`);

/** 积分: my balance and statement, rewards and the code to show at the counter, points passed to family. */
export default function MyPoints({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const notify = useNotify();
  const [data, load] = useGql(POINTS, {}, slug);
  const account = data?.myPoints?.id;
  const [statement] = useGql(STATEMENT, { a: account ?? '' }, slug, { enabled: !!account });
  const [code, setCode] = useState<{ svg: string; token: string; title: string } | null>(null);
  const rewardName = new Map((data?.rewards ?? []).map((r) => [r.id, r.name]));
  const showCode = async (id: string, title: string) => {
    try {
      const { redemptionCode: c } = await api.request(CODE, { r: id }, slug);
      setCode({ ...c, title });
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  const redeem = (r: { id: string; name: string; price: number }) => {
    // One key per confirmed intent: a double tap or a retry redeems once.
    const key = idempotencyKey();
    notify.confirm({
      title: t(`用 ${r.price} 积分兑换“${r.name}”？`, `Spend ${r.price} points on “${r.name}”?`),
      okText: t('兑换', 'Redeem'),
      cancelText: t('再想想', 'Not now'),
      onOk: () => api.request(REDEEM, { k: key, r: r.id }, slug).then(async ({ redeemReward }) => {
        notify.success(t('兑换成功，请到社区领取', 'Redeemed: collect it at the community office'));
        await load();
        await showCode(redeemReward.id, r.name);
      }, (e) => notify.error(e.message)),
    });
  };
  const cancel = (id: string, title: string) => notify.confirm({
    title: t(`取消兑换“${title}”？积分会退回。`, `Cancel “${title}”? The points come back.`),
    okText: t('取消兑换', 'Cancel it'),
    cancelText: t('不取消', 'Keep it'),
    onOk: () => api.request(CANCEL, { r: id }, slug).then(load, (e) => notify.error(e.message)),
  });
  const balance = data?.myPoints?.balance ?? 0;
  const rewards = (data?.rewards ?? []).filter((r) => r.active);
  const waiting = (data?.redemptions ?? []).filter((r) => r.status === 'REDEEMED');
  return (
    <>
      <section className="m-card" aria-labelledby="balance">
        <h2 id="balance">{t('我的积分', 'My points')}</h2>
        <p className="m-big">{balance}</p>
      </section>
      {waiting.length > 0 && (
        <section aria-labelledby="to-collect">
          <h2 id="to-collect">{t('待领取', 'To collect')}</h2>
          {waiting.map((r) => (
            <div key={r.id} className="m-card">
              <h3>{rewardName.get(r.rewardId)}</h3>
              <p className="m-muted">{formatDateTime(r.createdAt, lang)} · {t(`${r.points} 积分`, `${r.points} points`)}</p>
              <Button block color="primary" onClick={() => showCode(r.id, rewardName.get(r.rewardId) ?? '')}>{t('出示兑换码', 'Show the code')}</Button>
              <Button block onClick={() => cancel(r.id, rewardName.get(r.rewardId) ?? '')}>{t('取消兑换', 'Cancel')}</Button>
            </div>
          ))}
        </section>
      )}
      <section aria-labelledby="rewards">
        <h2 id="rewards">{t('可以兑换', 'Rewards')}</h2>
        {data && rewards.length === 0 && <p className="m-muted">{t('暂无可兑换的物品', 'No rewards now')}</p>}
        {rewards.map((r) => (
          <div key={r.id} className="m-card">
            <h3>{r.name}</h3>
            <p>{t(`${r.price} 积分`, `${r.price} points`)}{r.stock != null && t(` · 剩余 ${r.stock}`, ` · ${r.stock} left`)}</p>
            <Button block color="primary" disabled={balance < r.price || r.stock === 0} onClick={() => redeem(r)}>
              {balance < r.price ? t('积分不足', 'Not enough points') : t('兑换', 'Redeem')}
            </Button>
          </div>
        ))}
      </section>
      <SendPoints slug={slug} balance={balance} onSent={load} />
      <section aria-labelledby="statement">
        <h2 id="statement">{t('积分明细', 'Statement')}</h2>
        {!account && data && <p className="m-muted">{t('还没有积分记录', 'No points yet')}</p>}
        <ul className="m-slots">
          {statement?.pointsStatement.transfers.map((x) => {
            const out = x.fromAccount === account;
            return (
              <li key={x.id}>
                <strong>{out ? '−' : '+'}{x.amount}</strong> {label('TransferKind', x.kind)}{x.memo ? ` · ${x.memo}` : ''}
                <br /><span className="m-muted">{formatDateTime(x.createdAt, lang)}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <Dialog visible={!!code} title={code?.title} onClose={() => setCode(null)} closeOnMaskClick
        content={code && <CodeCard svg={code.svg} token={code.token} caption={t('领取时请出示此码', 'Show this code at the counter')} />}
        actions={[{ key: 'close', text: t('关闭', 'Close'), onClick: () => setCode(null) }]} />
    </>
  );
}
