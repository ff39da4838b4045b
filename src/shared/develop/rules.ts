// The time rules of developing new members (《中国共产党发展党员工作细则》, 2014) as pure functions: given a
// person's path so far (the dates of each step), which rules it breaks and what falls due next. The service
// (src/core/services/develop) runs it before every step is written, the import row by row, and the CLI's
// `develop check` on a paper file alone. Each problem names its step and a stable code whose text is in the
// catalogs (src/shared/i18n/messages-develop.ts), with the dates the text names.
//
// The working-day calendar (公示 periods) is the counter's — the official calendar plus the street's override
// table — which lives in core; the caller hands its `addWorkdays` in, so this file stays free of the database.
import { addDays, addMonths, addYears, laterOf } from './dates';

/** The steps a path is made of, in the order the rules know them. `review` may repeat. */
export const DEVELOP_STEPS = [
  'applied',
  'talked',
  'activist',
  'review',
  'candidate',
  'politicalReview',
  'training',
  'preReview',
  'notice',
  'admitted',
  'approved',
  'oath',
  'extended',
  'full',
  'disqualified',
] as const;
export type DevelopStep = (typeof DEVELOP_STEPS)[number];

/**
 * The five stages (入党申请人 → 正式党员), and the other end of stage 5: a probationary member whose
 * qualification was cancelled (取消预备党员资格) leaves the path and the roll.
 */
export const DEVELOP_STAGES = ['applicant', 'activist', 'candidate', 'probationary', 'full', 'disqualified'] as const;
export type DevelopStage = (typeof DEVELOP_STAGES)[number];

export const MIN_APPLICANT_AGE = 18;
export const TALK_WITHIN_MONTHS = 1;
export const ACTIVIST_YEARS = 1;
export const REVIEW_EVERY_MONTHS = 6;
export const POLITICAL_REVIEW_VALID_YEARS = 1;
export const TRAINING_MIN_DAYS = 3;
export const TRAINING_MIN_HOURS = 24;
export const INTRODUCERS = 2;
export const PROBATION_YEARS = 1;
export const EXTENSION_MONTHS = { min: 6, max: 12 } as const;
/** The settings' defaults and bounds: the notice in working days, the approval in months (3, at most 6). */
export const NOTICE_WORKDAYS = { default: 5, min: 1, max: 30 } as const;
export const APPROVAL_MONTHS = { default: 3, min: 1, max: 6 } as const;

/** What is known of one person's path; a missing date is a step not (yet) taken. */
export interface DevelopPath {
  birth: string;
  applied?: string;
  talked?: string;
  activist?: string;
  /** The branch's half-year reviews of the activist (考察), any order. */
  reviews?: readonly string[];
  candidate?: string;
  /** How many full members are the introducers (入党介绍人). */
  introducers?: number;
  politicalReview?: string;
  training?: { on?: string; hours?: number; days?: number };
  preReview?: string;
  /** The first day of the public notice (公示). */
  notice?: string;
  admitted?: string;
  approved?: string;
  oath?: string;
  /** The probation extended once (延长预备期): the decision's date and its months. */
  extended?: { on: string; months: number };
  full?: string;
  /** 取消预备党员资格: the branch meeting's decision (approved by the higher committee as 转正 is). */
  disqualified?: string;
}

export interface RuleOptions {
  noticeWorkdays: number;
  approvalMonths: number;
  /** The day `n` working days after `from` (from itself is day 0), on the street's calendar. */
  addWorkdays: (from: string, n: number) => string;
  /**
   * A record kept in StreetDesk: every prerequisite of the file (talk, half-year reviews, introducers, 政审,
   * training, 预审, 公示) must be on record before the step it precedes. A paper file checked alone (the CLI)
   * is only held to what it states.
   */
  complete: boolean;
}

export type ProblemParams = Record<string, string | number>;
export interface DevelopProblem {
  step: DevelopStep;
  code: string;
  params: ProblemParams;
}

