// A finalized return freezes its period: a record change dated in that period is refused until the return
// is reopened (which is logged and raises its version), so the figures sent never drift from the records.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import type { Member } from '../db/schema';

/** The period (YYYY-MM) of `date` (YYYY-MM or YYYY-MM-DD) when its return is finalized, else null. */
export function finalizedPeriodFor(db: SqliteDatabase, date: string | null | undefined): string | null {
  if (!date || date.length < 7) return null;
  const period = date.slice(0, 7);
  const row = db.prepare("SELECT 1 FROM returns WHERE period = ? AND state = 'finalized'").get(period);
  return row ? period : null;
}

/** Every finalized period, for work over many records at once (an import asks once, not per row). */
export function finalizedPeriods(db: SqliteDatabase): ReadonlySet<string> {
  return new Set(db.prepare("SELECT period FROM returns WHERE state = 'finalized'").pluck().all() as string[]);
}

function frozen(field: string, value: string, period: string): AppError {
  return new AppError('VALIDATION', `the return of ${period} is finalized`, { issues: [{ field, problem: 'periodFinalized', value, params: { period } }] });
}

/** Refuses a write dated in a finalized period. */
export function refuseFrozenDate(db: SqliteDatabase, field: string, date: string | null | undefined): void {
  const period = finalizedPeriodFor(db, date);
  if (period) throw frozen(field, date!, period);
}

const DATED: [keyof Member, string][] = [
  ['join_date', 'fields.joinDate'],
  ['full_date', 'fields.fullDate'],
  ['left_on', 'on'],
  ['lost_contact_since', 'fields.lostContactSince'],
];

/** Refuses a member change (or a new member, `before` null) that moves a date in or out of a finalized period. */
export function refuseFrozenMemberChange(db: SqliteDatabase, before: Member | null, after: Member): void {
  for (const [col, field] of DATED) {
    const a = after[col] as string | null;
    const b = before ? (before[col] as string | null) : null;
    if (before && a === b) continue;
    for (const date of [b, a]) refuseFrozenDate(db, field, date);
  }
}
