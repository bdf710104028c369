import { App, Button, DatePicker, Empty, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { chinaToday, useApi, useRun } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const PENDING = graphql(`query HoursPending { pendingVolunteerHours { id volunteerId postId servedOn minutes recordedAs }
  volunteers { id name status } volunteerPosts { id title pointsPerHour } pointsAccounts(kind: COLLECTIVE) { id name } }`);
const ONE = graphql(`mutation HoursOne($i: RecordHoursInput!) { recordVolunteerHours(input: $i) { id } }`);
const SHEET = graphql(`mutation HoursSheet($p: ID!, $d: Date!, $e: [HoursEntryInput!]!) { recordVolunteerHoursBatch(postId: $p, servedOn: $d, entries: $e) { id } }`);
const VERIFY = graphql(`mutation HoursVerify($ids: [ID!]!) { verifyVolunteerHours(hoursIds: $ids) { id points } }`);
const DECLINE = graphql(`mutation HoursDecline($id: ID!, $r: String!) { declineVolunteerHours(hoursId: $id, reason: $r) { id } }`);

interface Sheet { postId: string; day: Dayjs; rows: { volunteerId?: string; minutes?: number }[] }

/**
 * Volunteer hours (志愿时长): one entered for a volunteer (for a collective card if it was
 * served as one), a day's paper sheet of one post entered at once, and those waiting verified —
 * verifying pays their points in the same transaction — or declined with a reason.
 */
export default function Hours({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const [data, load] = useGql(PENDING, {}, slug);
  const [chosen, setChosen] = useState<string[]>([]);
  const [declining, setDeclining] = useState<string | null>(null);
  const [form, setForm] = useState<'one' | 'sheet' | null>(null);
  const run = useRun();

  const verify = async () => {
    try {
      const { verifyVolunteerHours: done } = await api.request(VERIFY, { ids: chosen }, slug);
      const points = done.reduce((s, h) => s + (h.points ?? 0), 0);
      message.success(t(`已核验 ${done.length} 条，发放 ${points} 积分`, `${done.length} verified, ${points} points paid`));
      setChosen([]);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };
  const decline = async ({ reason }: { reason: string }) => {
    try {
      await api.request(DECLINE, { id: declining!, r: reason }, slug);
      setDeclining(null);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  const name = new Map((data?.volunteers ?? []).map((v) => [v.id, v.name]));
  const post = new Map((data?.volunteerPosts ?? []).map((p) => [p.id, p]));
  const active = (data?.volunteers ?? []).filter((v) => v.status === 'ACTIVE').map((v) => ({ value: v.id, label: v.name }));
  const posts = (data?.volunteerPosts ?? []).map((p) => ({ value: p.id, label: p.title }));
  const close = () => setForm(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={() => setForm('one')}>{t('录入一条时长', 'Enter hours')}</Button>
        <Button onClick={() => setForm('sheet')}>{t('录入当日签到表', "Enter a day's sheet")}</Button>
        <Button type="primary" disabled={!chosen.length} onClick={verify}>{t(`核验所选（${chosen.length}）`, `Verify selected (${chosen.length})`)}</Button>
      </Space>
      {data?.pendingVolunteerHours.length === 0 ? <Empty description={t('没有待核验的时长', 'No hours waiting')} /> : <Table rowKey="id" size="small" loading={!data} dataSource={data?.pendingVolunteerHours} pagination={false}
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]), // antd passes the label to the checkbox's input (its types leave aria-label out).
        getCheckboxProps: (h) => ({ 'aria-label': `${t('选择', 'Select')} ${name.get(h.volunteerId) ?? ''} ${h.servedOn}` }) as object }}
        columns={[
          { title: t('志愿者', 'Volunteer'), dataIndex: 'volunteerId', render: (id) => name.get(id) ?? id },
          { title: t('岗位', 'Post'), dataIndex: 'postId', render: (id) => post.get(id)?.title ?? id },
          { title: t('日期', 'Date'), dataIndex: 'servedOn' },
          { title: t('时长（分钟）', 'Minutes'), dataIndex: 'minutes' },
          { title: t('积分', 'Points'), render: (_, h) => Math.floor((h.minutes * (post.get(h.postId)?.pointsPerHour ?? 0)) / 60) },
          { title: t('操作', 'Actions'), render: (_, h) => <Button size="small" danger onClick={() => setDeclining(h.id)}>{t('不予核验', 'Decline')}</Button> },
        ]} />}
      <Modal open={form === 'one'} title={t('录入一条时长', 'Enter hours')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ day: dayjs(chinaToday()), minutes: 60 }}
          onFinish={(v: { volunteerId: string; postId: string; day: Dayjs; minutes: number; cardId?: string }) => run(() => api.request(ONE, { i: {
            volunteerId: v.volunteerId, postId: v.postId, shiftId: null, servedOn: v.day.format('YYYY-MM-DD'), minutes: v.minutes, cardId: v.cardId ?? null,
          } }, slug), t('已录入，待核验', 'Entered, waiting for verification'), close)}>
          <Form.Item name="volunteerId" label={t('志愿者', 'Volunteer')} rules={[mustChoose(t('请选择志愿者', 'Choose a volunteer'))]}><Select showSearch optionFilterProp="label" options={active} /></Form.Item>
          <Form.Item name="postId" label={t('岗位', 'Post')} rules={[mustChoose(t('请选择岗位', 'Choose a post'))]}><Select options={posts} /></Form.Item>
          <Form.Item name="day" label={t('服务日期', 'Served on')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="minutes" label={t('时长（分钟）', 'Minutes')} rules={[{ required: true }]}><InputNumber min={1} max={720} /></Form.Item>
          <Form.Item name="cardId" label={t('计入集体卡（可不选）', 'For a collective card (optional)')}><Select allowClear options={(data?.pointsAccounts ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('录入', 'Enter')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'sheet'} title={t('录入当日签到表', "Enter a day's sheet")} onCancel={close} footer={null} destroyOnHidden width={560}>
        <Form<Sheet> layout="vertical" requiredMark={false} initialValues={{ day: dayjs(chinaToday()), rows: [{ minutes: 60 }, { minutes: 60 }, { minutes: 60 }] }}
          onFinish={(v) => {
            const entries = v.rows.filter((r) => r.volunteerId && r.minutes).map((r) => ({ volunteerId: r.volunteerId!, minutes: r.minutes! }));
            return run(() => api.request(SHEET, { p: v.postId, d: v.day.format('YYYY-MM-DD'), e: entries }, slug), t(`已录入 ${entries.length} 人，待核验`, `${entries.length} entered`), close);
          }}>
          <Space wrap>
            <Form.Item name="postId" label={t('岗位', 'Post')} rules={[mustChoose(t('请选择岗位', 'Choose a post'))]}><Select style={{ minWidth: 160 }} options={posts} /></Form.Item>
            <Form.Item name="day" label={t('服务日期', 'Served on')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          </Space>
          <Form.List name="rows">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'volunteerId']}><Select aria-label={t(`第 ${i + 1} 行志愿者`, `Row ${i + 1} volunteer`)} style={{ minWidth: 160 }} showSearch optionFilterProp="label" options={active} placeholder={t('志愿者', 'Volunteer')} /></Form.Item>
                    <Form.Item name={[f.name, 'minutes']}><InputNumber aria-label={t(`第 ${i + 1} 行分钟`, `Row ${i + 1} minutes`)} min={1} max={720} addonAfter={t('分钟', 'min')} /></Form.Item>
                    <Button onClick={() => remove(f.name)}>{t('删除', 'Remove')}</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ minutes: 60 })}>{t('加一行', 'Add a row')}</Button>
              </>
            )}
          </Form.List>
          <div style={{ marginTop: 12 }}><Button type="primary" htmlType="submit">{t('录入全部', 'Enter all')}</Button></div>
        </Form>
      </Modal>
      <Modal open={!!declining} title={t('不予核验', 'Decline hours')} onCancel={() => setDeclining(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={decline}>
          <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true }]}><Input /></Form.Item>
          <Button type="primary" danger htmlType="submit">{t('确定', 'Decline')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
