// One-stop requests (一站式受理) from acceptance to closing: the number per community and year, the due date
// in working days (the clock starts the day after acceptance), pauses for missing documents that push the
// due date, extensions with a reason, and the three ways a request closes. Every step leaves an event.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import { CLOSED_STATUSES, type RequestStatus } from '../../../shared/api/schemas-counter';
import type { FieldIssue } from '../../../shared/result';
import { checkCitizenId, localIsoDate, normalizePersonName, normalizePhone } from '../../../shared/validators';
import { first, qb, run } from '../../db/query';
import type { ServiceRequest, ServiceRequestTable } from '../../db/schema-counter';
import type { Updateable } from 'kysely';
import { getRequest } from './request-rows';
import { assertVersion, issue, refuse, refused } from './refusals';
import type { WorkdayCalendar } from './workdays';
import type { Scope } from '../../scope';

export interface StepContext {
  db: Db;
  now: Date;
  actor: string;
  calendar: WorkdayCalendar;
  /**
   * A user limited to one community accepts for it by default. Whose a request is, and that it is never
   * accepted for another community, the dispatcher checked before the step (src/core/write-rules.ts).
   */
  scope?: Scope | null;
}


export type Step = { before: ServiceRequest; after: ServiceRequest };

/** "幸福社区" → "幸福": the community's short name that request numbers start with. */
export function communityShortName(name: string): string {
  const short = name.replace(/(社区居民委员会|居民委员会|社区居委会|居委会|社区)$/, '');
  return short === '' ? name : short;
}

function writeEvent(ctx: StepContext, requestId: number, kind: string, detail: Record<string, unknown> | null): void {
  run(
    ctx.db,
    qb.insertInto('service_request_events').values({
      request_id: requestId,
      kind,
      at: ctx.now.toISOString(),
      on_date: localIsoDate(ctx.now),
      detail: detail === null ? null : JSON.stringify(detail),
      recorded_by: ctx.actor,
    }),
  );
}

/** The request's state for the audit entry. */
export function requestState(r: ServiceRequest): Record<string, unknown> {
  return {
    number: r.number,
    status: r.status,
    dueOn: r.due_on,
    pausedOn: r.paused_on,
    pausedDays: r.paused_days,
    extendedDays: r.extended_days,
    assignee: r.assignee_name,
    closedOn: r.closed_on,
    satisfaction: r.satisfaction,
  };
}

// ——— acceptance ———

function pickCommunity(db: Db, communityId: number | undefined, problems: FieldIssue[], scope: Scope | null): { id: number; name: string } | null {
  // A user limited to one community accepts for it: by default, and never for another.
  if (scope) communityId = scope.community(communityId);
  if (communityId === undefined) {
    const open = db.prepare('SELECT id, name FROM communities WHERE closed_on IS NULL ORDER BY id LIMIT 2').all() as { id: number; name: string }[];
    if (open.length === 1) return open[0];
    problems.push(issue('communityId', 'required'));
    return null;
  }
  const c = first(db, qb.selectFrom('communities').select(['id', 'name', 'closed_on']).where('id', '=', communityId));
  if (!c || c.closed_on) {
    problems.push(issue('communityId', 'notFound', communityId));
    return null;
  }
  return c;
}

function nextSeq(db: Db, communityId: number, year: number): number {
  const row = first(
    db,
    qb
      .selectFrom('service_requests')
      .select((eb) => eb.fn.max('seq').as('max'))
      .where('community_id', '=', communityId)
      .where('year', '=', year),
  );
  return (row?.max ?? 0) + 1;
}

