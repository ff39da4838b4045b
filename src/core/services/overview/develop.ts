// The development pipeline over a period: the steps taken in its months (applications, activists, candidates,
// admissions, 转正), counted by the step's own date as the monthly return's development table counts them,
// and, for a past period, where each person on the register stood on its last day (their latest stage step
// by then). The current period's state is the development board's own (develop.list), read by the handler.
import type { Db } from '../../db/connection';
import type { Overview } from '../../../shared/api/contract-overview';
import type { DevelopStage } from '../../../shared/develop/rules';
import { scopeOrgIdsSubquery, type Scope } from '../../scope';
import type { PeriodBounds } from './period';

/** The steps that move a person to a stage, in the stages' order (a later stage wins on the same day). */
const STAGE_OF_STEP: readonly [step: string, stage: DevelopStage][] = [
  ['applied', 'applicant'],
  ['activist', 'activist'],
  ['candidate', 'candidate'],
  ['admitted', 'probationary'],
  ['full', 'full'],
  ['disqualified', 'disqualified'],
];

const inScope = (scope: Scope | null) => (scope ? ` AND dp.org_id IN ${scopeOrgIdsSubquery('@community')}` : '');

export function developSteps(db: Db, scope: Scope | null, period: PeriodBounds): Overview['develop']['steps'] {
  const params = { from: period.months[0], to: period.asOf.slice(0, 7), ...(scope ? { community: scope.communityParam } : {}) };
  const row = db
    .prepare(
      `SELECT coalesce(sum(s.step = 'applied'), 0) AS applications, coalesce(sum(s.step = 'activist'), 0) AS activists,
         coalesce(sum(s.step = 'candidate'), 0) AS candidates, coalesce(sum(s.step = 'admitted'), 0) AS admissions,
         coalesce(sum(s.step = 'full'), 0) AS madeFull
       FROM develop_steps s JOIN develop_people dp ON dp.id = s.person_id
       WHERE s.step IN ('applied', 'activist', 'candidate', 'admitted', 'full') AND substr(s.on_date, 1, 7) BETWEEN @from AND @to${inScope(scope)}`,
    )
    .get(params) as Overview['develop']['steps'];
  return row;
}

/** Where the register's people stood on `day`: each by their latest stage step on or before it. */
export function pipelineAt(db: Db, scope: Scope | null, day: string): Map<DevelopStage, number> {
  const rank = `CASE s.step ${STAGE_OF_STEP.map(([step], i) => `WHEN '${step}' THEN ${i}`).join(' ')} END`;
  const stage = `CASE (SELECT s.step FROM develop_steps s WHERE s.person_id = dp.id AND s.step IN (${STAGE_OF_STEP.map(([step]) => `'${step}'`).join(', ')}) AND s.on_date <= @day
      ORDER BY s.on_date DESC, ${rank} DESC LIMIT 1) ${STAGE_OF_STEP.map(([step, st]) => `WHEN '${step}' THEN '${st}'`).join(' ')} END`;
  const rows = db
    .prepare(`SELECT stage, count(*) AS count FROM (SELECT ${stage} AS stage FROM develop_people dp WHERE 1${inScope(scope)}) WHERE stage IS NOT NULL GROUP BY stage`)
    .all({ day, ...(scope ? { community: scope.communityParam } : {}) }) as { stage: DevelopStage; count: number }[];
  return new Map(rows.map((r) => [r.stage, r.count]));
}
