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

/**
 * What a period means for figures that are a state rather than a sum: the state on its last day, or today
 * while the period is still running (a secretary reading "this quarter" wants today's roll, not a guess at
 * the quarter's end). Sums of the period (joined, left, steps taken) count its months up to asOf.
 */
export interface PeriodBounds {
  months: string[];
  /** The period's first day and last day (YYYY-MM-DD). */
  from: string;
  end: string;
  /** The day states are counted on: the last day, or today while the period runs. */
  asOf: string;
  /** True while the period runs (asOf is today): the pages' current lists show its states. */
  current: boolean;
}

export function periodBounds(month: string, span: OverviewSpan, today: string): PeriodBounds {
  const months = monthsOf(month, span);
  const from = `${months[0]}-01`;
  const end = lastDayOf(months[months.length - 1]);
  const current = end >= today;
  return { months, from, end, asOf: current ? today : end, current };
}
