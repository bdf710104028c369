import { Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { AgreementActivityKind, AgreementsAgreementsQuery, CommitmentKind, CommitmentPer } from '../../gql/graphql';
import { chinaDay, chinaToday, useApi, useRun } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useEnum, useEnumOptions, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const AGREEMENTS = graphql(`query AgreementsAgreements { agreements { id organisationName teamName title startsOn endsOn
  commitments { kind per count } delivery { kind per from to committed held }
  activities { id kind title heldOn voided voidReason } }
  communityPartners { organisation { id name } teams { id name } } }`);
const REFERENCES = graphql(`query AgreementsReferences($from: Date!, $at: DateTime!) { courses(first: 100) { edges { node { id title } } }
  events(from: $from, days: 120) { id title startsAt } volunteerShifts(from: $at, days: 120) { id place startsAt } }`);
const SIGN = graphql(`mutation AgreementsSign($i: AgreementInputGql!) { signAgreement(input: $i) }`);
const RECORD = graphql(`mutation AgreementsRecord($a: ID!, $k: AgreementActivityKind!, $r: ID, $t: String!, $d: Date!) { recordAgreementActivity(agreementId: $a, kind: $k, reference: $r, title: $t, heldOn: $d) { id } }`);
const VOID = graphql(`mutation AgreementsVoid($a: ID!, $r: String!) { voidAgreementActivity(activityId: $a, reason: $r) { id } }`);

type Agreement = AgreementsAgreementsQuery['agreements'][number];
interface Draft { organisationId: string; teamId?: string; title: string; span: [Dayjs, Dayjs]; commitments: { kind: CommitmentKind; per: CommitmentPer; count: number }[] }

/**
 * Agreements with partners (联建协议): what the partner commits to (so many courses, shifts or
 * events a month, a quarter, a year or over the agreement), the activities held under it, and
 * delivery against the commitments period by period; an activity recorded in error is voided
 * with its reason (kept, no longer counted). With `partner` the page is a partner
 * organisation's: its own agreements, where it records what it held (staff sign and void).
 */
export default function Agreements({ slug, partner = false }: { slug: string; partner?: boolean }) {
  const api = useApi();
  const t = useT();
  const label = useEnum();
  const enumOptions = useEnumOptions();
  const run = useRun();
  const [data] = useGql(AGREEMENTS, {}, slug);
  const [signing, setSigning] = useState(false);
  const [recording, setRecording] = useState<Agreement | null>(null);
  const [voiding, setVoiding] = useState<string | null>(null);
  const [org, setOrg] = useState<string | null>(null);
  const [kind, setKind] = useState<AgreementActivityKind>('COURSE');
  const [refs] = useGql(REFERENCES, { from: chinaToday(-60), at: new Date(`${chinaToday(-60)}T00:00:00+08:00`).toISOString() }, slug, { enabled: !!recording });
    // What an activity of each kind names: a course, an event or a shift of the community.
  const references: Record<AgreementActivityKind, { value: string; label: string }[]> = {
    COURSE: (refs?.courses.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.title })),
    EVENT: (refs?.events ?? []).map((e) => ({ value: e.id, label: `${chinaDay(e.startsAt)} ${e.title}` })),
    SHIFT: (refs?.volunteerShifts ?? []).map((x) => ({ value: x.id, label: `${chinaDay(x.startsAt)} ${x.place}` })),
    OTHER: [],
  };
  const close = () => { setSigning(false); setRecording(null); setVoiding(null); setKind('COURSE'); };
  const today = chinaToday();
  const teams = (data?.communityPartners ?? []).find((p) => p.organisation.id === org)?.teams ?? [];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!partner && <Button type="primary" onClick={() => setSigning(true)}>{t('签订协议', 'Sign an agreement')}</Button>}
      {data?.agreements.length === 0 && <Empty description={t('还没有联建协议', 'No agreements yet')} />}
      {data?.agreements.map((a) => (
        <Card key={a.id} size="small" title={`${a.title} · ${a.organisationName}${a.teamName ? ` · ${a.teamName}` : ''}`}
          extra={<Button size="small" onClick={() => setRecording(a)}>{t('记一次活动', 'Record an activity')}</Button>}>
          <p>{t(`协议期 ${a.startsOn} 至 ${a.endsOn}`, `From ${a.startsOn} to ${a.endsOn}`)}</p>
          <h3 className="sub-heading">{t('承诺与落实', 'Commitments and delivery')}</h3>
          <Table size="small" rowKey={(d) => `${d.kind}-${d.per}-${d.from}`} pagination={false}
            dataSource={a.delivery.filter((d) => d.from <= today)}
            columns={[
              { title: t('期间', 'Period'), render: (_, d) => `${d.from} – ${d.to}` },
              { title: t('承诺', 'Committed'), render: (_, d) => t(`${label('CommitmentPer', d.per)} ${d.committed} 次${label('CommitmentKind', d.kind)}`, `${d.committed} ${label('CommitmentKind', d.kind)} ${label('CommitmentPer', d.per)}`) },
              { title: t('已落实', 'Held'), render: (_, d) => <Space><Progress percent={Math.min(100, Math.round((d.held / Math.max(1, d.committed)) * 100))} size="small" style={{ width: 100 }} aria-label={t('落实比例', 'Share held')} />{`${d.held} / ${d.committed}`}</Space> },
            ]} />
          <h3 className="sub-heading">{t('活动记录', 'Activities held')}</h3>
          <Table size="small" rowKey="id" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={a.activities} locale={{ emptyText: t('还没有记录', 'None yet') }}
            columns={[
              { title: t('日期', 'Date'), dataIndex: 'heldOn' },
              { title: t('类型', 'Kind'), render: (_, x) => label('AgreementActivityKind', x.kind) },
              { title: t('活动', 'Activity'), render: (_, x) => (x.voided ? <span><s>{x.title}</s> <Tag>{t(`已作废：${x.voidReason ?? ''}`, `Voided: ${x.voidReason ?? ''}`)}</Tag></span> : x.title) },
              { title: t('操作', 'Actions'), render: (_, x) => !x.voided && !partner && <Button size="small" danger onClick={() => setVoiding(x.id)}>{t('作废', 'Void')}</Button> },
            ]} />
        </Card>
      ))}

      <Modal open={signing} title={t('签订联建协议', 'Sign an agreement')} onCancel={close} footer={null} destroyOnHidden width={640}>
        <Form<Draft> layout="vertical" requiredMark={false} initialValues={{ span: [dayjs(today), dayjs(today).add(1, 'year').subtract(1, 'day')], commitments: [{ kind: 'COURSE', per: 'MONTH', count: 1 }] }}
          onFinish={(v) => run(() => api.request(SIGN, { i: {
            organisationId: v.organisationId, teamId: v.teamId ?? null, title: v.title.trim(),
            startsOn: v.span[0].format('YYYY-MM-DD'), endsOn: v.span[1].format('YYYY-MM-DD'), commitments: v.commitments,
          } }, slug), t('协议已签订', 'Agreement signed'), close)}>
          <Form.Item name="organisationId" label={t('共建单位', 'Partner')} rules={[mustChoose(t('请选择单位', 'Choose a partner'))]}>
            <Select onChange={setOrg} options={(data?.communityPartners ?? []).map((p) => ({ value: p.organisation.id, label: p.organisation.name }))} />
          </Form.Item>
          <Form.Item name="teamId" label={t('团队（可不选）', 'Team (optional)')}><Select allowClear options={teams.map((tm) => ({ value: tm.id, label: tm.name }))} /></Form.Item>
          <Form.Item name="title" label={t('协议名称', 'Title')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="span" label={t('协议期', 'Period')} rules={[{ required: true }]}><DatePicker.RangePicker /></Form.Item>
          <Form.List name="commitments">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'per']}><Select aria-label={t(`承诺 ${i + 1} 周期`, `Commitment ${i + 1} period`)} style={{ width: 120 }} options={enumOptions('CommitmentPer')} /></Form.Item>
                    <Form.Item name={[f.name, 'count']}><InputNumber aria-label={t(`承诺 ${i + 1} 次数`, `Commitment ${i + 1} count`)} min={1} max={1000} addonAfter={t('次', 'times')} /></Form.Item>
                    <Form.Item name={[f.name, 'kind']}><Select aria-label={t(`承诺 ${i + 1} 类型`, `Commitment ${i + 1} kind`)} style={{ width: 130 }} options={enumOptions('CommitmentKind')} /></Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)}>{t('删除', 'Remove')}</Button>}
                  </Space>
                ))}
                <Button onClick={() => add({ kind: 'EVENT', per: 'QUARTER', count: 1 })}>{t('加一项承诺', 'Add a commitment')}</Button>
              </>
            )}
          </Form.List>
          <div style={{ marginTop: 12 }}><Button type="primary" htmlType="submit">{t('签订', 'Sign')}</Button></div>
        </Form>
      </Modal>
      <Modal open={!!recording} title={t(`记一次活动：${recording?.title ?? ''}`, `Record an activity: ${recording?.title ?? ''}`)} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ kind: 'COURSE', on: dayjs(today) }}
          onValuesChange={(c: { kind?: AgreementActivityKind }) => c.kind && setKind(c.kind)}
          onFinish={(v: { kind: AgreementActivityKind; reference?: string; title: string; on: Dayjs }) => run(() => api.request(RECORD, { a: recording!.id, k: v.kind, r: v.kind === 'OTHER' ? null : v.reference ?? null, t: v.title.trim(), d: v.on.format('YYYY-MM-DD') }, slug), t('活动已记录', 'Activity recorded'), close)}>
          <Form.Item name="kind" label={t('类型', 'Kind')}><Select options={enumOptions('AgreementActivityKind')} /></Form.Item>
          {kind !== 'OTHER' && (
            <Form.Item name="reference" label={t(`哪一${kind === 'COURSE' ? '门课程' : kind === 'EVENT' ? '场活动' : '个班次'}`, `Which ${kind === 'COURSE' ? 'course' : kind === 'EVENT' ? 'event' : 'shift'}`)} rules={[mustChoose(t('请选择', 'Choose one'))]}>
              <Select showSearch optionFilterProp="label" options={references[kind]} />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('活动名称', 'Activity')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="on" label={t('日期', 'Date')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Button type="primary" htmlType="submit">{t('记录', 'Record')}</Button>
        </Form>
      </Modal>
      <Modal open={!!voiding} title={t('作废这条记录', 'Void this activity')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { reason: string }) => run(() => api.request(VOID, { a: voiding!, r: v.reason.trim() }, slug), t('已作废', 'Voided'), close)}>
          <Form.Item name="reason" label={t('原因', 'Why')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <Button danger htmlType="submit">{t('确认作废', 'Void it')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
