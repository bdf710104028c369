import { Button } from 'antd-mobile';
import { chinaToday, formatDateTime, useApi, useRun } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';
import type { Learner } from './ActingFor';

const EVENTS = graphql(`query ResidentEvents($from: Date!) { events(from: $from, days: 31) { id title kind startsAt place capacity registered status }
  exhibitions(first: 10) { nodes { id title startsOn endsOn works { id title author learnerId minor consentRecorded photos { id thumbUrl } } } } }`);
const REGISTER = graphql(`mutation ResidentRegisterEvent($e: ID!, $l: ID) { registerForEvent(eventId: $e, learnerId: $l) { id registered } }`);
const CONSENT = graphql(`mutation ResidentConsent($w: ID!) { recordGuardianConsent(workId: $w) }`);
const WITHDRAW = graphql(`mutation ResidentWithdrawConsent($w: ID!) { withdrawGuardianConsent(workId: $w) }`);

/** 社区活动与展览: register for an event (or a child), see the community's exhibitions, consent to a child's work being shown. */
export default function Events({ slug, actingFor, learners }: { slug: string; actingFor: string | null; learners: Learner[] }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const [data] = useGql(EVENTS, { from: chinaToday() }, slug);
  const who = actingFor ? learners.find((l) => l.id === actingFor)?.name : t('我', 'me');
  const mineIds = new Set(learners.filter((l) => l.inCare).map((l) => l.id));
  // A write makes the page's queries read again (lib/api.ts).
  const run = useRun();
  const events = (data?.events ?? []).filter((e) => e.status !== 'CANCELLED');
  return (
    <>
      <h2>{t(`社区活动（为${who}报名）`, `Events (registering ${who})`)}</h2>
      {data && events.length === 0 && <p className="m-muted">{t('这个月没有活动', 'No events this month')}</p>}
      {events.map((e) => {
        const full = e.capacity != null && e.registered >= e.capacity;
        return (
          <div key={e.id} className="m-card">
            <h3>{e.title}</h3>
            <p>{label('EventKind', e.kind)} · {formatDateTime(e.startsAt, lang)} · {e.place}</p>
            {e.capacity == null ? <p className="m-muted">{t('无需报名，直接到场', 'No registration: just come')}</p> : (
              <>
                <p className="m-muted">{t(`已报 ${e.registered} / ${e.capacity} 人`, `${e.registered} of ${e.capacity} registered`)}</p>
                <Button block color="primary" disabled={full}
                  onClick={() => run(() => api.request(REGISTER, { e: e.id, l: actingFor }, slug), t(`已报名：${e.title}`, `Registered: ${e.title}`))}>
                  {full ? t('已满', 'Full') : t('报名', 'Register')}</Button>
              </>
            )}
          </div>
        );
      })}
      <h2>{t('社区展览', 'Exhibitions')}</h2>
      {data?.exhibitions.nodes.length === 0 && <p className="m-muted">{t('暂时没有展览', 'No exhibitions now')}</p>}
      {data?.exhibitions.nodes.map((x) => (
        <section key={x.id} className="m-card" aria-label={x.title}>
          <h3>{x.title}</h3>
          <p className="m-muted">{x.startsOn} – {x.endsOn}</p>
          {x.works.map((w) => (
            <div key={w.id}>
              <p><strong>{w.title}</strong> · {w.author}</p>
              {w.photos.length > 0 && (
                <div className="m-photos">{w.photos.map((p, i) => <img key={p.id} src={p.thumbUrl} alt={t(`${w.title}（${w.author}）照片 ${i + 1}`, `${w.title} by ${w.author}, photo ${i + 1}`)} />)}</div>
              )}
              {w.minor && !w.consentRecorded && mineIds.has(w.learnerId) && (
                <Button block onClick={() => run(() => api.request(CONSENT, { w: w.id }, slug), t('已同意展出', 'Consent recorded'))}>
                  {t(`同意展出${w.author}的作品`, `Agree to show ${w.author}'s work`)}</Button>
              )}
              {w.minor && w.consentRecorded && mineIds.has(w.learnerId) && (
                <Button block fill="outline" onClick={() => run(() => api.request(WITHDRAW, { w: w.id }, slug), t('已撤回同意，作品不再展出', 'Consent withdrawn; the work is no longer shown'))}>
                  {t(`撤回同意（不再展出${w.author}的作品）`, `Withdraw consent (stop showing ${w.author}'s work)`)}</Button>
              )}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
