import { App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime, useApi, useRun } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import GroupBookingForm from '../../components/GroupBookingForm';
import { graphql } from '../../gql';

const PARTNERS = graphql(`query PartnersPartners { partnershipRequests(status: REQUESTED) { partnership { id requestedAt } organisation { name kind contact description } }
  communityPartners { organisation { id name kind contact } teams { id name skills } }
  partnerPeople { accountId displayName organisationName memberRole viaDistrict residentRights active }
  partnerAlliances { alliance { id name purpose } members { organisationId part } } spaces { id name } }`);
const BOOK_TEAM = graphql(`mutation PartnersBookTeam($t: ID!, $s: ID!, $at: DateTime!, $m: Int!, $p: String!, $a: Int!, $w: Int!) {
  bookSpaceForTeam(teamId: $t, spaceId: $s, startsAt: $at, minutes: $m, purpose: $p, attendance: $a, weeks: $w) { id } }`);
const ALLIANCE = graphql(`mutation PartnersAlliance($n: String!, $p: String!) { createPartnerAlliance(name: $n, purpose: $p) { id } }`);
const PUT_MEMBER = graphql(`mutation PartnersPutMember($a: ID!, $o: ID!, $p: String!) { putPartnerAllianceMember(allianceId: $a, organisationId: $o, part: $p) { part } }`);
const REMOVE_MEMBER = graphql(`mutation PartnersRemoveMember($a: ID!, $o: ID!) { removePartnerAllianceMember(allianceId: $a, organisationId: $o) }`);
const SERVICE = graphql(`query PartnersTeamService($t: ID!) { teamService(teamId: $t) { volunteers verifiedMinutes points } }`);

/** What a team's volunteers have given here (团队服务). */
function TeamService({ slug, team }: { slug: string; team: string }) {
  const t = useT();
  const [data] = useGql(SERVICE, { t: team }, slug);
  const s = data?.teamService;
  return s ? <p role="status">{t(`${s.volunteers} 名志愿者，服务 ${(s.verifiedMinutes / 60).toFixed(1)} 小时，获得 ${s.points} 积分`, `${s.volunteers} volunteers, ${(s.verifiedMinutes / 60).toFixed(1)} hours, ${s.points} points`)}</p> : null;
}
const DECIDE = graphql(`mutation PartnersDecide($id: ID!, $a: Boolean!, $r: String) { decidePartnership(id: $id, approve: $a, reason: $r) { id status } }`);

/**
 * Partner organisations (共建单位): requests to approve, those approved with their teams —
 * each team's service here and a room booked for it — alliances (共同体) with each partner's
 * part, and the partners' people who hold access to the community.
 */
