// The dues rules of 中组发〔2008〕3号 as pure functions on integer fen (no floating point anywhere): the band
// of a base, the monthly amount rounded half up to the fen, and the rule text a member's page and the CLI show
// ("养老金 4,800 元 × 0.5% = 24.00 元"). The whole base is charged at one rate (not stepped), and each band's
// upper bound is inclusive: 3,000.00 yuan is 0.5%, 3,000.01 is 1%.
import type { Language } from '../api/schemas';
import { DUES_TEXT } from '../i18n/messages-dues';
import { formatBase, formatFen } from './money';

export const DUES_CATEGORIES = ['working', 'retired', 'farmer', 'student', 'unemployed', 'relief'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

/** A base above this (1,000,000 yuan a month) is a typing mistake, not a pay slip. */
export const MAX_BASE_FEN = 100_000_000;
/** Students, laid-off and unemployed members, members on relief (低保): 0.2 yuan a month. */
export const FIXED_SMALL_FEN = 20;
/** Farmers: 0.2 – 1 yuan a month, a street setting; 0.5 yuan unless the street sets another. */
export const FARMER_DEFAULT_FEN = 50;
export const FARMER_MIN_FEN = 20;
export const FARMER_MAX_FEN = 100;

/** Bands as [inclusive upper bound in fen, rate in permille]; the last band has no bound. */
const BANDS: Record<'working' | 'retired', readonly (readonly [number, number])[]> = {
  working: [
    [300_000, 5],
    [500_000, 10],
    [1_000_000, 15],
    [Number.POSITIVE_INFINITY, 20],
  ],
  retired: [
    [500_000, 5],
    [Number.POSITIVE_INFINITY, 10],
  ],
};

/** Whether a category's amount is a share of a base (working, retired) or a fixed monthly sum. */
export function hasBase(category: DuesCategory): category is 'working' | 'retired' {
  return category === 'working' || category === 'retired';
}

/** The rate in permille (5 = 0.5%) for a base of a working or retired member. */
export function permilleFor(category: 'working' | 'retired', baseFen: number): number {
  for (const [bound, permille] of BANDS[category]) if (baseFen <= bound) return permille;
  throw new RangeError('no band'); // unreachable: the last bound is infinite
}

/** base × permille / 1000, rounded half up to the fen, with integer arithmetic only. */
export function shareOf(baseFen: number, permille: number): number {
  const scaled = baseFen * permille + 500;
  return (scaled - (scaled % 1000)) / 1000;
}

export interface DuesAmount {
  category: DuesCategory;
  /** The base the share is of; null for a fixed amount. */
  baseFen: number | null;
  /** null for a fixed amount. */
  permille: number | null;
  monthlyFen: number;
}

/** The monthly dues of a member of `category` on `baseFen` (ignored for fixed categories). */
export function monthlyDues(category: DuesCategory, baseFen: number | null, farmerFen = FARMER_DEFAULT_FEN): DuesAmount {
  if (hasBase(category)) {
    const base = baseFen ?? 0;
    if (!Number.isInteger(base) || base < 0 || base > MAX_BASE_FEN) throw new RangeError(`base out of range: ${base}`);
    const permille = permilleFor(category, base);
    return { category, baseFen: base, permille, monthlyFen: shareOf(base, permille) };
  }
  return { category, baseFen: null, permille: null, monthlyFen: category === 'farmer' ? farmerFen : FIXED_SMALL_FEN };
}

/** 5 → "0.5%", 10 → "1%", 15 → "1.5%". */
export function rateText(permille: number): string {
  return `${permille % 10 === 0 ? permille / 10 : `${(permille - (permille % 10)) / 10}.${permille % 10}`}%`;
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => params[key] ?? '');
}

/** The rule behind an amount, in the user's language: "养老金 4,800 元 × 0.5% = 24.00 元". */
export function ruleText(amount: DuesAmount, lang: Language): string {
  const text = DUES_TEXT[lang];
  const monthly = formatFen(amount.monthlyFen);
  if (amount.permille !== null && amount.baseFen !== null) {
    const template = amount.category === 'retired' ? text.ruleRetired : text.ruleWorking;
    return fill(template, { base: formatBase(amount.baseFen), rate: rateText(amount.permille), amount: monthly });
  }
  return fill(amount.category === 'farmer' ? text.ruleFarmer : text.ruleFixed, { category: text.categories[amount.category], amount: monthly });
}
