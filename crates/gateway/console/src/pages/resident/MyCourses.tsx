import { App, Button, Card, Empty, List, Space, Tag } from 'antd';
import { formatDateTime, useApi } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';
import type { Learner } from './ActingFor';
import type { MyCoursesCoursesQuery } from '../../gql/graphql';

const COURSES = graphql(`query MyCoursesCourses { myEnrolments { id courseId courseTitle learnerId learnerName status waitlistPosition }
  courses(first: 100) { edges { node { id title audience capacity enrolledCount waitlistCount status
    sessions { id startsAt place status } } } } }`);
const ENROL = graphql(`mutation MyCoursesEnrol($c: ID!, $l: ID) { enrol(courseId: $c, learnerId: $l) { id status waitlistPosition } }`);
const CANCEL = graphql(`mutation MyCoursesCancel($e: ID!) { cancelEnrolment(enrolmentId: $e) }`);

type Course = MyCoursesCoursesQuery['courses']['edges'][number]['node'];

export default function MyCourses({ slug, actingFor, learners }: { slug: string; actingFor: string | null; learners: Learner[] }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const { message, modal } = App.useApp();
  const [data, load] = useGql(COURSES, {}, slug);

  const who = actingFor ? learners.find((l) => l.id === actingFor)?.name : t('我', 'me');
  const enrol = async (course: Course) => {
    try {
      const { enrol: e } = await api.request(ENROL, { c: course.id, l: actingFor }, slug);
      message.success(e.status === 'ENROLLED'
        ? t(`报名成功：${course.title}`, `Enrolled: ${course.title}`)
        : t(`已满，已排候补第 ${e.waitlistPosition} 位`, `Full: number ${e.waitlistPosition} on the waiting list`));
      load();
    } catch (e) {
      message.error(e.message);
    }
  };
  const cancel = (e: { id: string; courseTitle?: string }) => modal.confirm({
    title: t(`取消报名“${e.courseTitle}”？`, `Cancel the enrolment in “${e.courseTitle}”?`),
    okText: t('取消报名', 'Cancel it'),
    cancelText: t('不取消', 'Keep it'),
    onOk: () => api.request(CANCEL, { e: e.id }, slug).then(load, (err) => message.error(err.message)),
  });

  const mine = (data?.myEnrolments ?? []).filter((e) => !actingFor || e.learnerId === actingFor);
  const taken = new Set(mine.map((e) => e.courseId));
  const open = (data?.courses.edges.map((e) => e.node) ?? []).filter((c) => c.status === 'OPEN');
  const next = (c: Course) => c.sessions.find((s) => s.status !== 'CANCELLED' && new Date(s.startsAt) > new Date());

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <section aria-labelledby="my-courses">
        <h2 id="my-courses">{t('我已报名的课程', 'My courses')}</h2>
        {mine.length === 0 ? <Empty description={t('还没有报名', 'Nothing yet')} /> : (
          <List dataSource={mine} renderItem={(e) => (
            <List.Item actions={[<Button key="c" onClick={() => cancel(e)}>{t('取消报名', 'Cancel')}</Button>]}>
              <div><strong>{e.courseTitle}</strong> · {e.learnerName}</div>
              <Tag>{label('EnrolmentStatus', e.status)}{e.waitlistPosition ? ` #${e.waitlistPosition}` : ''}</Tag>
            </List.Item>
          )} />
        )}
      </section>
      <section aria-labelledby="open-courses">
        <h2 id="open-courses">{t(`可以报名的课程（为${who}报名）`, `Open courses (enrolling ${who})`)}</h2>
        {open.length === 0 && <Empty description={t('暂时没有开放的课程', 'No open courses now')} />}
        {open.map((c) => (
          <Card key={c.id} className="big-card course-card">
            <h3 style={{ fontSize: 24, marginTop: 0 }}>{c.title}</h3>
            <p>{label('Audience', c.audience)} · {t(`剩余名额 ${Math.max(0, c.capacity - c.enrolledCount)}`, `${Math.max(0, c.capacity - c.enrolledCount)} seats left`)}</p>
            {next(c) && <p>{t('下次上课：', 'Next: ')}{formatDateTime(next(c)!.startsAt, lang)} · {next(c)!.place}</p>}
            <Button type="primary" size="large" block disabled={taken.has(c.id)} onClick={() => enrol(c)}>
              {taken.has(c.id) ? t('已报名', 'Enrolled') : t('报名', 'Enrol')}
            </Button>
          </Card>
        ))}
      </section>
    </Space>
  );
}
