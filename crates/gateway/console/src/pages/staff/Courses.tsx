import { App, Button, Card, Drawer, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime, useApi } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useEnum, useEnumOptions, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import CheckInCode from './CheckInCode';
import Roster from './Roster';
import { graphql } from '../../gql';
import type { CoursesCoursesQuery } from '../../gql/graphql';
import type { TypedDocumentString } from '../../gql/graphql';

const COURSES = graphql(`query CoursesCourses { courseCategories { code name }
  courses(first: 100) { edges { node { id title category audience format capacity enrolledCount waitlistCount
    status publicBenefit sessions { id startsAt endsAt place status } } } } }`);
const CREATE = graphql(`mutation CoursesCreate($i: CreateCourseInput!) { createCourse(input: $i) { id title } }`);
const SET_OPEN = graphql(`mutation CoursesSetOpen($id: ID!, $open: Boolean!) { setCourseOpen(courseId: $id, open: $open) { id status } }`);
const ADD_SESSIONS = graphql(`mutation CoursesAddSessions($i: AddSessionsInput!) { addSessions(input: $i) { id } }`);

export default function Courses({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const enumOptions = useEnumOptions();
  const { message } = App.useApp();
  const [data, load] = useGql(COURSES, {}, slug);
  const [creating, setCreating] = useState(false);
  const [scheduling, setScheduling] = useState<CoursesCoursesQuery['courses']['edges'][number]['node'] | null>(null);
  const [open, setOpenCourse] = useState<string | null>(null); // the course whose timetable and roster show
  const [code, setCode] = useState<{ id: string; startsAt: string } | null>(null); // the session whose QR code shows

  const run = async <R, V>(query: TypedDocumentString<R, V>, variables: V, done?: (r: R) => void) => {
    try {
      const r = await api.request(query, variables, slug);
      done?.(r);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  const courses = data?.courses.edges.map((e) => e.node) ?? [];
  const current = courses.find((c) => c.id === open);
  const categoryName = (code: string) => data?.courseCategories.find((c) => c.code === code)?.name ?? code;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setCreating(true)}>{t('新建课程', 'New course')}</Button>
      <Table
        rowKey="id"
        dataSource={courses}
        loading={!data}
       
        pagination={false}
        columns={[
          { title: t('课程', 'Course'), dataIndex: 'title' },
          { title: t('类别', 'Category'), dataIndex: 'category', render: categoryName },
          { title: t('对象', 'Audience'), dataIndex: 'audience', render: (a) => label('Audience', a) },
          { title: t('名额', 'Seats'), render: (_, c) => `${c.enrolledCount} / ${c.capacity}${c.waitlistCount ? t(`（候补 ${c.waitlistCount}）`, ` (+${c.waitlistCount} waiting)`) : ''}` },
          { title: t('课次', 'Sessions'), render: (_, c) => c.sessions.length },
          { title: t('状态', 'Status'), dataIndex: 'status', render: (s) => <Tag color={s === 'OPEN' ? 'blue' : undefined}>{label('CourseStatus', s)}</Tag> },
          {
            title: t('操作', 'Actions'),
            render: (_, c) => (
              <Space wrap>
                <Button size="small" onClick={() => setOpenCourse(c.id)}>{t('课表与名单', 'Timetable & roster')}</Button>
                <Button size="small" onClick={() => setScheduling(c)}>{t('排课', 'Add sessions')}</Button>
                <Button size="small" onClick={() => run(SET_OPEN, { id: c.id, open: c.status !== 'OPEN' })}>
                  {c.status === 'OPEN' ? t('关闭报名', 'Close') : t('开放报名', 'Open')}
                </Button>
              </Space>
            ),
          },
        ]}
      />

      <Modal open={creating} title={t('新建课程', 'New course')} onCancel={() => setCreating(false)} footer={null} destroyOnClose>
        <Form layout="vertical" initialValues={{ audience: 'ALL', format: 'LECTURE', publicBenefit: true, capacity: 20 }}
          onFinish={(v) => run(CREATE, { i: v }, () => { setCreating(false); message.success(t('课程已创建', 'Course created')); })}>
          <Form.Item name="title" label={t('课程名称', 'Title')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="category" label={t('类别', 'Category')} rules={[mustChoose(t('请选择类别', 'Choose a category'))]}>
            <Select options={data?.courseCategories.map((c) => ({ value: c.code, label: c.name }))} />
          </Form.Item>
          <Form.Item name="audience" label={t('对象', 'Audience')}>
            <Select options={enumOptions('Audience')} />
          </Form.Item>
          <Form.Item name="format" label={t('形式', 'Format')}>
            <Select options={enumOptions('CourseFormat')} />
          </Form.Item>
          <Form.Item name="capacity" label={t('名额', 'Seats')} rules={[{ required: true }]}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="publicBenefit" label={t('公益课（免费）', 'Public benefit (free)')} valuePropName="checked"><Switch /></Form.Item>
          <Button type="primary" htmlType="submit">{t('创建', 'Create')}</Button>
        </Form>
      </Modal>

      <Modal open={!!scheduling} title={`${t('排课', 'Add sessions')} · ${scheduling?.title ?? ''}`} onCancel={() => setScheduling(null)} footer={null} destroyOnClose>
        <Form layout="vertical" initialValues={{ durationMinutes: 90, weeks: 1 }}
          onFinish={(v) => run(ADD_SESSIONS, {
            i: { courseId: scheduling!.id, firstStartsAt: new Date(`${v.firstStartsAt}:00+08:00`).toISOString(), durationMinutes: v.durationMinutes, weeks: v.weeks, place: v.place },
          }, () => { setScheduling(null); message.success(t('已排课', 'Sessions added')); })}>
          <Form.Item name="firstStartsAt" label={t('第一次上课时间（北京时间）', 'First session (China time)')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('时长（分钟）', 'Minutes')}><InputNumber min={15} max={480} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="weeks" label={t('连续几周', 'Weeks running')}><InputNumber min={1} max={52} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="place" label={t('地点', 'Place')} rules={[{ required: true }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">{t('保存', 'Save')}</Button>
        </Form>
      </Modal>

      <Drawer open={!!current} width={Math.min(720, window.innerWidth)} title={current?.title} onClose={() => setOpenCourse(null)} destroyOnClose>
        {current && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Card size="small" title={t('课表', 'Timetable')}>
              <Table size="small" rowKey="id" pagination={false} dataSource={current.sessions}
                columns={[
                  { title: t('时间', 'When'), dataIndex: 'startsAt', render: (s) => formatDateTime(s, lang) },
                  { title: t('地点', 'Place'), dataIndex: 'place' },
                  { title: t('状态', 'Status'), dataIndex: 'status', render: (s) => label('SessionStatus', s) },
                  { title: t('签到', 'Check-in'), render: (_, s) => <Button size="small" onClick={() => setCode(s)}>{t('签到二维码', 'QR code')}</Button> },
                ]} />
            </Card>
            <Roster slug={slug} course={current} />
          </Space>
        )}
      </Drawer>
      {code && <CheckInCode slug={slug} session={code} title={current?.title} onClose={() => setCode(null)} />}
    </Space>
  );
}
