// The organisation admin's work: its people (added as new accounts, taken out), its teams
// (formed with a leader and members) and its partnerships (asked of a community or a
// district, ended with a reason).
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { PartnerMineQuery } from '../../gql/graphql';
import { formatDateTime, useApi, useRun } from '../../lib/api';
import { mustChoose, rules } from '../../lib/forms';
import { useEnum, useLang, useT } from '../../lib/i18n';

type Mine = PartnerMineQuery['myOrganisations'][number];

const ADD_MEMBER = graphql(`mutation PartnerAddMember($o: ID!, $p: CreateAccountInput!) { addOrganisationMember(organisationId: $o, person: $p) { id } }`);
const REMOVE_MEMBER = graphql(`mutation PartnerRemoveMember($o: ID!, $a: ID!) { removeOrganisationMember(organisationId: $o, accountId: $a) }`);
const CREATE_TEAM = graphql(`mutation PartnerCreateTeam($o: ID!, $i: PartnerTeamInput!) { createPartnerTeam(organisationId: $o, input: $i) { id } }`);
const SET_MEMBERS = graphql(`mutation PartnerTeamMembers($t: ID!, $m: [ID!]!) { setPartnerTeamMembers(teamId: $t, memberIds: $m) { id } }`);
const REQUEST = graphql(`mutation PartnerRequest($o: ID!, $d: String, $c: String) { requestPartnership(organisationId: $o, districtCode: $d, communitySlug: $c) { id status } }`);
const END = graphql(`mutation PartnerEnd($p: ID!, $r: String!) { endPartnership(id: $p, reason: $r) { id status } }`);

