// A return's period, YYYY-MM, and the days it covers.
import { AppError } from '../../shared/result';
import { PERIOD_PATTERN } from '../../shared/returns/tables';

export interface PeriodBounds {
  period: string;
  /** First day, YYYY-MM-01. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
}

export function periodBounds(period: string): PeriodBounds {
  if (!PERIOD_PATTERN.test(period)) throw new AppError('VALIDATION', 'bad period', { issues: [{ field: 'period', problem: 'periodFormat', value: period }] });
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { period, start: `${period}-01`, end: `${period}-${String(last).padStart(2, '0')}` };
}

export function periodOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}
