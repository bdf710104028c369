import { App, Button, Card, Empty, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime, useApi } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const PARTNERS = graphql(`query PartnersPartners { partnershipRequests(status: REQUESTED) { partnership { id requestedAt } organisation { name kind contact description } }
  communityPartners { organisation { id name kind contact } teams { id name skills } } }`);
const DECIDE = graphql(`mutation PartnersDecide($id: ID!, $a: Boolean!, $r: String) { decidePartnership(id: $id, approve: $a, reason: $r) { id status } }`);

/** Partner organisations (共建单位): requests to approve, and those approved with their teams. */
export default function Partners({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [data, load] = useGql(PARTNERS, {}, slug);
  const [declining, setDeclining] = useState<string | null>(null);
  const decide = (id: string, approve: boolean, reason?: string) => api.request(DECIDE, { id, a: approve, r: reason ?? null }, slug)
    .then(() => { setDeclining(null); load(); }, (e) => message.error(e.message));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('待审批的共建申请', 'Partnership requests')}>
        {data?.partnershipRequests.length === 0 ? <Empty description={t('没有待审批的申请', 'No requests waiting')} /> : (
          <Table rowKey={(r) => r.partnership.id} size="small" pagination={false} dataSource={data?.partnershipRequests}
            columns={[
              { title: t('单位', 'Organisation'), render: (_, r) => r.organisation.name },
              { title: t('简介', 'About'), render: (_, r) => r.organisation.description },
              { title: t('联系人', 'Contact'), render: (_, r) => r.organisation.contact },
              { title: t('申请时间', 'Requested'), render: (_, r) => formatDateTime(r.partnership.requestedAt, lang) },
              { title: t('操作', 'Actions'), render: (_, r) => <Space>
                <Button size="small" type="primary" onClick={() => decide(r.partnership.id, true)}>{t('同意', 'Approve')}</Button>
                <Button size="small" danger onClick={() => setDeclining(r.partnership.id)}>{t('拒绝', 'Decline')}</Button>
              </Space> },
            ]} />
        )}
      </Card>
      <Card size="small" title={t('共建单位与团队', 'Partners and their teams')}>
        <Table rowKey={(p) => p.organisation.id} size="small" pagination={false} dataSource={data?.communityPartners}
          columns={[
            { title: t('单位', 'Organisation'), render: (_, p) => p.organisation.name },
            { title: t('团队', 'Teams'), render: (_, p) => p.teams.map((tm) => <Tag key={tm.id}>{tm.name}</Tag>) },
            { title: t('联系人', 'Contact'), render: (_, p) => p.organisation.contact },
          ]} />
      </Card>
      <Modal open={!!declining} title={t('拒绝共建申请', 'Decline the request')} onCancel={() => setDeclining(null)} footer={null} destroyOnClose>
        <Form layout="vertical" onFinish={({ reason }) => decide(declining!, false, reason)}>
          <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true }]}><Input /></Form.Item>
          <Button type="primary" danger htmlType="submit">{t('拒绝', 'Decline')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
