// The register of people on the way to membership: opening a record with the application, each later step
// checked by the rules engine before it is written, and the two steps that change the roll — admission puts
// the person on it as a probationary member (join date = the branch meeting), 转正 makes them full (full date =
// the end of the probation). Roles, scope and the month freeze are the dispatcher's; this file keeps the rules.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { DevelopBoard, DevelopPersonDetail, DevelopPersonRow } from '../../../shared/api/contract-develop';
import { checkPath, probationEnd, stageOf, type DevelopPath, type DevelopProblem, type DevelopStage, type DevelopStep, type RuleOptions } from '../../../shared/develop/rules';
import { stepDateField } from '../../../shared/i18n/messages-develop';
import { AppError, type FieldIssue } from '../../../shared/result';
import { checkCitizenId, localIsoDate } from '../../../shared/validators';
import type { Member } from '../../db/schema';
import type { DevelopPerson, DevelopStepRecord } from '../../db/schema-develop';
import { scopeOrgIdsSubquery, type Scope } from '../../scope';
import { createMember, eventWriter, updateMember } from '../member-records';
import { dueOn, pathOfPerson, PERSON_WITH_NAMES, personRow, personWithNames, stepsOf, toPath, toPersonRow, toStepRow, type PersonWithNames } from './path';

type CreateInput = ApiParsedInput<'develop.create'>;
type StepInput = ApiParsedInput<'develop.recordStep'>;

export function refuse(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION', 'the step breaks the development rules', { issues });
}

/** Problems as field issues: the step being entered is named by its input field, the others by their step. */
export function problemIssues(problems: readonly DevelopProblem[], path: DevelopPath, entered?: DevelopStep): FieldIssue[] {
  return problems.map((p) => {
    const field = p.code === 'trainingShort' ? (entered === 'training' ? 'hours' : 'trainingHours') : p.code === 'extensionMonths' ? (entered === 'extended' ? 'months' : 'extendedMonths') : p.step === entered ? 'on' : stepDateField(p.step);
    const value = p.params.date ?? (p.code === 'trainingShort' ? (path.training?.hours ?? path.training?.days) : p.code === 'extensionMonths' ? p.params.months : dateOf(path, p.step));
    return { field, problem: p.code, value, params: p.params };
  });
}

function dateOf(path: DevelopPath, step: DevelopStep): string | undefined {
  if (step === 'review') return path.reviews?.[path.reviews.length - 1];
  if (step === 'training') return path.training?.on;
  if (step === 'extended') return path.extended?.on;
  return path[step];
}

export function getPerson(db: Db, id: number): DevelopPerson {
  const p = db.prepare('SELECT * FROM develop_people WHERE id = ?').get(id) as DevelopPerson | undefined;
  if (!p) throw new AppError('NOT_FOUND', 'no such person in the development register', { entity: 'developPerson', id });
  return p;
}

/** The record opens with the application: the ID number gives birth and sex, the person must be 18 that day. */
export function createPerson(db: Db, input: CreateInput, now: Date, actor: string, opts: RuleOptions): DevelopPersonRow {
  const today = localIsoDate(now);
  const id = checkCitizenId(input.idNumber, now);
  if (!id.ok) throw refuse([{ field: 'idNumber', problem: id.problem, value: input.idNumber, params: id.params }]);
  const org = db.prepare('SELECT id, closed_on FROM organizations WHERE id = ?').get(input.orgId) as { id: number; closed_on: string | null } | undefined;
  if (!org || org.closed_on) throw refuse([{ field: 'orgId', problem: org ? 'orgParentClosed' : 'notFound', value: input.orgId }]);
  if (input.appliedOn > today) throw refuse([{ field: 'appliedOn', problem: 'developStepInFuture', value: input.appliedOn, params: { today } }]);
  const taken = db.prepare('SELECT name FROM develop_people WHERE id_number = ?').pluck().get(id.value) as string | undefined;
  if (taken !== undefined) throw refuse([{ field: 'idNumber', problem: 'developIdTaken', value: input.idNumber, params: { name: taken } }]);
  const member = db.prepare("SELECT name FROM members WHERE id_number = ? AND status = 'active'").pluck().get(id.value) as string | undefined;
  if (member !== undefined) throw refuse([{ field: 'idNumber', problem: 'developIdIsMember', value: input.idNumber, params: { name: member } }]);
  const path: DevelopPath = { birth: id.birthDate, applied: input.appliedOn };
  const check = checkPath(path, opts);
  if (!check.ok) throw refuse(problemIssues(check.problems, path).map((i) => ({ ...i, field: 'appliedOn' })));
  const at = now.toISOString();
  const personId = Number(
    db
      .prepare(
        `INSERT INTO develop_people (name, id_number, sex, birth_date, phone, org_id, stage, applied_on, last_step_on, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'applicant', ?, ?, ?, ?, ?)`,
      )
      .run(input.name, id.value, id.sex, id.birthDate, input.phone || null, input.orgId, input.appliedOn, input.appliedOn, input.note || null, at, at).lastInsertRowid,
  );
  insertStep(db, personId, { step: 'applied', on: input.appliedOn, note: input.note }, null, actor, at);
  return personRow(db, personId, opts);
}

