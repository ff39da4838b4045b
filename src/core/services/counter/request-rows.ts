// Reading one-stop requests as the counter sees them: each with what today makes of it (overdue red, due
// within one working day yellow, waiting for documents), filtered lists, and a resident's whole history.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { RequestFlag, ServiceRequestEvent, ServiceRequestRow } from '../../../shared/api/contract-counter';
import { CLOSED_STATUSES } from '../../../shared/api/schemas-counter';
import { all, first, qb } from '../../db/query';
import type { ServiceRequest } from '../../db/schema-counter';
import { notFound } from './refusals';

/** Open and on the clock: not closed and not paused for documents. */
export const RUNNING = ['accepted', 'in_progress'] as const;

/** Today and the next working day: "due within one working day" means due on or before the latter. */
export interface Today {
  today: string;
  nextWorkday: string;
}

type JoinedRow = ServiceRequest & { community_name: string };

function flagOf(r: ServiceRequest, day: Today): RequestFlag {
  if (r.status === 'waiting_docs') return 'waiting';
  if (!(RUNNING as readonly string[]).includes(r.status)) return null;
  if (r.due_on < day.today) return 'overdue';
  return r.due_on <= day.nextWorkday ? 'dueSoon' : null;
}

export function toRequestRow(r: JoinedRow, day: Today): ServiceRequestRow {
  const closed = CLOSED_STATUSES.includes(r.status);
  return {
    id: r.id,
    number: r.number,
    communityId: r.community_id,
    communityName: r.community_name,
    matterId: r.matter_id,
    matterName: r.matter_name,
    listClass: r.list_class,
    limitDays: r.limit_days,
    residentName: r.resident_name,
    residentPhone: r.resident_phone,
    residentIdNumber: r.resident_id_number,
    residentAddress: r.resident_address,
    channel: r.channel,
    notes: r.notes,
    acceptedAt: r.accepted_at,
    acceptedOn: r.accepted_on,
    dueOn: r.due_on,
    status: r.status,
    closed,
    flag: flagOf(r, day),
    onTime: closed && r.closed_on ? r.closed_on <= r.due_on : null,
    pausedOn: r.paused_on,
    missingDocuments: r.missing_documents,
    pausedDays: r.paused_days,
    extendedDays: r.extended_days,
    extensionReason: r.extension_reason,
    assigneeKind: r.assignee_kind,
    assigneeName: r.assignee_name,
    assigneeMemberId: r.assignee_member_id,
    assigneeVolunteerId: r.assignee_volunteer_id,
    result: r.result,
    transferredTo: r.transferred_to,
    transferReason: r.transfer_reason,
    guidanceTo: r.guidance_to,
    completedAt: r.completed_at,
    closedOn: r.closed_on,
    satisfaction: r.satisfaction,
    satisfactionComment: r.satisfaction_comment,
    acceptedBy: r.accepted_by,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

const joined = () =>
  qb
    .selectFrom('service_requests as r')
    .innerJoin('communities as c', 'c.id', 'r.community_id')
    .selectAll('r')
    .select('c.name as community_name');

export function getRequest(db: Db, id: number): ServiceRequest {
  const r = first(db, qb.selectFrom('service_requests').selectAll().where('id', '=', id));
  if (!r) throw notFound('service_request', id);
  return r;
}

export function getRequestRow(db: Db, id: number, day: Today): ServiceRequestRow {
  const r = first(db, joined().where('r.id', '=', id));
  if (!r) throw notFound('service_request', id);
  return toRequestRow(r, day);
}

export function requestEvents(db: Db, id: number): ServiceRequestEvent[] {
  return all(db, qb.selectFrom('service_request_events').selectAll().where('request_id', '=', id).orderBy('id')).map((e) => ({
    id: e.id,
    kind: e.kind,
    at: e.at,
    onDate: e.on_date,
    detail: e.detail === null ? null : (JSON.parse(e.detail) as Record<string, unknown>),
    recordedBy: e.recorded_by,
  }));
}

export function listRequests(db: Db, input: ApiParsedInput<'requests.list'>, day: Today): { total: number; requests: ServiceRequestRow[] } {
  let q = joined();
  if (input.status !== undefined) q = q.where('r.status', '=', input.status);
  if (input.communityId !== undefined) q = q.where('r.community_id', '=', input.communityId);
  if (input.from !== undefined) q = q.where('r.accepted_on', '>=', input.from);
  if (input.to !== undefined) q = q.where('r.accepted_on', '<=', input.to);
  if (input.open !== undefined) q = input.open ? q.where('r.closed_on', 'is', null) : q.where('r.closed_on', 'is not', null);
  if (input.overdue !== undefined) {
    q = input.overdue
      ? q.where('r.status', 'in', RUNNING).where('r.due_on', '<', day.today)
      : q.where((eb) => eb.or([eb('r.status', 'not in', RUNNING), eb('r.due_on', '>=', day.today)]));
  }
  if (input.query) {
    const like = `%${input.query}%`;
    q = q.where((eb) =>
      eb.or([eb('r.number', 'like', like), eb('r.resident_name', 'like', like), eb('r.resident_phone', 'like', like), eb('r.resident_id_number', 'like', like)]),
    );
  }
  const total = first(db, q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const rows = all(db, q.orderBy('r.accepted_on', 'desc').orderBy('r.id', 'desc').limit(input.limit).offset(input.offset));
  return { total, requests: rows.map((r) => toRequestRow(r, day)) };
}

/** Every request of one resident, by phone or ID number ("information sharing"), newest first (of one community, if given). */
export function residentRequests(db: Db, phone: string | null, idNumber: string | null, day: Today, communityId?: number): ServiceRequestRow[] {
  let q = joined().where((eb) => {
    const keys = [];
    if (phone) keys.push(eb('r.resident_phone', '=', phone));
    if (idNumber) keys.push(eb('r.resident_id_number', '=', idNumber));
    return eb.or(keys);
  });
  if (communityId !== undefined) q = q.where('r.community_id', '=', communityId);
  return all(db, q.orderBy('r.accepted_at', 'desc').orderBy('r.id', 'desc').limit(500)).map((r) => toRequestRow(r, day));
}

/** The counter's board: accepted today, due within one working day, overdue, waiting, and everything on the clock. */
export function counterBoard(db: Db, communityId: number | undefined, day: Today) {
  let q = joined().where((eb) => eb.or([eb('r.closed_on', 'is', null), eb('r.accepted_on', '=', day.today)]));
  if (communityId !== undefined) q = q.where('r.community_id', '=', communityId);
  const rows = all(db, q.orderBy('r.due_on').orderBy('r.id')).map((r) => toRequestRow(r, day));
  return {
    ...day,
    acceptedToday: rows.filter((r) => r.acceptedOn === day.today).sort((a, b) => b.id - a.id),
    dueSoon: rows.filter((r) => r.flag === 'dueSoon'),
    overdue: rows.filter((r) => r.flag === 'overdue'),
    waiting: rows.filter((r) => r.flag === 'waiting'),
    inProgress: rows.filter((r) => (RUNNING as readonly string[]).includes(r.status)),
  };
}
