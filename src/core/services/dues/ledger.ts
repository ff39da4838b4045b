// The month's ledger, generated from the roster: every member on the roll that month (admitted by then — a
// probationary member from the month of admission — and not yet left, or left during it; not suspended) with
// the amount of the base in force. Generating again updates the amounts (a base changed since) and keeps what
// was paid. One query reads the roster with each member's base; the amounts are computed by the same pure rule
// as everywhere else, and written with one prepared statement in the caller's transaction.
import type { Db } from '../../db/connection';
import type { DuesLedger, DuesLedgerRow, DuesCloseState } from '../../../shared/api/contract-dues';
import type { Language } from '../../../shared/api/schemas';
import { monthlyDues, ruleText, type DuesCategory } from '../../../shared/dues/rates';
import type { DuesAdjustment } from '../../../shared/api/schemas-dues';
import { dueOf, farmerFen, orgInfos } from './common';
import { subtreeIds } from '../organizations';

/** `org_id IN (…)` for the organizations given (null: the whole street). */
function orgFilter(column: string, orgIds: readonly number[] | null): string {
  return orgIds === null ? '1' : `${column} IN (${orgIds.map((id) => Number(id)).join(',') || '-1'})`;
}

/** Members on the roll in `period`, as SQL conditions on `m` (one transferred in without a join date: from the letter). */
const ON_ROLL = `(substr(m.join_date, 1, 7) <= @period
    OR m.join_date IS NULL AND EXISTS (SELECT 1 FROM transfers t WHERE t.member_id = m.id AND t.direction = 'in' AND t.status IN ('received', 'receipt_returned')))
  AND (m.status = 'active' OR substr(m.left_on, 1, 7) >= @period) AND m.standing = 'normal'
  AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.member_id = m.id AND t.direction = 'in' AND t.status IN ('received', 'receipt_returned') AND t.dues_paid_to >= @period)`;

interface RosterRow {
  member_id: number;
  org_id: number;
  category: DuesCategory | null;
  base_fen: number | null;
  adjustment: DuesAdjustment | null;
  reduced_fen: number | null;
}

/** The organizations a request covers: `orgId`'s subtree, within the caller's organizations when limited. */
export function ledgerOrgs(db: Db, orgId: number | undefined, scopeOrgs: ReadonlySet<number> | null): number[] | null {
  const ids = orgId === undefined ? null : subtreeIds(db, orgId);
  if (!scopeOrgs) return ids;
  return (ids ?? [...scopeOrgs]).filter((id) => scopeOrgs.has(id));
}

export function generateLedger(db: Db, period: string, orgIds: readonly number[] | null): { period: string; created: number; updated: number } {
  const farmer = farmerFen(db);
  // The base in force: the latest effective month not after the period (the unique index makes this a seek).
  const roster = db
    .prepare(
      `SELECT m.id AS member_id, m.org_id, b.category, b.base_fen, b.adjustment, b.reduced_fen
         FROM members m
         LEFT JOIN dues_bases b ON b.id = (SELECT id FROM dues_bases WHERE member_id = m.id AND effective_month <= @period ORDER BY effective_month DESC LIMIT 1)
        WHERE ${ON_ROLL} AND ${orgFilter('m.org_id', orgIds)}`,
    )
    .all({ period }) as RosterRow[];
  // Rows the month already has (payments in advance, an earlier generation) are updated where they differ;
  // the others are inserted — a plain insert costs a third less than an upsert over a whole street.
  const existing = new Map(
    (db.prepare('SELECT member_id, org_id, category, base_fen, due_fen FROM dues_ledger WHERE period = ?').raw().all(period) as [number, number, string, number | null, number][]).map((r) => [r[0], r]),
  );
  const insert = db.prepare('INSERT INTO dues_ledger (member_id, org_id, period, category, base_fen, due_fen) VALUES (?, ?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE dues_ledger SET org_id = ?, category = ?, base_fen = ?, due_fen = ? WHERE member_id = ? AND period = ?');
  let created = 0;
  let written = 0;
  for (const r of roster) {
    if (r.category === null) continue; // no base yet: counted as missing by the ledger
    const { dueFen } = dueOf({ category: r.category, base_fen: r.base_fen, adjustment: r.adjustment ?? 'none', reduced_fen: r.reduced_fen }, farmer);
    written++;
    const had = existing.get(r.member_id);
    if (!had) {
      insert.run(r.member_id, r.org_id, period, r.category, r.base_fen, dueFen);
      created++;
    } else if (had[1] !== r.org_id || had[2] !== r.category || had[3] !== r.base_fen || had[4] !== dueFen) {
      update.run(r.org_id, r.category, r.base_fen, dueFen, r.member_id, period);
    }
  }
  // Rows the month did not have before were created; the others were brought up to date.
  return { period, created, updated: written - created };
}

