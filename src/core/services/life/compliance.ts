// Compliance of organizational life: for a year (or a quarter or a month of it), each branch × kind of meeting
// × period (month, quarter or year, as the rules say) is done, missing or not yet due; with the rates of each
// community and the street, and the overdue list. A narrower span holds the periods that end within it. A
// meeting counts for every branch that took part (joint meetings), a Party group's 党小组会 for its branch; a
// meeting without quorum does not count; a period counts once however many met.
import type { Db } from '../../db/connection';
import type { ComplianceRate, ComplianceRow, LifeCompliance } from '../../../shared/api/contract-life';
import { MEETING_TYPES, type MeetingType } from '../../../shared/api/schemas-life';
import { cellState, periodEnd, periodsDueIn, periodStart } from '../../../shared/life-rules';
import type { Scope } from '../../scope';
import { branchRows, frequencies } from './settings';

/**
 * The valid meetings of a span: each taking part organization, kind and month (01–12). Raw SQL over the covering
 * index meetings_held and meeting_orgs' (meeting, organization) index, without a GROUP BY: nearly every meeting is a
 * cell of its own (the bench's 600 branches × 5 years), so SQLite's temporary B-tree for the grouping cost more
 * than it saved; the caller keeps the distinct cells in a set of numbers. A Party group counts for its branch
 * (its parent), mapped from the few organizations instead of joined per meeting.
 */
export const HELD_MONTHS_SQL = `
  SELECT mo.org_id, mt.type, CAST(substr(mt.held_on, 6, 2) AS INTEGER) AS month
  FROM meetings mt JOIN meeting_orgs mo ON mo.meeting_id = mt.id
  WHERE mt.held_on BETWEEN @from AND @to AND mt.status = 'held' AND mt.invalid_reason IS NULL`;

const BRANCH_OF_SQL = `SELECT id, CASE WHEN level = 'party_group' THEN parent_id ELSE id END AS branch FROM organizations`;

/** A cell as one number: organization, kind (its place in MEETING_TYPES) and month. */
const cellKey = (branch: number, type: number, month: number) => (branch * 8 + type) * 13 + month;

/** The months (1–12) of a period: 2026-03, 2026-Q1 or 2026. */
function monthsOf(period: string): number[] {
  const first = Number(periodStart(period).slice(5, 7));
  const last = Number(periodEnd(period).slice(5, 7));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function rate(communityId: number | null, communityName: string | null, due: number, done: number): ComplianceRate {
  return { communityId, communityName, due, done, rate: due === 0 ? null : Math.round((done / due) * 1000) / 10 };
}

/** The span a compliance input reads: 2026, 2026-Q4 or 2026-03. */
export function complianceSpan(input: { year: number; quarter?: number; month?: number }): string {
  if (input.quarter !== undefined) return `${input.year}-Q${input.quarter}`;
  if (input.month !== undefined) return `${input.year}-${String(input.month).padStart(2, '0')}`;
  return String(input.year);
}

export function compliance(db: Db, span: string, today: string, scope: Scope | null, filter: { orgId?: number; communityId?: number } = {}): LifeCompliance {
  const year = Number(span.slice(0, 4));
  const freq = frequencies(db);
  const types = MEETING_TYPES.map((t) => ({ meetingType: t, frequency: freq[t], periods: periodsDueIn(span, freq[t]) }));
  // Meetings from the start of the earliest period due (a yearly one due in Q4 began in January) to the span's end.
  const from = types.flatMap((t) => t.periods.map(periodStart)).reduce((a, b) => (b < a ? b : a), periodStart(span));
  const branchOf = new Map((db.prepare(BRANCH_OF_SQL).raw().all() as [number, number | null][]).map(([id, branch]) => [id, branch ?? id]));
  const typeIndex = new Map(MEETING_TYPES.map((t, i) => [t, i]));
  // One key per branch, kind and month a valid meeting was held in; a period is held when any of its months is.
  const held = new Set<number>();
  for (const [org, type, month] of db.prepare(HELD_MONTHS_SQL).raw().all({ from, to: periodEnd(span) }) as [number, MeetingType, number][]) {
    held.add(cellKey(branchOf.get(org) ?? org, typeIndex.get(type)!, month));
  }
  // Each period's months and its state when nothing was held, worked out once (not per branch).
  const plan = types.map((t, ti) => ({
    meetingType: t.meetingType,
    periods: t.periods.map((p) => ({ period: p, months: monthsOf(p), unheld: cellState(false, p, today) })),
    ti,
  }));
  const branches = branchRows(db, scope, year).filter((b) => (filter.orgId === undefined || b.id === filter.orgId) && (filter.communityId === undefined || b.community_id === filter.communityId));
  const rows: ComplianceRow[] = [];
  const overdue: LifeCompliance['overdue'] = [];
  const byCommunity = new Map<number | null, { name: string | null; due: number; done: number }>();
  for (const b of branches) {
    const cells = {} as ComplianceRow['cells'];
    let due = 0;
    let done = 0;
    for (const t of plan) {
      cells[t.meetingType] = t.periods.map(({ period, months, unheld }) => {
        const state = months.some((m) => held.has(cellKey(b.id, t.ti, m))) ? 'done' : unheld;
        if (state !== 'notDue') due += 1;
        if (state === 'done') done += 1;
        if (state === 'missing') overdue.push({ orgId: b.id, orgName: b.name, meetingType: t.meetingType, period });
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
  return { year, period: span, today, types, rows, communities, street, overdue };
}
