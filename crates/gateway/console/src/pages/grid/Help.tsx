// 代办: for a resident found on 居民 — enrol them in a course, register them for an event, or
// count them in at one they came to. Kept on the phone when offline, like a visit.
import { Button } from 'antd-mobile';
import { graphql } from '../../gql';
import { chinaDay, chinaTime, chinaToday } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import type { Kind, Step } from '../../lib/outbox';
import { useGql } from '../../lib/query';
import type { GridProps } from '../../shells/Grid';
import { sayKept } from './keep';

const OFFER = graphql(`query GridOffer($from: Date!) { courses(first: 50) { nodes { id title status capacity } }
  events(from: $from, days: 14) { id title startsAt place } }`);
const ENROL = graphql(`mutation GridEnrol($c: ID!, $l: ID!) { enrol(courseId: $c, learnerId: $l) { id status } }`);
const REGISTER = graphql(`mutation GridRegisterForEvent($e: ID!, $l: ID!) { registerForEvent(eventId: $e, learnerId: $l) { id } }`);
const WALK_IN = graphql(`mutation GridWalkIn($e: ID!, $l: ID!) { walkIn(at: { eventId: $e }, learnerId: $l) }`);

export default function Help({ slug, outbox, proxy, learnerId, learnerName }: GridProps & { learnerId?: string; learnerName?: string }) {
  const t = useT();
  const notify = useNotify();
  const [data] = useGql(OFFER, { from: chinaToday() }, slug);
  if (!learnerId) {
    return (
      <section className="m-card">
        <h2>{t('代办', 'Act for a resident')}</h2>
        <p>{t('先在"居民"里找到这位居民，再点"代办"。', 'Find the resident on "Residents" first, then tap "Act for them".')}</p>
        <a className="m-choice" href={`#/g/${encodeURIComponent(slug)}/residents`}>{t('去找居民', 'Find a resident')}</a>
      </section>
    );
  }
  const who = learnerName ?? '';
  const keep = async (kind: Kind, what: string, step: Step, done: string) => {
    sayKept(notify, t, await outbox.keep(kind, `${who}：${what}`, [step]), done);
  };
  const courses = (data?.courses.nodes ?? []).filter((c) => c.status === 'OPEN');
  return (
    <>
      <h2>{t(`为${who}代办`, `Acting for ${who}`)}</h2>
      {proxy && <section className="m-card" aria-labelledby="help-courses">
        <h3 id="help-courses">{t('报名课程', 'Enrol in a course')}</h3>
        {data && courses.length === 0 && <p className="m-muted">{t('没有正在报名的课程', 'No course open')}</p>}
        {courses.map((c) => (
          <div key={c.id} className="m-item">
            <p><strong>{c.title}</strong></p>
            <Button color="primary" aria-label={t(`为${who}报名${c.title}`, `Enrol ${who} in ${c.title}`)}
              onClick={() => keep('enrol', c.title, { query: ENROL.toString(), variables: { c: c.id, l: learnerId } }, t(`已为${who}报名`, `${who} enrolled`))}>
              {t('报名', 'Enrol')}
            </Button>
          </div>
        ))}
      </section>}
      <section className="m-card" aria-labelledby="help-events">
        <h3 id="help-events">{t('活动', 'Events')}</h3>
        {data && data.events.length === 0 && <p className="m-muted">{t('两周内没有活动', 'No events in the next two weeks')}</p>}
        {data?.events.map((e) => (
          <div key={e.id} className="m-item">
            <p><strong>{e.title}</strong> <span className="m-muted">{chinaDay(e.startsAt)} {chinaTime(e.startsAt)} · {e.place}</span></p>
            <div className="m-row">
              {proxy && <Button aria-label={t(`为${who}报名${e.title}`, `Register ${who} for ${e.title}`)}
                onClick={() => keep('event', e.title, { query: REGISTER.toString(), variables: { e: e.id, l: learnerId } }, t(`已为${who}报名活动`, `${who} registered`))}>
                {t('报名活动', 'Register')}
              </Button>}
              <Button aria-label={t(`${who}到场：${e.title}`, `${who} came: ${e.title}`)}
                onClick={() => keep('walkIn', e.title, { query: WALK_IN.toString(), variables: { e: e.id, l: learnerId } }, t(`已记${who}到场`, `${who} counted in`))}>
                {t('到场签到', 'Came')}
              </Button>
            </div>
          </div>
        ))}
      </section>
    </>
  );
}
