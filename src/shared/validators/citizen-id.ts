// Citizen ID numbers (公民身份号码, GB 11643): normalizing what was typed or pasted, the check digit, and
// what the number says about its holder, so a separately entered birth date and sex can be compared with it.
import { EARLIEST_YEAR, isRealDate, localIsoDate, parseLooseDate } from './loose-date';
import { toHalfWidth } from './names';

export const CITIZEN_ID_PROBLEMS = [
  'required',
  'idLength',
  'idChars',
  'idBirthDate',
  'idChecksum',
  'idLostDigits',
  'idOldFormat',
] as const;
export type CitizenIdProblem = (typeof CITIZEN_ID_PROBLEMS)[number];

export type CitizenIdCheck =
  | { ok: true; value: string; birthDate: string; sex: 1 | 2; region: string }
  | { ok: false; problem: CitizenIdProblem; params?: Record<string, string | number> };

export const ID_MISMATCH_PROBLEMS = ['idBirthDateMismatch', 'idSexMismatch'] as const;
export interface IdMismatch {
  problem: (typeof ID_MISMATCH_PROBLEMS)[number];
  params?: Record<string, string>;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_DIGITS = '10X98765432';
// What Excel shows once it has stored the number as a double: 3.70102E+17, or 370101190102039000.0.
const EXCEL_NUMBER_FORMS = /^\d+(?:\.\d*)?E\+?\d+$|^\d*\.\d*$/;

/**
 * Half-width, no spaces, upper-case X: the form the archive stores. A leading apostrophe (how a clerk makes
 * Excel keep the digits as text, carried along when the cell is copied as text), inner spaces and invisible
 * characters are what was typed, not the number. Dashes are not: 370101-1901… is refused, to be checked.
 */
export function normalizeCitizenId(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/^['‘’`]+/, '')
    .toUpperCase();
}

/** The 18th character for the first 17 digits of a number. */
export function citizenIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`citizenIdCheckDigit needs 17 digits, got "${first17}"`);
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return CHECK_DIGITS[sum % 11];
}

export function checkCitizenId(raw: string, today: Date = new Date()): CitizenIdCheck {
  const value = normalizeCitizenId(raw);
  if (value === '') return { ok: false, problem: 'required' };
  if (/\d/.test(value) && EXCEL_NUMBER_FORMS.test(value)) return { ok: false, problem: 'idLostDigits' };
  if (!/^[\dX]+$/.test(value)) return { ok: false, problem: 'idChars' };
  if (/^\d{15}$/.test(value)) return { ok: false, problem: 'idOldFormat' };
  if (value.length !== 18) return { ok: false, problem: 'idLength', params: { length: value.length } };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'idChars' };
  const birthDate = birthDateIn(value, today);
  if (!birthDate) return { ok: false, problem: 'idBirthDate' };
  if (citizenIdCheckDigit(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'idChecksum' };
  return { ok: true, value, birthDate, sex: Number(value[16]) % 2 === 1 ? 1 : 2, region: value.slice(0, 6) };
}

function birthDateIn(id: string, today: Date): string | null {
  const [year, month, day] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
  if (year < EARLIEST_YEAR || !isRealDate(year, month, day)) return null;
  const iso = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return iso > localIsoDate(today) ? null : iso;
}

/**
 * Where a separately entered birth date (YYYY-MM-DD, or YYYY-MM when only the month is known) or sex
 * (1 male, 2 female) disagrees with a valid number. An invalid number yields nothing: checkCitizenId reports it.
 */
export function idAgreesWith(
  id: string,
  entered: { birthDate?: string | null; sex?: 1 | 2 | null },
  today: Date = new Date(),
): IdMismatch[] {
  const checked = checkCitizenId(id, today);
  if (!checked.ok) return [];
  const mismatches: IdMismatch[] = [];
  const birth = entered.birthDate ? parseLooseDate(entered.birthDate, { allowFuture: true }) : null;
  if (birth?.ok && !checked.birthDate.startsWith(birth.value)) {
    mismatches.push({ problem: 'idBirthDateMismatch', params: { idBirthDate: checked.birthDate } });
  }
  if (entered.sex && entered.sex !== checked.sex) mismatches.push({ problem: 'idSexMismatch' });
  return mismatches;
}
