// De-identification for lists posted in public (PIPL, domain.md §9). One mask everywhere: two lists masked
// differently could be laid side by side to rebuild the full number.
import { normalizeCitizenId } from './citizen-id';
import { toHalfWidth } from './names';
import { normalizePhone } from './phone';

const MASK = '*';

/** 138****5678; a landline keeps its area code and last 2 digits (0536-*****67); an extension is dropped. */
export function maskPhone(phone: string): string {
  const parsed = normalizePhone(phone);
  if (!parsed.ok) return toHalfWidth(phone).replace(/\d/g, MASK);
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

// Runs of digits that could be a mobile number or a citizen ID (15 or 18 characters, the last may be X),
// found inside free text such as a commitment a member wrote.
const ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])|(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;

/** Free text made safe to post: any ID number or mobile number inside is masked with the same mask. */
export function scrubPersonalData(text: string): string {
  const digits = text.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => toHalfWidth(c));
  return digits
    .replace(ID_IN_TEXT, (id) => maskCitizenId(id))
    .replace(MOBILE_IN_TEXT, (phone) => maskPhone(phone.replace(/[\s-]/g, '')));
}
