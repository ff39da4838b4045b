// Organizational life's part of the contract (组织生活, issue 14): meetings with attendance, compliance, the
// activity-week calendar, the rules, a member's participation, and the yearly democratic appraisal.
// contract.ts spreads these into the one contract.
import { z } from 'zod';
import type { MethodSpec } from './contract';
import * as s from './schemas-life';
import type { AppraisalGrade, AttendanceState, LifeFrequency, MeetingInvalidReason, MeetingStatus, MeetingType } from './schemas-life';
import type { CellState } from '../life-rules';
import type { PrintHeading } from './contract-print';

const none = z.object({}).strict().default({});

/** A held meeting counts in the month it was held: the finalized month's freeze applies to it. */
const MEETING_WRITE = { freeze: 'dated', scope: 'record' } as const;

export const lifeMethods = {
  'life.list': { input: s.meetingListInput, access: 'viewer', write: false },
  'life.get': { input: s.meetingGetInput, access: 'viewer', write: false, scope: 'record' },
  /** Who was on the organization's roll on the day (the committee, for a 支委会): the form ticks them present. */
  'life.roster': { input: s.rosterInput, access: 'viewer', write: false, scope: 'record' },
  'life.save': { input: s.meetingSaveInput, access: 'clerk', write: true, ...MEETING_WRITE },
  'life.delete': { input: s.meetingDeleteInput, access: 'clerk', write: true, ...MEETING_WRITE },
  'life.compliance': { input: s.complianceInput, access: 'viewer', write: false },
  'life.calendar': { input: s.calendarInput, access: 'viewer', write: false },
  'life.rules': { input: none, access: 'viewer', write: false },
  'life.saveRules': {
    input: s.lifeRulesInput,
    access: 'admin',
    write: true,
    freeze: { none: 'the rules say when meetings fall due; no recorded meeting and no finalized figure changes' },
    scope: { street: 'the street’s rules of organizational life (administrators only)' },
  },
  'life.participation': { input: s.participationInput, access: 'viewer', write: false, scope: 'record' },
  'appraisal.get': { input: s.appraisalGetInput, access: 'viewer', write: false, scope: 'record' },
  'appraisal.save': {
    input: s.appraisalSaveInput,
    access: 'clerk',
    write: true,
    freeze: { none: 'the yearly appraisal is not counted in the monthly return' },
    scope: 'record',
  },
  /** Papers (会议记录, 签到表, the yearly book, the tally sheet): their data with the heading every paper has. */
  'life.printMeeting': { input: s.meetingGetInput, access: 'viewer', write: false, scope: 'record' },
  'life.printBook': { input: s.appraisalGetInput, access: 'viewer', write: false, scope: 'record' },
  'life.printTally': { input: s.appraisalGetInput, access: 'viewer', write: false, scope: 'record' },
} as const satisfies Record<string, MethodSpec>;

/** A member on the roster of a meeting's day. */
export interface LifeRosterPerson {
  memberId: number;
  name: string;
  orgId: number;
  /** A full member on the day: has the vote at a 党员大会 (probationary members attend without it). */
  full: boolean;
  /** A mobile member (流动党员): an absence needs its reason. */
  mobile: boolean;
}

export interface LifeRoster {
  orgId: number;
  heldOn: string;
  meetingType: MeetingType;
  members: LifeRosterPerson[];
  /** Whom the quorum counts: members with the vote (党员大会), the committee in office (支委会); null for other kinds. */
  entitled: number | null;
}

export interface MeetingTotals {
  roster: number;
  present: number;
  absent: number;
  leave: number;
  /** Members with the vote (党员大会) or the committee (支委会), and how many of them were present. */
  entitled: number | null;
  entitledPresent: number | null;
}

export interface MeetingInfo {
  id: number;
  orgId: number;
  orgName: string;
  communityName: string | null;
  jointOrgIds: number[];
  jointOrgNames: string[];
  meetingType: MeetingType;
  heldOn: string;
  time: string;
  place: string;
  host: string;
  recorder: string;
  topic: string;
  content: string;
  decisions: string;
  status: MeetingStatus;
  /** Recorded but not counted: no quorum. */
  invalidReason: MeetingInvalidReason | null;
  totals: MeetingTotals;
  recordedBy: string;
  version: number;
  updatedAt: string;
}

