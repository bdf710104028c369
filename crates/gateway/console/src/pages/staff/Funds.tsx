import { Button, Card, Form, Image, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { FundsDetailQuery } from '../../gql/graphql';
import { formatDateTime, useApi, useRun } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const FUNDS = graphql(`query FundsFunds { funds { id name purpose balanceFen createdAt } }`);
const DETAIL = graphql(`query FundsDetail($f: ID!) {
  fundStatement(fundId: $f) { id kind amountFen purpose counterparty reverses reversed recordedAt }
  fundRequests(fundId: $f) { id purpose amountFen requesterName requestedAt status decidedAt declineReason } }`);
const RECEIPTS = graphql(`query FundsReceipts($m: ID!) { fundReceipts(movementId: $m) { id url thumbUrl } }`);
const CREATE = graphql(`mutation FundsCreate($n: String!, $p: String!) { createFund(name: $n, purpose: $p) { id } }`);
const INCOME = graphql(`mutation FundsIncome($f: ID!, $k: FundIncomeKind!, $a: Int!, $p: String!, $from: String) {
  recordFundIncome(fundId: $f, kind: $k, amountFen: $a, purpose: $p, from: $from) { id } }`);
const REQUEST = graphql(`mutation FundsRequest($f: ID!, $p: String!, $a: Int!) { requestFundSpending(fundId: $f, purpose: $p, amountFen: $a) { id } }`);
const DECIDE = graphql(`mutation FundsDecide($r: ID!, $ok: Boolean!, $why: String) { decideFundRequest(requestId: $r, approve: $ok, reason: $why) { request { status } } }`);
const REVERSE = graphql(`mutation FundsReverse($m: ID!, $why: String!) { reverseFundMovement(movementId: $m, reason: $why) { id } }`);
const RECEIPT = graphql(`mutation FundsReceipt($m: ID!, $file: Upload!) { uploadFundReceipt(movementId: $m, file: $file) { id } }`);

type Movement = FundsDetailQuery['fundStatement'][number];
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** A movement's receipts (票据), shown small, each opening large. */
function Receipts({ slug, movement }: { slug: string; movement: string }) {
  const [data] = useGql(RECEIPTS, { m: movement }, slug);
  return <Space wrap>{data?.fundReceipts.map((p) => <Image key={p.id} width={48} src={p.thumbUrl} preview={{ src: p.url }} alt="receipt" />)}</Space>;
}

/**
 * Community funds (社区基金): income by kind, spending asked for and decided by another staff
 * member (paid at once when approved), a movement entered in error reversed once with a reason,
 * receipts photographed, and the public statement (收支明细).
 */
export default function Funds({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const run = useRun();
  const [data] = useGql(FUNDS, {}, slug);
  const [fund, setFund] = useState<string | null>(null);
  const [detail] = useGql(DETAIL, { f: fund ?? '' }, slug, { enabled: !!fund });
  const [form, setForm] = useState<'fund' | 'income' | 'request' | null>(null);
  const [declining, setDeclining] = useState<string | null>(null);
  const [reversing, setReversing] = useState<Movement | null>(null);
  const current = data?.funds.find((f) => f.id === fund);
  const close = () => { setForm(null); setDeclining(null); setReversing(null); };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setForm('fund')}>{t('设立基金', 'Open a fund')}</Button>
        <Select id="fund" aria-label={t('基金', 'Fund')} placeholder={t('选择基金', 'Choose a fund')} value={fund} onChange={setFund} style={{ minWidth: 200 }}
          options={data?.funds.map((f) => ({ value: f.id, label: `${f.name}（${yuan(f.balanceFen)}）` }))} />
      </Space>
      {current && detail && (
        <>
          <Card size="small" title={t(`${current.name}：余额 ${yuan(current.balanceFen)}`, `${current.name}: balance ${yuan(current.balanceFen)}`)}
            extra={<Space wrap>
              <Button size="small" onClick={() => setForm('income')}>{t('记收入', 'Record income')}</Button>
              <Button size="small" onClick={() => setForm('request')}>{t('申请支出', 'Ask to spend')}</Button>
            </Space>}>
            <p>{current.purpose}</p>
            <h3 className="sub-heading">{t('支出申请', 'Requests to spend')}</h3>
            <Table size="small" rowKey="id" pagination={false} dataSource={detail.fundRequests} locale={{ emptyText: t('没有申请', 'None') }}
              columns={[
                { title: t('用途', 'Purpose'), dataIndex: 'purpose' },
                { title: t('金额', 'Amount'), render: (_, r) => yuan(r.amountFen) },
                { title: t('申请人', 'Asked by'), dataIndex: 'requesterName' },
                { title: t('状态', 'Status'), render: (_, r) => <Tag>{label('FundRequestStatus', r.status)}{r.declineReason ? `：${r.declineReason}` : ''}</Tag> },
                {
                  title: t('审批', 'Decide'),
                  render: (_, r) => r.status === 'REQUESTED' && (
                    <Space>
                      <Button size="small" type="primary" onClick={() => run(() => api.request(DECIDE, { r: r.id, ok: true, why: null }, slug), t('已批准并支付', 'Approved and paid'))}>{t('批准', 'Approve')}</Button>
                      <Button size="small" onClick={() => setDeclining(r.id)}>{t('不批准', 'Decline')}</Button>
                    </Space>
                  ),
                },
              ]} />
          </Card>
          <Card size="small" title={t('收支明细（公开）', 'Statement (public)')}>
            <Table<Movement> size="small" rowKey="id" pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={detail.fundStatement}
              columns={[
                { title: t('时间', 'When'), render: (_, m) => formatDateTime(m.recordedAt, lang) },
                { title: t('类型', 'Kind'), render: (_, m) => label('FundMovementKind', m.kind) },
                { title: t('金额', 'Amount'), render: (_, m) => yuan(m.amountFen) },
                { title: t('事由', 'Purpose'), render: (_, m) => `${m.purpose}${m.counterparty ? ` · ${m.counterparty}` : ''}${m.reversed ? t('（已冲正）', ' (reversed)') : ''}` },
                { title: t('票据', 'Receipts'), render: (_, m) => <Receipts slug={slug} movement={m.id} /> },
                {
                  title: t('操作', 'Actions'),
                  render: (_, m) => (
                    <Space wrap>
                      <label className="file-pick">
                        {t('上传票据', 'Upload receipt')}
                        <input type="file" accept="image/jpeg,image/png,image/webp" aria-label={t(`上传票据：${m.purpose}`, `Upload a receipt: ${m.purpose}`)}
                          style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }}
                          onChange={(e) => { const f = e.target.files?.[0]; if (f) run(() => api.upload(RECEIPT, { m: m.id }, 'file', f, slug), t('票据已上传', 'Receipt uploaded')); e.target.value = ''; }} />
                      </label>
                      {!m.reversed && m.kind !== 'REVERSAL' && <Button size="small" danger onClick={() => setReversing(m)}>{t('冲正', 'Reverse')}</Button>}
                    </Space>
                  ),
                },
              ]} />
          </Card>
        </>
      )}

      <Modal open={form === 'fund'} title={t('设立基金', 'Open a fund')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={(v: { name: string; purpose: string }) => run(() => api.request(CREATE, { n: v.name.trim(), p: v.purpose.trim() }, slug), t(`基金「${v.name}」已设立`, `${v.name} opened`), close)}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Form.Item name="purpose" label={t('用途', 'Purpose')} rules={[{ required: true, max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('设立', 'Open')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'income'} title={t('记收入', 'Record income')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ kind: 'DONATION' }}
          onFinish={(v: { kind: 'DONATION' | 'SALE' | 'GRANT'; yuan: number; purpose: string; from?: string }) => run(() => api.request(INCOME, { f: fund!, k: v.kind, a: Math.round(v.yuan * 100), p: v.purpose.trim(), from: v.from?.trim() || null }, slug), t('收入已入账', 'Income recorded'), close)}>
          <Form.Item name="kind" label={t('来源', 'Kind')}><Select options={(['DONATION', 'SALE', 'GRANT'] as const).map((k) => ({ value: k, label: label('FundMovementKind', k) }))} /></Form.Item>
          <Form.Item name="yuan" label={t('金额（元）', 'Amount (yuan)')} rules={[{ required: true }]}><InputNumber min={0.01} max={10000000} step={10} /></Form.Item>
          <Form.Item name="purpose" label={t('事由', 'Purpose')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <Form.Item name="from" label={t('来自（可不填）', 'From (optional)')} rules={[{ max: 100 }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">{t('入账', 'Record')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'request'} title={t('申请支出', 'Ask to spend')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={(v: { yuan: number; purpose: string }) => run(() => api.request(REQUEST, { f: fund!, p: v.purpose.trim(), a: Math.round(v.yuan * 100) }, slug), t('已提交，待另一位工作人员审批', 'Asked; another staff member decides'), close)}>
          <Form.Item name="yuan" label={t('金额（元）', 'Amount (yuan)')} rules={[{ required: true }]}><InputNumber min={0.01} max={10000000} step={10} /></Form.Item>
          <Form.Item name="purpose" label={t('用途', 'Purpose')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">{t('提交申请', 'Ask')}</Button>
        </Form>
      </Modal>
      <Modal open={!!declining} title={t('不批准', 'Decline')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={(v: { reason: string }) => run(() => api.request(DECIDE, { r: declining!, ok: false, why: v.reason.trim() }, slug), t('已退回', 'Declined'), close)}>
          <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">{t('确定', 'Confirm')}</Button>
        </Form>
      </Modal>
      <Modal open={!!reversing} title={t(`冲正：${reversing?.purpose ?? ''}`, `Reverse: ${reversing?.purpose ?? ''}`)} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={(v: { reason: string }) => run(() => api.request(REVERSE, { m: reversing!.id, why: v.reason.trim() }, slug), t('已冲正', 'Reversed'), close)}>
          <Form.Item name="reason" label={t('冲正原因', 'Why')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <p className="muted">{t('冲正记一笔金额相同、方向相反的账，每笔只能冲正一次。', 'A reversal records the exact opposite, once per movement.')}</p>
          <Button danger htmlType="submit">{t('确认冲正', 'Reverse it')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
