// The service counter's part of the contract (docs/domain.md §6): method → input schema, access, write; and
// the results the counter pages and the CLI get back. contract.ts spreads these into the one contract.
import { z } from 'zod';
import type { MethodSpec } from './contract';
import { STREET_TABLE } from './contract-rules';
import * as s from './schemas-counter';
import type { AssigneeKind, ListClass, MatterCategory, MerchantCategory, RequestChannel, RequestStatus, TeamSkill } from './schemas-counter';

const none = z.object({}).strict().default({});

export const counterMethods = {
  'matters.list': { input: s.matterListInput, access: 'viewer', write: false },
  'matters.create': { input: s.matterCreateInput, access: 'admin', write: true, ...STREET_TABLE },
  'matters.update': { input: s.matterUpdateInput, access: 'admin', write: true, ...STREET_TABLE },
  'matters.retire': { input: s.matterRetireInput, access: 'admin', write: true, ...STREET_TABLE },
  'requests.list': { input: s.requestListInput, access: 'viewer', write: false },
  'requests.get': { input: s.idInput, access: 'viewer', write: false, scope: 'record' },
  'requests.accept': { input: s.requestAcceptInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'requests.start': { input: s.requestStartInput, access: 'clerk', write: true, freeze: { none: 'a step of an open request: the return counts a request in the months it is accepted and closed' }, scope: 'record' },
  'requests.complete': { input: s.requestCompleteInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'requests.rate': { input: s.requestRateInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'requests.transfer': { input: s.requestTransferInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'requests.returnToGuidance': { input: s.requestReturnInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'requests.pause': { input: s.requestPauseInput, access: 'clerk', write: true, freeze: { none: 'a step of an open request: the return counts a request in the months it is accepted and closed' }, scope: 'record' },
  'requests.resume': { input: s.requestResumeInput, access: 'clerk', write: true, freeze: { none: 'a step of an open request: the return counts a request in the months it is accepted and closed' }, scope: 'record' },
  'requests.extend': { input: s.requestExtendInput, access: 'clerk', write: true, freeze: { none: 'a step of an open request: the return counts a request in the months it is accepted and closed' }, scope: 'record' },
  'requests.residentHistory': { input: s.residentHistoryInput, access: 'viewer', write: false },
  'counter.today': { input: s.counterTodayInput, access: 'viewer', write: false },
  'counter.stats': { input: s.counterStatsInput, access: 'viewer', write: false },
  'workdays.due': { input: s.workdaysDueInput, access: 'viewer', write: false },
  'workdays.overrides.list': { input: s.workdayOverrideListInput, access: 'viewer', write: false },
  /** Whether this year's and next year's holidays are known (built in, or entered in the override table). */
  'workdays.calendar': { input: none, access: 'viewer', write: false },
  'workdays.overrides.save': { input: s.workdayOverrideSaveInput, access: 'admin', write: true, freeze: { none: 'the calendar moves the due dates of open requests only; closed ones keep theirs' }, scope: { street: 'the working-day calendar is the street’s (administrators only)' } },
  'workdays.overrides.delete': { input: s.idInput, access: 'admin', write: true, freeze: { none: 'the calendar moves the due dates of open requests only; closed ones keep theirs' }, scope: { street: 'the working-day calendar is the street’s (administrators only)' } },
  'teams.list': { input: none, access: 'viewer', write: false },
  'teams.save': { input: s.teamSaveInput, access: 'clerk', write: true, ...STREET_TABLE },
  'volunteers.list': { input: s.volunteerListInput, access: 'viewer', write: false },
  /** Volunteers are the street's; a Party member volunteer is changed only within the member's community. */
  'volunteers.save': { input: s.volunteerSaveInput, access: 'clerk', write: true, freeze: STREET_TABLE.freeze, scope: 'record' },
  'volunteers.memberHours': { input: s.memberHoursInput, access: 'viewer', write: false },
  'serviceRecords.list': { input: s.serviceRecordListInput, access: 'viewer', write: false },
  'serviceRecords.create': { input: s.serviceRecordCreateInput, access: 'clerk', write: true, freeze: 'dated', scope: { street: 'volunteers and their hours are the street’s, shared by every clerk' } },
  'serviceRecords.delete': { input: s.idInput, access: 'clerk', write: true, freeze: 'dated', scope: { street: 'volunteers and their hours are the street’s, shared by every clerk' } },
  'merchants.list': { input: s.merchantListInput, access: 'viewer', write: false },
  'merchants.save': { input: s.merchantSaveInput, access: 'clerk', write: true, ...STREET_TABLE },
} as const satisfies Record<string, MethodSpec>;

/** One matter of the catalog (服务事项). */
export interface ServiceMatterInfo {
  id: number;
  name: string;
  listClass: ListClass;
  category: MatterCategory;
  materials: string[];
  /** Promised time limit in working days; 0 = on the spot. */
  limitDays: number;
  responsiblePost: string;
  fee: string;
  legalBasis: string;
  active: boolean;
  sortOrder: number;
  version: number;
  updatedAt: string;
}

/** What today makes of a request: red once past due, yellow when due within one working day. */
export type RequestFlag = 'overdue' | 'dueSoon' | 'waiting' | null;

export interface ServiceRequestRow {
  id: number;
  number: string;
  communityId: number;
  communityName: string;
  matterId: number;
  /** Name, list and limit as they were when the request was accepted. */
  matterName: string;
  listClass: ListClass;
  limitDays: number;
  residentName: string;
  residentPhone: string | null;
  residentIdNumber: string | null;
  residentAddress: string | null;
  channel: RequestChannel;
  notes: string | null;
  acceptedAt: string;
  acceptedOn: string;
  dueOn: string;
  status: RequestStatus;
  closed: boolean;
  flag: RequestFlag;
  /** Closed requests: closed on or before the due date. */
  onTime: boolean | null;
  pausedOn: string | null;
  missingDocuments: string | null;
  pausedDays: number;
  extendedDays: number;
  extensionReason: string | null;
  assigneeKind: AssigneeKind | null;
  assigneeName: string | null;
  assigneeMemberId: number | null;
  assigneeVolunteerId: number | null;
  result: string | null;
  transferredTo: string | null;
  transferReason: string | null;
  guidanceTo: string | null;
  completedAt: string | null;
  closedOn: string | null;
  satisfaction: number | null;
  satisfactionComment: string | null;
  acceptedBy: string;
  version: number;
  updatedAt: string;
}

export interface ServiceRequestEvent {
  id: number;
  kind: string;
  at: string;
  onDate: string;
  detail: Record<string, unknown> | null;
  recordedBy: string;
}

export interface CounterToday {
  today: string;
  /** The next working day after today: "due within one working day" means due on or before it. */
  nextWorkday: string;
  acceptedToday: ServiceRequestRow[];
  dueSoon: ServiceRequestRow[];
  overdue: ServiceRequestRow[];
  waiting: ServiceRequestRow[];
  inProgress: ServiceRequestRow[];
}

export interface CounterStats {
  period: string;
  accepted: number;
  byList: { listClass: ListClass; count: number }[];
  byMatter: { matterId: number; matterName: string; listClass: ListClass; count: number }[];
  closed: number;
  closedOnTime: number;
  /** Percent with one decimal, or null when nothing closed in the month. */
  onTimeRate: number | null;
  rated: number;
  averageSatisfaction: number | null;
  /** Open requests past their due date now. */
  openOverdue: number;
  volunteerHoursByTeam: { teamId: number | null; teamName: string | null; hours: number; records: number }[];
}

/** A year of the working-day calendar: built into the program (the official arrangement), and/or entered by hand. */
export interface CalendarYear {
  year: number;
  builtIn: boolean;
  /** Days of the year in the override table. */
  overrides: number;
}

export interface WorkdayOverrideInfo {
  id: number;
  date: string;
  kind: 'workday' | 'holiday';
  name: string;
  updatedAt: string;
}

export interface ServiceTeamInfo {
  id: number;
  name: string;
  skill: TeamSkill;
  leader: string | null;
  description: string | null;
  active: boolean;
  volunteers: number;
  hours: number;
}

export interface VolunteerInfo {
  id: number;
  kind: 'member' | 'resident';
  memberId: number | null;
  name: string;
  phone: string | null;
  skills: string | null;
  teamId: number | null;
  teamName: string | null;
  active: boolean;
  totalHours: number;
  /**
   * For a user limited to one community: the volunteer is a Party member of another community — their phone
   * comes masked and they cannot be edited there (volunteers and teams are otherwise the street's).
   */
  otherCommunity?: true;
}

export interface ServiceRecordInfo {
  id: number;
  volunteerId: number;
  volunteerName: string;
  teamId: number | null;
  teamName: string | null;
  servedOn: string;
  hours: number;
  content: string;
  requestId: number | null;
  recordedBy: string;
  createdAt: string;
}

export interface MerchantInfo {
  id: number;
  name: string;
  category: MerchantCategory;
  address: string;
  walkMinutes: number | null;
  offer: string;
  contact: string | null;
  phone: string | null;
  agreementStart: string;
  agreementEnd: string;
  active: boolean;
  /** Days from today to the agreement's end (0 on the last day, negative once ended). */
  daysLeft: number;
}

export interface CounterOutputs {
  'matters.list': ServiceMatterInfo[];
  'matters.create': ServiceMatterInfo;
  'matters.update': ServiceMatterInfo;
  'matters.retire': ServiceMatterInfo;
  'requests.list': { total: number; requests: ServiceRequestRow[] };
  'requests.get': { request: ServiceRequestRow; events: ServiceRequestEvent[] };
  'requests.accept': ServiceRequestRow;
  'requests.start': ServiceRequestRow;
  'requests.complete': ServiceRequestRow;
  'requests.rate': ServiceRequestRow;
  'requests.transfer': ServiceRequestRow;
  'requests.returnToGuidance': ServiceRequestRow;
  'requests.pause': ServiceRequestRow;
  'requests.resume': ServiceRequestRow;
  'requests.extend': ServiceRequestRow;
  'requests.residentHistory': { requests: ServiceRequestRow[] };
  'counter.today': CounterToday;
  'counter.stats': CounterStats;
  'workdays.due': { from: string; days: number; due: string };
  'workdays.overrides.list': WorkdayOverrideInfo[];
  'workdays.calendar': { years: CalendarYear[] };
  /** `recounted`: open requests whose due date moved with the table. */
  'workdays.overrides.save': WorkdayOverrideInfo & { recounted: number };
  'workdays.overrides.delete': { id: number; date: string; recounted: number };
  'teams.list': ServiceTeamInfo[];
  'teams.save': ServiceTeamInfo;
  'volunteers.list': VolunteerInfo[];
  'volunteers.save': VolunteerInfo;
  'volunteers.memberHours': { volunteerId: number | null; totalHours: number; records: ServiceRecordInfo[] };
  'serviceRecords.list': { total: number; totalHours: number; records: ServiceRecordInfo[] };
  'serviceRecords.create': ServiceRecordInfo;
  'serviceRecords.delete': ServiceRecordInfo;
  'merchants.list': { merchants: MerchantInfo[]; endingSoon: MerchantInfo[] };
  'merchants.save': MerchantInfo;
}
