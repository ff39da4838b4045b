// The freeze and the scope of every write, in one table the dispatcher (app.ts `call`) enforces before the
// handler runs. The contract declares them per method (src/shared/api/contract-rules.ts): a 'dated' write or a
// 'record' scope needs a function here that reads the input and the database as they are; the table's type
// (`WriteRules`) makes a missing or surplus entry a type error, so a new write method cannot forget them.
// Rules only read: the dispatcher checks that the database did not change while they ran.
import { totalChanges, type Db } from './db/connection';
import { contract, type ApiParsedInput, type Method, type WriteMethod } from '../shared/api/contract';
import type { WholeStreetDecl } from '../shared/api/contract-rules';
import type { AttachmentOwner } from '../shared/api/contract-attachments';
import { localIsoDate } from '../shared/validators/loose-date';
import { memberDateChanges, refuseFrozenDates, type DatedField } from './returns/freeze';
import { requireWholeStreet, type Scope } from './scope';
import { newMemberDates, updatedMemberDates } from './services/member-records';
import { assertTransferInScope, createTransferParties } from './services/transfers';
import { closedFrom, duesMonths, memberOrg } from './services/dues/close';
import { paymentPeriods } from './services/dues/payments';
import { memberIdByIdNumber } from './services/dues/pay-many';
import { developCorrectionDates, developStepDates, developPersonOrg } from './services/develop/rules-view';

/** What a rule may look at: the database (read only), and the call's clock. */
export interface RuleView {
  readonly db: Db;
  readonly now: Date;
  /** `now` as the street's calendar day (YYYY-MM-DD). */
  readonly today: string;
}

/**
 * Whose a record is: an organization (and so its community's subtree), a member (their organization), a
 * community (a request's, a grid's — `problem` and `value` name the record in the refusal), a transfer
 * (either side or the member in the community), or street-level work refused outright. A target whose record
 * does not exist is skipped: the handler answers NOT_FOUND in its own words.
 */
export type ScopeTarget =
  | { field: string; org: number | null | undefined }
  | { field: string; member: number | null | undefined }
  | { field: string; community: number | null; problem?: string; value?: unknown }
  | { field: string; transfer: number }
  | { field: string; refuse: string; value?: unknown };

type Spec<M extends Method> = (typeof contract)[M];
type FreezeFn<M extends Method> = (input: ApiParsedInput<M>, view: RuleView) => DatedField[];
type ScopeFn<M extends Method> = (input: ApiParsedInput<M>, view: RuleView) => ScopeTarget[];

/** A write's rule: functions where the contract says 'dated' / 'record', the declaration's word otherwise. */
export interface WriteRule<M extends WriteMethod = WriteMethod> {
  freeze: Spec<M> extends { freeze: 'dated' } ? FreezeFn<M> : 'none';
  scope: Spec<M> extends { scope: 'record' } ? ScopeFn<M> : 'street';
}
export type WriteRules = { [M in WriteMethod]: WriteRule<M> };

/** Reads of one record whose spec says scope: 'record'. */
export type ScopedRead = { [M in Method]: Spec<M> extends { write: false; scope: 'record' } ? M : never }[Method];
export type ReadScopeRules = { [M in ScopedRead]: ScopeFn<M> };

/** Neither rule needs the database: the contract's declaration (none, street, wholeStreet) says it all. */
const NONE = { freeze: 'none', scope: 'street' } as const;

/** The community of a grid, when the grid exists. */
function gridCommunity(db: Db, gridId: number | null | undefined, field: string): ScopeTarget[] {
  if (gridId == null) return [];
  const community = db.prepare('SELECT community_id FROM grids WHERE id = ?').pluck().get(gridId) as number | undefined;
  return community === undefined ? [] : [{ field, community }];
}

/** A service request's community, named by its number in a refusal. */
function requestCommunity(db: Db, id: number, field = 'id'): ScopeTarget[] {
  const r = db.prepare('SELECT community_id, number FROM service_requests WHERE id = ?').get(id) as { community_id: number; number: string } | undefined;
  return r ? [{ field, community: r.community_id, problem: 'requestOutsideScope', value: r.number }] : [];
}

