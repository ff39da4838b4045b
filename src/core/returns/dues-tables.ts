// The return's dues and funds tables (issue 15), by community: the month's dues collected and still owed and
// the members with any month unpaid up to it; the Party-building funds spent and received in the month. Money
// is integer fen, so the district's sums across streets are exact. A payment is dated by the months it pays,
// which the finalized return freezes (src/core/write-rules.ts), so a sent month's figures do not drift.
import type { Db } from '../db/connection';
import { totalOf, type ReturnColumn, type ReturnRow, type ReturnTable } from '../../shared/returns/tables';
import { orgInfos } from '../services/dues/common';
import type { PeriodBounds } from './period';

export const DUES_COLUMNS: ReturnColumn[] = [{ key: 'duesMembers' }, { key: 'duesCollected' }, { key: 'duesOwed' }, { key: 'duesInArrears' }];
export const FUNDS_COLUMNS: ReturnColumn[] = [{ key: 'fundsReceived' }, { key: 'fundsSpent' }];

/** Every open community by its code, then the street level for what belongs to none. */
function byCommunity(db: Db, columns: ReturnColumn[], figures: Map<number | null, Record<string, number>>): ReturnRow[] {
  const communities = db.prepare('SELECT id, division_code AS key, name FROM communities WHERE closed_on IS NULL ORDER BY division_code').all() as { id: number; key: string; name: string }[];
  const rows: ReturnRow[] = communities.map((c) => ({ key: c.key, label: c.name, values: Object.fromEntries(columns.map((col) => [col.key, figures.get(c.id)?.[col.key] ?? 0])) }));
  const none = figures.get(null);
  if (none) rows.push({ key: 'none', label: 'none', values: Object.fromEntries(columns.map((col) => [col.key, none[col.key] ?? 0])) });
  return rows;
}

export function duesTable(db: Db, p: PeriodBounds): ReturnTable {
  const orgs = orgInfos(db);
  const figures = new Map<number | null, Record<string, number>>();
  const add = (orgId: number, key: string, value: number) => {
    const community = orgs.get(orgId)?.communityId ?? null;
    const f = figures.get(community) ?? {};
    f[key] = (f[key] ?? 0) + value;
    figures.set(community, f);
  };
  const month = db.prepare('SELECT org_id, count(*) AS members, sum(paid_fen) AS paid, sum(max(due_fen - paid_fen, 0)) AS owed FROM dues_ledger WHERE period = ? GROUP BY org_id').all(p.period) as {
    org_id: number;
    members: number;
    paid: number;
    owed: number;
  }[];
  for (const r of month) {
    add(r.org_id, 'duesMembers', r.members);
    add(r.org_id, 'duesCollected', r.paid);
    add(r.org_id, 'duesOwed', r.owed);
  }
  const arrears = db.prepare('SELECT org_id, count(DISTINCT member_id) AS n FROM dues_ledger WHERE paid_fen < due_fen AND period <= ? GROUP BY org_id').all(p.period) as { org_id: number; n: number }[];
  for (const r of arrears) add(r.org_id, 'duesInArrears', r.n);
  const rows = byCommunity(db, DUES_COLUMNS, figures);
  return { id: 'dues', columns: DUES_COLUMNS, rows, total: totalOf(DUES_COLUMNS, rows) };
}

export function fundsTable(db: Db, p: PeriodBounds): ReturnTable {
  const figures = new Map<number | null, Record<string, number>>();
  const rows = db
    .prepare("SELECT community_id, sum(CASE WHEN direction = 'in' THEN amount_fen ELSE 0 END) AS received, sum(CASE WHEN direction = 'out' THEN amount_fen ELSE 0 END) AS spent FROM fund_entries WHERE on_date BETWEEN ? AND ? GROUP BY community_id")
    .all(p.start, p.end) as { community_id: number; received: number; spent: number }[];
  for (const r of rows) figures.set(r.community_id, { fundsReceived: r.received, fundsSpent: r.spent });
  const out = byCommunity(db, FUNDS_COLUMNS, figures);
  return { id: 'funds', columns: FUNDS_COLUMNS, rows: out, total: totalOf(FUNDS_COLUMNS, out) };
}
