// The community's calendar: course sessions, events and bookings of one span together, from
// one request. Used by the week and month views and by the scheduler to show clashes.
import { graphql } from '../../gql';
import { useGql } from '../../lib/query';

const ENTRIES = graphql(`query CalendarEntries($from: Date!, $days: Int!, $teacher: Boolean!) {
  courses(first: 100, taughtByMe: $teacher) { edges { node { id title sessions { id startsAt endsAt place status spaceId } } } }
  events(from: $from, days: $days) { id title startsAt endsAt place status }
  bookings(from: $from, days: $days) @skip(if: $teacher) { id spaceId startsAt endsAt purpose status }
  spaces { id name } }`);

export type EntryKind = 'session' | 'event' | 'booking';

export interface Entry {
  id: string;
  kind: EntryKind;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  spaceId?: string | null;
  cancelled: boolean;
}

const DAY = 86400000;

/**
 * Every entry overlapping `days` days from `from` (China's calendar day), soonest first. A
 * teacher's (`teacher`) holds their own courses' sessions and the events, not the bookings.
 */
export function useCalendar(slug: string, from: string, days: number, teacher = false): [Entry[] | undefined, () => void] {
  const [data, reload] = useGql(ENTRIES, { from, days, teacher }, slug, { keepPrevious: true });
  if (!data) return [undefined, reload];
  const start = new Date(`${from}T00:00:00+08:00`).getTime();
  const end = start + days * DAY;
  const space = new Map(data.spaces.map((s) => [s.id, s.name]));
  const entries: Entry[] = [
    ...data.courses.edges.flatMap(({ node: c }) => c.sessions.map((s) => ({
      id: s.id, kind: 'session' as const, title: c.title, startsAt: s.startsAt, endsAt: s.endsAt,
      place: s.place, spaceId: s.spaceId, cancelled: s.status === 'CANCELLED',
    }))),
    ...data.events.map((e) => ({ id: e.id, kind: 'event' as const, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, place: e.place, cancelled: e.status === 'CANCELLED' })),
    ...(data.bookings ?? []).map((b) => ({
      id: b.id, kind: 'booking' as const, title: b.purpose, startsAt: b.startsAt, endsAt: b.endsAt,
      place: space.get(b.spaceId) ?? '', spaceId: b.spaceId, cancelled: false,
    })),
  ].filter((e) => new Date(e.startsAt).getTime() < end && new Date(e.endsAt).getTime() > start);
  entries.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return [entries, reload];
}

/**
 * What a planned time clashes with: a live entry in the same space, or at the same place when no
 * space is named, overlapping [startsAt, endsAt). `except` leaves out one entry (a session moved).
 */
export function clashOf(entries: Entry[], p: { startsAt: Date; endsAt: Date; place: string; spaceId?: string | null; except?: string }): Entry | undefined {
  const place = p.place.trim();
  return entries.find((e) => !e.cancelled && e.id !== p.except
    && (p.spaceId ? e.spaceId === p.spaceId : place !== '' && e.place.trim() === place)
    && new Date(e.startsAt) < p.endsAt && new Date(e.endsAt) > p.startsAt);
}
