// Community governance's part of the contract (issue 17): method → input schema, access, write, freeze, scope;
// and the results its page and the CLI get back. contract.ts spreads these into the one contract.
import { z } from 'zod';
import type { MethodSpec } from './contract';
import { ADMINISTRATION } from './contract-rules';
import * as s from './schemas-gov';
import type { AuditKind, DisclosureArea, DisclosureStatus, GovSettings, ProjectCloseResult, ProjectStatus, ProjectType } from './schemas-gov';
import type { DecisionStep, TermReminder } from '../gov-rules';
import type { OfficerPost, OrgLevel } from './schemas';

const none = z.object({}).strict().default({});

export const govMethods = {
  'gov.settings': { input: none, access: 'viewer', write: false },
  'gov.saveSettings': { input: s.govSettingsInput, access: 'admin', write: true, ...ADMINISTRATION },
  'disclosure.list': { input: s.disclosureListInput, access: 'viewer', write: false },
  'disclosure.due': { input: s.disclosureDueInput, access: 'viewer', write: false },
  'disclosure.board': { input: s.disclosureBoardInput, access: 'viewer', write: false },
  'disclosure.save': {
    input: s.disclosureSaveInput,
    access: 'clerk',
    write: true,
    freeze: { none: 'a draft is counted only once it is published (disclosure.advance)' },
    scope: 'record',
  },
  /** Review, approval and publication: the return counts an item in the month it is published. */
  'disclosure.advance': { input: s.disclosureAdvanceInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'disclosure.comment': { input: s.disclosureCommentInput, access: 'clerk', write: true, freeze: { none: 'residents’ comments are not counted in the return' }, scope: 'record' },
  'decisions.list': { input: s.decisionListInput, access: 'viewer', write: false },
  'decisions.save': { input: s.decisionSaveInput, access: 'clerk', write: true, freeze: { none: 'a matter is counted by its steps, not by its title' }, scope: 'record' },
  'decisions.step': { input: s.decisionStepInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'projects.list': { input: s.projectListInput, access: 'viewer', write: false },
  'projects.stats': { input: s.projectStatsInput, access: 'viewer', write: false },
  /** Completing a project (or undoing it) moves the month its completion is counted in. */
  'projects.save': { input: s.projectSaveInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'projects.approveYear': {
    input: s.projectApproveYearInput,
    access: 'clerk',
    write: true,
    freeze: { none: 'approving the plan changes no project and no completion date' },
    scope: { wholeStreet: 'projectYearIsStreets', field: 'year' },
  },
  'projects.review': { input: s.projectReviewInput, access: 'clerk', write: true, freeze: { none: 'the mid-year review is not counted in the return' }, scope: 'record' },
  'projects.closeYear': {
    input: s.projectCloseYearInput,
    access: 'clerk',
    write: true,
    freeze: { none: 'closing records each project’s result; completion dates (what the return counts) do not move' },
    scope: { wholeStreet: 'projectYearIsStreets', field: 'year' },
  },
  'terms.list': { input: s.termDueInput, access: 'viewer', write: false },
  'terms.elections': { input: s.electionListInput, access: 'viewer', write: false },
  'terms.save': { input: s.termSaveInput, access: 'clerk', write: true, freeze: { none: 'elections due are counted as the register stands now' }, scope: 'record' },
  /** An election is counted in the month it was held; it starts the officers' new terms. */
  'terms.elect': { input: s.termElectInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'standards.table': { input: none, access: 'viewer', write: false },
  'standards.save': { input: s.standardSaveInput, access: 'clerk', write: true, freeze: { none: 'the standards table reads the communities as they are now' }, scope: 'record' },
  'audits.list': { input: s.auditListInput, access: 'viewer', write: false },
  'audits.stats': { input: s.auditStatsInput, access: 'viewer', write: false },
  /** Done dates count in their month's return. */
  'audits.save': { input: s.auditSaveInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
} as const satisfies Record<string, MethodSpec>;

export interface DisclosureInfo {
  id: number;
  communityId: number | null;
  communityName: string | null;
  area: DisclosureArea;
  title: string;
  content: string;
  attachments: string[];
  major: boolean;
  periodFrom: string;
  periodTo: string;
  status: DisclosureStatus;
  draftedBy: string;
  draftedOn: string;
  reviewedBy: string | null;
  reviewedOn: string | null;
  approvedBy: string | null;
  approvedOn: string | null;
  publishedBy: string | null;
  publishedOn: string | null;
  /** Published on the month's fixed day (or, for a major matter, at once). */
  onFixedDay: boolean | null;
  correctsId: number | null;
  supersededBy: number | null;
  comments: DisclosureComment[];
  version: number;
  updatedAt: string;
}

export interface DisclosureComment {
  id: number;
  disclosureId: number;
  residentName: string;
  comment: string;
  receivedOn: string;
  answer: string | null;
  answeredOn: string | null;
}

export type DisclosureDueState = 'onTime' | 'due' | 'overdue';
export interface DisclosureDueRow {
  communityId: number | null;
  communityName: string;
  area: DisclosureArea;
  /** The months (YYYY-MM) in which one publication is required. */
  windowFrom: string;
  windowTo: string;
  dueOn: string;
  lastPublishedOn: string | null;
  state: DisclosureDueState;
}

export interface DisclosureBoard {
  on: string;
  communityName: string;
  items: { area: DisclosureArea; title: string; content: string; attachments: string[]; periodFrom: string; periodTo: string; publishedOn: string; correction: boolean }[];
}

export interface DecisionStepInfo {
  step: DecisionStep;
  heldOn: string;
  entitled: number | null;
  present: number | null;
  inFavour: number | null;
  note: string;
  recordedBy: string;
}

export interface DecisionInfo {
  id: number;
  communityId: number;
  communityName: string;
  title: string;
  summary: string;
  steps: DecisionStepInfo[];
  /** The step to record next; null once the result is published. */
  next: DecisionStep | null;
}

export interface MilestoneInfo {
  title: string;
  dueOn: string;
  doneOn: string | null;
  overdue: boolean;
}

export interface ProjectInfo {
  id: number;
  communityId: number | null;
  communityName: string | null;
  orgId: number | null;
  orgName: string | null;
  type: ProjectType;
  year: number;
  name: string;
  owner: string;
  budgetFen: number;
  status: ProjectStatus;
  completedOn: string | null;
  evidence: string;
  milestones: MilestoneInfo[];
  overdueMilestones: number;
  /** The mid-year review (null until recorded). */
  reviewProgress: number | null;
  reviewNote: string;
  reviewedOn: string | null;
  /** The result at the year's close (null until the year is closed). */
  closeResult: ProjectCloseResult | null;
  closeReason: string;
  version: number;
  updatedAt: string;
}

/** A rate to one decimal as text ("60.4"), null when there is nothing to count. */
export interface RateCount {
  total: number;
  done: number;
  rate: string | null;
}

export interface ProjectStats {
  year: number;
  street: RateCount;
  byType: (RateCount & { type: ProjectType })[];
  byCommunity: (RateCount & { communityId: number | null; communityName: string })[];
  overdueMilestones: number;
  cycle: ProjectCycle;
}

/**
 * Where the year stands: `setting` (spring: projects entered, the plan not yet approved), `working` (approved:
 * no project added, each reviewed mid-year), `closed` (year end: read-only, the rate is the closed one).
 */
export type ProjectPhase = 'setting' | 'working' | 'closed';

export interface ProjectCycle {
  year: number;
  phase: ProjectPhase;
  /** The setting's day in this year by which the plan is approved. */
  approveBy: string;
  /** Still being set after that day. */
  approvalLate: boolean;
  approvedOn: string | null;
  approvedBy: string | null;
  closedOn: string | null;
  closedBy: string | null;
  /** Projects with a mid-year review recorded, of the year's. */
  reviewed: number;
  total: number;
}

export interface TermInfo {
  orgId: number;
  orgName: string;
  level: OrgLevel;
  communityName: string | null;
  electedOn: string | null;
  termYears: number;
  adjustMonths: number;
  adjustApproval: string | null;
  direct: boolean;
  dueOn: string | null;
  reminder: TermReminder | 'unknown';
  monthsOverdue: number;
}

export interface ElectionInfo {
  id: number;
  orgId: number;
  heldOn: string;
  entitled: number;
  present: number;
  direct: boolean;
  candidates: { name: string; votes: number }[];
  elected: { name: string; memberId: number | null; post: OfficerPost; votes: number }[];
  recordedBy: string;
}

export interface StandardRow {
  communityId: number;
  communityName: string;
  households: number | null;
  officeArea: number | null;
  activityArea: number | null;
  space: number | null;
  /** The space the standard asks for: the larger of the minimum and the per-100-households figure. */
  spaceRequired: number | null;
  spaceMet: boolean | null;
  workers: number | null;
  workersRequired: number | null;
  workersMet: boolean | null;
  /** This year's Party-building funds (from the funds ledger): the community's entitlement and its spending, in fen. */
  fundsEntitlementFen: number | null;
  fundsSpentFen: number | null;
}

export interface AuditInfo {
  id: number;
  communityId: number;
  communityName: string;
  year: number;
  kind: AuditKind;
  subject: string;
  plannedOn: string;
  doneOn: string | null;
  findings: string;
  disclosedOn: string | null;
  rectifications: { item: string; dueOn: string; doneOn: string | null; overdue: boolean }[];
  version: number;
  updatedAt: string;
}

export interface AuditStats {
  year: number;
  street: RateCount & { planned: number };
  byKind: (RateCount & { kind: AuditKind })[];
  rectifications: { total: number; done: number; overdue: number };
}

export interface GovOutputs {
  'gov.settings': GovSettings;
  'gov.saveSettings': GovSettings;
  'disclosure.list': DisclosureInfo[];
  'disclosure.due': { period: string; fixedDay: string; rows: DisclosureDueRow[] };
  'disclosure.board': DisclosureBoard;
  'disclosure.save': DisclosureInfo;
  'disclosure.advance': DisclosureInfo;
  'disclosure.comment': DisclosureComment;
  'decisions.list': DecisionInfo[];
  'decisions.save': DecisionInfo;
  'decisions.step': DecisionInfo;
  'projects.list': ProjectInfo[];
  'projects.stats': ProjectStats;
  'projects.save': ProjectInfo;
  'projects.approveYear': ProjectCycle;
  'projects.review': ProjectInfo;
  'projects.closeYear': ProjectCycle;
  'terms.list': TermInfo[];
  'terms.elections': ElectionInfo[];
  'terms.save': TermInfo;
  'terms.elect': { election: ElectionInfo; term: TermInfo; officersStarted: number; officersEnded: number };
  'standards.table': { settings: GovSettings; rows: StandardRow[] };
  'standards.save': StandardRow;
  'audits.list': AuditInfo[];
  'audits.stats': AuditStats;
  'audits.save': AuditInfo;
}

export type GovMethod = keyof typeof govMethods;
