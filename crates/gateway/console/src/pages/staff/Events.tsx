import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { EventKind, EventsListQuery } from '../../gql/graphql';
import WalkInCode from './WalkInCode';
import RepeatRule, { type RuleDraft, ruleOf } from '../../components/RepeatRule';
import { chinaToday, formatDateTime, useApi } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { ENUMS, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const LIST = graphql(`query EventsList($from: Date!, $m: String!) {
  events(from: $from, days: 150) { id title kind startsAt endsAt place capacity registered status attendance seriesId attendanceTarget }
  eventTargetsReport(month: $m) { event { id title startsAt attendanceTarget } attendance met } }`);
const CREATE = graphql(`mutation EventsCreate($i: CreateEventInput!) { createEvent(input: $i) { id } }`);
const SERIES = graphql(`mutation EventsSeries($i: ScheduleEventsInput!) { scheduleEvents(input: $i) { id startsAt } }`);
const TALLY = graphql(`mutation EventsTally($e: ID!, $n: Int!) { tallyWalkIns(at: { eventId: $e }, count: $n) }`);

type Event = EventsListQuery['events'][number];

export const EVENT_KINDS = Object.entries(ENUMS.EventKind).map(([k, [zh, en]]) => [k as EventKind, zh, en] as const);

interface Draft extends RuleDraft {
  title: string;
  kind: EventKind;
  place: string;
  capacity?: number;
  attendanceTarget?: number;
  startTime: string;
  durationMinutes: number;
  repeats: boolean;
}

/**
 * Events of every kind (活动, 交流, 展演, 服务集市, 达人服务日): one, or a series by the
 * timetable's repeat rule (daily, weekly on weekdays, monthly on a day; interval; count or
 * until; exception dates) with its dates shown before saving; registrations; 人次 counted by a
 * staff tally or by residents scanning the event's QR code at the door; this month's 人次
 * targets.
 */
export default function Events({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [data, load] = useGql(LIST, { from: chinaToday(-31), m: chinaToday().slice(0, 7) }, slug);
  const [adding, setAdding] = useState(false);
  const [tallying, setTallying] = useState<Event | null>(null);
  const [showing, setShowing] = useState<Event | null>(null); // the event whose walk-in code shows
  const [form] = Form.useForm<Draft>();
  const draft = Form.useWatch([], form) as Draft | undefined;
  const kindLabel = (k: EventKind) => { const x = EVENT_KINDS.find((y) => y[0] === k); return x ? t(x[1], x[2]) : k; };


  const save = async (v: Draft) => {
    try {
      if (v.repeats) {
        const made = await api.request(SERIES, { i: {
          title: v.title.trim(), kind: v.kind, place: v.place.trim(), capacity: v.capacity ?? null, attendanceTarget: v.attendanceTarget ?? null,
          repeat: { ...ruleOf(v), startTime: v.startTime, durationMinutes: v.durationMinutes },
        } }, slug);
        message.success(t(`已排 ${made.scheduleEvents.length} 场`, `${made.scheduleEvents.length} events scheduled`));
      } else {
        const startsAt = new Date(`${v.startsOn.format('YYYY-MM-DD')}T${v.startTime}:00+08:00`).toISOString();
        await api.request(CREATE, { i: { title: v.title.trim(), kind: v.kind, startsAt, durationMinutes: v.durationMinutes, place: v.place.trim(), capacity: v.capacity ?? null, attendanceTarget: v.attendanceTarget ?? null } }, slug);
        message.success(t('活动已发布', 'Event published'));
      }
      setAdding(false);
      form.resetFields();
      load();
    } catch (e) {
      message.error(e.message);
    }
  };
  const tally = async (v: { people: number }) => {
    try {
      const total = (await api.request(TALLY, { e: tallying!.id, n: v.people }, slug)).tallyWalkIns;
      message.success(t(`已记录，共 ${total} 人次`, `Recorded: ${total} in all`));
      setTallying(null);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div><Button type="primary" onClick={() => setAdding(true)}>{t('新建活动', 'New event')}</Button></div>
      <Table<Event> rowKey="id" size="small" loading={!data} dataSource={data?.events} pagination={{ pageSize: 20 }}
        columns={[
          { title: t('活动', 'Event'), dataIndex: 'title' },
          { title: t('类型', 'Kind'), render: (_, e) => <>{kindLabel(e.kind)}{e.seriesId && <Tag style={{ marginLeft: 4 }}>{t('系列', 'Series')}</Tag>}</> },
          { title: t('时间', 'When'), render: (_, e) => formatDateTime(e.startsAt, lang) },
          { title: t('地点', 'Place'), dataIndex: 'place' },
          { title: t('报名', 'Registered'), render: (_, e) => (e.capacity == null ? t('无需报名', 'Walk in') : `${e.registered} / ${e.capacity}`) },
          { title: t('人次', 'Attendance'), render: (_, e) => `${e.attendance ?? 0}${e.attendanceTarget ? ` / ${e.attendanceTarget}` : ''}` },
          {
            title: t('操作', 'Actions'),
            render: (_, e) => (
              <Space wrap>
                <Button size="small" onClick={() => setTallying(e)}>{t('记录人次', 'Count')}</Button>
                <Button size="small" onClick={() => setShowing(e)}>{t('到场二维码', 'Walk-in QR code')}</Button>
              </Space>
            ),
          },
        ]} />
      <Card size="small" title={t('本月人次目标', "This month's attendance targets")}>
        <Table rowKey={(r) => r.event.id} size="small" pagination={false} dataSource={data?.eventTargetsReport ?? []}
          columns={[
            { title: t('活动', 'Event'), render: (_, r) => r.event.title },
            { title: t('人次', 'Attendance'), render: (_, r) => `${r.attendance} / ${r.event.attendanceTarget ?? '—'}` },
            { title: t('达成', 'Met'), render: (_, r) => (r.met ? <Tag className="tag-ok">{t('已达成', 'Met')}</Tag> : <Tag className="tag-warn">{t('未达成', 'Not yet')}</Tag>) },
          ]} />
      </Card>
      <Modal open={adding} title={t('新建活动', 'New event')} onCancel={() => setAdding(false)} footer={null} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" onFinish={save} requiredMark={false}
          initialValues={{ kind: 'ACTIVITY', startsOn: dayjs(chinaToday(1)), startTime: '09:00', durationMinutes: 120, repeats: false, frequency: 'MONTHLY', interval: 1, weekdays: [], end: 'count', count: 6, except: [] }}>
          <Form.Item name="title" label={t('名称', 'Title')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="kind" label={t('类型', 'Kind')} rules={[mustChoose(t('请选择类型', 'Choose a kind'))]}>
            <Select options={EVENT_KINDS.map(([k, zh, en]) => ({ value: k, label: t(zh, en) }))} />
          </Form.Item>
          <Form.Item name="place" label={t('地点', 'Place')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Space wrap>
            <Form.Item name="startsOn" label={t('日期（系列从此日起）', 'Date (a series starts here)')} rules={[{ required: true }]}><DatePicker allowClear={false} /></Form.Item>
            <Form.Item name="startTime" label={t('开始时间', 'Starts at')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}><Input type="time" /></Form.Item>
            <Form.Item name="durationMinutes" label={t('时长（分钟）', 'Minutes')} rules={[{ required: true }]}><InputNumber min={15} max={720} /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="capacity" label={t('名额（留空则无需报名）', 'Places (empty: walk in)')}><InputNumber min={1} /></Form.Item>
            <Form.Item name="attendanceTarget" label={t('人次目标', 'Attendance target')}><InputNumber min={1} /></Form.Item>
          </Space>
          <Form.Item name="repeats" valuePropName="checked"><Checkbox>{t('重复举办', 'Repeats')}</Checkbox></Form.Item>
          {draft?.repeats && <RepeatRule form={form} unit={['场', 'events']} />}
          <Button type="primary" htmlType="submit" style={{ marginTop: 12 }}>{t('发布', 'Publish')}</Button>
        </Form>
      </Modal>
      <Modal open={!!tallying} title={t(`记录人次 · ${tallying?.title ?? ''}`, `Count · ${tallying?.title ?? ''}`)} onCancel={() => setTallying(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={tally} requiredMark={false} initialValues={{ people: 1 }}>
          <Form.Item name="people" label={t('本次到场人数', 'People who came')} rules={[{ required: true }]}><InputNumber min={1} max={10000} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('记录', 'Record')}</Button>
        </Form>
      </Modal>
      {showing && <WalkInCode slug={slug} event={showing} onClose={() => setShowing(null)} />}
    </Space>
  );
}
