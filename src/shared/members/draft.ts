// A member record as typed, pasted or imported, checked before it is stored: every field read the way
// clerks write it, cross-checked with the ID number, and every problem named by field, value and code.
import {
  type CitizenIdCheck,
  checkCitizenId,
  normalizePersonName,
  normalizePhone,
  parseLooseDate,
  toHalfWidth,
} from '../validators';
import { MEMBER_FIELDS } from './fields';

export type MemberCategory = 'full' | 'probationary';
export type PartyStanding = 'normal' | 'suspended';

/**
 * The typed values of a member's fields (see fields.ts). A field left blank is absent (undefined), so a
 * draft never overwrites a stored value with nothing. Dates are YYYY-MM-DD, or YYYY-MM when the record
 * gives only the month; sex is GB/T 2261.1 (1 male, 2 female); branch is the name as written.
 */
export interface MemberDraft {
  name: string;
  idNumber: string;
  branch: string;
  sex?: 1 | 2;
  ethnicity?: string;
  birthDate?: string;
  education?: string;
  category?: MemberCategory;
  joinDate?: string;
  fullDate?: string;
  occupation?: string;
  phone?: string;
  address?: string;
  standing?: PartyStanding;
  lostContactSince?: string;
  mobileDestination?: string;
  lostContact?: boolean;
  mobile?: boolean;
  grid?: string;
  building?: string;
  unit?: string;
  room?: string;
  workUnit?: string;
  inServiceRegistered?: boolean;
  employerOrg?: string;
  hardship?: boolean;
  skills?: string;
  volunteer?: boolean;
  nativePlace?: string;
  workStartDate?: string;
}

export type MemberFieldKey = keyof MemberDraft;

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

const MAX_TEXT_LENGTH = 200;

type CitizenIdFacts = Extract<CitizenIdCheck, { ok: true }>;
type Read<T> = { ok: true; value: T } | { ok: false; problem: string; params?: Record<string, string | number> };
type Reader<T> = (raw: unknown, today: Date) => Read<T>;

const refuse = (problem: string, params?: Record<string, string | number>): Read<never> =>
  params ? { ok: false, problem, params } : { ok: false, problem };

const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
// Most cells need nothing done: one test spares them the replacements (50,000-row imports).
const NEEDS_NORMALIZING = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u200B-\u200D\u2060\uFEFF]|[^\S ]| {2}|^ | $/;
const BLANK = /^[\s\u200B-\u200D\u2060\uFEFF]*$/;

/**
 * Text as stored: full-width letters and digits made half-width (so 第１网格 finds 第1网格), runs of spaces
 * and line breaks made one space. Chinese punctuation is left as written.
 */
export function normalizeCellText(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text;
  return text
    .replace(INVISIBLE, '')
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A cell is "not given" when it is empty, blank or only spaces. */
export function isBlankCell(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && BLANK.test(raw));
}

// An Excel cell holds text, a number, a date or a boolean; a text field takes text and numbers (楼栋 3).
function cellText(raw: unknown): Read<string> {
  if (typeof raw === 'string') return { ok: true, value: normalizeCellText(raw) };
  if (typeof raw === 'number' && Number.isFinite(raw)) return { ok: true, value: String(raw) };
  // A date in a text column is usually Excel's doing (单元 "3-1" became 1 March): say so, never store it.
  if (raw instanceof Date) return refuse('cellIsDate');
  return refuse('invalid');
}

const readText =
  (max = MAX_TEXT_LENGTH): Reader<string> =>
  (raw) => {
    const text = cellText(raw);
    if (!text.ok) return text;
    // Counted in characters, as the clerk counts them (an uncommon character is two UTF-16 units).
    return text.value.length > max && [...text.value].length > max ? refuse('tooLong', { max }) : text;
  };

/** Reads a cell's words against a table of the words clerks use; numbers and booleans as their text. */
const readWord =
  <T>(table: Readonly<Record<string, T>>, problem: string): Reader<T> =>
  (raw) => {
    const word = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : null;
    const key = word === null ? null : toHalfWidth(word).replace(/\s+/g, '').toLowerCase();
    return key !== null && Object.hasOwn(table, key) ? { ok: true, value: table[key] } : refuse(problem);
  };

const SEX_WORDS: Record<string, 1 | 2> = { 男: 1, 男性: 1, '1': 1, m: 1, male: 1, 女: 2, 女性: 2, '2': 2, f: 2, female: 2 };
const CATEGORY_WORDS: Record<string, MemberCategory> = {
  正式党员: 'full',
  正式: 'full',
  full: 'full',
  fullmember: 'full',
  预备党员: 'probationary',
  预备: 'probationary',
  probationary: 'probationary',
  probationarymember: 'probationary',
};
const STANDING_WORDS: Record<string, PartyStanding> = {
  正常: 'normal',
  正常党籍: 'normal',
  normal: 'normal',
  停止党籍: 'suspended',
  停止: 'suspended',
  suspended: 'suspended',
};
const FLAG_WORDS: Record<string, boolean> = {
  是: true,
  '√': true,
  '✓': true,
  '✔': true,
  y: true,
  yes: true,
  '1': true,
  true: true,
  否: false,
  '×': false,
  '✗': false,
  n: false,
  no: false,
  '0': false,
  false: false,
};

const readName: Reader<string> = (raw) => {
  const text = cellText(raw);
  return text.ok ? normalizePersonName(text.value) : text;
};

const readCitizenId: Reader<string> = (raw, today) => {
  // Excel keeps a number as a double: past 15 digits the last ones are gone and cannot be recovered.
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) return refuse('idLostDigits');
    return checkCitizenId(String(raw), today);
  }
  if (typeof raw !== 'string') return refuse('idChars');
  return checkCitizenId(raw, today);
};

const readDate: Reader<string> = (raw, today) => {
  const date = parseLooseDate(raw, { today });
  return date.ok ? { ok: true, value: date.value } : date;
};

const readPhone: Reader<string> = (raw) => {
  const text = cellText(raw);
  if (!text.ok) return text;
  const phone = normalizePhone(text.value);
  return phone.ok ? { ok: true, value: phone.value } : phone;
};

const readFlag = readWord(FLAG_WORDS, 'flagUnknown');

const READERS: { [K in MemberFieldKey]-?: Reader<NonNullable<MemberDraft[K]>> } = {
  name: readName,
  idNumber: readCitizenId,
  branch: readText(100),
  sex: readWord(SEX_WORDS, 'sexUnknown'),
  ethnicity: readText(20),
  birthDate: readDate,
  education: readText(40),
  category: readWord(CATEGORY_WORDS, 'categoryUnknown'),
  joinDate: readDate,
  fullDate: readDate,
  occupation: readText(60),
  phone: readPhone,
  address: readText(),
  standing: readWord(STANDING_WORDS, 'standingUnknown'),
  lostContactSince: readDate,
  mobileDestination: readText(),
  lostContact: readFlag,
  mobile: readFlag,
  grid: readText(100),
  building: readText(40),
  unit: readText(40),
  room: readText(40),
  workUnit: readText(),
  inServiceRegistered: readFlag,
  employerOrg: readText(),
  hardship: readFlag,
  skills: readText(),
  volunteer: readFlag,
  nativePlace: readText(60),
  workStartDate: readDate,
};

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
