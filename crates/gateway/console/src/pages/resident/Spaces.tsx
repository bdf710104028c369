import { Button, Form, Input } from 'antd-mobile';
import NumberStep from '../../mobile/NumberStep';
import { useState } from 'react';
import { chinaDay, chinaTime, chinaToday, useApi } from '../../lib/api';
import { useEnum, useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';
import MyBookings from './MyBookings';

const SPACES = graphql(`query ResidentSpaces { spaces { id name kind capacity amenities bookableBy windowDays minMinutes maxMinutes
  needsApproval pointsPerHour } myPoints { balance } }`);
const DETAIL = graphql(`query ResidentSpaceDetail($s: ID!, $from: Date!) { spacePhotos(spaceId: $s) { id thumbUrl url }
  spaceOpening(spaceId: $s, from: $from, days: 7) { hours { weekday opens closes } closures { on reason } }
  spaceCalendar(spaceId: $s, from: $from, days: 7) { startsAt endsAt courseSession } }`);
const BOOK = graphql(`mutation ResidentBookSpace($i: BookSpaceInput!) { bookSpace(input: $i) { id status pointsPrice } }`);

const WEEKDAYS: [string, string][] = [['周一', 'Mon'], ['周二', 'Tue'], ['周三', 'Wed'], ['周四', 'Thu'], ['周五', 'Fri'], ['周六', 'Sat'], ['周日', 'Sun']];

interface BookValues { date: string; time: string; purpose: string }

/** 场地: the rooms residents may book, each with photos, hours and free/busy; booking one (paying points where it costs them); my bookings. */
export default function Spaces({ slug, spaceId }: { slug: string; spaceId?: string }) {
  const t = useT();
  const label = useEnum();
  const [data] = useGql(SPACES, {}, slug);
  const rooms = (data?.spaces ?? []).filter((s) => s.bookableBy === 'RESIDENTS');
  const room = rooms.find((s) => s.id === spaceId);
  if (room) return <Room slug={slug} room={room} balance={data?.myPoints?.balance ?? 0} />;
  return (
    <>
      <h2>{t('可以预约的场地', 'Rooms to book')}</h2>
      {data && rooms.length === 0 && <p className="m-muted">{t('暂时没有可预约的场地', 'No rooms to book now')}</p>}
      <div className="m-menu">
        {rooms.map((s) => (
          <a key={s.id} href={`#/r/${encodeURIComponent(slug)}/spaces/${s.id}`}>
            <span>{s.name}<br /><span className="m-muted">{label('SpaceKind', s.kind)} · {t(`${s.capacity} 人`, `${s.capacity} people`)}
              {' · '}{s.pointsPerHour ? t(`每小时 ${s.pointsPerHour} 积分`, `${s.pointsPerHour} points an hour`) : t('免费', 'Free')}</span></span>
            <span aria-hidden="true">›</span>
          </a>
        ))}
      </div>
      <MyBookings slug={slug} />
    </>
  );
}

type Room = { id: string; name: string; capacity: number; amenities: string[]; minMinutes: number; maxMinutes: number;
  needsApproval: boolean; pointsPerHour: number; windowDays: number };

function Room({ slug, room, balance }: { slug: string; room: Room; balance: number }) {
  const api = useApi();
  const t = useT();
  const notify = useNotify();
  const [form] = Form.useForm<BookValues>();
  const [minutes, setMinutes] = useState(Math.max(60, room.minMinutes));
  const [people, setPeople] = useState(1);
  const [detail] = useGql(DETAIL, { s: room.id, from: chinaToday() }, slug);
  const cost = Math.ceil((room.pointsPerHour * minutes) / 60);
  const book = async (v: BookValues) => {
    try {
      const startsAt = new Date(`${v.date}T${v.time}:00+08:00`).toISOString();
      const [b] = (await api.request(BOOK, { i: { spaceId: room.id, startsAt, minutes, purpose: v.purpose.trim(), attendance: people, weeks: 1 } }, slug)).bookSpace;
      notify.success(b.status === 'APPROVED'
        ? t(`预约成功${b.pointsPrice ? `，扣 ${b.pointsPrice} 积分` : ''}`, `Booked${b.pointsPrice ? `, ${b.pointsPrice} points paid` : ''}`)
        : t('已提交，等待社区审批', 'Sent: the community will approve it'));
      window.location.hash = `#/r/${encodeURIComponent(slug)}/bookings`;
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  const busyByDay = new Map<string, { startsAt: string; endsAt: string; courseSession: boolean }[]>();
  for (const b of detail?.spaceCalendar ?? []) busyByDay.set(chinaDay(b.startsAt), [...(busyByDay.get(chinaDay(b.startsAt)) ?? []), b]);
  const days = Array.from({ length: 7 }, (_, i) => chinaToday(i));
  return (
    <>
      <p><a href={`#/r/${encodeURIComponent(slug)}/spaces`}>{t('‹ 所有场地', '‹ All rooms')}</a></p>
      <h2>{room.name}</h2>
      {!!detail?.spacePhotos.length && (
        <div className="m-photos">{detail.spacePhotos.map((p, i) => <img key={p.id} src={p.thumbUrl} alt={t(`${room.name}照片 ${i + 1}`, `${room.name}, photo ${i + 1}`)} />)}</div>
      )}
      <p>{t(`可容纳 ${room.capacity} 人`, `Holds ${room.capacity}`)}{room.amenities.length > 0 && ` · ${room.amenities.join('、')}`}</p>
      <p>{room.pointsPerHour ? t(`每小时 ${room.pointsPerHour} 积分，我有 ${balance} 积分`, `${room.pointsPerHour} points an hour; I have ${balance}`) : t('免费使用', 'Free to use')}
        {room.needsApproval && t('，需社区审批', '; the community approves each booking')}</p>
      <section aria-labelledby="room-hours">
        <h3 id="room-hours">{t('开放时间', 'Opening hours')}</h3>
        <ul className="m-slots">
          {(detail?.spaceOpening.hours ?? []).map((h, i) => <li key={i}>{t(WEEKDAYS[h.weekday - 1][0], WEEKDAYS[h.weekday - 1][1])} {h.opens}–{h.closes}</li>)}
          {(detail?.spaceOpening.closures ?? []).map((c) => <li key={c.on}>{c.on} {t('闭馆', 'closed')}{c.reason ? `（${c.reason}）` : ''}</li>)}
        </ul>
      </section>
      <section aria-labelledby="room-busy">
        <h3 id="room-busy">{t('未来 7 天已占用', 'Taken in the next 7 days')}</h3>
        <ul className="m-slots">
          {days.map((d) => (
            <li key={d}>{d.slice(5)}：{(busyByDay.get(d) ?? []).length === 0 ? t('全天空闲', 'free all day')
              : (busyByDay.get(d) ?? []).map((b) => `${chinaTime(b.startsAt)}–${chinaTime(b.endsAt)}${b.courseSession ? t('（上课）', ' (class)') : ''}`).join('，')}</li>
          ))}
        </ul>
      </section>
      <section className="m-card" aria-labelledby="room-book">
        <h3 id="room-book">{t('预约这个场地', 'Book this room')}</h3>
        <Form form={form} layout="vertical" onFinish={book} requiredMarkStyle="none" initialValues={{ date: chinaToday(1), time: '09:00' }}
          footer={<Button block type="submit" color="primary" size="large" disabled={cost > balance}>
            {cost > 0 ? t(`预约（${cost} 积分）`, `Book (${cost} points)`) : t('预约', 'Book')}</Button>}>
          <Form.Item name="date" label={t('日期', 'Date')} rules={[{ required: true, message: t('请选择日期', 'Choose the date') }]}>
            <input type="date" min={chinaToday()} max={chinaToday(room.windowDays)} />
          </Form.Item>
          <Form.Item name="time" label={t('开始时间', 'Starts at')} rules={[{ required: true, message: t('请选择时间', 'Choose the time') }]}>
            <input type="time" step={900} />
          </Form.Item>
          <NumberStep id="minutes" label={t('时长', 'Length')} unit={t(' 分钟', ' min')} value={minutes} min={room.minMinutes}
            max={room.maxMinutes} step={30} onChange={setMinutes} />
          <NumberStep id="attendance" label={t('人数', 'People')} value={people} min={1} max={room.capacity} onChange={setPeople} />
          <Form.Item name="purpose" label={t('用途', 'What for')} rules={[{ required: true, message: t('请填写用途', 'Say what it is for') }]}>
            <Input placeholder={t('比如：书法练习', 'e.g. calligraphy practice')} />
          </Form.Item>
          {cost > balance && <div className="m-alert error" role="alert">{t(`积分不足：需要 ${cost}，我有 ${balance}`, `Not enough points: ${cost} needed, ${balance} held`)}</div>}
        </Form>
      </section>
    </>
  );
}
