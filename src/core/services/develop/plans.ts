// The yearly development plan per community (年度发展党员计划) and what was done against it: admissions are
// counted by the day of the branch meeting, the day the person joined.
import type { Db } from '../../db/connection';
import type { DevelopPlanRow } from '../../../shared/api/contract-develop';
import { AppError } from '../../../shared/result';
import type { Scope } from '../../scope';

const PLAN_ROWS = `SELECT ? AS year, c.id AS communityId, c.name AS communityName, coalesce(pl.planned, 0) AS planned,
    (SELECT count(*) FROM develop_steps s JOIN develop_people p ON p.id = s.person_id JOIN organizations o ON o.id = p.org_id
      WHERE s.step = 'admitted' AND substr(s.on_date, 1, 4) = ? AND o.community_id = c.id) AS admitted
  FROM communities c LEFT JOIN develop_plans pl ON pl.community_id = c.id AND pl.year = ?`;

export function listPlans(db: Db, year: number, scope: Scope | null): DevelopPlanRow[] {
  const rows = db.prepare(`${PLAN_ROWS} ORDER BY c.id`).all(year, String(year), year) as DevelopPlanRow[];
  return scope ? rows.filter((r) => scope.hasCommunity(r.communityId)) : rows;
}

export function savePlan(db: Db, input: { year: number; communityId: number; planned: number }, now: Date): { before: number | null; after: DevelopPlanRow } {
  const exists = db.prepare('SELECT 1 FROM communities WHERE id = ?').get(input.communityId);
  if (!exists) throw new AppError('VALIDATION', 'no such community', { issues: [{ field: 'communityId', problem: 'notFound', value: input.communityId }] });
  const before = db.prepare('SELECT planned FROM develop_plans WHERE year = ? AND community_id = ?').pluck().get(input.year, input.communityId) as number | undefined;
  db.prepare(
    `INSERT INTO develop_plans (year, community_id, planned, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (year, community_id) DO UPDATE SET planned = excluded.planned, updated_at = excluded.updated_at`,
  ).run(input.year, input.communityId, input.planned, now.toISOString());
  const after = db.prepare(`${PLAN_ROWS} WHERE c.id = ?`).get(input.year, String(input.year), input.year, input.communityId) as DevelopPlanRow;
  return { before: before ?? null, after };
}