const requestRecord = { scope: (input: { id: number }, { db }: RuleView) => requestCommunity(db, input.id) };

/** Closing a request today: the month it closes in counts it. */
const closingToday = {
  freeze: (_input: unknown, { today }: RuleView): DatedField[] => [{ field: 'closedOn', date: today }],
  ...requestRecord,
};

/** A commitment's member, as it is stored. */
function commitmentMember(db: Db, id: number | undefined): number | undefined {
  return id === undefined ? undefined : (db.prepare('SELECT member_id FROM member_commitments WHERE id = ?').pluck().get(id) as number | undefined);
}

/** A meeting's organization, as it is stored. */
function meetingOrg(db: Db, id: number): number | undefined {
  return db.prepare('SELECT org_id FROM meetings WHERE id = ?').pluck().get(id) as number | undefined;
}

/** The day a stored meeting counts in (a planned one counts nowhere yet). */
function storedMeetingDate(db: Db, id: number | undefined): DatedField[] {
  if (id === undefined) return [];
  const held = db.prepare("SELECT held_on FROM meetings WHERE id = ? AND status = 'held'").pluck().get(id) as string | undefined;
  return held === undefined ? [] : [{ field: 'heldOn', date: held }];
}

/** A governance record's community: null is the street's own record, which a user limited to a community never changes. */
function govCommunity(field: string, community: number | null | undefined): ScopeTarget[] {
  if (community === undefined) return [];
  return community === null ? [{ field, refuse: 'govStreetLevel' }] : [{ field, community }];
}

/** The community of a stored governance record (undefined when there is no such record: NOT_FOUND is the handler's). */
function storedCommunity(db: Db, table: 'gov_disclosures' | 'gov_decisions' | 'gov_projects' | 'gov_audits', id: number | undefined): number | null | undefined {
  if (id === undefined) return undefined;
  const row = db.prepare(`SELECT community_id FROM ${table} WHERE id = ?`).get(id) as { community_id: number | null } | undefined;
  return row?.community_id;
}

/** Whose an attachment's owner record is: a meeting's organization, a fund entry's or a disclosure's community. */
function attachmentOwner(db: Db, field: string, owner: AttachmentOwner, ownerId: number): ScopeTarget[] {
  if (owner === 'meeting') return [{ field, org: meetingOrg(db, ownerId) }];
  if (owner === 'disclosure') return govCommunity(field, storedCommunity(db, 'gov_disclosures', ownerId));
  const community = db.prepare('SELECT community_id FROM fund_entries WHERE id = ?').pluck().get(ownerId) as number | undefined;
  return community === undefined ? [] : [{ field, community }];
}

/** A stored attachment's owner record, as a scope target (none when there is no such attachment). */
function storedAttachment(db: Db, id: number): ScopeTarget[] {
  const row = db.prepare('SELECT owner, owner_id FROM attachments WHERE id = ?').get(id) as { owner: AttachmentOwner; owner_id: number } | undefined;
  return row ? attachmentOwner(db, 'id', row.owner, row.owner_id) : [];
}

/** A stored date and the one the input sets, when they differ: moving a date out of a month changes it as much as moving one in. */
function movedDate(field: string, stored: string | null | undefined, given: string | null | undefined): DatedField[] {
  const after = given ?? null;
  if (stored === undefined) return after ? [{ field, date: after }] : [];
  return stored === after ? [] : [stored, after].filter((d): d is string => d !== null).map((date) => ({ field, date }));
}