/** Ensures a member's ledger row for a month (a payment in advance, or for a month not generated yet). */
export function ensureLedgerRow(db: Db, member: { id: number; org_id: number }, period: string, due: { category: DuesCategory; base_fen: number | null; dueFen: number }): void {
  db.prepare('INSERT INTO dues_ledger (member_id, org_id, period, category, base_fen, due_fen) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (member_id, period) DO NOTHING').run(
    member.id,
    member.org_id,
    period,
    due.category,
    due.base_fen,
    due.dueFen,
  );
}

export function closeStates(db: Db, period: string, orgIds: readonly number[] | null): DuesCloseState[] {
  const rows = db.prepare(`SELECT * FROM dues_month_close WHERE period = ? AND ${orgFilter('org_id', orgIds)}`).all(period) as {
    org_id: number;
    period: string;
    branch_closed_by: string;
    branch_closed_at: string;
    street_closed_by: string | null;
    street_closed_at: string | null;
  }[];
  return rows.map((r) => ({
    orgId: r.org_id,
    period: r.period,
    branchClosedBy: r.branch_closed_by,
    branchClosedAt: r.branch_closed_at,
    streetClosedBy: r.street_closed_by,
    streetClosedAt: r.street_closed_at,
  }));
}

export function readLedger(db: Db, period: string, orgIds: readonly number[] | null, lang: Language): DuesLedger {
  const orgs = orgInfos(db);
  const farmer = farmerFen(db);
  const rows = db
    .prepare(
      `SELECT l.member_id, m.name, m.id_number, l.org_id, l.category, l.base_fen, l.due_fen, l.paid_fen
         FROM dues_ledger l JOIN members m ON m.id = l.member_id
        WHERE l.period = ? AND ${orgFilter('l.org_id', orgIds)}
        ORDER BY l.org_id, m.name_pinyin, m.id`,
    )
    .all(period) as { member_id: number; name: string; id_number: string; org_id: number; category: DuesCategory; base_fen: number | null; due_fen: number; paid_fen: number }[];
  const rules = new Map<string, string>();
  const out: DuesLedgerRow[] = rows.map((r) => {
    const key = `${r.category}:${r.base_fen}`;
    let rule = rules.get(key);
    if (rule === undefined) rules.set(key, (rule = ruleText(monthlyDues(r.category, r.base_fen, farmer), lang)));
    const org = orgs.get(r.org_id);
    return {
      memberId: r.member_id,
      name: r.name,
      idNumber: r.id_number,
      orgId: r.org_id,
      branch: org?.name ?? '',
      community: org?.community ?? null,
      period,
      category: r.category,
      baseFen: r.base_fen,
      dueFen: r.due_fen,
      paidFen: r.paid_fen,
      settled: r.paid_fen >= r.due_fen,
      rule,
    };
  });
  const onRoll = db.prepare(`SELECT count(*) FROM members m WHERE ${ON_ROLL} AND ${orgFilter('m.org_id', orgIds)}`).pluck().get({ period }) as number;
  return {
    period,
    rows: out,
    missing: Math.max(0, onRoll - out.length),
    totals: {
      dueFen: out.reduce((sum, r) => sum + r.dueFen, 0),
      paidFen: out.reduce((sum, r) => sum + r.paidFen, 0),
      members: out.length,
      settled: out.filter((r) => r.settled).length,
    },
    closes: closeStates(db, period, orgIds),
  };
}
