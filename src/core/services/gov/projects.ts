// Projects of the year (书记项目, 第一书记项目, 重点项目, 软弱涣散整顿): owner, organization, budget in fen,
// milestones with dates, status and evidence; the completion rate done ÷ total to one decimal for the street,
// each community and each type (rateText counts with integers), and milestones past their date.
import type { Db } from '../../db/connection';
import type { Selectable } from 'kysely';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { ProjectInfo, ProjectStats, RateCount } from '../../../shared/api/contract-gov';
import { PROJECT_TYPES, type ProjectType } from '../../../shared/api/schemas-gov';
import { rateText } from '../../../shared/gov-rules';
import { all, first, qb, run } from '../../db/query';
import type { GovProjectTable } from '../../db/schema-gov';
import { assertProjectWritable, projectCycle, projectPhase } from './project-year';
import { assertCommunityExists, assertVersion, communityNames, notBefore, notFound, notFuture, refuse } from './common';

type Row = Selectable<GovProjectTable>;

export function rateCount(done: number, total: number): RateCount {
  return { total, done, rate: rateText(done, total) };
}

function toInfo(db: Db, r: Row, names: Map<number, string>, today: string): ProjectInfo {
  const milestones = all(db, qb.selectFrom('gov_project_milestones').selectAll().where('project_id', '=', r.id).orderBy('position')).map((m) => ({
    title: m.title,
    dueOn: m.due_on,
    doneOn: m.done_on,
    overdue: m.done_on === null && m.due_on < today && r.status !== 'dropped' && r.close_result === null,
  }));
  const orgName = r.org_id === null ? null : ((db.prepare('SELECT name FROM organizations WHERE id = ?').pluck().get(r.org_id) as string | undefined) ?? null);
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_id === null ? null : (names.get(r.community_id) ?? null),
    orgId: r.org_id,
    orgName,
    type: r.type,
    year: r.year,
    name: r.name,
    owner: r.owner,
    budgetFen: r.budget_fen,
    status: r.status,
    completedOn: r.completed_on,
    evidence: r.evidence,
    milestones,
    overdueMilestones: milestones.filter((m) => m.overdue).length,
    reviewProgress: r.review_progress,
    reviewNote: r.review_note,
    reviewedOn: r.reviewed_on,
    closeResult: r.close_result,
    closeReason: r.close_reason,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function getProjectRow(db: Db, id: number): Row {
  const row = first(db, qb.selectFrom('gov_projects').selectAll().where('id', '=', id));
  if (!row) throw notFound('project', id);
  return row;
}

export function projectInfo(db: Db, id: number, today: string): ProjectInfo {
  return toInfo(db, getProjectRow(db, id), communityNames(db), today);
}

export function listProjects(db: Db, input: ApiParsedInput<'projects.list'>, community: number | null, today: string): ProjectInfo[] {
  let q = qb.selectFrom('gov_projects').selectAll().where('year', '=', input.year);
  if (input.type) q = q.where('type', '=', input.type);
  if (community !== null) q = q.where('community_id', '=', community);
  const names = communityNames(db);
  return all(db, q.orderBy('type').orderBy('id')).map((r) => toInfo(db, r, names, today));
}

export function saveProject(db: Db, input: ApiParsedInput<'projects.save'>, now: Date, today: string): { before: ProjectInfo | null; after: ProjectInfo } {
  const stored = input.id === undefined ? null : getProjectRow(db, input.id);
  if (stored) assertVersion('project', stored.id, stored.version, input.version);
  // The year's cycle: a closed year is read-only; an approved plan takes no new project (nor one moved in or out).
  const moved = stored !== null && stored.year !== input.year;
  if (stored) assertProjectWritable(db, stored.year, moved, 'year');
  assertProjectWritable(db, input.year, stored === null || moved, 'year');
  assertCommunityExists(db, 'communityId', input.communityId);
  if (input.orgId != null && !db.prepare('SELECT 1 FROM organizations WHERE id = ?').get(input.orgId)) throw refuse('orgId', 'notFound', input.orgId);
  const completedOn = input.completedOn ?? null;
  if (input.status === 'done' && completedOn === null) throw refuse('completedOn', 'required');
  if (input.status !== 'done' && completedOn !== null) throw refuse('completedOn', 'projectNotDone', completedOn);
  notFuture('completedOn', completedOn, today);
  input.milestones.forEach((m, i) => {
    notFuture(`milestones.${i}.doneOn`, m.doneOn, today);
    if (input.status === 'done' && !m.doneOn) throw refuse(`milestones.${i}.doneOn`, 'projectMilestoneOpen', undefined, { name: m.title });
    notBefore('completedOn', completedOn, m.doneOn, 'doneOn');
  });
  const at = now.toISOString();
  const values = {
    community_id: input.communityId,
    org_id: input.orgId ?? null,
    type: input.type,
    year: input.year,
    name: input.name,
    owner: input.owner,
    budget_fen: input.budgetFen,
    status: input.status,
    completed_on: completedOn,
    evidence: input.evidence,
    updated_at: at,
  };
  const before = stored ? projectInfo(db, stored.id, today) : null;
  let id: number;
  if (stored) {
    run(db, qb.updateTable('gov_projects').set({ ...values, version: stored.version + 1 }).where('id', '=', stored.id));
    run(db, qb.deleteFrom('gov_project_milestones').where('project_id', '=', stored.id));
    id = stored.id;
  } else {
    id = run(db, qb.insertInto('gov_projects').values({ ...values, created_at: at })).lastInsertRowid;
  }
  input.milestones.forEach((m, position) => {
    run(db, qb.insertInto('gov_project_milestones').values({ project_id: id, position, title: m.title, due_on: m.dueOn, done_on: m.doneOn ?? null }));
  });
  return { before, after: projectInfo(db, id, today) };
}

/** The year's completion: street, types (all four, in order), communities (the street's own projects as the street). */
export function projectStats(db: Db, year: number, type: ProjectType | undefined, community: number | null, today: string, streetName: string): ProjectStats {
  // A closed year counts the results recorded at its close (the year is read-only from then on).
  const closed = projectPhase(db, year) === 'closed';
  let q = qb
    .selectFrom('gov_projects')
    .select([
      'type',
      'community_id',
      (eb) => eb.fn.countAll<number>().as('total'),
      (eb) => eb.fn.sum<number>(closed ? eb.case().when('close_result', '=', 'done').then(1).else(0).end() : eb.case().when('status', '=', 'done').then(1).else(0).end()).as('done'),
    ])
    .where('year', '=', year)
    .groupBy(['type', 'community_id']);
  if (type) q = q.where('type', '=', type);
  if (community !== null) q = q.where('community_id', '=', community);
  const groups = all(db, q).map((g) => ({ type: g.type, communityId: g.community_id, total: Number(g.total), done: Number(g.done ?? 0) }));
  const sum = (rows: typeof groups) => rateCount(rows.reduce((n, r) => n + r.done, 0), rows.reduce((n, r) => n + r.total, 0));
  const names = communityNames(db);
  const communities = [...new Set(groups.map((g) => g.communityId))].sort((a, b) => (a ?? 0) - (b ?? 0));
  let overdue = qb
    .selectFrom('gov_project_milestones as m')
    .innerJoin('gov_projects as p', 'p.id', 'm.project_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.year', '=', year)
    .where('m.done_on', 'is', null)
    .where('m.due_on', '<', today)
    .where('p.status', '!=', 'dropped');
  if (type) overdue = overdue.where('p.type', '=', type);
  if (community !== null) overdue = overdue.where('p.community_id', '=', community);
  return {
    year,
    street: sum(groups),
    byType: PROJECT_TYPES.filter((t) => !type || t === type).map((t) => ({ type: t, ...sum(groups.filter((g) => g.type === t)) })),
    byCommunity: communities.map((c) => ({ communityId: c, communityName: c === null ? streetName : (names.get(c) ?? String(c)), ...sum(groups.filter((g) => g.communityId === c)) })),
    // A closed year has nothing left to be late.
    overdueMilestones: closed ? 0 : Number(first(db, overdue)?.n ?? 0),
    cycle: projectCycle(db, year, today),
  };
}
