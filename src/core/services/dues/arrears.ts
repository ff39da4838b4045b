// Arrears: members with months still owed up to a month, the longest run of months in a row still unpaid, and
// the flag at 6 in a row (for the branch's handling under Art. 9 of the Party constitution). Only unpaid ledger
// rows are read, through the partial index dues_ledger_unpaid, so five years of a 100,000-member roll cost
// what is owed, not what was paid.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { DuesArrearsRow } from '../../../shared/api/contract-dues';
import { ARREARS_FLAG_MONTHS } from '../../../shared/api/schemas-dues';
import { monthIndex } from '../../../shared/dues/money';
import { orgInfos } from './common';

export function arrears(db: SqliteDatabase, asOf: string, minMonths: number, orgIds: readonly number[] | null): DuesArrearsRow[] {
  const filter = orgIds === null ? '' : `AND l.org_id IN (${orgIds.map(Number).join(',') || '-1'})`;
  // Raw prepare and iterate: one pass over the unpaid rows in (member, period) order, measured in scripts/bench.ts.
  const rows = db
    .prepare(`SELECT l.member_id, l.org_id, l.period, l.due_fen - l.paid_fen AS owed FROM dues_ledger l INDEXED BY dues_ledger_unpaid WHERE l.paid_fen < l.due_fen AND l.period <= ? ${filter} ORDER BY l.member_id, l.period`)
    .raw()
    .iterate(asOf) as IterableIterator<[number, number, string, number]>;
  const out: Omit<DuesArrearsRow, 'name' | 'branch' | 'community'>[] = [];
  let cur: (typeof out)[number] | null = null;
  let run = 0;
  let lastIndex = -2;
  const finish = () => {
    if (cur && cur.monthsOwed >= minMonths) out.push(cur);
  };
  for (const [memberId, orgId, period, owed] of rows) {
    const index = monthIndex(period);
    if (!cur || cur.memberId !== memberId) {
      finish();
      cur = { memberId, orgId, monthsOwed: 0, owedFen: 0, monthsInRow: 0, firstOwed: period, lastOwed: period, flagged: false };
      run = 0;
      lastIndex = -2;
    }
    run = index === lastIndex + 1 ? run + 1 : 1;
    lastIndex = index;
    cur.monthsOwed++;
    cur.owedFen += owed;
    cur.lastOwed = period;
    cur.orgId = orgId;
    if (run > cur.monthsInRow) cur.monthsInRow = run;
    cur.flagged = cur.monthsInRow >= ARREARS_FLAG_MONTHS;
  }
  finish();
  if (out.length === 0) return [];
  const orgs = orgInfos(db);
  const names = new Map<number, string>();
  const ids = out.map((r) => r.memberId);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const r of db.prepare(`SELECT id, name FROM members WHERE id IN (${chunk.join(',')})`).all() as { id: number; name: string }[]) names.set(r.id, r.name);
  }
  return out
    .map((r) => ({ ...r, name: names.get(r.memberId) ?? '', branch: orgs.get(r.orgId)?.name ?? '', community: orgs.get(r.orgId)?.community ?? null }))
    .sort((a, b) => b.monthsInRow - a.monthsInRow || b.monthsOwed - a.monthsOwed || a.memberId - b.memberId);
}
