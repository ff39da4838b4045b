// The one contract between the UI and the application: method name → input schema, who may call it,
// whether it writes. Electron main (IPC) and the browser host (HTTP) serve exactly this list.
import { z } from 'zod';
import * as s from './schemas';
import { counterMethods, type CounterOutputs } from './contract-counter';
import { printMethods, type PrintOutputs } from './contract-print';
import { exchangeMethods, type ExchangeOutputs } from './contract-exchange';
import { cityMethods, type CityOutputs } from './contract-city';
import { lifeMethods, type LifeOutputs } from './contract-life';
import { duesMethods, type DuesOutputs } from './contract-dues';
import { attachmentMethods, type AttachmentOutputs } from './contract-attachments';
import { serverMethods, type ServerOutputs } from './contract-server';
import { developMethods, type DevelopOutputs } from './contract-develop';
import { govMethods, type GovOutputs } from './contract-gov';
import { overviewMethods, type OverviewOutputs } from './contract-overview';
import type { Language, OfficerPost, OrgCategory, OrgLevel, PartTimeKind, Role, TransferDirection, TransferStatus } from './schemas';
import type { OfficerState } from '../org-rules';
import type { MemberRecordValues } from '../members/fields';
import { ADMINISTRATION, OWN_ACCOUNT, type FreezeDecl, type ScopeDecl, type WholeStreetDecl } from './contract-rules';

/**
 * public: anyone, before login. session: any logged-in user, for their own account (a viewer may
 * change their own password). viewer/clerk/admin: that role or a higher one. Data writes are never
 * below clerk, so a viewer cannot change any record.
 */
export type Access = 'public' | 'session' | 'viewer' | 'clerk' | 'admin';

interface ReadSpec {
  input: z.ZodType;
  access: Access;
  write: false;
  /** A read of one record (by its id) names whose it is, as writes do; a list filters by the scope itself. */
  scope?: 'record' | WholeStreetDecl;
}

/** Writes run in one transaction and must leave an audit entry, and declare the freeze and the scope. */
interface WriteSpec {
  input: z.ZodType;
  access: Access;
  write: true;
  freeze: FreezeDecl;
  scope: ScopeDecl;
}

export type MethodSpec = ReadSpec | WriteSpec;

const none = z.object({}).strict().default({});

