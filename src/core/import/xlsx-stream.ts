// One worksheet of an .xlsx read with exceljs's streaming WorkbookReader, plus the two things it lacks for
// Chinese rosters: UTF-8 decoded across chunk boundaries, and the sheet's merged cells.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/result';

export interface SheetRow {
  excelRow: number;
  /**
   * Plain cell values by 1-based column number (sparse): string, number, boolean or Date. A date cell whose
   * number format shows no day (yyyy"年"m"月", yyyy/m, mmm-yy: what Excel makes of a typed 2019年7月) comes as
   * the text YYYY-MM, as the clerk sees it: a month, not the first day of it.
   */
  values: unknown[];
}

/** A merged block, 1-based and inclusive, as Excel's A1:B2. */
export interface MergedBlock {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface StreamedSheet {
  /** Every sheet's name, in tab order. */
  sheets: string[];
  sheet: string;
  rows: SheetRow[];
  merges: MergedBlock[];
}

// The parts of exceljs's streaming reader this module relies on that its typings do not declare
// (exceljs 4.4.0, lib/stream/xlsx/workbook-reader.js and worksheet-reader.js).
type XmlChunks = AsyncIterable<Buffer | string>;
interface WorkbookReaderInternals {
  model?: { sheets?: { name: string; state?: string }[] };
  _parseWorksheet(iterator: XmlChunks, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
  [entryParser: string]: unknown;
}
interface WorksheetReaderInternals extends AsyncIterable<ExcelJS.Row> {
  name: string;
}

// exceljs decodes every 16 KB chunk on its own, so a character cut by a chunk boundary comes out as two
// U+FFFD: garbled names in any large Chinese roster (exceljs issues #2063, #2084, #2316). Entries parsed
// by the workbook reader itself get a decoding stream; worksheets go through SheetXml below.
const ENTRY_PARSERS = ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'] as const;

/** Reads the named sheet, or the first visible one, to the end. */
export async function streamWorksheet(input: string | Uint8Array, wanted?: string): Promise<StreamedSheet> {
  const source = typeof input === 'string' ? input : Readable.from([Buffer.from(input.buffer, input.byteOffset, input.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    // Styles tell a date cell from a number cell; hyperlinks are left to the cell's own text.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheetXml = decodeEntriesAndTapSheets(reader as unknown as WorkbookReaderInternals);

  let sheets: string[] = [];
  let chosen: string | undefined;
  let found: StreamedSheet | undefined;
  for await (const worksheet of reader as unknown as AsyncIterable<WorksheetReaderInternals>) {
    if (chosen === undefined) {
      const listed = (reader as unknown as WorkbookReaderInternals).model?.sheets ?? [];
      sheets = listed.map((s) => s.name);
      chosen = wanted ?? listed.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden')?.name ?? sheets[0];
    }
    const xml = sheetXml.get(worksheet);
    if (!xml) throw new Error('exceljs handed over a worksheet SheetXml did not see: check xlsx-stream.ts against this exceljs');
    if (worksheet.name !== chosen || found) {
      xml.discard();
      continue;
    }
    const rows: SheetRow[] = [];
    for await (const row of worksheet) rows.push({ excelRow: row.number, values: plainValues(row) });
    found = { sheets, sheet: chosen, rows, merges: xml.merges };
  }
  if (found) return found;
  throw new AppError('VALIDATION', `The workbook has no sheet named "${wanted}"`, {
    issues: [{ field: 'sheet', problem: 'sheetNotFound', value: wanted, params: { sheets: sheets.join('、') } }],
    sheets,
  });
}

function decodeEntriesAndTapSheets(reader: WorkbookReaderInternals): WeakMap<object, SheetXml> {
  for (const name of ENTRY_PARSERS) {
    const parse = reader[name];
    if (typeof parse !== 'function') throw new Error(`exceljs WorkbookReader.${name} is gone: check xlsx-stream.ts against this exceljs`);
    reader[name] = (entry: Readable) => parse.call(reader, entry.setEncoding('utf8'));
  }
  const taps = new WeakMap<object, SheetXml>();
  const parseWorksheet = reader._parseWorksheet;
  reader._parseWorksheet = function* (iterator, sheetNo) {
    const xml = new SheetXml(iterator);
    for (const event of parseWorksheet.call(reader, xml, sheetNo)) {
      if (event.eventType === 'worksheet' && typeof event.value === 'object' && event.value) taps.set(event.value, xml);
      yield event;
    }
  };
  return taps;
}

const END_OF_ROWS = '</sheetData>';
const MERGE_CELL = /<mergeCell\b[^>]*?\bref=["']([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?["']/g;

/**
 * A worksheet's XML on its way to exceljs: decoded as one UTF-8 stream, and the <mergeCells> element that
 * follows the rows kept aside (exceljs's streaming reader drops it), so merges are known once rows are read.
 */
class SheetXml implements AsyncIterable<string> {
  merges: MergedBlock[] = [];

  constructor(private readonly source: XmlChunks) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    let afterRows: string[] | null = null;
    let carry = '';
    for await (const chunk of this.source) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (afterRows) afterRows.push(text);
      else {
        const probe = carry + text;
        const at = probe.indexOf(END_OF_ROWS);
        if (at >= 0) afterRows = [probe.slice(at)];
        else carry = probe.slice(-(END_OF_ROWS.length - 1));
      }
      yield text;
    }
    const rest = decoder.decode();
    if (rest) {
      afterRows?.push(rest);
      yield rest;
    }
    this.merges = afterRows ? parseMerges(afterRows.join('')) : [];
  }

  /** A sheet nobody reads: close a temp file exceljs may have opened for it. */
  discard(): void {
    const stream = this.source as Partial<Readable>;
    if (typeof stream.destroy === 'function') stream.destroy();
  }
}

function parseMerges(xml: string): MergedBlock[] {
  return [...xml.matchAll(MERGE_CELL)].flatMap(([, left, top, right, bottom]) => {
    if (right === undefined) return []; // a one-cell "merge" changes nothing
    return [{ top: Number(top), left: columnNumber(left), bottom: Number(bottom), right: columnNumber(right) }];
  });
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function plainValues(row: ExcelJS.Row): unknown[] {
  const raw = row.values as unknown[];
  const values: unknown[] = [];
  for (let col = 1; col < raw.length; col++) {
    const value = plainCellValue(raw[col]);
    if (value instanceof Date && !formatShowsDay(row.getCell(col).numFmt)) values[col] = value.toISOString().slice(0, 7);
    else if (value !== undefined) values[col] = value;
  }
  return values;
}

/**
 * Whether a date cell's number format shows the day of the month: a `d` outside quoted text, [colour] or
 * [$-locale] brackets and backslash escapes (`dddd` the weekday counts too: a day is shown). No format
 * (General) shows the whole date.
 */
export function formatShowsDay(numFmt: string | undefined): boolean {
  if (!numFmt) return true;
  const codes = numFmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /d/i.test(codes);
}

// Excel writes characters XML cannot hold as _x000D_ and the like.
const XML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * What a cell shows, as the plainest value: strings trimmed (empty → undefined), numbers, booleans and
 * dates as they are; rich text joined; a formula's cached result; a hyperlink's text; an error as its code.
 */
export function plainCellValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const text = (value.includes('_x') ? value.replace(XML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : value).trim();
    return text === '' ? undefined : text;
  }
  // A formula that ended in an error reaches here as NaN: keep it visible, not blank.
  if (typeof value === 'number') return Number.isNaN(value) ? '#ERROR!' : value;
  if (typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return undefined;
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell.richText)) return plainCellValue(cell.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join(''));
  if ('formula' in cell || 'sharedFormula' in cell || 'result' in cell) return plainCellValue(cell.result);
  if ('error' in cell) return String(cell.error);
  if ('text' in cell) return plainCellValue(cell.text);
  return undefined;
}