export function acceptRequest(ctx: StepContext, input: ApiParsedInput<'requests.accept'>): ServiceRequest {
  const { db, now } = ctx;
  const problems: FieldIssue[] = [];
  const today = localIsoDate(now);
  const community = pickCommunity(db, input.communityId, problems, ctx.scope ?? null);
  const matter = input.matterId === undefined ? undefined : first(db, qb.selectFrom('service_matters').selectAll().where('id', '=', input.matterId));
  if (input.matterId === undefined) problems.push(issue('matterId', 'required'));
  else if (!matter) problems.push(issue('matterId', 'notFound', input.matterId));
  else if (matter.active === 0) problems.push(issue('matterId', 'matterRetired', matter.name));
  const name = normalizePersonName(input.residentName);
  if (!name.ok) problems.push(issue('residentName', name.problem, input.residentName, name.params));
  const phone = input.residentPhone.trim() === '' ? null : normalizePhone(input.residentPhone);
  if (phone && !phone.ok) problems.push(issue('residentPhone', phone.problem, input.residentPhone));
  if (!phone && input.residentAddress === '') problems.push(issue('residentPhone', 'requestNeedsContact'));
  const idNumber = input.residentIdNumber.trim() === '' ? null : checkCitizenId(input.residentIdNumber, now);
  if (idNumber && !idNumber.ok) problems.push(issue('residentIdNumber', idNumber.problem, input.residentIdNumber, idNumber.params));
  const acceptedOn = input.acceptedOn ?? today;
  if (acceptedOn > today) problems.push(issue('acceptedOn', 'dateInFuture', acceptedOn));
  if (problems.length || !community || !matter || !name.ok || (phone && !phone.ok) || (idNumber && !idNumber.ok)) throw refused(problems);

  const year = Number(acceptedOn.slice(0, 4));
  const seq = nextSeq(db, community.id, year);
  const at = now.toISOString();
  const { lastInsertRowid } = run(
    db,
    qb.insertInto('service_requests').values({
      number: `${communityShortName(community.name)}-${year}-${String(seq).padStart(4, '0')}`,
      community_id: community.id,
      year,
      seq,
      matter_id: matter.id,
      matter_name: matter.name,
      list_class: matter.list_class,
      limit_days: matter.limit_days,
      resident_name: name.value,
      resident_phone: phone?.ok ? phone.value : null,
      resident_id_number: idNumber?.ok ? idNumber.value : null,
      resident_address: input.residentAddress || null,
      channel: input.channel,
      notes: input.notes || null,
      accepted_at: at,
      accepted_on: acceptedOn,
      due_on: ctx.calendar.addWorkdays(acceptedOn, matter.limit_days),
      status: 'accepted',
      status_before_pause: null,
      paused_on: null,
      missing_documents: null,
      extension_reason: null,
      assignee_kind: null,
      assignee_name: null,
      assignee_member_id: null,
      assignee_volunteer_id: null,
      result: null,
      transferred_to: null,
      transfer_reason: null,
      guidance_to: null,
      completed_at: null,
      closed_on: null,
      satisfaction: null,
      satisfaction_comment: null,
      accepted_by: ctx.actor,
      created_at: at,
      updated_at: at,
    }),
  );
  const created = getRequest(db, lastInsertRowid);
  writeEvent(ctx, created.id, 'accepted', { matter: matter.name, listClass: matter.list_class, limitDays: matter.limit_days, dueOn: created.due_on, acceptedOn });
  return created;
}

// ——— the steps after acceptance ———

const CLOSED_PROBLEM: Record<string, string> = {
  done: 'requestAlreadyDone',
  transferred: 'requestAlreadyTransferred',
  returned_guidance: 'requestAlreadyReturned',
};

/** Refuses a step the request's status does not allow, saying what state it is in. */
function assertStatus(r: ServiceRequest, allowed: readonly RequestStatus[]): void {
  if (allowed.includes(r.status)) return;
  if (CLOSED_STATUSES.includes(r.status)) throw refuse('id', CLOSED_PROBLEM[r.status], r.number, { closedOn: r.closed_on ?? '' });
  if (r.status === 'waiting_docs') throw refuse('id', 'requestPaused', r.number, { pausedOn: r.paused_on ?? '' });
  throw refuse('id', 'requestNotPaused', r.number);
}

function load(ctx: StepContext, input: { id: number; version?: number }, allowed: readonly RequestStatus[]): ServiceRequest {
  const r = getRequest(ctx.db, input.id);
  assertVersion('service_request', r.id, r.version, input.version);
  assertStatus(r, allowed);
  return r;
}

