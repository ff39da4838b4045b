// One worksheet of an .xlsx read with exceljs's sheet parser, fed by this module from the unzipped workbook:
// UTF-8 decoded whole (no garbled characters at chunk boundaries), and the sheet's merged cells.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/result';
import { openBoundedZip, ZipLimitError } from '../bounded-zip';
import {
  ROSTER_MAX_CELL_CHARS,
  ROSTER_MAX_CELLS,
  ROSTER_MAX_COLUMNS,
  ROSTER_MAX_FILE_BYTES,
  ROSTER_MAX_ROW_NUMBER,
  ROSTER_MAX_ROWS,
  ROSTER_MAX_SHEETS,
  ROSTER_ZIP_LIMITS,
  formatBytes,
} from '../limits';

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

// The parts of exceljs's streaming reader this module calls that its typings do not declare (exceljs 4.4.0,
// lib/stream/xlsx/workbook-reader.js): its parsers of the workbook's parts, fed here one part at a time.
interface WorkbookReaderInternals {
  model?: { sheets?: { name: string; state?: string; rId: string }[] };
  workbookRels?: { Id: string; Type: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  /** With `sharedStrings: 'emit'`, each string as it is parsed: its index and its text (or rich text). */
  _parseSharedStrings(entry: Readable): AsyncIterable<{ index: number; text: unknown }>;
  /** The shared strings the worksheet parser looks cells up in (set here, from the emitted ones). */
  sharedStrings?: unknown[];
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}

/** The sheet XML handed to the row parser this many characters at a time. */
const XML_SLICE = 64 * 1024;

/** A sheet as the workbook lists it: name and whether a clerk sees its tab. */
export interface ListedSheet {
  name: string;
  visible: boolean;
}

export interface OpenedWorkbook {
  /** Every sheet, in tab order. */
  sheets: ListedSheet[];
  /** Reads one sheet to the end (rows and merged cells). */
  read(name: string): Promise<StreamedSheet>;
}

/**
 * The number formats Excel and WPS in Chinese write by id alone, without declaring them in styles.xml
 * (ECMA-376 leaves ids 27–36 and 50–58 to the locale). exceljs knows them only as a table per locale and
 * treats such a cell as a plain number; declaring the zh-CN codes in the styles part makes it read the
 * cell as the date the clerk sees (a 入党年月 of 2019年7月 stored as id 57 is a month, not 43647).
 */
export const ZH_CN_BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const xmlAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The styles part with a declaration for every zh-CN built-in format its cells use and it does not declare. */
export function declareZhCnFormats(styles: string): string {
  const declared = new Set([...styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*\bnumFmtId="(\d+)"/g)].map((m) => Number(m[1])));
  const used = new Set([...styles.matchAll(/\bnumFmtId="(\d+)"/g)].map((m) => Number(m[1])));
  const missing = [...used].filter((id) => ZH_CN_BUILTIN_FORMATS[id] !== undefined && !declared.has(id));
  if (missing.length === 0) return styles;
  const added = missing.map((id) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(ZH_CN_BUILTIN_FORMATS[id])}"/>`).join('');
  if (/<(?:\w+:)?numFmts\b[^>]*\/>/.test(styles)) return styles.replace(/<((?:\w+:)?)numFmts\b[^>]*\/>/, (_m, ns: string) => `<${ns}numFmts>${added}</${ns}numFmts>`);
  if (/<(?:\w+:)?numFmts\b/.test(styles)) return styles.replace(/(<(?:\w+:)?numFmts\b[^>]*>)/, `$1${added}`);
  return styles.replace(/(<(?:\w+:)?styleSheet\b[^>]*>)/, `$1<numFmts>${added}</numFmts>`);
}

/**
 * Opens a workbook: unzipped in memory and its shared parts given to exceljs's parsers in the order they
 * need (relations, workbook, shared strings, styles), each decoded whole as UTF-8; a sheet is parsed when
 * it is read. exceljs's own zip streaming is not used: it decodes each 16 KB chunk on its own (a Chinese
 * character cut by a chunk boundary comes out as two U+FFFD: exceljs issues #2063, #2084, #2316), parks the
 * sheets in temp files when the shared strings come after them (as Excel and exceljs write them), and on a
 * busy machine its entry iteration can stop before the last parts (seen about once in 300 reads).
 */
