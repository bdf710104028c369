import type { ReactNode } from 'react';
import { chinaDay, chinaTime, chinaToday, formatDateTime } from '../../lib/api';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const TODAY = graphql(`query ResidentHome($from: Date!) { myTimetable(from: $from, days: 7) { courseTitle learnerName
  session { id startsAt endsAt place status } } myBookings { id spaceId startsAt status } spaces { id name } }`);

/**
 * 首页: what is coming (my timetable and bookings for the week — kept on the phone, so they
 * show without a network), messages, and the ways in to what residents do most.
 */
export default function Home({ slug, acting, unread }: { slug: string; acting: ReactNode; unread: number }) {
  const t = useT();
  const lang = useLang();
  const [data] = useGql(TODAY, { from: chinaToday() }, slug);
  const to = (page: string) => `#/r/${encodeURIComponent(slug)}/${page}`;
  const space = new Map((data?.spaces ?? []).map((s) => [s.id, s.name]));
  const bookings = (data?.myBookings ?? []).filter((b) => ['REQUESTED', 'APPROVED'].includes(b.status) && new Date(b.startsAt) > new Date());
  const sessions = data?.myTimetable ?? [];
  return (
    <>
      {unread > 0 && (
        <a className="m-alert info" style={{ display: 'block' }} href={to('notifications')}>
          {t(`您有 ${unread} 条未读消息`, `${unread} unread messages`)}
        </a>
      )}
      <section aria-labelledby="timetable">
        <h2 id="timetable">{t('我的课表（7 天内）', 'My timetable (7 days)')}</h2>
        {data && sessions.length === 0 && <p className="m-muted">{t('这 7 天没有课', 'No classes in these 7 days')}</p>}
        <ul className="m-slots m-card">
          {sessions.map((e) => (
            <li key={`${e.session.id}-${e.learnerName}`}>
              <strong>{chinaDay(e.session.startsAt).slice(5)} {chinaTime(e.session.startsAt)}</strong> {e.courseTitle}
              <br /><span className="m-muted">{e.session.place} · {e.learnerName}
                {e.session.status === 'CANCELLED' && t('（已停课）', ' (cancelled)')}</span>
            </li>
          ))}
        </ul>
      </section>
      {bookings.length > 0 && (
        <section aria-labelledby="coming-bookings">
          <h2 id="coming-bookings">{t('我的预约', 'My bookings')}</h2>
          <ul className="m-slots m-card">
            {bookings.map((b) => <li key={b.id}><a href={to('bookings')}>{space.get(b.spaceId)}</a> · {formatDateTime(b.startsAt, lang)}</li>)}
          </ul>
        </section>
      )}
      <nav className="m-tiles" aria-label={t('常用', 'Most used')}>
        <a href={to('courses')}>{t('报名课程', 'Enrol in a course')}</a>
        <a href={to('spaces')}>{t('预约场地', 'Book a room')}</a>
        <a href={to('demands')}>{t('反映问题', 'Report a problem')}</a>
        <a href={to('surveys')}>{t('问卷调查', 'Surveys')}</a>
        <a href={to('points')}>{t('积分兑换', 'Rewards')}</a>
        <a href={to('volunteer')}>{t('志愿服务', 'Volunteering')}</a>
        <a href={to('farm')}>{t('共享菜园', 'Shared garden')}</a>
        <a href={to('family')}>{t('家人代办', 'Family help')}</a>
        <a href={to('events')}>{t('社区活动', 'Events')}</a>
      </nav>
      {acting}
    </>
  );
}