function insertStep(db: Db, personId: number, s: Pick<StepInput, 'on' | 'orgName' | 'people' | 'documentNumber' | 'note'> & { step: DevelopStep }, detail: Record<string, unknown> | null, actor: string, at: string): void {
  db.prepare(
    `INSERT INTO develop_steps (person_id, step, on_date, org_name, people, document_number, note, detail, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(personId, s.step, s.on, s.orgName || null, s.people || null, s.documentNumber || null, s.note || null, detail && Object.keys(detail).length ? JSON.stringify(detail) : null, actor, at);
}

/** The step's own data: hours or days of training, an extension's months, the vote, the members named. */
function stepDetail(input: StepInput): Record<string, unknown> {
  const detail: Record<string, unknown> = {};
  for (const key of ['hours', 'days', 'months', 'attendance', 'votesFor', 'votesAgainst', 'memberIds'] as const) if (input[key] !== undefined) detail[key] = input[key];
  return detail;
}

/** Which stages a step is entered at: the path's side steps belong to their stage. */
const STEP_STAGES: Record<Exclude<DevelopStep, 'applied'>, readonly DevelopStage[]> = {
  talked: ['applicant'],
  activist: ['applicant'],
  review: ['activist'],
  candidate: ['activist'],
  politicalReview: ['candidate'],
  training: ['activist', 'candidate'],
  preReview: ['candidate'],
  notice: ['candidate'],
  admitted: ['candidate'],
  approved: ['probationary'],
  oath: ['probationary'],
  extended: ['probationary'],
  full: ['probationary'],
  disqualified: ['probationary'],
};

/** The steps a branch meeting decides by vote: admission and the two outcomes of the probation. */
export const VOTED_STEPS: ReadonlySet<DevelopStep> = new Set(['admitted', 'full', 'disqualified']);

/**
 * The vote as the minutes give it: for and against together no more than those present, and more than half
 * of those present for. Cancelling a probationary membership takes the whole vote on record; admission and
 * 转正 are checked on what was entered.
 */
export function checkVote(input: Pick<StepInput, 'attendance' | 'votesFor' | 'votesAgainst'> & { step: DevelopStep }): FieldIssue[] {
  if (!VOTED_STEPS.has(input.step)) return [];
  const { attendance, votesFor, votesAgainst } = input;
  if (input.step === 'disqualified') {
    const missing = (['attendance', 'votesFor', 'votesAgainst'] as const).filter((f) => input[f] === undefined);
    if (missing.length) return missing.map((field) => ({ field, problem: 'required' }));
  }
  if (attendance === undefined) return [];
  const votes = (votesFor ?? 0) + (votesAgainst ?? 0);
  if (votes > attendance) return [{ field: 'votesFor', problem: 'developVotesOverAttendance', value: votes, params: { votes, attendance } }];
  if (votesFor !== undefined && votesFor * 2 <= attendance) return [{ field: 'votesFor', problem: 'developVotesNoMajority', value: votesFor, params: { attendance, votesFor } }];
  return [];
}

/** The members named as contacts (activist) or introducers (candidate): full members on the roll. */
function checkNamedMembers(db: Db, input: StepInput): FieldIssue[] {
  const ids = input.memberIds ?? [];
  if (input.step === 'activist' && ids.length > 2) return [{ field: 'memberIds', problem: 'developTooManyContacts', value: ids.length }];
  const issues: FieldIssue[] = [];
  for (const memberId of ids) {
    const m = db.prepare('SELECT name, status, category FROM members WHERE id = ?').get(memberId) as { name: string; status: string; category: string } | undefined;
    if (!m || m.status !== 'active' || m.category !== 'full') issues.push({ field: 'memberIds', problem: 'developNotAMember', value: m?.name ?? memberId });
  }
  return issues;
}

export interface StepOutcome {
  before: DevelopPerson;
  after: DevelopPerson;
  /** The member the step created (admission), made full (转正) or took off the roll (资格取消). */
  member: { id: number; change: 'admitted' | 'full' | 'disqualified'; before?: Member } | null;
}

/**
 * One step of the path. Refused, with the rule it breaks named on its field, when it is out of order, too
 * early or too late, missing a prerequisite, or would make an earlier step break a rule (training after the
 * meeting). Nothing is written unless every check passes; the caller's transaction holds the whole step.
 */
export function recordStep(db: Db, input: StepInput, now: Date, actor: string, opts: RuleOptions, scope: Scope | null): StepOutcome {
  const before = getPerson(db, input.id);
  if (before.version !== input.version) throw new AppError('STALE_RECORD', 'the person was changed by someone else', { id: before.id, version: before.version });
  const steps = stepsOf(db, before.id);
  if (before.stage === 'full') throw refuse([{ field: 'step', problem: 'developPersonFull', value: input.step, params: { date: steps.find((s) => s.step === 'full')?.on_date ?? '' } }]);
  if (before.stage === 'disqualified') throw refuse([{ field: 'step', problem: 'developPersonDisqualified', value: input.step, params: { date: steps.find((s) => s.step === 'disqualified')?.on_date ?? '' } }]);
  const today = localIsoDate(now);
  if (input.on > today) throw refuse([{ field: 'on', problem: 'developStepInFuture', value: input.on, params: { today } }]);
  const recorded = steps.find((s) => s.step === input.step);
  if (recorded && input.step !== 'review') throw refuse([{ field: 'step', problem: 'stepRecorded', value: input.step, params: { date: recorded.on_date } }]);
  const fieldIssues: FieldIssue[] = [];
  if (input.step === 'training' && input.hours === undefined && input.days === undefined) fieldIssues.push({ field: 'hours', problem: 'required' });
  if (input.step === 'extended' && input.months === undefined) fieldIssues.push({ field: 'months', problem: 'required' });
  if (input.step === 'activist' && !(input.memberIds ?? []).length) fieldIssues.push({ field: 'memberIds', problem: 'required' });
  fieldIssues.push(...checkNamedMembers(db, input), ...checkVote(input));
  if (fieldIssues.length) throw refuse(fieldIssues);

  const pathBefore = pathOfPerson(db, before);
  const detail = stepDetail(input);
  const introducersAdded = input.step === 'candidate' ? (input.memberIds ?? []).length : 0;
  const pathAfter: DevelopPath = {
    ...pathOfPerson(db, before),
    introducers: (pathBefore.introducers ?? 0) + introducersAdded,
  };
  if (input.step === 'review') pathAfter.reviews = [...(pathBefore.reviews ?? []), input.on];
  else if (input.step === 'training') pathAfter.training = { on: input.on, hours: input.hours, days: input.days };
  else if (input.step === 'extended') pathAfter.extended = { on: input.on, months: input.months ?? 0 };
  else pathAfter[input.step] = input.on;

  // Out of order: the step belongs to a later (or earlier) stage than the person's.
  if (!STEP_STAGES[input.step].includes(before.stage)) {
    const prerequisite = checkPath(pathAfter, opts).problems.filter((p) => p.step === input.step && p.code.startsWith('needs'));
    if (prerequisite.length) throw refuse(problemIssues(prerequisite, pathAfter, input.step));
    throw refuse([{ field: 'step', problem: 'stepNotAllowed', value: input.step, params: { stage: before.stage } }]);
  }
  // The rules: every problem the step brings that the path did not have.
  const known = new Set(checkPath(pathBefore, opts).problems.map((p) => `${p.step}/${p.code}`));
  const fresh = checkPath(pathAfter, opts).problems.filter((p) => !known.has(`${p.step}/${p.code}`));
  if (fresh.length) throw refuse(problemIssues(fresh, pathAfter, input.step));

  const at = now.toISOString();
  insertStep(db, before.id, { ...input, step: input.step }, Object.keys(detail).length ? detail : null, actor, at);
  for (const memberId of input.memberIds ?? []) {
    db.prepare('INSERT OR IGNORE INTO develop_contacts (person_id, member_id, role) VALUES (?, ?, ?)').run(before.id, memberId, input.step === 'candidate' ? 'introducer' : 'contact');
  }
  const stage = stageOf(pathAfter) ?? before.stage;
  let member: StepOutcome['member'] = null;
  let memberId = before.member_id;
  if (input.step === 'admitted') {
    memberId = admitToRoll(db, before, input.on, now, actor, pathAfter);
    member = { id: memberId, change: 'admitted' };
  } else if (input.step === 'full' && memberId !== null) {
    makeFull(db, memberId, probationEnd(pathAfter)!, now, actor, scope);
    member = { id: memberId, change: 'full' };
  } else if (input.step === 'disqualified' && memberId !== null) {
    member = { id: memberId, change: 'disqualified', before: leaveRoll(db, memberId, input, now, actor) };
  }
  db.prepare('UPDATE develop_people SET stage = ?, member_id = ?, last_step_on = max(last_step_on, ?), version = version + 1, updated_at = ? WHERE id = ?').run(stage, memberId, input.on, at, before.id);
  return { before, after: getPerson(db, before.id), member };
}

/** The branch meeting admits the person: a probationary member of their branch from that day, no retyping. */
export function admitToRoll(db: Db, person: DevelopPerson, on: string, now: Date, actor: string, path: DevelopPath): number {
  const events = eventWriter(db, actor, now);
  const fields: Record<string, string> = { name: person.name, idNumber: person.id_number, category: 'probationary', joinDate: on };
  if (person.phone) fields.phone = person.phone;
  const member = createMember(db, { orgId: person.org_id, fields }, now, events);
  // The member's history shows the path that led to the roll.
  events(member.id, 'developPath', on, { personId: person.id, steps: pathSteps(path) });
  return member.id;
}

function pathSteps(path: DevelopPath): { step: string; on: string }[] {
  const out: { step: string; on: string }[] = [];
  for (const [step, value] of Object.entries(path)) {
    if (typeof value === 'string' && step !== 'birth') out.push({ step, on: value });
  }
  for (const on of path.reviews ?? []) out.push({ step: 'review', on });
  if (path.training?.on) out.push({ step: 'training', on: path.training.on });
  return out.sort((a, b) => a.on.localeCompare(b.on));
}

/** 转正: the member's category and full date (the end of the probation), through the roll's own update. */
export function makeFull(db: Db, memberId: number, fullDate: string, now: Date, actor: string, scope: Scope | null): void {
  const version = db.prepare('SELECT version FROM members WHERE id = ?').pluck().get(memberId) as number;
  updateMember(db, { id: memberId, version, fields: { category: 'full', fullDate } }, now, eventWriter(db, actor, now), scope);
}

/**
 * 取消预备党员资格: the probationary member leaves the roll on the decision's day. The roll keeps no reason of
 * its own for it (its reasons are the ways a member leaves the Party), so it is recorded as 'other' with the
 * decision's document in the note, and the member's history names the step that took them off.
 */
function leaveRoll(db: Db, memberId: number, input: StepInput, now: Date, actor: string): Member {
  const before = db.prepare('SELECT * FROM members WHERE id = ?').get(memberId) as Member;
  if (before.status !== 'active') return before;
  const note = [input.documentNumber, input.note].filter(Boolean).join(' ') || null;
  db.prepare("UPDATE members SET status = 'history', left_on = ?, left_reason = 'other', left_note = ?, version = version + 1, updated_at = ? WHERE id = ?").run(input.on, note, now.toISOString(), memberId);
  eventWriter(db, actor, now)(memberId, 'left', input.on, { reason: 'other', note, developStep: 'disqualified' });
  return before;
}

// ——— reading ———

export function personDetail(db: Db, id: number, opts: RuleOptions): DevelopPersonDetail {
  const p = personWithNames(db, id);
  if (!p) throw new AppError('NOT_FOUND', 'no such person in the development register', { entity: 'developPerson', id });
  const path = pathOfPerson(db, p);
  const check = checkPath(path, opts);
  const contacts = db
    .prepare('SELECT c.member_id AS memberId, m.name AS name, c.role AS role FROM develop_contacts c JOIN members m ON m.id = c.member_id WHERE c.person_id = ? ORDER BY c.role, c.id')
    .all(id) as DevelopPersonDetail['contacts'];
  return { person: toPersonRow(p, check), steps: stepsOf(db, id).map(toStepRow), contacts, noticeEnds: check.noticeEnds };
}

export function listBoard(db: Db, input: ApiParsedInput<'develop.list'>, scope: Scope | null, opts: RuleOptions): DevelopBoard {
  const where: string[] = [];
  const params: unknown[] = [];
  if (scope) {
    where.push(`p.org_id IN ${scopeOrgIdsSubquery()}`);
    params.push(scope.communityParam);
  }
  if (input.communityId !== undefined) {
    where.push('o.community_id = ?');
    params.push(input.communityId);
  }
  if (input.orgId !== undefined) {
    where.push('p.org_id = ?');
    params.push(input.orgId);
  }
  if (input.query) {
    where.push("(p.name LIKE ? ESCAPE '\\' OR p.id_number LIKE ? ESCAPE '\\')");
    const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like);
  }
  // Raw SQL: the people, then every step and introducer count in one pass each, grouped here — one query per
  // person made the board of 3,000 people 6.4× its floor (315 ms); read so it is 3.2× (143 ms, npm run bench -- develop).
  const rows = db.prepare(`${PERSON_WITH_NAMES}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.name, o.name, p.applied_on, p.id`).all(...params) as PersonWithNames[];
  const counts = new Map<string, DevelopBoard['counts'][number]>();
  const people: DevelopPersonRow[] = [];
  const stepsByPerson = new Map<number, DevelopStepRecord[]>();
  for (const st of db.prepare('SELECT * FROM develop_steps ORDER BY on_date, id').all() as DevelopStepRecord[]) {
    const list = stepsByPerson.get(st.person_id);
    if (list) list.push(st);
    else stepsByPerson.set(st.person_id, [st]);
  }
  const introducers = new Map(
    (
      db
        .prepare(
          `SELECT c.person_id AS id, count(*) AS n FROM develop_contacts c JOIN members m ON m.id = c.member_id
           WHERE c.role = 'introducer' AND m.status = 'active' AND m.category = 'full' GROUP BY c.person_id`,
        )
        .all() as { id: number; n: number }[]
    ).map((r) => [r.id, r.n]),
  );
  for (const p of rows) {
    const key = `${p.org_id}/${p.stage}`;
    const c = counts.get(key) ?? { communityId: p.community_id, communityName: p.community_name, orgId: p.org_id, orgName: p.org_name, stage: p.stage, count: 0 };
    c.count++;
    counts.set(key, c);
    if (input.stage !== undefined && p.stage !== input.stage) continue;
    const row = toPersonRow(p, checkPath(toPath(p.birth_date, { steps: stepsByPerson.get(p.id) ?? [], introducers: introducers.get(p.id) ?? 0 }), opts));
    if (input.dueBefore !== undefined && !row.due.some((d) => (dueOn(d) ?? '9999') <= input.dueBefore!)) continue;
    people.push(row);
  }
  return { people, counts: [...counts.values()] };
}
