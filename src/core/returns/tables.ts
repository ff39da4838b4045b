// The monthly return's figures, computed from the records. Stock figures (who is on the roll, full or
// probationary) are as of the period's last day from the dates on the records; the flags (mobile, lost
// contact, hardship, in-service registered, standing) are as the records stand when computed — which is
// why finalizing a return freezes its figures.
import type { Db } from '../db/connection';
import { totalOf, type ReturnColumn, type ReturnRow, type ReturnTable } from '../../shared/returns/tables';
import { LEAVING_PARTY_REASONS } from '../../shared/api/schemas';
import type { PeriodBounds } from './period';
import { REQUEST_COLUMNS, serviceRequestTable, VOLUNTEER_COLUMNS, volunteerHoursTable } from './service-tables';
import { LIFE_COLUMNS, orgLifeTable } from './life-table';
import { DUES_COLUMNS, duesTable, FUNDS_COLUMNS, fundsTable } from './dues-tables';
import { GOV_COLUMNS, governanceTable } from './gov-table';
import { DEVELOPMENT_COLUMNS, developmentTable } from './development-table';

const cols = (...keys: string[]): ReturnColumn[] => keys.map((key) => ({ key }));

const COMMUNITY_COLUMNS = cols('total', 'full', 'probationary', 'mobile', 'lostContact', 'hardship', 'inServiceRegistered', 'suspended');
const OCCUPATION_COLUMNS = cols('total', 'full', 'probationary');
const CHANGE_COLUMNS = cols('joined', 'madeFull', 'transferredIn', 'transferredOut', 'died', 'leftParty', 'suspended', 'restored');
const TRANSFER_COLUMNS = cols('issued', 'open', 'expired', 'receiptOverdue');

/** Members on the roll at the period's end: joined by then (or created, when the join date is unknown), not left by then. */
export const ON_ROLL = `(coalesce(m.join_date, substr(m.created_at, 1, 10)) <= @end AND (m.status = 'active' OR m.left_on > @end))`;
export const IS_FULL = `(m.category = 'full' AND (m.full_date IS NULL OR m.full_date <= @end))`;
const IN_PERIOD = (col: string) => `(substr(${col}, 1, 7) = @period)`;
/** 出党 is counted as one figure, whichever of its four kinds (开除党籍, 除名, 自行脱党, 退党). */
const LEAVING_PARTY_SQL = `(${LEAVING_PARTY_REASONS.map((r) => `'${r}'`).join(', ')})`;

function build(id: ReturnTable['id'], columns: ReturnColumn[], rows: ReturnRow[]): ReturnTable {
  return { id, columns, rows, total: totalOf(columns, rows) };
}

type CommunityRow = { key: string | null; name: string | null } & Record<string, number>;

/** Community rows in the communities' order, every open community listed even with no members. */
export function communityRows(db: Db, columns: ReturnColumn[], figures: CommunityRow[]): ReturnRow[] {
  const byKey = new Map(figures.map((f) => [f.key ?? 'none', f]));
  const communities = db.prepare('SELECT division_code AS key, name FROM communities WHERE closed_on IS NULL ORDER BY division_code').all() as { key: string; name: string }[];
  const keys = communities.map((c) => ({ key: c.key, label: c.name }));
  for (const f of figures) if (!keys.some((k) => k.key === (f.key ?? 'none'))) keys.push({ key: f.key ?? 'none', label: f.key === null ? 'none' : (f.name ?? f.key) });
  return keys.map(({ key, label }) => {
    const f = byKey.get(key);
    return { key, label, values: Object.fromEntries(columns.map((c) => [c.key, f?.[c.key] ?? 0])) };
  });
}

function membersByCommunity(db: Db, p: PeriodBounds): ReturnTable {
  const figures = db
    .prepare(
      `SELECT c.division_code AS key, c.name AS name, count(*) AS total,
         sum(${IS_FULL}) AS full, sum(NOT ${IS_FULL}) AS probationary,
         sum(m.mobile) AS mobile, sum(m.lost_contact = 1 AND coalesce(m.lost_contact_since, '') <= @end) AS lostContact,
         sum(m.hardship) AS hardship, sum(m.in_service_registered) AS inServiceRegistered, sum(m.standing = 'suspended') AS suspended
       FROM members m JOIN organizations o ON o.id = m.org_id LEFT JOIN communities c ON c.id = o.community_id
       WHERE ${ON_ROLL} GROUP BY c.id`,
    )
    .all({ end: p.end }) as CommunityRow[];
  return build('membersByCommunity', COMMUNITY_COLUMNS, communityRows(db, COMMUNITY_COLUMNS, figures));
}

function membersByOccupation(db: Db, p: PeriodBounds): ReturnTable {
  const figures = db
    .prepare(
      `SELECT CASE WHEN m.occupation IS NULL THEN 'occNone' ELSE 'occ' || substr(m.occupation, 1, 1) END AS key,
         count(*) AS total, sum(${IS_FULL}) AS full, sum(NOT ${IS_FULL}) AS probationary
       FROM members m WHERE ${ON_ROLL} GROUP BY key`,
    )
    .all({ end: p.end }) as ({ key: string } & Record<string, number>)[];
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const keys = ['occ0', 'occ1', 'occ2', 'occ3', 'occ4', 'occ5', 'occNone'];
  for (const f of figures) if (!keys.includes(f.key)) keys.splice(keys.length - 1, 0, f.key);
  const rows = keys.map((key) => ({ key, label: key, values: Object.fromEntries(OCCUPATION_COLUMNS.map((c) => [c.key, byKey.get(key)?.[c.key] ?? 0])) }));
  return build('membersByOccupation', OCCUPATION_COLUMNS, rows);
}

