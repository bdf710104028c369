// What a resident's phone keeps for when the network is gone: the answers of a few queries —
// who they are, whom they act for, their week's timetable and their bookings (a grid worker's:
// their grids, the surveys they take at the door, what they can enrol people in) — in
// localStorage for a week, for the account that read them, forgotten on signing out or when
// another account signs in. Everything else is read fresh. (TanStack Query's own dehydrate and
// hydrate; its persister packages pin other versions of the query core, bundled twice.)
import { dehydrate, hydrate, type QueryClient } from '@tanstack/react-query';

export const OFFLINE_KEY = 'linli.offline';
const WEEK = 7 * 86400_000;

/** The queries kept, by operation name. */
const KEPT = ['ResidentLearners', 'ResidentHome', 'MyBookingsBookings', 'GridMine', 'GridSurveys', 'GridOffer'];

/** Whether a query's answer is kept. */
export function kept(q: { state: { status: string }; queryKey: readonly unknown[] }): boolean {
  if (q.state.status !== 'success') return false;
  const [first, , doc] = q.queryKey;
  if (first === 'me') return true;
  const name = typeof doc === 'string' ? doc.match(/^\s*query\s+(\w+)/)?.[1] : undefined;
  return !!name && KEPT.includes(name);
}

/** Restore what was kept, then keep the cache's kept answers as they change (a second after the last change). */
export function keepOffline(client: QueryClient): void {
  try {
    const saved = JSON.parse(localStorage.getItem(OFFLINE_KEY) ?? 'null');
    if (saved && Date.now() - saved.at < WEEK) {
      hydrate(client, saved.state);
      // Shown at once, and read again as soon as a page asks (when there is a network).
      client.invalidateQueries({ refetchType: 'none' });
    }
  } catch {
    forgetOffline();
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  client.getQueryCache().subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const state = dehydrate(client, { shouldDehydrateQuery: kept });
      if (state.queries.length) localStorage.setItem(OFFLINE_KEY, JSON.stringify({ at: Date.now(), state }));
    }, 1000);
  });
}

/** Forget what was kept (signing out, another account signing in). */
export function forgetOffline(): void {
  localStorage.removeItem(OFFLINE_KEY);
}
