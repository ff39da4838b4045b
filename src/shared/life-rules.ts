// The pure rules of organizational life (组织生活), shared by core (records, compliance, the return) and the
// screens (the grid's headers, the form's quorum line): periods of a frequency, what a cell of the
// compliance grid says, quorum, the one-third cap on 优秀, the activity week, six months' absence.
import type { AppraisalGrade, LifeFrequency, MeetingType } from './api/schemas-life';

/** The 2018 regulations' defaults; each is a setting (life.saveRules). */
export const DEFAULT_FREQUENCY: Readonly<Record<MeetingType, LifeFrequency>> = {
  'branch-meeting': 'quarter',
  committee: 'month',
  group: 'month',
  lecture: 'quarter',
  'theme-day': 'month',
  'life-meeting': 'year',
  talk: 'year',
};

/** A compliance cell: a valid meeting held in the period; none in a period that has ended; the period still running. */
export type CellState = 'done' | 'missing' | 'notDue';

/** How many months without being present flag a member for follow-up (the Party constitution's six months). */
export const ABSENCE_FLAG_MONTHS = 6;

/** The period a day falls in: 2026-03 (month), 2026-Q1 (quarter), 2026 (year). */
export function periodOf(day: string, frequency: LifeFrequency): string {
  const year = day.slice(0, 4);
  if (frequency === 'year') return year;
  const month = Number(day.slice(5, 7));
  return frequency === 'quarter' ? `${year}-Q${Math.ceil(month / 3)}` : `${year}-${day.slice(5, 7)}`;
}

/** The periods of a year, in order. */
export function periodsOfYear(year: number, frequency: LifeFrequency): string[] {
  if (frequency === 'year') return [String(year)];
  if (frequency === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * The periods of a frequency due within a span of the year (the year, a quarter 2026-Q2 or a month 2026-05):
 * those that end within it. A period is due by its last day, so each is due in exactly one quarter and one
 * month, and the quarters (or the months) add up to the year.
 */
export function periodsDueIn(span: string, frequency: LifeFrequency): string[] {
  const from = periodStart(span);
  const to = periodEnd(span);
  return periodsOfYear(Number(span.slice(0, 4)), frequency).filter((p) => periodEnd(p) >= from && periodEnd(p) <= to);
}

/** The last day of a period (ISO). */
export function periodEnd(period: string): string {
  const year = Number(period.slice(0, 4));
  if (period.length === 4) return `${year}-12-31`;
  const month = period[5] === 'Q' ? Number(period[6]) * 3 : Number(period.slice(5, 7));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** The first day of a period (ISO). */
export function periodStart(period: string): string {
  const year = period.slice(0, 4);
  if (period.length === 4) return `${year}-01-01`;
  const month = period[5] === 'Q' ? (Number(period[6]) - 1) * 3 + 1 : Number(period.slice(5, 7));
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** Done when a valid meeting was held; a period that has not ended yet is not yet due; otherwise missing. */
export function cellState(done: boolean, period: string, today: string): CellState {
  if (done) return 'done';
  return periodEnd(period) >= today ? 'notDue' : 'missing';
}

/** More than half: 党员大会 of the members with voting rights, 支委会 of the committee. Nobody to count is no quorum. */
export function hasQuorum(present: number, entitled: number): boolean {
  return entitled > 0 && present * 2 > entitled;
}

/** 优秀 at most one third of those appraised: 3 of 9 may be, a fourth may not. */
export function excellentAllowed(excellent: number, appraised: number): boolean {
  return excellent * 3 <= appraised;
}

/** The most 优秀 grades `appraised` members allow. */
export function excellentCap(appraised: number): number {
  return Math.floor(appraised / 3);
}

/** What an appraisal's grades add up to, for the tally sheet. */
export function tally(grades: readonly AppraisalGrade[]): Record<AppraisalGrade, number> {
  const out: Record<AppraisalGrade, number> = { excellent: 0, qualified: 0, basic: 0, unqualified: 0 };
  for (const g of grades) out[g] += 1;
  return out;
}

function iso(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The activity week of a month: the week (Monday to Sunday) beginning on the month's `week`-th Monday — the
 * second by default, as the Zhucheng practice has it.
 */
export function activityWeek(year: number, month: number, week: number): { start: string; end: string } {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const toMonday = (8 - first.getUTCDay()) % 7; // getUTCDay: 0 = Sunday, 1 = Monday
  const start = new Date(Date.UTC(year, month - 1, 1 + toMonday + 7 * (week - 1)));
  const end = new Date(start.getTime() + 6 * 86_400_000);
  return { start: iso(start), end: iso(end) };
}

/** The day of the activity week a branch meets on (1 = Monday … 7 = Sunday). */
export function fixedDay(week: { start: string }, weekday: number): string {
  const start = new Date(`${week.start}T00:00:00Z`);
  return iso(new Date(start.getTime() + (weekday - 1) * 86_400_000));
}

/** The day `months` months before `day` (the end of a shorter month where the day does not exist). */
export function monthsBefore(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - months;
  const target = new Date(Date.UTC(y, m - 1, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(Number(day.slice(8, 10)), last));
  return iso(target);
}

/**
 * Absent from organizational life for six months in a row: on the roll since before the window, on the roster
 * of at least one meeting in it, and present at none.
 */
export function absentSixMonths(
  attendance: readonly { heldOn: string; state: 'present' | 'absent' | 'leave' }[],
  joinedOn: string | null,
  today: string,
): boolean {
  const from = monthsBefore(today, ABSENCE_FLAG_MONTHS);
  if (joinedOn !== null && joinedOn > from) return false;
  const inWindow = attendance.filter((a) => a.heldOn > from && a.heldOn <= today);
  return inWindow.length > 0 && inWindow.every((a) => a.state !== 'present');
}