export interface NextStep {
  step: DevelopStep;
  earliest: string | null;
  latest: string | null;
}

export interface PathCheck {
  ok: boolean;
  problems: DevelopProblem[];
  stage: DevelopStage | null;
  /** The next step of the path (null once full). */
  next: NextStep | null;
  /** Everything with a date due: the next step and the side steps (a half-year review, the 政审's expiry). */
  due: NextStep[];
  /** The day the probation ends (预备期满), once admitted: one year from the branch meeting, plus an extension. */
  probationEnds: string | null;
  /** The last day of the public notice, once it started. */
  noticeEnds: string | null;
}

export function stageOf(path: DevelopPath): DevelopStage | null {
  if (path.disqualified) return 'disqualified';
  if (path.full) return 'full';
  if (path.admitted) return 'probationary';
  if (path.candidate) return 'candidate';
  if (path.activist) return 'activist';
  if (path.applied) return 'applicant';
  return null;
}

/** The last day of a notice of `days` working days starting on `start` (counted from `start` itself when it is one). */
export function noticeEnd(start: string, days: number, addWorkdays: RuleOptions['addWorkdays']): string {
  return addWorkdays(addDays(start, -1), days);
}

export function probationEnd(path: Pick<DevelopPath, 'admitted' | 'extended'>): string | null {
  if (!path.admitted) return null;
  const end = addYears(path.admitted, PROBATION_YEARS);
  return path.extended ? addMonths(end, path.extended.months) : end;
}

/**
 * Every rule the path breaks, and what is due. Each problem is reported on the step whose date breaks it, so
 * moving that date (or adding the missing step) is the fix the message points to.
 */
