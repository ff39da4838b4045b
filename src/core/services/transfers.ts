// Transfers of membership (组织关系转接, docs/domain.md §3): the introduction letter from issue to receipt, and what
// it does to the roll — `in` adds or brings back the member, `within` moves them, `out` retires them to history.
import type { Db } from '../db/connection';
import type { ApiParsedInput, TransferRow } from '../../shared/api/contract';
import type { TransferStatus } from '../../shared/api/schemas';
import { AppError, type FieldIssue } from '../../shared/result';
import { checkCitizenId, localIsoDate, normalizePersonName } from '../../shared/validators';
import { first, qb, run } from '../db/query';
import type { Member, Organization, Transfer } from '../db/schema';
import { createMember, leaveMember, type EventWriter } from './member-records';
import { formatLetterNumber, letterPrefix, nextLetterNumber, noteTypedLetterNumber, ownLetterTaken, parseLetterNumber } from './letter-numbers';
import { officialNames, subtreeIds } from './organizations';
import { scopeOrgIdsSubquery, type Scope } from '../scope';
import { paidTo } from './dues/payments';

type Params = Record<string, string | number>;

const issue = (field: string, problem: string, value?: unknown, params?: Params): FieldIssue => ({
  field,
  problem,
  ...(value !== undefined ? { value } : {}),
  ...(params ? { params } : {}),
});

function refused(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION', issues.map((i) => `${i.field}: ${i.problem}`).join('; '), { issues });
}

const refuse = (field: string, problem: string, value?: unknown, params?: Params) => refused([issue(field, problem, value, params)]);

// ——— reading: what a clerk sees is worked out from today, never only from the stored status ———

/** Still on someone's desk: issued, or received and the receipt not back. An incoming letter ends when received. */
const OPEN = `(status IN ('issued', 'expired') OR (status = 'received' AND direction <> 'in'))`;

/**
 * Transfers with what today makes of them. A letter is valid through issued_on + valid_days; an out
 * letter's receipt is due a month after receipt (after issue while not received), kept inside the next
 * month (01-31 → 02-28). `expired` may have been stored by a sweep: it reads as issued until then.
 */
const WITH_STATE = `
  WITH dated AS (
    SELECT t.*,
      date(t.issued_on, '+' || t.valid_days || ' days') AS valid_until,
      CASE WHEN t.direction = 'out' THEN min(
        date(coalesce(t.received_on, t.issued_on), '+1 month'),
        date(coalesce(t.received_on, t.issued_on), 'start of month', '+2 months', '-1 day')
      ) END AS receipt_due_on
    FROM transfers t
  ), flagged AS (
    SELECT d.*,
      (d.status IN ('issued', 'expired') AND d.valid_until < @today) AS expired,
      (d.direction = 'out' AND d.status IN ('issued', 'expired', 'received') AND d.receipt_due_on < @today) AS receipt_overdue,
      ${OPEN} AS open
    FROM dated d
  ), shown AS (
    SELECT f.*,
      CASE WHEN f.expired THEN 'expired' WHEN f.status = 'expired' THEN 'issued' ELSE f.status END AS shown_status,
      CASE WHEN f.status IN ('issued', 'expired') THEN CAST(julianday(f.valid_until) - julianday(@today) AS INTEGER) END AS days_left
    FROM flagged f
  )`;

type StateRow = Transfer & {
  valid_until: string;
  receipt_due_on: string | null;
  expired: 0 | 1;
  receipt_overdue: 0 | 1;
  open: 0 | 1;
  shown_status: TransferStatus;
  days_left: number | null;
};

