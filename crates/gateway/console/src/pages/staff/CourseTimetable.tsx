import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import RepeatRule, { RULE_DEFAULTS, type RuleDraft, ruleOf } from '../../components/RepeatRule';
import { graphql } from '../../gql';
import { chinaDay, chinaTime, chinaToday, formatDateTime, useApi } from '../../lib/api';
import { showApiError } from '../../lib/forms';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { clashOf, useCalendar } from './calendar';
import type { Course } from './CourseForm';

const SPACES = graphql(`query CourseTimetableSpaces { spaces { id name } }`);
const SCHEDULE = graphql(`mutation CourseTimetableSchedule($i: ScheduleSessionsInput!) { scheduleSessions(input: $i) { id startsAt } }`);
const MOVE = graphql(`mutation CourseTimetableMove($i: MoveSessionInput!) { moveSession(input: $i) { id startsAt place } }`);
const CANCEL = graphql(`mutation CourseTimetableCancel($s: ID!, $r: String) { cancelSession(sessionId: $s, reason: $r) { id status } }`);

type Session = Course['sessions'][number];
interface ScheduleDraft extends RuleDraft { startTime: string; durationMinutes: number; place: string; spaceId?: string }
interface MoveDraft { day: Dayjs; startTime: string; durationMinutes: number; place: string }

const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
const minutes = (s: Session) => Math.round((new Date(s.endsAt).getTime() - new Date(s.startsAt).getTime()) / 60000);

/**
 * A course's timetable: sessions scheduled by a repeat rule with their dates and clashes shown
 * before saving; a session moved (调课) or cancelled with a reason, the enrolled told by the API;
 * each session's check-in QR code.
 */
