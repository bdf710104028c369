import { Button, Card, Col, Form, Row, Segmented, Select, Space, Statistic, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useGql } from '../../lib/query';
import { useGo } from '../../lib/nav';
import type { Scope } from '../../lib/session';
import type { CommunityKind } from '../../gql/graphql';
import CommunityFigures from './CommunityFigures';
import { useApi } from '../../lib/api';
import { useDownload } from '../../lib/download';
import Chart from '../../components/Chart';
import { useEnum, useEnumOptions, useLang, useT, type T } from '../../lib/i18n';
import { granularityOf, periodOf } from './period';
import { graphql } from '../../gql';

const DASHBOARD = graphql(`query DashboardDashboard($c: String!, $from: Date!, $to: Date!, $f: DashboardFilter, $fig: String!, $by: Granularity!) {
  districtDashboard(districtCode: $c, from: $from, to: $to, filter: $f) {
    communities { total active onboarded }
    partnerOrganisations
    figures { figure family label labelEn value previous }
    rates { name label labelEn value previous }
    medianResolutionHours { value previous }
    cadence { met communityMonths target }
    series(figure: $fig, by: $by) { start value }
    ranking(figure: $fig, limit: 500) { rank slug name kind streetCode streetName value }
  }
  pilotGroups(districtCode: $c) { name communities }
  district(code: $c) { communities { slug name status kind } children { code name } }
}`);

const PILOT = graphql(`query DashboardPilot($c: String!, $g: String!, $from: Date!, $to: Date!) {
  pilotComparison(districtCode: $c, pilotGroup: $g, from: $from, to: $to) {
    pilot { communities { total } figures { figure label labelEn value } }
    rest { communities { total } figures { figure label labelEn value } } } }`);

const EXPORT = graphql(`mutation DashboardExport($c: String!, $from: Date!, $to: Date!, $f: DashboardFilter, $fmt: ExportFormat!) {
  exportDistrictFigures(districtCode: $c, from: $from, to: $to, format: $fmt, filter: $f) { filename url } }`);

/** Figures compared between a pilot group and the rest, per community. */
const COMPARED = ['courses.sessions', 'courses.enrolments', 'volunteers.minutes_verified', 'spaces.bookings', 'partners.demands_resolved'];

/**
 * The district's dashboard, and its drill-down: `drill` is [] for the district, ['s', code]
 * for one street (街道), ['c', slug] for one community's own figures.
 */
export default function Dashboard({ scope, drill = [] }: { scope: Scope; drill?: string[] }) {
  if (drill[0] === 'c' && drill[1]) return <CommunityFigures scope={scope} slug={drill[1]} />;
  return <DistrictFigures scope={scope} street={drill[0] === 's' ? drill[1] ?? null : null} />;
}