function toRow(r: StateRow): TransferRow {
  return {
    id: r.id,
    direction: r.direction,
    letterNumber: r.letter_number,
    memberId: r.member_id,
    memberName: r.member_name,
    memberIdNumber: r.member_id_number,
    memberCategory: r.member_category,
    fromOrgId: r.from_org_id,
    fromOrgName: r.from_org_name,
    toOrgId: r.to_org_id,
    toOrgName: r.to_org_name,
    issuedOn: r.issued_on,
    validDays: r.valid_days,
    validUntil: r.valid_until,
    daysLeft: r.days_left,
    duesPaidTo: r.dues_paid_to,
    status: r.shown_status,
    expired: r.expired === 1,
    open: r.open === 1,
    receiptDueOn: r.receipt_due_on,
    receiptOverdue: r.receipt_overdue === 1,
    receivedOn: r.received_on,
    receiptReturnedOn: r.receipt_returned_on,
    cancelledOn: r.cancelled_on,
    cancelReason: r.cancel_reason,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * A letter concerns a community when either side is one of its organizations or the member is on its roll
 * (the member's organization, whatever their status now). Binds @scopeCommunity.
 */
const IN_SCOPE = `(from_org_id IN ${scopeOrgIdsSubquery('@scopeCommunity')} OR to_org_id IN ${scopeOrgIdsSubquery('@scopeCommunity')}
  OR member_id IN (SELECT id FROM members WHERE org_id IN ${scopeOrgIdsSubquery('@scopeCommunity')}))`;

/** Refuses a letter that does not concern the caller's community (`field` names it). */
export function assertTransferInScope(db: Db, t: Pick<Transfer, 'id' | 'letter_number'>, scope: Scope | null, field = 'id'): void {
  if (!scope) return;
  const hit = db.prepare(`SELECT 1 FROM transfers WHERE id = @id AND ${IN_SCOPE}`).get({ id: t.id, scopeCommunity: scope.communityParam });
  if (!hit) throw scope.refuse(field, 'transferOutsideScope', t.letter_number);
}

export function listTransfers(db: Db, input: ApiParsedInput<'transfers.list'>, now: Date, scope: Scope | null = null): { total: number; transfers: TransferRow[] } {
  const where: string[] = [];
  const params: Record<string, string | number> = { today: localIsoDate(now) };
  if (scope) {
    where.push(IN_SCOPE);
    params.scopeCommunity = scope.communityParam;
  }
  if (input.status !== undefined) {
    where.push('shown_status = @status');
    params.status = input.status;
  }
  if (input.direction !== undefined) {
    where.push('direction = @direction');
    params.direction = input.direction;
  }
  if (input.memberId !== undefined) {
    where.push('member_id = @memberId');
    params.memberId = input.memberId;
  }
  if (input.open !== undefined) where.push(input.open ? 'open' : 'NOT open');
  if (input.overdue !== undefined) where.push(input.overdue ? '(expired OR receipt_overdue)' : 'NOT (expired OR receipt_overdue)');
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`${WITH_STATE} SELECT count(*) AS n FROM shown ${filter}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`${WITH_STATE} SELECT * FROM shown ${filter} ORDER BY issued_on DESC, id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.limit, offset: input.offset }) as StateRow[];
  return { total, transfers: rows.map(toRow) };
}

export function getTransferRow(db: Db, id: number, now: Date): TransferRow {
  const row = db.prepare(`${WITH_STATE} SELECT * FROM shown WHERE id = @id`).get({ id, today: localIsoDate(now) }) as StateRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `transfer ${id} not found`, { entity: 'transfer', id });
  return toRow(row);
}

