import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { PostsShiftsQuery } from '../../gql/graphql';
import { chinaDay, chinaTime, chinaToday, useApi, useRun } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const POSTS = graphql(`query PostsPosts { volunteerPostTypes { code name } volunteerPosts { id typeCode title description pointsPerHour }
  volunteers(status: ACTIVE) { id name } spaces { id name } }`);
const SHIFTS = graphql(`query PostsShifts($from: DateTime!, $since: Date!) { volunteerShifts(from: $from, days: 28) { id postId startsAt endsAt place spaceId needed signedUp leaderId }
  volunteerPeopleServed(from: $since, days: 31) { postId servedOn people } }`);
const TYPE = graphql(`mutation PostsType($c: String!, $n: String!) { createVolunteerPostType(code: $c, name: $n) { code } }`);
const POST = graphql(`mutation PostsPost($c: String!, $t: String!, $d: String!, $p: Int!) { createVolunteerPost(typeCode: $c, title: $t, description: $d, pointsPerHour: $p) { id } }`);
const SHIFT = graphql(`mutation PostsShift($i: VolunteerShiftInput!) { addVolunteerShift(input: $i) { id } }`);
const SHIFT_HOURS = graphql(`mutation PostsShiftHours($s: ID!, $m: Int) { recordShiftHours(shiftId: $s, minutes: $m) { id } }`);
const SERVED = graphql(`mutation PostsServed($p: ID!, $d: Date!, $n: Int!) { recordPeopleServed(postId: $p, servedOn: $d, people: $n) { people } }`);

type Shift = PostsShiftsQuery['volunteerShifts'][number];
interface ShiftDraft { postId: string; day: Dayjs; startTime: string; minutes: number; place: string; spaceId?: string; needed: number; leaderId?: string }

/**
 * Posts of the time bank (志愿岗位): their types, each post's points rule (积分/小时), shifts
 * with the places they need and who signed up, a whole shift's hours recorded at once, and the
 * people a post served (服务人次) by day.
 */
