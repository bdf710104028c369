import { Alert, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Modal, Segmented, Select, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { AccountsAccountsQuery, AccountsStatementQuery, CollectiveKind, PointsAccountKind } from '../../gql/graphql';
import { formatDateTime, idempotencyKey, useApi, useRun } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import ResidentPicker from './ResidentPicker';

const ACCOUNTS = graphql(`query AccountsAccounts($k: PointsAccountKind) { pointsAccounts(kind: $k) { id kind collectiveKind name balance }
  ledgerCheck { issued burned held mismatched transfers }
  timeBankSettings { expiryDays transferLimits { maxPerTransfer maxPerMonth } } }`);
const STATEMENT = graphql(`query AccountsStatement($a: ID!) { pointsStatement(accountId: $a, last: 100) {
  account { id name balance } transfers { id kind fromAccount toAccount amount reverses memo createdAt } } }`);
const MEMBERS = graphql(`query AccountsMembers($c: ID!) { collectiveMembers(cardId: $c) { accountId name } }`);
const GRANT = graphql(`mutation AccountsGrant($k: String!, $a: ID, $p: ID, $n: Int!, $m: String) { grantPoints(key: $k, accountId: $a, personId: $p, amount: $n, memo: $m) { id } }`);
const REVERSE = graphql(`mutation AccountsReverse($k: String!, $t: ID!, $m: String) { reverseTransfer(key: $k, transferId: $t, memo: $m) { id } }`);
const CARD = graphql(`mutation AccountsCard($n: String!, $k: CollectiveKind!) { createCollectiveCard(name: $n, kind: $k) { id } }`);
const MEMBER = graphql(`mutation AccountsMember($c: ID!, $p: ID!) { addCollectiveMember(cardId: $c, personId: $p) }`);
const EXPIRY = graphql(`mutation AccountsExpiry($d: Int) { setPointsExpiry(days: $d) }`);
const LIMITS = graphql(`mutation AccountsLimits($i: TransferLimitsInput!) { setTransferLimits(input: $i) { maxPerTransfer } }`);

type Account = AccountsAccountsQuery['pointsAccounts'][number];
type Transfer = AccountsStatementQuery['pointsStatement']['transfers'][number];

/** A collective card's members (集体卡成员). */
function CardMembers({ slug, card }: { slug: string; card: string }) {
  const t = useT();
  const [data] = useGql(MEMBERS, { c: card }, slug);
  if (!data) return null;
  return <p>{t('成员：', 'Members: ')}{data.collectiveMembers.map((m) => m.name).join('、') || t('还没有成员', 'none yet')}</p>;
}

/**
 * The time bank's accounts (时间银行): the books recounted (ledgerCheck) said plainly, points'
 * expiry and the limits on passing points, accounts of people, collective cards (集体卡) and
 * the fund with their statements, points granted, a transfer reversed with a reason, cards
 * made and members added. Every points write carries a fresh idempotency key.
 */
export default function Accounts({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const run = useRun();
  const [kind, setKind] = useState<PointsAccountKind>('PERSON');
  const [data] = useGql(ACCOUNTS, { k: kind }, slug, { keepPrevious: true });
  const [open, setOpen] = useState<Account | null>(null);
  const [statement] = useGql(STATEMENT, { a: open?.id ?? '' }, slug, { enabled: !!open });
  const [form, setForm] = useState<'grant' | 'card' | 'member' | 'settings' | null>(null);
  const [granting, setGranting] = useState<Account | null>(null);
  const [reversing, setReversing] = useState<Transfer | null>(null);
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [card, setCard] = useState<Account | null>(null);
  const close = () => { setForm(null); setGranting(null); setReversing(null); setPerson(null); };
  const check = data?.ledgerCheck;
  const settings = data?.timeBankSettings;
  const names = new Map((data?.pointsAccounts ?? []).map((a) => [a.id, a.name]));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {check && (
        <Card size="small" title={t('积分总账核对', 'The books recounted')}>
          {check.mismatched.length === 0
            ? <Alert type="success" showIcon message={t(`账目一致：共 ${check.transfers} 笔，累计发放 ${check.issued}，消耗 ${check.burned}，持有 ${check.held}（发放 − 消耗 = 持有）。`, `The books agree: ${check.transfers} transfers, ${check.issued} issued, ${check.burned} spent, ${check.held} held.`)} />
            : <Alert type="error" showIcon message={t(`有 ${check.mismatched.length} 个账户余额与流水不符，请联系平台运维：${check.mismatched.join('、')}`, `${check.mismatched.length} accounts differ from their transfers; tell the platform's operators: ${check.mismatched.join(', ')}`)} />}
        </Card>
      )}
      {settings && (
        <Card size="small" title={t('规则', 'Rules')} extra={<Button size="small" onClick={() => setForm('settings')}>{t('修改规则', 'Change')}</Button>}>
          <Descriptions size="small" column={{ xs: 1, sm: 3 }} items={[
            { key: 'e', label: t('积分有效期', 'Points expire'), children: settings.expiryDays ? t(`${settings.expiryDays} 天`, `after ${settings.expiryDays} days`) : t('长期有效', 'never') },
            { key: 't', label: t('每次转赠上限', 'Most passed at once'), children: settings.transferLimits.maxPerTransfer },
            { key: 'm', label: t('每月转赠上限', 'Most passed a month'), children: settings.transferLimits.maxPerMonth },
          ]} />
        </Card>
      )}
      <Space wrap>
        <Segmented aria-label={t('账户类型', 'Account kind')} value={kind} onChange={(v) => setKind(v as PointsAccountKind)}
          options={['PERSON', 'COLLECTIVE', 'FUND'].map((k) => ({ value: k, label: label('PointsAccountKind', k) }))} />
        <Button onClick={() => setForm('grant')}>{t('给居民发放积分', 'Grant points to a resident')}</Button>
        <Button onClick={() => setForm('card')}>{t('新建集体卡', 'New collective card')}</Button>
      </Space>
      <Table<Account> rowKey="id" size="small" loading={!data} dataSource={data?.pointsAccounts} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('账户', 'Account'), render: (_, a) => <Button type="link" onClick={() => setOpen(a)}>{a.name}</Button> },
          { title: t('类型', 'Kind'), render: (_, a) => (a.collectiveKind ? label('CollectiveKind', a.collectiveKind) : label('PointsAccountKind', a.kind)) },
          { title: t('余额', 'Balance'), dataIndex: 'balance', align: 'right' },
          {
            title: t('操作', 'Actions'),
            render: (_, a) => (
              <Space wrap>
                <Button size="small" onClick={() => setGranting(a)}>{t('发放', 'Grant')}</Button>
                {a.kind === 'COLLECTIVE' && <Button size="small" onClick={() => { setCard(a); setForm('member'); }}>{t('添加成员', 'Add a member')}</Button>}
              </Space>
            ),
          },
        ]} />

      <Drawer open={!!open} title={t(`${open?.name ?? ''} 的明细`, `${open?.name ?? ''}: statement`)} width={720} onClose={() => setOpen(null)} destroyOnHidden>
        {statement && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <p>{t(`余额 ${statement.pointsStatement.account.balance}`, `Balance ${statement.pointsStatement.account.balance}`)}</p>
            {open?.kind === 'COLLECTIVE' && <CardMembers slug={slug} card={open.id} />}
            <Table<Transfer> size="small" rowKey="id" pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={statement.pointsStatement.transfers}
              columns={[
                { title: t('时间', 'When'), render: (_, x) => formatDateTime(x.createdAt, lang) },
                { title: t('类型', 'Kind'), render: (_, x) => label('TransferKind', x.kind) },
                { title: t('积分', 'Points'), align: 'right', render: (_, x) => (x.toAccount === open?.id ? `+${x.amount}` : `−${x.amount}`) },
                { title: t('对方', 'With'), render: (_, x) => names.get(x.toAccount === open?.id ? x.fromAccount : x.toAccount) ?? '' },
                { title: t('备注', 'Memo'), dataIndex: 'memo' },
                { title: t('操作', 'Actions'), render: (_, x) => x.kind !== 'REVERSAL' && !statement.pointsStatement.transfers.some((y) => y.reverses === x.id) && <Button size="small" danger onClick={() => setReversing(x)}>{t('冲正', 'Reverse')}</Button> },
              ]} />
          </Space>
        )}
      </Drawer>

      <Modal open={form === 'grant' || !!granting} title={granting ? t(`发放积分给 ${granting.name}`, `Grant points to ${granting.name}`) : t('给居民发放积分', 'Grant points to a resident')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={(v: { amount: number; memo: string }) => (granting || person) && run(() => api.request(GRANT, { k: idempotencyKey(), a: granting?.id ?? null, p: granting ? null : person!.id, n: v.amount, m: v.memo.trim() }, slug), t('积分已发放', 'Points granted'), close)}>
          {!granting && <Form.Item label={t('居民', 'Resident')} htmlFor="grant-resident" required><ResidentPicker byAccount slug={slug} id="grant-resident" label={t('居民', 'Resident')} onPick={setPerson} /></Form.Item>}
          <Form.Item name="amount" label={t('积分', 'Points')} rules={[{ required: true }]}><InputNumber min={1} max={100000} /></Form.Item>
          <Form.Item name="memo" label={t('事由', 'Why')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">{t('确认发放', 'Grant them')}</Button>
        </Form>
      </Modal>
      <Modal open={!!reversing} title={t('冲正这笔积分', 'Reverse this transfer')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={(v: { memo: string }) => run(() => api.request(REVERSE, { k: idempotencyKey(), t: reversing!.id, m: v.memo.trim() }, slug), t('已冲正', 'Reversed'), close)}>
          <p>{reversing && t(`${label('TransferKind', reversing.kind)} ${reversing.amount} 分，将记一笔方向相反的账。`, `${label('TransferKind', reversing.kind)} of ${reversing.amount}: the exact opposite is recorded.`)}</p>
          <Form.Item name="memo" label={t('冲正原因', 'Why')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <Button danger htmlType="submit">{t('确认冲正', 'Reverse it')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'card'} title={t('新建集体卡', 'New collective card')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ kind: 'COURTYARD' }}
          onFinish={(v: { name: string; kind: CollectiveKind }) => run(() => api.request(CARD, { n: v.name.trim(), k: v.kind }, slug), t('集体卡已建立', 'Card made'), () => { close(); setKind('COLLECTIVE'); })}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Form.Item name="kind" label={t('类型', 'Kind')}><Select options={(['PARTY_UNIT', 'ENTERPRISE', 'COURTYARD'] as const).map((k) => ({ value: k, label: label('CollectiveKind', k) }))} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('建立', 'Make')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'member'} title={t(`添加成员到 ${card?.name ?? ''}`, `Add a member to ${card?.name ?? ''}`)} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} onFinish={() => person && run(() => api.request(MEMBER, { c: card!.id, p: person.id }, slug), t(`${person.name} 已加入`, `${person.name} added`), close)}>
          <Form.Item label={t('居民', 'Resident')} htmlFor="card-member" required><ResidentPicker byAccount slug={slug} id="card-member" label={t('居民', 'Resident')} onPick={setPerson} /></Form.Item>
          <Button type="primary" htmlType="submit" disabled={!person}>{t('添加', 'Add')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'settings'} title={t('修改规则', 'Change the rules')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          initialValues={{ expires: !!settings?.expiryDays, days: settings?.expiryDays ?? 365, ...settings?.transferLimits }}
          onFinish={(v: { expires: boolean; days: number; maxPerTransfer: number; maxPerMonth: number }) => run(async () => {
            await api.request(EXPIRY, { d: v.expires ? v.days : null }, slug);
            await api.request(LIMITS, { i: { maxPerTransfer: v.maxPerTransfer, maxPerMonth: v.maxPerMonth } }, slug);
          }, t('规则已保存', 'Rules saved'), close)}>
          <Form.Item name="expires" label={t('积分会过期', 'Points expire')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="days" label={t('有效天数（30–3650）', 'Days kept (30–3650)')}><InputNumber min={30} max={3650} /></Form.Item>
          <Form.Item name="maxPerTransfer" label={t('每次转赠上限', 'Most passed at once')} rules={[{ required: true }]}><InputNumber min={1} max={100000} /></Form.Item>
          <Form.Item name="maxPerMonth" label={t('每月转赠上限', 'Most passed a month')} rules={[{ required: true }]}><InputNumber min={1} max={1000000} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('保存', 'Save')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