function getTransfer(db: Db, id: number): Transfer {
  const row = first(db, qb.selectFrom('transfers').selectAll().where('id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', `transfer ${id} not found`, { entity: 'transfer', id });
  return row;
}

/** The state of a letter for the audit entry. */
export function transferState(t: Transfer): Record<string, unknown> {
  return {
    letterNumber: t.letter_number,
    direction: t.direction,
    status: t.status,
    memberId: t.member_id,
    receivedOn: t.received_on,
    receiptReturnedOn: t.receipt_returned_on,
    cancelledOn: t.cancelled_on,
    cancelReason: t.cancel_reason,
  };
}

// ——— issuing (registering) a letter ———

/** Whom the letter is for: a member on the roll (out, within) or the person arriving (in). */
interface Holder {
  memberId: number | null;
  name: string;
  idNumber: string;
  category: 'full' | 'probationary';
  orgId: number | null;
  /** The input field that names them, for refusals about them. */
  field: 'memberId' | 'person.idNumber';
}

type CreateInput = ApiParsedInput<'transfers.create'>;

function activeMemberWithIdNumber(db: Db, idNumber: string): { name: string; org: string } | undefined {
  return db
    .prepare("SELECT m.name, o.name AS org FROM members m JOIN organizations o ON o.id = m.org_id WHERE m.id_number = ? AND m.status = 'active'")
    .get(idNumber) as { name: string; org: string } | undefined;
}

function letterHolder(db: Db, input: CreateInput, now: Date, problems: FieldIssue[]): Holder | null {
  if (input.direction === 'in') {
    if (input.memberId !== undefined) problems.push(issue('memberId', 'transferFieldNotForDirection', input.memberId));
    if (!input.person) {
      problems.push(issue('person', 'required'));
      return null;
    }
    const name = normalizePersonName(input.person.name);
    const id = checkCitizenId(input.person.idNumber, now);
    if (!name.ok) problems.push(issue('person.name', name.problem, input.person.name, name.params));
    if (!id.ok) problems.push(issue('person.idNumber', id.problem, input.person.idNumber, id.params));
    if (!name.ok || !id.ok) return null;
    const onRoll = activeMemberWithIdNumber(db, id.value);
    if (onRoll) problems.push(issue('person.idNumber', 'transferInAlreadyMember', id.value, onRoll));
    return { memberId: null, name: name.value, idNumber: id.value, category: input.person.category, orgId: null, field: 'person.idNumber' };
  }
  if (input.person !== undefined) problems.push(issue('person', 'transferFieldNotForDirection'));
  if (input.memberId === undefined) {
    problems.push(issue('memberId', 'required'));
    return null;
  }
  const m = first(db, qb.selectFrom('members').selectAll().where('id', '=', input.memberId));
  if (!m) {
    problems.push(issue('memberId', 'notFound', input.memberId));
    return null;
  }
  if (m.status === 'history') {
    problems.push(issue('memberId', 'memberAlreadyLeft', m.name, { leftOn: m.left_on ?? '' }));
    return null;
  }
  return { memberId: m.id, name: m.name, idNumber: m.id_number, category: m.category, orgId: m.org_id, field: 'memberId' };
}

interface Side {
  orgId: number | null;
  name: string;
}

function getOrg(db: Db, id: number): Organization | undefined {
  return first(db, qb.selectFrom('organizations').selectAll().where('id', '=', id));
}

/** A side that must be an open organization of the tree (`fallback`: the member's own, for the sending side). */
function treeSide(db: Db, side: 'from' | 'to', orgId: number | undefined, name: string | undefined, problems: FieldIssue[], fallback?: number | null): Side | null {
  if (name !== undefined) problems.push(issue(`${side}OrgName`, 'transferOrgInTree', name));
  const id = orgId ?? fallback ?? undefined;
  if (id === undefined) {
    if (name === undefined) problems.push(issue(`${side}OrgId`, 'required'));
    return null;
  }
  const org = getOrg(db, id);
  if (!org || org.closed_on) {
    problems.push(issue(`${side}OrgId`, org ? 'orgAlreadyClosed' : 'notFound', org ? org.name : id));
    return null;
  }
  // The letter names the organization in full (和平社区党委第1网格党支部): every community has a 第1网格党支部.
  return { orgId: org.id, name: officialNames(db)(org.id) };
}

/** A side outside the street: only its name. */
function outsideSide(side: 'from' | 'to', orgId: number | undefined, name: string | undefined, problems: FieldIssue[]): Side | null {
  if (orgId !== undefined) problems.push(issue(`${side}OrgId`, 'transferOrgOutside', orgId));
  if (name === undefined) {
    if (orgId === undefined) problems.push(issue(`${side}OrgName`, 'required'));
    return null;
  }
  return { orgId: null, name };
}

/** The letter of a member's transfer still under way (issued, expired or received elsewhere), if any. */
export function openLetterOfMember(db: Db, memberId: number): string | undefined {
  // The same condition as OPEN above, which the raw list query shares.
  const row = first(
    db,
    qb
      .selectFrom('transfers')
      .select('letter_number')
      .where('member_id', '=', memberId)
      .where((eb) => eb.or([eb('status', 'in', ['issued', 'expired']), eb.and([eb('status', '=', 'received'), eb('direction', '<>', 'in')])])),
  );
  return row?.letter_number;
}

function openLetterOf(db: Db, idNumber: string): string | undefined {
  const row = db.prepare(`SELECT letter_number FROM transfers WHERE member_id_number = ? AND ${OPEN}`).get(idNumber) as { letter_number: string } | undefined;
  return row?.letter_number;
}

/**
 * A user limited to one community issues letters for its own members (out, within — the receiving side of a
 * move within the street may be any organization of the street) and registers letters into its organizations:
 * the organizations and the member a new letter names, for the dispatcher's scope check (src/core/write-rules.ts).
 */
export function createTransferParties(input: CreateInput): { field: string; org?: number; member?: number }[] {
  if (input.direction === 'in') return input.toOrgId === undefined ? [] : [{ field: 'toOrgId', org: input.toOrgId }];
  return [
    ...(input.memberId === undefined ? [] : [{ field: 'memberId', member: input.memberId }]),
    ...(input.fromOrgId === undefined ? [] : [{ field: 'fromOrgId', org: input.fromOrgId }]),
  ];
}

/**
 * The letter's number: typed (checked against the register it belongs to — the street's own for out and
 * within, other streets' letters for in), or blank on the street's own letters for the next of the year.
 * A typed number in the street's form is written in it (〔〕 brackets, three digits).
 */
function letterNumberOf(db: Db, input: CreateInput, problems: FieldIssue[]): string | null {
  const year = Number(input.issuedOn.slice(0, 4));
  if (!input.letterNumber) {
    if (input.direction === 'in') {
      problems.push(issue('letterNumber', 'required'));
      return null;
    }
    return nextLetterNumber(db, year, false);
  }
  let typed = input.letterNumber;
  let clash: { member_name: string; issued_on: string } | undefined;
  if (input.direction === 'in') {
    clash = db.prepare("SELECT member_name, issued_on FROM transfers WHERE direction = 'in' AND letter_number = ?").get(typed) as typeof clash;
  } else {
    const parsed = parseLetterNumber(letterPrefix(db), typed);
    if (parsed) typed = formatLetterNumber(letterPrefix(db), parsed.year, parsed.n);
    clash = ownLetterTaken(db, typed);
  }
  if (clash) problems.push(issue('letterNumber', 'transferLetterTaken', input.letterNumber, { name: clash.member_name, issuedOn: clash.issued_on }));
  return typed;
}

/** A new letter. Its scope (createTransferParties) and the freeze of its day are checked by the dispatcher first. */
export function createTransfer(db: Db, input: CreateInput, now: Date): Transfer {
  const problems: FieldIssue[] = [];
  if (input.issuedOn > localIsoDate(now)) problems.push(issue('issuedOn', 'dateInFuture', input.issuedOn));
  const holder = letterHolder(db, input, now, problems);
  // The sending side of out and within defaults to the member's own organization.
  const from =
    input.direction === 'in'
      ? outsideSide('from', input.fromOrgId, input.fromOrgName, problems)
      : holder || input.fromOrgId !== undefined
        ? treeSide(db, 'from', input.fromOrgId, input.fromOrgName, problems, holder?.orgId)
        : null;
  const to = input.direction === 'out' ? outsideSide('to', input.toOrgId, input.toOrgName, problems) : treeSide(db, 'to', input.toOrgId, input.toOrgName, problems);
  if (from && to) {
    // Only within the street can both sides be one organization: an outside name is never one of ours.
    if (to.orgId !== null && (from.orgId === to.orgId || holder?.orgId === to.orgId)) problems.push(issue('toOrgId', 'transferSameOrg', to.name));
    else if (holder?.orgId != null && from.orgId !== null && !subtreeIds(db, from.orgId).includes(holder.orgId)) {
      problems.push(issue('fromOrgId', 'transferFromNotMembersOrg', from.name, { org: getOrg(db, holder.orgId)?.name ?? '' }));
    }
  }
  // 党费交至 is on every outgoing letter: the receiving organization collects from the month after it. It comes
  // from the dues ledger when the ledger has the member's payments; the typed month is the fallback without them.
  const ledgerPaidTo = input.direction === 'out' && holder?.memberId != null ? paidTo(db, holder.memberId) : null;
  if (input.direction === 'out' && !input.duesPaidTo && !ledgerPaidTo) problems.push(issue('duesPaidTo', 'transferDuesRequired'));
  const letterNumber = letterNumberOf(db, input, problems);
  const openLetter = holder ? openLetterOf(db, holder.idNumber) : undefined;
  if (holder && openLetter !== undefined) problems.push(issue(holder.field, 'transferAlreadyOpen', holder.name, { letter: openLetter }));
  if (problems.length || !holder || !from || !to || !letterNumber) throw refused(problems);
  // Given in this transaction: a refusal above leaves the year's counter where it was.
  if (!input.letterNumber) nextLetterNumber(db, Number(input.issuedOn.slice(0, 4)), true);
  else if (input.direction !== 'in') noteTypedLetterNumber(db, letterNumber);

  const at = now.toISOString();
  const { lastInsertRowid } = run(
    db,
    qb.insertInto('transfers').values({
      direction: input.direction,
      letter_number: letterNumber,
      member_id: holder.memberId,
      member_name: holder.name,
      member_id_number: holder.idNumber,
      member_category: holder.category,
      from_org_id: from.orgId,
      from_org_name: from.name,
      to_org_id: to.orgId,
      to_org_name: to.name,
      issued_on: input.issuedOn,
      valid_days: input.validDays,
      dues_paid_to: ledgerPaidTo ?? input.duesPaidTo ?? null,
      status: 'issued',
      received_on: null,
      receipt_returned_on: null,
      cancelled_on: null,
      cancel_reason: null,
      note: input.note || null,
      created_at: at,
      updated_at: at,
    }),
  );
  return getTransfer(db, lastInsertRowid);
}

// ——— the steps after issue ———

/** What a step did to the member's record, for the audit entry. */
export interface MemberChange {
  memberId: number;
  change: 'created' | 'reactivated' | 'moved' | 'left' | 'none';
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

const isIssued = (t: Transfer) => t.status === 'issued' || t.status === 'expired';

/** Refuses a step on a letter that is cancelled, or past the step the caller needs it at. */
function assertStillAt(t: Transfer, allowed: readonly TransferStatus[]): void {
  if (allowed.includes(t.status)) return;
  if (t.status === 'cancelled') throw refuse('id', 'transferCancelled', t.letter_number, { cancelledOn: t.cancelled_on ?? '' });
  if (t.status === 'receipt_returned') throw refuse('id', 'transferReceiptReturned', t.letter_number, { returnedOn: t.receipt_returned_on ?? '' });
  if (t.status === 'received') throw refuse('id', 'transferAlreadyReceived', t.letter_number, { receivedOn: t.received_on ?? '' });
  throw refuse('id', 'transferNotReceived', t.letter_number);
}

function assertDay(field: string, on: string, notBefore: string, problem: string, params: Params, now: Date): void {
  if (on > localIsoDate(now)) throw refuse(field, 'dateInFuture', on);
  if (on < notBefore) throw refuse(field, problem, on, params);
}

function memberOf(db: Db, t: Transfer): Member {
  const m = t.member_id === null ? undefined : first(db, qb.selectFrom('members').selectAll().where('id', '=', t.member_id));
  if (!m) throw new AppError('NOT_FOUND', `member ${t.member_id} not found`, { entity: 'member', id: t.member_id });
  return m;
}

function activeMember(db: Db, t: Transfer): Member {
  const m = memberOf(db, t);
  if (m.status === 'history') throw refuse('id', 'memberAlreadyLeft', m.name, { leftOn: m.left_on ?? '' });
  return m;
}

function receivingOrg(db: Db, t: Transfer): Organization {
  const org = t.to_org_id === null ? undefined : getOrg(db, t.to_org_id);
  if (!org || org.closed_on) throw refuse('toOrgId', 'orgAlreadyClosed', t.to_org_name);
  return org;
}

/** The member's grid if it lies in the receiving organization's community; a grid elsewhere no longer applies. */
function gridUnder(db: Db, gridId: number | null, org: Organization): number | null {
  if (gridId === null || org.community_id === null) return gridId;
  return first(db, qb.selectFrom('grids').select('community_id').where('id', '=', gridId))?.community_id === org.community_id ? gridId : null;
}

/** in: the person joins the receiving organization — a new record, or their record in history brought back. */
function takeIn(db: Db, t: Transfer, on: string, now: Date, events: EventWriter): MemberChange {
  const org = receivingOrg(db, t);
  const detail = { letter: t.letter_number, transferId: t.id, fromOrgName: t.from_org_name, toOrgId: org.id };
  const existing = first(db, qb.selectFrom('members').selectAll().where('id_number', '=', t.member_id_number));
  if (existing?.status === 'active') {
    const onRoll = activeMemberWithIdNumber(db, existing.id_number)!;
    throw refuse('id', 'transferInAlreadyMember', t.member_name, onRoll);
  }
  if (!existing) {
    const fields = { name: t.member_name, idNumber: t.member_id_number, category: t.member_category };
    const created = createMember(db, { orgId: org.id, fields }, now, events);
    events(created.id, 'transferred_in', on, detail);
    return { memberId: created.id, change: 'created', after: { status: created.status, orgId: created.org_id } };
  }
  // A member who once left (an earlier transfer out) comes back: the same record, never a second one.
  const fullDate = t.member_category === 'probationary' ? null : existing.full_date;
  run(
    db,
    qb
      .updateTable('members')
      .set({
        status: 'active',
        org_id: org.id,
        grid_id: gridUnder(db, existing.grid_id, org),
        category: t.member_category,
        full_date: fullDate,
        left_on: null,
        left_reason: null,
        left_note: null,
        version: existing.version + 1,
        updated_at: now.toISOString(),
      })
      .where('id', '=', existing.id),
  );
  events(existing.id, 'transferred_in', on, { ...detail, reactivated: true });
  if (existing.category !== t.member_category) {
    events(existing.id, 'category_changed', on, { from: existing.category, to: t.member_category, letter: t.letter_number });
  }
  return {
    memberId: existing.id,
    change: 'reactivated',
    before: { status: existing.status, orgId: existing.org_id, category: existing.category, fullDate: existing.full_date, leftOn: existing.left_on, leftReason: existing.left_reason },
    after: { status: 'active', orgId: org.id, category: t.member_category, fullDate },
  };
}

/** within: the member moves to the receiving organization. */
function moveWithin(db: Db, t: Transfer, on: string, now: Date, events: EventWriter): MemberChange {
  const m = activeMember(db, t);
  const org = receivingOrg(db, t);
  if (m.org_id === org.id) return { memberId: m.id, change: 'none' };
  const gridId = gridUnder(db, m.grid_id, org);
  run(db, qb.updateTable('members').set({ org_id: org.id, grid_id: gridId, version: m.version + 1, updated_at: now.toISOString() }).where('id', '=', m.id));
  events(m.id, 'moved', on, { fromOrgId: m.org_id, toOrgId: org.id, letter: t.letter_number, transferId: t.id });
  return { memberId: m.id, change: 'moved', before: { orgId: m.org_id, gridId: m.grid_id }, after: { orgId: org.id, gridId } };
}

type Step = { before: Transfer; after: Transfer; member: MemberChange | null };

// The steps of a letter: whose letter it is (assertTransferInScope) and the freeze of its days are checked by
// the dispatcher before they run (src/core/write-rules.ts).

export function receiveTransfer(db: Db, input: ApiParsedInput<'transfers.receive'>, now: Date, events: EventWriter): Step {
  const before = getTransfer(db, input.id);
  assertStillAt(before, ['issued', 'expired']);
  assertDay('on', input.on, before.issued_on, 'transferDateBeforeIssue', { issuedOn: before.issued_on }, now);
  let member: MemberChange;
  if (before.direction === 'in') member = takeIn(db, before, input.on, now, events);
  else if (before.direction === 'within') member = moveWithin(db, before, input.on, now, events);
  // out: the receiving side has the member; they stay on this roll until the receipt is back.
  else member = { memberId: memberOf(db, before).id, change: 'none' };
  run(
    db,
    qb
      .updateTable('transfers')
      .set({ status: 'received', received_on: input.on, member_id: member.memberId, updated_at: now.toISOString() })
      .where('id', '=', before.id),
  );
  return { before, after: getTransfer(db, before.id), member };
}

/**
 * The receipt (回执) is back. For `out` it is also the proof of receipt, so a letter still marked issued
 * can be closed in one step (`receivedOn` from the receipt); the member then leaves the roll for history.
 */
export function returnReceipt(db: Db, input: ApiParsedInput<'transfers.returnReceipt'>, now: Date, events: EventWriter): Step {
  const before = getTransfer(db, input.id);
  if (before.direction === 'in') throw refuse('id', 'transferNoReceipt', before.letter_number);
  assertStillAt(before, before.direction === 'out' ? ['issued', 'expired', 'received'] : ['received']);
  let receivedOn = before.received_on;
  if (isIssued(before)) {
    receivedOn = input.receivedOn ?? input.on;
    assertDay(input.receivedOn ? 'receivedOn' : 'on', receivedOn, before.issued_on, 'transferDateBeforeIssue', { issuedOn: before.issued_on }, now);
  } else if (input.receivedOn !== undefined && input.receivedOn !== receivedOn) {
    throw refuse('receivedOn', 'transferAlreadyReceived', input.receivedOn, { receivedOn: receivedOn ?? '' });
  }
  assertDay('on', input.on, receivedOn!, 'transferReceiptBeforeReceived', { receivedOn: receivedOn! }, now);
  let member: MemberChange | null = null;
  const m = before.direction === 'out' ? memberOf(db, before) : null;
  // A member already taken off the roll by hand (members.leave) keeps that record; the letter still closes.
  if (m && m.status === 'history') member = { memberId: m.id, change: 'none' };
  else if (m) {
    const left = leaveMember(db, { id: m.id, version: m.version, on: input.on, reason: 'transfer_out', note: before.to_org_name }, now, events);
    member = {
      memberId: m.id,
      change: 'left',
      before: { status: left.before.status },
      after: { status: left.after.status, leftOn: left.after.left_on, leftReason: left.after.left_reason, leftNote: left.after.left_note },
    };
  }
  run(
    db,
    qb
      .updateTable('transfers')
      .set({ status: 'receipt_returned', received_on: receivedOn, receipt_returned_on: input.on, updated_at: now.toISOString() })
      .where('id', '=', before.id),
  );
  return { before, after: getTransfer(db, before.id), member };
}

/** A letter not used (the member stays, the move was called off): only while it is still issued. */
export function cancelTransfer(db: Db, input: ApiParsedInput<'transfers.cancel'>, now: Date): { before: Transfer; after: Transfer } {
  const before = getTransfer(db, input.id);
  assertStillAt(before, ['issued', 'expired']);
  assertDay('on', input.on, before.issued_on, 'transferDateBeforeIssue', { issuedOn: before.issued_on }, now);
  run(
    db,
    qb
      .updateTable('transfers')
      .set({ status: 'cancelled', cancelled_on: input.on, cancel_reason: input.reason, updated_at: now.toISOString() })
      .where('id', '=', before.id),
  );
  return { before, after: getTransfer(db, before.id) };
}
