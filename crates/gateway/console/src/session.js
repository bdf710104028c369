// The signed-in account: its token and what it may enter. Kept in sessionStorage, so closing
// the browser (a shared computer at the community office) signs out.
import { useCallback, useState } from 'react';

const KEY = 'linli.session';

function load() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY));
    if (s && new Date(s.expiresAt) > new Date()) return s;
  } catch {
    /* a damaged entry is a signed-out console */
  }
  return null;
}

export function useSession() {
  const [session, setState] = useState(load);
  const set = useCallback((s) => {
    if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
    else sessionStorage.removeItem(KEY);
    setState(s);
  }, []);
  return [session, set];
}

const STAFF_ROLES = ['COMMUNITY_ADMIN', 'STAFF', 'GRID_WORKER', 'TEACHER'];

/**
 * The places an account can enter, from its memberships: districts (admin or viewer),
 * communities as staff, communities as a resident. A platform admin enters every district.
 */
export function scopesOf(memberships, districts = []) {
  const seen = new Map();
  const add = (s) => {
    const prev = seen.get(s.key);
    if (!prev) seen.set(s.key, { ...s, roles: [s.role] });
    else if (!prev.roles.includes(s.role)) prev.roles.push(s.role);
  };
  for (const m of memberships) {
    if (m.role === 'PLATFORM_ADMIN') {
      for (const d of districts) add({ key: `d/${d.code}`, kind: 'district', code: d.code, name: d.name, role: m.role });
    } else if (m.districtCode) {
      const d = districts.find((x) => x.code === m.districtCode);
      add({ key: `d/${m.districtCode}`, kind: 'district', code: m.districtCode, name: d?.name ?? m.districtCode, role: m.role });
    } else if (m.communitySlug) {
      const kind = STAFF_ROLES.includes(m.role) ? 'staff' : 'resident';
      add({ key: `${kind === 'staff' ? 'c' : 'r'}/${m.communitySlug}`, kind, slug: m.communitySlug, role: m.role });
    }
  }
  return [...seen.values()];
}

export function canAdminDistrict(scope) {
  return scope?.roles?.some((r) => r === 'PLATFORM_ADMIN' || r === 'DISTRICT_ADMIN');
}
