import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import CodeScanner from '../../components/CodeScanner';
import { graphql } from '../../gql';
import type { RewardKind, RewardsRewardsQuery } from '../../gql/graphql';
import { formatDateTime, useApi, useRun } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const REWARDS = graphql(`query RewardsRewards { rewards { id name kind price stock active }
  redemptions(all: true) { id rewardId holderName quantity points status createdAt handedOverAt cancelReason } }`);
const CREATE = graphql(`mutation RewardsCreate($n: String!, $k: RewardKind!, $p: Int!, $s: Int) { createReward(name: $n, kind: $k, price: $p, stock: $s) { id } }`);
const RESTOCK = graphql(`mutation RewardsRestock($r: ID!, $add: Int!, $active: Boolean) { restockReward(rewardId: $r, add: $add, active: $active) { id stock active } }`);
const HAND_OVER = graphql(`mutation RewardsHandOver($r: ID, $c: String) { handOverRedemption(redemptionId: $r, code: $c) { id holderName quantity rewardId } }`);
const CANCEL = graphql(`mutation RewardsCancel($r: ID!, $why: String) { cancelRedemption(redemptionId: $r, reason: $why) { id } }`);

type Reward = RewardsRewardsQuery['rewards'][number];
type Redemption = RewardsRewardsQuery['redemptions'][number];

/**
 * Rewards of the time bank (积分兑换): goods and services with their price and stock, restocked
 * or taken off the shelf; redemptions handed over at the counter — the holder's code scanned
 * by the camera or a hand scanner, or picked from the list — or cancelled with a reason (the
 * points come back).
 */
