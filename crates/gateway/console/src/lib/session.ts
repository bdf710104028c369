// The signed-in account: its token and what it may enter. Kept in sessionStorage, so closing
// the browser (a shared computer at the community office) signs out — or, when the person
// asked to stay signed in on their own phone, in localStorage until the token ends.
import { useCallback, useState } from 'react';
import type { Role } from '../gql/graphql';
import type { T } from './i18n';

const KEY = 'linli.session';

export interface Session {
  token: string;
  expiresAt: string;
  account: { id: string; displayName: string };
  /** Bumped when the account joins a community, so its roles are read again. */
  joined?: number;
  /** Kept on this device (localStorage) rather than for this browser session. */
  remember?: boolean;
}

function load(): Session | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY) ?? 'null');
    if (s && new Date(s.expiresAt) > new Date()) return s;
  } catch {
    /* a damaged entry is a signed-out console */
  }
  return null;
}

export function useSession(): [Session | null, (s: Session | null) => void] {
  const [session, setState] = useState<Session | null>(load);
  const set = useCallback((s: Session | null) => {
    sessionStorage.removeItem(KEY);
    localStorage.removeItem(KEY);
    if (s) (s.remember ? localStorage : sessionStorage).setItem(KEY, JSON.stringify(s));
    setState(s);
  }, []);
  return [session, set];
}

/**
 * The five kinds of console, each its own shell and its own download: a district officer's,
 * community staff's, a grid worker's or 居民小组长's (on a phone), a partner organisation's,
 * and a resident's.
 */
export type ShellKind = 'district' | 'staff' | 'grid' | 'partner' | 'resident';

/** The route prefix of each shell: #/d/<district>, #/c/<community>, #/g/…, #/p/…, #/r/…. */
export const PREFIX: Record<ShellKind, string> = { district: 'd', staff: 'c', grid: 'g', partner: 'p', resident: 'r' };

export interface Scope {
  /** `d/510109`, `c/xinhua`, `p/<organisation id>` … — the route's first two parts. */
  key: string;
  kind: ShellKind;
  /** The district's code (district shells). */
  code?: string;
  /** The community's slug (staff, grid and resident shells). */
  slug?: string;
  /** The organisation's id (partner shells). */
  organisation?: string;
  name: string;
  roles: Role[];
}

const KIND_OF_COMMUNITY_ROLE: Partial<Record<Role, ShellKind>> = {
  COMMUNITY_ADMIN: 'staff',
  STAFF: 'staff',
  TEACHER: 'staff',
  GRID_WORKER: 'grid',
  GROUP_LEADER: 'grid',
  RESIDENT: 'resident',
  VOLUNTEER: 'resident',
};

interface MembershipLike {
  role: Role;
  districtCode?: string | null;
  communitySlug?: string | null;
}

/**
 * The places an account can enter, from its memberships and organisations: districts (admin
 * or viewer; every district for a platform admin), communities as staff, as a grid worker or
 * group leader, or as a resident, and each partner organisation it belongs to. A partner
 * member's roles in communities and districts (from approved partnerships) open the
 * organisation's shell — never a district's dashboard or a resident's pages by themselves.
 */
export function scopesOf(
  memberships: MembershipLike[],
  districts: { code: string; name: string }[] = [],
  organisations: { id: string; name: string }[] = [],
): Scope[] {
  const seen = new Map<string, Scope>();
  const add = (s: Omit<Scope, 'roles'>, role: Role) => {
    const prev = seen.get(s.key);
    if (!prev) seen.set(s.key, { ...s, roles: [role] });
    else if (!prev.roles.includes(role)) prev.roles.push(role);
  };
  const districtName = (code: string) => districts.find((x) => x.code === code)?.name ?? code;
  for (const m of memberships) {
    if (m.role === 'PLATFORM_ADMIN') {
      for (const d of districts) add({ key: `d/${d.code}`, kind: 'district', code: d.code, name: d.name }, m.role);
    } else if (m.role === 'DISTRICT_ADMIN' || m.role === 'DISTRICT_VIEWER') {
      const code = m.districtCode!;
      add({ key: `d/${code}`, kind: 'district', code, name: districtName(code) }, m.role);
    } else if (m.communitySlug) {
      const kind = KIND_OF_COMMUNITY_ROLE[m.role];
      if (kind) add({ key: `${PREFIX[kind]}/${m.communitySlug}`, kind, slug: m.communitySlug, name: m.communitySlug }, m.role);
    }
  }
  for (const o of organisations) {
    add({ key: `p/${o.id}`, kind: 'partner', organisation: o.id, name: o.name }, 'PARTNER_MEMBER');
  }
  return [...seen.values()];
}

export function canAdminDistrict(scope: Scope | undefined): boolean {
  return !!scope?.roles?.some((r) => r === 'PLATFORM_ADMIN' || r === 'DISTRICT_ADMIN');
}

/** How a place is named in the switcher and on the home page. */
export function scopeLabel(s: Scope, t: T): string {
  switch (s.kind) {
    case 'district':
      return `${t('区县', 'District')} · ${s.name}`;
    case 'staff':
      return `${t('社区工作', 'Community work')} · ${s.name}`;
    case 'grid':
      return `${t('网格', 'Grid')} · ${s.name}`;
    case 'partner':
      return `${t('共建单位', 'Partner')} · ${s.name}`;
    default:
      return `${t('居民', 'Resident')} · ${s.name}`;
  }
}

/** A phone-sized screen: most likely the person's own phone (staying signed in by default). */
export function ownPhone(): boolean {
  return window.matchMedia('(max-width: 760px)').matches;
}
