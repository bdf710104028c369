import { Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import GroupBookingForm, { type GroupBooking } from '../../components/GroupBookingForm';
import { graphql } from '../../gql';
import type { ClubRole, ClubsClubsQuery } from '../../gql/graphql';
import { chinaToday, formatDateTime, useApi, useRun } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import ResidentPicker from './ResidentPicker';

const CLUBS = graphql(`query ClubsClubs($from: Date!) {
  clubs(first: 100) { edges { node { id name federation { id name } members { learnerId name role } } } }
  federations { id name leaderLearnerId }
  spaces { id name }
  bookings(from: $from, days: 62) { id spaceId clubId startsAt endsAt purpose status } }`);
const CREATE_FEDERATION = graphql(`mutation ClubsCreateFederation($n: String!, $l: ID) { createFederation(name: $n, leaderLearnerId: $l) { id } }`);
const CREATE_CLUB = graphql(`mutation ClubsCreateClub($n: String!, $f: ID) { createClub(name: $n, federationId: $f) }`);
const SET_MEMBER = graphql(`mutation ClubsSetMember($c: ID!, $l: ID!, $r: ClubRole!) { setClubMember(clubId: $c, learnerId: $l, role: $r) }`);
const BOOK = graphql(`mutation ClubsBook($c: ID!, $s: ID!, $at: DateTime!, $m: Int!, $p: String!, $a: Int!, $w: Int!) {
  bookSpaceForClub(clubId: $c, spaceId: $s, startsAt: $at, minutes: $m, purpose: $p, attendance: $a, weeks: $w) { id status } }`);

type Club = ClubsClubsQuery['clubs']['edges'][number]['node'];
const ROLES: [ClubRole, string, string][] = [['MEMBER', '成员', 'Member'], ['LEADER', '社长', 'Leader'], ['MONITOR', '班长', 'Monitor']];

/**
 * Clubs (社团) and their federations (社团联盟): members with their roles (社长, 班长), the
 * federation's leader, and each club's bookings — a room booked for the club once or weekly.
 */
export default function Clubs({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const [data] = useGql(CLUBS, { from: chinaToday() }, slug);
  const [founding, setFounding] = useState<'club' | 'federation' | null>(null);
  const [adding, setAdding] = useState<Club | null>(null);
  const [booking, setBooking] = useState<Club | null>(null);
  const clubs = data?.clubs.edges.map((e) => e.node) ?? [];
  const space = new Map((data?.spaces ?? []).map((s) => [s.id, s.name]));
  const role = (r: ClubRole) => { const x = ROLES.find((y) => y[0] === r)!; return t(x[1], x[2]); };
  const leaderOf = (f: { leaderLearnerId?: string | null }) => clubs.flatMap((c) => c.members).find((m) => m.learnerId === f.leaderLearnerId)?.name;

  const doRun = useRun();
  const run = (work: () => Promise<unknown>, done: string) => doRun(work, done, () => { setFounding(null); setAdding(null); setBooking(null); });
  const book = (v: GroupBooking) => run(() => api.request(BOOK, {
    c: booking!.id, s: v.spaceId, at: v.startsAt, m: v.minutes, p: v.purpose, a: v.attendance, w: v.weeks,
  }, slug), t('已为社团预约场地', 'Booked for the club'));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setFounding('club')}>{t('新建社团', 'New club')}</Button>
        <Button onClick={() => setFounding('federation')}>{t('新建社团联盟', 'New federation')}</Button>
      </Space>
      {data?.federations.length ? (
        <Card size="small" title={t('社团联盟', 'Federations')}>
          <Table size="small" rowKey="id" pagination={false} dataSource={data.federations}
            columns={[
              { title: t('联盟', 'Federation'), dataIndex: 'name' },
              { title: t('负责人', 'Leader'), render: (_, f) => leaderOf(f) ?? (f.leaderLearnerId ? t('（已登记）', '(recorded)') : '—') },
              { title: t('社团', 'Clubs'), render: (_, f) => clubs.filter((c) => c.federation?.id === f.id).map((c) => c.name).join('、') || '—' },
            ]} />
        </Card>
      ) : null}
      {data && clubs.length === 0 && <Empty description={t('还没有社团', 'No clubs yet')} />}
      {clubs.map((c) => {
        const booked = (data?.bookings ?? []).filter((b) => b.clubId === c.id);
        return (
          <Card key={c.id} size="small" title={<>{c.name}{c.federation && <Tag style={{ marginLeft: 8 }}>{c.federation.name}</Tag>}</>}
            extra={<Space wrap>
              <Button size="small" onClick={() => setAdding(c)}>{t('添加成员', 'Add member')}</Button>
              <Button size="small" onClick={() => setBooking(c)}>{t('预约场地', 'Book a room')}</Button>
            </Space>}>
            <Table size="small" rowKey="learnerId" pagination={false} dataSource={c.members}
              locale={{ emptyText: t('还没有成员', 'No members yet') }}
              columns={[
                { title: t('成员', 'Member'), dataIndex: 'name' },
                {
                  title: t('角色', 'Role'),
                  render: (_, m) => (
                    <Select size="small" aria-label={t(`${m.name}的角色`, `${m.name}'s role`)} value={m.role} style={{ minWidth: 100 }}
                      options={ROLES.map(([v, zh, en]) => ({ value: v, label: t(zh, en) }))}
                      onChange={(r) => run(() => api.request(SET_MEMBER, { c: c.id, l: m.learnerId, r }, slug), t(`${m.name}：${role(r)}`, `${m.name}: ${role(r)}`))} />
                  ),
                },
              ]} />
            <h3 className="sub-heading">{t('社团的预约（62 天内）', "The club's bookings (next 62 days)")}</h3>
            {booked.length === 0 ? <p className="muted">{t('没有预约', 'None')}</p> : (
              <ul className="plain-list">
                {booked.map((b) => <li key={b.id}>{formatDateTime(b.startsAt, lang)} · {space.get(b.spaceId)} · {b.purpose} <Tag>{b.status === 'APPROVED' ? t('已确认', 'Approved') : b.status === 'REQUESTED' ? t('待审批', 'Requested') : b.status}</Tag></li>)}
              </ul>
            )}
          </Card>
        );
      })}

      <Modal open={!!founding} title={founding === 'club' ? t('新建社团', 'New club') : t('新建社团联盟', 'New federation')} onCancel={() => setFounding(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={(v: { name: string; federationId?: string; leader?: string }) => (founding === 'club'
            ? run(() => api.request(CREATE_CLUB, { n: v.name.trim(), f: v.federationId ?? null }, slug), t(`社团「${v.name}」已建立`, `Club ${v.name} created`))
            : run(() => api.request(CREATE_FEDERATION, { n: v.name.trim(), l: v.leader ?? null }, slug), t(`联盟「${v.name}」已建立`, `Federation ${v.name} created`)))}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          {founding === 'club' ? (
            <Form.Item name="federationId" label={t('所属联盟（可不选）', 'Federation (optional)')}>
              <Select allowClear options={data?.federations.map((f) => ({ value: f.id, label: f.name }))} />
            </Form.Item>
          ) : (
            <Form.Item name="leader" label={t('负责人（输入姓名查找，可不选）', 'Leader (type a name; optional)')}>
              <ResidentPicker slug={slug} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit">{t('建立', 'Create')}</Button>
        </Form>
      </Modal>

      <Modal open={!!adding} title={t(`添加成员 · ${adding?.name ?? ''}`, `Add member · ${adding?.name ?? ''}`)} onCancel={() => setAdding(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ role: 'MEMBER' }}
          onFinish={(v: { learner: string; role: ClubRole }) => run(() => api.request(SET_MEMBER, { c: adding!.id, l: v.learner, r: v.role }, slug), t('已添加', 'Added'))}>
          <Form.Item name="learner" label={t('居民（输入姓名查找）', 'Resident (type a name)')} rules={[mustChoose(t('请选择居民', 'Choose a resident'))]}>
            <ResidentPicker slug={slug} />
          </Form.Item>
          <Form.Item name="role" label={t('角色', 'Role')}>
            <Select options={ROLES.map(([v, zh, en]) => ({ value: v, label: t(zh, en) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('添加', 'Add')}</Button>
        </Form>
      </Modal>

      <Modal open={!!booking} title={t(`为社团预约 · ${booking?.name ?? ''}`, `Book for · ${booking?.name ?? ''}`)} onCancel={() => setBooking(null)} footer={null} destroyOnHidden>
        <GroupBookingForm spaces={data?.spaces ?? []} onBook={book} />
      </Modal>
    </Space>
  );
}
