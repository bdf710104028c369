import { App, Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import { formatDateTime, useApi, useRun } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const REPORTS = graphql(`query PartyReportsList { partyReports { id name workplace partyOrganisation skills services reportedAt endedAt }
  partyServiceByWorkplace { workplace members verifiedMinutes } }`);
const END = graphql(`mutation PartyReportsEnd($id: ID!) { endPartyReport(id: $id) { id endedAt } }`);
const NOTIFY = graphql(`mutation PartyReportsNotify($t: String!, $b: String!) { notifyPartyMembers(title: $t, body: $b) }`);

/**
 * 双报到: party members who reported in to the community where they live — workplace, party
 * organisation, skills and the services they offer — their service counted per workplace, a
 * report ended, and a notice to every member reported in.
 */
export default function PartyReports({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const run = useRun();
  const { message } = App.useApp();
  const [data] = useGql(REPORTS, {}, slug);
  const [writing, setWriting] = useState(false);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setWriting(true)}>{t('通知全体报到党员', 'Write to every member reported in')}</Button>
      <Card size="small" title={t('报到党员', 'Members reported in')}>
        <Table size="small" rowKey="id" loading={!data} dataSource={data?.partyReports} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('还没有党员报到', 'Nobody has reported in') }}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'name' },
            { title: t('单位', 'Workplace'), dataIndex: 'workplace' },
            { title: t('所在党组织', 'Party organisation'), dataIndex: 'partyOrganisation' },
            { title: t('特长', 'Skills'), render: (_, r) => r.skills.join('、') },
            { title: t('可提供的服务', 'Services offered'), render: (_, r) => r.services.join('、') },
            { title: t('报到时间', 'Reported'), render: (_, r) => formatDateTime(r.reportedAt, lang) },
            { title: t('状态', 'Status'), render: (_, r) => (r.endedAt ? <Tag>{t('已结束', 'Ended')}</Tag> : <Tag color="blue">{t('在册', 'Active')}</Tag>) },
            { title: t('操作', 'Actions'), render: (_, r) => !r.endedAt && <Button size="small" onClick={() => run(() => api.request(END, { id: r.id }, slug), t(`${r.name} 的报到已结束`, `${r.name}'s report ended`))}>{t('结束报到', 'End the report')}</Button> },
          ]} />
      </Card>
      <Card size="small" title={t('按单位统计的服务', 'Service by workplace')}>
        <Table size="small" rowKey="workplace" pagination={false} dataSource={data?.partyServiceByWorkplace} locale={{ emptyText: t('没有记录', 'None') }}
          columns={[
            { title: t('单位', 'Workplace'), dataIndex: 'workplace' },
            { title: t('报到人数', 'Members'), dataIndex: 'members', align: 'right' },
            { title: t('服务时长（小时）', 'Hours served'), align: 'right', render: (_, w) => (w.verifiedMinutes / 60).toFixed(1) },
          ]} />
      </Card>
      <Modal open={writing} title={t('通知全体报到党员', 'Write to every member reported in')} onCancel={() => setWriting(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={async (v: { title: string; body: string }) => {
            try {
              const n = (await api.request(NOTIFY, { t: v.title.trim(), b: v.body.trim() }, slug)).notifyPartyMembers;
              message.success(t(`已通知 ${n} 名党员`, `${n} members told`));
              setWriting(false);
            } catch (e) {
              message.error((e as Error).message);
            }
          }}>
          <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Form.Item name="body" label={t('内容', 'Text')} rules={[{ required: true, max: 1000 }]}><Input.TextArea rows={4} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('发出', 'Send')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
