import { Button, SearchBar } from 'antd-mobile';
import { useState } from 'react';
import { formatDateTime, useApi } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';
import type { Learner } from './ActingFor';
import type { MyCoursesCoursesQuery } from '../../gql/graphql';

const COURSES = graphql(`query MyCoursesCourses { myEnrolments { id courseId courseTitle learnerId learnerName status waitlistPosition }
  courses(first: 100) { edges { node { id title category audience capacity enrolledCount waitlistCount status averageRating
    sessions { id startsAt place status } } } } }`);
const ENROL = graphql(`mutation MyCoursesEnrol($c: ID!, $l: ID) { enrol(courseId: $c, learnerId: $l) { id status waitlistPosition } }`);
const CANCEL = graphql(`mutation MyCoursesCancel($e: ID!) { cancelEnrolment(enrolmentId: $e) }`);
const RATE = graphql(`mutation MyCoursesRate($c: ID!, $r: Int!, $l: ID) { evaluateCourse(courseId: $c, rating: $r, learnerId: $l) }`);

type Course = MyCoursesCoursesQuery['courses']['edges'][number]['node'];

/** 课程: my courses (cancel, rate) and the open ones to search and enrol in — or join the waiting list when full. */
export default function MyCourses({ slug, actingFor, learners }: { slug: string; actingFor: string | null; learners: Learner[] }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const notify = useNotify();
  const [data, load] = useGql(COURSES, {}, slug);
  const [search, setSearch] = useState('');
  const [rating, setRating] = useState<Record<string, number>>({});

  const who = actingFor ? learners.find((l) => l.id === actingFor)?.name : t('我', 'me');
  const enrol = async (course: Course) => {
    try {
      const { enrol: e } = await api.request(ENROL, { c: course.id, l: actingFor }, slug);
      notify.success(e.status === 'ENROLLED'
        ? t(`报名成功：${course.title}`, `Enrolled: ${course.title}`)
        : t(`已满，已排候补第 ${e.waitlistPosition} 位`, `Full: number ${e.waitlistPosition} on the waiting list`));
      load();
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  const cancel = (e: { id: string; courseTitle: string }) => notify.confirm({
    title: t(`取消报名“${e.courseTitle}”？`, `Cancel the enrolment in “${e.courseTitle}”?`),
    okText: t('取消报名', 'Cancel it'),
    cancelText: t('不取消', 'Keep it'),
    onOk: () => api.request(CANCEL, { e: e.id }, slug).then(load, (err) => notify.error(err.message)),
  });
  const rate = async (e: { id: string; courseId: string; learnerId: string; courseTitle: string }) => {
    const r = rating[e.id];
    if (!r) return;
    try {
      await api.request(RATE, { c: e.courseId, r, l: e.learnerId }, slug);
      notify.success(t(`谢谢您给“${e.courseTitle}”的评价`, `Thank you for rating “${e.courseTitle}”`));
    } catch (err) {
      notify.error((err as Error).message);
    }
  };

  const mine = (data?.myEnrolments ?? []).filter((e) => !actingFor || e.learnerId === actingFor);
  const taken = new Set(mine.map((e) => e.courseId));
  const words = search.trim();
  const open = (data?.courses.edges.map((e) => e.node) ?? [])
    .filter((c) => c.status === 'OPEN' && (!words || c.title.includes(words) || c.category.includes(words)));
  const next = (c: Course) => c.sessions.find((s) => s.status !== 'CANCELLED' && new Date(s.startsAt) > new Date());

  return (
    <>
      <section aria-labelledby="my-courses">
        <h2 id="my-courses">{t('我已报名的课程', 'My courses')}</h2>
        {data && mine.length === 0 && <p className="m-muted">{t('还没有报名', 'Nothing yet')}</p>}
        {mine.map((e) => (
          <div key={e.id} className="m-card">
            <h3>{e.courseTitle}</h3>
            <p>{e.learnerName} · <span className="m-tag">{label('EnrolmentStatus', e.status)}{e.waitlistPosition ? t(` 第 ${e.waitlistPosition} 位`, ` #${e.waitlistPosition}`) : ''}</span></p>
            {e.status === 'ENROLLED' && (
              <div className="m-row" role="group" aria-label={t(`给“${e.courseTitle}”打分`, `Rate “${e.courseTitle}”`)}>
                {[1, 2, 3, 4, 5].map((v) => (
                  <button key={v} type="button" className="m-choice" aria-pressed={rating[e.id] === v}
                    aria-label={t(`${v} 星`, `${v} stars`)} onClick={() => setRating({ ...rating, [e.id]: v })}>{'★'.repeat(v)}</button>
                ))}
                <Button size="middle" disabled={!rating[e.id]} onClick={() => rate(e)}>{t('提交评价', 'Send rating')}</Button>
              </div>
            )}
            <Button block onClick={() => cancel(e)}>{t('取消报名', 'Cancel')}</Button>
          </div>
        ))}
      </section>
      <section aria-labelledby="open-courses">
        <h2 id="open-courses">{t(`可以报名的课程（为${who}报名）`, `Open courses (enrolling ${who})`)}</h2>
        <SearchBar placeholder={t('搜索课程名称或类别', 'Search by title or kind')} value={search} onChange={setSearch}
          aria-label={t('搜索课程', 'Search courses')} />
        {data && open.length === 0 && <p className="m-muted">{words ? t('没有找到', 'Nothing found') : t('暂时没有开放的课程', 'No open courses now')}</p>}
        {open.map((c) => {
          const left = Math.max(0, c.capacity - c.enrolledCount);
          const n = next(c);
          return (
            <div key={c.id} className="m-card course-card">
              <h3>{c.title}</h3>
              <p>{label('Audience', c.audience)} · {left > 0
                ? t(`剩余名额 ${left}`, `${left} seats left`)
                : t(`已满，候补 ${c.waitlistCount} 人`, `Full, ${c.waitlistCount} waiting`)}</p>
              {n && <p>{t('下次上课：', 'Next: ')}{formatDateTime(n.startsAt, lang)} · {n.place}</p>}
              <Button block color="primary" disabled={taken.has(c.id)} onClick={() => enrol(c)}>
                {taken.has(c.id) ? t('已报名', 'Enrolled') : left > 0 ? t('报名', 'Enrol') : t('排候补', 'Join the waiting list')}
              </Button>
            </div>
          );
        })}
      </section>
    </>
  );
}
