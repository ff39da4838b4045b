// Working days (工作日) as China's official calendar has them — statutory holidays and make-up workdays
// from `chinese-days` — with the administrator's override table winning, for the years the package does not
// know yet (next year's calendar is published each November). Outside the known years: weekends rest.
import type { Db } from '../../db/connection';
import chineseDays from 'chinese-days';
import { AppError } from '../../../shared/result';
import { all, qb } from '../../db/query';

export type DayKind = 'workday' | 'holiday';

/** Answers "is this a working day?" for one call; the override table is read once. */
export interface WorkdayCalendar {
  isWorkday(day: string): boolean;
  /** The day `days` working days after `from` (`from` itself is day 0: the clock starts the next day). */
  addWorkdays(from: string, days: number): string;
  /** Working days in (after, upTo]: how many working days a pause from `after` to `upTo` stopped the clock. */
  workdaysBetween(after: string, upTo: string): number;
  /** The next working day after `day`. */
  nextWorkday(day: string): string;
}

const knownYears = new Map<number, boolean>();

/** The package knows a year when its New Year's Day is listed as the holiday (元旦), not as a plain weekday. */
export function packageKnowsYear(year: number): boolean {
  let known = knownYears.get(year);
  if (known === undefined) {
    known = chineseDays.getDayDetail(`${year}-01-01`).name.includes('元旦');
    knownYears.set(year, known);
  }
  return known;
}

function weekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function addCalendarDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The official calendar alone (no overrides). */
export function officialIsWorkday(day: string): boolean {
  if (packageKnowsYear(Number(day.slice(0, 4)))) return chineseDays.isWorkday(day);
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

// A due date is never more than a few months out; this bounds a loop should the table mark a whole year as holiday.
const MAX_STEPS = 3660;

export function calendarFrom(overrides: ReadonlyMap<string, DayKind>): WorkdayCalendar {
  const isWorkday = (day: string) => {
    const kind = overrides.get(day);
    return kind ? kind === 'workday' : officialIsWorkday(day);
  };
  const calendar: WorkdayCalendar = {
    isWorkday,
    addWorkdays(from, days) {
      let day = from;
      let counted = 0;
      for (let step = 0; counted < days; step++) {
        if (step > MAX_STEPS) throw new AppError('INTERNAL', `no ${days} working days found after ${from}`);
        day = addCalendarDays(day, 1);
        if (isWorkday(day)) counted++;
      }
      return day;
    },
    workdaysBetween(after, upTo) {
      let n = 0;
      for (let day = addCalendarDays(after, 1); day <= upTo; day = addCalendarDays(day, 1)) if (isWorkday(day)) n++;
      return n;
    },
    nextWorkday: (day) => calendar.addWorkdays(day, 1),
  };
  return calendar;
}

export function workdayCalendar(db: Db): WorkdayCalendar {
  const rows = all(db, qb.selectFrom('workday_overrides').select(['on_date', 'kind']));
  return calendarFrom(new Map(rows.map((r) => [r.on_date, r.kind])));
}
