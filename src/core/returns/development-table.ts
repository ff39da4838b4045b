// The return's development table (发展党员): by community, the applications, activists, candidates, admissions
// and 转正 recorded in the month (by the step's own date), and the year's admissions so far against the plan.
// The district sums it like every table (src/core/exchange/district.ts consolidates by RETURN_TABLE_IDS).
import type { Db } from '../db/connection';
import { totalOf, type ReturnColumn, type ReturnTable } from '../../shared/returns/tables';
import type { PeriodBounds } from './period';
import { communityRows } from './tables';

export const DEVELOPMENT_COLUMNS: ReturnColumn[] = ['applications', 'activists', 'candidates', 'admissions', 'madeFull', 'yearAdmissions', 'planned'].map((key) => ({ key }));

export function developmentTable(db: Db, p: PeriodBounds): ReturnTable {
  const year = p.period.slice(0, 4);
  const figures = db
    .prepare(
      `SELECT c.division_code AS key, c.name AS name,
         sum(s.step = 'applied' AND substr(s.on_date, 1, 7) = @period) AS applications,
         sum(s.step = 'activist' AND substr(s.on_date, 1, 7) = @period) AS activists,
         sum(s.step = 'candidate' AND substr(s.on_date, 1, 7) = @period) AS candidates,
         sum(s.step = 'admitted' AND substr(s.on_date, 1, 7) = @period) AS admissions,
         sum(s.step = 'full' AND substr(s.on_date, 1, 7) = @period) AS madeFull,
         sum(s.step = 'admitted' AND substr(s.on_date, 1, 4) = @year AND s.on_date <= @end) AS yearAdmissions,
         coalesce((SELECT planned FROM develop_plans pl WHERE pl.community_id = c.id AND pl.year = CAST(@year AS INTEGER)), 0) AS planned
       FROM develop_steps s JOIN develop_people dp ON dp.id = s.person_id JOIN organizations o ON o.id = dp.org_id
       LEFT JOIN communities c ON c.id = o.community_id
       GROUP BY c.id`,
    )
    .all({ period: p.period, end: p.end, year }) as ({ key: string | null; name: string | null } & Record<string, number>)[];
  // A community with a plan and no one on the way yet still shows its plan.
  const plans = db
    .prepare('SELECT c.division_code AS key, c.name AS name, pl.planned AS planned FROM develop_plans pl JOIN communities c ON c.id = pl.community_id WHERE pl.year = ?')
    .all(Number(year)) as { key: string; name: string; planned: number }[];
  for (const plan of plans) if (!figures.some((f) => f.key === plan.key)) figures.push({ ...plan, applications: 0, activists: 0, candidates: 0, admissions: 0, madeFull: 0, yearAdmissions: 0 } as never);
  const rows = communityRows(db, DEVELOPMENT_COLUMNS, figures);
  return { id: 'development', columns: DEVELOPMENT_COLUMNS, rows, total: totalOf(DEVELOPMENT_COLUMNS, rows) };
}