/** The month's changes by the member's community: dates on the record, and the history for arrivals and suspensions. */
function changes(db: Db, p: PeriodBounds): ReturnTable {
  const figures = db
    .prepare(
      `WITH moved_in AS (
         SELECT member_id, count(*) AS n FROM member_events WHERE kind = 'transferred_in' AND ${IN_PERIOD('on_date')} GROUP BY member_id
       ), suspended AS (
         SELECT member_id, sum(json_extract(detail, '$.to') = 'suspended') AS n, sum(json_extract(detail, '$.to') = 'normal') AS restored
         FROM member_events WHERE kind = 'standing_changed' AND ${IN_PERIOD('on_date')} GROUP BY member_id
       )
       SELECT c.division_code AS key, c.name AS name,
         sum(${IN_PERIOD('m.join_date')}) AS joined,
         sum(${IN_PERIOD('m.full_date')}) AS madeFull,
         sum(coalesce(mi.n, 0)) AS transferredIn,
         sum(m.left_reason = 'transfer_out' AND ${IN_PERIOD('m.left_on')}) AS transferredOut,
         sum(m.left_reason = 'death' AND ${IN_PERIOD('m.left_on')}) AS died,
         sum(m.left_reason IN ${LEAVING_PARTY_SQL} AND ${IN_PERIOD('m.left_on')}) AS leftParty,
         sum(coalesce(s.n, 0)) AS suspended,
         sum(coalesce(s.restored, 0)) AS restored
       FROM members m JOIN organizations o ON o.id = m.org_id LEFT JOIN communities c ON c.id = o.community_id
       LEFT JOIN moved_in mi ON mi.member_id = m.id LEFT JOIN suspended s ON s.member_id = m.id
       WHERE ${IN_PERIOD('m.join_date')} OR ${IN_PERIOD('m.full_date')} OR ${IN_PERIOD('m.left_on')} OR mi.n IS NOT NULL OR s.n IS NOT NULL
       GROUP BY c.id`,
    )
    .all({ period: p.period }) as CommunityRow[];
  return build('changes', CHANGE_COLUMNS, communityRows(db, CHANGE_COLUMNS, figures));
}

/**
 * Letters by direction as of the period's end: issued in the month; open (not cancelled, not finished —
 * received for in/within, receipt back for out); expired unused; out letters whose receipt is overdue.
 */
function transfers(db: Db, p: PeriodBounds): ReturnTable {
  const figures = db
    .prepare(
      `WITH t AS (
         SELECT direction, issued_on, valid_days, received_on, receipt_returned_on,
           (issued_on <= @end AND NOT coalesce(cancelled_on <= @end, 0)
             AND NOT coalesce(CASE WHEN direction = 'out' THEN receipt_returned_on ELSE received_on END <= @end, 0)) AS open,
           NOT coalesce(received_on <= @end, 0) AS unreceived,
           CASE WHEN direction = 'out' THEN min(
             date(CASE WHEN received_on <= @end THEN received_on ELSE issued_on END, '+1 month'),
             date(CASE WHEN received_on <= @end THEN received_on ELSE issued_on END, 'start of month', '+2 months', '-1 day')) END AS receipt_due
         FROM transfers
       )
       SELECT direction AS key, sum(${IN_PERIOD('issued_on')}) AS issued, sum(open) AS open,
         sum(open AND unreceived AND date(issued_on, '+' || valid_days || ' days') < @end) AS expired,
         sum(open AND direction = 'out' AND receipt_due < @end) AS receiptOverdue
       FROM t GROUP BY direction`,
    )
    .all({ period: p.period, end: p.end }) as ({ key: string } & Record<string, number>)[];
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const rows = ['in', 'out', 'within'].map((key) => ({ key, label: key, values: Object.fromEntries(TRANSFER_COLUMNS.map((c) => [c.key, byKey.get(key)?.[c.key] ?? 0])) }));
  return build('transfers', TRANSFER_COLUMNS, rows);
}

/** Each table's columns, for a district table no street has sent yet. */
export const RETURN_COLUMNS: Record<ReturnTable['id'], ReturnColumn[]> = {
  membersByCommunity: COMMUNITY_COLUMNS,
  membersByOccupation: OCCUPATION_COLUMNS,
  changes: CHANGE_COLUMNS,
  transfers: TRANSFER_COLUMNS,
  serviceRequests: REQUEST_COLUMNS,
  volunteerHours: VOLUNTEER_COLUMNS,
  orgLife: LIFE_COLUMNS,
  dues: DUES_COLUMNS,
  funds: FUNDS_COLUMNS,
  governance: GOV_COLUMNS,
  development: DEVELOPMENT_COLUMNS,
};

/** Every table of the return for the period, in the order they are printed. */
export function computeReturnTables(db: Db, p: PeriodBounds): ReturnTable[] {
  return [membersByCommunity(db, p), membersByOccupation(db, p), changes(db, p), transfers(db, p), serviceRequestTable(db, p), volunteerHoursTable(db, p), orgLifeTable(db, p), duesTable(db, p), fundsTable(db, p), governanceTable(db, p), developmentTable(db, p)];
}
