// The monthly return's organizational-life table (orgLife): by community, how many branches it has, how many
// held each kind of meeting in the period the month falls in (the month, its quarter or its year, as the
// rules say), and — of the branch × kind periods that end with this month — how many were met, with the rate.
// Summed at the district like every table (plain columns summed, the rate worked out from the sums).
import type { Db } from '../db/connection';
import { MEETING_TYPES, type MeetingType } from '../../shared/api/schemas-life';
import { periodEnd, periodOf, periodStart } from '../../shared/life-rules';
import { totalOf, type ReturnColumn, type ReturnTable } from '../../shared/returns/tables';
import { frequencies } from '../services/life/settings';
import type { PeriodBounds } from './period';

/** The column of each kind of meeting: branches that held it in its period. */
export const LIFE_TYPE_COLUMN: Record<MeetingType, string> = {
  'branch-meeting': 'lifeBranchMeeting',
  committee: 'lifeCommittee',
  group: 'lifeGroup',
  lecture: 'lifeLecture',
  'theme-day': 'lifeThemeDay',
  'life-meeting': 'lifeLifeMeeting',
  talk: 'lifeTalk',
};

export const LIFE_COLUMNS: ReturnColumn[] = [
  { key: 'lifeBranches' },
  ...MEETING_TYPES.map((t) => ({ key: LIFE_TYPE_COLUMN[t] })),
  { key: 'lifeDue' },
  { key: 'lifeDone' },
  { key: 'lifeRate', derived: { num: 'lifeDone', den: 'lifeDue', kind: 'percent' } },
];

export function orgLifeTable(db: Db, p: PeriodBounds): ReturnTable {
  const freq = frequencies(db);
  const branches = db
    .prepare(
      `SELECT o.id, c.division_code AS key, c.name FROM organizations o LEFT JOIN communities c ON c.id = o.community_id
       WHERE o.level = 'branch' AND (o.closed_on IS NULL OR o.closed_on > @end)`,
    )
    .all({ end: p.end }) as { id: number; key: string | null; name: string | null }[];
  // Valid meetings held from the start of the year to the month's end, by branch and kind (a Party group's for its branch).
  const held = new Set(
    (
      db
        .prepare(
          `SELECT DISTINCT CASE WHEN o.level = 'party_group' THEN o.parent_id ELSE o.id END AS branch, mt.type, mt.held_on AS day
           FROM meetings mt JOIN meeting_orgs mo ON mo.meeting_id = mt.id JOIN organizations o ON o.id = mo.org_id
           WHERE mt.held_on BETWEEN @from AND @end AND mt.status = 'held' AND mt.invalid_reason IS NULL`,
        )
        .all({ from: `${p.period.slice(0, 4)}-01-01`, end: p.end }) as { branch: number; type: MeetingType; day: string }[]
    ).map((r) => `${r.branch}|${r.type}|${periodOf(r.day, freq[r.type])}`),
  );
  const rows = new Map<string, { key: string; label: string; values: Record<string, number> }>();
  const communities = db.prepare('SELECT division_code AS key, name FROM communities WHERE closed_on IS NULL ORDER BY division_code').all() as { key: string; name: string }[];
  const empty = () => Object.fromEntries(LIFE_COLUMNS.filter((c) => !c.derived).map((c) => [c.key, 0]));
  for (const c of communities) rows.set(c.key, { key: c.key, label: c.name, values: empty() });
  for (const b of branches) {
    const key = b.key ?? 'none';
    if (!rows.has(key)) rows.set(key, { key, label: b.key === null ? 'none' : (b.name ?? key), values: empty() });
    const v = rows.get(key)!.values;
    v.lifeBranches += 1;
    for (const type of MEETING_TYPES) {
      const period = periodOf(p.end, freq[type]);
      // A period counts once it has begun by the month's end; it is due in the month it ends.
      if (periodStart(period) > p.end) continue;
      const done = held.has(`${b.id}|${type}|${period}`);
      if (done) v[LIFE_TYPE_COLUMN[type]] += 1;
      if (periodEnd(period) === p.end) {
        v.lifeDue += 1;
        if (done) v.lifeDone += 1;
      }
    }
  }
  const list = [...rows.values()];
  return { id: 'orgLife', columns: LIFE_COLUMNS, rows: list, total: totalOf(LIFE_COLUMNS, list) };
}
