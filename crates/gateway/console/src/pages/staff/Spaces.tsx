import { App, Button, Card, DatePicker, Drawer, Form, Image, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { SpacesSpacesQuery } from '../../gql/graphql';
import { chinaToday, formatDateTime, useApi, useRun } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useEnum, useEnumOptions, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { WEEKDAYS } from '../../lib/schedule';
import CodeScanner from '../../components/CodeScanner';

const SPACES = graphql(`query SpacesSpaces($m: String!) {
  spaces { id name kind capacity courtyardId amenities bookableBy windowDays minMinutes maxMinutes needsApproval pointsPerHour }
  spaceUsage(month: $m) { space { id } utilisation bookedHours openHours noShows }
  courtyards { id name }
  bookingRules { noShow { graceMinutes noShowLimit noShowDays suspensionDays } quotas { appliesTo period unit max } } }`);
const DETAIL = graphql(`query SpacesDetail($s: ID!, $from: Date!) {
  spaceOpening(spaceId: $s, from: $from) { hours { weekday opens closes } closures { on reason } }
  spacePhotos(spaceId: $s) { id url thumbUrl }
  spaceCalendarFeed(spaceId: $s) }`);
const CREATE = graphql(`mutation SpacesCreate($n: String!, $k: SpaceKind!, $c: Int!) { createSpace(name: $n, kind: $k, capacity: $c) { id } }`);
const RULES = graphql(`mutation SpacesRules($i: SpaceRulesInput!) { setSpaceRules(input: $i) { id } }`);
const HOURS = graphql(`mutation SpacesHours($s: ID!, $h: [OpeningSpanInput!]!) { setOpeningHours(spaceId: $s, spans: $h) { weekday } }`);
const CLOSE = graphql(`mutation SpacesClose($s: ID!, $on: Date!, $r: String) { closeSpaceOn(spaceId: $s, on: $on, reason: $r) }`);
const PHOTO = graphql(`mutation SpacesPhoto($s: ID!, $file: Upload!) { uploadSpacePhoto(spaceId: $s, file: $file) { id } }`);
const RENEW = graphql(`mutation SpacesRenew($s: ID) { renewCalendarFeed(spaceId: $s) }`);
const NO_SHOW = graphql(`mutation SpacesNoShow($i: NoShowRulesInput!) { setNoShowRules(input: $i) { graceMinutes } }`);
const QUOTA = graphql(`mutation SpacesQuota($a: BookerKind!, $p: QuotaPeriod!, $u: QuotaUnit!, $m: Int!) { setBookingQuota(appliesTo: $a, period: $p, unit: $u, max: $m) }`);
const CHECK_IN = graphql(`mutation SpacesCheckIn($t: String!) { checkInBooking(token: $t) { id purpose startsAt checkedInAt } }`);

type Room = SpacesSpacesQuery['spaces'][number];

/**
 * Spaces set up (场地): a room made, its rules (who books, how far ahead, how long, approval,
 * points an hour), courtyard and amenities, weekly hours, closed days, photos and its calendar
 * feed; the community's no-show rules and quotas; this month's use; and the door's check-in,
 * where the booking's entry code is scanned by the camera, a hand scanner or typed.
 */
export default function Spaces({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const enumOptions = useEnumOptions();
  const { message } = App.useApp();
  const run = useRun();
  const [data] = useGql(SPACES, { m: chinaToday().slice(0, 7) }, slug);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Room | null>(null);
  const [detail] = useGql(DETAIL, { s: open?.id ?? '', from: chinaToday() }, slug, { enabled: !!open });
  const [checked, setChecked] = useState<string | null>(null);
  const [door] = Form.useForm<{ token: string }>();
  const usage = new Map((data?.spaceUsage ?? []).map((u) => [u.space.id, u]));
  const courtyard = new Map((data?.courtyards ?? []).map((c) => [c.id, c.name]));
  const rules = data?.bookingRules;
  const day = (d: number) => label('Weekday', WEEKDAYS[d - 1]);

  const checkIn = async (v: { token: string }) => {
    try {
      const b = (await api.request(CHECK_IN, { t: v.token.trim() }, slug)).checkInBooking;
      setChecked(t(`已入场：${b.purpose}（${formatDateTime(b.startsAt, lang)}）`, `Checked in: ${b.purpose} (${formatDateTime(b.startsAt, lang)})`));
      door.resetFields();
    } catch (e) {
      setChecked(null);
      message.error(e.message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('门口核验入场码', 'Check in at the door')}>
        <Form form={door} layout="inline" onFinish={checkIn} requiredMark={false}>
          <Form.Item name="token" label={t('入场码（扫码枪扫描或输入）', 'Entry code (scan or type)')} rules={[{ required: true }]}>
            <Input autoComplete="off" style={{ minWidth: 280 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('核验入场', 'Check in')}</Button>
          <CodeScanner label={t('用摄像头扫入场码', 'Scan the entry code with the camera')} onCode={(token) => checkIn({ token })} />
        </Form>
        {checked && <p className="checked-in" role="status">{checked}</p>}
      </Card>
      <Button type="primary" onClick={() => setCreating(true)}>{t('新建场地', 'New space')}</Button>
      <Table<Room> rowKey="id" size="small" loading={!data} dataSource={data?.spaces} pagination={false}
        columns={[
          { title: t('场地', 'Space'), dataIndex: 'name' },
          { title: t('类型', 'Kind'), render: (_, s) => label('SpaceKind', s.kind) },
          { title: t('院落', 'Courtyard'), render: (_, s) => (s.courtyardId ? courtyard.get(s.courtyardId) : null) ?? '—' },
          { title: t('谁可预约', 'Who books'), render: (_, s) => label('BookableBy', s.bookableBy) },
          { title: t('规则', 'Rules'), render: (_, s) => t(`提前 ${s.windowDays} 天内，${s.minMinutes}–${s.maxMinutes} 分钟${s.needsApproval ? '，需审批' : ''}${s.pointsPerHour ? `，每小时 ${s.pointsPerHour} 积分` : ''}`, `${s.windowDays} days ahead, ${s.minMinutes}–${s.maxMinutes} min${s.needsApproval ? ', approval' : ''}${s.pointsPerHour ? `, ${s.pointsPerHour} points/h` : ''}`) },
          { title: t('本月使用', 'This month'), render: (_, s) => { const u = usage.get(s.id); return u ? t(`${Math.round(u.utilisation * 100)}%（${u.bookedHours}/${u.openHours} 小时），爽约 ${u.noShows}`, `${Math.round(u.utilisation * 100)}% (${u.bookedHours}/${u.openHours} h), ${u.noShows} no-shows`) : '—'; } },
          { title: t('操作', 'Actions'), render: (_, s) => <Button size="small" onClick={() => setOpen(s)}>{t('设置', 'Set up')}</Button> },
        ]} />
      {rules && (
        <Card size="small" title={t('爽约与限额', 'No-shows and quotas')}>
          <Form layout="inline" requiredMark={false} initialValues={rules.noShow}
            onFinish={(v) => run(() => api.request(NO_SHOW, { i: v }, slug), t('爽约规则已保存', 'No-show rules saved'))}>
            <Form.Item name="graceMinutes" label={t('开始后几分钟未签到算爽约', 'Minutes before a no-show')}><InputNumber min={5} max={120} /></Form.Item>
            <Form.Item name="noShowLimit" label={t('爽约几次', 'No-shows')}><InputNumber min={1} max={20} /></Form.Item>
            <Form.Item name="noShowDays" label={t('在几天内', 'within days')}><InputNumber min={1} max={365} /></Form.Item>
            <Form.Item name="suspensionDays" label={t('暂停预约几天', 'Suspended for days')}><InputNumber min={1} max={365} /></Form.Item>
            <Button htmlType="submit">{t('保存', 'Save')}</Button>
          </Form>
          <h3 className="sub-heading">{t('预约限额', 'Quotas')}</h3>
          <ul className="plain-list">
            {rules.quotas.map((q) => <li key={`${q.appliesTo}-${q.period}-${q.unit}`}>{label('BookerKind', q.appliesTo)}：{label('QuotaPeriod', q.period)} {t('最多', 'at most')} {q.max} {label('QuotaUnit', q.unit)}</li>)}
          </ul>
          <Form layout="inline" requiredMark={false} initialValues={{ appliesTo: 'PERSON', period: 'WEEK', unit: 'BOOKINGS', max: 3 }}
            onFinish={(v) => run(() => api.request(QUOTA, { a: v.appliesTo, p: v.period, u: v.unit, m: v.max }, slug), t('限额已设定', 'Quota set'))}>
            <Form.Item name="appliesTo" label={t('对象', 'For')}><Select style={{ minWidth: 90 }} options={enumOptions('BookerKind')} /></Form.Item>
            <Form.Item name="period" label={t('周期', 'Every')}><Select style={{ minWidth: 90 }} options={enumOptions('QuotaPeriod')} /></Form.Item>
            <Form.Item name="max" label={t('最多', 'At most')}><InputNumber min={1} max={1000} /></Form.Item>
            <Form.Item name="unit" label={t('单位', 'Unit')}><Select style={{ minWidth: 90 }} options={enumOptions('QuotaUnit')} /></Form.Item>
            <Button htmlType="submit">{t('设定限额', 'Set quota')}</Button>
          </Form>
        </Card>
      )}

      <Modal open={creating} title={t('新建场地', 'New space')} onCancel={() => setCreating(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ kind: 'FUNCTION_ROOM', capacity: 20 }}
          onFinish={(v: { name: string; kind: Room['kind']; capacity: number }) => run(() => api.request(CREATE, { n: v.name.trim(), k: v.kind, c: v.capacity }, slug), t(`场地「${v.name}」已建立`, `${v.name} created`), () => setCreating(false))}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Form.Item name="kind" label={t('类型', 'Kind')}><Select options={enumOptions('SpaceKind')} /></Form.Item>
          <Form.Item name="capacity" label={t('容纳人数', 'Capacity')}><InputNumber min={1} max={10000} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('建立', 'Create')}</Button>
        </Form>
      </Modal>

      <Drawer open={!!open} width={Math.min(760, window.innerWidth)} title={open?.name} onClose={() => setOpen(null)} destroyOnHidden>
        {open && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Card size="small" title={t('预约规则', 'Booking rules')}>
              <Form layout="vertical" requiredMark={false} initialValues={open}
                onFinish={(v) => run(() => api.request(RULES, { i: {
                  spaceId: open.id, capacity: v.capacity, courtyardId: v.courtyardId ?? null, amenities: v.amenities ?? [], bookableBy: v.bookableBy,
                  windowDays: v.windowDays, minMinutes: v.minMinutes, maxMinutes: v.maxMinutes, needsApproval: v.needsApproval, pointsPerHour: v.pointsPerHour ?? 0,
                } }, slug), t('规则已保存', 'Rules saved'))}>
                <Space wrap>
                  <Form.Item name="bookableBy" label={t('谁可预约', 'Who books')}><Select style={{ minWidth: 200 }} options={enumOptions('BookableBy')} /></Form.Item>
                  <Form.Item name="capacity" label={t('容纳人数', 'Capacity')}><InputNumber min={1} max={10000} /></Form.Item>
                  <Form.Item name="courtyardId" label={t('所在院落', 'Courtyard')}><Select allowClear style={{ minWidth: 140 }} options={data?.courtyards.map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
                </Space>
                <Space wrap>
                  <Form.Item name="windowDays" label={t('最多提前几天', 'Days ahead')}><InputNumber min={1} max={365} /></Form.Item>
                  <Form.Item name="minMinutes" label={t('最短（分钟）', 'Shortest (min)')}><InputNumber min={15} max={1440} /></Form.Item>
                  <Form.Item name="maxMinutes" label={t('最长（分钟）', 'Longest (min)')}><InputNumber min={15} max={1440} /></Form.Item>
                  <Form.Item name="pointsPerHour" label={t('每小时积分', 'Points an hour')}><InputNumber min={0} max={1000} /></Form.Item>
                  <Form.Item name="needsApproval" label={t('需要审批', 'Needs approval')} valuePropName="checked"><Switch /></Form.Item>
                </Space>
                <Form.Item name="amenities" label={t('设施（输入后回车）', 'Amenities (Enter after each)')}><Select mode="tags" tokenSeparators={['，', ',', '、']} suffixIcon={null} /></Form.Item>
                <Button htmlType="submit">{t('保存规则', 'Save rules')}</Button>
              </Form>
            </Card>
            {detail && (
              <Card size="small" title={t('开放时间', 'Opening hours')}>
                <Form layout="vertical" requiredMark={false} initialValues={{ hours: detail.spaceOpening.hours }}
                  onFinish={(v: { hours: { weekday: number; opens: string; closes: string }[] }) => run(() => api.request(HOURS, { s: open.id, h: v.hours ?? [] }, slug), t('开放时间已保存', 'Hours saved'))}>
                  <Form.List name="hours">
                    {(fields, { add, remove }) => (
                      <>
                        {fields.map((f) => (
                          <Space key={f.key} wrap align="start">
                            <Form.Item name={[f.name, 'weekday']} label={t('星期', 'Day')}><Select style={{ minWidth: 90 }} options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: day(d) }))} /></Form.Item>
                            <Form.Item name={[f.name, 'opens']} label={t('开门', 'Opens')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}><Input type="time" /></Form.Item>
                            <Form.Item name={[f.name, 'closes']} label={t('关门', 'Closes')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}><Input type="time" /></Form.Item>
                            <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }}>{t('删除', 'Remove')}</Button>
                          </Space>
                        ))}
                        <Space>
                          <Button onClick={() => add({ weekday: 1, opens: '08:30', closes: '21:00' })}>{t('添加一段', 'Add a span')}</Button>
                          <Button htmlType="submit">{t('保存开放时间', 'Save hours')}</Button>
                        </Space>
                      </>
                    )}
                  </Form.List>
                </Form>
                <h3 className="sub-heading">{t('闭馆日', 'Closed days')}</h3>
                <ul className="plain-list">{detail.spaceOpening.closures.map((c) => <li key={c.on}>{c.on}{c.reason && ` · ${c.reason}`}</li>)}</ul>
                <Form layout="inline" requiredMark={false}
                  onFinish={(v) => run(() => api.request(CLOSE, { s: open.id, on: v.on.format('YYYY-MM-DD'), r: v.reason?.trim() || null }, slug), t('已设闭馆日', 'Closed day set'))}>
                  <Form.Item name="on" label={t('日期', 'Date')} rules={[mustChoose(t('请选择日期', 'Choose a date'))]}><DatePicker /></Form.Item>
                  <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ max: 100 }]}><Input /></Form.Item>
                  <Button htmlType="submit">{t('设为闭馆', 'Close that day')}</Button>
                </Form>
              </Card>
            )}
            {detail && (
              <Card size="small" title={t('照片与日历订阅', 'Photos and calendar feed')}>
                <Space wrap>{detail.spacePhotos.map((p) => <Image key={p.id} width={96} src={p.thumbUrl} preview={{ src: p.url }} alt={open.name} />)}</Space>
                <label className="file-pick" style={{ marginTop: 8 }}>
                  {t('上传照片', 'Upload photo')}
                  <input type="file" accept="image/jpeg,image/png,image/webp" aria-label={t('上传场地照片', 'Upload a photo of the space')}
                    style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }}
                    onChange={(e) => { const f = e.target.files?.[0]; if (f) run(() => api.upload(PHOTO, { s: open.id }, 'file', f, slug), t('照片已上传', 'Photo uploaded')); e.target.value = ''; }} />
                </label>
                <p>{t('日历订阅（只显示忙闲）：', 'Calendar feed (busy times only): ')}<Typography.Text copyable>{`${window.location.origin}${detail.spaceCalendarFeed}`}</Typography.Text></p>
                <Button onClick={() => run(() => api.request(RENEW, { s: open.id }, slug), t('订阅链接已更新，旧链接失效', 'New link made; the old one stops'))}>{t('更新订阅链接', 'Renew the link')}</Button>
                {!detail.spacePhotos.length && <Tag style={{ marginLeft: 8 }}>{t('还没有照片', 'No photos yet')}</Tag>}
              </Card>
            )}
          </Space>
        )}
      </Drawer>
    </Space>
  );
}
