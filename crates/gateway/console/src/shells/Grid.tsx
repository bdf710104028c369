// A grid worker's or 居民小组长's pages, on a phone, door to door: 走访 (入户摸底 with the survey
// answers taken at the door), 居民 (search, register a household member), 诉求 (take one in,
// answer, confirm for a resident who cannot), 代办 (enrol, register, count someone in), 巡查
// (patrols and posts of their micro-grids). What they record is kept on the phone first and
// sent when the network lets it (lib/outbox.ts); the bar at the top says what still waits.
// One download for all five: a page opened in a dead spot must not need the network.
import { useState, type ReactNode } from 'react';
import { graphql } from '../gql';
import { useT } from '../lib/i18n';
import { useRest } from '../lib/nav';
import { useOutbox, type Outbox as OutboxState } from '../lib/outbox';
import { useGql } from '../lib/query';
import type { Scope } from '../lib/session';
import { usePhone } from '../frames/Phone';
import Choices from '../mobile/Choices';
import Demands from '../pages/grid/Demands';
import Help from '../pages/grid/Help';
import Outbox from '../pages/grid/Outbox';
import Patrols from '../pages/grid/Patrols';
import Residents from '../pages/grid/Residents';
import Visit from '../pages/grid/Visit';

const GRIDS = graphql(`query GridMine { community { name } myGrids courtyards { id name } }`);

const ICONS: Record<string, ReactNode> = {
  visit: <path d="M3 11 12 3l9 8v10h-6v-6H9v6H3z" />,
  residents: <><circle cx="9" cy="8" r="3.5" /><path d="M2 20c.8-3.5 3.5-5 7-5s6.2 1.5 7 5M16 4.5a3.5 3.5 0 0 1 0 7M18 15c2 .6 3.4 2.2 4 5" /></>,
  demands: <path d="M4 4h16v12H8l-4 4z M8 9h8M8 12h5" />,
  help: <path d="M12 21s-8-4.5-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 10c0 6.5-8 11-8 11z" />,
  patrols: <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5z M9 12l2 2 4-4" />,
};

export interface GridProps {
  slug: string;
  grids: { id: string; name: string }[];
  /** The grid the worker is in now (chosen at the top when they serve several). */
  grid: string | undefined;
  outbox: OutboxState;
  /** A grid worker (代办 of every kind), not only a 居民小组长. */
  proxy: boolean;
}

export default function Grid({ scope }: { scope: Scope }) {
  const t = useT();
  const { accountId, who, signOut } = usePhone();
  const slug = scope.slug!;
  const [tab = 'visit', ...rest] = useRest();
  const [data] = useGql(GRIDS, {}, slug);
  const mine = new Set(data?.myGrids ?? []);
  const grids = (data?.courtyards ?? []).filter((c) => mine.has(c.id));
  const [chosen, setChosen] = useState<string>();
  const grid = chosen ?? grids[0]?.id;
  const outbox = useOutbox(accountId, slug);
  // A 居民小组长 enters residents, survey answers and walk-ins in their courtyards, nothing
  // more: no demands, patrols, enrolments or registrations for others (the API's PROXY roles).
  const proxy = scope.roles.includes('GRID_WORKER');
  const props: GridProps = { slug, grids, grid, outbox, proxy };
  const waiting = outbox.entries.filter((e) => e.state === 'waiting').length;
  const refused = outbox.entries.length - waiting;
  const nav = [
    { key: 'visit', label: t('走访', 'Visits') },
    { key: 'residents', label: t('居民', 'Residents') },
    { key: 'demands', label: t('诉求', 'Demands'), proxy: true },
    { key: 'help', label: t('代办', 'For them') },
    { key: 'patrols', label: t('巡查', 'Patrols'), proxy: true },
  ].filter((n) => proxy || !n.proxy);
  let page: ReactNode;
  switch (tab) {
    case 'residents': page = <Residents {...props} />; break;
    case 'demands': page = <Demands {...props} />; break;
    case 'help': page = <Help {...props} learnerId={rest[0]} learnerName={rest[1]} />; break;
    case 'patrols': page = <Patrols {...props} />; break;
    case 'outbox': page = <Outbox {...props} />; break;
    default: page = <Visit {...props} learnerId={rest[0]} learnerName={rest[1]} />;
  }
  return (
    <div className="resident" data-shell="grid">
      <h1>{data?.community.name ?? slug}</h1>
      <div role="status">
        {outbox.entries.length > 0 && (
          <a className={`m-alert ${refused ? 'error' : 'info'} m-outbox`} href={`#/g/${encodeURIComponent(slug)}/outbox`}>
            {[waiting && t(`${waiting} 条待发送`, `${waiting} waiting to send`), refused && t(`${refused} 条需要处理`, `${refused} to resolve`)].filter(Boolean).join(' · ')}
            {' ›'}
          </a>
        )}
      </div>
      {grids.length > 1 && tab !== 'outbox' && (
        <Choices id="current-grid" label={t('所在网格', 'The grid I am in')} value={grid} onChange={setChosen}
          options={grids.map((g) => ({ value: g.id, label: g.name }))} />
      )}
      {page}
      <div className="m-signed-in">
        <span>{who}</span>
        {/* What waits stays on this phone for this account, and goes when it signs in again. */}
        <button type="button" className="m-choice" onClick={signOut}>{t('退出', 'Sign out')}</button>
      </div>
      <nav className="m-tabbar" aria-label={t('栏目', 'Sections')}>
        {nav.map((n) => (
          <a key={n.key} href={`#/g/${encodeURIComponent(slug)}/${n.key}`} aria-current={tab === n.key ? 'page' : undefined}>
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" aria-hidden="true">{ICONS[n.key]}</svg>
            <span>{n.label}</span>
          </a>
        ))}
      </nav>
    </div>
  );
}