export default function Posts({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const run = useRun();
  const [data] = useGql(POSTS, {}, slug);
  const [shifts] = useGql(SHIFTS, { from: new Date(`${chinaToday(-7)}T00:00:00+08:00`).toISOString(), since: chinaToday(-30) }, slug);
  const [form, setForm] = useState<'type' | 'post' | 'shift' | 'served' | null>(null);
  const [closing, setClosing] = useState<Shift | null>(null);
  const close = () => { setForm(null); setClosing(null); };
  const typeName = new Map((data?.volunteerPostTypes ?? []).map((p) => [p.code, p.name]));
  const post = new Map((data?.volunteerPosts ?? []).map((p) => [p.id, p.title]));
  const person = new Map((data?.volunteers ?? []).map((v) => [v.id, v.name]));
  const posts = (data?.volunteerPosts ?? []).map((p) => ({ value: p.id, label: p.title }));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('岗位', 'Posts')} extra={<Space wrap>
        <Button size="small" onClick={() => setForm('type')}>{t('新增岗位类型', 'Add a post type')}</Button>
        <Button size="small" type="primary" onClick={() => setForm('post')}>{t('新增岗位', 'Add a post')}</Button>
      </Space>}>
        <Table size="small" rowKey="id" pagination={false} loading={!data} dataSource={data?.volunteerPosts}
          columns={[
            { title: t('岗位', 'Post'), dataIndex: 'title' },
            { title: t('类型', 'Type'), render: (_, p) => typeName.get(p.typeCode) ?? p.typeCode },
            { title: t('积分/小时', 'Points an hour'), dataIndex: 'pointsPerHour', align: 'right' },
            { title: t('说明', 'Duties'), dataIndex: 'description' },
          ]} />
      </Card>
      <Card size="small" title={t('排班（前一周至后三周）', 'Shifts (a week back, three ahead)')} extra={<Button size="small" type="primary" onClick={() => setForm('shift')}>{t('新增班次', 'Add a shift')}</Button>}>
        <Table<Shift> size="small" rowKey="id" pagination={false} loading={!shifts} dataSource={shifts?.volunteerShifts} locale={{ emptyText: t('没有班次', 'No shifts') }}
          columns={[
            { title: t('时间', 'When'), render: (_, s) => `${chinaDay(s.startsAt)} ${chinaTime(s.startsAt)}–${chinaTime(s.endsAt)}` },
            { title: t('岗位', 'Post'), render: (_, s) => post.get(s.postId) ?? '' },
            { title: t('地点', 'Place'), dataIndex: 'place' },
            { title: t('报名/需要', 'Signed up / needed'), render: (_, s) => `${s.signedUp} / ${s.needed}` },
            { title: t('带班', 'Leader'), render: (_, s) => (s.leaderId ? person.get(s.leaderId) ?? '' : '') },
            { title: t('操作', 'Actions'), render: (_, s) => new Date(s.endsAt) <= new Date() && <Button size="small" onClick={() => setClosing(s)}>{t('记整班时长', 'Record the shift')}</Button> },
          ]} />
      </Card>
      <Card size="small" title={t('服务人次（近 31 天）', 'People served (31 days)')} extra={<Button size="small" onClick={() => setForm('served')}>{t('记服务人次', 'Count people served')}</Button>}>
        <Table size="small" rowKey={(r) => `${r.postId}-${r.servedOn}`} pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={shifts?.volunteerPeopleServed} locale={{ emptyText: t('没有记录', 'None') }}
          columns={[
            { title: t('日期', 'Date'), dataIndex: 'servedOn' },
            { title: t('岗位', 'Post'), render: (_, r) => post.get(r.postId) ?? '' },
            { title: t('人次', 'People'), dataIndex: 'people', align: 'right' },
          ]} />
      </Card>

      <Modal open={form === 'type'} title={t('新增岗位类型', 'Add a post type')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { code: string; name: string }) => run(() => api.request(TYPE, { c: v.code.trim(), n: v.name.trim() }, slug), t('岗位类型已新增', 'Post type added'), close)}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Form.Item name="code" label={t('代码（小写字母和下划线）', 'Code (lower-case letters and _)')} rules={[{ required: true, pattern: /^[a-z_]{2,32}$/ }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">{t('新增', 'Add')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'post'} title={t('新增岗位', 'Add a post')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ points: 10, description: '' }}
          onFinish={(v: { type: string; title: string; description: string; points: number }) => run(() => api.request(POST, { c: v.type, t: v.title.trim(), d: v.description.trim(), p: v.points }, slug), t('岗位已新增', 'Post added'), close)}>
          <Form.Item name="type" label={t('类型', 'Type')} rules={[mustChoose(t('请选择类型', 'Choose a type'))]}>
            <Select options={(data?.volunteerPostTypes ?? []).map((p) => ({ value: p.code, label: p.name }))} />
          </Form.Item>
          <Form.Item name="title" label={t('岗位名称', 'Title')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="points" label={t('每小时积分', 'Points an hour')} rules={[{ required: true }]}><InputNumber min={0} max={1000} /></Form.Item>
          <Form.Item name="description" label={t('说明', 'Duties')} rules={[{ max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('新增', 'Add')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'shift'} title={t('新增班次', 'Add a shift')} onCancel={close} footer={null} destroyOnHidden>
        <Form<ShiftDraft> layout="vertical" requiredMark={false} initialValues={{ day: dayjs(chinaToday(1)), startTime: '09:00', minutes: 120, needed: 4 }}
          onFinish={(v) => run(() => api.request(SHIFT, { i: {
            postId: v.postId, startsAt: new Date(`${v.day.format('YYYY-MM-DD')}T${v.startTime}:00+08:00`).toISOString(), minutes: v.minutes,
            place: v.place.trim(), spaceId: v.spaceId ?? null, needed: v.needed, leaderId: v.leaderId ?? null,
          } }, slug), t('班次已新增', 'Shift added'), close)}>
          <Form.Item name="postId" label={t('岗位', 'Post')} rules={[mustChoose(t('请选择岗位', 'Choose a post'))]}><Select options={posts} /></Form.Item>
          <Space wrap>
            <Form.Item name="day" label={t('日期', 'Day')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            <Form.Item name="startTime" label={t('开始时间', 'Starts at')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}><Input type="time" /></Form.Item>
            <Form.Item name="minutes" label={t('时长（分钟）', 'Minutes')} rules={[{ required: true }]}><InputNumber min={15} max={720} step={15} /></Form.Item>
          </Space>
          <Form.Item name="place" label={t('地点', 'Place')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="spaceId" label={t('场地（可不选）', 'Room (optional)')}><Select allowClear options={(data?.spaces ?? []).map((s) => ({ value: s.id, label: s.name }))} /></Form.Item>
          <Form.Item name="needed" label={t('需要人数', 'Places')} rules={[{ required: true }]}><InputNumber min={1} max={500} /></Form.Item>
          <Form.Item name="leaderId" label={t('带班志愿者（可不选）', 'Leader (optional)')}><Select allowClear showSearch optionFilterProp="label" options={(data?.volunteers ?? []).map((v) => ({ value: v.id, label: v.name }))} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('新增', 'Add')}</Button>
        </Form>
      </Modal>
      <Modal open={!!closing} title={t('记整班时长', 'Record the whole shift')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { minutes?: number }) => run(() => api.request(SHIFT_HOURS, { s: closing!.id, m: v.minutes ?? null }, slug), t('已为报名者记时长，待核验', 'Hours recorded for everyone signed up'), close)}>
          <p>{t('为每位报名者记一条时长；不填分钟按班次时长计。', 'One entry for each person signed up; leave minutes empty for the shift\'s length.')}</p>
          <Form.Item name="minutes" label={t('每人分钟（可不填）', 'Minutes each (optional)')}><InputNumber min={1} max={720} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('记录', 'Record')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'served'} title={t('记服务人次', 'Count people served')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ day: dayjs(chinaToday()) }}
          onFinish={(v: { postId: string; day: Dayjs; people: number }) => run(() => api.request(SERVED, { p: v.postId, d: v.day.format('YYYY-MM-DD'), n: v.people }, slug), t('已记录', 'Recorded'), close)}>
          <Form.Item name="postId" label={t('岗位', 'Post')} rules={[mustChoose(t('请选择岗位', 'Choose a post'))]}><Select options={posts} /></Form.Item>
          <Form.Item name="day" label={t('日期', 'Day')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="people" label={t('服务人次', 'People served')} rules={[{ required: true }]}><InputNumber min={0} max={100000} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('记录', 'Record')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
