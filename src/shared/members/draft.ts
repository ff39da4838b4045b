// A member record as typed, pasted or imported, checked before it is stored: every field read the way
// clerks write it, cross-checked with the ID number, and every problem named by field, value and code.
import { isBlankCell, type CitizenIdFacts, type Reader } from './cell-readers';
import { MEMBER_FIELDS, type MemberDraft, type MemberFieldKey } from './fields';

export { isBlankCell, normalizeCellText, type MemberCategory, type PartyStanding } from './cell-readers';
export type { MemberDraft, MemberFieldKey } from './fields';

/** One thing wrong with one cell: `problem` is a key of FIELD_PROBLEMS in shared/i18n. */
export interface RowProblem {
  field: string;
  /** The cell as given (for an ID number typed as a number, that number). */
  value: unknown;
  problem: string;
  params?: Record<string, string | number>;
}

export interface MemberRowCheck {
  /** Null when the row has any problem: a draft is only ever a record that may be stored as it is. */
  draft: MemberDraft | null;
  problems: RowProblem[];
  /** What is allowed but unusual and worth a second look (a probation shorter than a year): never a refusal. */
  warnings: RowProblem[];
}

export interface CheckMemberRowOptions {
  /** The clerk's today, for "not in the future"; defaults to the machine's clock. */
  today?: Date;
}

/** Warning codes checkMemberRow gives (each needs a FIELD_PROBLEMS text). */
export const MEMBER_ROW_WARNINGS = ['probationShort', 'probationLong'] as const;

/** The youngest a member may be on the day of joining (Party Constitution, Article 1). */
export const MIN_JOINING_AGE = 18;

/** Problem codes checkMemberRow adds to those of shared/validators (each needs a FIELD_PROBLEMS text). */
export const MEMBER_ROW_PROBLEMS = [
  'required',
  'tooLong',
  'invalid',
  'sexUnknown',
  'categoryUnknown',
  'standingUnknown',
  'flagUnknown',
  'cellIsDate',
  'fullDateNotAfterJoinDate',
  'probationaryHasFullDate',
  'joinedUnder18',
  'categoryNeeded',
  'unknownField',
] as const;

/** Each field's check, from the field table. */
const READERS = Object.fromEntries(MEMBER_FIELDS.map((f) => [f.key, f.read])) as Record<MemberFieldKey, Reader<unknown>>;

/** The member field keys checkMemberRow reads, in the order of fields.ts. */
export const MEMBER_FIELD_KEYS = MEMBER_FIELDS.map((f) => f.key).filter((key): key is MemberFieldKey => Object.hasOwn(READERS, key));

const REQUIRED_KEYS = MEMBER_FIELDS.filter((f) => f.required).map((f) => f.key);

/**
 * Checks one row of cells keyed by member field (as the roster reader or a paste hands them over) and
 * turns it into a draft. Birth date and sex not given are taken from the ID number; given, they must agree.
 */
export function checkMemberRow(cells: Readonly<Record<string, unknown>>, options: CheckMemberRowOptions = {}): MemberRowCheck {
  const today = options.today ?? new Date();
  const values: Partial<Record<MemberFieldKey, unknown>> = {};
  const problems: RowProblem[] = [];
  let id: CitizenIdFacts | undefined;

  for (const [field, raw] of Object.entries(cells)) {
    if (isBlankCell(raw)) continue;
    if (!Object.hasOwn(READERS, field)) {
      problems.push({ field, value: raw, problem: 'unknownField' });
      continue;
    }
    const read = READERS[field as MemberFieldKey](raw, today);
    if (!read.ok) {
      problems.push({ field, value: raw, problem: read.problem, ...(read.params ? { params: read.params } : {}) });
      continue;
    }
    values[field as MemberFieldKey] = read.value;
    // readCitizenId answers with checkCitizenId's result: the birth date and sex the number holds.
    if (field === 'idNumber') id = read as CitizenIdFacts;
  }

  for (const key of REQUIRED_KEYS) {
    if (isBlankCell(cells[key])) problems.push({ field: key, value: cells[key], problem: 'required' });
  }
  const draft = values as MemberDraft;
  if (id) problems.push(...disagreementsWithId(draft, cells, id));
  problems.push(...membershipDates(draft, cells, id));
  const warnings = problems.length === 0 ? probationWarnings(draft, cells) : [];
  if (problems.length > 0 || !id) return { draft: null, problems, warnings };
  // A birth date that agrees with the number is the number's: a roster's 出生年月 (to the month) keeps the day
  // the ID number gives, so the stored record never disagrees with its own ID number. A blank category is
  // taken from the 转正 date: given, the member is full.
  const category = draft.category ?? (draft.fullDate !== undefined ? 'full' : undefined);
  return { draft: { ...draft, birthDate: id.birthDate, sex: draft.sex ?? id.sex, ...(category ? { category } : {}) }, problems, warnings };
}

