import { graphql } from '../../gql';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import type { Scope } from '../../lib/session';
import { periodOf } from './period';

const WALL = graphql(`query WallFigures($c: String!, $from: Date!, $to: Date!, $today: Date!) {
  district(code: $c) { name }
  today: districtFigures(districtCode: $c, from: $today, to: $today) { figure value }
  districtDashboard(districtCode: $c, from: $from, to: $to) {
    communities { total active }
    partnerOrganisations
    figures { figure family label labelEn value previous }
    rates { name label labelEn value }
    householdCoverage { households visited rate }
    ranking(figure: "courses.enrolments", limit: 10) { rank name value } } }`);

/** Figures are rolled up every few minutes: refreshing faster would show nothing new. */
const REFRESH_MS = 5 * 60_000;

/**
 * 数据大屏: the district's month on a wall display — dark, large type readable at three
 * metres, refreshed by itself, nothing to click. Open #/d/<district>/dashboard/… and press
 * "大屏", or go to #/d/<district>/wall.
 */
export default function Wall({ scope }: { scope: Scope }) {
  const t = useT();
  const lang = useLang();
  const [from, to] = periodOf('month');
  const [data] = useGql(WALL, { c: scope.code!, from, to, today: to }, undefined, { refetchInterval: REFRESH_MS });
  const today = new Map((data?.today ?? []).map((f) => [f.figure, f.value]));
  const d = data?.districtDashboard;
  const figLabel = (f: { label: string; labelEn: string }) => (lang === 'en' ? f.labelEn : f.label);
  const shown = (d?.figures ?? []).filter((f) => f.value > 0 || f.previous > 0).slice(0, 12);
  const coverage = d?.householdCoverage.rate != null ? Math.round(d.householdCoverage.rate * 100) : null;
  return (
    <div className="wall" data-refresh-ms={REFRESH_MS}>
      <header className="wall-head">
        <h1>{data?.district.name ?? scope.name}{t(' · 社区学院与共建共治', ' · Community college and co-governance')}</h1>
        <p>{t(`${from} 至 ${to}`, `${from} to ${to}`)}</p>
      </header>
      {d && (
        <>
          <section className="wall-tiles" aria-label={t('概况', 'Overview')}>
            <div className="wall-tile"><span>{t('社区', 'Communities')}</span><strong>{d.communities.active}</strong><em>{t(`共 ${d.communities.total}`, `of ${d.communities.total}`)}</em></div>
            <div className="wall-tile"><span>{t('共建单位', 'Partners')}</span><strong>{d.partnerOrganisations}</strong></div>
            {coverage !== null && <div className="wall-tile"><span>{t('入户覆盖', 'Households reached')}</span><strong>{coverage}%</strong></div>}
            {shown.map((f) => (
              <div className="wall-tile" key={f.figure}>
                <span>{figLabel(f)}</span>
                <strong>{f.value.toLocaleString()}</strong>
                <em>{t(`今日 ${(today.get(f.figure) ?? 0).toLocaleString()} · 上期 ${f.previous.toLocaleString()}`,
                  `today ${(today.get(f.figure) ?? 0).toLocaleString()} · before ${f.previous.toLocaleString()}`)}</em>
              </div>
            ))}
          </section>
          <section className="wall-ranking" aria-label={t('报名人次前十的社区', 'Top ten communities by enrolments')}>
            <h2>{t('本月报名人次前十', 'Enrolments this month: top ten')}</h2>
            <ol>
              {d.ranking.map((r) => <li key={r.rank}><span>{r.name}</span><strong>{r.value}</strong></li>)}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}
