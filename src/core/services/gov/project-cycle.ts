// The projects' year cycle: set in spring (projects entered, then the plan approved — by the setting's day),
// worked mid-year (each project's progress reviewed, milestones and completion kept up), closed at year end
// (each project done or not done with a reason). After the close the year is read-only and its rate counts
// the closed results. Every change outside the phase it belongs to is refused naming the year's state.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { ProjectCycle, ProjectInfo } from '../../../shared/api/contract-gov';
import { all, qb, run } from '../../db/query';
import { assertVersion, notBefore, notFuture, refuse } from './common';
import { projectCycle, yearRow } from './project-year';
import { getProjectRow, projectInfo } from './projects';

export function approveYear(db: Db, input: ApiParsedInput<'projects.approveYear'>, now: Date, today: string): { before: ProjectCycle; after: ProjectCycle } {
  const before = projectCycle(db, input.year, today);
  if (before.phase !== 'setting') throw refuse('year', before.phase === 'closed' ? 'projectYearClosed' : 'projectYearApproved', input.year, { year: input.year, approvedOn: before.approvedOn ?? '', closedOn: before.closedOn ?? '' });
  if (before.total === 0) throw refuse('year', 'projectYearEmpty', input.year, { year: input.year });
  notFuture('on', input.on, today);
  const at = now.toISOString();
  run(db, qb.insertInto('gov_project_years').values({ year: input.year, approved_on: input.on, approved_by: input.by, closed_on: null, closed_by: null, created_at: at, updated_at: at }));
  return { before, after: projectCycle(db, input.year, today) };
}

export function reviewProject(db: Db, input: ApiParsedInput<'projects.review'>, now: Date, today: string): { before: ProjectInfo; after: ProjectInfo } {
  const stored = getProjectRow(db, input.id);
  assertVersion('project', stored.id, stored.version, input.version);
  const row = yearRow(db, stored.year);
  // The review belongs to the worked middle of the year: after the plan's approval, before the close.
  if (!row) throw refuse('on', 'projectReviewBeforeApproval', input.on, { year: stored.year });
  if (row.closed_on) throw refuse('id', 'projectYearClosed', undefined, { year: stored.year, closedOn: row.closed_on });
  notFuture('on', input.on, today);
  notBefore('on', input.on, row.approved_on, 'approvedOn');
  const before = projectInfo(db, stored.id, today);
  run(
    db,
    qb
      .updateTable('gov_projects')
      .set({ review_progress: input.progress, review_note: input.note, reviewed_on: input.on, version: stored.version + 1, updated_at: now.toISOString() })
      .where('id', '=', stored.id),
  );
  return { before, after: projectInfo(db, stored.id, today) };
}

/**
 * Closes the year: every project of the year has its result, "done" only for a project recorded done (with
 * its date), "not done" with a reason; nothing is written unless all of them pass.
 */
export function closeYear(db: Db, input: ApiParsedInput<'projects.closeYear'>, now: Date, today: string): { before: ProjectCycle; after: ProjectCycle } {
  const before = projectCycle(db, input.year, today);
  if (before.phase === 'setting') throw refuse('year', 'projectCloseBeforeApproval', input.year, { year: input.year });
  if (before.phase === 'closed') throw refuse('year', 'projectYearClosed', input.year, { year: input.year, closedOn: before.closedOn ?? '' });
  notFuture('on', input.on, today);
  notBefore('on', input.on, before.approvedOn, 'approvedOn');
  const projects = all(db, qb.selectFrom('gov_projects').select(['id', 'name', 'status']).where('year', '=', input.year).orderBy('id'));
  const given = new Map<number, number>();
  input.results.forEach((r, i) => {
    if (given.has(r.id)) throw refuse(`results.${i}.id`, 'projectCloseDuplicate', r.id, { id: r.id });
    given.set(r.id, i);
  });
  input.results.forEach((r, i) => {
    if (!projects.some((p) => p.id === r.id)) throw refuse(`results.${i}.id`, 'projectNotOfYear', r.id, { id: r.id, year: input.year });
  });
  for (const p of projects) {
    const i = given.get(p.id);
    if (i === undefined) throw refuse('results', 'projectCloseMissing', undefined, { name: p.name });
    const r = input.results[i]!;
    if (r.result === 'done' && p.status !== 'done') throw refuse(`results.${i}.result`, 'projectCloseNotDone', undefined, { name: p.name });
    if (r.result === 'not_done' && p.status === 'done') throw refuse(`results.${i}.result`, 'projectCloseIsDone', undefined, { name: p.name });
    if (r.result === 'not_done' && r.reason === '') throw refuse(`results.${i}.reason`, 'projectCloseNeedsReason', undefined, { name: p.name });
  }
  const at = now.toISOString();
  for (const r of input.results) {
    run(db, qb.updateTable('gov_projects').set((eb) => ({ close_result: r.result, close_reason: r.reason, version: eb('version', '+', 1), updated_at: at })).where('id', '=', r.id));
  }
  run(db, qb.updateTable('gov_project_years').set({ closed_on: input.on, closed_by: input.by, updated_at: at }).where('year', '=', input.year));
  return { before, after: projectCycle(db, input.year, today) };
}
