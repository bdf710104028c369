import { chinaToday } from '../../lib/api';

/** The periods an officer picks from, as [from, to] China dates. */
export function periodOf(key: string): [string, string] {
  const today = chinaToday();
  const [y, m] = today.split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  const monthStart = (yy: number, mm: number) => `${yy}-${pad(mm)}-01`;
  const lastDay = (yy: number, mm: number) => new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  switch (key) {
    case 'lastMonth': {
      const [yy, mm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return [monthStart(yy, mm), `${yy}-${pad(mm)}-${pad(lastDay(yy, mm))}`];
    }
    case 'year':
      return [`${y}-01-01`, today];
    case 'twelveMonths': {
      const [yy, mm] = m === 12 ? [y, 1] : [y - 1, m + 1];
      return [monthStart(yy, mm), today];
    }
    default:
      return [monthStart(y, m), today];
  }
}

/** Days for a month or less, months beyond. */
export function granularityOf([from, to]: [string, string]): 'MONTH' | 'DAY' {
  return (new Date(to).getTime() - new Date(from).getTime()) / 86400000 > 62 ? 'MONTH' : 'DAY';
}
