// How one cell of a member record is read, the way clerks write it (full-width digits, 男/女, 是/否, dates
// as 2019.07 or 2019年7月1日): each member field's check in the field table (fields.ts) is one of these.
import { type CitizenIdCheck, checkCitizenId, normalizePersonName, normalizePhone, parseLooseDate, toHalfWidth } from '../validators';

export type MemberCategory = 'full' | 'probationary';
export type PartyStanding = 'normal' | 'suspended';

const MAX_TEXT_LENGTH = 200;

export type CitizenIdFacts = Extract<CitizenIdCheck, { ok: true }>;
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string; params?: Record<string, string | number> };
/** Reads one cell: its value as stored, or the problem (a key of FIELD_PROBLEMS) and its params. */
export type Reader<T> = (raw: unknown, today: Date) => Read<T>;

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

export const readText =
  (max = MAX_TEXT_LENGTH): Reader<string> =>
  (raw) => {
    const text = cellText(raw);
    if (!text.ok) return text;
    // Counted in characters, as the clerk counts them (an uncommon character is two UTF-16 units).
    return text.value.length > max && [...text.value].length > max ? refuse('tooLong', { max }) : text;
  };

/** Reads a cell's words against a table of the words clerks use; numbers and booleans as their text. */
export const readWord =
  <T>(table: Readonly<Record<string, T>>, problem: string): Reader<T> =>
  (raw) => {
    const word = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : null;
    const key = word === null ? null : toHalfWidth(word).replace(/\s+/g, '').toLowerCase();
    return key !== null && Object.hasOwn(table, key) ? { ok: true, value: table[key] } : refuse(problem);
  };

export const SEX_WORDS: Record<string, 1 | 2> = { 男: 1, 男性: 1, '1': 1, m: 1, male: 1, 女: 2, 女性: 2, '2': 2, f: 2, female: 2 };
export const CATEGORY_WORDS: Record<string, MemberCategory> = {
  正式党员: 'full',
  正式: 'full',
  full: 'full',
  fullmember: 'full',
  预备党员: 'probationary',
  预备: 'probationary',
  probationary: 'probationary',
  probationarymember: 'probationary',
};
export const STANDING_WORDS: Record<string, PartyStanding> = {
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

export const readName: Reader<string> = (raw) => {
  const text = cellText(raw);
  return text.ok ? normalizePersonName(text.value) : text;
};

export const readCitizenId: Reader<string> = (raw, today) => {
  // Excel keeps a number as a double: past 15 digits the last ones are gone and cannot be recovered.
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) return refuse('idLostDigits');
    return checkCitizenId(String(raw), today);
  }
  if (typeof raw !== 'string') return refuse('idChars');
  return checkCitizenId(raw, today);
};

export const readDate: Reader<string> = (raw, today) => {
  const date = parseLooseDate(raw, { today });
  return date.ok ? { ok: true, value: date.value } : date;
};

export const readPhone: Reader<string> = (raw) => {
  const text = cellText(raw);
  if (!text.ok) return text;
  const phone = normalizePhone(text.value);
  return phone.ok ? { ok: true, value: phone.value } : phone;
};

export const readFlag = readWord(FLAG_WORDS, 'flagUnknown');
