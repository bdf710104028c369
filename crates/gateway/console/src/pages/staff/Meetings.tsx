import { Button, Card, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { AttendeeRole, FollowUpOwnerKind, MeetingCadencePer, MeetingKind, MeetingsMeetingQuery } from '../../gql/graphql';
import { chinaToday, formatDateTime, useApi, useRun } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useEnum, useEnumOptions, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const LIST = graphql(`query MeetingsList($k: MeetingKind, $from: Date!, $to: Date!, $withCadence: Boolean!, $ck: MeetingKind!) {
  meetings(kind: $k) { id kind title heldAt place courtyardId topics }
  meetingCadenceTargets { kind per atLeast }
  meetingCadence(kind: $ck, from: $from, to: $to) @include(if: $withCadence) { target { kind per atLeast } periods { startsOn held } met }
  courtyards { id name }
  gridAssignments { accountId displayName courtyardIds }
  communityPartners { teams { id name } }
  me { account { id displayName } }
  myFollowUps { id meetingId decision ownerKind ownerName courtyardId dueOn status closedAt dropReason } }`);
const MEETING = graphql(`query MeetingsMeeting($id: ID!) { meeting(id: $id) {
  meeting { id kind title heldAt place courtyardId topics minutes }
  attendees { role organisation people }
  followUps { id decision ownerKind ownerName courtyardId dueOn status closedAt dropReason } }
  meetingSuggestions(meetingId: $id) }`);
const RECORD = graphql(`mutation MeetingsRecord($i: RecordMeetingInput!) { recordMeeting(input: $i) { meeting { id } } }`);
const ADD_FOLLOW_UP = graphql(`mutation MeetingsAddFollowUp($m: ID!, $d: DecisionInputGql!) { addFollowUp(meetingId: $m, decision: $d) { id } }`);
const CLOSE = graphql(`mutation MeetingsClose($id: ID!, $done: Boolean!, $r: String) { closeFollowUp(id: $id, done: $done, reason: $r) { id status } }`);
const SUGGEST = graphql(`mutation MeetingsSuggest($m: ID!, $s: String!, $c: String!) { raiseMeetingSuggestion(meetingId: $m, suggestion: $s, category: $c) }`);
const SET_TARGET = graphql(`mutation MeetingsSetTarget($k: MeetingKind!, $p: MeetingCadencePer!, $n: Int!) { setMeetingCadenceTarget(kind: $k, per: $p, atLeast: $n) { kind } }`);

type FollowUp = MeetingsMeetingQuery['meeting']['followUps'][number];
interface Decision { decision: string; owner: string; courtyardId?: string; dueOn: Dayjs }
interface Draft {
  kind: MeetingKind; title: string; heldAt: Dayjs; place: string; courtyardId?: string;
  attendees: { role: AttendeeRole; organisation?: string; people: number }[];
  topics: string[]; minutes?: string; decisions: Decision[];
}

/**
 * Meetings where staff record them (民主协商会, 坝坝会, 院落夜话, 三方碰头): attendees by role,
 * topics, minutes, decisions each with an owner and a date (跟进事项), closed done or dropped
 * with a reason; residents' suggestions entered as demands; how often each kind must be held.
 */
export default function Meetings({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const enumOptions = useEnumOptions();
  const [kind, setKind] = useState<MeetingKind | undefined>();
  const [data] = useGql(LIST, { k: kind ?? null, ck: kind ?? 'CONSULTATION', withCadence: !!kind, from: chinaToday(-365), to: chinaToday() }, slug, { keepPrevious: true });
  const [recording, setRecording] = useState(false);
  const [targeting, setTargeting] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [detail] = useGql(MEETING, { id: open ?? '' }, slug, { enabled: !!open });
  const [closing, setClosing] = useState<FollowUp | null>(null);
  const [form] = Form.useForm<Draft>();
  const courtyard = new Map((data?.courtyards ?? []).map((c) => [c.id, c.name]));
  const me = data?.me.account;
  // Who may own a decision: me, a partner team, a grid worker (with the courtyards they serve).
  const owners = [
    ...(me ? [{ value: `STAFF:${me.id}`, label: t(`我（${me.displayName}）`, `Me (${me.displayName})`), name: me.displayName }] : []),
    ...(data?.communityPartners ?? []).flatMap((p) => p.teams).map((x) => ({ value: `TEAM:${x.id}`, label: t(`团队：${x.name}`, `Team: ${x.name}`), name: x.name })),
    ...(data?.gridAssignments ?? []).map((g) => {
      const where = g.courtyardIds.map((c) => courtyard.get(c) ?? '').join('、');
      return { value: `GRID_WORKER:${g.accountId}`, label: t(`网格员：${g.displayName}（${where}）`, `Grid worker: ${g.displayName} (${where})`), name: g.displayName };
    }),
  ];
  const decisionInput = (d: Decision) => {
    const [ownerKind, ownerId] = d.owner.split(':') as [FollowUpOwnerKind, string];
    return { decision: d.decision.trim(), ownerKind, ownerId, ownerName: owners.find((o) => o.value === d.owner)!.name, courtyardId: d.courtyardId ?? null, dueOn: d.dueOn.format('YYYY-MM-DD') };
  };

  const run = useRun();
  const record = (v: Draft) => run(() => api.request(RECORD, { i: {
    kind: v.kind, title: v.title.trim(), heldAt: v.heldAt.toISOString(), place: v.place.trim(), courtyardId: v.courtyardId ?? null,
    attendees: (v.attendees ?? []).map((a) => ({ role: a.role, organisation: a.organisation?.trim() ?? '', people: a.people })),
    topics: v.topics ?? [], minutes: v.minutes?.trim() ?? '', decisions: (v.decisions ?? []).map(decisionInput),
  } }, slug), t('会议已记录', 'Meeting recorded'), () => { setRecording(false); form.resetFields(); });

  const decisionFields = (prefix?: number) => {
    const n = (f: string) => (prefix == null ? f : [prefix, f]);
    return (
      <Space wrap align="start">
        <Form.Item name={n('decision')} label={t('议定事项', 'Decision')} rules={[{ required: true, max: 500 }]}><Input style={{ minWidth: 220 }} /></Form.Item>
        <Form.Item name={n('owner')} label={t('负责', 'Owner')} rules={[mustChoose(t('请选择负责人', 'Choose an owner'))]}><Select style={{ minWidth: 180 }} options={owners} /></Form.Item>
        <Form.Item name={n('courtyardId')} label={t('院落（可不选）', 'Courtyard (optional)')}><Select allowClear style={{ minWidth: 140 }} options={data?.courtyards.map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
        <Form.Item name={n('dueOn')} label={t('期限', 'Due')} rules={[{ required: true }]}><DatePicker /></Form.Item>
      </Space>
    );
  };

  const m = detail?.meeting;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setRecording(true)}>{t('记录会议', 'Record a meeting')}</Button>
        <Button onClick={() => setTargeting(true)}>{t('设定会议频次', 'Set how often')}</Button>
        <Select allowClear aria-label={t('会议类型', 'Kind')} placeholder={t('全部类型', 'Every kind')} value={kind} onChange={setKind} style={{ minWidth: 160 }} options={enumOptions('MeetingKind')} />
      </Space>
      {(data?.meetingCadenceTargets.length ?? 0) > 0 && (
        <Card size="small" title={t('会议频次要求', 'How often meetings are held')}>
          <Space wrap>{data!.meetingCadenceTargets.map((x) => <Tag key={x.kind}>{label('MeetingKind', x.kind)}：{t(`${label('MeetingCadencePer', x.per)}至少 ${x.atLeast} 次`, `${label('MeetingCadencePer', x.per)}, at least ${x.atLeast}`)}</Tag>)}</Space>
          {data?.meetingCadence && (
            <p>{t(`近一年 ${data.meetingCadence.periods.length} 期中达标 ${data.meetingCadence.met} 期`, `Met in ${data.meetingCadence.met} of ${data.meetingCadence.periods.length} periods this year`)}</p>
          )}
        </Card>
      )}
      {(data?.myFollowUps.length ?? 0) > 0 && (
        <Card size="small" title={t('我负责的跟进事项', 'Follow-ups I own')}>
          <ul className="plain-list">
            {data!.myFollowUps.map((f) => (
              <li key={f.id}>{f.decision} · {t(`期限 ${f.dueOn}`, `due ${f.dueOn}`)} <Button size="small" onClick={() => setClosing(f)}>{t('办结', 'Close')}</Button></li>
            ))}
          </ul>
        </Card>
      )}
      <Table rowKey="id" size="small" loading={!data} dataSource={data?.meetings} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('还没有会议记录', 'No meetings yet') }}
        columns={[
          { title: t('会议', 'Meeting'), dataIndex: 'title' },
          { title: t('类型', 'Kind'), render: (_, x) => label('MeetingKind', x.kind) },
          { title: t('时间', 'When'), render: (_, x) => formatDateTime(x.heldAt, lang) },
          { title: t('地点', 'Place'), render: (_, x) => `${x.place}${x.courtyardId ? ` · ${courtyard.get(x.courtyardId) ?? ''}` : ''}` },
          { title: t('议题', 'Topics'), render: (_, x) => x.topics.join('、') },
          { title: t('操作', 'Actions'), render: (_, x) => <Button size="small" onClick={() => setOpen(x.id)}>{t('纪要与跟进', 'Minutes & follow-ups')}</Button> },
        ]} />

      <Modal open={recording} title={t('记录会议', 'Record a meeting')} onCancel={() => setRecording(false)} footer={null} destroyOnHidden width={760}>
        <Form form={form} layout="vertical" requiredMark={false} onFinish={record}
          initialValues={{ kind: 'COURTYARD_MEETING', heldAt: dayjs(), attendees: [{ role: 'RESIDENTS', people: 10 }], topics: [], decisions: [] }}>
          <Space wrap>
            <Form.Item name="kind" label={t('类型', 'Kind')}><Select style={{ minWidth: 160 }} options={enumOptions('MeetingKind')} /></Form.Item>
            <Form.Item name="title" label={t('会议名称', 'Title')} rules={[{ required: true, max: 100 }]}><Input style={{ minWidth: 260 }} /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="heldAt" label={t('时间', 'When')} rules={[{ required: true }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
            <Form.Item name="place" label={t('地点', 'Place')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
            <Form.Item name="courtyardId" label={t('院落（可不选）', 'Courtyard (optional)')}><Select allowClear style={{ minWidth: 140 }} options={data?.courtyards.map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
          </Space>
          <Form.List name="attendees">
            {(fields, { add, remove }) => (
              <Card size="small" title={t('参会', 'Who came')} extra={<Button size="small" onClick={() => add({ role: 'OTHER', people: 1 })}>{t('添加一类', 'Add a group')}</Button>}>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start">
                    <Form.Item name={[f.name, 'role']} label={t('身份', 'Role')}><Select style={{ minWidth: 140 }} options={enumOptions('AttendeeRole')} /></Form.Item>
                    <Form.Item name={[f.name, 'organisation']} label={t('单位（可不填）', 'Organisation (optional)')} rules={[{ max: 100 }]}><Input /></Form.Item>
                    <Form.Item name={[f.name, 'people']} label={t('人数', 'People')} rules={[{ required: true }]}><InputNumber min={1} max={10000} /></Form.Item>
                    <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }}>{t('删除', 'Remove')}</Button>
                  </Space>
                ))}
              </Card>
            )}
          </Form.List>
          <Form.Item name="topics" label={t('议题（输入后回车）', 'Topics (Enter after each)')} rules={[{ validator: (_, v?: string[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('至少一个议题', 'At least one topic')))) }]}>
            <Select mode="tags" tokenSeparators={['，', ',', '、']} suffixIcon={null} />
          </Form.Item>
          <Form.Item name="minutes" label={t('会议纪要', 'Minutes')} rules={[{ max: 20000 }]}><Input.TextArea rows={4} /></Form.Item>
          <Form.List name="decisions">
            {(fields, { add, remove }) => (
              <Card size="small" title={t('议定事项与跟进', 'Decisions to follow up')} extra={<Button size="small" onClick={() => add({ dueOn: dayjs(chinaToday(14)) })}>{t('添加事项', 'Add a decision')}</Button>}>
                {fields.map((f) => <div key={f.key}>{decisionFields(f.name)}<Button onClick={() => remove(f.name)}>{t('删除此项', 'Remove')}</Button></div>)}
              </Card>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" style={{ marginTop: 12 }}>{t('保存会议记录', 'Save')}</Button>
        </Form>
      </Modal>

      <Modal open={targeting} title={t('设定会议频次', 'How often a kind of meeting is held')} onCancel={() => setTargeting(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ kind: 'TRIPARTITE_WEEKLY', per: 'WEEK', atLeast: 1 }}
          onFinish={(v: { kind: MeetingKind; per: MeetingCadencePer; atLeast: number }) => run(() => api.request(SET_TARGET, { k: v.kind, p: v.per, n: v.atLeast }, slug), t('已设定', 'Set'), () => setTargeting(false))}>
          <Form.Item name="kind" label={t('会议类型', 'Kind')}><Select options={enumOptions('MeetingKind')} /></Form.Item>
          <Space wrap>
            <Form.Item name="per" label={t('周期', 'Every')}><Select style={{ minWidth: 120 }} options={enumOptions('MeetingCadencePer')} /></Form.Item>
            <Form.Item name="atLeast" label={t('至少几次', 'At least')}><InputNumber min={1} max={100} /></Form.Item>
          </Space>
          <Button type="primary" htmlType="submit">{t('设定', 'Set')}</Button>
        </Form>
      </Modal>

      <Drawer open={!!open} width={Math.min(760, window.innerWidth)} title={m?.meeting.title} onClose={() => setOpen(null)} destroyOnHidden>
        {m && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={1} bordered items={[
              { key: 'k', label: t('类型', 'Kind'), children: label('MeetingKind', m.meeting.kind) },
              { key: 'w', label: t('时间地点', 'When, where'), children: `${formatDateTime(m.meeting.heldAt, lang)} · ${m.meeting.place}` },
              { key: 'a', label: t('参会', 'Who came'), children: m.attendees.map((a) => `${label('AttendeeRole', a.role)}${a.organisation ? `（${a.organisation}）` : ''} ${a.people} ${t('人', '')}`).join('；') },
              { key: 't', label: t('议题', 'Topics'), children: m.meeting.topics.join('、') },
              { key: 'm', label: t('纪要', 'Minutes'), children: <div style={{ whiteSpace: 'pre-wrap' }}>{m.meeting.minutes || '—'}</div> },
              { key: 's', label: t('居民意见（已转诉求）', 'Suggestions (as demands)'), children: detail!.meetingSuggestions.length },
            ]} />
            <Card size="small" title={t('跟进事项', 'Follow-ups')}>
              <Table size="small" rowKey="id" pagination={false} dataSource={m.followUps} locale={{ emptyText: t('没有跟进事项', 'None') }}
                columns={[
                  { title: t('事项', 'Decision'), dataIndex: 'decision' },
                  { title: t('负责', 'Owner'), render: (_, f) => `${f.ownerName}（${label('FollowUpOwnerKind', f.ownerKind)}）` },
                  { title: t('期限', 'Due'), dataIndex: 'dueOn' },
                  { title: t('状态', 'Status'), render: (_, f) => <Tag className={f.status === 'DONE' ? 'tag-ok' : f.status === 'OPEN' ? undefined : 'tag-warn'}>{label('FollowUpStatus', f.status)}{f.dropReason ? `：${f.dropReason}` : ''}</Tag> },
                  { title: t('操作', 'Actions'), render: (_, f) => f.status === 'OPEN' && <Button size="small" onClick={() => setClosing(f)}>{t('办结', 'Close')}</Button> },
                ]} />
              <Form layout="vertical" requiredMark={false} style={{ marginTop: 12 }} initialValues={{ dueOn: dayjs(chinaToday(14)) }}
                onFinish={(v: Decision) => run(() => api.request(ADD_FOLLOW_UP, { m: m.meeting.id, d: decisionInput(v) }, slug), t('已添加跟进事项', 'Follow-up added'))}>
                {decisionFields()}
                <Button htmlType="submit">{t('添加跟进事项', 'Add a follow-up')}</Button>
              </Form>
            </Card>
            <Card size="small" title={t('登记居民意见（转为诉求）', "A resident's suggestion (entered as a demand)")}>
              <Form layout="vertical" requiredMark={false}
                onFinish={(v: { suggestion: string; category: string }) => run(() => api.request(SUGGEST, { m: m.meeting.id, s: v.suggestion.trim(), c: v.category.trim() }, slug), t('已转为诉求', 'Entered as a demand'))}>
                <Form.Item name="suggestion" label={t('意见建议', 'Suggestion')} rules={[{ required: true, max: 2000 }]}><Input.TextArea rows={2} /></Form.Item>
                <Form.Item name="category" label={t('类别', 'Category')} rules={[{ required: true, max: 30 }]}><Input placeholder={t('设施维修', 'Repairs')} /></Form.Item>
                <Button htmlType="submit">{t('登记', 'Enter')}</Button>
              </Form>
            </Card>
          </Space>
        )}
      </Drawer>

      <Modal open={!!closing} title={t(`办结 · ${closing?.decision ?? ''}`, `Close · ${closing?.decision ?? ''}`)} onCancel={() => setClosing(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ done: true }}
          onFinish={(v: { done: boolean; reason?: string }) => run(() => api.request(CLOSE, { id: closing!.id, done: v.done, r: v.done ? null : v.reason?.trim() ?? null }, slug), v.done ? t('已办结', 'Done') : t('已放弃', 'Dropped'), () => setClosing(null))}>
          <Form.Item name="done" label={t('结果', 'Outcome')}>
            <Select options={[{ value: true, label: t('已办结', 'Done') }, { value: false, label: t('放弃（需说明原因）', 'Dropped (give a reason)') }]} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => !getFieldValue('done') && (
              <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true, max: 500 }]}><Input /></Form.Item>
            )}
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('确定', 'Confirm')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
