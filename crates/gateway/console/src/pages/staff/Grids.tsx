import { Button, Card, DatePicker, Drawer, Empty, Form, Image, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { GridsPatrolQuery, GridsPatrolsQuery } from '../../gql/graphql';
import { chinaToday, formatDateTime, useApi, useRun } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const GRIDS = graphql(`query GridsGrids { courtyards { id name kind } microGrids { id gridId name }
  gridAssignments { accountId displayName role courtyardIds } }`);
const ASSIGN = graphql(`mutation GridsAssign($a: ID!, $c: [ID!]!) { assignGrids(accountId: $a, courtyardIds: $c) }`);
const POSTS = graphql(`query GridsPosts($m: ID!) { gridPosts(microGridId: $m) { id title duties holderName heldByPartyMember claimedAt } }`);
const PATROLS = graphql(`query GridsPatrols { patrols(first: 100) { id gridId microGridId scheduledFor route leaderName heldAt patrollers notes } }`);
const PATROL = graphql(`query GridsPatrol($p: ID!) { patrol(id: $p) { findings { id what place demandId recordedAt } } }`);
const PHOTOS = graphql(`query GridsPhotos($f: ID!) { findingPhotos(findingId: $f) { id url thumbUrl } }`);
const MICRO = graphql(`mutation GridsMicro($g: ID!, $n: String!) { createMicroGrid(gridId: $g, name: $n) { id } }`);
const POST = graphql(`mutation GridsPost($m: ID!, $t: String!, $d: String!) { addGridPost(microGridId: $m, title: $t, duties: $d) { id } }`);
const SCHEDULE = graphql(`mutation GridsSchedule($g: ID!, $m: ID, $at: DateTime!, $r: String!) { schedulePatrol(gridId: $g, microGridId: $m, scheduledFor: $at, route: $r) { id } }`);
const LOG = graphql(`mutation GridsLog($p: ID!, $n: Int!, $notes: String!, $f: [FindingInput!]!) { logPatrol(patrolId: $p, patrollers: $n, notes: $notes, findings: $f) { patrol { id } } }`);
const RAISE = graphql(`mutation GridsRaise($f: ID!, $c: String!) { raisePatrolFinding(findingId: $f, category: $c) { id demandId } }`);
const PHOTO = graphql(`mutation GridsPhoto($f: ID!, $file: Upload!) { uploadFindingPhoto(findingId: $f, file: $file) { id } }`);

type Patrol = GridsPatrolsQuery['patrols'][number];
type Finding = GridsPatrolQuery['patrol']['findings'][number];

/** A micro-grid's posts (岗位) and who holds each (认领). */
function MicroGridPosts({ slug, micro }: { slug: string; micro: string }) {
  const t = useT();
  const [data] = useGql(POSTS, { m: micro }, slug);
  return (
    <Table size="small" rowKey="id" pagination={false} dataSource={data?.gridPosts} locale={{ emptyText: t('还没有岗位', 'No posts yet') }}
      columns={[
        { title: t('岗位', 'Post'), dataIndex: 'title' },
        { title: t('职责', 'Duties'), dataIndex: 'duties' },
        { title: t('认领人', 'Held by'), render: (_, p) => (p.holderName ? <span>{p.holderName}{p.heldByPartyMember && <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('党员', 'Party member')}</Tag>}</span> : t('待认领', 'Free')) },
      ]} />
  );
}

/** A finding's photos, small, each opening large. */
function FindingPhotos({ slug, finding }: { slug: string; finding: string }) {
  const [data] = useGql(PHOTOS, { f: finding }, slug);
  return <Space wrap>{data?.findingPhotos.map((p) => <Image key={p.id} width={48} src={p.thumbUrl} preview={{ src: p.url }} alt="finding" />)}</Space>;
}

/**
 * Who serves where (网格员分工): each grid worker's grids, each 居民小组长's courtyards;
 * micro-grids (微网格) inside the community's grids, their posts (认领 by residents and party
 * members), and patrols (每周一夜查): scheduled, logged once with what was found, a finding
 * raised as a demand to its grid and photographed.
 */
