// The state of a projects' year (set in spring, worked mid-year, closed at year end) and what projects.save
// may still do in it; projects.ts and the cycle's steps (project-cycle.ts) both read it.
import type { Db } from '../../db/connection';
import type { Selectable } from 'kysely';
import type { ProjectCycle, ProjectPhase } from '../../../shared/api/contract-gov';
import { first, qb } from '../../db/query';
import type { GovProjectYearTable } from '../../db/schema-gov';
import { refuse } from './common';
import { govSettings } from './settings';

type YearRow = Selectable<GovProjectYearTable>;

export function yearRow(db: Db, year: number): YearRow | undefined {
  return first(db, qb.selectFrom('gov_project_years').selectAll().where('year', '=', year));
}

/** No row: the plan is still being set; a row: approved; a close day on it: closed. */
const phaseOf = (row: YearRow | undefined): ProjectPhase => (!row ? 'setting' : row.closed_on ? 'closed' : 'working');

export function projectPhase(db: Db, year: number): ProjectPhase {
  return phaseOf(yearRow(db, year));
}

export function projectCycle(db: Db, year: number, today: string): ProjectCycle {
  const row = yearRow(db, year);
  const approveBy = `${year}-${govSettings(db).projectApproveBy}`;
  const counts = db.prepare('SELECT count(*) AS total, count(reviewed_on) AS reviewed FROM gov_projects WHERE year = ?').get(year) as { total: number; reviewed: number };
  const phase = phaseOf(row);
  return {
    year,
    phase,
    approveBy,
    approvalLate: phase === 'setting' && today > approveBy,
    approvedOn: row?.approved_on ?? null,
    approvedBy: row?.approved_by ?? null,
    closedOn: row?.closed_on ?? null,
    closedBy: row?.closed_by ?? null,
    reviewed: counts.reviewed,
    total: counts.total,
  };
}

/**
 * What projects.save may do in the year's phase: nothing once the year is closed; no new project (nor one
 * moved into or out of the year) once the plan is approved. `field` names the input that carries the year.
 */
export function assertProjectWritable(db: Db, year: number, isNew: boolean, field: string): void {
  const row = yearRow(db, year);
  if (row?.closed_on) throw refuse(field, 'projectYearClosed', year, { year, closedOn: row.closed_on });
  if (row && isNew) throw refuse(field, 'projectYearApproved', year, { year, approvedOn: row.approved_on });
}