export interface MeetingAttendee {
  memberId: number;
  name: string;
  full: boolean;
  mobile: boolean;
  state: AttendanceState;
  reason: string | null;
}

export interface MeetingDetail extends MeetingInfo {
  attendance: MeetingAttendee[];
}

export interface ComplianceType {
  meetingType: MeetingType;
  frequency: LifeFrequency;
  periods: string[];
}

export interface ComplianceRow {
  orgId: number;
  orgName: string;
  communityId: number | null;
  communityName: string | null;
  /** Per type, one state per period of the span (the type's `periods`). */
  cells: Record<MeetingType, CellState[]>;
  due: number;
  done: number;
}

export interface ComplianceRate {
  communityId: number | null;
  communityName: string | null;
  due: number;
  done: number;
  /** Percent with one decimal; null while nothing is due. */
  rate: number | null;
}

export interface LifeCompliance {
  year: number;
  /** The span read: the year (2026), a quarter (2026-Q4) or a month (2026-10); its address is #/life/compliance/<period>. */
  period: string;
  today: string;
  types: ComplianceType[];
  rows: ComplianceRow[];
  communities: ComplianceRate[];
  street: ComplianceRate;
  /** Periods that ended without the meeting: "第3网格党支部: no 支委会 in October". */
  overdue: { orgId: number; orgName: string; meetingType: MeetingType; period: string }[];
}

export interface LifeCalendarDay {
  orgId: number;
  orgName: string;
  communityName: string | null;
  weekday: number | null;
  /** The branch's fixed day in this month's activity week. */
  date: string | null;
  meetings: { id: number; meetingType: MeetingType; heldOn: string; status: MeetingStatus; topic: string }[];
}

export interface LifeCalendar {
  year: number;
  month: number;
  activityWeek: number;
  weekStart: string;
  weekEnd: string;
  branches: LifeCalendarDay[];
}

export interface LifeRules {
  frequencies: Record<MeetingType, LifeFrequency>;
  activityWeek: number;
  orgDays: { orgId: number; orgName: string; weekday: number | null }[];
}

export interface LifeParticipation {
  memberId: number;
  present: number;
  absent: number;
  leave: number;
  /** Absences and leave, latest first, with their reasons. */
  absences: { meetingId: number; heldOn: string; meetingType: MeetingType; topic: string; state: AttendanceState; reason: string | null }[];
  /** Not present at any meeting in six months in a row: follow-up under the Party constitution. */
  flagged: boolean;
}

export interface AppraisalMember {
  memberId: number;
  name: string;
  full: boolean;
  grade: AppraisalGrade | null;
  followUp: string;
}

export interface AppraisalInfo {
  orgId: number;
  orgName: string;
  year: number;
  heldOn: string | null;
  /** The roster on the day (or the year's end, before any session) with their grades. */
  members: AppraisalMember[];
  tally: Record<AppraisalGrade, number>;
  /** The most 优秀 the appraised allow (one third). */
  excellentCap: number;
  updatedAt: string | null;
}

export interface LifeOutputs {
  'life.list': MeetingInfo[];
  'life.get': MeetingDetail;
  'life.roster': LifeRoster;
  'life.save': MeetingDetail;
  'life.delete': { id: number };
  'life.compliance': LifeCompliance;
  'life.calendar': LifeCalendar;
  'life.rules': LifeRules;
  'life.saveRules': LifeRules;
  'life.participation': LifeParticipation;
  'appraisal.get': AppraisalInfo;
  'appraisal.save': AppraisalInfo;
  'life.printMeeting': { heading: PrintHeading; meeting: MeetingDetail };
  'life.printBook': { heading: PrintHeading; year: number; meetings: MeetingDetail[] };
  'life.printTally': { heading: PrintHeading; appraisal: AppraisalInfo };
}
