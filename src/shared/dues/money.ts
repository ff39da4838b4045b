// Money and months as the dues ledger keeps them: integer fen end to end (never floating point), periods as
// YYYY-MM. The parsers take what clerks type or what another office's Excel sheet holds ("15元", "15.00",
// 15, "2026年1月", "202601") and answer null for anything else, so the caller names the field and the value.

import { toHalfWidth } from '../validators/names';

/** The largest amount a single figure may hold here: 99,999,999.99 yuan (what 大写 on a receipt covers). */
export const MAX_FEN = 9_999_999_999;

/** "15", "15.5", "15.00", "1,500.00", "15元", "￥15", full-width "１５" → fen; null for anything that is not a plain amount. */
export function parseYuan(value: unknown): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    // A number cell: its decimal text, so 0.1 + 0.2 style binary noise never reaches the fen.
    value = String(Math.round(value * 100) / 100);
  }
  if (typeof value !== 'string') return null;
  const text = toHalfWidth(value)
    .replace(/[\s\u3000]/g, '')
    .replace(/^(人民币|￥|¥|RMB)/i, '')
    .replace(/(元整|元|块钱|块)$/, '')
    .replace(/，/g, ',')
    .replace(/．/g, '.');
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const whole = match[1].replace(/,/g, '');
  if (whole.length > 8) return null;
  const cents = (match[2] ?? '').padEnd(2, '0');
  const fen = Number(whole) * 100 + Number(cents);
  return fen <= MAX_FEN ? fen : null;
}

/** fen → "4,800.00" (grouped) or "4800.00". */
export function formatFen(fen: number, grouped = false): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = (abs - (abs % 100)) / 100;
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${grouped ? yuan.toLocaleString('en-US') : String(yuan)}.${cents}`;
}

/** fen → "4,800" when whole yuan, "4,800.50" otherwise: how a base is written in the rule text. */
export function formatBase(fen: number): string {
  return fen % 100 === 0 ? (fen / 100).toLocaleString('en-US') : formatFen(fen, true);
}

/** "2026-01", "2026-1", "2026年1月", "2026.01", "2026/1", "202601", 46023 (an Excel date) → "2026-01"; null otherwise. */
export function parsePeriod(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}`;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 190001 && value <= 299912) value = String(value);
  if (typeof value !== 'string') return null;
  const text = value.replace(/[\s\u3000]/g, '');
  const match = /^(\d{4})(?:[-./年](\d{1,2})月?|(\d{2}))$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2] ?? match[3]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}`;
}

/** The month after (or `n` months after) a period. */
export function addMonths(period: string, n: number): string {
  const index = monthIndex(period) + n;
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months since year 0: differences of these are month counts. */
export function monthIndex(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

/** Every period from `from` to `to`, both included (empty when `to` is before `from`). */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(addMonths(from, i - monthIndex(from)));
  return out;
}