export default function Rewards({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const run = useRun();
  const { message } = App.useApp();
  const [data] = useGql(REWARDS, {}, slug);
  const [form, setForm] = useState<'reward' | null>(null);
  const [restocking, setRestocking] = useState<Reward | null>(null);
  const [cancelling, setCancelling] = useState<Redemption | null>(null);
  const [handed, setHanded] = useState<string | null>(null);
  const [counter] = Form.useForm<{ code: string }>();
  const close = () => { setForm(null); setRestocking(null); setCancelling(null); };
  const reward = new Map((data?.rewards ?? []).map((r) => [r.id, r.name]));

  const handOver = async (v: { id?: string; code?: string }) => {
    try {
      const r = (await api.request(HAND_OVER, { r: v.id ?? null, c: v.code?.trim() ?? null }, slug)).handOverRedemption;
      setHanded(t(`已交付：${r.holderName} · ${reward.get(r.rewardId) ?? ''} × ${r.quantity}`, `Handed over: ${r.holderName} · ${reward.get(r.rewardId) ?? ''} × ${r.quantity}`));
      counter.resetFields();
    } catch (e) {
      setHanded(null);
      message.error((e as Error).message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('柜台交付', 'At the counter')}>
        <Form form={counter} layout="inline" requiredMark={false} onFinish={(v) => handOver({ code: v.code })}>
          <Form.Item name="code" label={t('兑换码（扫码枪扫描或输入）', 'Redemption code (scan or type)')} rules={[{ required: true }]}><Input autoComplete="off" style={{ minWidth: 280 }} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('核验交付', 'Hand over')}</Button>
          <CodeScanner label={t('用摄像头扫兑换码', 'Scan the redemption code with the camera')} onCode={(code) => handOver({ code })} />
        </Form>
        {handed && <p className="checked-in" role="status">{handed}</p>}
      </Card>
      <Card size="small" title={t('兑换商品与服务', 'Rewards')} extra={<Button size="small" type="primary" onClick={() => setForm('reward')}>{t('新增', 'Add a reward')}</Button>}>
        <Table<Reward> size="small" rowKey="id" pagination={false} loading={!data} dataSource={data?.rewards}
          columns={[
            { title: t('名称', 'Name'), dataIndex: 'name' },
            { title: t('类型', 'Kind'), render: (_, r) => label('RewardKind', r.kind) },
            { title: t('积分', 'Points'), dataIndex: 'price', align: 'right' },
            { title: t('库存', 'Stock'), render: (_, r) => r.stock ?? t('不限', 'unlimited') },
            { title: t('状态', 'Status'), render: (_, r) => (r.active ? <Tag color="blue">{t('上架', 'On offer')}</Tag> : <Tag>{t('已下架', 'Withdrawn')}</Tag>) },
            { title: t('操作', 'Actions'), render: (_, r) => <Button size="small" onClick={() => setRestocking(r)}>{t('补货/上下架', 'Restock')}</Button> },
          ]} />
      </Card>
      <Card size="small" title={t('兑换记录', 'Redemptions')}>
        <Table<Redemption> size="small" rowKey="id" pagination={{ pageSize: 20, hideOnSinglePage: true }} loading={!data} dataSource={data?.redemptions}
          columns={[
            { title: t('时间', 'When'), render: (_, r) => formatDateTime(r.createdAt, lang) },
            { title: t('居民', 'Resident'), dataIndex: 'holderName' },
            { title: t('兑换', 'Reward'), render: (_, r) => `${reward.get(r.rewardId) ?? ''} × ${r.quantity}` },
            { title: t('积分', 'Points'), dataIndex: 'points', align: 'right' },
            { title: t('状态', 'Status'), render: (_, r) => `${label('RedemptionStatus', r.status)}${r.cancelReason ? `：${r.cancelReason}` : ''}` },
            {
              title: t('操作', 'Actions'),
              render: (_, r) => r.status !== 'CANCELLED' && (
                <Space>
                  {r.status === 'REDEEMED' && <Button size="small" type="primary" onClick={() => handOver({ id: r.id })}>{t('交付', 'Hand over')}</Button>}
                  <Button size="small" danger onClick={() => setCancelling(r)}>{t('取消', 'Cancel')}</Button>
                </Space>
              ),
            },
          ]} />
      </Card>

      <Modal open={form === 'reward'} title={t('新增兑换项', 'Add a reward')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ kind: 'GOODS', limited: true, stock: 10 }}
          onFinish={(v: { name: string; kind: RewardKind; price: number; limited: boolean; stock: number }) => run(() => api.request(CREATE, { n: v.name.trim(), k: v.kind, p: v.price, s: v.limited ? v.stock : null }, slug), t('已上架', 'On offer'), close)}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Form.Item name="kind" label={t('类型', 'Kind')}><Select options={(['GOODS', 'SERVICE'] as const).map((k) => ({ value: k, label: label('RewardKind', k) }))} /></Form.Item>
          <Form.Item name="price" label={t('所需积分', 'Points')} rules={[{ required: true }]}><InputNumber min={1} max={100000} /></Form.Item>
          <Form.Item name="limited" label={t('限量', 'Limited stock')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="stock" label={t('库存', 'Stock')}><InputNumber min={0} max={100000} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('上架', 'Offer')}</Button>
        </Form>
      </Modal>
      <Modal open={!!restocking} title={t(`补货：${restocking?.name ?? ''}`, `Restock: ${restocking?.name ?? ''}`)} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ add: 0, active: restocking?.active ?? true }}
          onFinish={(v: { add: number; active: boolean }) => run(() => api.request(RESTOCK, { r: restocking!.id, add: v.add, active: v.active }, slug), t('已保存', 'Saved'), close)}>
          <Form.Item name="add" label={t('增加库存', 'Add to stock')}><InputNumber min={0} max={100000} /></Form.Item>
          <Form.Item name="active" label={t('上架', 'On offer')} valuePropName="checked"><Switch /></Form.Item>
          <Button type="primary" htmlType="submit">{t('保存', 'Save')}</Button>
        </Form>
      </Modal>
      <Modal open={!!cancelling} title={t('取消兑换', 'Cancel the redemption')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={(v: { reason: string }) => run(() => api.request(CANCEL, { r: cancelling!.id, why: v.reason.trim() }, slug), t('已取消，积分已退回', 'Cancelled; the points are back'), close)}>
          <Form.Item name="reason" label={t('原因', 'Why')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <Button danger htmlType="submit">{t('确认取消', 'Cancel it')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