export default function Partners({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const { message } = App.useApp();
  const [data, load] = useGql(PARTNERS, {}, slug);
  const [declining, setDeclining] = useState<string | null>(null);
  const [team, setTeam] = useState<{ id: string; name: string } | null>(null);
  const [allianceForm, setAllianceForm] = useState<'new' | string | null>(null);
  const run = useRun();
  const orgName = new Map((data?.communityPartners ?? []).map((p) => [p.organisation.id, p.organisation.name]));
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
            { title: t('团队（点击看服务）', 'Teams (their service)'), render: (_, p) => <Space wrap>{p.teams.map((tm) => <Button key={tm.id} size="small" onClick={() => setTeam(tm)}>{tm.name}</Button>)}</Space> },
            { title: t('联系人', 'Contact'), render: (_, p) => p.organisation.contact },
          ]} />
      </Card>
      <Card size="small" title={t('共建单位人员', "Partners' people here")}>
        <Table rowKey={(p) => `${p.accountId}-${p.organisationName}`} size="small" pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={data?.partnerPeople}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'displayName' },
            { title: t('单位', 'Organisation'), dataIndex: 'organisationName' },
            { title: t('角色', 'Role'), render: (_, p) => label('OrganisationRole', p.memberRole) },
            { title: t('经由', 'Through'), render: (_, p) => (p.viaDistrict ? t('街道/区级共建', 'The district') : t('本社区', 'This community')) },
            { title: t('状态', 'Status'), render: (_, p) => (p.active ? <Tag color="blue">{t('有效', 'Active')}</Tag> : <Tag>{t('已停用', 'Inactive')}</Tag>) },
          ]} />
      </Card>
      <Card size="small" title={t('共建共同体', 'Alliances')} extra={<Button size="small" onClick={() => setAllianceForm('new')}>{t('组建共同体', 'Form an alliance')}</Button>}>
        {data?.partnerAlliances.length === 0 && <Empty description={t('还没有共同体', 'No alliances yet')} />}
        {data?.partnerAlliances.map((a) => (
          <div key={a.alliance.id} style={{ marginBottom: 12 }}>
            <h3 className="sub-heading">{a.alliance.name}</h3>
            {a.alliance.purpose && <p>{a.alliance.purpose}</p>}
            <Table rowKey="organisationId" size="small" pagination={false} dataSource={a.members} locale={{ emptyText: t('还没有成员单位', 'No members yet') }}
              columns={[
                { title: t('单位', 'Organisation'), render: (_, m) => orgName.get(m.organisationId) ?? m.organisationId },
                { title: t('分工', 'Part'), dataIndex: 'part' },
                { title: t('操作', 'Actions'), render: (_, m) => <Button size="small" danger onClick={() => run(() => api.request(REMOVE_MEMBER, { a: a.alliance.id, o: m.organisationId }, slug), t('已移出', 'Taken out'))}>{t('移出', 'Take out')}</Button> },
              ]} />
            <Button size="small" style={{ marginTop: 8 }} onClick={() => setAllianceForm(a.alliance.id)}>{t('加入单位或调整分工', 'Add a member or change its part')}</Button>
          </div>
        ))}
      </Card>
      <Modal open={allianceForm === 'new'} title={t('组建共同体', 'Form an alliance')} onCancel={() => setAllianceForm(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { name: string; purpose?: string }) => run(() => api.request(ALLIANCE, { n: v.name.trim(), p: v.purpose?.trim() ?? '' }, slug), t('共同体已组建', 'Alliance formed'), () => setAllianceForm(null))}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Form.Item name="purpose" label={t('宗旨', 'Purpose')} rules={[{ max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('组建', 'Form')}</Button>
        </Form>
      </Modal>
      <Modal open={!!allianceForm && allianceForm !== 'new'} title={t('加入单位或调整分工', 'Add a member or change its part')} onCancel={() => setAllianceForm(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { organisationId: string; part: string }) => run(() => api.request(PUT_MEMBER, { a: allianceForm!, o: v.organisationId, p: v.part.trim() }, slug), t('已保存', 'Saved'), () => setAllianceForm(null))}>
          <Form.Item name="organisationId" label={t('单位', 'Organisation')} rules={[mustChoose(t('请选择单位', 'Choose one'))]}>
            <Select options={(data?.communityPartners ?? []).map((p) => ({ value: p.organisation.id, label: p.organisation.name }))} />
          </Form.Item>
          <Form.Item name="part" label={t('分工', 'Part')} rules={[{ required: true, max: 100 }]}><Input placeholder={t('医疗服务', 'Health care')} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('保存', 'Save')}</Button>
        </Form>
      </Modal>
      <Modal open={!!team} title={t(`团队：${team?.name ?? ''}`, `Team: ${team?.name ?? ''}`)} onCancel={() => setTeam(null)} footer={null} destroyOnHidden>
        {team && <TeamService slug={slug} team={team.id} />}
        <h3 className="sub-heading">{t('为团队预约场地', 'Book a room for the team')}</h3>
        {team && <GroupBookingForm spaces={data?.spaces ?? []} onBook={(b) => run(() => api.request(BOOK_TEAM, {
          t: team.id, s: b.spaceId, at: b.startsAt, m: b.minutes, p: b.purpose, a: b.attendance, w: b.weeks,
        }, slug), t('已为团队预约场地', 'Booked for the team'), () => setTeam(null))} />}
      </Modal>
      <Modal open={!!declining} title={t('拒绝共建申请', 'Decline the request')} onCancel={() => setDeclining(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={({ reason }) => decide(declining!, false, reason)}>
          <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true }]}><Input /></Form.Item>
          <Button type="primary" danger htmlType="submit">{t('拒绝', 'Decline')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