export default function Grids({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const run = useRun();
  const [data] = useGql(GRIDS, {}, slug);
  const [patrols] = useGql(PATROLS, {}, slug);
  const [form, setForm] = useState<'micro' | 'schedule' | null>(null);
  const [posting, setPosting] = useState<string | null>(null);
  const [logging, setLogging] = useState<Patrol | null>(null);
  const [open, setOpen] = useState<Patrol | null>(null);
  const [record] = useGql(PATROL, { p: open?.id ?? '' }, slug, { enabled: !!open });
  const [raising, setRaising] = useState<Finding | null>(null);
  const close = () => { setForm(null); setPosting(null); setLogging(null); setRaising(null); };
  const grids = (data?.courtyards ?? []).filter((c) => c.kind === 'GRID');
  const gridName = new Map(grids.map((g) => [g.id, g.name]));
  const microName = new Map((data?.microGrids ?? []).map((m) => [m.id, m.name]));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setForm('micro')} disabled={grids.length === 0}>{t('划分微网格', 'Draw a micro-grid')}</Button>
        <Button onClick={() => setForm('schedule')} disabled={grids.length === 0}>{t('安排巡查', 'Schedule a patrol')}</Button>
      </Space>
      {grids.length === 0 && <Empty description={t('先在居民库里建网格', 'First make grids in the registry')} />}
      <Card size="small" title={t('网格员分工', 'Who serves where')}>
        <Table size="small" rowKey="accountId" pagination={false} dataSource={data?.gridAssignments} locale={{ emptyText: t('还没有网格员或居民小组长', 'No grid workers or group leaders yet') }}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'displayName' },
            { title: t('身份', 'Role'), render: (_, w) => label('Role', w.role) },
            {
              title: t('负责的网格或院落', 'Grids or courtyards served'),
              render: (_, w) => (
                <Select mode="multiple" optionFilterProp="label" id={`grids-of-${w.accountId}`} aria-label={t(`${w.displayName} 负责的网格`, `Grids ${w.displayName} serves`)} style={{ minWidth: 260 }} value={w.courtyardIds}
                  options={(data?.courtyards ?? []).map((c) => ({ value: c.id, label: c.name }))}
                  onChange={(ids: string[]) => run(() => api.request(ASSIGN, { a: w.accountId, c: ids }, slug), t(`${w.displayName} 的分工已保存`, `${w.displayName}'s grids saved`))} />
              ),
            },
          ]} />
      </Card>
      {(data?.microGrids ?? []).map((m) => (
        <Card key={m.id} size="small" title={`${gridName.get(m.gridId) ?? ''} · ${m.name}`} extra={<Button size="small" onClick={() => setPosting(m.id)}>{t('设岗位', 'Add a post')}</Button>}>
          <MicroGridPosts slug={slug} micro={m.id} />
        </Card>
      ))}
      <Card size="small" title={t('巡查', 'Patrols')}>
        <Table<Patrol> size="small" rowKey="id" pagination={{ pageSize: 20, hideOnSinglePage: true }} loading={!patrols} dataSource={patrols?.patrols} locale={{ emptyText: t('还没有巡查', 'No patrols yet') }}
          columns={[
            { title: t('时间', 'When'), render: (_, p) => formatDateTime(p.scheduledFor, lang) },
            { title: t('网格', 'Grid'), render: (_, p) => `${gridName.get(p.gridId) ?? ''}${p.microGridId ? ` · ${microName.get(p.microGridId) ?? ''}` : ''}` },
            { title: t('路线', 'Route'), dataIndex: 'route' },
            { title: t('带队', 'Leader'), dataIndex: 'leaderName' },
            { title: t('情况', 'Held'), render: (_, p) => (p.heldAt ? t(`${p.patrollers} 人巡查`, `${p.patrollers} went`) : t('未开展', 'Not yet')) },
            { title: t('操作', 'Actions'), render: (_, p) => (p.heldAt ? <Button size="small" onClick={() => setOpen(p)}>{t('发现的问题', 'Findings')}</Button> : <Button size="small" type="primary" onClick={() => setLogging(p)}>{t('登记巡查', 'Log it')}</Button>) },
          ]} />
      </Card>

      <Drawer open={!!open} title={open && t(`${open.route} 发现的问题`, `${open.route}: findings`)} width={640} onClose={() => setOpen(null)} destroyOnHidden>
        {open?.notes && <p>{open.notes}</p>}
        <Table<Finding> size="small" rowKey="id" pagination={false} dataSource={record?.patrol.findings} locale={{ emptyText: t('没有发现问题', 'Nothing found') }}
          columns={[
            { title: t('问题', 'What'), dataIndex: 'what' },
            { title: t('地点', 'Where'), dataIndex: 'place' },
            { title: t('照片', 'Photos'), render: (_, f) => <FindingPhotos slug={slug} finding={f.id} /> },
            {
              title: t('操作', 'Actions'),
              render: (_, f) => (
                <Space wrap>
                  {f.demandId ? <Tag color="blue">{t('已转诉求', 'Raised')}</Tag> : <Button size="small" onClick={() => setRaising(f)}>{t('转为诉求', 'Raise as a demand')}</Button>}
                  <label className="file-pick">
                    {t('上传照片', 'Add a photo')}
                    <input type="file" accept="image/jpeg,image/png,image/webp" aria-label={t(`上传照片：${f.what}`, `A photo of: ${f.what}`)} style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }}
                      onChange={(e) => { const file = e.target.files?.[0]; if (file) run(() => api.upload(PHOTO, { f: f.id }, 'file', file, slug), t('照片已上传', 'Photo added')); e.target.value = ''; }} />
                  </label>
                </Space>
              ),
            },
          ]} />
      </Drawer>

      <Modal open={form === 'micro'} title={t('划分微网格', 'Draw a micro-grid')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { gridId: string; name: string }) => run(() => api.request(MICRO, { g: v.gridId, n: v.name.trim() }, slug), t('微网格已划分', 'Micro-grid drawn'), close)}>
          <Form.Item name="gridId" label={t('所属网格', 'Grid')} rules={[mustChoose(t('请选择网格', 'Choose a grid'))]}><Select options={grids.map((g) => ({ value: g.id, label: g.name }))} /></Form.Item>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">{t('划分', 'Draw')}</Button>
        </Form>
      </Modal>
      <Modal open={!!posting} title={t('设岗位', 'Add a post')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { title: string; duties?: string }) => run(() => api.request(POST, { m: posting!, t: v.title.trim(), d: v.duties?.trim() ?? '' }, slug), t('岗位已设立', 'Post added'), close)}>
          <Form.Item name="title" label={t('岗位', 'Post')} rules={[{ required: true, max: 50 }]}><Input placeholder={t('楼栋长', 'Building lead')} /></Form.Item>
          <Form.Item name="duties" label={t('职责', 'Duties')} rules={[{ max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('设立', 'Add')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'schedule'} title={t('安排巡查', 'Schedule a patrol')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ day: dayjs(chinaToday()), time: '19:30' }}
          onFinish={(v: { gridId: string; microGridId?: string; day: Dayjs; time: string; route: string }) => run(() => api.request(SCHEDULE, {
            g: v.gridId, m: v.microGridId ?? null, at: new Date(`${v.day.format('YYYY-MM-DD')}T${v.time}:00+08:00`).toISOString(), r: v.route.trim(),
          }, slug), t('巡查已安排', 'Patrol scheduled'), close)}>
          <Form.Item name="gridId" label={t('网格', 'Grid')} rules={[mustChoose(t('请选择网格', 'Choose a grid'))]}><Select options={grids.map((g) => ({ value: g.id, label: g.name }))} /></Form.Item>
          <Form.Item name="microGridId" label={t('微网格（可不选）', 'Micro-grid (optional)')}><Select allowClear options={(data?.microGrids ?? []).map((m) => ({ value: m.id, label: m.name }))} /></Form.Item>
          <Space wrap>
            <Form.Item name="day" label={t('日期', 'Day')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            <Form.Item name="time" label={t('时间', 'Time')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}><Input type="time" /></Form.Item>
          </Space>
          <Form.Item name="route" label={t('路线', 'Route')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">{t('安排', 'Schedule')}</Button>
        </Form>
      </Modal>
      <Modal open={!!logging} title={t(`登记巡查：${logging?.route ?? ''}`, `Log the patrol: ${logging?.route ?? ''}`)} onCancel={close} footer={null} destroyOnHidden width={620}>
        <Form layout="vertical" requiredMark={false} initialValues={{ patrollers: 3, findings: [] }}
          onFinish={(v: { patrollers: number; notes?: string; findings: { what: string; place?: string }[] }) => run(() => api.request(LOG, {
            p: logging!.id, n: v.patrollers, notes: v.notes?.trim() ?? '', f: v.findings.map((f) => ({ what: f.what.trim(), place: f.place?.trim() ?? '' })),
          }, slug), t('巡查已登记', 'Patrol logged'), close)}>
          <Form.Item name="patrollers" label={t('参加人数', 'How many went')} rules={[{ required: true }]}><InputNumber min={1} max={200} /></Form.Item>
          <Form.Item name="notes" label={t('情况记录', 'Notes')} rules={[{ max: 1000 }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.List name="findings">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'what']} rules={[{ required: true, max: 200 }]}><Input aria-label={t(`问题 ${i + 1}`, `Finding ${i + 1}`)} placeholder={t('发现的问题', 'What was found')} /></Form.Item>
                    <Form.Item name={[f.name, 'place']} rules={[{ max: 100 }]}><Input aria-label={t(`问题 ${i + 1} 地点`, `Finding ${i + 1} place`)} placeholder={t('地点', 'Where')} /></Form.Item>
                    <Button onClick={() => remove(f.name)}>{t('删除', 'Remove')}</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ what: '', place: '' })}>{t('记一个问题', 'Add a finding')}</Button>
              </>
            )}
          </Form.List>
          <div style={{ marginTop: 12 }}><Button type="primary" htmlType="submit">{t('登记', 'Log')}</Button></div>
        </Form>
      </Modal>
      <Modal open={!!raising} title={t(`转为诉求：${raising?.what ?? ''}`, `Raise as a demand: ${raising?.what ?? ''}`)} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { category: string }) => run(() => api.request(RAISE, { f: raising!.id, c: v.category.trim() }, slug), t('已转为诉求，交网格办理', 'Raised to the grid'), close)}>
          <Form.Item name="category" label={t('类别', 'Category')} rules={[{ required: true, max: 30 }]}><Input placeholder={t('设施维修', 'Repairs')} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('转为诉求', 'Raise it')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