export const WRITE_RULES: WriteRules = {
  'setup.initialize': NONE,
  'auth.login': NONE,
  'auth.unlock': NONE,
  'auth.changePassword': NONE,
  'account.setLanguage': NONE,
  'street.update': NONE,
  'settings.update': NONE,
  'users.create': NONE,
  'users.update': NONE,
  'users.resetPassword': NONE,
  'users.unlock': NONE,
  'demo.seed': NONE,
  'backup.create': NONE,
  'backup.restore': NONE,
  'layouts.save': NONE,
  'codes.mapValues': NONE,
  'codes.removeSynonym': NONE,
  'members.importCommit': NONE,

  'orgs.create': {
    freeze: 'none',
    scope: (input, { db }) => [
      { field: 'parentId', org: input.parentId },
      ...(input.communityId != null ? [{ field: 'communityId', community: input.communityId }] : []),
      ...gridCommunity(db, input.gridId, 'gridId'),
    ],
  },
  'orgs.update': {
    freeze: 'none',
    scope: (input, { db }) => [
      { field: 'id', org: input.id },
      // Taking an organization out of the community (or into another) would take it out of the user's reach.
      ...(input.communityId !== undefined ? [{ field: 'communityId', community: input.communityId }] : []),
      ...gridCommunity(db, input.gridId, 'gridId'),
    ],
  },
  'orgs.move': {
    freeze: 'none',
    scope: (input) => [
      { field: 'id', org: input.id },
      { field: 'parentId', org: input.parentId },
    ],
  },
  'orgs.close': { freeze: 'none', scope: (input) => [{ field: 'id', org: input.id }] },
  'orgs.saveOfficer': { freeze: 'none', scope: (input) => [{ field: 'orgId', org: input.orgId }] },
  'orgs.endOfficerTerm': {
    freeze: 'none',
    scope: (input, { db }) => [{ field: 'id', org: db.prepare('SELECT org_id FROM org_officers WHERE id = ?').pluck().get(input.id) as number | undefined }],
  },
  'communities.save': {
    freeze: 'none',
    // A user limited to one community edits only its own record, never its code, and adds none.
    scope: (input, { db }) => {
      if (input.id === undefined) return [{ field: 'divisionCode', refuse: 'communityCreateStreetWide', value: input.divisionCode }];
      const code = db.prepare('SELECT division_code FROM communities WHERE id = ?').pluck().get(input.id) as string | undefined;
      if (code === undefined) return [];
      return [{ field: 'id', community: input.id }, ...(code !== input.divisionCode ? [{ field: 'divisionCode', refuse: 'scopeCodeFixed', value: input.divisionCode }] : [])];
    },
  },
  'grids.save': {
    freeze: 'none',
    scope: (input, { db }) => [{ field: 'communityId', community: input.communityId }, ...(input.id !== undefined ? gridCommunity(db, input.id, 'id') : [])],
  },

  'members.create': {
    freeze: (input, { db, now }) => {
      const dates = newMemberDates(db, input, now);
      return dates ? memberDateChanges(null, dates) : [];
    },
    scope: (input) => [{ field: 'orgId', org: input.orgId }],
  },
  'members.update': {
    // The dates the change moves, old and new: the member's own join, full, lost-contact dates.
    freeze: (input, { db, now }) => {
      const change = updatedMemberDates(db, input, now);
      return change ? memberDateChanges(change.before, change.after) : [];
    },
    scope: (input) => [{ field: 'id', member: input.id }],
  },
  'members.leave': {
    freeze: (input) => [{ field: 'on', date: input.on }],
    scope: (input) => [{ field: 'id', member: input.id }],
  },
  // 停止党籍 / 恢复党籍 counts in the month of the decision.
  'members.setStanding': {
    freeze: (input) => [{ field: 'on', date: input.on }],
    scope: (input) => [{ field: 'id', member: input.id }],
  },

  'transfers.create': {
    freeze: (input) => [{ field: 'issuedOn', date: input.issuedOn }],
    scope: (input) => createTransferParties(input).map((p) => (p.org !== undefined ? { field: p.field, org: p.org } : { field: p.field, member: p.member })),
  },
  'transfers.receive': { freeze: (input) => [{ field: 'on', date: input.on }], scope: (input) => [{ field: 'id', transfer: input.id }] },
  'transfers.returnReceipt': {
    // One step for an `out` letter still issued: the day it was received falls in its month too.
    freeze: (input) => [
      { field: 'on', date: input.on },
      { field: 'receivedOn', date: input.receivedOn },
    ],
    scope: (input) => [{ field: 'id', transfer: input.id }],
  },
  'transfers.cancel': { freeze: (input) => [{ field: 'on', date: input.on }], scope: (input) => [{ field: 'id', transfer: input.id }] },

  'matters.create': NONE,
  'matters.update': NONE,
  'matters.retire': NONE,
  'requests.accept': {
    // A request taken down late must not land in a month whose return is finalized.
    freeze: (input, { today }) => [{ field: 'acceptedOn', date: input.acceptedOn ?? today }],
    // Accepted for the user's community: by default (the service's), never for another.
    scope: (input) => (input.communityId === undefined ? [] : [{ field: 'communityId', community: input.communityId }]),
  },
  'requests.start': {
    freeze: 'none',
    scope: (input, { db }) => [...requestCommunity(db, input.id), ...(input.assigneeKind === 'member' && input.memberId !== undefined ? [{ field: 'memberId', member: input.memberId }] : [])],
  },
  'requests.complete': closingToday,
  'requests.transfer': closingToday,
  'requests.returnToGuidance': closingToday,
  'requests.rate': {
    // The rating counts in the month the request closed.
    freeze: (input, { db }) => [{ field: 'closedOn', date: db.prepare('SELECT closed_on FROM service_requests WHERE id = ?').pluck().get(input.id) as string | null | undefined }],
    ...requestRecord,
  },
  'requests.pause': { freeze: 'none', ...requestRecord },
  'requests.resume': { freeze: 'none', ...requestRecord },
  'requests.extend': { freeze: 'none', ...requestRecord },
  'workdays.overrides.save': NONE,
  'workdays.overrides.delete': NONE,
  'teams.save': NONE,
  'volunteers.save': {
    freeze: 'none',
    // A resident volunteer is the street's; a Party member volunteer (as saved, and as it was) is their community's.
    scope: (input, { db }) => {
      const before = input.id === undefined ? undefined : (db.prepare('SELECT member_id FROM volunteers WHERE id = ?').pluck().get(input.id) as number | null | undefined);
      return [before, input.memberId].filter((m): m is number => m != null).map((member) => ({ field: 'memberId', member }));
    },
  },
  'serviceRecords.create': { freeze: (input) => [{ field: 'servedOn', date: input.servedOn }], scope: 'street' },
  'serviceRecords.delete': {
    // The hours count in their month's return: a finalized one keeps them until it is reopened.
    freeze: (input, { db }) => [{ field: 'servedOn', date: db.prepare('SELECT served_on FROM service_records WHERE id = ?').pluck().get(input.id) as string | undefined }],
    scope: 'street',
  },
  'merchants.save': NONE,

  'print.record': NONE,
  'station.save': NONE,
  'commitments.save': {
    freeze: 'none',
    // The member it is for, and the one it was for when an existing commitment is changed.
    scope: (input, { db }) => [
      { field: 'id', member: commitmentMember(db, input.id) },
      { field: 'memberId', member: input.memberId },
    ],
  },
  'commitments.delete': { freeze: 'none', scope: (input, { db }) => [{ field: 'id', member: commitmentMember(db, input.id) }] },

  'setup.initializeDistrict': NONE,
  'exchange.exportKey': NONE,
  'exchange.trustKey': NONE,
  'exchange.saveSettings': NONE,
  'server.saveSettings': NONE,
  'returns.saveNote': NONE,
  'returns.check': NONE,
  'returns.finalize': NONE,
  'returns.reopen': NONE,
  'returns.build': NONE,
  'returns.sendToFolder': NONE,
  'returns.upload': NONE,
  'district.issueToken': NONE,
  'district.import': NONE,
  'district.importFolder': NONE,
  'district.receiveUpload': NONE,
  'setup.initializeCity': NONE,
  'districtReturn.build': NONE,
  'districtReturn.sendToFolder': NONE,
  'districtReturn.upload': NONE,
  'city.issueToken': NONE,
  'city.receiveUpload': NONE,
  'city.import': NONE,
  'city.importFolder': NONE,

  'life.save': {
    // A held meeting counts in its month; moving one out of a finalized month changes it as much as moving one in.
    freeze: (input, { db }) => [...(input.status === 'held' ? [{ field: 'heldOn', date: input.heldOn }] : []), ...storedMeetingDate(db, input.id)],
    scope: (input, { db }) => [
      { field: 'orgId', org: input.orgId },
      ...input.jointOrgIds.map((org) => ({ field: 'jointOrgIds', org })),
      ...(input.id === undefined ? [] : [{ field: 'id', org: meetingOrg(db, input.id) }]),
    ],
  },
  'life.delete': {
    freeze: (input, { db }) => storedMeetingDate(db, input.id),
    scope: (input, { db }) => [{ field: 'id', org: meetingOrg(db, input.id) }],
  },
  'life.saveRules': NONE,
  'appraisal.save': { freeze: 'none', scope: (input) => [{ field: 'orgId', org: input.orgId }] },

  // Party dues and funds (issue 15): a month the branch has closed is frozen like a finalized return.
  'dues.saveBase': {
    // The new amount applies from its month until the next base: any closed month in between is refused.
    freeze: (input, { db }) => {
      const org = memberOrg(db, input.memberId);
      const next = db.prepare('SELECT min(effective_month) FROM dues_bases WHERE member_id = ? AND effective_month > ?').pluck().get(input.memberId, input.effectiveMonth) as string | null;
      const closed = closedFrom(db, org, input.effectiveMonth, next);
      return duesMonths(db, 'effectiveMonth', org, closed ? [closed] : [input.effectiveMonth]);
    },
    scope: (input) => [{ field: 'memberId', member: input.memberId }],
  },
  'dues.generate': {
    freeze: (input, { db }) => duesMonths(db, 'period', input.orgId, [input.period]),
    scope: (input) => (input.orgId === undefined ? [] : [{ field: 'orgId', org: input.orgId }]),
  },
  'dues.pay': {
    freeze: (input, { db, today }) => [...duesMonths(db, 'periods', memberOrg(db, input.memberId), input.periods), { field: 'paidOn', date: input.paidOn ?? today }],
    scope: (input) => [{ field: 'memberId', member: input.memberId }],
  },
  'dues.payMany': {
    // Every row's months and day, each named by its place in the sheet; a row whose ID number names no member
    // is left to the handler, which names the row.
    freeze: (input, { db, today }) =>
      input.payments.flatMap((row, i) => {
        const memberId = memberIdByIdNumber(db, row.idNumber);
        if (memberId === undefined) return [];
        return [...duesMonths(db, `payments.${i}.periods`, memberOrg(db, memberId), row.periods), { field: `payments.${i}.paidOn`, date: row.paidOn ?? today }];
      }),
    scope: (input, { db }) => input.payments.map((row, i) => ({ field: `payments.${i}.idNumber`, member: memberIdByIdNumber(db, row.idNumber) })),
  },
  'dues.reverse': {
    // The counter-entry changes the months the payment paid, and counts on the day it is made.
    freeze: (input, { db, today }) => {
      const paid = paymentPeriods(db, input.paymentId);
      return paid ? [...duesMonths(db, 'paymentId', memberOrg(db, paid.memberId), paid.periods), { field: 'on', date: input.on ?? today }] : [];
    },
    scope: (input, { db }) => [{ field: 'paymentId', member: paymentPeriods(db, input.paymentId)?.memberId }],
  },
  'dues.payVoluntary': {
    freeze: (input, { db, today }) => duesMonths(db, 'paidOn', memberOrg(db, input.memberId), [input.paidOn ?? today]),
    scope: (input) => [{ field: 'memberId', member: input.memberId }],
  },
  'dues.close': {
    freeze: 'none',
    // The street's closing (the second step) is the street committee's; a branch closes its own month.
    scope: (input) => [{ field: 'orgId', org: input.orgId }, ...(input.level === 'street' ? [{ field: 'level', refuse: 'duesCloseIsStreets', value: input.period }] : [])],
  },
  'dues.saveSettings': NONE,
  'funds.saveStandard': NONE,
  'funds.saveEntry': { freeze: (input) => [{ field: 'onDate', date: input.onDate }], scope: (input) => [{ field: 'communityId', community: input.communityId }] },

  'develop.create': { freeze: (input) => [{ field: 'appliedOn', date: input.appliedOn }], scope: (input) => [{ field: 'orgId', org: input.orgId }] },
  'develop.recordStep': {
    // The step's day, and the roll's dates it sets: admission joins on the meeting's day, 转正 is full from the probation's end.
    freeze: (input, { db }) => developStepDates(db, input),
    scope: (input, { db }) => [{ field: 'id', org: developPersonOrg(db, input.id) }, ...(input.memberIds ?? []).map((member) => ({ field: 'memberIds', member }))],
  },
  'develop.correctStep': {
    // A correction moves the step out of its day as much as into the new one; the roll's dates move with it.
    freeze: (input, { db }) => developCorrectionDates(db, input),
    scope: (input, { db }) => [{ field: 'id', org: developPersonOrg(db, input.id) }],
  },
  'develop.savePlan': { freeze: 'none', scope: (input) => [{ field: 'communityId', community: input.communityId }] },
  'develop.saveSettings': NONE,
  'develop.importCommit': NONE,

  'gov.saveSettings': NONE,
  'disclosure.save': {
    freeze: 'none',
    scope: (input, { db }) => [
      ...govCommunity('communityId', input.communityId),
      ...govCommunity('id', storedCommunity(db, 'gov_disclosures', input.id)),
      ...govCommunity('correctsId', storedCommunity(db, 'gov_disclosures', input.correctsId)),
    ],
  },
  // The return counts an item in the month it is published; review and approval are the office's own steps.
  'attachments.add': { freeze: 'none', scope: (input, { db }) => attachmentOwner(db, 'ownerId', input.owner, input.ownerId) },
  'attachments.remove': { freeze: 'none', scope: (input, { db }) => storedAttachment(db, input.id) },
  'disclosure.advance': {
    freeze: (input) => (input.step === 'publish' ? [{ field: 'on', date: input.on }] : []),
    scope: (input, { db }) => govCommunity('id', storedCommunity(db, 'gov_disclosures', input.id)),
  },
  'disclosure.comment': { freeze: 'none', scope: (input, { db }) => govCommunity('disclosureId', storedCommunity(db, 'gov_disclosures', input.disclosureId)) },
  'decisions.save': {
    freeze: 'none',
    scope: (input, { db }) => [...govCommunity('communityId', input.communityId), ...govCommunity('id', storedCommunity(db, 'gov_decisions', input.id))],
  },
  'decisions.step': {
    freeze: (input) => [{ field: 'heldOn', date: input.heldOn }],
    scope: (input, { db }) => govCommunity('decisionId', storedCommunity(db, 'gov_decisions', input.decisionId)),
  },
  'projects.save': {
    // A completion counts in its month: setting, moving or undoing it touches the months before and after.
    freeze: (input, { db }) => {
      const stored = input.id === undefined ? undefined : (db.prepare('SELECT completed_on FROM gov_projects WHERE id = ?').pluck().get(input.id) as string | null | undefined);
      return movedDate('completedOn', stored, input.completedOn);
    },
    scope: (input, { db }) => [...govCommunity('communityId', input.communityId), ...govCommunity('id', storedCommunity(db, 'gov_projects', input.id))],
  },
  'projects.approveYear': NONE,
  'projects.closeYear': NONE,
  'projects.review': { freeze: 'none', scope: (input, { db }) => govCommunity('id', storedCommunity(db, 'gov_projects', input.id)) },
  'terms.save': { freeze: 'none', scope: (input) => [{ field: 'orgId', org: input.orgId }] },
  'terms.elect': { freeze: (input) => [{ field: 'heldOn', date: input.heldOn }], scope: (input) => [{ field: 'orgId', org: input.orgId }] },
  'standards.save': { freeze: 'none', scope: (input) => [{ field: 'communityId', community: input.communityId }] },
  'audits.save': {
    freeze: (input, { db }) => {
      const stored = input.id === undefined ? undefined : (db.prepare('SELECT done_on FROM gov_audits WHERE id = ?').pluck().get(input.id) as string | null | undefined);
      return movedDate('doneOn', stored, input.doneOn);
    },
    scope: (input, { db }) => [...govCommunity('communityId', input.communityId), ...govCommunity('id', storedCommunity(db, 'gov_audits', input.id))],
  },
};