export async function openWorkbook(input: string | Uint8Array): Promise<OpenedWorkbook> {
  const zip = openRosterZip(input);
  // Each part is inflated when it is parsed and let go after: one sheet's text is held at a time.
  const text = (name: string): string | null => (zip.has(name) ? new TextDecoder('utf-8').decode(inflate(name)) : null);
  const inflate = (name: string): Uint8Array => {
    try {
      return zip.read(name);
    } catch (error) {
      throw error instanceof ZipLimitError ? zipRefusal(error) : error;
    }
  };
  const part = (name: string, edit: (xml: string) => string = (xml) => xml): Readable => Readable.from([edit(text(name) ?? '')]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    // Emitted, not cached: only the strings the sheet read uses are kept (see sharedStringsOf).
    sharedStrings: 'emit',
    // Styles tell a date cell from a number cell; hyperlinks are left to the cell's own text.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as WorkbookReaderInternals;

  if (!zip.has('xl/workbook.xml') || !zip.has('xl/_rels/workbook.xml.rels')) throw new Error('not a workbook: xl/workbook.xml is missing');
  await reader._parseRels(part('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(part('xl/workbook.xml'));
  const rels = reader.workbookRels ?? [];
  const target = (rel: { Target: string } | undefined) => (rel ? rel.Target.replace(/^\/?(xl\/)?/, 'xl/') : null);
  const listed = reader.model?.sheets ?? [];
  if (listed.length > ROSTER_MAX_SHEETS) throw limitRefusal('rosterTooManySheets', listed.length, { count: listed.length, limit: ROSTER_MAX_SHEETS });
  const sharedStrings = target(rels.find((r) => r.Type.endsWith('/sharedStrings'))) ?? 'xl/sharedStrings.xml';
  /**
   * The shared strings a sheet's cells name, and how many the table holds. The table is decoded and parsed
   * a piece at a time and only the strings named are kept: a table of millions of strings (90 MB of text,
   * 2.6 GB once parsed whole) costs the time to read it, never its size in memory.
   */
  const sharedStringsOf = async (used: Set<number>): Promise<{ strings: unknown[]; count: number }> => {
    const strings: unknown[] = [];
    let count = 0;
    if (used.size === 0 || !zip.has(sharedStrings)) return { strings, count };
    try {
      for await (const { index, text } of reader._parseSharedStrings(Readable.from(decodedPieces(zip.chunks(sharedStrings))))) {
        count = index + 1;
        if (used.has(index)) strings[index] = text;
      }
    } catch (error) {
      throw error instanceof ZipLimitError ? zipRefusal(error) : error;
    }
    return { strings, count };
  };
  const styles = target(rels.find((r) => r.Type.endsWith('/styles'))) ?? 'xl/styles.xml';
  if (zip.has(styles)) await reader._parseStyles(part(styles, declareZhCnFormats));

  const sheets = listed.map((s) => ({ name: s.name, visible: s.state !== 'hidden' && s.state !== 'veryHidden' }));
  return {
    sheets,
    async read(name: string): Promise<StreamedSheet> {
      const chosen = listed.find((s) => s.name === name);
      if (!chosen) {
        throw new AppError('VALIDATION', `The workbook has no sheet named "${name}"`, {
          issues: [{ field: 'sheet', problem: 'sheetNotFound', value: name, params: { sheets: sheets.map((s) => s.name).join('、') } }],
          sheets: sheets.map((s) => s.name),
        });
      }
      const sheetPath = target(rels.find((r) => r.Id === chosen.rId));
      const xml = sheetPath ? text(sheetPath) : null;
      if (xml === null) throw new Error(`the workbook lists sheet "${chosen.name}" but does not hold it`);
      // A sheet cut short would otherwise read as the rows before the cut, and import as if complete.
      if (!/<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\s*\/>/.test(xml)) throw limitRefusal('rosterSheetCutShort', chosen.name, { sheet: chosen.name });
      // Counted in the text before exceljs parses a cell of it: the parse of millions of cells is what costs.
      if (filledCells(xml) > ROSTER_MAX_CELLS) throw limitRefusal('rosterTooManyCells', chosen.name, { sheet: chosen.name, limit: ROSTER_MAX_CELLS });
      if (filledRows(xml) > ROSTER_MAX_ROWS) throw limitRefusal('rosterTooManyRows', chosen.name, { sheet: chosen.name, limit: ROSTER_MAX_ROWS });
      const used = sharedStringIndexes(xml);
      const table = await sharedStringsOf(used);
      const missing = missingSharedString(xml, table.count);
      if (missing) throw limitRefusal('rosterSharedStringMissing', missing, { cell: missing });
      reader.sharedStrings = table.strings;
      const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath!)?.[1] ?? '1';
      const event = [...reader._parseWorksheet(sliced(xml), sheetNo)].find((e) => e.eventType === 'worksheet');
      const worksheet = event?.value as AsyncIterable<ExcelJS.Row> | undefined;
      if (!worksheet) throw new Error('exceljs handed over no worksheet reader: check xlsx-stream.ts against this exceljs');
      const rows: SheetRow[] = [];
      let cells = 0;
      for await (const row of worksheet) {
        const values = plainValues(row);
        // An empty row (formatting only, as far down as row 1,048,576) takes no room.
        if (values.length === 0) continue;
        checkRow(row.number, values);
        rows.push({ excelRow: row.number, values });
        if (rows.length > ROSTER_MAX_ROWS) throw limitRefusal('rosterTooManyRows', chosen.name, { sheet: chosen.name, limit: ROSTER_MAX_ROWS });
        for (const value of values) if (value !== undefined) cells++;
        if (cells > ROSTER_MAX_CELLS) throw limitRefusal('rosterTooManyCells', chosen.name, { sheet: chosen.name, limit: ROSTER_MAX_CELLS });
      }
      return { sheets: sheets.map((s) => s.name), sheet: chosen.name, rows, merges: parseMerges(xml.slice(xml.lastIndexOf('</sheetData>'))) };
    },
  };
}

/** The bytes (or the file) as a zip whose directory passed the roster limits. */
function openRosterZip(input: string | Uint8Array) {
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    const size = fs.statSync(input).size;
    if (size > ROSTER_MAX_FILE_BYTES) throw zipRefusal(new ZipLimitError('fileSize', { size, limit: ROSTER_MAX_FILE_BYTES }));
    bytes = new Uint8Array(fs.readFileSync(input));
  } else bytes = input;
  try {
    return openBoundedZip(bytes, ROSTER_ZIP_LIMITS);
  } catch (error) {
    throw error instanceof ZipLimitError ? zipRefusal(error) : error;
  }
}

/** The clerk's problem code for each way a workbook's zip is refused (texts in shared/i18n/messages-import). */
const ZIP_PROBLEMS: Record<ZipLimitError['problem'], string> = {
  fileSize: 'rosterFileTooLarge',
  entries: 'rosterTooManyParts',
  entrySize: 'rosterPartTooLarge',
  totalSize: 'rosterInflatedTooLarge',
  ratio: 'rosterRatioTooHigh',
  sizeMismatch: 'rosterPartSizeWrong',
  entryName: 'rosterPartName',
  duplicateEntry: 'rosterPartName',
  damaged: 'rosterUnreadable',
  crc: 'rosterUnreadable',
  unsupported: 'rosterUnreadable',
};

function zipRefusal(error: ZipLimitError): AppError {
  const params: Record<string, string | number> = { ...error.params };
  for (const key of ['size', 'limit'] as const) if (typeof params[key] === 'number' && error.problem !== 'entries') params[key] = formatBytes(params[key]);
  if (error.problem === 'ratio') params.limit = error.params.limit;
  return new AppError('VALIDATION', `The workbook is refused: ${error.message}`, {
    issues: [{ field: 'file', problem: ZIP_PROBLEMS[error.problem], params }],
  });
}

function limitRefusal(problem: string, value: string | number, params: Record<string, string | number>): AppError {
  // The message names the sheet or cell itself (params); no "you entered" for a file.
  return new AppError('VALIDATION', `The workbook is refused: ${problem} (${value})`, { issues: [{ field: 'file', problem, params }] });
}

/** A row past the limits: a value beyond the last row or column a roster may use, or a cell longer than Excel allows. */
function checkRow(rowNumber: number, values: unknown[]): void {
  if (rowNumber > ROSTER_MAX_ROW_NUMBER) throw limitRefusal('rosterCellBeyond', `A${rowNumber}`, { cell: `A${rowNumber}`, rows: ROSTER_MAX_ROW_NUMBER, columns: ROSTER_MAX_COLUMNS });
  if (values.length - 1 > ROSTER_MAX_COLUMNS) {
    const cell = `${columnLetter(values.length - 1)}${rowNumber}`;
    throw limitRefusal('rosterCellBeyond', cell, { cell, rows: ROSTER_MAX_ROW_NUMBER, columns: ROSTER_MAX_COLUMNS });
  }
  for (const [col, value] of values.entries()) {
    if (typeof value === 'string' && value.length > ROSTER_MAX_CELL_CHARS) {
      const cell = `${columnLetter(col)}${rowNumber}`;
      throw limitRefusal('rosterCellTooLong', cell, { cell, limit: ROSTER_MAX_CELL_CHARS });
    }
  }
}

/** Cells with a value (<v>) or inline text (<is>), counted without parsing. */
function filledCells(xml: string): number {
  let n = 0;
  for (const tag of ['<v>', '<is>']) for (let at = xml.indexOf(tag); at >= 0; at = xml.indexOf(tag, at + tag.length)) n++;
  return n;
}

/** Rows with at least one filled cell, counted without parsing (an empty <row r="9"/> does not count). */
function filledRows(xml: string): number {
  let n = 0;
  // The next value and inline text at or after a point, found once each: the count stays linear even over
  // a million empty rows.
  let value = -1;
  let inline = -1;
  const after = (found: number, tag: string, from: number) => (found >= from || found === Infinity ? found : (xml.indexOf(tag, from) + 1 || Infinity) - 1);
  for (let at = xml.indexOf('<row'); at >= 0; ) {
    const open = xml.indexOf('>', at);
    if (open < 0) break;
    const next = xml.indexOf('<row', open);
    if (xml[open - 1] !== '/') {
      const end = next < 0 ? xml.length : next;
      value = after(value, '<v>', open);
      inline = after(inline, '<is>', open);
      if (value < end || inline < end) n++;
    }
    at = next;
  }
  return n;
}

const SHARED_STRING_CELL = /<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?v>\s*(\d+)\s*<\/(?:\w+:)?v>/g;

/** The shared strings a sheet's cells name (t="s"), found in its text before anything is parsed. */
function sharedStringIndexes(xml: string): Set<number> {
  const used = new Set<number>();
  for (const m of xml.matchAll(SHARED_STRING_CELL)) if (/\bt=["']s["']/.test(m[1])) used.add(Number(m[2]));
  return used;
}

/** UTF-8 pieces as text, a character cut between two pieces joined again (the decoder's stream mode). */
async function* decodedPieces(pieces: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const piece of pieces) yield decoder.decode(piece, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The first cell (as A1) naming a shared string the workbook does not have: the file is damaged. */
function missingSharedString(xml: string, count: number): string | null {
  for (const m of xml.matchAll(SHARED_STRING_CELL)) {
    if (!/\bt=["']s["']/.test(m[1]) || Number(m[2]) < count) continue;
    return /\br=["']([A-Z]+\d+)["']/.exec(m[1])?.[1] ?? `#${m[2]}`;
  }
  return null;
}

/** Reads the named sheet, or the first visible one, to the end. */
export async function streamWorksheet(input: string | Uint8Array, wanted?: string): Promise<StreamedSheet> {
  const book = await openWorkbook(input);
  const name = wanted ?? (book.sheets.find((s) => s.visible) ?? book.sheets[0])?.name;
  if (name === undefined) throw new Error('the workbook lists no sheet');
  return book.read(name);
}

/** The sheet's XML in slices, never cutting a surrogate pair (a character outside the BMP) in two. */
async function* sliced(xml: string): AsyncGenerator<string> {
  for (let at = 0; at < xml.length; ) {
    let end = Math.min(at + XML_SLICE, xml.length);
    const last = xml.charCodeAt(end - 1);
    if (end < xml.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield xml.slice(at, end);
    at = end;
  }
}

const MERGE_CELL = /<mergeCell\b[^>]*?\bref=["']([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?["']/g;

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
    // A date number past any calendar (1e15): what Excel shows for it, so the member rules name the cell.
    if (value instanceof Date && Number.isNaN(value.getTime())) values[col] = '#######';
    else if (value instanceof Date && !formatShowsDay(row.getCell(col).numFmt)) values[col] = value.toISOString().slice(0, 7);
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