export function checkPath(path: DevelopPath, opts: RuleOptions): PathCheck {
  const problems: DevelopProblem[] = [];
  const add = (step: DevelopStep, code: string, params: ProblemParams = {}) => problems.push({ step, code, params });
  /** `step` on `date` must not come before `previous` (named by `code`). */
  const notBefore = (step: DevelopStep, date: string | undefined, previous: string | null | undefined, code: string) => {
    if (date && previous && date < previous) add(step, code, { earliest: previous, date });
  };
  const strict = opts.complete;

  // 入党申请人: 18 on the day of the application; the talk within a month of it.
  if (path.applied) {
    const eighteen = addYears(path.birth, MIN_APPLICANT_AGE);
    if (path.applied < eighteen) add('applied', 'under18', { earliest: eighteen, date: path.applied, birth: path.birth });
  }
  if (path.talked) {
    if (!path.applied) add('talked', 'needsApplication');
    else {
      notBefore('talked', path.talked, path.applied, 'talkBeforeApplication');
      const latest = addMonths(path.applied, TALK_WITHIN_MONTHS);
      if (path.talked > latest) add('talked', 'talkLate', { latest, date: path.talked });
    }
  }

  // 入党积极分子: after the application (and, on record, the talk).
  if (path.activist) {
    if (!path.applied) add('activist', 'needsApplication');
    else if (strict && !path.talked) add('activist', 'needsTalk');
    else notBefore('activist', path.activist, laterOf(path.applied, path.talked ?? null), 'activistTooEarly');
  }
  const reviews = [...(path.reviews ?? [])].sort();
  for (const review of reviews) {
    if (!path.activist) add('review', 'needsActivist');
    else notBefore('review', review, path.activist, 'reviewBeforeActivist');
  }

  // 发展对象: a full year as an activist, reviewed every half year on the way.
  if (path.candidate) {
    if (!path.activist) add('candidate', 'needsActivist');
    else {
      const earliest = addYears(path.activist, ACTIVIST_YEARS);
      if (path.candidate < earliest) add('candidate', 'candidateTooEarly', { earliest, date: path.candidate, activist: path.activist });
      if (strict || reviews.length > 0) {
        const gap = reviewGap(path.activist, reviews.filter((r) => r <= path.candidate!), path.candidate);
        if (gap) add('candidate', 'reviewMissing', gap);
      }
    }
  }
  for (const [step, date, code] of [
    ['politicalReview', path.politicalReview, 'politicalReviewTooEarly'],
    ['preReview', path.preReview, 'preReviewTooEarly'],
  ] as const) {
    if (!date) continue;
    if (!path.candidate) add(step, 'needsCandidate');
    else notBefore(step, date, path.candidate, code);
  }
  if (path.training) {
    const { hours, days } = path.training;
    if (hours !== undefined || days !== undefined) {
      if ((hours ?? 0) < TRAINING_MIN_HOURS && (days ?? 0) < TRAINING_MIN_DAYS) add('training', 'trainingShort', { hours: hours ?? 0, days: days ?? 0 });
    }
    if (path.training.on && path.activist) notBefore('training', path.training.on, path.activist, 'trainingTooEarly');
  }
  let noticeEnds: string | null = null;
  if (path.notice) {
    if (!path.candidate) add('notice', 'needsCandidate');
    else if (strict && !path.preReview) add('notice', 'needsPreReview');
    else notBefore('notice', path.notice, laterOf(path.candidate, path.preReview ?? null), 'noticeTooEarly');
    noticeEnds = noticeEnd(path.notice, opts.noticeWorkdays, opts.addWorkdays);
  }

  // 预备党员: the branch meeting after the notice ended, with the 政审 still valid; approved within the limit.
  if (path.admitted) {
    if (!path.candidate) add('admitted', 'needsCandidate');
    else {
      notBefore('admitted', path.admitted, path.candidate, 'admittedTooEarly');
      if (strict) {
        if ((path.introducers ?? 0) < INTRODUCERS) add('admitted', 'introducersTooFew', { count: path.introducers ?? 0, needed: INTRODUCERS });
        if (!path.politicalReview) add('admitted', 'needsPoliticalReview');
        if (!path.training || (path.training.hours === undefined && path.training.days === undefined)) add('admitted', 'needsTraining');
        if (!path.preReview) add('admitted', 'needsPreReview');
        if (!path.notice) add('admitted', 'needsNotice');
      }
      if (noticeEnds && path.admitted <= noticeEnds) add('admitted', 'admittedDuringNotice', { earliest: addDays(noticeEnds, 1), date: path.admitted, noticeEnds });
      if (path.politicalReview) {
        const latest = addYears(path.politicalReview, POLITICAL_REVIEW_VALID_YEARS);
        if (path.admitted > latest) add('admitted', 'politicalReviewExpired', { latest, date: path.admitted, reviewed: path.politicalReview });
      }
      if (path.training?.on && path.training.on > path.admitted) add('training', 'trainingAfterAdmission', { latest: path.admitted, date: path.training.on });
      if (path.preReview && path.preReview > path.admitted) add('preReview', 'preReviewAfterAdmission', { latest: path.admitted, date: path.preReview });
    }
  }
  if (path.approved) {
    if (!path.admitted) add('approved', 'needsAdmission');
    else {
      notBefore('approved', path.approved, path.admitted, 'approvedTooEarly');
      const latest = addMonths(path.admitted, opts.approvalMonths);
      if (path.approved > latest) add('approved', 'approvalLate', { latest, date: path.approved, months: opts.approvalMonths });
    }
  }
  if (path.oath) {
    if (!path.approved) add('oath', 'needsApproval');
    else notBefore('oath', path.oath, path.approved, 'oathTooEarly');
  }

  // 正式党员: on or after the end of the probation (one year from the branch meeting, or extended once).
  const ends = probationEnd(path);
  if (path.extended) {
    const { on, months } = path.extended;
    if (!path.approved) add('extended', 'needsApproval');
    else {
      if (!Number.isInteger(months) || months < EXTENSION_MONTHS.min || months > EXTENSION_MONTHS.max) add('extended', 'extensionMonths', { months, min: EXTENSION_MONTHS.min, max: EXTENSION_MONTHS.max });
      notBefore('extended', on, addYears(path.admitted!, PROBATION_YEARS), 'extensionTooEarly');
    }
  }
  if (path.full) {
    if (!path.approved) add('full', 'needsApproval');
    else if (ends && path.full < ends) add('full', 'fullTooEarly', { earliest: ends, date: path.full });
  }

  // 取消预备党员资格: the other outcome of the probation, decided while it runs or when it ends (within the
  // same approval limit as 转正), once, and never beside 转正 or after an extension it would cut short.
  if (path.disqualified) {
    const on = path.disqualified;
    if (!path.approved) add('disqualified', 'needsApproval');
    else {
      notBefore('disqualified', on, path.approved, 'disqualifiedTooEarly');
      const latest = ends ? addMonths(ends, opts.approvalMonths) : null;
      if (latest && on > latest) add('disqualified', 'disqualifiedLate', { latest, date: on, months: opts.approvalMonths });
    }
    if (path.full) add('disqualified', 'disqualifiedAndFull', { full: path.full, date: on });
    if (path.extended && path.extended.on > on) add('extended', 'extendedAfterDisqualified', { latest: on, date: path.extended.on });
  }

  const due = dueSteps(path, opts, reviews, ends, noticeEnds);
  return { ok: problems.length === 0, problems, stage: stageOf(path), next: due[0] ?? null, due, probationEnds: ends, noticeEnds };
}

