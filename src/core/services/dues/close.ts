// Closing a dues month: first the branch, then the street. A closed month is frozen like a finalized return:
// the dated dues methods name their months to the dispatcher's rules (src/core/write-rules.ts), which refuse
// a closed one with the month named — a service never checks it by hand.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { DuesCloseState } from '../../../shared/api/contract-dues';
import type { CloseLevel } from '../../../shared/api/schemas-dues';
import { AppError } from '../../../shared/result';
import { notFound, refuse } from '../counter/refusals';
import type { DatedField } from '../../returns/freeze';

/** The first of `periods` that `orgId` has closed, if any. */
export function closedPeriod(db: Db, orgId: number | undefined, periods: readonly (string | null | undefined)[]): string | null {
  if (orgId === undefined) return null;
  const closed = db.prepare('SELECT 1 FROM dues_month_close WHERE org_id = ? AND period = ?');
  for (const p of [...periods].filter((x): x is string => !!x).sort()) if (closed.get(orgId, p.slice(0, 7))) return p.slice(0, 7);
  return null;
}

/** The first month from `from` on (before `until`, when given) that `orgId` has closed. */
export function closedFrom(db: Db, orgId: number | undefined, from: string, until: string | null): string | null {
  if (orgId === undefined) return null;
  return (db.prepare('SELECT min(period) FROM dues_month_close WHERE org_id = ? AND period >= ? AND (? IS NULL OR period < ?)').pluck().get(orgId, from, until, until) as string | null) ?? null;
}

/**
 * The freeze of a dues write: refuses a month the member's (or the organization's) branch has closed, naming
 * the field and the month; otherwise the months as dated fields, which the dispatcher checks against the
 * finalized returns.
 */
export function duesMonths(db: Db, field: string, orgId: number | undefined, periods: readonly (string | null | undefined)[]): DatedField[] {
  const closed = closedPeriod(db, orgId, periods);
  if (closed) throw new AppError('VALIDATION', `the dues of ${closed} are closed`, { issues: [{ field, problem: 'duesMonthClosed', value: closed, params: { period: closed } }] });
  return periods.map((date) => ({ field, date }));
}

/** A member's organization now (undefined when there is no such member: the handler answers NOT_FOUND). */
export function memberOrg(db: Db, memberId: number): number | undefined {
  return db.prepare('SELECT org_id FROM members WHERE id = ?').pluck().get(memberId) as number | undefined;
}

type CloseRow = { org_id: number; period: string; branch_closed_by: string; branch_closed_at: string; street_closed_by: string | null; street_closed_at: string | null };

function toState(r: CloseRow): DuesCloseState {
  return { orgId: r.org_id, period: r.period, branchClosedBy: r.branch_closed_by, branchClosedAt: r.branch_closed_at, streetClosedBy: r.street_closed_by, streetClosedAt: r.street_closed_at };
}

export function closeMonth(db: Db, input: ApiParsedInput<'dues.close'>, actor: string, now: Date): { before: DuesCloseState | null; after: DuesCloseState & { level: CloseLevel } } {
  const org = db.prepare('SELECT id, level FROM organizations WHERE id = ?').get(input.orgId) as { id: number; level: string } | undefined;
  if (!org) throw notFound('organization', input.orgId);
  if (org.level !== 'branch' && org.level !== 'general_branch') throw refuse('orgId', 'duesNotBranch', input.orgId);
  const row = db.prepare('SELECT * FROM dues_month_close WHERE org_id = ? AND period = ?').get(org.id, input.period) as CloseRow | undefined;
  const at = now.toISOString();
  if (input.level === 'branch') {
    if (row) throw refuse('period', 'duesAlreadyClosedBranch', input.period, { period: input.period });
    db.prepare('INSERT INTO dues_month_close (org_id, period, branch_closed_by, branch_closed_at) VALUES (?, ?, ?, ?)').run(org.id, input.period, actor, at);
  } else {
    if (!row) throw refuse('period', 'duesBranchNotClosed', input.period, { period: input.period });
    if (row.street_closed_by) throw refuse('period', 'duesAlreadyClosedStreet', input.period, { period: input.period });
    db.prepare('UPDATE dues_month_close SET street_closed_by = ?, street_closed_at = ? WHERE org_id = ? AND period = ?').run(actor, at, org.id, input.period);
  }
  const after = db.prepare('SELECT * FROM dues_month_close WHERE org_id = ? AND period = ?').get(org.id, input.period) as CloseRow;
  return { before: row ? toState(row) : null, after: { ...toState(after), level: input.level } };
}
