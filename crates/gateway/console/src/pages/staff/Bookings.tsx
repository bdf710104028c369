import { App, Button, Card, Empty, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { chinaDay, chinaTime, chinaToday, formatDateTime, useApi } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';
import type { BookingsCalendarQuery, BookingsSpacesQuery } from '../../gql/graphql';

const SPACES = graphql(`query BookingsSpaces($m: String!) { spaces { id name kind capacity needsApproval pointsPerHour }
  spaceUsage(month: $m) { space { id } utilisation openHours noShows } }`);
const REQUESTS = graphql(`query BookingsRequests { bookingRequests { id spaceId startsAt endsAt purpose attendance teamName pointsPrice } }`);
const DECIDE = graphql(`mutation BookingsDecide($b: ID!, $a: Boolean!) { decideBooking(bookingId: $b, approve: $a) { id status } }`);
const CALENDAR = graphql(`query BookingsCalendar($s: ID!, $from: Date!) { spaceCalendar(spaceId: $s, from: $from, days: 7) { startsAt endsAt courseSession } }`);


/** Requests to approve, the spaces with this month's use, and a week's calendar of one. */
export default function Bookings({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const { message } = App.useApp();
  const [waiting, loadRequests] = useGql(REQUESTS, {}, slug);
  const requests = waiting?.bookingRequests;
  const [version, setVersion] = useState(0); // bumped by a decision: the calendar reloads
  const [data, setData] = useState<BookingsSpacesQuery | null>(null);
  const [space, setSpace] = useState<string | null>(null);
  const [slots, setSlots] = useState<BookingsCalendarQuery['spaceCalendar']>([]);
  const today = chinaToday();

  useEffect(() => {
    api.request(SPACES, { m: today.slice(0, 7) }, slug).then((d) => {
      setData(d);
      setSpace((s) => s ?? d.spaces[0]?.id ?? null);
    }, (e) => message.error(e.message));
  }, [api, slug, today, message]);
  useEffect(() => {
    if (space) api.request(CALENDAR, { s: space, from: today }, slug).then((d) => setSlots(d.spaceCalendar), (e) => message.error(e.message));
  }, [api, slug, space, today, message, version]);
  const decide = (id: string, approve: boolean) => api.request(DECIDE, { b: id, a: approve }, slug)
    .then(() => { loadRequests(); setVersion((v) => v + 1); }, (e) => message.error(e.message));

  if (data?.spaces.length === 0) return <Empty description={t('还没有共享空间', 'No spaces yet')} />;
  const usage = new Map<string, { utilisation: number; openHours: number; noShows: number }>((data?.spaceUsage ?? []).map((u) => [u.space.id, u]));
  const days = [...Array(7)].map((_, i) => chinaToday(i));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('待审批的预约', 'Booking requests')}>
        {requests?.length === 0 ? <p>{t('没有待审批的预约', 'No requests waiting')}</p> : (
          <Table size="small" rowKey="id" pagination={false} loading={!requests} dataSource={requests}
            columns={[
              { title: t('场地', 'Space'), dataIndex: 'spaceId', render: (id) => data?.spaces.find((s) => s.id === id)?.name ?? '' },
              { title: t('时间', 'When'), dataIndex: 'startsAt', render: (s) => formatDateTime(s, lang) },
              { title: t('用途', 'Purpose'), render: (_, b) => `${b.purpose}${b.teamName ? `（${b.teamName}）` : ''}` },
              { title: t('人数', 'People'), dataIndex: 'attendance' },
              { title: t('操作', 'Actions'), render: (_, b) => <Space>
                <Button size="small" type="primary" onClick={() => decide(b.id, true)}>{t('同意', 'Approve')}</Button>
                <Button size="small" danger onClick={() => decide(b.id, false)}>{t('拒绝', 'Decline')}</Button>
              </Space> },
            ]} />
        )}
      </Card>
      <Table size="small" rowKey="id" pagination={false} loading={!data} dataSource={data?.spaces}
        columns={[
          { title: t('场地', 'Space'), dataIndex: 'name' },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k) => label('SpaceKind', k) },
          { title: t('容纳', 'Capacity'), dataIndex: 'capacity' },
          { title: t('本月利用率', 'Use this month'), render: (_, s: { id: string }) => { const u = usage.get(s.id); return u?.openHours ? `${Math.round(u.utilisation * 100)}%` : '—'; } },
          { title: t('本月未到场', 'No-shows'), render: (_, s: { id: string }) => usage.get(s.id)?.noShows ?? 0 },
        ]} />
      <Card size="small" title={t('一周日历', 'This week')}
        extra={<Select aria-label={t('场地', 'Space')} value={space} onChange={setSpace} style={{ minWidth: 180 }}
          options={data?.spaces.map((s) => ({ value: s.id, label: s.name }))} />}>
        <div className="grid-cards">
          {days.map((d) => (
            <div key={d} className="community-tile">
              <strong>{d}</strong>
              {slots.filter((s) => chinaDay(s.startsAt) === d).map((s) => (
                <div key={s.startsAt}>{chinaTime(s.startsAt)}–{chinaTime(s.endsAt)} <Tag>{s.courseSession ? t('课程', 'Course') : t('预约', 'Booking')}</Tag></div>
              ))}
              {!slots.some((s) => chinaDay(s.startsAt) === d) && <div>{t('空闲', 'Free')}</div>}
            </div>
          ))}
        </div>
      </Card>
    </Space>
  );
}
