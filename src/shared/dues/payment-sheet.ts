// A branch's payment sheet (党费收缴登记表) as treasurers keep it in Excel or WPS, pasted into the ledger or
// imported from the file: a title row or two, a header naming the ID number, the months and the amount
// (with spaces, full-width letters, 元 in the header), the months written 2026-01, 2026年1月, 2026.1-3,
// 2026-01至2026-03 or a list, amounts as 15, 15.00, ￥15 or 15元, the method in words (现金, 微信, 银行转账).
// Pure: the window parses a paste with it, the CLI a workbook's rows; each row keeps its sheet row number so
// every refusal names it.
import type { FieldIssue } from '../result';
import { toHalfWidth } from '../validators/names';
import { parseLooseDate } from '../validators/loose-date';
import { DUES_METHODS, PAYMENT_SHEET_MAX_ROWS, type DuesMethod } from '../api/schemas-dues';
import { addMonths, monthIndex, parsePeriod, parseYuan } from './money';

/** Rows looked at for the header: titles above it are a few rows at most. */
const HEADER_SEARCH_ROWS = 20;
/** The most months one row may cover (the contract's own limit). */
const MAX_MONTHS = 24;

export type PaymentColumn = 'idNumber' | 'name' | 'periods' | 'amount' | 'method' | 'reference' | 'paidOn';

/** Header texts (normalized: half-width, no spaces or brackets' contents such as （元）, lower case). */
const HEADERS: Record<PaymentColumn, readonly string[]> = {
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '公民身份证号', '证件号码', 'idnumber', 'id'],
  name: ['姓名', '党员姓名', 'name'],
  periods: ['缴纳月份', '所交月份', '交纳月份', '所属月份', '月份', '党费所属期', '所属期', '缴费月份', 'months', 'month', 'period', 'periods'],
  amount: ['金额', '缴纳金额', '交纳金额', '实缴金额', '实交金额', '实缴党费', '缴费金额', '党费', 'amount'],
  method: ['缴纳方式', '交纳方式', '缴费方式', '方式', 'method'],
  reference: ['凭证号', '凭证号码', '票据号', '流水号', '交易单号', 'reference'],
  paidOn: ['缴纳日期', '交纳日期', '缴费日期', '日期', 'paidon', 'date'],
};

/** Method words (normalized) → method. */
const METHOD_WORDS: Record<DuesMethod, readonly string[]> = {
  cash: ['现金', '现金缴纳', '当面', 'cash'],
  transfer: ['转账', '银行转账', '银行', '网银', '汇款', 'transfer', 'bank'],
  wechat: ['微信', '微信支付', '微信转账', 'wechat'],
};

export interface PaymentSheetRow {
  sheetRow: number;
  idNumber: string;
  name: string;
  periods: string[];
  amountFen: number;
  method: DuesMethod;
  reference: string;
  paidOn?: string;
}

export interface PaymentSheet {
  rows: PaymentSheetRow[];
  /** Problems of rows or of the sheet, each naming the sheet row (params.sheetRow) where it has one. */
  issues: FieldIssue[];
  /** Which of the optional columns the header had. */
  columns: Partial<Record<PaymentColumn, number>>;
}

