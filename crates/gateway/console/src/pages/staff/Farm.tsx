import { Button, Card, DatePicker, Drawer, Empty, Form, Image, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { FarmFarmQuery } from '../../gql/graphql';
import { chinaToday, formatDateTime, useApi, useRun } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useEnum, useEnumOptions, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const FARM = graphql(`query FarmFarm { farmSeasons(all: true) { id name startsOn endsOn claimsOpenOn neglectDays }
  farmPlots { id spaceId code areaM2 } spaces { id name kind } }`);
const SEASON = graphql(`query FarmSeason($s: ID!) { farmClaims(seasonId: $s) { id plotId active claimedAt lastDutyAt warned holderName }
  farmWaiting(seasonId: $s) { position name } }`);
const DUTIES = graphql(`query FarmDuties($c: ID!) { plotDuties(claimId: $c) { kind note doneAt photoUrl thumbUrl } }`);
const CREATE = graphql(`mutation FarmCreate($i: FarmSeasonInput!) { createFarmSeason(input: $i) { id } }`);
const PLOTS = graphql(`mutation FarmPlots($s: ID!, $p: [PlotInput!]!) { addFarmPlots(spaceId: $s, plots: $p) { id } }`);
const DUTY = graphql(`mutation FarmDuty($c: ID!, $k: String!, $n: String) { recordPlotDuty(claimId: $c, kind: $k, note: $n) }`);

type Plot = FarmFarmQuery['farmPlots'][number];
interface SeasonDraft { name: string; span: [Dayjs, Dayjs]; claimsOpenOn: Dayjs; neglectDays: number }

/**
 * The farm (共享菜园): seasons, plots laid out in rows and shown as a plan of each farm — free,
 * tended, warned for neglect — the waiting list (候补) in order, and a plot's duties (农事) with
 * their photos; staff may record a duty a tender wrote on paper. Releases of neglected plots
 * and renewals happen by the farm's rules (the worker's round, the tender's renewal) and show
 * here as they happen.
 */
export default function Farm({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const enumOptions = useEnumOptions();
  const run = useRun();
  const [data] = useGql(FARM, {}, slug);
  const [season, setSeason] = useState<string | null>(null);
  const current = season ?? data?.farmSeasons[0]?.id ?? null;
  const [claims] = useGql(SEASON, { s: current ?? '' }, slug, { enabled: !!current });
  const [form, setForm] = useState<'season' | 'plots' | null>(null);
  const [open, setOpen] = useState<{ plot: Plot; claim: string } | null>(null);
  const [duties] = useGql(DUTIES, { c: open?.claim ?? '' }, slug, { enabled: !!open });
  const [recording, setRecording] = useState(false);
  const close = () => { setForm(null); setRecording(false); };
  const farms = (data?.spaces ?? []).filter((s) => s.kind === 'FARM');
  const active = new Map((claims?.farmClaims ?? []).filter((c) => c.active).map((c) => [c.plotId, c]));
  const seasonOf = data?.farmSeasons.find((s) => s.id === current);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select id="season" aria-label={t('农季', 'Season')} placeholder={t('选择农季', 'Choose a season')} value={current} onChange={setSeason} style={{ minWidth: 220 }}
          options={data?.farmSeasons.map((s) => ({ value: s.id, label: `${s.name}（${s.startsOn} – ${s.endsOn}）` }))} />
        <Button type="primary" onClick={() => setForm('season')}>{t('新建农季', 'New season')}</Button>
        <Button onClick={() => setForm('plots')} disabled={farms.length === 0}>{t('划分地块', 'Lay out plots')}</Button>
      </Space>
      {farms.length === 0 && <Empty description={t('先在“场地设置”里建一个共享菜园类型的场地', 'First make a space of kind Farm under Spaces')} />}
      {seasonOf && <p>{t(`认领开放日 ${seasonOf.claimsOpenOn}（此前仅上季守约者可续租）；${seasonOf.neglectDays} 天无农事记录将提醒，再 3 天仍无则收回。`, `Claims open on ${seasonOf.claimsOpenOn} (before, only last season's tenders in good standing renew); ${seasonOf.neglectDays} days without a duty warns, 3 more releases.`)}</p>}
      {farms.map((f) => {
        const plots = (data?.farmPlots ?? []).filter((p) => p.spaceId === f.id);
        return (
          <Card key={f.id} size="small" title={t(`${f.name}：地块图`, `${f.name}: the plan`)}>
            {plots.length === 0 ? <Empty description={t('还没有地块', 'No plots yet')} /> : (
              <div className="farm-plan" role="list" aria-label={t(`${f.name} 地块`, `${f.name} plots`)}>
                {plots.map((p) => {
                  const c = active.get(p.id);
                  const state = !c ? t('空闲', 'free') : c.warned ? t('已提醒', 'warned') : t('已认领', 'claimed');
                  return (
                    <div role="listitem" key={p.id}>
                      <button type="button" className={`farm-plot ${!c ? 'free' : c.warned ? 'warned' : 'claimed'}`} disabled={!c}
                        data-plot={p.code} onClick={() => c && setOpen({ plot: p, claim: c.id })}>
                        <strong>{p.code}</strong>
                        <span>{p.areaM2} m²</span>
                        <span>{c ? `${state}：${c.holderName}` : state}</span>
                      </button>
                    </div>
                  );
                })}
              </div>
            )}
          </Card>
        );
      })}
      {claims && (
        <Card size="small" title={t(`候补名单（${claims.farmWaiting.length} 人）`, `Waiting list (${claims.farmWaiting.length})`)}>
          {claims.farmWaiting.length === 0 ? t('没有人候补', 'Nobody waiting') : <ol>{claims.farmWaiting.map((w) => <li key={w.position}>{w.name}</li>)}</ol>}
          <h3 className="sub-heading">{t('本季认领记录', "This season's claims")}</h3>
          <Table size="small" rowKey="id" pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={claims.farmClaims}
            columns={[
              { title: t('地块', 'Plot'), render: (_, c) => data?.farmPlots.find((p) => p.id === c.plotId)?.code ?? '' },
              { title: t('认领人', 'Tender'), dataIndex: 'holderName' },
              { title: t('认领时间', 'Claimed'), render: (_, c) => formatDateTime(c.claimedAt, lang) },
              { title: t('最近农事', 'Last duty'), render: (_, c) => (c.lastDutyAt ? formatDateTime(c.lastDutyAt, lang) : '—') },
              { title: t('状态', 'Status'), render: (_, c) => (!c.active ? <Tag>{t('已收回/放弃', 'Released')}</Tag> : c.warned ? <Tag className="tag-warn">{t('已提醒', 'Warned')}</Tag> : <Tag color="blue">{t('耕种中', 'Tended')}</Tag>) },
            ]} />
        </Card>
      )}

      <Drawer open={!!open} title={open && t(`${open.plot.code} 的农事记录`, `${open.plot.code}: duties`)} width={560} onClose={() => setOpen(null)} destroyOnHidden>
        <Button onClick={() => setRecording(true)}>{t('代记一次农事', 'Record a duty for the tender')}</Button>
        <Table size="small" rowKey={(d) => d.doneAt} pagination={false} dataSource={duties?.plotDuties} locale={{ emptyText: t('还没有农事记录', 'No duties yet') }} style={{ marginTop: 12 }}
          columns={[
            { title: t('时间', 'When'), render: (_, d) => formatDateTime(d.doneAt, lang) },
            { title: t('农事', 'Duty'), render: (_, d) => label('PlotDutyKind', d.kind) },
            { title: t('说明', 'Note'), dataIndex: 'note' },
            { title: t('照片', 'Photo'), render: (_, d) => d.thumbUrl && <Image width={48} src={d.thumbUrl} preview={{ src: d.photoUrl ?? undefined }} alt={label('PlotDutyKind', d.kind)} /> },
          ]} />
      </Drawer>

      <Modal open={form === 'season'} title={t('新建农季', 'New season')} onCancel={close} footer={null} destroyOnHidden>
        <Form<SeasonDraft> layout="vertical" requiredMark={false} initialValues={{ span: [dayjs(chinaToday()), dayjs(chinaToday(180))], claimsOpenOn: dayjs(chinaToday()), neglectDays: 14 }}
          onFinish={(v) => run(() => api.request(CREATE, { i: { name: v.name.trim(), startsOn: v.span[0].format('YYYY-MM-DD'), endsOn: v.span[1].format('YYYY-MM-DD'), claimsOpenOn: v.claimsOpenOn.format('YYYY-MM-DD'), neglectDays: v.neglectDays } }, slug), t('农季已建立', 'Season made'), close)}>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Form.Item name="span" label={t('起止日期', 'From – to')} rules={[{ required: true }]}><DatePicker.RangePicker /></Form.Item>
          <Form.Item name="claimsOpenOn" label={t('开放认领日（此前仅续租）', 'Claims open on (renewals before)')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="neglectDays" label={t('几天无农事即提醒（3–90）', 'Days without a duty before a warning (3–90)')} rules={[{ required: true }]}><InputNumber min={3} max={90} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('建立', 'Make')}</Button>
        </Form>
      </Modal>
      <Modal open={form === 'plots'} title={t('划分地块（一排）', 'Lay out a row of plots')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ spaceId: farms[0]?.id, row: 'A', count: 6, area: 10 }}
          onFinish={(v: { spaceId: string; row: string; count: number; area: number }) => {
            const plots = Array.from({ length: v.count }, (_, i) => ({ code: `${v.row.trim()}-${String(i + 1).padStart(2, '0')}`, areaM2: v.area }));
            return run(() => api.request(PLOTS, { s: v.spaceId, p: plots }, slug), t(`已划分 ${plots.length} 块地`, `${plots.length} plots laid out`), close);
          }}>
          <Form.Item name="spaceId" label={t('菜园', 'Farm')} rules={[mustChoose(t('请选择菜园', 'Choose a farm'))]}><Select options={farms.map((f) => ({ value: f.id, label: f.name }))} /></Form.Item>
          <Form.Item name="row" label={t('排号（如 A）', 'Row (e.g. A)')} rules={[{ required: true, max: 10 }]}><Input /></Form.Item>
          <Form.Item name="count" label={t('块数', 'Plots in the row')} rules={[{ required: true }]}><InputNumber min={1} max={50} /></Form.Item>
          <Form.Item name="area" label={t('每块面积（平方米）', 'Area of each (m²)')} rules={[{ required: true }]}><InputNumber min={0.5} max={1000} step={0.5} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('划分', 'Lay out')}</Button>
        </Form>
      </Modal>
      <Modal open={recording} title={t('代记一次农事', 'Record a duty')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ kind: 'WATERING' }}
          onFinish={(v: { kind: string; note?: string }) => run(() => api.request(DUTY, { c: open!.claim, k: v.kind, n: v.note?.trim() || null }, slug), t('农事已记录', 'Duty recorded'), close)}>
          <Form.Item name="kind" label={t('农事', 'Duty')}><Select options={enumOptions('PlotDutyKind')} /></Form.Item>
          <Form.Item name="note" label={t('说明', 'Note')} rules={[{ max: 200 }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">{t('记录', 'Record')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
