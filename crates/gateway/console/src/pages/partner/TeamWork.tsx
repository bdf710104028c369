// A partner team at work in one community its organisation partners with: booking rooms for
// the team, joining the time bank with the team (and what its volunteers have given), the
// community's teachers who teach for it, micro-venture calls and its proposals and projects,
// and its agreements, where it records the activities it held.
import { Button, Card, Descriptions, Form, Input, Select, Space, Switch, Tabs, Typography } from 'antd';
import { useState } from 'react';
import GroupBookingForm from '../../components/GroupBookingForm';
import { graphql } from '../../gql';
import { useApi, useRun } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import Agreements from '../staff/Agreements';
import Ventures from '../staff/Ventures';

const HERE = graphql(`query PartnerTeamHere($team: ID!) { spaces { id name }
  teamService(teamId: $team) { volunteers verifiedMinutes points }
  teachers(first: 100) { edges { node { id name skills teamId } } } }`);
const BOOK = graphql(`mutation PartnerBookForTeam($t: ID!, $s: ID!, $at: DateTime!, $m: Int!, $p: String!, $a: Int!, $w: Int!) {
  bookSpaceForTeam(teamId: $t, spaceId: $s, startsAt: $at, minutes: $m, purpose: $p, attendance: $a, weeks: $w) { id } }`);
const JOIN = graphql(`mutation PartnerJoinTimeBank($t: ID!, $s: [String!]!, $p: Boolean!) { joinTimeBankWithTeam(teamId: $t, skills: $s, partyMember: $p) }`);

export interface Team { id: string; name: string }

export default function TeamWork({ communities, teams }: { communities: { slug: string; name: string }[]; teams: Team[] }) {
  const t = useT();
  const [slug, setSlug] = useState(communities[0]?.slug);
  const [teamId, setTeamId] = useState(teams[0]?.id);
  if (!slug || !teamId) {
    return (
      <Typography.Paragraph>
        {!slug ? t('共建申请通过后，团队就可以在该社区开展工作。', 'Once a partnership is approved, the teams can work in that community.')
          : t('先组建一个团队。', 'Form a team first.')}
      </Typography.Paragraph>
    );
  }
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select id="work-community" aria-label={t('社区', 'Community')} style={{ minWidth: 180 }} value={slug} onChange={setSlug}
          options={communities.map((c) => ({ value: c.slug, label: c.name }))} />
        <Select id="work-team" aria-label={t('团队', 'Team')} style={{ minWidth: 160 }} value={teamId} onChange={setTeamId}
          options={teams.map((tm) => ({ value: tm.id, label: tm.name }))} />
      </Space>
      <Tabs destroyOnHidden items={[
        { key: 'rooms', label: t('场地与志愿', 'Rooms and volunteering'), children: <Here slug={slug} team={teams.find((x) => x.id === teamId)!} /> },
        { key: 'ventures', label: t('微创投', 'Micro-ventures'), children: <Ventures slug={slug} teams={teams} /> },
        { key: 'agreements', label: t('联建协议', 'Agreements'), children: <Agreements slug={slug} partner /> },
      ]} />
    </Space>
  );
}

function Here({ slug, team }: { slug: string; team: Team }) {
  const api = useApi();
  const t = useT();
  const run = useRun();
  const [data] = useGql(HERE, { team: team.id }, slug);
  const s = data?.teamService;
  const teachers = (data?.teachers.edges ?? []).map((e) => e.node).filter((x) => x.teamId === team.id);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t(`为${team.name}预约场地`, `Book a room for ${team.name}`)}>
        <GroupBookingForm spaces={data?.spaces ?? []} onBook={(b) => run(() => api.request(BOOK, {
          t: team.id, s: b.spaceId, at: b.startsAt, m: b.minutes, p: b.purpose, a: b.attendance, w: b.weeks,
        }, slug), t('场地已预约', 'Room booked'))} />
      </Card>
      <Card size="small" title={t('时间银行', 'Time bank')}>
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} items={[
          { key: 'v', label: t('团队志愿者', 'Volunteers'), children: s?.volunteers ?? '—' },
          { key: 'h', label: t('已认定时长', 'Verified hours'), children: s ? (s.verifiedMinutes / 60).toFixed(1) : '—' },
          { key: 'p', label: t('积分', 'Points'), children: s?.points ?? '—' },
        ]} />
        <Form layout="inline" style={{ marginTop: 12 }} onFinish={(v: { skills?: string; party?: boolean }) => run(() => api.request(JOIN, {
          t: team.id, s: (v.skills ?? '').split(/[、,，\s]+/).filter(Boolean), p: !!v.party,
        }, slug), t('已以团队身份注册为志愿者', 'Registered as a volunteer with the team'))}>
          <Form.Item name="skills" label={t('我的专长', 'My skills')}><Input placeholder={t('如：书法、陪伴', 'e.g. calligraphy')} /></Form.Item>
          <Form.Item name="party" label={t('党员', 'Party member')} valuePropName="checked"><Switch /></Form.Item>
          <Button htmlType="submit">{t('我以团队身份加入时间银行', 'Join the time bank with the team')}</Button>
        </Form>
      </Card>
      <Card size="small" title={t('为本团队授课的老师', 'Teachers teaching for the team')}>
        {teachers.length === 0
          ? <Typography.Text type="secondary">{t('社区工作人员把老师关联到团队后在这里显示。', 'Staff link teachers to the team; they show here.')}</Typography.Text>
          : <ul>{teachers.map((x) => <li key={x.id}>{x.name}{x.skills.length > 0 && `（${x.skills.join('、')}）`}</li>)}</ul>}
      </Card>
    </Space>
  );
}