/** The same day `years` later (YYYY-MM-DD, or YYYY-MM for a month): a birthday, a probation's end. */
function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

/**
 * Probation is one year, and may be extended once by up to a year: a 转正 date less than a year or more
 * than two years after joining is allowed (records of old cases differ) but flagged for a second look.
 * Dates are compared at the coarser of their precisions (a YYYY-MM date is its whole month).
 */
function probationWarnings(draft: MemberDraft, cells: Readonly<Record<string, unknown>>): RowProblem[] {
  const { joinDate, fullDate } = draft;
  if (joinDate === undefined || fullDate === undefined) return [];
  const at = (date: string) => date.slice(0, Math.min(joinDate.length, fullDate.length));
  const problem = at(fullDate) < at(addYears(joinDate, 1)) ? 'probationShort' : at(fullDate) > at(addYears(joinDate, 2)) ? 'probationLong' : null;
  return problem ? [{ field: 'fullDate', value: cells.fullDate, problem, params: { joinDate } }] : [];
}

// idAgreesWith's rule, on facts already read (it would check the number again): a birth date given to
// the month agrees when the month does.
function disagreementsWithId(draft: MemberDraft, cells: Readonly<Record<string, unknown>>, id: CitizenIdFacts): RowProblem[] {
  const problems: RowProblem[] = [];
  if (draft.birthDate !== undefined && !id.birthDate.startsWith(draft.birthDate)) {
    problems.push({ field: 'birthDate', value: cells.birthDate, problem: 'idBirthDateMismatch', params: { idBirthDate: id.birthDate } });
  }
  if (draft.sex !== undefined && draft.sex !== id.sex) problems.push({ field: 'sex', value: cells.sex, problem: 'idSexMismatch' });
  return problems;
}

function membershipDates(draft: MemberDraft, cells: Readonly<Record<string, unknown>>, id: CitizenIdFacts | undefined): RowProblem[] {
  const problems: RowProblem[] = [];
  // At least 18 on the day of joining, by the ID number's birth date; a month-only joining date is refused
  // only when the whole month is before the 18th birthday.
  if (id && draft.joinDate !== undefined) {
    const eighteen = addYears(id.birthDate, MIN_JOINING_AGE);
    if (draft.joinDate < eighteen.slice(0, draft.joinDate.length)) {
      problems.push({ field: 'joinDate', value: cells.joinDate, problem: 'joinedUnder18', params: { birthDate: id.birthDate, age: MIN_JOINING_AGE } });
    }
  }
  if (draft.category === 'probationary' && !isBlankCell(cells.fullDate)) {
    problems.push({ field: 'fullDate', value: cells.fullDate, problem: 'probationaryHasFullDate' });
  } else if (draft.joinDate !== undefined && draft.fullDate !== undefined && !isAfter(draft.fullDate, draft.joinDate)) {
    problems.push({ field: 'fullDate', value: cells.fullDate, problem: 'fullDateNotAfterJoinDate', params: { joinDate: draft.joinDate } });
  }
  return problems;
}

// Compared to the coarser of the two: 2020-07 is after 2019-07-01, and 2019-07 may be after 2019-07-01.
function isAfter(later: string, earlier: string): boolean {
  const length = Math.min(later.length, earlier.length);
  const [a, b] = [later.slice(0, length), earlier.slice(0, length)];
  return a > b || (a === b && later.length !== earlier.length);
}