/** The first stretch of more than half a year without a review, from the activist's day to `until`. */
function reviewGap(activist: string, reviews: readonly string[], until: string): ProblemParams | null {
  let last = activist;
  for (const day of [...reviews, until]) {
    const latest = addMonths(last, REVIEW_EVERY_MONTHS);
    if (day > latest) return { latest, date: day, since: last };
    if (day > last) last = day;
  }
  return null;
}

/** The next step first, then the side steps with a date due. */
function dueSteps(path: DevelopPath, opts: RuleOptions, reviews: readonly string[], ends: string | null, noticeEnds: string | null): NextStep[] {
  const due: NextStep[] = [];
  if (path.full || path.disqualified) return due;
  if (path.approved) {
    // 转正 (or an extension) falls due when the probation ends; the branch meets on it within the approval limit.
    due.push({ step: 'full', earliest: ends, latest: ends ? addMonths(ends, opts.approvalMonths) : null });
    if (!path.oath) due.push({ step: 'oath', earliest: path.approved, latest: null });
    return due;
  }
  if (path.admitted) {
    due.push({ step: 'approved', earliest: path.admitted, latest: addMonths(path.admitted, opts.approvalMonths) });
    return due;
  }
  if (path.candidate) {
    const validTo = path.politicalReview ? addYears(path.politicalReview, POLITICAL_REVIEW_VALID_YEARS) : null;
    due.push({ step: 'admitted', earliest: noticeEnds ? addDays(noticeEnds, 1) : path.candidate, latest: validTo });
    for (const step of ['politicalReview', 'training', 'preReview', 'notice'] as const) {
      const done = step === 'training' ? path.training !== undefined : path[step] !== undefined;
      if (!done) due.push({ step, earliest: path.candidate, latest: null });
    }
    return due;
  }
  if (path.activist) {
    due.push({ step: 'candidate', earliest: addYears(path.activist, ACTIVIST_YEARS), latest: null });
    const last = reviews.length ? reviews[reviews.length - 1] : path.activist;
    due.push({ step: 'review', earliest: null, latest: addMonths(last > path.activist ? last : path.activist, REVIEW_EVERY_MONTHS) });
    return due;
  }
  if (path.applied) {
    if (!path.talked) due.push({ step: 'talked', earliest: path.applied, latest: addMonths(path.applied, TALK_WITHIN_MONTHS) });
    else due.push({ step: 'activist', earliest: path.talked, latest: null });
    return due;
  }
  due.push({ step: 'applied', earliest: addYears(path.birth, MIN_APPLICANT_AGE), latest: null });
  return due;
}
