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
  // counterStats' closed-in-the-month condition over the period's months, grouped by community in one pass
  // (one counterStats per community and month would be hundreds of scans for a year).
  const closed = new Map(
    (
      db
        .prepare(
          `SELECT community_id AS id, count(*) AS closed, coalesce(sum(closed_on <= due_on), 0) AS onTime
           FROM service_requests WHERE substr(closed_on, 1, 7) IN (SELECT value FROM json_each(?)) GROUP BY community_id`,
        )
        .all(JSON.stringify(months)) as { id: number; closed: number; onTime: number }[]
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