function update(ctx: StepContext, before: ServiceRequest, set: Updateable<ServiceRequestTable>, event: string, detail: Record<string, unknown> | null): Step {
  run(ctx.db, qb.updateTable('service_requests').set({ ...set, version: before.version + 1, updated_at: ctx.now.toISOString() }).where('id', '=', before.id));
  writeEvent(ctx, before.id, event, detail);
  return { before, after: getRequest(ctx.db, before.id) };
}

const OPEN: readonly RequestStatus[] = ['accepted', 'in_progress', 'waiting_docs'];
const RUNNING: readonly RequestStatus[] = ['accepted', 'in_progress'];

/** Who handles it: a staff member by name, a Party member of the roll, or a volunteer. */
function assignee(ctx: StepContext, input: ApiParsedInput<'requests.start'>): { name: string; memberId: number | null; volunteerId: number | null } {
  if (input.assigneeKind === 'member') {
    if (input.memberId === undefined) throw refuse('memberId', 'required');
    const m = first(ctx.db, qb.selectFrom('members').select(['id', 'name', 'status']).where('id', '=', input.memberId));
    if (!m || m.status !== 'active') throw refuse('memberId', 'notFound', input.memberId);
    return { name: m.name, memberId: m.id, volunteerId: null };
  }
  if (input.assigneeKind === 'volunteer') {
    if (input.volunteerId === undefined) throw refuse('volunteerId', 'required');
    const v = first(ctx.db, qb.selectFrom('volunteers').select(['id', 'name', 'active']).where('id', '=', input.volunteerId));
    if (!v || v.active === 0) throw refuse('volunteerId', 'notFound', input.volunteerId);
    return { name: v.name, memberId: null, volunteerId: v.id };
  }
  const name = input.assigneeName?.trim() || ctx.actor;
  return { name, memberId: null, volunteerId: null };
}

export function startRequest(ctx: StepContext, input: ApiParsedInput<'requests.start'>): Step {
  const before = load(ctx, input, RUNNING);
  const who = assignee(ctx, input);
  return update(
    ctx,
    before,
    { status: 'in_progress', assignee_kind: input.assigneeKind, assignee_name: who.name, assignee_member_id: who.memberId, assignee_volunteer_id: who.volunteerId },
    'started',
    { assigneeKind: input.assigneeKind, assignee: who.name },
  );
}

/** Closing today (the dispatcher refused it first while today's month has a finalized return). */
function closing(ctx: StepContext): Updateable<ServiceRequestTable> {
  return { closed_on: localIsoDate(ctx.now), completed_at: ctx.now.toISOString(), paused_on: null, status_before_pause: null };
}

export function completeRequest(ctx: StepContext, input: ApiParsedInput<'requests.complete'>): Step {
  const before = load(ctx, input, RUNNING);
  const rating = input.satisfaction === undefined ? {} : { satisfaction: input.satisfaction, satisfaction_comment: input.satisfactionComment || null };
  return update(ctx, before, { ...closing(ctx), status: 'done', result: input.result, ...rating }, 'completed', {
    result: input.result,
    satisfaction: input.satisfaction ?? null,
    onTime: localIsoDate(ctx.now) <= before.due_on,
  });
}

export function rateRequest(ctx: StepContext, input: ApiParsedInput<'requests.rate'>): Step {
  const before = getRequest(ctx.db, input.id);
  assertVersion('service_request', before.id, before.version, input.version);
  if (before.status !== 'done') throw refuse('id', 'requestNotDone', before.number);
  if (before.satisfaction !== null) throw refuse('satisfaction', 'requestAlreadyRated', before.satisfaction);
  // The rating counts in the month the request closed: the dispatcher refused it once that month was finalized.
  return update(ctx, before, { satisfaction: input.satisfaction, satisfaction_comment: input.satisfactionComment || null }, 'rated', {
    satisfaction: input.satisfaction,
    comment: input.satisfactionComment ?? null,
  });
}