export const contract = {
  'app.status': { input: none, access: 'public', write: false },
  'setup.initialize': { input: s.setupInput, access: 'public', write: true, freeze: { none: 'the first start: no record and no return exist yet' }, scope: { street: 'the street and its first administrator' } },
  'auth.login': { input: s.loginInput, access: 'public', write: true, ...OWN_ACCOUNT },
  'auth.session': { input: none, access: 'public', write: false },
  'auth.logout': { input: none, access: 'session', write: false },
  'auth.lock': { input: none, access: 'session', write: false },
  'auth.unlock': { input: z.object({ password: s.password }), access: 'session', write: true, ...OWN_ACCOUNT },
  'auth.ping': { input: none, access: 'session', write: false },
  'auth.changePassword': {
    input: z.object({ currentPassword: s.password, newPassword: s.newPassword }),
    access: 'session',
    write: true,
    ...OWN_ACCOUNT,
  },
  'account.setLanguage': { input: z.object({ language: s.language }), access: 'session', write: true, ...OWN_ACCOUNT },
  'street.get': { input: none, access: 'viewer', write: false },
  'street.update': { input: s.streetProfileInput, access: 'admin', write: true, ...ADMINISTRATION },
  'settings.get': { input: none, access: 'viewer', write: false },
  'settings.update': { input: s.settingsInput, access: 'admin', write: true, ...ADMINISTRATION },
  'users.list': { input: none, access: 'admin', write: false },
  'users.create': { input: s.userCreateInput, access: 'admin', write: true, ...ADMINISTRATION },
  'users.update': { input: s.userUpdateInput, access: 'admin', write: true, ...ADMINISTRATION },
  'users.resetPassword': {
    input: z.object({ id: z.number().int().positive(), newPassword: s.newPassword }),
    access: 'admin',
    write: true,
    ...ADMINISTRATION,
  },
  'users.unlock': { input: z.object({ id: z.number().int().positive() }), access: 'admin', write: true, ...ADMINISTRATION },
  'audit.list': { input: s.auditListInput, access: 'viewer', write: false },
  'audit.verify': { input: none, access: 'viewer', write: false },
  'backup.list': { input: none, access: 'viewer', write: false },
  'backup.create': { input: none, access: 'clerk', write: true, freeze: { none: 'a copy of the file changes no record' }, scope: { street: 'a copy of the whole file, which any clerk may make' } },
  'backup.restore': { input: s.backupRestoreInput, access: 'admin', write: true, freeze: { none: 'the whole file is replaced, its returns with it, by an administrator' }, scope: { street: 'the whole file (administrators only)' } },
  'jobs.cancel': { input: z.object({ jobId: z.string().max(64) }), access: 'session', write: false },
  'members.list': { input: s.memberListInput, access: 'viewer', write: false },
  'orgs.tree': { input: s.orgTreeInput, access: 'viewer', write: false },
  'orgs.create': { input: s.orgCreateInput, access: 'clerk', write: true, freeze: { none: 'the return reads the organization tree as it is now, not by month' }, scope: 'record' },
  'orgs.update': { input: s.orgUpdateInput, access: 'clerk', write: true, freeze: { none: 'the return reads the organization tree as it is now, not by month' }, scope: 'record' },
  'orgs.move': { input: s.orgMoveInput, access: 'clerk', write: true, freeze: { none: 'the return reads the organization tree as it is now, not by month' }, scope: 'record' },
  'orgs.close': { input: s.orgCloseInput, access: 'clerk', write: true, freeze: { none: 'the return reads the organization tree as it is now, not by month' }, scope: 'record' },
  'orgs.officers': { input: s.officerListInput, access: 'viewer', write: false },
  'orgs.saveOfficer': { input: s.officerSaveInput, access: 'clerk', write: true, freeze: { none: 'officers are not counted in the return' }, scope: 'record' },
  'orgs.endOfficerTerm': { input: s.officerEndTermInput, access: 'clerk', write: true, freeze: { none: 'officers are not counted in the return' }, scope: 'record' },
  'communities.list': { input: none, access: 'viewer', write: false },
  'communities.save': { input: s.communitySaveInput, access: 'clerk', write: true, freeze: { none: 'the return reads the communities as they are now, not by month' }, scope: 'record' },
  'grids.list': { input: z.object({ communityId: z.number().int().positive().optional() }), access: 'viewer', write: false },
  'grids.save': { input: s.gridSaveInput, access: 'clerk', write: true, freeze: { none: 'grids are not counted in the return' }, scope: 'record' },
  'members.get': { input: z.object({ id: z.number().int().positive() }), access: 'viewer', write: false, scope: 'record' },
  'codes.list': { input: none, access: 'viewer', write: false },
  'codes.synonyms': { input: none, access: 'viewer', write: false },
  'codes.mapValues': { input: s.codeMappingsInput, access: 'clerk', write: true, freeze: { none: 'the code tables are street-wide words, not records of a month' }, scope: { street: 'the code tables are shared by the whole street' } },
  'codes.removeSynonym': { input: s.codeSynonymRemoveInput, access: 'admin', write: true, freeze: { none: 'the code tables are street-wide words, not records of a month' }, scope: { street: 'the code tables are shared by the whole street' } },
  'members.create': { input: s.memberCreateInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'members.update': { input: s.memberUpdateInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'members.leave': { input: s.memberLeaveInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  /** 停止党籍 / 恢复党籍: a dated decision on one member, who stays on the roll. */
  'members.setStanding': { input: s.memberStandingInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  // Exporting personal data is a logged action (docs/domain.md §9): it leaves an audit entry, writes nothing else.
  'members.export': { input: s.memberExportInput, access: 'viewer', write: false },
  'members.importPreview': { input: s.memberImportInput, access: 'clerk', write: false },
  'members.importCommit': { input: s.memberImportInput, access: 'clerk', write: true, freeze: { none: 'checked row by row by the import: a row dated in a finalized month is refused by its Excel row, the others go in' }, scope: { street: "checked row by row by the import: each row's branch is looked for inside the caller's scope" } },
  'layouts.list': { input: z.object({ grid: z.string().trim().min(1).max(40) }), access: 'session', write: false },
  'layouts.save': { input: s.gridLayoutInput, access: 'session', write: true, ...OWN_ACCOUNT },
  'transfers.list': { input: s.transferListInput, access: 'viewer', write: false },
  'transfers.create': { input: s.transferCreateInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'transfers.nextNumber': { input: s.transferNextNumberInput, access: 'clerk', write: false },
  'transfers.receive': { input: s.transferReceiveInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'transfers.returnReceipt': { input: s.transferReturnReceiptInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'transfers.cancel': { input: s.transferCancelInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  /** A made-up demo street for demonstrations and timing (the CLI's seed-demo); refused once members exist. */
  'demo.seed': { input: s.demoSeedInput, access: 'admin', write: true, ...ADMINISTRATION },
  ...counterMethods,
  ...printMethods,
  ...exchangeMethods,
  ...cityMethods,
  ...lifeMethods,
  ...duesMethods,
  ...attachmentMethods,
  ...serverMethods,
  ...developMethods,
  ...govMethods,
  ...overviewMethods,
} as const satisfies Record<string, MethodSpec>;

export type Method = keyof typeof contract;
/** Methods whose spec says write: true. Each one leaves an audit entry, so each needs a label. */
export type WriteMethod = { [M in Method]: (typeof contract)[M]['write'] extends true ? M : never }[Method];
export type ApiInput<M extends Method> = z.input<(typeof contract)[M]['input']>;
export type ApiParsedInput<M extends Method> = z.output<(typeof contract)[M]['input']>;

/** Methods whose result carries a session token: the transport keeps the token and never hands it to the page. */
export const SESSION_OPENING_METHODS: readonly Method[] = ['setup.initialize', 'setup.initializeDistrict', 'setup.initializeCity', 'auth.login'];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export const ROLE_RANK: Record<Role, number> = { viewer: 1, clerk: 2, admin: 3 };

export interface StreetProfile {
  name: string;
  /** Always the 12-digit form. */
  code: string;
  districtName: string;
  /** The prefix of the street's letter numbers: as set, or the default from the street's name. */
  letterPrefix: string;
  updatedAt: string;
}

/** What a database is for: a street's daily work, a district receiving and consolidating the streets' returns, or a city doing so for its districts. */
export type SiteMode = 'street' | 'district' | 'city';

export interface AppStatus {
  initialized: boolean;
  /** 'street' until a district is set up (`setup.initializeDistrict`); the renderer picks its menu by it. */
  mode: SiteMode;
  /** The street's profile; on a district database, the district's (its name in `name` and `districtName`). */
  street: StreetProfile | null;
  appVersion: string;
  schemaVersion: number;
  defaultLanguage: Language;
}

export interface UserInfo {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopeCommunityCode: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  language: Language;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface SessionInfo {
  user: UserInfo;
  locked: boolean;
  idleLockMinutes: number;
}

export interface Settings {
  idleLockMinutes: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export type AuditBreak = 'HASH_MISMATCH' | 'CHAIN_BROKEN' | 'HEAD_MISMATCH';

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; reason: AuditBreak; at: string | null; action: string | null } | null;
}

export type BackupKind = 'daily' | 'manual' | 'pre-restore';

export interface BackupFile {
  name: string;
  kind: BackupKind;
  size: number;
  createdAt: string;
}

export interface BackupRestoreResult {
  restoredFrom: string;
  preRestoreCopy: string;
}

export interface ApiOutputs extends CounterOutputs, PrintOutputs, ExchangeOutputs, CityOutputs, LifeOutputs, DuesOutputs, DevelopOutputs, GovOutputs, AttachmentOutputs, ServerOutputs, OverviewOutputs {
  'app.status': AppStatus;
  'setup.initialize': SessionInfo & { token: string };
  'auth.login': SessionInfo & { token: string };
  'auth.session': SessionInfo | null;
  'auth.logout': null;
  'auth.lock': null;
  'auth.unlock': SessionInfo;
  'auth.ping': { locked: boolean };
  'auth.changePassword': null;
  'account.setLanguage': UserInfo;
  'street.get': StreetProfile;
  'street.update': StreetProfile;
  'settings.get': Settings;
  'settings.update': Settings;
  'users.list': UserInfo[];
  'users.create': UserInfo;
  'users.update': UserInfo;
  'users.resetPassword': UserInfo;
  'users.unlock': UserInfo;
  'audit.list': { total: number; entries: AuditEntry[] };
  'audit.verify': AuditVerifyResult;
  'backup.list': { folder: string; backups: BackupFile[] };
  'backup.create': BackupFile;
  'backup.restore': BackupRestoreResult;
  'jobs.cancel': { cancelled: boolean };
  'members.list': { total: number; members: MemberRow[] };
  'orgs.tree': OrgNode[];
  'orgs.create': OrgNode;
  'orgs.update': OrgNode;
  'orgs.move': OrgNode;
  'orgs.close': OrgNode;
  'orgs.officers': OrgOfficer[];
  'orgs.saveOfficer': OrgOfficer;
  'orgs.endOfficerTerm': OrgOfficer;
  'communities.list': CommunityInfo[];
  'communities.save': CommunityInfo;
  'grids.list': GridInfo[];
  'grids.save': GridInfo;
  'members.get': MemberDetail;
  'codes.list': CodeTables;
  'codes.synonyms': CodeSynonym[];
  'codes.mapValues': { saved: number };
  'codes.removeSynonym': { removed: boolean };
  'members.create': MemberRow;
  'members.update': MemberRow;
  'members.leave': MemberRow;
  'members.setStanding': MemberRow;
  'members.export': { fileName: string; rows: number; bytes: Uint8Array };
  'members.importPreview': ImportReport;
  'members.importCommit': ImportReport;
  'layouts.list': { name: string; layout: string; updatedAt: string }[];
  'layouts.save': { name: string; layout: string; updatedAt: string };
  'transfers.list': { total: number; transfers: TransferRow[] };
  'transfers.create': TransferRow;
  'transfers.nextNumber': { letterNumber: string };
  'transfers.receive': TransferRow;
  'transfers.returnReceipt': TransferRow;
  'transfers.cancel': TransferRow;
  'demo.seed': { seed: number; communities: number; grids: number; organizations: number; members: number; requests?: number; teams?: number; volunteers?: number; records?: number; meetings?: number; attendance?: number; developPeople?: number };
}

/** Checks of docs/domain.md §5 shown on a branch: fewer than 3 full members; 7 or more and no committee. */
export type OrgFlag = 'fewFullMembers' | 'needsCommittee';

/** One organization of the tree (sent flat; `parentId` links them). Counts are of active members. */
export interface OrgNode {
  id: number;
  parentId: number | null;
  name: string;
  level: OrgLevel;
  category: OrgCategory;
  communityId: number | null;
  communityName: string | null;
  gridId: number | null;
  gridName: string | null;
  hasCommittee: boolean;
  termStart: string | null;
  termEnd: string | null;
  sortOrder: number;
  closedOn: string | null;
  closedReason: string | null;
  memberCount: number;
  fullMemberCount: number;
  /** The secretary in office today (书记), from the officers. */
  secretary: string | null;
  flags: OrgFlag[];
  /**
   * Inside the caller's scope: always true for a user of the whole street. For a user limited to one community,
   * false on the path down from the root and on other communities' organizations (shown, never changed by them).
   */
  inScope: boolean;
}

/** One officer of an organization, in office or (past) kept on record with the day the term ended. */
export interface OrgOfficer {
  id: number;
  orgId: number;
  post: OfficerPost;
  /** The member's name as the roll has it now, for an officer who is a member on the roll. */
  personName: string;
  memberId: number | null;
  partTimeKind: PartTimeKind | null;
  duty: string;
  termStart: string | null;
  termEnd: string | null;
  state: OfficerState;
  updatedAt: string;
}

export interface CommunityInfo {
  id: number;
  name: string;
  divisionCode: string;
  households: number | null;
  population: number | null;
  officeArea: number | null;
  activityArea: number | null;
  closedOn: string | null;
}

export interface GridInfo {
  id: number;
  communityId: number;
  communityName: string;
  name: string;
  kind: 'block' | 'building' | 'unit';
  coverage: string;
  closedOn: string | null;
}

export type CodeTableName = 'ethnicity' | 'education' | 'occupation';

/** One entry of a code table (GB 3304 ethnicities, education, occupation), in the tables' order. */
export interface CodeItem {
  code: string;
  label: string;
  retired: boolean;
}

export type CodeTables = Record<CodeTableName, CodeItem[]>;

/** A word clerks write for a code: the program's own (builtin) or one a clerk mapped in an import (user). */
export interface CodeSynonym {
  table: CodeTableName;
  text: string;
  code: string;
  label: string;
  source: 'builtin' | 'user';
  createdBy: string | null;
  createdAt: string;
}

/** One member as the members page and `members list` show them (camelCase names of the contract). */
/** A member as the contract sends it: the fields of the field table (src/shared/members/fields.ts) and the record's own. */
export interface MemberRow extends MemberRecordValues {
  id: number;
  /** The branch's id (the `branch` field is its name). */
  orgId: number;
  /** The grid's id (the `grid` field is its name). */
  gridId: number | null;
  /** The branch's community, never typed: it follows the branch. */
  community: string | null;
  status: 'active' | 'history';
  /** For a record in history (status 'history'): the day and reason it left the roll; null while on it. */
  leftOn: string | null;
  leftReason: MemberLeaveReason | null;
  version: number;
  updatedAt: string;
}

/** How a record left the roll: one of LEFT_REASONS, or 'other' on a record written before they were. */
export type MemberLeaveReason = 'transfer_out' | 'death' | 'expelled' | 'struck_off' | 'lapsed' | 'withdrew' | 'other';

/** What an import did, or (preview) would do, with every row's fate named by its Excel row. */
export interface ImportReport {
  sheet: string;
  sheets: string[];
  headerRow: number;
  columns: { index: number; letter: string; header: string; field: string | null }[];
  rows: number;
  accepted: number;
  created: number;
  updated: number;
  rejected: { row: number; column: string; letter: string | null; field: string; value: unknown; code: string; message: string }[];
  duplicates: { row: number; idNumber: string; name: string; action: 'skipped' | 'updated'; existing: 'archive' | 'file' }[];
  ignored: number[];
  createdBranches: string[];
  dryRun: boolean;
  /** The sheets looked at besides the one read, and why each was passed over. */
  sheetsSeen: { name: string; passed: 'hidden' | 'notes' | 'noHeader' | 'weaker' }[];
  /** The normalized header: the same header in a later file finds the mapping the clerk made. */
  headerSignature: string;
  /** Coded values (学历 电大) no code table word matches, once each with how many rows hold them. */
  unknownValues: { column: string; field: string; table: CodeTableName; value: string; count: number }[];
  /** Rows waiting for their unknown values to be mapped (a dry run neither accepts nor refuses them). */
  awaitingMapping: number;
  /** What is allowed but worth a second look (a probation shorter than a year), by row and column. */
  warnings: { row: number; column: string; letter: string | null; field: string; value: unknown; code: string; message: string }[];
  /** The rejected rows with a reason column, to fix and import again (when any row was rejected). */
  rejectedWorkbook?: Uint8Array;
}

export interface MemberEvent {
  id: number;
  kind: string;
  onDate: string;
  detail: unknown;
  recordedBy: string;
  recordedAt: string;
}

export interface MemberDetail {
  member: MemberRow;
  leftOn: string | null;
  leftReason: MemberLeaveReason | null;
  leftNote: string | null;
  events: MemberEvent[];
}

/**
 * One transfer of membership (组织关系转接) as the transfer lists show it. The member's name, ID number and
 * category and the organizations' names are those the letter was written with. Dates are YYYY-MM-DD.
 */
export interface TransferRow {
  id: number;
  direction: TransferDirection;
  letterNumber: string;
  /** The member on the roll; for `in`, set once the person is received. */
  memberId: number | null;
  memberName: string;
  memberIdNumber: string;
  memberCategory: 'full' | 'probationary';
  /** An organization of the tree, or null for one outside the street (then only the name). */
  fromOrgId: number | null;
  fromOrgName: string;
  toOrgId: number | null;
  toOrgName: string;
  issuedOn: string;
  validDays: number;
  /** The last day the letter is valid: issuedOn + validDays. */
  validUntil: string;
  /** While the letter is issued: days from today to validUntil (0 on the last day, negative once expired); else null. */
  daysLeft: number | null;
  /** 党费交至, YYYY-MM. */
  duesPaidTo: string | null;
  /** As the clerk sees it: `expired` when the letter ran out while still issued. */
  status: TransferStatus;
  expired: boolean;
  /** Issued, or received and waiting for the receipt: the sending organization is still responsible. */
  open: boolean;
  /** out: the day the receipt should be back by (a month after receipt, or after issue while not received). */
  receiptDueOn: string | null;
  receiptOverdue: boolean;
  receivedOn: string | null;
  receiptReturnedOn: string | null;
  cancelledOn: string | null;
  cancelReason: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ApiOutput<M extends Method> = ApiOutputs[M];

/** Events pushed from core to the caller's window (progress of long jobs, forced logout). */
export type ApiEvent =
  | { type: 'progress'; jobId: string; method: Method; done: number; total: number }
  | { type: 'session-ended'; reason: 'restored' | 'logged-out' | 'account-locked' };