export default function Work({ mine, reload }: { mine: Mine; reload: () => void }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const run = useRun();
  const [adding, setAdding] = useState<'person' | 'team' | 'partnership' | null>(null);
  const org = mine.organisation.id;
  const admin = mine.myRole === 'ADMIN';
  const people = mine.members.map((m) => ({ value: m.accountId, label: m.displayName }));
  const close = () => { setAdding(null); reload(); };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('共建关系', 'Partnerships')}
        extra={admin && <Button onClick={() => setAdding('partnership')}>{t('申请共建', 'Ask to partner')}</Button>}>
        <Table rowKey="id" size="small" pagination={false} dataSource={mine.partnerships}
          locale={{ emptyText: t('还没有申请共建', 'No partnership requested yet') }}
          columns={[
            { title: t('状态', 'Status'), render: (_, p) => <Tag>{label('PartnershipStatus', p.status)}</Tag> },
            { title: t('对象', 'With'), render: (_, p) => (p.districtId ? t('区县（全区社区）', 'A district') : t('一个社区', 'One community')) },
            { title: t('申请时间', 'Asked'), render: (_, p) => formatDateTime(p.requestedAt, lang) },
            { title: t('说明', 'Note'), render: (_, p) => p.reason ?? p.endReason ?? '' },
            {
              title: t('操作', 'Actions'),
              render: (_, p) => admin && p.status === 'APPROVED' && (
                <Popconfirm title={t('结束这项共建？团队成员将失去在该处的权限。', 'End it? The teams lose their access there.')}
                  okText={t('结束', 'End')} cancelText={t('取消', 'Cancel')}
                  onConfirm={() => run(() => api.request(END, { p: p.id, r: t('单位结束共建', 'Ended by the organisation') }), t('已结束', 'Ended'), reload)}>
                  <Button>{t('结束共建', 'End')}</Button>
                </Popconfirm>
              ),
            },
          ]} />
      </Card>
      <Card size="small" title={t('团队', 'Teams')} extra={admin && <Button onClick={() => setAdding('team')}>{t('组建团队', 'Form a team')}</Button>}>
        <Table rowKey="id" size="small" pagination={false} dataSource={mine.teams}
          locale={{ emptyText: t('还没有团队', 'No team yet') }}
          columns={[
            { title: t('团队', 'Team'), dataIndex: 'name' },
            { title: t('专长', 'Skills'), render: (_, tm) => tm.skills.join('、') },
            {
              title: t('成员', 'Members'),
              render: (_, tm) => admin ? (
                <Select mode="multiple" style={{ minWidth: 220 }} aria-label={t(`${tm.name}的成员`, `Members of ${tm.name}`)}
                  value={tm.memberIds ?? []} options={people}
                  onChange={(m: string[]) => run(() => api.request(SET_MEMBERS, { t: tm.id, m }), t('成员已更新', 'Members updated'), reload)} />
              ) : (tm.memberIds ?? []).length,
            },
          ]} />
      </Card>
      <Card size="small" title={t('成员', 'People')} extra={admin && <Button onClick={() => setAdding('person')}>{t('添加成员', 'Add a person')}</Button>}>
        <Table rowKey="accountId" size="small" pagination={false} dataSource={mine.members}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'displayName' },
            { title: t('角色', 'Role'), render: (_, m) => label('OrganisationRole', m.role) },
            {
              title: t('操作', 'Actions'),
              render: (_, m) => admin && m.role !== 'ADMIN' && (
                <Popconfirm title={t(`将${m.displayName}移出本单位和团队？`, `Take ${m.displayName} out?`)} okText={t('移出', 'Take out')} cancelText={t('取消', 'Cancel')}
                  onConfirm={() => run(() => api.request(REMOVE_MEMBER, { o: org, a: m.accountId }), t('已移出', 'Taken out'), reload)}>
                  <Button>{t('移出', 'Take out')}</Button>
                </Popconfirm>
              ),
            },
          ]} />
      </Card>
      <Modal open={adding === 'person'} title={t('添加成员', 'Add a person')} footer={null} onCancel={() => setAdding(null)} destroyOnClose>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { loginName: string; displayName: string; password: string }) =>
          run(() => api.request(ADD_MEMBER, { o: org, p: { loginName: v.loginName.trim(), displayName: v.displayName.trim(), password: v.password } }), t('已添加', 'Added'), close)}>
          <Form.Item name="displayName" label={t('姓名', 'Name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="loginName" label={t('登录账号', 'Login name')} rules={[{ required: true, pattern: rules.loginName }]}><Input /></Form.Item>
          <Form.Item name="password" label={t('初始密码（至少 8 位）', 'First password (8 or more)')} rules={[{ required: true, min: rules.passwordMin }]}><Input.Password /></Form.Item>
          <Button type="primary" htmlType="submit" block>{t('添加', 'Add')}</Button>
        </Form>
      </Modal>
      <Modal open={adding === 'team'} title={t('组建团队', 'Form a team')} footer={null} onCancel={() => setAdding(null)} destroyOnClose>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { name: string; leaderId: string; contact: string; skills?: string; memberIds?: string[] }) =>
          run(() => api.request(CREATE_TEAM, { o: org, i: { name: v.name.trim(), leaderId: v.leaderId, contact: v.contact.trim(),
            skills: (v.skills ?? '').split(/[、,，\s]+/).filter(Boolean), memberIds: v.memberIds ?? [] } }), t('团队已组建', 'Team formed'), close)}>
          <Form.Item name="name" label={t('团队名称', 'Team')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="leaderId" label={t('负责人', 'Leader')} rules={[mustChoose(t('请选择负责人', 'Choose a leader'))]}><Select options={people} /></Form.Item>
          <Form.Item name="memberIds" label={t('成员', 'Members')}><Select mode="multiple" options={people} /></Form.Item>
          <Form.Item name="contact" label={t('联系方式', 'Contact')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="skills" label={t('专长（用顿号分开）', 'Skills (separated by 、)')}><Input /></Form.Item>
          <Button type="primary" htmlType="submit" block>{t('组建', 'Form it')}</Button>
        </Form>
      </Modal>
      <Modal open={adding === 'partnership'} title={t('申请共建', 'Ask to partner')} footer={null} onCancel={() => setAdding(null)} destroyOnClose>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { slug?: string; district?: string }) =>
          run(() => api.request(REQUEST, { o: org, c: v.slug?.trim() || null, d: v.slug?.trim() ? null : v.district?.trim() || null }), t('已提交共建申请', 'Request sent'), close)}>
          <Form.Item name="slug" label={t('社区代码（与一个社区共建）', "A community's code (to partner with one community)")}><Input placeholder="xinhua" /></Form.Item>
          <Form.Item name="district" label={t('或区县代码（与全区共建）', "Or a district's code (to partner with all its communities)")}><Input placeholder="510109" /></Form.Item>
          <Button type="primary" htmlType="submit" block>{t('提交申请', 'Send')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
