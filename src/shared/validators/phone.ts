// Phone numbers (联系电话) as typed: mobiles stored as 11 digits, landlines as 0536-1234567, with an optional
// extension kept as 0536-1234567-123. Full-width digits, spaces, dashes and (0536) are accepted.
import { toHalfWidth } from './names';

export const PHONE_PROBLEMS = ['required', 'phoneFormat'] as const;
export type PhoneProblem = (typeof PHONE_PROBLEMS)[number];

export type PhoneCheck =
  | { ok: true; value: string; kind: 'mobile' | 'landline' }
  | { ok: false; problem: PhoneProblem };

const MOBILE = /^1[3-9]\d{9}$/;
const AREA_CODE = /^0\d{2,3}$/;
const LOCAL_NUMBER = /^\d{7,8}$/;
const EXTENSION = /^\d{1,6}$/;
const SEPARATORS = /[\s\-()]+/g;
const EXTENSION_WORD = /转|分机|ext\.?|#/i;

export function normalizePhone(raw: string): PhoneCheck {
  const text = toHalfWidth(raw).replace(/[—–]/g, '-').trim();
  if (text === '') return { ok: false, problem: 'required' };
  const mobile = text.replace(SEPARATORS, '').replace(/^(?:\+86|0086)/, '');
  if (MOBILE.test(mobile)) return { ok: true, value: mobile, kind: 'mobile' };
  const landline = readLandline(text);
  return landline ? { ok: true, value: landline, kind: 'landline' } : { ok: false, problem: 'phoneFormat' };
}

function readLandline(text: string): string | null {
  const [main, wordExtension, ...rest] = text.split(EXTENSION_WORD).map((part) => part.trim());
  if (rest.length > 0 || (wordExtension !== undefined && !EXTENSION.test(wordExtension))) return null;
  const groups = main.split(SEPARATORS).filter(Boolean);
  if (!groups.every((g) => /^\d+$/.test(g))) return null;
  const parts = groups.length > 1 && AREA_CODE.test(groups[0]) ? splitGroups(groups) : splitDigits(groups.join(''));
  if (!parts || (parts.extension && wordExtension)) return null;
  const extension = parts.extension ?? wordExtension;
  return `${parts.area}-${parts.local}${extension ? `-${extension}` : ''}`;
}

interface LandlineParts {
  area: string;
  local: string;
  extension?: string;
}

// Written with separators, the groups say where the area code ends and whether a short last group is an
// extension: 0536-1234567-1 has one, 0536-123-4567 has none.
function splitGroups([area, ...rest]: string[]): LandlineParts | null {
  const local = rest.slice(0, -1).join('');
  const extension = rest[rest.length - 1];
  if (rest.length > 1 && LOCAL_NUMBER.test(local) && EXTENSION.test(extension)) return { area, local, extension };
  return LOCAL_NUMBER.test(rest.join('')) ? { area, local: rest.join('') } : null;
}

// Run together, the area code's length follows the national plan: 010 and 02x are short, the rest 0xxx.
function splitDigits(digits: string): LandlineParts | null {
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  const area = digits.slice(0, areaLength);
  const local = digits.slice(areaLength);
  return AREA_CODE.test(area) && LOCAL_NUMBER.test(local) ? { area, local } : null;
}