export const READ_SCOPE_RULES: ReadScopeRules = {
  'members.get': (input) => [{ field: 'id', member: input.id }],
  'attachments.list': (input, { db }) => attachmentOwner(db, 'ownerId', input.owner, input.ownerId),
  'attachments.get': (input, { db }) => storedAttachment(db, input.id),
  'requests.get': (input, { db }) => requestCommunity(db, input.id),
  'print.slip': (input, { db }) => requestCommunity(db, input.requestId, 'requestId'),
  'print.letter': (input) => [{ field: 'transferId', transfer: input.transferId }],
  'life.get': (input, { db }) => [{ field: 'id', org: meetingOrg(db, input.id) }],
  'life.roster': (input) => [{ field: 'orgId', org: input.orgId }, ...input.jointOrgIds.map((org) => ({ field: 'jointOrgIds', org }))],
  'life.participation': (input) => [{ field: 'memberId', member: input.memberId }],
  'appraisal.get': (input) => [{ field: 'orgId', org: input.orgId }],
  'life.printMeeting': (input, { db }) => [{ field: 'id', org: meetingOrg(db, input.id) }],
  'life.printBook': (input) => [{ field: 'orgId', org: input.orgId }],
  'life.printTally': (input) => [{ field: 'orgId', org: input.orgId }],
  'dues.history': (input) => [{ field: 'memberId', member: input.memberId }],
  'dues.paidTo': (input) => [{ field: 'memberId', member: input.memberId }],
  'dues.receipt': (input, { db }) => [{ field: 'paymentId', member: paymentPeriods(db, input.paymentId)?.memberId }],
  'dues.board': (input) => [{ field: 'orgId', org: input.orgId }],
  'develop.get': (input, { db }) => [{ field: 'id', org: developPersonOrg(db, input.id) }],
};

