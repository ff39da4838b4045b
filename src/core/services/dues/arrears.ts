// Arrears: members with months still owed up to a month, the longest run of months in a row still unpaid, and
// the flag at 6 in a row (for the branch's handling under Art. 9 of the Party constitution). Only unpaid ledger
// rows are read, through the covering partial index dues_ledger_unpaid, so five years of a 100,000-member roll
// cost what is owed, not what was paid. The branch shown is the member's organization now.
import type { Db } from '../../db/connection';
import type { DuesArrearsRow } from '../../../shared/api/contract-dues';
import { ARREARS_FLAG_MONTHS } from '../../../shared/api/schemas-dues';
import { orgInfos } from './common';

export function arrears(db: Db, asOf: string, minMonths: number, orgIds: readonly number[] | null): DuesArrearsRow[] {
  const filter = orgIds === null ? '' : `AND org_id IN (${orgIds.map(Number).join(',') || '-1'})`;
  // All in SQLite, one row per member back: the unpaid months from the covering partial index, runs of
  // consecutive months found as gaps-and-islands (month number minus row number is constant along a run).
  // Raw prepare: window functions, and measured in scripts/bench-dues.ts beside the plain GROUP BY.
  const rows = db
    .prepare(
      `WITH u AS (
         SELECT member_id, period, due_fen - paid_fen AS owed,
           CAST(substr(period, 1, 4) AS INTEGER) * 12 + CAST(substr(period, 6, 2) AS INTEGER)
             - row_number() OVER (PARTITION BY member_id ORDER BY period) AS run
         FROM dues_ledger INDEXED BY dues_ledger_unpaid
         WHERE paid_fen < due_fen AND period <= @asOf ${filter}
       ),
       runs AS (SELECT member_id, count(*) AS len FROM u GROUP BY member_id, run),
       owing AS (
         SELECT member_id, count(*) AS months, sum(owed) AS owed, min(period) AS first, max(period) AS last
         FROM u GROUP BY member_id HAVING count(*) >= @minMonths
       )
       SELECT o.member_id, m.name, m.org_id, o.months, o.owed, o.first, o.last,
         (SELECT max(len) FROM runs r WHERE r.member_id = o.member_id) AS in_row
       FROM owing o JOIN members m ON m.id = o.member_id`,
    )
    .all({ asOf, minMonths }) as { member_id: number; name: string; org_id: number; months: number; owed: number; first: string; last: string; in_row: number }[];
  if (rows.length === 0) return [];
  const orgs = orgInfos(db);
  return rows
    .map((r) => ({
      memberId: r.member_id,
      name: r.name,
      orgId: r.org_id,
      branch: orgs.get(r.org_id)?.name ?? '',
      community: orgs.get(r.org_id)?.community ?? null,
      monthsOwed: r.months,
      owedFen: r.owed,
      monthsInRow: r.in_row,
      firstOwed: r.first,
      lastOwed: r.last,
      flagged: r.in_row >= ARREARS_FLAG_MONTHS,
    }))
    .sort((a, b) => b.monthsInRow - a.monthsInRow || b.monthsOwed - a.monthsOwed || a.memberId - b.memberId);
}
