import { App, Button, Card, Empty, Space, Statistic } from 'antd';
import { idempotencyKey, useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const POINTS = graphql(`query MyPointsPoints { myPoints { balance } rewards { id name price stock active } }`);
const REDEEM = graphql(`mutation MyPointsRedeem($k: String!, $r: ID!) { redeemReward(key: $k, rewardId: $r) { id points } }`);

/** My time-bank points and what they buy (积分兑换). */
export default function MyPoints({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const { message, modal } = App.useApp();
  const [data, load] = useGql(POINTS, {}, slug);
  const redeem = (r: { id: string; name: string; price: number }) => {
    // One key per confirmed intent: a double tap or a retry redeems once.
    const key = idempotencyKey();
    modal.confirm({
      title: t(`用 ${r.price} 积分兑换“${r.name}”？`, `Spend ${r.price} points on “${r.name}”?`),
      okText: t('兑换', 'Redeem'),
      cancelText: t('再想想', 'Not now'),
      onOk: () => api.request(REDEEM, { k: key, r: r.id }, slug).then(() => { message.success(t('兑换成功', 'Redeemed')); load(); }, (e) => message.error(e.message)),
    });
  };
  const balance = data?.myPoints?.balance ?? 0;
  const rewards = (data?.rewards ?? []).filter((r) => r.active);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card className="big-card"><Statistic title={t('我的积分', 'My points')} value={balance} /></Card>
      <h2>{t('可以兑换', 'Rewards')}</h2>
      {rewards.length === 0 && <Empty description={t('暂无可兑换的物品', 'No rewards now')} />}
      {rewards.map((r) => (
        <Card key={r.id} className="big-card">
          <h3 style={{ fontSize: 24, marginTop: 0 }}>{r.name}</h3>
          <p>{t(`${r.price} 积分`, `${r.price} points`)}{r.stock != null && t(` · 剩余 ${r.stock}`, ` · ${r.stock} left`)}</p>
          <Button type="primary" size="large" block disabled={balance < r.price || r.stock === 0} onClick={() => redeem(r)}>
            {balance < r.price ? t('积分不足', 'Not enough points') : t('兑换', 'Redeem')}
          </Button>
        </Card>
      ))}
    </Space>
  );
}
