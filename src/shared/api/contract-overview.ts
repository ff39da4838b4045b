// The secretary's overview (issue 18): one read that returns every tile of the home page and the briefing,
// each figure computed by the query of the page it links to. contract.ts spreads these into the one contract.
import type { MethodSpec } from './contract';
import * as s from './schemas-overview';
import type { OverviewSpan } from './schemas-overview';
import type { ListClass } from './schemas-counter';
import type { ProjectType } from './schemas-gov';
import type { DevelopStage } from '../develop/rules';

export const overviewMethods = {
  'overview.get': { input: s.overviewInput, access: 'viewer', write: false },
} as const satisfies Record<string, MethodSpec>;

/** A count with the page (hash route) that lists exactly what it counts. */
export interface LinkedCount {
  count: number;
  link: string;
}

/** A count whose page can show it only for today: no link for a past period (the caption says as of when). */
export interface MaybeLinkedCount {
  count: number;
  link: string | null;
}

/** Done of total, and the percent with one decimal (null while nothing counts). */
export interface OverviewRate {
  done: number;
  total: number;
  rate: number | null;
}

export interface CommunityMembers {
  communityId: number | null;
  communityName: string | null;
  full: number;
  probationary: number;
}

export type AttentionKind =
  | 'requestOverdue'
  | 'transferOverdue'
  | 'meetingMissing'
  | 'probationEnding'
  | 'developStepDue'
  | 'electionDue'
  | 'disclosureDue'
  | 'duesArrears';

/** One item of "needs attention today": what, whose community, by when, and where it is handled. */
export interface AttentionItem {
  kind: AttentionKind;
  /** overdue: past its day; dueSoon: its day is within the next 30 days. */
  severity: 'overdue' | 'dueSoon';
  /** The record's own name: a request's number, a person's or an organization's name. */
  subject: string;
  /** A code the page words by kind (the meeting type, the development step, months owed), or null. */
  detail: string | null;
  communityName: string | null;
  dueOn: string | null;
  link: string;
}

export interface RankingRow {
  communityId: number;
  communityName: string;
  members: number;
  /** Organizational life: meetings held of those due so far this year. */
  lifeRate: number | null;
  /** The counter: closed on time of those closed in the period. */
  onTimeRate: number | null;
  /** Projects of the year completed. */
  projectRate: number | null;
}

export interface Overview {
  span: OverviewSpan;
  /** The period asked for (YYYY-MM) and the months it covers, first and last. */
  period: string;
  fromMonth: string;
  toMonth: string;
  today: string;
  /** The community a limited user sees; null for the whole street. */
  communityName: string | null;
  /**
   * States (the roll, the pipeline, arrears, terms overdue) are counted on `asOf`: the period's last day, or
   * today while the period runs (`current`). Sums (joined, left, steps taken) count the period's months.
   */
  asOf: string;
  current: boolean;
  members: {
    /** The day the roll is counted on; while not current, the links open that month's return, which shows it. */
    asOf: string;
    current: boolean;
    total: LinkedCount;
    full: LinkedCount;
    probationary: LinkedCount;
    mobile: LinkedCount;
    lostContact: LinkedCount;
    hardship: LinkedCount;
    /** Joined the Party (join date) and left the roll (leave date) in the period's months. */
    joined: LinkedCount;
    left: LinkedCount;
    byCommunity: CommunityMembers[];
    /** Age bands on today: under 35, 35–45, 46–60, 61–70, over 70, unknown. */
    ages: { band: 'under35' | 'from35to45' | 'from46to60' | 'from61to70' | 'over70' | 'unknown'; count: number }[];
    /** By education code (null: none recorded), the label from the code table. */
    education: { code: string | null; label: string; count: number }[];
    joinedByYear: { year: string; count: number }[];
  };
  develop: {
    /** People on the register by their stage on asOf; the link is null for a past day (the board shows today). */
    total: MaybeLinkedCount;
    byStage: { stage: DevelopStage; count: number }[];
    dueThisMonth: LinkedCount;
    /** Steps taken in the period's months, by the step's date (the monthly return's development table). */
    steps: { applications: number; activists: number; candidates: number; admissions: number; madeFull: number };
    stepsLink: string;
  };
  /** The span's compliance (period: 2026, 2026-Q4 or 2026-10, as the compliance page's address has it). */
  life: { year: number; period: string; link: string; street: OverviewRate; byCommunity: (OverviewRate & { communityName: string | null })[]; missing: LinkedCount };
  /** `period`: the ledger's month and the month arrears are counted as of (the period's last, at most this month). */
  dues: { period: string; dueFen: number; paidFen: number; members: number; settled: number; link: string; arrears: LinkedCount; arrearsSixMonths: LinkedCount };
  counter: {
    accepted: LinkedCount;
    byList: { listClass: ListClass; count: number }[];
    onTime: OverviewRate;
    averageSatisfaction: number | null;
    overdueNow: LinkedCount;
  };
  volunteerHours: { hours: number; records: number; link: string };
  projects: { year: number; street: OverviewRate; byType: (OverviewRate & { type: ProjectType })[]; link: string };
  /** Terms whose due day falls in the period, and those overdue on asOf (the register as it stands now). */
  elections: { dueInPeriod: LinkedCount; overdue: LinkedCount };
  disclosures: { due: LinkedCount; overdue: LinkedCount };
  transfers: { open: LinkedCount; overdue: LinkedCount };
  ranking: RankingRow[];
  /** A few of each kind, overdue first; attentionTotal counts them all. */
  attention: AttentionItem[];
  attentionTotal: number;
}

export interface OverviewOutputs {
  'overview.get': Overview;
}

export type OverviewMethod = keyof typeof overviewMethods;