function DistrictFigures({ scope, street }: { scope: Scope; street: string | null }) {
  const go = useGo();
  const setStreet = (s: string | null) => (s ? go('d', scope.code!, 'dashboard', 's', s) : go('d', scope.code!, 'dashboard'));
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const enumOptions = useEnumOptions();
  const [periodKey, setPeriodKey] = useState('month');
  const [kinds, setKinds] = useState<CommunityKind[]>([]);
  const [group, setGroup] = useState<string | null>(null); // only a pilot group's communities
  const [pilot, setPilot] = useState<string | null>(null);
  const [figure, setFigure] = useState('courses.enrolments');
  const [exporting, download] = useDownload();
  const period = useMemo(() => periodOf(periodKey), [periodKey]);
  const filter = useMemo(() => {
    const f: { kinds?: CommunityKind[]; street?: string; pilotGroup?: string } = {};
    if (kinds.length) f.kinds = kinds;
    if (street) f.street = street;
    if (group) f.pilotGroup = group;
    return Object.keys(f).length ? f : null;
  }, [kinds, street, group]);
  const by = granularityOf(period);
  const figLabel = (f: Labelled) => (lang === 'en' ? f.labelEn : f.label);

  const [data] = useGql(DASHBOARD, { c: scope.code!, from: period[0], to: period[1], f: filter, fig: figure, by }, undefined, { keepPrevious: true });
  const [compared] = useGql(PILOT, { c: scope.code!, g: pilot ?? '', from: period[0], to: period[1] }, undefined, { enabled: !!pilot });
  const comparison = pilot ? compared?.pilotComparison : null;

  const exportAs = (fmt: 'XLSX' | 'CSV') => download(async () =>
    (await api.request(EXPORT, { c: scope.code!, from: period[0], to: period[1], f: filter, fmt })).exportDistrictFigures);

  const streets = (data?.district.children ?? []).map((s) => ({ value: s.code, label: s.name }));
  const dash = data?.districtDashboard;
  const figures = dash?.figures ?? [];
  const chosen = figures.find((f) => f.figure === figure);
  const byFamily = figures.reduce<Record<string, typeof figures>>((m, f) => ((m[f.family] ??= []).push(f), m), {});
  const values = new Map((dash?.ranking ?? []).map((r) => [r.slug, r.value]));
  const series = dash ? fillSeries(dash.series, period, by) : [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form layout="inline" className="filters">
          <Form.Item label={t('时间', 'Period')}>
            <Segmented
              aria-label={t('时间', 'Period')}
              value={periodKey}
              onChange={setPeriodKey}
              options={[
                { value: 'month', label: t('本月', 'This month') },
                { value: 'lastMonth', label: t('上月', 'Last month') },
                { value: 'year', label: t('今年', 'This year') },
                { value: 'twelveMonths', label: t('近12个月', 'Last 12 months') },
              ]}
            />
          </Form.Item>
          {(data?.pilotGroups.length ?? 0) > 0 && (
            <Form.Item label={t('试点', 'Pilot group')} htmlFor="filter-group">
              <Select id="filter-group" allowClear style={{ minWidth: 160 }} value={group} onChange={setGroup}
                placeholder={t('全部社区', 'All communities')}
                options={data!.pilotGroups.map((g) => ({ value: g.name, label: g.name }))} />
            </Form.Item>
          )}
          <Form.Item label={t('社区类型', 'Kinds')} htmlFor="filter-kinds">
            <Select id="filter-kinds" mode="multiple" allowClear style={{ minWidth: 200 }} value={kinds} onChange={setKinds}
              placeholder={t('全部类型', 'All kinds')}
              options={enumOptions('CommunityKind')} />
          </Form.Item>
          {streets.length > 0 && (
            <Form.Item label={t('街道', 'Street')} htmlFor="filter-street">
              <Select id="filter-street" allowClear style={{ minWidth: 160 }} value={street} onChange={setStreet}
                placeholder={t('全部街道', 'All streets')} options={streets} />
            </Form.Item>
          )}
          <Form.Item label={t('指标', 'Figure')} htmlFor="filter-figure">
            <Select id="filter-figure" style={{ minWidth: 200 }} value={figure} onChange={setFigure}
              options={figures.map((f) => ({ value: f.figure, label: figLabel(f) }))} />
          </Form.Item>
          <Form.Item>
            <Space wrap>
              <Button type="primary" onClick={() => exportAs('XLSX')} loading={exporting}>{t('下载 Excel', 'Download Excel')}</Button>
              <Button onClick={() => exportAs('CSV')} loading={exporting}>{t('下载 CSV', 'Download CSV')}</Button>
              <Button href={`#/d/${scope.code}/wall`} target="_blank">{t('数据大屏', 'Wall display')}</Button>
            </Space>
          </Form.Item>
        </Form>
        <div style={{ marginTop: 8 }}>{period[0]} — {period[1]}</div>
      </Card>

      {dash && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('社区（运行中）', 'Communities (active)')} value={dash.communities.active} suffix={`/ ${dash.communities.total}`} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('共建单位', 'Partner organisations')} value={dash.partnerOrganisations} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('每月两堂公益课达标', 'Months meeting 2 public classes')} value={dash.cadence.met} suffix={`/ ${dash.cadence.communityMonths}`} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('诉求办结中位时长（小时）', 'Median resolution (hours)')} value={dash.medianResolutionHours.value ?? '—'} precision={1} /></Card></Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card title={`${t('趋势', 'Trend')} · ${chosen ? figLabel(chosen) : ''}`} size="small">
                <Chart
                  label={t('所选指标的趋势', 'Trend of the chosen figure')}
                  option={{
                    tooltip: { trigger: 'axis' },
                    xAxis: { type: 'category', data: series.map((p) => (by === 'MONTH' ? p.start.slice(0, 7) : p.start.slice(5))) },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [{ type: 'line', name: chosen ? figLabel(chosen) : figure, data: series.map((p) => p.value), color: '#0958d9' }],
                  }}
                />
                <DataTable caption={t('趋势数据', 'Trend data')} rows={dash.series.map((p) => [p.start, p.value])} head={[t('日期', 'Date'), t('数值', 'Value')]} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={`${t('社区排名', 'Ranking')} · ${chosen ? figLabel(chosen) : ''}`} size="small">
                <Chart
                  label={t('社区排名', 'Communities ranked')}
                  option={{
                    tooltip: {},
                    grid: { left: 110 },
                    xAxis: { type: 'value', minInterval: 1 },
                    yAxis: { type: 'category', inverse: true, data: dash.ranking.slice(0, 10).map((r) => r.name) },
                    series: [{ type: 'bar', data: dash.ranking.slice(0, 10).map((r) => r.value), color: '#237804' }],
                  }}
                />
                <DataTable caption={t('排名数据', 'Ranking data')} rows={dash.ranking.slice(0, 10).map((r) => [r.rank, r.name, r.value])}
                  head={[t('名次', 'Rank'), t('社区', 'Community'), t('数值', 'Value')]} />
              </Card>
            </Col>
          </Row>

          <Card title={t('试点对比（每社区平均）', 'Pilot against the rest (per community)')} size="small"
            extra={
              <Select aria-label={t('试点组', 'Pilot group')} style={{ minWidth: 180 }} allowClear value={pilot} onChange={setPilot}
                placeholder={data.pilotGroups.length ? t('选择试点组', 'Choose a pilot group') : t('暂无试点组', 'No pilot groups')}
                options={data.pilotGroups.map((g) => ({ value: g.name, label: `${g.name}（${g.communities.length}）` }))} />
            }>
            {comparison ? <PilotChart comparison={comparison} t={t} figLabel={figLabel} /> : <p>{t('选择一个试点组，与全区其余社区对比。', 'Choose a pilot group to compare it with the rest of the district.')}</p>}
          </Card>

          <Card title={t('社区一览', 'Communities at a glance')} size="small">
            <div className="grid-cards" role="list">
              {data.district.communities.map((c) => (
                <div key={c.slug} role="listitem" className={`community-tile ${c.status === 'SUSPENDED' ? 'suspended' : ''}`}>
                  <div><a href={`#/d/${scope.code}/dashboard/c/${encodeURIComponent(c.slug)}`}><strong>{c.name}</strong></a></div>
                  <div>{label('CommunityKind', c.kind)} · <Tag color={c.status === 'ACTIVE' ? 'blue' : undefined} className={c.status === 'ACTIVE' ? undefined : 'tag-warn'}>{label('CommunityStatus', c.status)}</Tag></div>
                  <div className="value" aria-label={chosen ? figLabel(chosen) : figure}>{values.get(c.slug) ?? 0}</div>
                </div>
              ))}
            </div>
          </Card>

          {Object.entries(byFamily).map(([family, list]) => (
            <Card key={family} title={family} size="small">
              <Row gutter={[12, 12]}>
                {list.map((f) => (
                  <Col key={f.figure} xs={12} md={6}>
                    <Statistic title={figLabel(f)} value={f.value} />
                    <div>{t('上期', 'Previous')} {f.previous}</div>
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
          <Card title={t('比率', 'Rates')} size="small">
            <Row gutter={[12, 12]}>
              {dash.rates.map((r) => (
                <Col key={r.name} xs={12} md={6}>
                  <Statistic title={lang === 'en' ? r.labelEn : r.label} value={r.value == null ? '—' : (r.value * 100).toFixed(1)} suffix={r.value == null ? '' : '%'} />
                </Col>
              ))}
            </Row>
          </Card>
        </>
      )}
    </Space>
  );
}

/** The API gives only points with a value: a line needs every day (or month) of the period. */
function fillSeries(points: { start: string; value: number }[], [from, to]: [string, string], by: string) {
  const known = new Map(points.map((p) => [p.start, p.value]));
  const out: { start: string; value: number }[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  if (by === 'MONTH') d.setUTCDate(1);
  const end = new Date(`${to}T00:00:00Z`);
  while (d <= end && out.length < 400) {
    const start = d.toISOString().slice(0, 10);
    out.push({ start, value: known.get(start) ?? 0 });
    if (by === 'MONTH') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

interface Labelled {
  label: string;
  labelEn: string;
}

interface Side {
  communities: { total: number };
  figures: (Labelled & { figure: string; value: number })[];
}

function PilotChart({ comparison, t, figLabel }: { comparison: { pilot: Side; rest: Side }; t: T; figLabel: (f: Labelled) => string }) {
  const per = (side: Side, f: string) => {
    const n = side.communities.total || 1;
    return +((side.figures.find((x) => x.figure === f)?.value ?? 0) / n).toFixed(1);
  };
  const names = COMPARED.map((f) => figLabel(comparison.pilot.figures.find((x) => x.figure === f) ?? { label: f, labelEn: f }));
  return (
    <>
      <Chart
        label={t('试点组与其余社区对比', 'Pilot group against the rest')}
        option={{
          tooltip: { trigger: 'axis' },
          legend: {},
          xAxis: { type: 'category', data: names },
          yAxis: { type: 'value' },
          series: [
            { type: 'bar', name: t('试点', 'Pilot'), data: COMPARED.map((f) => per(comparison.pilot, f)), color: '#0958d9' },
            { type: 'bar', name: t('其余', 'Rest'), data: COMPARED.map((f) => per(comparison.rest, f)), color: '#ad4e00' },
          ],
        }}
      />
      <DataTable caption={t('对比数据', 'Comparison data')} head={[t('指标', 'Figure'), t('试点', 'Pilot'), t('其余', 'Rest')]}
        rows={COMPARED.map((f, i) => [names[i], per(comparison.pilot, f), per(comparison.rest, f)])} />
    </>
  );
}

/** A chart's numbers, for screen readers and for anyone who wants the figures. */
export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details>
      <summary>{caption}</summary>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        columns={head.map((h, i) => ({ title: h, dataIndex: i, key: i }))}
        dataSource={rows.map((r) => Object.assign({}, r))}
      />
    </details>
  );
}
