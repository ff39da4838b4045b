// Unified social credit codes (统一社会信用代码, GB 32100) of the organizations in the area.
// Some codes issued in practice fail the checksum, so a bad check character is a warning, never a refusal.
import { toHalfWidth } from './names';

export const CREDIT_CODE_PROBLEMS = ['required', 'creditCodeChars'] as const;
export type CreditCodeProblem = (typeof CREDIT_CODE_PROBLEMS)[number];
/** The warning to show beside a code that was accepted with `checksumOk: false`. */
export const CREDIT_CODE_CHECKSUM_WARNING = 'creditCodeChecksum';

export type CreditCodeCheck =
  | { ok: true; value: string; checksumOk: boolean }
  | { ok: false; problem: CreditCodeProblem };

// I, O, Z, S and V are left out of the standard's alphabet because they read like 1, 0, 2, 5 and U.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The 18th character for the first 17 characters of a code. */
export function creditCodeCheckChar(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) {
    throw new RangeError(`creditCodeCheckChar needs 17 code characters, got "${first17}"`);
  }
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * ALPHABET.indexOf(first17[i]), 0);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function checkCreditCode(raw: string): CreditCodeCheck {
  const value = toHalfWidth(raw).replace(/\s/g, '').toUpperCase();
  if (value === '') return { ok: false, problem: 'required' };
  if (!CODE.test(value)) return { ok: false, problem: 'creditCodeChars' };
  return { ok: true, value, checksumOk: creditCodeCheckChar(value.slice(0, 17)) === value[17] };
}
