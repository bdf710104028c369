import { App, Button, Checkbox, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { PartnershipStatus } from '../../gql/graphql';
import { formatDateTime, useApi } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { canAdminDistrict, type Scope } from '../../lib/session';
import type { PartnershipsRequestsQuery } from '../../gql/graphql';

const REQUESTS = graphql(`query PartnershipsRequests($c: String!, $s: PartnershipStatus) {
  districtPartnershipRequests(districtCode: $c, status: $s) {
    partnership { id status reason requestedAt decidedAt residentRights endedAt endReason }
    organisation { id name kind contact description } } }`);
const DECIDE = graphql(`mutation PartnershipsDecide($id: ID!, $ok: Boolean!, $r: String, $rights: Boolean!) {
  decidePartnership(id: $id, approve: $ok, reason: $r, residentRights: $rights) { id status } }`);
const END = graphql(`mutation PartnershipsEnd($id: ID!, $r: String!) { endPartnership(id: $id, reason: $r) { id status } }`);

type Request = PartnershipsRequestsQuery['districtPartnershipRequests'][number];
type Deciding = { id: string; name: string; approve: boolean } | null;

/**
 * Partnerships asked of the whole district (a university serving every community): approve
 * (optionally with residents' rights for its people), decline with a reason, end one.
 */
export default function Partnerships({ scope }: { scope: Scope }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const { message } = App.useApp();
  const admin = canAdminDistrict(scope);
  const [status, setStatus] = useState<PartnershipStatus | 'ALL'>('REQUESTED');
  const [data, load] = useGql(REQUESTS, { c: scope.code!, s: status === 'ALL' ? null : status });
  const [deciding, setDeciding] = useState<Deciding>(null);
  const [ending, setEnding] = useState<{ id: string; name: string } | null>(null);

  const decide = async (v: { reason?: string; rights?: boolean }) => {
    try {
      await api.request(DECIDE, { id: deciding!.id, ok: deciding!.approve, r: v.reason || null, rights: !!v.rights });
      message.success(deciding!.approve ? t('已同意', 'Approved') : t('已拒绝', 'Declined'));
      setDeciding(null);
      load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const end = async (v: { reason: string }) => {
    try {
      await api.request(END, { id: ending!.id, r: v.reason });
      setEnding(null);
      load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Segmented aria-label={t('状态', 'Status')} value={status} onChange={(v) => setStatus(v as PartnershipStatus | 'ALL')}
        options={[
          ...(['REQUESTED', 'APPROVED', 'DECLINED', 'ENDED'] as const).map((s) => ({ value: s, label: label('PartnershipStatus', s) })),
          { value: 'ALL', label: t('全部', 'All') },
        ]} />
      <Table<Request> rowKey={(r) => r.partnership.id} size="small" loading={!data} dataSource={data?.districtPartnershipRequests} pagination={false}
        columns={[
          { title: t('单位', 'Organisation'), render: (_, r) => r.organisation.name },
          { title: t('类型', 'Kind'), render: (_, r) => label('OrganisationKind', r.organisation.kind) },
          { title: t('简介', 'About'), render: (_, r) => r.organisation.description },
          { title: t('申请时间', 'Asked'), render: (_, r) => formatDateTime(r.partnership.requestedAt, lang) },
          {
            title: t('状态', 'Status'),
            render: (_, r) => (
              <>
                <Tag>{label('PartnershipStatus', r.partnership.status)}</Tag>
                {r.partnership.residentRights && <Tag>{t('含居民权利', "Residents' rights")}</Tag>}
                {r.partnership.reason ?? r.partnership.endReason ?? ''}
              </>
            ),
          },
          ...(admin ? [{
            title: t('操作', 'Actions'),
            render: (_: unknown, r: Request) => (
              <Space size="small" wrap>
                {r.partnership.status === 'REQUESTED' && (
                  <>
                    <Button size="small" type="primary" onClick={() => setDeciding({ id: r.partnership.id, name: r.organisation.name, approve: true })}>{t('同意', 'Approve')}</Button>
                    <Button size="small" danger onClick={() => setDeciding({ id: r.partnership.id, name: r.organisation.name, approve: false })}>{t('拒绝', 'Decline')}</Button>
                  </>
                )}
                {r.partnership.status === 'APPROVED' && (
                  <Button size="small" danger onClick={() => setEnding({ id: r.partnership.id, name: r.organisation.name })}>{t('结束共建', 'End')}</Button>
                )}
              </Space>
            ),
          }] : []),
        ]} />
      <Modal open={!!deciding} footer={null} destroyOnHidden onCancel={() => setDeciding(null)}
        title={deciding?.approve ? t(`同意 ${deciding?.name} 的共建申请`, `Approve ${deciding?.name}`) : t(`拒绝 ${deciding?.name} 的共建申请`, `Decline ${deciding?.name}`)}>
        <Form layout="vertical" onFinish={decide} requiredMark={false}>
          {deciding?.approve ? (
            <Form.Item name="rights" valuePropName="checked">
              <Checkbox>{t('其成员在全区社区享有居民权利（报名、预约）', 'Its people hold residents’ rights in the district’s communities')}</Checkbox>
            </Form.Item>
          ) : (
            <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true, max: 500 }]}><Input.TextArea rows={3} /></Form.Item>
          )}
          <Button type="primary" danger={!deciding?.approve} htmlType="submit">{t('确定', 'Confirm')}</Button>
        </Form>
      </Modal>
      <Modal open={!!ending} footer={null} destroyOnHidden onCancel={() => setEnding(null)} title={t(`结束与 ${ending?.name} 的共建`, `End the partnership with ${ending?.name}`)}>
        <Form layout="vertical" onFinish={end} requiredMark={false}>
          <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true, max: 500 }]}><Input.TextArea rows={3} /></Form.Item>
          <Button type="primary" danger htmlType="submit">{t('结束', 'End')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