export default function CourseTimetable({ slug, course, onChanged, onShowCode, readOnly = false }: {
  slug: string; course: Course; onChanged: () => void; onShowCode: (s: Session) => void; readOnly?: boolean;
}) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const { message } = App.useApp();
  const [spaces] = useGql(SPACES, {}, slug);
  const [scheduling, setScheduling] = useState(false);
  const [moving, setMoving] = useState<Session | null>(null);
  const [cancelling, setCancelling] = useState<Session | null>(null);
  const [form] = Form.useForm<ScheduleDraft>();
  const [moveForm] = Form.useForm<MoveDraft>();
  const draft = Form.useWatch([], form) as ScheduleDraft | undefined;
  const from = draft?.startsOn?.format('YYYY-MM-DD') ?? chinaToday();
  // Clashes are looked for over the first 62 days of a series (the bookings' longest span).
  const [calendar] = useCalendar(slug, from, 62, readOnly);
  const moveDraft = Form.useWatch([], moveForm) as MoveDraft | undefined;
  const [moveCalendar] = useCalendar(slug, moveDraft?.day?.format('YYYY-MM-DD') ?? chinaToday(), 1, readOnly);

  const clash = (day: string) => {
    if (!calendar || !draft?.startTime || !draft.durationMinutes) return null;
    const startsAt = at(day, draft.startTime);
    const c = clashOf(calendar, { startsAt, endsAt: new Date(startsAt.getTime() + draft.durationMinutes * 60000), place: draft.place ?? '', spaceId: draft.spaceId });
    return c ? t(`与「${c.title}」冲突`, `clashes with “${c.title}”`) : null;
  };
  const moveClash = (() => {
    if (!moving || !moveCalendar || !moveDraft?.day || !moveDraft.startTime) return null;
    const startsAt = at(moveDraft.day.format('YYYY-MM-DD'), moveDraft.startTime);
    return clashOf(moveCalendar, { startsAt, endsAt: new Date(startsAt.getTime() + (moveDraft.durationMinutes ?? 0) * 60000), place: moveDraft.place ?? '', spaceId: moving.spaceId, except: moving.id });
  })();

  const schedule = async (v: ScheduleDraft) => {
    try {
      const r = await api.request(SCHEDULE, { i: {
        courseId: course.id, ...ruleOf(v), startTime: v.startTime, durationMinutes: v.durationMinutes, place: v.place.trim(), spaceId: v.spaceId ?? null,
      } }, slug);
      message.success(t(`已排 ${r.scheduleSessions.length} 次课`, `${r.scheduleSessions.length} sessions scheduled`));
      setScheduling(false);
      onChanged();
    } catch (e) {
      const other = showApiError(form, e, { startTime: 'startTime' });
      if (other) message.error(other.message);
    }
  };
  const move = async (v: MoveDraft) => {
    try {
      await api.request(MOVE, { i: { sessionId: moving!.id, startsAt: at(v.day.format('YYYY-MM-DD'), v.startTime).toISOString(), durationMinutes: v.durationMinutes, place: v.place.trim() } }, slug);
      message.success(t('已调课，已通知学员', 'Moved; learners told'));
      setMoving(null);
      onChanged();
    } catch (e) {
      message.error(e.message);
    }
  };
  const cancel = async (v: { reason: string }) => {
    try {
      await api.request(CANCEL, { s: cancelling!.id, r: v.reason.trim() }, slug);
      message.success(t('已停课，已通知学员', 'Cancelled; learners told'));
      setCancelling(null);
      onChanged();
    } catch (e) {
      message.error(e.message);
    }
  };

  return (
    <Card size="small" title={t('课表', 'Timetable')} extra={!readOnly && <Button onClick={() => setScheduling(true)}>{t('排课', 'Schedule')}</Button>}>
      <Table size="small" rowKey="id" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={course.sessions}
        columns={[
          { title: t('时间', 'When'), render: (_, s) => <>{formatDateTime(s.startsAt, lang)}{s.movedFrom && <Tag style={{ marginLeft: 4 }}>{t('已调课', 'Moved')}</Tag>}</> },
          { title: t('地点', 'Place'), dataIndex: 'place' },
          { title: t('状态', 'Status'), render: (_, s) => <>{label('SessionStatus', s.status)}{s.cancelReason && `（${s.cancelReason}）`}</> },
          {
            title: t('操作', 'Actions'),
            render: (_, s) => s.status !== 'CANCELLED' && (
              <Space wrap>
                <Button size="small" onClick={() => onShowCode(s)}>{t('签到二维码', 'QR code')}</Button>
                {!readOnly && <Button size="small" onClick={() => setMoving(s)}>{t('调课', 'Move')}</Button>}
                {!readOnly && <Button size="small" danger onClick={() => setCancelling(s)}>{t('停课', 'Cancel')}</Button>}
              </Space>
            ),
          },
        ]} />

      <Modal open={scheduling} title={t(`排课 · ${course.title}`, `Schedule · ${course.title}`)} onCancel={() => setScheduling(false)} footer={null} destroyOnHidden width={680}>
        <Form form={form} layout="vertical" onFinish={schedule} requiredMark={false}
          initialValues={{ ...RULE_DEFAULTS, startsOn: dayjs(chinaToday(1)), startTime: '09:00', durationMinutes: 90 }}>
          <Space wrap>
            <Form.Item name="startsOn" label={t('从哪天起', 'Starting')} rules={[{ required: true }]}><DatePicker allowClear={false} /></Form.Item>
            <Form.Item name="startTime" label={t('上课时间', 'Starts at')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}><Input type="time" /></Form.Item>
            <Form.Item name="durationMinutes" label={t('时长（分钟）', 'Minutes')} rules={[{ required: true }]}><InputNumber min={15} max={480} /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="place" label={t('地点', 'Place')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
            <Form.Item name="spaceId" label={t('占用场地（可不选）', 'Room held (optional)')}>
              <Select allowClear style={{ minWidth: 180 }} options={spaces?.spaces.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
          </Space>
          <RepeatRule form={form} clash={clash} />
          <Button type="primary" htmlType="submit" style={{ marginTop: 12 }}>{t('保存课表', 'Save')}</Button>
        </Form>
      </Modal>

      <Modal open={!!moving} title={t('调课', 'Move a session')} onCancel={() => setMoving(null)} footer={null} destroyOnHidden>
        <Form form={moveForm} name="move" layout="vertical" onFinish={move} requiredMark={false}
          initialValues={moving ? { day: dayjs(chinaDay(moving.startsAt)), startTime: chinaTime(moving.startsAt), durationMinutes: minutes(moving), place: moving.place } : undefined}>
          <Space wrap>
            <Form.Item name="day" label={t('新日期', 'New date')} rules={[{ required: true }]}><DatePicker allowClear={false} /></Form.Item>
            <Form.Item name="startTime" label={t('开始时间', 'Starts at')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}><Input type="time" /></Form.Item>
            <Form.Item name="durationMinutes" label={t('时长（分钟）', 'Minutes')}><InputNumber min={15} max={480} /></Form.Item>
          </Space>
          <Form.Item name="place" label={t('地点', 'Place')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          {moveClash && <p className="series-clashes" role="alert">{t(`时间冲突：与「${moveClash.title}」冲突`, `Clashes with “${moveClash.title}”`)}</p>}
          <Button type="primary" htmlType="submit">{t('调课并通知学员', 'Move and tell learners')}</Button>
        </Form>
      </Modal>

      <Modal open={!!cancelling} title={t('停课', 'Cancel a session')} onCancel={() => setCancelling(null)} footer={null} destroyOnHidden>
        <p>{cancelling && formatDateTime(cancelling.startsAt, lang)}</p>
        <Form layout="vertical" onFinish={cancel} requiredMark={false}>
          <Form.Item name="reason" label={t('停课原因（会告诉学员）', 'Reason (learners are told)')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <Button type="primary" danger htmlType="submit">{t('停课并通知学员', 'Cancel and tell learners')}</Button>
        </Form>
      </Modal>
    </Card>
  );
}
