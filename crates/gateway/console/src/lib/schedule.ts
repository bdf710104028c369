// The dates a repeat rule gives, as the API computes them (courses::timetable::schedule):
// shown before saving so staff see the series. Dates are China's calendar days, "YYYY-MM-DD".
import type { ScheduleFrequency, Weekday } from '../gql/graphql';

export interface Rule {
  frequency: ScheduleFrequency;
  interval: number;
  weekdays: Weekday[];
  monthDay?: number | null;
  startsOn: string;
  count?: number | null;
  until?: string | null;
  except: string[];
}

/** Monday first, as ISO numbers them (1 = Monday). */
export const WEEKDAYS: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
/** A series runs at most two years (the API's SPAN_DAYS). */
const SPAN_DAYS = 731;

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const text = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86400000);
/** Monday 0 … Sunday 6. */
const weekday = (d: Date) => (d.getUTCDay() + 6) % 7;

/** The series' dates, exceptions taken out (they still count towards `count`); null when the rule cannot end within two years. */
export function seriesDates(r: Rule): string[] | null {
  const start = day(r.startsOn);
  const horizon = addDays(start, SPAN_DAYS);
  const interval = Math.max(1, r.interval);
  const days = r.frequency === 'WEEKLY' ? (r.weekdays.length ? r.weekdays.map((w) => WEEKDAYS.indexOf(w)) : [weekday(start)]).sort() : [];
  const monthDay = r.monthDay ?? start.getUTCDate();
  const except = new Set(r.except);
  const out: string[] = [];
  let produced = 0;
  for (let period = 0; ; period++) {
    const step = period * interval;
    let first: Date;
    let dates: Date[];
    if (r.frequency === 'DAILY') {
      first = addDays(start, step);
      dates = [first];
    } else if (r.frequency === 'WEEKLY') {
      first = addDays(addDays(start, -weekday(start)), 7 * step);
      dates = days.map((d) => addDays(first, d));
    } else {
      const months = start.getUTCFullYear() * 12 + start.getUTCMonth() + step;
      first = new Date(Date.UTC(Math.floor(months / 12), months % 12, 1));
      const d = new Date(Date.UTC(Math.floor(months / 12), months % 12, monthDay));
      dates = d.getUTCMonth() === months % 12 ? [d] : [];
    }
    if (first > horizon) break;
    for (const d of dates) {
      if (d < start) continue;
      if (r.until && d > day(r.until)) return out;
      if (r.count != null && produced === r.count) return out;
      if (d > horizon) return null;
      produced += 1;
      if (!except.has(text(d))) out.push(text(d));
    }
  }
  return r.count != null && produced < r.count ? null : out;
}
