import { Button, Segmented, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { chinaDay, chinaTime, chinaToday } from '../../lib/api';
import { useEnum, useT } from '../../lib/i18n';
import { WEEKDAYS } from '../../lib/schedule';
import { type Entry, type EntryKind, useCalendar } from './calendar';

const KIND: Record<EntryKind, [string, string, string]> = {
  session: ['课', 'Class', 'cal-session'],
  event: ['活动', 'Event', 'cal-event'],
  booking: ['预约', 'Booking', 'cal-booking'],
};
/** Monday of the week holding `day`. */
const monday = (day: string) => { const d = dayjs(day); return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD'); };

/**
 * The community's week or month: course sessions, events and bookings together, each day's in
 * time order. A cancelled session stays, struck through, so a move or cancellation is seen.
 */
export default function Calendar({ slug, teacherOnly = false }: { slug: string; teacherOnly?: boolean }) {
  const t = useT();
  const label = useEnum();
  const [view, setView] = useState<'week' | 'month'>('week');
  const [anchor, setAnchor] = useState(chinaToday());
  const first = view === 'week' ? monday(anchor) : monday(dayjs(anchor).startOf('month').format('YYYY-MM-DD'));
  const weeks = view === 'week' ? 1 : Math.ceil(dayjs(anchor).endOf('month').diff(dayjs(first), 'day') / 7 + 0.01);
  const [entries] = useCalendar(slug, first, weeks * 7, teacherOnly);
  const byDay = new Map<string, Entry[]>();
  for (const e of entries ?? []) {
    const d = chinaDay(e.startsAt);
    byDay.set(d, [...(byDay.get(d) ?? []), e]);
  }
  const step = (n: number) => setAnchor(dayjs(anchor).add(n, view).format('YYYY-MM-DD'));
  const days = Array.from({ length: weeks * 7 }, (_, i) => dayjs(first).add(i, 'day').format('YYYY-MM-DD'));
  const month = dayjs(anchor).month();
  const title = view === 'week'
    ? t(`${first} 起一周`, `Week of ${first}`)
    : t(`${dayjs(anchor).format('YYYY 年 M 月')}`, dayjs(anchor).format('MMMM YYYY'));

  const item = (e: Entry) => (
    <li key={`${e.kind}-${e.id}`} className={`${KIND[e.kind][2]}${e.cancelled ? ' cal-cancelled' : ''}`}>
      <span className="cal-time">{chinaTime(e.startsAt)}</span> <Tag className="cal-tag">{t(KIND[e.kind][0], KIND[e.kind][1])}</Tag>
      {e.title}{view === 'week' && e.place && <span className="muted"> · {e.place}</span>}
      {e.cancelled && <span className="muted">（{t('已停', 'cancelled')}）</span>}
    </li>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented value={view} onChange={(v) => setView(v as 'week' | 'month')}
          options={[{ value: 'week', label: t('周视图', 'Week') }, { value: 'month', label: t('月视图', 'Month') }]} />
        <Button onClick={() => step(-1)}>{view === 'week' ? t('上一周', 'Previous week') : t('上个月', 'Previous month')}</Button>
        <Button onClick={() => setAnchor(chinaToday())}>{t('今天', 'Today')}</Button>
        <Button onClick={() => step(1)}>{view === 'week' ? t('下一周', 'Next week') : t('下个月', 'Next month')}</Button>
      </Space>
      <Typography.Title level={2} style={{ fontSize: 20 }}>{title}</Typography.Title>
      <table className={`cal cal-${view}`} aria-busy={!entries}>
        <thead><tr>{WEEKDAYS.map((w) => <th key={w} scope="col">{label('Weekday', w)}</th>)}</tr></thead>
        <tbody>
          {Array.from({ length: weeks }, (_, w) => (
            <tr key={w}>
              {days.slice(w * 7, w * 7 + 7).map((d) => (
                <td key={d} className={`${d === chinaToday() ? 'cal-today' : ''}${view === 'month' && dayjs(d).month() !== month ? ' cal-other' : ''}`}>
                  <div className="cal-date">{view === 'week' ? d.slice(5) : Number(d.slice(8))}</div>
                  <ul>{(byDay.get(d) ?? []).map(item)}</ul>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Space>
  );
}
