// Compliance of organizational life: for a year, each branch × kind of meeting × period (month, quarter or
// year, as the rules say) is done, missing or not yet due; with the rates of each community and the street,
// and the overdue list. A meeting counts for every branch that took part (joint meetings), a Party group's
// 党小组会 for its branch; a meeting without quorum does not count; a period counts once however many met.
import type { Db } from '../../db/connection';
import type { ComplianceRate, ComplianceRow, LifeCompliance } from '../../../shared/api/contract-life';
import { MEETING_TYPES, type MeetingType } from '../../../shared/api/schemas-life';
import { cellState, periodOf, periodsOfYear } from '../../../shared/life-rules';
import type { Scope } from '../../scope';
import { branchRows, frequencies } from './settings';

/**
 * The months in which each branch held each kind of valid meeting. Raw SQL, one grouped pass over the year's
 * meetings (the bench's 600 branches × 5 years): the branch of a Party group is its parent.
 */
export const HELD_MONTHS_SQL = `
  SELECT CASE WHEN o.level = 'party_group' THEN o.parent_id ELSE o.id END AS branch, mt.type, substr(mt.held_on, 1, 7) AS month
  FROM meetings mt JOIN meeting_orgs mo ON mo.meeting_id = mt.id JOIN organizations o ON o.id = mo.org_id
  WHERE mt.held_on BETWEEN @from AND @to AND mt.status = 'held' AND mt.invalid_reason IS NULL
  GROUP BY branch, mt.type, month`;

function rate(communityId: number | null, communityName: string | null, due: number, done: number): ComplianceRate {
  return { communityId, communityName, due, done, rate: due === 0 ? null : Math.round((done / due) * 1000) / 10 };
}

export function compliance(db: Db, year: number, today: string, scope: Scope | null, filter: { orgId?: number; communityId?: number } = {}): LifeCompliance {
  const freq = frequencies(db);
  const types = MEETING_TYPES.map((t) => ({ meetingType: t, frequency: freq[t], periods: periodsOfYear(year, freq[t]) }));
  const held = new Set<string>();
  for (const r of db.prepare(HELD_MONTHS_SQL).all({ from: `${year}-01-01`, to: `${year}-12-31` }) as { branch: number; type: MeetingType; month: string }[]) {
    held.add(`${r.branch}|${r.type}|${periodOf(r.month, freq[r.type])}`);
  }
  const branches = branchRows(db, scope, year).filter((b) => (filter.orgId === undefined || b.id === filter.orgId) && (filter.communityId === undefined || b.community_id === filter.communityId));
  const rows: ComplianceRow[] = [];
  const overdue: LifeCompliance['overdue'] = [];
  const byCommunity = new Map<number | null, { name: string | null; due: number; done: number }>();
  for (const b of branches) {
    const cells = {} as ComplianceRow['cells'];
    let due = 0;
    let done = 0;
    for (const t of types) {
      cells[t.meetingType] = t.periods.map((p) => {
        const state = cellState(held.has(`${b.id}|${t.meetingType}|${p}`), p, today);
        if (state !== 'notDue') due += 1;
        if (state === 'done') done += 1;
        if (state === 'missing') overdue.push({ orgId: b.id, orgName: b.name, meetingType: t.meetingType, period: p });
        return state;
      });
    }
    rows.push({ orgId: b.id, orgName: b.name, communityId: b.community_id, communityName: b.community_name, cells, due, done });
    const c = byCommunity.get(b.community_id) ?? { name: b.community_name, due: 0, done: 0 };
    c.due += due;
    c.done += done;
    byCommunity.set(b.community_id, c);
  }
  const communities = [...byCommunity].map(([id, c]) => rate(id, c.name, c.due, c.done));
  const street = rate(null, null, communities.reduce((n, c) => n + c.due, 0), communities.reduce((n, c) => n + c.done, 0));
  return { year, today, types, rows, communities, street, overdue };
}
