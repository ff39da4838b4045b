// A finalized return freezes its period: a record change dated in that period is refused until the return
// is reopened (which is logged and raises its version), so the figures sent never drift from the records.
import type { Db } from '../db/connection';
import { AppError } from '../../shared/result';
import type { Member } from '../db/schema';

/** The period (YYYY-MM) of `date` (YYYY-MM or YYYY-MM-DD) when its return is finalized, else null. */
export function finalizedPeriodFor(db: Db, date: string | null | undefined): string | null {
  if (!date || date.length < 7) return null;
  const period = date.slice(0, 7);
  const row = db.prepare("SELECT 1 FROM returns WHERE period = ? AND state = 'finalized'").get(period);
  return row ? period : null;
}

/** Every finalized period, for work over many records at once (an import asks once, not per row). */
export function finalizedPeriods(db: Db): ReadonlySet<string> {
  return new Set(db.prepare("SELECT period FROM returns WHERE state = 'finalized'").pluck().all() as string[]);
}

function frozen(field: string, value: string, period: string): AppError {
  return new AppError('VALIDATION', `the return of ${period} is finalized`, { issues: [{ field, problem: 'periodFinalized', value, params: { period } }] });
}

/** Refuses a write dated in a finalized period. */
export function refuseFrozenDate(db: Db, field: string, date: string | null | undefined): void {
  const period = finalizedPeriodFor(db, date);
  if (period) throw frozen(field, date!, period);
}

/** A date a write sets or moves, with the field a refusal names (see src/core/write-rules.ts). */
export interface DatedField {
  field: string;
  date: string | null | undefined;
}

/** Refuses the first of `dates` in a finalized period: what the dispatcher runs before every dated write. */
export function refuseFrozenDates(db: Db, dates: readonly DatedField[]): void {
  for (const { field, date } of dates) refuseFrozenDate(db, field, date);
}

export type MemberDates = Pick<Member, 'join_date' | 'full_date' | 'left_on' | 'lost_contact_since'>;

const DATED: [keyof MemberDates, string][] = [
  ['join_date', 'fields.joinDate'],
  ['full_date', 'fields.fullDate'],
  ['left_on', 'on'],
  ['lost_contact_since', 'fields.lostContactSince'],
];

/**
 * The dates a member change (or a new member, `before` null) moves: both the old and the new one, since
 * moving a date out of a finalized period changes that period's figures as much as moving one in.
 */
export function memberDateChanges(before: MemberDates | null, after: MemberDates): DatedField[] {
  const dates: DatedField[] = [];
  for (const [col, field] of DATED) {
    const a = after[col];
    const b = before ? before[col] : null;
    if (before && a === b) continue;
    for (const date of [b, a]) if (date) dates.push({ field, date });
  }
  return dates;
}
