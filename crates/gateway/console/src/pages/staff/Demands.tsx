import { App, Button, Descriptions, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime, useApi } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useEnum, useEnumOptions, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';
import type { DemandStatus } from '../../gql/graphql';
import type { TypedDocumentString } from '../../gql/graphql';

const DEMANDS = graphql(`query DemandsDemands($s: DemandStatus) { demands(all: true, status: $s) { id title detail category residentName status teamName resolution submittedAt }
  demandStats { total resolved }
  communityPartners { teams { id name } } courtyards { id name } }`);
const ROUTE = graphql(`mutation DemandsRoute($d: ID!, $g: ID, $t: ID) { routeDemand(demandId: $d, gridId: $g, teamId: $t) { id status } }`);
const RESOLVE = graphql(`mutation DemandsResolve($d: ID!, $r: String!) { resolveDemand(demandId: $d, resolution: $r) { id status } }`);

/** Residents' demands (民生诉求): route each to a grid or a partner team, answer it. */
export default function Demands({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const enumOptions = useEnumOptions();
  const { message } = App.useApp();
  const [status, setStatus] = useState<DemandStatus | null>(null);
  const [data, load] = useGql(DEMANDS, { s: status }, slug);
  const [routing, setRouting] = useState<{ id: string; title: string } | null>(null);
  const [resolving, setResolving] = useState<{ id: string; title: string } | null>(null);
  const run = <R, V>(q: TypedDocumentString<R, V>, v: V, done: () => void) => api.request(q, v, slug).then(() => { done(); load(); }, (e) => message.error(e.message));

  const targets = [
    ...(data?.courtyards ?? []).map((c) => ({ value: `g/${c.id}`, label: `${t('网格', 'Grid')} · ${c.name}` })),
    ...(data?.communityPartners ?? []).flatMap((p) => p.teams).map((tm) => ({ value: `t/${tm.id}`, label: `${t('共建团队', 'Team')} · ${tm.name}` })),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {data && <Descriptions size="small" items={[
        { key: 'r', label: t('收到', 'Received'), children: data.demandStats.total },
        { key: 's', label: t('已答复', 'Answered'), children: data.demandStats.resolved },
      ]} />}
      <Select aria-label={t('状态', 'Status')} allowClear placeholder={t('全部状态', 'All statuses')} value={status} onChange={setStatus} style={{ minWidth: 180 }}
        options={enumOptions('DemandStatus')} />
      <Table rowKey="id" size="small" loading={!data} dataSource={data?.demands}
        expandable={{ expandedRowRender: (d) => <p>{d.detail || '—'}{d.resolution && <><br />{t('答复', 'Answer')}：{d.resolution}</>}</p> }}
        columns={[
          { title: t('诉求', 'Demand'), dataIndex: 'title' },
          { title: t('类别', 'Category'), dataIndex: 'category' },
          { title: t('居民', 'Resident'), dataIndex: 'residentName' },
          { title: t('提交', 'Submitted'), dataIndex: 'submittedAt', render: (s) => formatDateTime(s, lang) },
          { title: t('状态', 'Status'), dataIndex: 'status', render: (s, d) => <><Tag>{label('DemandStatus', s)}</Tag>{d.teamName}</> },
          { title: t('操作', 'Actions'), render: (_, d) => ['SUBMITTED', 'ROUTED', 'REOPENED'].includes(d.status) && <Space>
            <Button size="small" onClick={() => setRouting(d)}>{t('派单', 'Route')}</Button>
            <Button size="small" type="primary" onClick={() => setResolving(d)}>{t('答复', 'Answer')}</Button>
          </Space> },
        ]} />
      <Modal open={!!routing} title={`${t('派单', 'Route')} · ${routing?.title ?? ''}`} onCancel={() => setRouting(null)} footer={null} destroyOnClose>
        <Form layout="vertical" onFinish={({ to }) => { const [k, id] = to.split('/'); run(ROUTE, { d: routing!.id, g: k === 'g' ? id : null, t: k === 't' ? id : null }, () => setRouting(null)); }}>
          <Form.Item name="to" label={t('派给', 'Send to')} rules={[mustChoose(t('请选择派给谁', 'Choose where to send it'))]}><Select options={targets} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('派单', 'Route')}</Button>
        </Form>
      </Modal>
      <Modal open={!!resolving} title={`${t('答复', 'Answer')} · ${resolving?.title ?? ''}`} onCancel={() => setResolving(null)} footer={null} destroyOnClose>
        <Form layout="vertical" onFinish={({ r }) => run(RESOLVE, { d: resolving!.id, r }, () => setResolving(null))}>
          <Form.Item name="r" label={t('答复内容', 'Answer')} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('提交答复', 'Send answer')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
