import { Button, Descriptions, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime, useApi, useRun } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useEnum, useEnumOptions, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';
import type { DemandStatus, DemandsDemandsQuery } from '../../gql/graphql';
import ResidentPicker from './ResidentPicker';

const DEMANDS = graphql(`query DemandsDemands($s: DemandStatus) {
  demands(all: true, status: $s) { id title detail category residentName gridId status teamName resolution submittedAt resolvedAt
    steps { step forResident note at } }
  demandStats { total resolved confirmed reopened resolutionRate meanHoursToResolve }
  communityPartners { teams { id name } } courtyards { id name kind } }`);
const SUBMIT = graphql(`mutation DemandsSubmit($i: DemandInputGql!) { submitDemand(input: $i) { id } }`);
const ROUTE = graphql(`mutation DemandsRoute($d: ID!, $g: ID, $t: ID) { routeDemand(demandId: $d, gridId: $g, teamId: $t) { id status } }`);
const RESOLVE = graphql(`mutation DemandsResolve($d: ID!, $r: String!) { resolveDemand(demandId: $d, resolution: $r) { id status } }`);
const ANSWER = graphql(`mutation DemandsAnswer($d: ID!, $ok: Boolean!, $why: String) { answerDemand(demandId: $d, agree: $ok, reason: $why) { id status } }`);

type Demand = DemandsDemandsQuery['demands'][number];

/**
 * Residents' demands (民生诉求): taken in for a resident, routed to a grid or a partner team,
 * answered, and confirmed or reopened for a resident who cannot do it on the phone; each one's
 * steps; the resolution rate and time; the list by grid (no map needed).
 */