function isWholeStreet(decl: unknown): decl is WholeStreetDecl {
  return typeof decl === 'object' && decl !== null && 'wholeStreet' in decl;
}

/**
 * The method's declared scope and freeze, before its handler runs: a user limited to one community is
 * refused (FORBIDDEN) on another community's record, and a write dated in a finalized month is refused
 * (VALIDATION, periodFinalized) for everyone, the local tool too. The import calls it for each updated row.
 */
export function enforceRules(method: Method, input: unknown, db: Db, scope: Scope | null, now: Date): void {
  const spec = contract[method] as { scope?: unknown };
  const view: RuleView = { db, now, today: localIsoDate(now) };
  const changesBefore = totalChanges(db);
  if (scope) {
    if (isWholeStreet(spec.scope)) {
      const value = (input as Record<string, unknown>)[spec.scope.field];
      // A period is named in the refusal; an internal id (a package's) is not a thing the user wrote.
      requireWholeStreet(scope, spec.scope.field, spec.scope.wholeStreet, typeof value === 'string' ? value : undefined);
    }
    const rule = (WRITE_RULES as Record<string, { scope: unknown }>)[method]?.scope ?? (READ_SCOPE_RULES as Record<string, unknown>)[method];
    if (typeof rule === 'function') for (const target of (rule as ScopeFn<Method>)(input as never, view)) checkTarget(db, scope, target);
  }
  const freeze = (WRITE_RULES as Record<string, { freeze: unknown }>)[method]?.freeze;
  if (typeof freeze === 'function') refuseFrozenDates(db, (freeze as FreezeFn<Method>)(input as never, view));
  // A rule that wrote would change data before the call's transaction and its audit entry: a program error.
  if (totalChanges(db) !== changesBefore) throw new Error(`the rules of ${method} changed the database`);
}

function checkTarget(db: Db, scope: Scope, target: ScopeTarget): void {
  if ('refuse' in target) throw scope.refuse(target.field, target.refuse, target.value);
  if ('org' in target) {
    if (target.org != null && exists(db, 'organizations', target.org)) scope.assertOrg(target.org, target.field);
  } else if ('member' in target) {
    if (target.member != null && exists(db, 'members', target.member)) scope.assertMember(target.member, target.field);
  } else if ('transfer' in target) {
    const t = db.prepare('SELECT id, letter_number FROM transfers WHERE id = ?').get(target.transfer) as { id: number; letter_number: string } | undefined;
    if (t) assertTransferInScope(db, t, scope, target.field);
  } else if (!scope.hasCommunity(target.community)) {
    if (target.problem) throw scope.refuse(target.field, target.problem, target.value);
    scope.assertCommunity(target.community, target.field);
  }
}

function exists(db: Db, table: 'organizations' | 'members', id: number): boolean {
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}
