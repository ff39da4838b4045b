// The months an overview period covers: the month itself, its quarter, or its year.
import type { OverviewSpan } from '../../../shared/api/schemas-overview';

export function monthsOf(month: string, span: OverviewSpan): string[] {
  const year = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  const first = span === 'month' ? m : span === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : 1;
  const last = span === 'month' ? m : span === 'quarter' ? first + 2 : 12;
  const months: string[] = [];
  for (let i = first; i <= last; i++) months.push(`${year}-${String(i).padStart(2, '0')}`);
  return months;
}

/** The last day of a month (YYYY-MM-DD). */
export function lastDayOf(month: string): string {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}
