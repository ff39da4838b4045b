// The month's numbers of the counter: requests by list and by matter, the on-time rate and average
// satisfaction of those closed in the month, open requests overdue now, and volunteer hours by team (a record
// without a team counts under its volunteer's team, as in the monthly return).
import type { Db } from '../../db/connection';
import type { CounterStats } from '../../../shared/api/contract-counter';
import type { ListClass } from '../../../shared/api/schemas-counter';
import { LIST_CLASSES } from '../../../shared/api/schemas-counter';
import { round1 } from './volunteers';

/**
 * The counter's month. `through` (a later month) widens it to consecutive months read in one pass: the
 * overview's quarter and year, whose figures are the months' sums (one pass instead of twelve).
 */
export function counterStats(db: Db, period: string, communityId: number | undefined, today: string, through = period): CounterStats {
  // The month as a range of its days rather than substr(…, 1, 7) = period: a range can use the date's index
  // (accepted 150 ms → 4 ms on 100,000 requests, npm run bench -- overview). 'YYYY-MM' sorts before its days.
  // `+matter_id`: grouped by the matter index, the planner walked the whole table in matter order instead.
  const params = { period, next: nextMonth(through), today, community: communityId ?? null };
  const inCommunity = '(@community IS NULL OR community_id = @community)';
  const byMatter = db
    .prepare(
      // One row per matter and list: a matter renamed during the month is one row under the name it was last
      // accepted with (SQLite takes the bare column from the max() row); one moved to another list counts on each.
      `SELECT matter_id AS matterId, matter_name AS matterName, list_class AS listClass, count(*) AS count, max(accepted_at) AS lastAt
       FROM service_requests WHERE accepted_on >= @period AND accepted_on < @next AND ${inCommunity}
       GROUP BY +matter_id, list_class ORDER BY count DESC, matter_name`,
    )
    .all(params) as { matterId: number; matterName: string; listClass: ListClass; count: number; lastAt?: string }[];
  for (const row of byMatter) delete row.lastAt;
  const byList = LIST_CLASSES.map((listClass) => ({ listClass, count: byMatter.filter((m) => m.listClass === listClass).reduce((n, m) => n + m.count, 0) }));
  const closed = db
    .prepare(
      `SELECT count(*) AS closed, coalesce(sum(closed_on <= due_on), 0) AS onTime,
         count(satisfaction) AS rated, avg(satisfaction) AS avgSatisfaction
       FROM service_requests WHERE closed_on >= @period AND closed_on < @next AND ${inCommunity}`,
    )
    .get(params) as { closed: number; onTime: number; rated: number; avgSatisfaction: number | null };
  const overdue = db
    .prepare(`SELECT count(*) AS n FROM service_requests WHERE status IN ('accepted', 'in_progress') AND due_on < @today AND ${inCommunity}`)
    .get(params) as { n: number };
  const hours = db
    .prepare(
      `SELECT t.id AS teamId, t.name AS teamName, sum(r.hours) AS hours, count(*) AS records
       FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id
       LEFT JOIN service_teams t ON t.id = coalesce(r.team_id, v.team_id)
       WHERE r.served_on >= @period AND r.served_on < @next GROUP BY t.id, t.name ORDER BY hours DESC`,
    )
    .all(params) as { teamId: number | null; teamName: string | null; hours: number; records: number }[];
  return {
    period,
    accepted: byMatter.reduce((n, m) => n + m.count, 0),
    byList,
    byMatter,
    closed: closed.closed,
    closedOnTime: closed.onTime,
    onTimeRate: closed.closed ? round1((closed.onTime / closed.closed) * 100) : null,
    rated: closed.rated,
    averageSatisfaction: closed.avgSatisfaction === null ? null : Math.round(closed.avgSatisfaction * 100) / 100,
    openOverdue: overdue.n,
    volunteerHoursByTeam: hours.map((h) => ({ ...h, hours: round1(h.hours) })),
  };
}

/** The month after `period` (YYYY-MM). */
function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
