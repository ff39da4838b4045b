// The communities side by side on the key rates: members, organizational life, the counter's on-time rate
// and projects completed. Each rate is the one its page shows for that community.
import type { CallContext } from '../../context';
import type { ComplianceRate } from '../../../shared/api/contract-life';
import type { RateCount } from '../../../shared/api/contract-gov';
import type { CommunityMembers, RankingRow } from '../../../shared/api/contract-overview';
import { localIsoDate } from '../../../shared/validators';
import { counterStats } from '../counter/stats';

const percent = (done: number, total: number) => (total ? Math.round((done / total) * 1000) / 10 : null);

export function rankingRows(
  ctx: CallContext,
  members: readonly CommunityMembers[],
  life: readonly ComplianceRate[],
  projects: readonly (RateCount & { communityId: number | null })[],
  months: readonly string[],
): RankingRow[] {
  const today = localIsoDate(ctx.now());
  const rows: RankingRow[] = [];
  for (const c of members) {
    if (c.communityId === null) continue;
    const id = c.communityId;
    const lifeRate = life.find((l) => l.communityId === id);
    const project = projects.find((p) => p.communityId === id);
    let closed = 0;
    let onTime = 0;
    for (const m of months) {
      const s = counterStats(ctx.db, m, id, today);
      closed += s.closed;
      onTime += s.closedOnTime;
    }
    rows.push({
      communityId: id,
      communityName: c.communityName ?? '',
      members: c.full + c.probationary,
      lifeRate: lifeRate ? percent(lifeRate.done, lifeRate.due) : null,
      onTimeRate: percent(onTime, closed),
      projectRate: project ? percent(project.done, project.total) : null,
    });
  }
  // The lowest organizational-life rate first: the ranking is read for who lags.
  return rows.sort((a, b) => (a.lifeRate ?? 101) - (b.lifeRate ?? 101) || a.communityName.localeCompare(b.communityName, 'zh-CN'));
}
