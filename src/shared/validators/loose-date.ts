// Dates as they arrive from Excel cells and from people: Date objects, Excel serials, 2019.07, 2019年7月1日 ...
// A date given to the month stays a month: the archive never invents a day the paper record does not have.
import { toHalfWidth } from './names';

export const LOOSE_DATE_PROBLEMS = [
  'required',
  'dateFormat',
  'dateInvalid',
  'dateInFuture',
  'dateYearOnly',
  'dateMonthAmbiguous',
] as const;
export type LooseDateProblem = (typeof LOOSE_DATE_PROBLEMS)[number];

export type LooseDate =
  | { ok: true; value: string; precision: 'day' | 'month' }
  | { ok: false; problem: LooseDateProblem; params?: Record<string, string | number> };

export interface LooseDateOptions {
  /** The clerk's today; defaults to the machine's clock. */
  today?: Date;
  allowFuture?: boolean;
}

export const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 9999;
const MAX_EXCEL_SERIAL = 2958465; // 9999-12-31
const EXCEL_FICTIONAL_LEAP_DAY = 60; // Excel copies Lotus 1-2-3 in believing 1900 was a leap year
const DAY_MS = 86_400_000;
// A whole number in this band is a year typed alone (入党时间 2019), not a serial: serials 1900–2100 fall
// in 1905, which no living member's record holds.
const YEAR_BAND = { from: 1900, to: 2100 };
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const YEAR_MONTH = /^(\d{4})[-./年](\d{1,2})月?$/;
const YEAR_MONTH_DAY = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})[日号]?$/;
const TIME_OF_DAY = /(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');


export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  const leapDay = month === 2 && isLeapYear(year) ? 1 : 0;
  return day <= DAYS_IN_MONTH[month - 1] + leapDay;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The calendar day `moment` falls on where the program runs, as YYYY-MM-DD. */
export function localIsoDate(moment: Date): string {
  return `${pad(moment.getFullYear(), 4)}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

export function parseLooseDate(value: unknown, opts: LooseDateOptions = {}): LooseDate {
  const read = readDate(value);
  if (!read.ok || opts.allowFuture) return read;
  const today = localIsoDate(opts.today ?? new Date());
  const limit = read.precision === 'month' ? today.slice(0, 7) : today;
  return read.value > limit ? { ok: false, problem: 'dateInFuture' } : read;
}

function readDate(value: unknown): LooseDate {
  if (value === null || value === undefined) return { ok: false, problem: 'required' };
  if (value instanceof Date) return fromUtcDate(value);
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'string') return fromText(value);
  return { ok: false, problem: 'dateFormat' };
}

// exceljs hands date cells over as UTC midnight, so the UTC fields are the day the sheet shows.
function fromUtcDate(date: Date): LooseDate {
  if (Number.isNaN(date.getTime())) return { ok: false, problem: 'dateInvalid' };
  return dayDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function fromText(raw: string): LooseDate {
  const text = toHalfWidth(raw).trim().replace(TIME_OF_DAY, '').replace(/\s+/g, '');
  if (text === '') return { ok: false, problem: 'required' };
  const digits = /^\d{8}$/.test(text) ? [text.slice(0, 4), text.slice(4, 6), text.slice(6)] : null;
  const ymd = digits ?? YEAR_MONTH_DAY.exec(text)?.slice(1);
  if (ymd) return dayDate(Number(ymd[0]), Number(ymd[1]), Number(ymd[2]));
  const ym = /^\d{6}$/.test(text) ? [text.slice(0, 4), text.slice(4)] : YEAR_MONTH.exec(text)?.slice(1);
  if (ym) return monthDate(Number(ym[0]), Number(ym[1]));
  // Typed text keeps its digits, so 2019.1 was read above as January; only a number cell can mean October.
  if (/^\d{1,7}(?:\.\d+)?$/.test(text)) return fromNumber(Number(text));
  return { ok: false, problem: 'dateFormat' };
}

function fromNumber(n: number): LooseDate {
  if (!Number.isFinite(n)) return { ok: false, problem: 'dateFormat' };
  const whole = Math.floor(n);
  if (whole >= YEAR_BAND.from && whole <= YEAR_BAND.to) return fromYearNumber(n);
  const digits = Number.isInteger(n) ? fromDigitsNumber(n) : null;
  if (digits) return digits;
  if (whole < 1 || whole > MAX_EXCEL_SERIAL) return { ok: false, problem: 'dateFormat' };
  if (whole === EXCEL_FICTIONAL_LEAP_DAY) return { ok: false, problem: 'dateInvalid' };
  const daysAfter1900 = whole < EXCEL_FICTIONAL_LEAP_DAY ? whole - 1 : whole - 2;
  return fromUtcDate(new Date(Date.UTC(1900, 0, 1) + daysAfter1900 * DAY_MS));
}

// 201907 or 20190701 typed into a General cell is a number. A serial of six digits falls after the year
// 2173, which no record holds, so one that reads as a year (YEAR_BAND) and a month is that month; eight
// digits are past the last serial and read as a year, month and day.
function fromDigitsNumber(n: number): LooseDate | null {
  const digits = String(n);
  const year = Number(digits.slice(0, 4));
  if (digits.length === 6 && year >= YEAR_BAND.from && year <= YEAR_BAND.to && Number(digits.slice(4)) >= 1 && Number(digits.slice(4)) <= 12) {
    return monthDate(year, Number(digits.slice(4)));
  }
  if (digits.length === 8) return dayDate(year, Number(digits.slice(4, 6)), Number(digits.slice(6)));
  return null;
}

// A General-format cell turns 2019.07 into the number 2019.07 and 2019.10 into 2019.1.
function fromYearNumber(n: number): LooseDate {
  if (Number.isInteger(n)) return { ok: false, problem: 'dateYearOnly', params: { year: n } };
  const parts = /^(\d{4})\.(\d{1,2})$/.exec(String(n));
  if (!parts) return { ok: false, problem: 'dateFormat' };
  if (parts[2] === '1') return { ok: false, problem: 'dateMonthAmbiguous', params: { year: parts[1] } };
  return monthDate(Number(parts[1]), Number(parts[2]));
}

function dayDate(year: number, month: number, day: number): LooseDate {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || !isRealDate(year, month, day)) {
    return { ok: false, problem: 'dateInvalid' };
  }
  return { ok: true, value: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

function monthDate(year: number, month: number): LooseDate {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12) {
    return { ok: false, problem: 'dateInvalid' };
  }
  return { ok: true, value: `${pad(year, 4)}-${pad(month)}`, precision: 'month' };
}
