// The pure rules of community governance (issue 17): completion rates to one decimal counted with integers
// (Zhucheng's 396 of 656 first-secretary projects is 60.4%, never 60.36… rounded by a float), the quorum and
// majority of a meeting, the order of the 四议两公开 steps, term lengths and their due dates, and the
// disclosure calendar. Both sides use them: core to refuse and count, the screens to show the same figures.
import type { OrgLevel } from './api/schemas';

/**
 * done ÷ total as a percent with one decimal, rounded half up, as a string ("60.4"); null when total is 0.
 * Integer arithmetic only: tenths = ⌊(2000·done + total) ÷ (2·total)⌋, so 396/656 → 604 → "60.4".
 */
export function rateText(done: number, total: number): string | null {
  if (!Number.isSafeInteger(done) || !Number.isSafeInteger(total) || done < 0 || total < 0 || done > total) throw new RangeError(`rate of ${done}/${total}`);
  if (total === 0) return null;
  const tenths = Math.floor((2000 * done + total) / (2 * total));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** A share rule: more than `percent` % of the whole (over half = 50; over four fifths = 80). */
export function moreThan(part: number, whole: number, percent: number): boolean {
  return part * 100 > whole * percent;
}

/** Elections: attendance over four fifths of the members entitled to vote. */
export const ELECTION_PRESENT_PERCENT = 80;
/** Anyone elected needs more than half the votes of those present. */
export const ELECTED_VOTES_PERCENT = 50;

/** The six steps of 四议两公开, in their one order. */
export const DECISION_STEPS = ['proposal', 'committees', 'members', 'residents', 'publishDecision', 'publishResult'] as const;
export type DecisionStep = (typeof DECISION_STEPS)[number];
/** Steps that are meetings (attendance and votes recorded); the last two are publications. */
export const MEETING_STEPS: readonly DecisionStep[] = ['proposal', 'committees', 'members', 'residents'];

export interface MeetingRule {
  /** More than this percent of those entitled present. */
  presentPercent: number;
  /** More than this percent of those present in favour. */
  favourPercent: number;
}

export type MeetingProblem = 'presentOverEntitled' | 'votesOverPresent' | 'quorumNotMet' | 'majorityNotMet';

/** What is wrong with a meeting's figures, first the impossible, then the quorum, then the majority. */
export function meetingProblem(entitled: number, present: number, inFavour: number, rule: MeetingRule): MeetingProblem | null {
  if (present > entitled) return 'presentOverEntitled';
  if (inFavour > present) return 'votesOverPresent';
  if (!moreThan(present, entitled, rule.presentPercent)) return 'quorumNotMet';
  if (!moreThan(inFavour, present, rule.favourPercent)) return 'majorityNotMet';
  return null;
}

/** Years of a term: branches 3; community committees, general branches and the street's Party committee 5. */
export function defaultTermYears(level: OrgLevel): number {
  return level === 'branch' || level === 'party_group' ? 3 : 5;
}

/** An ISO day `months` months later (the last day of a shorter month when the day does not exist). */
export function addMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const d = Math.min(Number(day.slice(8, 10)), last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The day before an ISO day. */
export function dayBefore(day: string): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** When the next election is due: the last one plus the term, moved by the approved months. */
export function termDueOn(electedOn: string, termYears: number, adjustMonths: number): string {
  return addMonths(electedOn, termYears * 12 + adjustMonths);
}

export type TermReminder = 'sixMonths' | 'threeMonths' | 'overdue' | null;

/** Reminders 6 and 3 months before the due day, and (monthly) once it has passed. */
export function termReminder(dueOn: string, today: string): TermReminder {
  if (today > dueOn) return 'overdue';
  if (today >= addMonths(dueOn, -3)) return 'threeMonths';
  if (today >= addMonths(dueOn, -6)) return 'sixMonths';
  return null;
}

/** Whole months since the due day once overdue (the monthly reminder counts them); 0 otherwise. */
export function monthsOverdue(dueOn: string, today: string): number {
  if (today <= dueOn) return 0;
  let n = 0;
  while (addMonths(dueOn, n + 1) <= today) n++;
  return n;
}

/** The four areas of the open column (四务公开). */
export const DISCLOSURE_AREAS = ['party', 'affairs', 'finance', 'service'] as const;
export type DisclosureAreaName = (typeof DISCLOSURE_AREAS)[number];

/** How often an area is published at least: finances monthly, the routine areas quarterly. */
export function disclosureIntervalMonths(area: DisclosureAreaName): number {
  return area === 'finance' ? 1 : 3;
}

/** The months (YYYY-MM) of the window ending at `period` in which an area must be published once. */
export function disclosureWindow(area: DisclosureAreaName, period: string): { from: string; to: string } {
  const n = disclosureIntervalMonths(area);
  return { from: addMonths(`${period}-01`, -(n - 1)).slice(0, 7), to: period };
}

/** The fixed publication day of a month (the 9th by default). */
export function fixedDayOf(period: string, fixedDay: number): string {
  return `${period}-${String(fixedDay).padStart(2, '0')}`;
}
