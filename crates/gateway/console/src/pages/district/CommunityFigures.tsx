import { Breadcrumb, Button, Card, Col, Row, Space, Statistic, Table } from 'antd';
import { graphql } from '../../gql';
import { useApi } from '../../lib/api';
import { useDownload } from '../../lib/download';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import type { Scope } from '../../lib/session';
import { periodOf } from './period';

const FIGURES = graphql(`query CommunityFiguresOne($from: Date!, $to: Date!, $monthFrom: Date!) {
  community { name }
  month: communityFigures(from: $monthFrom, to: $to) { figure value }
  communityDashboard(from: $from, to: $to) {
    figures { figure family label labelEn value previous }
    rates { name label labelEn value }
    householdCoverage { visited households rate }
    targets { target { id name } met periods } } }`);
const EXPORT = graphql(`mutation CommunityFiguresExport($from: Date!, $to: Date!, $fmt: ExportFormat!) {
  exportCommunityFigures(from: $from, to: $to, format: $fmt) { filename url } }`);

/**
 * One community's own figures: reached from the district's dashboard (drill-down), and the
 * community's own dashboard for its staff.
 */
export default function CommunityFigures({ scope, slug }: { scope: Scope; slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const [from, to] = periodOf('year');
  const [monthFrom] = periodOf('month');
  const [data] = useGql(FIGURES, { from, to, monthFrom }, slug);
  const month = new Map((data?.month ?? []).map((f) => [f.figure, f.value]));
  const [busy, download] = useDownload();
  const d = data?.communityDashboard;
  const label = (f: { label: string; labelEn: string }) => (lang === 'en' ? f.labelEn : f.label);
  const exportAs = (fmt: 'XLSX' | 'CSV') => download(async () => (await api.request(EXPORT, { from, to, fmt }, slug)).exportCommunityFigures);
  const families = new Map<string, NonNullable<typeof d>['figures']>();
  for (const f of d?.figures ?? []) families.set(f.family, [...(families.get(f.family) ?? []), f]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {/* From the district's dashboard, the way back to it; staff see their own community. */}
      {scope.kind === 'district' && <Breadcrumb items={[
        { title: <a href={`#/d/${scope.code}/dashboard`}>{scope.name}</a> },
        { title: data?.community.name ?? slug },
      ]} />}
      <Space wrap>
        <span>{t(`今年（${from} 至 ${to}）`, `This year (${from} to ${to})`)}</span>
        <Button onClick={() => exportAs('XLSX')} loading={busy}>{t('下载 Excel', 'Download Excel')}</Button>
        <Button onClick={() => exportAs('CSV')} loading={busy}>{t('下载 CSV', 'Download CSV')}</Button>
      </Space>
      {d && (
        <>
          <Card size="small" title={t('目标达成', 'Targets met')}>
            <Table rowKey={(x) => x.target.id} size="small" pagination={false} dataSource={d.targets}
              columns={[
                { title: t('目标', 'Target'), render: (_, x) => x.target.name },
                { title: t('达成周期', 'Periods met'), render: (_, x) => `${x.met} / ${x.periods}` },
              ]} />
            <div style={{ marginTop: 8 }}>
              {t('入户覆盖', 'Households reached')}：{d.householdCoverage.visited} / {d.householdCoverage.households}
            </div>
          </Card>
          {[...families].map(([family, list]) => (
            <Card key={family} title={family} size="small">
              <Row gutter={[12, 12]}>
                {list.map((f) => (
                  <Col key={f.figure} xs={12} md={6}>
                    <Statistic title={label(f)} value={f.value} />
                    <div>{t(`本月 ${month.get(f.figure) ?? 0} · 上期 ${f.previous}`, `this month ${month.get(f.figure) ?? 0} · before ${f.previous}`)}</div>
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
        </>
      )}
    </Space>
  );
}
