import { Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { VolunteersListQuery, VolunteerStatus } from '../../gql/graphql';
import { chinaToday, useApi, useRun } from '../../lib/api';
import { useDownload } from '../../lib/download';
import { useEnum, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { POOLS } from './LearnerRecord';
import ResidentPicker from './ResidentPicker';

const LIST = graphql(`query VolunteersList($s: VolunteerStatus) { volunteers(status: $s) { id name status skills partyMember verifiedMinutes starLevel createdAt }
  volunteerStarThresholds }`);
const DETAIL = graphql(`query VolunteersDetail($v: ID!) {
  volunteerStatement(volunteerId: $v) { verifiedMinutes pointsEarned balance firstServed lastServed hours { id postId servedOn minutes status points } }
  volunteerTrainings(volunteerId: $v) { id title heldOn hours }
  volunteerPosts { id title } }`);
const REGISTER = graphql(`mutation VolunteersRegister($p: ID!, $n: String!, $s: [String!]!, $party: Boolean!) {
  registerVolunteer(personId: $p, name: $n, skills: $s, partyMember: $party) { id } }`);
const STATUS = graphql(`mutation VolunteersStatus($v: ID!, $s: VolunteerStatus!) { setVolunteerStatus(volunteerId: $v, status: $s) { id status } }`);
const TRAINING = graphql(`mutation VolunteersTraining($v: ID!, $t: String!, $d: Date!, $h: Float!) { addVolunteerTraining(volunteerId: $v, title: $t, heldOn: $d, hours: $h) { id } }`);
const CERTIFICATE = graphql(`mutation VolunteersCertificate($v: ID!, $from: Date, $to: Date) { issueVolunteerCertificate(volunteerId: $v, from: $from, to: $to) { url filename } }`);
const STARS = graphql(`mutation VolunteersStars($h: [Int!]!) { setVolunteerStarThresholds(hours: $h) }`);
const NOMINATE = graphql(`mutation VolunteersNominate($v: ID!, $p: String!, $r: String!) { nominateVolunteer(volunteerId: $v, pool: $p, reason: $r) { id } }`);

type Volunteer = VolunteersListQuery['volunteers'][number];
const hours = (minutes: number) => (minutes / 60).toFixed(1);

/**
 * The time bank's volunteers (志愿者): someone registered for (代办) or applying themselves,
 * accepted or stood down, their skills, party membership and star level (星级), trainings,
 * hours and points, the certificate of service (志愿服务记录证明) and a nomination to the
 * role-model pools; the hours each star asks.
 */
export default function Volunteers({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const label = useEnum();
  const run = useRun();
  const [busy, download] = useDownload();
  const [status, setStatus] = useState<VolunteerStatus | 'ALL'>('ALL');
  const [data] = useGql(LIST, { s: status === 'ALL' ? null : status }, slug, { keepPrevious: true });
  const [open, setOpen] = useState<Volunteer | null>(null);
  const [detail] = useGql(DETAIL, { v: open?.id ?? '' }, slug, { enabled: !!open });
  const [form, setForm] = useState<'register' | 'training' | 'nominate' | 'stars' | null>(null);
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const close = () => { setForm(null); setPicked(null); };
  const post = new Map((detail?.volunteerPosts ?? []).map((p) => [p.id, p.title]));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setForm('register')}>{t('登记志愿者', 'Register a volunteer')}</Button>
        <Select aria-label={t('状态', 'Status')} value={status} onChange={setStatus} style={{ minWidth: 140 }}
          options={[{ value: 'ALL', label: t('全部', 'All') }, ...(['APPLICANT', 'ACTIVE', 'INACTIVE'] as const).map((s) => ({ value: s, label: label('VolunteerStatus', s) }))]} />
        {data && <span>{t(`星级门槛（小时）：${data.volunteerStarThresholds.join(' / ')}`, `Star levels (hours): ${data.volunteerStarThresholds.join(' / ')}`)}</span>}
        <Button onClick={() => setForm('stars')}>{t('设置星级', 'Set star levels')}</Button>
      </Space>
      <Table<Volunteer> rowKey="id" size="small" loading={!data} dataSource={data?.volunteers} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('姓名', 'Name'), render: (_, v) => <Button type="link" onClick={() => setOpen(v)}>{v.name}</Button> },
          { title: t('状态', 'Status'), render: (_, v) => <Tag className={v.status === 'APPLICANT' ? 'tag-warn' : undefined}>{label('VolunteerStatus', v.status)}</Tag> },
          { title: t('技能', 'Skills'), render: (_, v) => v.skills.join('、') },
          { title: t('党员', 'Party'), render: (_, v) => (v.partyMember ? t('是', 'Yes') : '') },
          { title: t('服务时长（小时）', 'Hours'), render: (_, v) => hours(v.verifiedMinutes) },
          { title: t('星级', 'Stars'), render: (_, v) => (v.starLevel ? '★'.repeat(v.starLevel) : '—') },
          {
            title: t('操作', 'Actions'),
            render: (_, v) => (
              <Space wrap>
                {v.status !== 'ACTIVE' && <Button size="small" type="primary" onClick={() => run(() => api.request(STATUS, { v: v.id, s: 'ACTIVE' }, slug), t(`${v.name} 已在册`, `${v.name} is active`))}>{v.status === 'APPLICANT' ? t('通过', 'Accept') : t('恢复', 'Restore')}</Button>}
                {v.status === 'ACTIVE' && <Button size="small" onClick={() => run(() => api.request(STATUS, { v: v.id, s: 'INACTIVE' }, slug), t(`${v.name} 已停用`, `${v.name} stood down`))}>{t('停用', 'Stand down')}</Button>}
              </Space>
            ),
          },
        ]} />

      <Drawer open={!!open} title={open?.name} width={640} onClose={() => setOpen(null)} destroyOnHidden>
        {open && detail && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
              { key: 'h', label: t('已核验时长', 'Verified hours'), children: hours(detail.volunteerStatement.verifiedMinutes) },
              { key: 'p', label: t('获得积分', 'Points earned'), children: detail.volunteerStatement.pointsEarned },
              { key: 'b', label: t('积分余额', 'Balance'), children: detail.volunteerStatement.balance },
              { key: 'f', label: t('服务期间', 'Served'), children: detail.volunteerStatement.firstServed ? `${detail.volunteerStatement.firstServed} – ${detail.volunteerStatement.lastServed}` : '—' },
            ]} />
            <Space wrap>
              <Button loading={busy} onClick={() => download(async () => (await api.request(CERTIFICATE, { v: open.id, from: null, to: chinaToday() }, slug)).issueVolunteerCertificate)}>
                {t('开具服务证明（PDF）', 'Certificate of service (PDF)')}
              </Button>
              <Button onClick={() => setForm('training')}>{t('记培训', 'Record a training')}</Button>
              <Button onClick={() => setForm('nominate')}>{t('推荐到榜样库', 'Nominate')}</Button>
            </Space>
            <h3 className="sub-heading">{t('培训', 'Trainings')}</h3>
            <Table size="small" rowKey="id" pagination={false} dataSource={detail.volunteerTrainings} locale={{ emptyText: t('没有培训记录', 'None') }}
              columns={[
                { title: t('日期', 'Date'), dataIndex: 'heldOn' },
                { title: t('培训', 'Training'), dataIndex: 'title' },
                { title: t('学时', 'Hours'), dataIndex: 'hours' },
              ]} />
            <h3 className="sub-heading">{t('服务记录', 'Hours served')}</h3>
            <Table size="small" rowKey="id" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={detail.volunteerStatement.hours}
              columns={[
                { title: t('日期', 'Date'), dataIndex: 'servedOn' },
                { title: t('岗位', 'Post'), render: (_, h) => post.get(h.postId) ?? '' },
                { title: t('分钟', 'Minutes'), dataIndex: 'minutes' },
                { title: t('状态', 'Status'), render: (_, h) => label('HoursStatus', h.status) },
                { title: t('积分', 'Points'), dataIndex: 'points' },
              ]} />
          </Space>
        )}
      </Drawer>

      <Modal open={form === 'register'} title={t('登记志愿者（代办）', 'Register a volunteer')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ skills: [], party: false }}
          onFinish={(v: { skills: string[]; party: boolean }) => picked && run(() => api.request(REGISTER, { p: picked.id, n: picked.name, s: v.skills.map((s) => s.trim()).filter(Boolean), party: v.party }, slug), t(`${picked.name} 已登记，待审核`, `${picked.name} registered`), close)}>
          <Form.Item label={t('居民', 'Resident')} htmlFor="volunteer-resident" required>
            <ResidentPicker byAccount slug={slug} id="volunteer-resident" label={t('居民', 'Resident')} onPick={setPicked} />
          </Form.Item>
          <Form.Item name="skills" label={t('技能（输入后回车）', 'Skills (Enter after each)')}><Select mode="tags" open={false} aria-label={t('技能', 'Skills')} /></Form.Item>
          <Form.Item name="party" label={t('党员', 'Party member')} valuePropName="checked"><Switch /></Form.Item>
          <Button type="primary" htmlType="submit" disabled={!picked}>{t('登记', 'Register')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'training'} title={t('记培训', 'Record a training')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ on: dayjs(chinaToday()), hours: 2 }}
          onFinish={(v: { title: string; on: { format: (f: string) => string }; hours: number }) => run(() => api.request(TRAINING, { v: open!.id, t: v.title.trim(), d: v.on.format('YYYY-MM-DD'), h: v.hours }, slug), t('培训已记录', 'Training recorded'), close)}>
          <Form.Item name="title" label={t('培训名称', 'Training')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="on" label={t('日期', 'Date')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="hours" label={t('学时', 'Hours')} rules={[{ required: true }]}><InputNumber min={0.5} max={100} step={0.5} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('记录', 'Record')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'nominate'} title={t('推荐到榜样库', 'Nominate')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ pool: POOLS[0] }}
          onFinish={(v: { pool: string; reason: string }) => run(() => api.request(NOMINATE, { v: open!.id, p: v.pool, r: v.reason.trim() }, slug), t('已推荐', 'Nominated'), close)}>
          <Form.Item name="pool" label={t('榜样库', 'Pool')}><Select options={POOLS.map((p) => ({ value: p, label: p }))} /></Form.Item>
          <Form.Item name="reason" label={t('推荐理由', 'Why')} rules={[{ required: true, max: 500 }]}><Input.TextArea rows={3} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('推荐', 'Nominate')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'stars'} title={t('星级门槛（小时，逐级递增）', 'Star levels (hours, rising)')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ h: data?.volunteerStarThresholds ?? [] }}
          onFinish={(v: { h: number[] }) => run(() => api.request(STARS, { h: v.h }, slug), t('星级已重算', 'Star levels recomputed'), close)}>
          {[0, 1, 2, 3, 4].map((i) => (
            <Form.Item key={i} name={['h', i]} label={t(`${i + 1} 星`, `${i + 1} star`)} rules={[{ required: true }]}><InputNumber min={1} max={100000} /></Form.Item>
          ))}
          <Button type="primary" htmlType="submit">{t('保存', 'Save')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
