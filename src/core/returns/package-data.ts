// The records a return package carries for the district (区委组织部). The district keeps the members'
// archive in the national system, so it is entitled to the national 16 items of each member on the roll,
// with the community the member belongs to. Community-only fields (grid, building/room, work unit,
// hardship, skills, volunteer, native place, mobile contacts, reasons) stay with the street: the district
// sees them only as counts in the tables. Service requests go as aggregates only — no resident's data.
import type { Db } from '../db/connection';
import type { PeriodBounds } from './period';

/** The member fields sent, in the order of the national roster. */
export const DISTRICT_MEMBER_FIELDS = [
  'name', 'sex', 'ethnicity', 'idNumber', 'birthDate', 'education', 'category', 'branch', 'joinDate', 'fullDate',
  'occupation', 'phone', 'address', 'standing', 'lostContact', 'lostContactSince', 'mobile', 'mobileDestination',
  'community', 'communityCode', 'inServiceRegistered',
] as const;

/** The code table's label of a member column, by a join (a subquery per row costs three lookups per member). */
const codeJoin = (alias: string, table: string, col: string) => `LEFT JOIN code_items ${alias} ON ${alias}.code_table = '${table}' AND ${alias}.code = ${col}`;

/** Members on the roll at the period's end, as the district keeps them (same rule as the tables). */
export function districtMembers(db: Db, p: PeriodBounds): Record<string, unknown>[] {
  const rows = db
    .prepare(
      `SELECT m.name, m.sex, coalesce(ce.label, m.ethnicity) AS ethnicity, m.id_number AS idNumber,
         m.birth_date AS birthDate, coalesce(cd.label, m.education) AS education,
         CASE WHEN m.category = 'full' AND (m.full_date IS NULL OR m.full_date <= @end) THEN 'full' ELSE 'probationary' END AS category,
         o.name AS branch, m.join_date AS joinDate, CASE WHEN m.full_date <= @end THEN m.full_date END AS fullDate,
         coalesce(co.label, m.occupation) AS occupation, m.phone, m.address, m.standing,
         m.lost_contact AS lostContact, m.lost_contact_since AS lostContactSince, m.mobile, m.mobile_destination AS mobileDestination,
         c.name AS community, c.division_code AS communityCode, m.in_service_registered AS inServiceRegistered
       FROM members m JOIN organizations o ON o.id = m.org_id LEFT JOIN communities c ON c.id = o.community_id
       ${codeJoin('ce', 'ethnicity', 'm.ethnicity')} ${codeJoin('cd', 'education', 'm.education')} ${codeJoin('co', 'occupation', 'm.occupation')}
       WHERE coalesce(m.join_date, substr(m.created_at, 1, 10)) <= @end AND (m.status = 'active' OR m.left_on > @end)
       ORDER BY m.id`,
    )
    .all({ end: p.end }) as Record<string, unknown>[];
  for (const r of rows) for (const f of ['lostContact', 'mobile', 'inServiceRegistered']) r[f] = r[f] === 1;
  return rows;
}

/** The month's changes, one line per member and change, with what the district needs to follow it up. */
export function districtChanges(db: Db, p: PeriodBounds): Record<string, unknown>[] {
  return db
    .prepare(
      `SELECT * FROM (
         SELECT 'joined' AS change, m.join_date AS onDate, m.id AS mid FROM members m WHERE substr(m.join_date, 1, 7) = @period
         UNION ALL SELECT 'madeFull', m.full_date, m.id FROM members m WHERE substr(m.full_date, 1, 7) = @period
         UNION ALL SELECT CASE m.left_reason WHEN 'transfer_out' THEN 'transferredOut' WHEN 'death' THEN 'died' WHEN 'expelled' THEN 'expelled' WHEN 'struck_off' THEN 'struckOff' WHEN 'lapsed' THEN 'lapsed' WHEN 'withdrew' THEN 'withdrew' ELSE 'left' END,
           m.left_on, m.id FROM members m WHERE substr(m.left_on, 1, 7) = @period
         UNION ALL SELECT 'transferredIn', e.on_date, e.member_id FROM member_events e WHERE e.kind = 'transferred_in' AND substr(e.on_date, 1, 7) = @period
         UNION ALL SELECT CASE json_extract(e.detail, '$.to') WHEN 'suspended' THEN 'suspended' ELSE 'restored' END, e.on_date, e.member_id FROM member_events e
           WHERE e.kind = 'standing_changed' AND substr(e.on_date, 1, 7) = @period
       ) x JOIN (SELECT m.id, m.name, m.id_number AS idNumber, o.name AS branch, c.division_code AS communityCode
                 FROM members m JOIN organizations o ON o.id = m.org_id LEFT JOIN communities c ON c.id = o.community_id) mm ON mm.id = x.mid
       ORDER BY x.onDate, mm.idNumber`,
    )
    .all({ period: p.period })
    .map((r) => {
      const { mid: _mid, id: _id, ...rest } = r as Record<string, unknown>;
      return rest;
    });
}

/** Letters issued in the month or still open at its end. */
export function districtTransfers(db: Db, p: PeriodBounds): Record<string, unknown>[] {
  return db
    .prepare(
      `SELECT direction, letter_number AS letterNumber, member_name AS memberName, member_id_number AS memberIdNumber,
         member_category AS memberCategory, from_org_name AS fromOrg, to_org_name AS toOrg, issued_on AS issuedOn, valid_days AS validDays,
         CASE WHEN received_on <= @end THEN received_on END AS receivedOn, CASE WHEN receipt_returned_on <= @end THEN receipt_returned_on END AS receiptReturnedOn,
         CASE WHEN cancelled_on <= @end THEN cancelled_on END AS cancelledOn
       FROM transfers
       WHERE issued_on <= @end AND (substr(issued_on, 1, 7) = @period OR NOT (coalesce(cancelled_on <= @end, 0)
         OR coalesce(CASE WHEN direction = 'out' THEN receipt_returned_on ELSE received_on END <= @end, 0)))
       ORDER BY issued_on, id`,
    )
    .all({ period: p.period, end: p.end }) as Record<string, unknown>[];
}
