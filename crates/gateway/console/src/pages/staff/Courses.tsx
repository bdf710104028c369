import { App, Button, Drawer, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useApi } from '../../lib/api';
import { useEnum, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import CheckInCode from './CheckInCode';
import CourseForm, { type Course } from './CourseForm';
import CourseTimetable from './CourseTimetable';
import Roster from './Roster';

const COURSES = graphql(`query CoursesCourses($mine: Boolean!) { courseCategories { code name }
  courses(first: 100, taughtByMe: $mine) { edges { node { id title category audience minAge maxAge format capacity enrolledCount waitlistCount
    status publicBenefit feeCents materials clubId averageRating ratingCount teachers { id name }
    sessions { id startsAt endsAt place status cancelReason movedFrom spaceId } } } } }`);
const SET_OPEN = graphql(`mutation CoursesSetOpen($id: ID!, $open: Boolean!) { setCourseOpen(courseId: $id, open: $open) { id status } }`);

/**
 * The college's courses: created and edited whole, opened (a course proposed from a survey
 * waits here) and closed; each course's timetable, roster, attendance and check-in code. A
 * teacher who is not staff sees the courses they teach, to take the roster and show the code.
 */
export default function Courses({ slug, teacherOnly = false }: { slug: string; teacherOnly?: boolean }) {
  const api = useApi();
  const t = useT();
  const label = useEnum();
  const { message } = App.useApp();
  const [data, load] = useGql(COURSES, { mine: teacherOnly }, slug);
  const [editing, setEditing] = useState<Course | 'new' | null>(null);
  const [open, setOpenCourse] = useState<string | null>(null); // the course whose timetable and roster show
  const [code, setCode] = useState<{ id: string; startsAt: string } | null>(null); // the session whose QR code shows

  const courses = data?.courses.edges.map((e) => e.node) ?? [];
  const current = courses.find((c) => c.id === open);
  const categoryName = (code: string) => data?.courseCategories.find((c) => c.code === code)?.name ?? code;
  const setOpen = (c: Course) => api.request(SET_OPEN, { id: c.id, open: c.status !== 'OPEN' }, slug).then(load, (e) => message.error(e.message));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!teacherOnly && <Button type="primary" onClick={() => setEditing('new')}>{t('新建课程', 'New course')}</Button>}
      <Table<Course>
        rowKey="id"
        dataSource={courses}
        loading={!data}
        pagination={false}
        columns={[
          { title: t('课程', 'Course'), dataIndex: 'title' },
          { title: t('老师', 'Teachers'), render: (_, c) => c.teachers.map((x) => x.name).join('、') || '—' },
          { title: t('类别', 'Category'), dataIndex: 'category', render: categoryName },
          { title: t('对象', 'Audience'), render: (_, c) => `${label('Audience', c.audience)}${c.minAge != null || c.maxAge != null ? ` ${c.minAge ?? ''}–${c.maxAge ?? ''}${t('岁', '')}` : ''}` },
          { title: t('收费', 'Fee'), render: (_, c) => (c.publicBenefit ? t('公益', 'Free') : `¥${(c.feeCents / 100).toFixed(2)}`) },
          { title: t('名额', 'Seats'), render: (_, c) => `${c.enrolledCount} / ${c.capacity}${c.waitlistCount ? t(`（候补 ${c.waitlistCount}）`, ` (+${c.waitlistCount} waiting)`) : ''}` },
          { title: t('课次', 'Sessions'), render: (_, c) => c.sessions.filter((s) => s.status !== 'CANCELLED').length },
          { title: t('评分', 'Rating'), render: (_, c) => (c.averageRating != null ? `${c.averageRating.toFixed(1)}（${c.ratingCount}）` : '—') },
          { title: t('状态', 'Status'), dataIndex: 'status', render: (s) => <Tag color={s === 'OPEN' ? 'blue' : undefined}>{label('CourseStatus', s)}</Tag> },
          {
            title: t('操作', 'Actions'),
            render: (_, c) => (
              <Space wrap>
                <Button size="small" onClick={() => setOpenCourse(c.id)}>{t('课表与名单', 'Timetable & roster')}</Button>
                {!teacherOnly && <>
                  <Button size="small" onClick={() => setEditing(c)}>{t('编辑', 'Edit')}</Button>
                  <Button size="small" onClick={() => setOpen(c)}>{c.status === 'OPEN' ? t('关闭报名', 'Close') : t('开放报名', 'Open')}</Button>
                </>}
              </Space>
            ),
          },
        ]}
      />
      <CourseForm slug={slug} course={editing} onDone={() => { setEditing(null); load(); }} />
      <Drawer open={!!current} width={Math.min(760, window.innerWidth)} title={current?.title} onClose={() => setOpenCourse(null)} destroyOnHidden>
        {current && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <CourseTimetable slug={slug} course={current} onChanged={load} onShowCode={setCode} readOnly={teacherOnly} />
            <Roster slug={slug} course={current} />
          </Space>
        )}
      </Drawer>
      {code && <CheckInCode slug={slug} session={code} title={current?.title} onClose={() => setCode(null)} />}
    </Space>
  );
}