export default function Demands({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const enumOptions = useEnumOptions();
  const run = useRun();
  const [status, setStatus] = useState<DemandStatus | null>(null);
  const [grid, setGrid] = useState<string | null>(null);
  const [data] = useGql(DEMANDS, { s: status }, slug);
  const [taking, setTaking] = useState(false);
  const [picked, setPicked] = useState<string | null>(null); // the name of the resident taken in for
  const [routing, setRouting] = useState<Demand | null>(null);
  const [resolving, setResolving] = useState<Demand | null>(null);
  const [confirming, setConfirming] = useState<Demand | null>(null);
  // Demands go to grids (网格), not to courtyards.
  const grids = (data?.courtyards ?? []).filter((c) => c.kind === 'GRID');
  const gridName = new Map(grids.map((c) => [c.id, c.name]));
  const stats = data?.demandStats;
  const shown = (data?.demands ?? []).filter((d) => !grid || d.gridId === grid);

  const targets = [
    ...grids.map((c) => ({ value: `g/${c.id}`, label: `${t('网格', 'Grid')} · ${c.name}` })),
    ...(data?.communityPartners ?? []).flatMap((p) => p.teams).map((tm) => ({ value: `t/${tm.id}`, label: `${t('共建团队', 'Team')} · ${tm.name}` })),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {stats && <Descriptions size="small" items={[
        { key: 'r', label: t('收到', 'Received'), children: stats.total },
        { key: 's', label: t('已答复', 'Answered'), children: stats.resolved },
        { key: 'c', label: t('居民认可', 'Confirmed'), children: stats.confirmed },
        { key: 'o', label: t('重新打开', 'Reopened'), children: stats.reopened },
        { key: 'rate', label: t('解决率', 'Resolution rate'), children: stats.resolutionRate == null ? '—' : `${Math.round(stats.resolutionRate * 100)}%` },
        { key: 'h', label: t('平均答复用时', 'Mean time to answer'), children: stats.meanHoursToResolve == null ? '—' : t(`${stats.meanHoursToResolve.toFixed(1)} 小时`, `${stats.meanHoursToResolve.toFixed(1)} h`) },
      ]} />}
      <Space wrap>
        <Button type="primary" onClick={() => setTaking(true)}>{t('代居民登记诉求', 'Take one in for a resident')}</Button>
        <Select aria-label={t('状态', 'Status')} allowClear placeholder={t('全部状态', 'All statuses')} value={status} onChange={setStatus} style={{ minWidth: 160 }}
          options={enumOptions('DemandStatus')} />
        <Select id="demand-grid" aria-label={t('网格', 'Grid')} allowClear placeholder={t('全部网格', 'Every grid')} value={grid} onChange={setGrid} style={{ minWidth: 160 }}
          options={grids.map((c) => ({ value: c.id, label: c.name }))} />
      </Space>
      <Table<Demand> rowKey="id" size="small" loading={!data} dataSource={shown}
        expandable={{
          expandedRowRender: (d) => (
            <div>
              <p>{d.detail || '—'}{d.resolution && <><br />{t('答复', 'Answer')}：{d.resolution}</>}</p>
              <ul className="plain-list">
                {d.steps.map((s) => <li key={`${s.step}-${s.at}`}>{formatDateTime(s.at, lang)} · {label('DemandStatus', s.step)}{s.forResident ? t('（代办）', ' (for the resident)') : ''}{s.note ? `：${s.note}` : ''}</li>)}
              </ul>
            </div>
          ),
        }}
        columns={[
          { title: t('诉求', 'Demand'), dataIndex: 'title' },
          { title: t('类别', 'Category'), dataIndex: 'category' },
          { title: t('居民', 'Resident'), dataIndex: 'residentName' },
          { title: t('网格', 'Grid'), render: (_, d) => (d.gridId ? gridName.get(d.gridId) : null) ?? '—' },
          { title: t('提交', 'Submitted'), dataIndex: 'submittedAt', render: (s) => formatDateTime(s, lang) },
          { title: t('状态', 'Status'), dataIndex: 'status', render: (s, d) => <><Tag>{label('DemandStatus', s)}</Tag>{d.teamName}</> },
          {
            title: t('操作', 'Actions'),
            render: (_, d) => (
              <Space wrap>
                {['SUBMITTED', 'ROUTED', 'REOPENED'].includes(d.status) && <>
                  <Button size="small" onClick={() => setRouting(d)}>{t('派单', 'Route')}</Button>
                  <Button size="small" type="primary" onClick={() => setResolving(d)}>{t('答复', 'Answer')}</Button>
                </>}
                {d.status === 'RESOLVED' && <Button size="small" onClick={() => setConfirming(d)}>{t('代居民确认', 'Confirm for the resident')}</Button>}
              </Space>
            ),
          },
        ]} />
      <Modal open={taking} title={t('代居民登记诉求', 'Take one in for a resident')} onCancel={() => setTaking(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={(v: { person?: string; title: string; category: string; detail?: string; gridId?: string }) => run(() => api.request(SUBMIT, { i: {
            title: v.title.trim(), category: v.category.trim(), detail: v.detail?.trim() ?? '', forPersonId: v.person ?? null, forName: picked ?? null, gridId: v.gridId ?? null,
          } }, slug), t('诉求已登记', 'Taken in'), () => setTaking(false))}>
          <Form.Item name="person" label={t('居民（输入姓名查找）', 'Resident (type a name)')} rules={[mustChoose(t('请选择居民', 'Choose a resident'))]}><ResidentPicker slug={slug} onPick={(r) => setPicked(r.name)} /></Form.Item>
          <Form.Item name="title" label={t('诉求', 'Demand')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="category" label={t('类别', 'Category')} rules={[{ required: true, max: 30 }]}><Input placeholder={t('设施维修', 'Repairs')} /></Form.Item>
          <Form.Item name="gridId" label={t('网格（可不选）', 'Grid (optional)')}><Select allowClear options={grids.map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
          <Form.Item name="detail" label={t('详情', 'Detail')} rules={[{ max: 1000 }]}><Input.TextArea rows={3} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('登记', 'Take in')}</Button>
        </Form>
      </Modal>
      <Modal open={!!routing} title={`${t('派单', 'Route')} · ${routing?.title ?? ''}`} onCancel={() => setRouting(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={({ to }: { to: string }) => { const [k, id] = to.split('/'); run(() => api.request(ROUTE, { d: routing!.id, g: k === 'g' ? id : null, t: k === 't' ? id : null }, slug), t('已派单', 'Routed'), () => setRouting(null)); }}>
          <Form.Item name="to" label={t('派给', 'Send to')} rules={[mustChoose(t('请选择派给谁', 'Choose where to send it'))]}><Select options={targets} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('派单', 'Route')}</Button>
        </Form>
      </Modal>
      <Modal open={!!resolving} title={`${t('答复', 'Answer')} · ${resolving?.title ?? ''}`} onCancel={() => setResolving(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={({ r }: { r: string }) => run(() => api.request(RESOLVE, { d: resolving!.id, r: r.trim() }, slug), t('已答复', 'Answered'), () => setResolving(null))}>
          <Form.Item name="r" label={t('答复内容', 'Answer')} rules={[{ required: true, max: 2000 }]}><Input.TextArea rows={3} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('提交答复', 'Send answer')}</Button>
        </Form>
      </Modal>
      <Modal open={!!confirming} title={`${t('代居民确认', 'Confirm for the resident')} · ${confirming?.title ?? ''}`} onCancel={() => setConfirming(null)} footer={null} destroyOnHidden>
        <p>{confirming?.resolution}</p>
        <Form layout="vertical" requiredMark={false} initialValues={{ agree: true }}
          onFinish={(v: { agree: boolean; reason?: string }) => run(() => api.request(ANSWER, { d: confirming!.id, ok: v.agree, why: v.agree ? null : v.reason?.trim() ?? null }, slug), v.agree ? t('居民认可，已办结', 'Confirmed: closed') : t('居民不认可，已重新打开', 'Not agreed: open again'), () => setConfirming(null))}>
          <Form.Item name="agree" label={t('居民的意见', "The resident's view")}>
            <Select options={[{ value: true, label: t('认可答复', 'Agrees') }, { value: false, label: t('不认可（请说明）', 'Does not agree (say why)') }]} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => !getFieldValue('agree') && (
              <Form.Item name="reason" label={t('原因', 'Why')} rules={[{ required: true, max: 500 }]}><Input /></Form.Item>
            )}
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('确定', 'Confirm')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
