import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaToday } from '../lib/api';
import { mustChoose } from '../lib/forms';
import { useT } from '../lib/i18n';

/** A room booked for a group, as the API takes it. */
export interface GroupBooking { spaceId: string; startsAt: string; minutes: number; purpose: string; attendance: number; weeks: number }

interface Draft { spaceId: string; day: Dayjs; startTime: string; minutes: number; purpose: string; attendance: number; weeks: number }

/** A room booked for a club or a partner team (staff): once, or weekly for some weeks. */
export default function GroupBookingForm({ spaces, onBook }: { spaces: { id: string; name: string }[]; onBook: (b: GroupBooking) => void }) {
  const t = useT();
  return (
    <Form<Draft> layout="vertical" requiredMark={false} initialValues={{ day: dayjs(chinaToday(1)), startTime: '14:00', minutes: 120, attendance: 10, weeks: 1 }}
      onFinish={(v) => onBook({
        spaceId: v.spaceId, startsAt: new Date(`${v.day.format('YYYY-MM-DD')}T${v.startTime}:00+08:00`).toISOString(),
        minutes: v.minutes, purpose: v.purpose.trim(), attendance: v.attendance, weeks: v.weeks,
      })}>
      <Form.Item name="spaceId" label={t('场地', 'Room')} rules={[mustChoose(t('请选择场地', 'Choose a room'))]}>
        <Select options={spaces.map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="day" label={t('日期', 'Date')} rules={[{ required: true }]}><DatePicker allowClear={false} /></Form.Item>
        <Form.Item name="startTime" label={t('开始时间', 'Starts at')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}><Input type="time" /></Form.Item>
        <Form.Item name="minutes" label={t('时长（分钟）', 'Minutes')}><InputNumber min={15} max={720} /></Form.Item>
      </Space>
      <Form.Item name="purpose" label={t('用途', 'Purpose')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
      <Space wrap>
        <Form.Item name="attendance" label={t('人数', 'People')}><InputNumber min={1} max={500} /></Form.Item>
        <Form.Item name="weeks" label={t('每周同一时间，共几周', 'Weekly, for how many weeks')}><InputNumber min={1} max={26} /></Form.Item>
      </Space>
      <Button type="primary" htmlType="submit">{t('预约', 'Book')}</Button>
    </Form>
  );
}
