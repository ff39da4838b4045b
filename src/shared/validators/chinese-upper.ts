// Formal Chinese numerals (大写数字) as letters and certificates write amounts and dates, so a figure
// cannot be altered with one stroke: 10 → 壹拾, 105 → 壹佰零伍, 2026-03 → 贰零贰陆年叁月.
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const SMALL_UNITS = ['', '拾', '佰', '仟'] as const;
const BIG_UNITS = ['', '万', '亿'] as const;

/** A number below 10,000 in formal numerals, with 零 for inner gaps; '' for 0 (the caller decides). */
function fourDigits(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const digit = Math.floor(n / 10 ** pos) % 10;
    if (digit === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += DIGITS[0];
    pendingZero = false;
    out += DIGITS[digit] + SMALL_UNITS[pos];
  }
  return out;
}

/** A whole number 0 … 999,999,999,999 in formal numerals: 0 → 零, 10 → 壹拾, 10,010 → 壹万零壹拾. */
export function toChineseUpper(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 1e12) throw new RangeError(`toChineseUpper: ${value}`);
  if (value === 0) return DIGITS[0];
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i];
    if (group === 0) continue;
    // A gap before this group (a zero group, or fewer than four digits after a higher group) reads 零.
    const higherWritten = out !== '';
    if (higherWritten && (group < 1000 || groups[i + 1] === 0)) out += DIGITS[0];
    out += fourDigits(group) + BIG_UNITS[i];
  }
  return out.replace(/零+/g, '零');
}

/** A year-month (YYYY-MM) as documents write it: the year digit by digit, the month as a number: 贰零贰陆年拾壹月. */
export function yearMonthToChineseUpper(yearMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new RangeError(`yearMonthToChineseUpper: ${yearMonth}`);
  const year = [...match[1]].map((d) => DIGITS[Number(d)]).join('');
  const month = Number(match[2]);
  return `${year}年${month < 10 ? DIGITS[month] : `拾${month === 10 ? '' : DIGITS[month - 10]}`}月`;
}
