// De-identification for lists posted in public (PIPL, docs/domain.md §9). One mask everywhere: two lists masked
// differently could be laid side by side to rebuild the full number.
import { normalizeCitizenId } from './citizen-id';
import { toHalfWidth } from './names';
import { normalizePhone } from './phone';

const MASK = '*';

/**
 * 138****5678 however the mobile was written (+86, 0086, 86-, spaces, dashes, full-width digits); a landline
 * keeps its area code and last 2 digits (0536-*****67), an extension is dropped; a local number written without
 * its area code keeps its last 2 digits only (******78). Anything else has every digit hidden.
 */
export function maskPhone(phone: string): string {
  const text = toHalfWidth(phone).trim();
  const bare = text.replace(/[\s\-()]+/g, '');
  if (/^[2-9]\d{6,7}$/.test(bare)) return `${MASK.repeat(bare.length - 2)}${bare.slice(-2)}`;
  let parsed = normalizePhone(text);
  if (!parsed.ok && /^861[3-9]\d{9}$/.test(bare)) parsed = normalizePhone(bare.slice(2));
  if (!parsed.ok) return text.replace(/\d/g, MASK);
  if (parsed.kind === 'mobile') return `${parsed.value.slice(0, 3)}${MASK.repeat(4)}${parsed.value.slice(7)}`;
  const [area, local] = parsed.value.split('-');
  return `${area}-${MASK.repeat(local.length - 2)}${local.slice(-2)}`;
}

/** First 2 and last 3 characters: 53*************11X. Anything too short to be a number is masked whole. */
export function maskCitizenId(id: string): string {
  const value = normalizeCitizenId(id);
  if (value.length < 15) return MASK.repeat(value.length);
  return `${value.slice(0, 2)}${MASK.repeat(value.length - 5)}${value.slice(-3)}`;
}

export const ADDRESS_LEVELS = {
  street: ['街道', '镇', '乡'],
  community: ['社区', '居委会', '居民委员会', '村委会', '村民委员会', '村'],
} as const;
export type AddressLevel = keyof typeof ADDRESS_LEVELS;

/**
 * The address up to and including `keepTo`: a level ('street', 'community'), a marker word ('社区') or a
 * place name ('东关社区'); markers are tried in the order given. Without one, only `fallback` (the member's
 * community name) is shown, never the rest of the address.
 */
export function maskAddress(address: string, keepTo: AddressLevel | string | readonly string[], fallback = ''): string {
  const text = address.trim();
  for (const marker of markersFor(keepTo)) {
    const at = marker === '' ? -1 : text.indexOf(marker);
    if (at >= 0) return text.slice(0, at + marker.length);
  }
  return fallback;
}

function markersFor(keepTo: string | readonly string[]): readonly string[] {
  if (typeof keepTo !== 'string') return keepTo;
  return Object.hasOwn(ADDRESS_LEVELS, keepTo) ? ADDRESS_LEVELS[keepTo as AddressLevel] : [keepTo];
}

// Runs of digits that could be a citizen ID (15 or 18 characters, never starting with 0, the last may be X, single spaces or dashes
// allowed between them: 370102 19800101 123X), a mobile (+86 138-1234-5678) or a landline written with its
// area code (0531-82345678, (0531)82345678, 0531 8234 5678), found inside free text such as a commitment a
// member wrote. A bare local number is left: in free text it cannot be told from a serial number.
const ID_IN_TEXT =
  /(?<![0-9A-Za-z])[1-9](?:[ -]?\d){16}[ -]?[\dXx](?![0-9A-Za-z])|(?<![0-9A-Za-z])[1-9](?:[ -]?\d){14}(?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?:(?<!\d)(?:\+|00)86[\s-]?|(?<!\d)86-|(?<!\d))1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const LANDLINE_IN_TEXT = /(?<!\d)(?:\(0\d{2,3}\)\s?|0\d{2,3}[\s-])\d{3,4}[\s-]?\d{4}(?!\d)/g;

/**
 * Free text made safe to post: any ID number or phone number inside is masked with the same mask. Numbers are
 * found on a half-width copy (full-width digits, brackets and dashes read as their ASCII forms, one character
 * for one, so positions agree); only the numbers found are replaced, and the rest of the text keeps its own
 * full-width brackets and dashes (幸福社区（东区） stays as written).
 */
export function scrubPersonalData(text: string): string {
  const narrow = text.replace(/[\uFF10-\uFF19\uFF38\uFF58\uFF0B\uFF08\uFF09\u3000]/g, (c) => toHalfWidth(c)).replace(/[—–－]/g, '-');
  const found: { from: number; to: number; mask: string }[] = [];
  const taken = (from: number, to: number) => found.some((f) => from < f.to && to > f.from);
  const scan = (pattern: RegExp, mask: (match: string) => string) => {
    for (const m of narrow.matchAll(pattern)) {
      const from = m.index;
      const to = from + m[0].length;
      if (!taken(from, to)) found.push({ from, to, mask: mask(m[0]) });
    }
  };
  scan(ID_IN_TEXT, (id) => maskCitizenId(id.replace(/[\s-]/g, '')));
  scan(MOBILE_IN_TEXT, (phone) => maskPhone(phone));
  scan(LANDLINE_IN_TEXT, (phone) => maskPhone(phone));
  found.sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.from) + f.mask;
    at = f.to;
  }
  return out + text.slice(at);
}