export function transferRequest(ctx: StepContext, input: ApiParsedInput<'requests.transfer'>): Step {
  const before = load(ctx, input, OPEN);
  return update(ctx, before, { ...closing(ctx), status: 'transferred', transferred_to: input.transferredTo, transfer_reason: input.reason }, 'transferred', {
    to: input.transferredTo,
    reason: input.reason,
  });
}

export function returnToGuidance(ctx: StepContext, input: ApiParsedInput<'requests.returnToGuidance'>): Step {
  const before = load(ctx, input, OPEN);
  return update(ctx, before, { ...closing(ctx), status: 'returned_guidance', guidance_to: input.guidanceTo, result: input.note || null }, 'returned_guidance', {
    to: input.guidanceTo,
    note: input.note ?? null,
  });
}

/** 补正: the clock stops until the documents come. */
export function pauseRequest(ctx: StepContext, input: ApiParsedInput<'requests.pause'>): Step {
  const before = getRequest(ctx.db, input.id);
  assertVersion('service_request', before.id, before.version, input.version);
  if (before.status === 'waiting_docs') throw refuse('id', 'requestAlreadyPaused', before.number, { pausedOn: before.paused_on ?? '' });
  assertStatus(before, RUNNING);
  const today = localIsoDate(ctx.now);
  return update(
    ctx,
    before,
    { status: 'waiting_docs', status_before_pause: before.status as 'accepted' | 'in_progress', paused_on: today, missing_documents: input.missingDocuments },
    'paused',
    { missingDocuments: input.missingDocuments },
  );
}

/** The documents are in: the due date moves by the working days the clock stood still (after the pause day, through today). */
export function resumeRequest(ctx: StepContext, input: ApiParsedInput<'requests.resume'>): Step {
  const before = load(ctx, input, ['waiting_docs']);
  const today = localIsoDate(ctx.now);
  const paused = ctx.calendar.workdaysBetween(before.paused_on!, today);
  const dueOn = ctx.calendar.addWorkdays(before.due_on, paused);
  return update(
    ctx,
    before,
    { status: before.status_before_pause ?? 'accepted', status_before_pause: null, paused_on: null, paused_days: before.paused_days + paused, due_on: dueOn },
    'resumed',
    { pausedOn: before.paused_on, pausedWorkdays: paused, dueBefore: before.due_on, dueOn },
  );
}

export function extendRequest(ctx: StepContext, input: ApiParsedInput<'requests.extend'>): Step {
  const before = load(ctx, input, OPEN);
  const dueOn = ctx.calendar.addWorkdays(before.due_on, input.days);
  const reason = before.extension_reason ? `${before.extension_reason}；${input.reason}` : input.reason;
  return update(ctx, before, { due_on: dueOn, extended_days: before.extended_days + input.days, extension_reason: reason }, 'extended', {
    days: input.days,
    reason: input.reason,
    dueBefore: before.due_on,
    dueOn,
  });
}

/**
 * After the working-day table changes (next year's holidays entered in November), every open request's due
 * date is counted again from its acceptance: the promised limit plus the working days paused and extended.
 * Closed requests keep the date they were judged by. Each changed one gets an event; answers how many.
 */
export function recountDueDates(ctx: StepContext, changedDay: string): number {
  const open = ctx.db
    .prepare(`SELECT * FROM service_requests WHERE status NOT IN (${CLOSED_STATUSES.map(() => '?').join(', ')}) AND due_on >= ?`)
    .all(...CLOSED_STATUSES, changedDay) as ServiceRequest[];
  const set = ctx.db.prepare('UPDATE service_requests SET due_on = ?, updated_at = ?, version = version + 1 WHERE id = ?');
  let changed = 0;
  for (const r of open) {
    const dueOn = ctx.calendar.addWorkdays(r.accepted_on, r.limit_days + r.paused_days + r.extended_days);
    if (dueOn === r.due_on) continue;
    set.run(dueOn, ctx.now.toISOString(), r.id);
    writeEvent(ctx, r.id, 'recounted', { day: changedDay, dueBefore: r.due_on, dueOn });
    changed++;
  }
  return changed;
}
