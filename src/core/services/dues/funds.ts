// The street's Party-building funds: the standards (with their source and year), each community's
// entitlement from its households and members, and a simple income/expense ledger per community. An entry is
// never deleted; a mistake is put right with an entry the other way, as a voucher book does.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { FundEntryInfo, FundStandardInfo, FundsOverview } from '../../../shared/api/contract-dues';
import type { FundDirection, FundParameter } from '../../../shared/api/schemas-dues';
import { shareOf } from '../../../shared/dues/rates';
import { notFound } from '../counter/refusals';
import { scopeOrgIdsSubquery } from '../../scope';

interface StandardRow {
  id: number;
  parameter: FundParameter;
  value: number;
  source: string;
  year: number;
  updated_at: string;
}

const toStandard = (r: StandardRow): FundStandardInfo => ({ id: r.id, parameter: r.parameter, value: r.value, source: r.source, year: r.year, updatedAt: r.updated_at });

/** The standards in force for a year: for each parameter, the latest year not after it. */
export function standardsFor(db: Db, year: number): FundStandardInfo[] {
  const rows = db
    .prepare('SELECT * FROM fund_standards s WHERE year = (SELECT max(year) FROM fund_standards WHERE parameter = s.parameter AND year <= ?) ORDER BY parameter')
    .all(year) as StandardRow[];
  return rows.map(toStandard);
}

export function saveStandard(db: Db, input: ApiParsedInput<'funds.saveStandard'>, actor: string, now: Date): { before: FundStandardInfo | null; after: FundStandardInfo } {
  const existing = db.prepare('SELECT * FROM fund_standards WHERE parameter = ? AND year = ?').get(input.parameter, input.year) as StandardRow | undefined;
  db.prepare(
    `INSERT INTO fund_standards (parameter, value, source, year, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (parameter, year) DO UPDATE SET value = excluded.value, source = excluded.source, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(input.parameter, input.value, input.source, input.year, actor, now.toISOString());
  const after = db.prepare('SELECT * FROM fund_standards WHERE parameter = ? AND year = ?').get(input.parameter, input.year) as StandardRow;
  return { before: existing ? toStandard(existing) : null, after: toStandard(after) };
}

interface EntryRow {
  id: number;
  community_id: number;
  community_name: string;
  direction: FundDirection;
  amount_fen: number;
  on_date: string;
  purpose: string;
  voucher: string | null;
  attachments: string;
  recorded_by: string;
}

const toEntry = (r: EntryRow): FundEntryInfo => ({
  id: r.id,
  communityId: r.community_id,
  communityName: r.community_name,
  direction: r.direction,
  amountFen: r.amount_fen,
  onDate: r.on_date,
  purpose: r.purpose,
  voucher: r.voucher,
  attachments: JSON.parse(r.attachments) as string[],
  recordedBy: r.recorded_by,
});

export function saveEntry(db: Db, input: ApiParsedInput<'funds.saveEntry'>, actor: string, now: Date): FundEntryInfo {
  if (!db.prepare('SELECT 1 FROM communities WHERE id = ?').get(input.communityId)) throw notFound('community', input.communityId);
  const id = Number(
    db
      .prepare('INSERT INTO fund_entries (community_id, direction, amount_fen, on_date, purpose, voucher, attachments, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(input.communityId, input.direction, input.amountFen, input.onDate, input.purpose, input.voucher || null, JSON.stringify(input.attachments), actor, now.toISOString()).lastInsertRowid,
  );
  return toEntry(db.prepare('SELECT e.*, c.name AS community_name FROM fund_entries e JOIN communities c ON c.id = e.community_id WHERE e.id = ?').get(id) as EntryRow);
}

/** Spending of the month by community (the return's `funds` table). */
export function spentByCommunity(db: Db, period: string): Map<number, number> {
  const rows = db.prepare("SELECT community_id, sum(amount_fen) AS total FROM fund_entries WHERE direction = 'out' AND substr(on_date, 1, 7) = ? GROUP BY community_id").all(period) as { community_id: number; total: number }[];
  return new Map(rows.map((r) => [r.community_id, r.total]));
}

export function fundsOverview(db: Db, year: number, communityId: number | undefined): FundsOverview {
  const standards = standardsFor(db, year);
  const value = (p: FundParameter) => standards.find((s) => s.parameter === p)?.value ?? 0;
  const communities = db.prepare('SELECT id, name, households FROM communities WHERE closed_on IS NULL AND (? IS NULL OR id = ?) ORDER BY division_code').all(communityId ?? null, communityId ?? null) as {
    id: number;
    name: string;
    households: number | null;
  }[];
  const membersOf = db.prepare(`SELECT count(*) FROM members WHERE status = 'active' AND org_id IN ${scopeOrgIdsSubquery()}`).pluck();
  const entries = (
    db
      .prepare(
        `SELECT e.*, c.name AS community_name FROM fund_entries e JOIN communities c ON c.id = e.community_id
          WHERE substr(e.on_date, 1, 4) = ? AND (? IS NULL OR e.community_id = ?) ORDER BY e.on_date DESC, e.id DESC`,
      )
      .all(String(year), communityId ?? null, communityId ?? null) as EntryRow[]
  ).map(toEntry);
  return {
    year,
    standards,
    communities: communities.map((c) => {
      const members = membersOf.get(c.id) as number;
      // Office funds per 1,000 households, pro rata and rounded half up to the fen like every other amount.
      const officeFen = shareOf(c.households ?? 0, value('officePer1000Households'));
      const massWorkFen = value('massWorkPerCommunity');
      const activityFen = members * value('activityPerMember');
      const inFen = entries.filter((e) => e.communityId === c.id && e.direction === 'in').reduce((s, e) => s + e.amountFen, 0);
      const outFen = entries.filter((e) => e.communityId === c.id && e.direction === 'out').reduce((s, e) => s + e.amountFen, 0);
      const entitlementFen = officeFen + massWorkFen + activityFen;
      return { communityId: c.id, name: c.name, households: c.households, members, officeFen, massWorkFen, activityFen, entitlementFen, inFen, outFen, balanceFen: entitlementFen + inFen - outFen };
    }),
    entries,
  };
}
