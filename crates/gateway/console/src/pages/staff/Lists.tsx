import { Button, Card, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { ListEntryStatus, ListsListsQuery } from '../../gql/graphql';
import { useApi, useRun } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useEnum, useEnumOptions, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const LISTS = graphql(`query ListsLists($s: ListEntryStatus) {
  listKinds { code name position role }
  listEntries(status: $s) { id kindCode title detail category skills enteredAs status createdAt
    matches { id needId offerId status outcome } } }`);
const SUGGEST = graphql(`query ListsSuggest($n: ID!) { listMatchSuggestions(needId: $n) { id kindCode title category skills } }`);
const KIND = graphql(`mutation ListsKind($i: ListKindInput!) { setListKind(input: $i) { code } }`);
const ADD = graphql(`mutation ListsAdd($i: ListEntryInput!) { addListEntry(input: $i) { id } }`);
const CONFIRM = graphql(`mutation ListsConfirm($n: ID!, $o: ID!) { confirmListMatch(needId: $n, offerId: $o) { id } }`);
const CLOSE = graphql(`mutation ListsClose($m: ID!, $met: Boolean!, $o: String!) { closeListMatch(matchId: $m, met: $met, outcome: $o) { id status } }`);

type Entry = ListsListsQuery['listEntries'][number];
type Match = Entry['matches'][number];

/**
 * The three lists (三张清单): the kinds of list (needs, and resources or services), entries by
 * staff, partners and residents, suggestions for a need, a match confirmed, and closed with
 * its outcome — met or not.
 */
export default function Lists({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const label = useEnum();
  const enumOptions = useEnumOptions();
  const run = useRun();
  const [status, setStatus] = useState<ListEntryStatus | undefined>();
  const [data] = useGql(LISTS, { s: status ?? null }, slug, { keepPrevious: true });
  const [adding, setAdding] = useState(false);
  const [addingKind, setAddingKind] = useState(false);
  const [need, setNeed] = useState<Entry | null>(null);
  const [closing, setClosing] = useState<Match | null>(null);
  const [suggested] = useGql(SUGGEST, { n: need?.id ?? '' }, slug, { enabled: !!need });
  const kinds = data?.listKinds ?? [];
  const kind = (code: string) => kinds.find((k) => k.code === code);
  const entries = data?.listEntries ?? [];
  const title = (id: string) => entries.find((e) => e.id === id)?.title ?? '';

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setAdding(true)}>{t('登记一条', 'Add an entry')}</Button>
        <Button onClick={() => setAddingKind(true)}>{t('添加清单类别', 'Add a kind of list')}</Button>
        <Select allowClear aria-label={t('状态', 'Status')} placeholder={t('全部状态', 'Every status')} value={status} onChange={setStatus} style={{ minWidth: 140 }} options={enumOptions('ListEntryStatus')} />
      </Space>
      <Space wrap>{kinds.map((k) => <Tag key={k.code}>{k.name}（{label('ListRole', k.role)}）</Tag>)}</Space>
      <Table<Entry> rowKey="id" size="small" loading={!data} dataSource={entries} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('清单还是空的', 'Nothing listed yet') }}
        columns={[
          { title: t('事项', 'Entry'), dataIndex: 'title' },
          { title: t('清单', 'List'), render: (_, e) => kind(e.kindCode)?.name ?? e.kindCode },
          { title: t('类别', 'Category'), dataIndex: 'category' },
          { title: t('登记方', 'From'), render: (_, e) => label('ListEnteredAs', e.enteredAs) },
          { title: t('状态', 'Status'), render: (_, e) => <Tag>{label('ListEntryStatus', e.status)}</Tag> },
          {
            title: t('对接', 'Matches'),
            render: (_, e) => (
              <Space direction="vertical" size={2}>
                {e.matches.filter((m) => m.needId === e.id).map((m) => (
                  <span key={m.id}>{title(m.offerId)} · {label('ListMatchStatus', m.status)}{m.outcome ? `：${m.outcome}` : ''}
                    {m.status === 'CONFIRMED' && <Button size="small" style={{ marginLeft: 4 }} onClick={() => setClosing(m)}>{t('办结', 'Close')}</Button>}</span>
                ))}
                {kind(e.kindCode)?.role === 'NEED' && e.status === 'OPEN' && <Button size="small" onClick={() => setNeed(e)}>{t('找资源对接', 'Find a match')}</Button>}
              </Space>
            ),
          },
        ]} />

      <Modal open={adding} title={t('登记一条', 'Add an entry')} onCancel={() => setAdding(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={(v: { kindCode: string; title: string; detail?: string; category: string; skills?: string[] }) => run(() => api.request(ADD, { i: {
            kindCode: v.kindCode, title: v.title.trim(), detail: v.detail?.trim() ?? '', category: v.category.trim(), skills: v.skills ?? [],
          } }, slug), t('已登记', 'Added'), () => setAdding(false))}>
          <Form.Item name="kindCode" label={t('清单', 'List')} rules={[mustChoose(t('请选择清单', 'Choose a list'))]}>
            <Select options={kinds.map((k) => ({ value: k.code, label: `${k.name}（${label('ListRole', k.role)}）` }))} />
          </Form.Item>
          <Form.Item name="title" label={t('事项', 'Entry')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="category" label={t('类别', 'Category')} rules={[{ required: true, max: 30 }]}><Input placeholder={t('助老', 'Elder care')} /></Form.Item>
          <Form.Item name="skills" label={t('涉及技能（输入后回车）', 'Skills (Enter after each)')}><Select mode="tags" tokenSeparators={['，', ',', '、']} suffixIcon={null} /></Form.Item>
          <Form.Item name="detail" label={t('说明', 'Detail')} rules={[{ max: 2000 }]}><Input.TextArea rows={3} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('登记', 'Add')}</Button>
        </Form>
      </Modal>

      <Modal open={addingKind} title={t('添加清单类别', 'Add a kind of list')} onCancel={() => setAddingKind(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ role: 'NEED', position: kinds.length + 1 }}
          onFinish={(v: { code: string; name: string; role: 'NEED' | 'OFFER'; position: number }) => run(() => api.request(KIND, { i: { code: v.code.trim(), name: v.name.trim(), role: v.role, position: v.position } }, slug), t('清单类别已保存', 'Kind saved'), () => setAddingKind(false))}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Form.Item name="code" label={t('代码（小写字母、数字、下划线）', 'Code (lower-case letters, digits, _)')} rules={[{ required: true, pattern: /^[a-z0-9_]{2,32}$/ }]}><Input /></Form.Item>
          <Form.Item name="role" label={t('用途', 'Holds')}><Select options={enumOptions('ListRole')} /></Form.Item>
          <Form.Item name="position" label={t('顺序', 'Order')}><InputNumber min={1} max={100} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('保存', 'Save')}</Button>
        </Form>
      </Modal>

      <Drawer open={!!need} width={Math.min(640, window.innerWidth)} title={t(`为「${need?.title ?? ''}」找资源`, `Matches for “${need?.title ?? ''}”`)} onClose={() => setNeed(null)} destroyOnHidden>
        <Card size="small" title={t('可对接的资源或服务', 'Offers that fit')}>
          <Table size="small" rowKey="id" pagination={false} loading={!suggested} dataSource={suggested?.listMatchSuggestions ?? []}
            locale={{ emptyText: t('没有合适的资源', 'Nothing fits yet') }}
            columns={[
              { title: t('资源或服务', 'Offer'), dataIndex: 'title' },
              { title: t('类别', 'Category'), dataIndex: 'category' },
              { title: t('技能', 'Skills'), render: (_, o) => o.skills.join('、') },
              { title: t('操作', 'Actions'), render: (_, o) => <Button size="small" onClick={() => run(() => api.request(CONFIRM, { n: need!.id, o: o.id }, slug), t('已确认对接', 'Match confirmed'), () => setNeed(null))}>{t('确认对接', 'Confirm')}</Button> },
            ]} />
        </Card>
      </Drawer>

      <Modal open={!!closing} title={t('办结对接', 'Close a match')} onCancel={() => setClosing(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ met: true }}
          onFinish={(v: { met: boolean; outcome: string }) => run(() => api.request(CLOSE, { m: closing!.id, met: v.met, o: v.outcome.trim() }, slug), v.met ? t('已办成', 'Done') : t('已记为未办成', 'Recorded as not met'), () => setClosing(null))}>
          <Form.Item name="met" label={t('结果', 'Outcome')}><Select options={[{ value: true, label: t('办成了', 'Met') }, { value: false, label: t('没办成', 'Not met') }]} /></Form.Item>
          <Form.Item name="outcome" label={t('情况说明', 'What happened')} rules={[{ required: true, max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('确定', 'Confirm')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