/** Half-width, no spaces of any width, no bracketed unit (金额（元）), lower case. */
function normalize(text: unknown): string {
  return toHalfWidth(String(text ?? ''))
    .replace(/[\s\u3000]+/g, '')
    .replace(/\((元|人民币|yuan|rmb)\)$/i, '')
    .toLowerCase();
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** The months a cell names: one month, a list (、,，;/ or spaces), or a range (至 ~ - 到) — "2026.1-3" included. */
export function readPeriods(value: unknown): string[] | null {
  if (value instanceof Date || typeof value === 'number') {
    const one = parsePeriod(value);
    return one ? [one] : null;
  }
  const text = toHalfWidth(cellText(value)).replace(/\s+/g, '');
  if (text === '') return null;
  const out: string[] = [];
  for (const part of text.split(/[,、;；]+/).filter(Boolean)) {
    const range = /^(.+?)(?:至|到|~|～|—|–)(.+)$/.exec(part) ?? /^(\d{4}[-./年]\d{1,2}月?)-(.+)$/.exec(part);
    if (!range) {
      const one = parsePeriod(part);
      if (!one) return null;
      out.push(one);
      continue;
    }
    const from = parsePeriod(range[1]);
    if (!from) return null;
    // The end may omit the year: 2026.1-3, 2026年1月至3月.
    const to = parsePeriod(range[2]) ?? (/^\d{1,2}月?$/.test(range[2]) ? parsePeriod(`${from.slice(0, 4)}-${range[2].replace('月', '')}`) : null);
    if (!to || to < from || monthIndex(to) - monthIndex(from) >= MAX_MONTHS) return null;
    for (let p = from; p <= to; p = addMonths(p, 1)) out.push(p);
  }
  return out.length > 0 && out.length <= MAX_MONTHS ? out : null;
}

/** The method a cell names (blank: cash, the usual way at a branch meeting), or null. */
export function readMethod(value: unknown): DuesMethod | null {
  const word = normalize(value);
  if (word === '') return 'cash';
  return DUES_METHODS.find((m) => METHOD_WORDS[m].includes(word)) ?? null;
}

function columnsOf(cells: readonly unknown[]): Partial<Record<PaymentColumn, number>> {
  const found: Partial<Record<PaymentColumn, number>> = {};
  cells.forEach((cell, at) => {
    const text = normalize(cell);
    if (text === '') return;
    const column = (Object.keys(HEADERS) as PaymentColumn[]).find((c) => found[c] === undefined && HEADERS[c].includes(text));
    if (column) found[column] = at;
  });
  return found;
}

/**
 * The payments of a sheet: `rows` are its rows with their 1-based sheet row numbers and 0-based cells. The
 * header is the first row naming the ID number, the months and the amount; blank rows are passed over; a
 * row that cannot be read is named with the column and the value, and read no further.
 */
export function readPaymentSheet(rows: readonly { row: number; cells: readonly unknown[] }[], today?: Date): PaymentSheet {
  const header = rows.slice(0, HEADER_SEARCH_ROWS).find((r) => {
    const c = columnsOf(r.cells);
    return c.idNumber !== undefined && c.periods !== undefined && c.amount !== undefined;
  });
  if (!header) return { rows: [], issues: [{ field: 'payments', problem: 'duesSheetNoHeader' }], columns: {} };
  const columns = columnsOf(header.cells);
  const out: PaymentSheetRow[] = [];
  const issues: FieldIssue[] = [];
  const cell = (r: { cells: readonly unknown[] }, c: PaymentColumn) => (columns[c] === undefined ? undefined : r.cells[columns[c]]);
  for (const r of rows) {
    if (r.row <= header.row) continue;
    if (r.cells.every((v) => cellText(v) === '')) continue;
    if (out.length + issues.length >= PAYMENT_SHEET_MAX_ROWS) {
      issues.push({ field: 'payments', problem: 'duesSheetTooLong', params: { max: PAYMENT_SHEET_MAX_ROWS, sheetRow: r.row } });
      break;
    }
    const at = { sheetRow: r.row };
    const idNumber = toHalfWidth(cellText(cell(r, 'idNumber'))).replace(/\s+/g, '').toUpperCase();
    const periods = readPeriods(cell(r, 'periods'));
    const amountFen = parseYuan(cell(r, 'amount'));
    const method = readMethod(cell(r, 'method'));
    const paidOnCell = cell(r, 'paidOn');
    const paidOn = cellText(paidOnCell) === '' ? undefined : parseLooseDate(paidOnCell, today ? { today } : {});
    const rowIssues: FieldIssue[] = [];
    if (idNumber === '') rowIssues.push({ field: 'idNumber', problem: 'required', params: at });
    if (!periods) rowIssues.push({ field: 'periods', problem: 'duesSheetMonths', value: cellText(cell(r, 'periods')), params: at });
    if (amountFen === null || amountFen === 0) rowIssues.push({ field: 'amountFen', problem: 'duesSheetAmount', value: cellText(cell(r, 'amount')), params: at });
    if (!method) rowIssues.push({ field: 'method', problem: 'duesSheetMethod', value: cellText(cell(r, 'method')), params: at });
    if (paidOn && (!paidOn.ok || paidOn.precision !== 'day')) rowIssues.push({ field: 'paidOn', problem: 'duesSheetDay', value: cellText(paidOnCell), params: at });
    if (rowIssues.length) {
      issues.push(...rowIssues);
      continue;
    }
    out.push({
      sheetRow: r.row,
      idNumber,
      name: toHalfWidth(cellText(cell(r, 'name'))).replace(/[\s\u3000]+/g, ''),
      periods: periods!,
      amountFen: amountFen!,
      method: method!,
      reference: cellText(cell(r, 'reference')).slice(0, 60),
      ...(paidOn?.ok ? { paidOn: paidOn.value } : {}),
    });
  }
  if (out.length === 0 && issues.length === 0) issues.push({ field: 'payments', problem: 'duesSheetEmpty' });
  return { rows: out, issues, columns };
}
