// The communities side by side on the key rates: members, organizational life, the counter's on-time rate
// and projects completed. Each rate is the one its page shows for that community.
import type { Db } from '../../db/connection';
import type { ComplianceRate } from '../../../shared/api/contract-life';
import type { RateCount } from '../../../shared/api/contract-gov';
import type { CommunityMembers, RankingRow } from '../../../shared/api/contract-overview';

const percent = (done: number, total: number) => (total ? Math.round((done / total) * 1000) / 10 : null);

export function rankingRows(
  db: Db,
  members: readonly CommunityMembers[],
  life: readonly ComplianceRate[],
  projects: readonly (RateCount & { communityId: number | null })[],
  months: readonly string[],
): RankingRow[] {
  // counterStats' closed-in-the-month condition over the period's months (consecutive: one range of days),
  // grouped by community in one pass (one counterStats per community and month would be hundreds of scans
  // for a year). `+community_id`: grouped by the (community, number) index the planner walked the whole table in
  // that order, row by row (190 ms); a scan and a small sort is 25 ms for a month, and a range of days lets an
  // index on closed_on serve it should one come.
  const closed = new Map(
    (
      db
        .prepare(
          `SELECT community_id AS id, count(*) AS closed, coalesce(sum(closed_on <= due_on), 0) AS onTime
           FROM service_requests WHERE closed_on >= @from AND closed_on < @next GROUP BY +community_id`,
        )
        .all({ from: months[0] ?? '', next: nextMonth(months[months.length - 1] ?? '') }) as { id: number; closed: number; onTime: number }[]
    ).map((r) => [r.id, r]),
  );
  const rows: RankingRow[] = [];
  for (const c of members) {
    if (c.communityId === null) continue;
    const id = c.communityId;
    const lifeRate = life.find((l) => l.communityId === id);
    const project = projects.find((p) => p.communityId === id);
    const counter = closed.get(id);
    rows.push({
      communityId: id,
      communityName: c.communityName ?? '',
      members: c.full + c.probationary,
      lifeRate: lifeRate ? percent(lifeRate.done, lifeRate.due) : null,
      onTimeRate: counter ? percent(counter.onTime, counter.closed) : null,
      projectRate: project ? percent(project.done, project.total) : null,
    });
  }
  // The lowest organizational-life rate first: the ranking is read for who lags.
  return rows.sort((a, b) => (a.lifeRate ?? 101) - (b.lifeRate ?? 101) || a.communityName.localeCompare(b.communityName, 'zh-CN'));
}

/** The month after `month` (YYYY-MM); '' stays '' (no months: the range is empty). */
function nextMonth(month: string): string {
  if (!month) return '';
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
