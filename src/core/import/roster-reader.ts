// Reads a real-world roster workbook into rows of raw cell values keyed by member field: finds the header
// under merged title rows, maps columns by their Chinese or English names, fills merged cells, skips footers.
import fs from 'node:fs/promises';
import { ROSTER_FIELD_BY_KEY, fieldForHeader, headerKey } from '../../shared/members/fields';
import { AppError } from '../../shared/result';
import { ROSTER_MAX_MERGED_CELLS } from '../limits';
import { readCsv } from './csv-reader';
import { type MergedBlock, type SheetRow, type StreamedSheet, columnLetter, openWorkbook } from './xlsx-stream';

export interface RosterColumn {
  /** 1-based column number (A = 1). */
  index: number;
  /** The column as Excel names it: A, B, … AA. */
  letter: string;
  /** The header text the file has (from the row with the field names in a two-row header). */
  header: string;
  /** The member field the column fills, or null when it matches none (the wizard may offer it). */
  field: string | null;
}

export interface RosterRow {
  /** The row number a clerk sees in Excel. */
  excelRow: number;
  /** Cell values by member field; a blank cell is absent. */
  cells: Record<string, unknown>;
}

export type IgnoredReason = 'title' | 'footer' | 'blank';

export interface Roster {
  /** Every sheet of the workbook in tab order (a CSV file is one sheet named after the file). */
  sheets: string[];
  /** The sheet read: the one named, or the visible sheet whose header matches best. */
  sheet: string;
  /** The sheets looked at besides the one read, and why each was passed over. */
  sheetsSeen: SheetSeen[];
  /** The normalized header texts, joined: the same header in the next file finds the mapping the clerk made. */
  headerSignature: string;
  /** The (last) header row; data starts below it. */
  headerRow: number;
  columns: RosterColumn[];
  rows: RosterRow[];
  ignored: { excelRow: number; reason: IgnoredReason }[];
}

export interface SheetSeen {
  name: string;
  /** hidden: not shown to the clerk; notes: an instructions or drop-down list sheet; noHeader: no member header found; weaker: a header matching fewer fields. */
  passed: 'hidden' | 'notes' | 'noHeader' | 'weaker';
}

/** Header text or 1-based column number → member field key, or null to leave the column out. */
export type RosterMapping = Readonly<Record<string | number, string | null>>;

export interface ReadRosterOptions {
  /** A sheet by name; the first visible sheet otherwise. */
  sheet?: string;
  mapping?: RosterMapping;
  /** The header row when the clerk points at it; found automatically otherwise. */
  headerRow?: number;
  /** The file's name, when the file comes as bytes: a CSV file's one sheet is named after it. */
  fileName?: string;
}

/** Problem codes readRoster may throw (as VALIDATION issues); texts live in shared/i18n FIELD_PROBLEMS. */
export const ROSTER_READ_PROBLEMS = [
  'fileNotFound',
  'rosterXlsFormat',
  'rosterNotXlsx',
  'rosterUnreadable',
  'sheetNotFound',
  'rosterNoHeader',
  'rosterNoHeaderAnySheet',
  'unknownField',
  'mappingDuplicate',
  // Limits of a workbook (src/core/limits.ts): each names the limit and what to do.
  'rosterFileTooLarge',
  'rosterTooManyParts',
  'rosterPartTooLarge',
  'rosterInflatedTooLarge',
  'rosterRatioTooHigh',
  'rosterPartSizeWrong',
  'rosterPartName',
  'rosterTooManySheets',
  'rosterTooManyRows',
  'rosterTooManyCells',
  'rosterCellBeyond',
  'rosterCellTooLong',
  'rosterMergedTooLarge',
  'rosterSheetCutShort',
  'rosterSharedStringMissing',
  'csvLineTooLong',
] as const;

/** The header is looked for in this many rows from the top. */
const HEADER_SEARCH_ROWS = 20;
/** Known field names a row needs to be taken for the header. */
const HEADER_MIN_FIELDS = 3;
/** A two- or three-row header: how far vertical merges from the header row may extend it. */
const HEADER_MAX_EXTRA_ROWS = 2;
const FOOTER_WORDS = /合计|总计|小计|填表人|填报人|审核人|制表人|负责人|统计人|填表日期|填报日期|制表日期|审核日期/;
const NOTE_START = /^(?:注|备注|说明)\s*[:：]/;
/** Footer words are looked for in this many of the row's first non-empty cells. */
const FOOTER_CELLS = 3;

interface GridRow extends SheetRow {
  /** Columns whose value came from a merged block above or left of them. */
  filled?: Set<number>;
}

interface HeaderBlock {
  first: number;
  last: number;
  /** Header text by column number. */
  texts: string[];
}

/** Instructions and drop-down list sheets: read only when no other sheet has a member header. */
const NOTES_SHEET = /说明|填表要求|填报要求|须知|注意事项|下拉|字典|选项|代码表|数据源|数据有效性|序列|参照表|^(?:readme|instructions?|notes?|lists?|lookups?|dict(?:ionary)?|codes?|options?|dropdowns?)$/i;
/** Score of a header that names both the person and the ID number (a roster rather than a tally). */
const IDENTIFYING_BONUS = 10;

interface Candidate {
  sheet: StreamedSheet;
  rows: GridRow[];
  header: HeaderBlock;
  columns: RosterColumn[];
  score: number;
}

/**
 * Reads a roster: .xlsx (Excel, WPS) or CSV (UTF-8 with or without BOM, GBK/GB18030, UTF-16; comma or tab).
 * Without a sheet named, every visible sheet is read and scored by how well its header matches; a notes or
 * drop-down list sheet is never chosen over a sheet with a member header.
 */
export async function readRoster(file: string | Uint8Array, options: ReadRosterOptions = {}): Promise<Roster> {
  const kind = await sniff(file);
  const unreadable = (error: unknown): never => {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', `Cannot read the workbook: ${error instanceof Error ? error.message : String(error)}`, {
      issues: [{ field: 'file', problem: 'rosterUnreadable', ...(typeof file === 'string' ? { value: file } : {}) }],
    });
  };
  let listed: { name: string; visible: boolean }[];
  let load: (name: string) => Promise<StreamedSheet>;
  if (kind === 'csv') {
    const sheet = await readCsv(file, typeof file === 'string' || !options.fileName ? undefined : options.fileName.replace(/\.[^.]*$/, '')).catch(unreadable);
    listed = [{ name: sheet.sheet, visible: true }];
    load = async () => sheet;
  } else {
    const book = await openWorkbook(file).catch(unreadable);
    listed = book.sheets;
    load = (name) => book.read(name).catch(unreadable);
  }
  const names = listed.map((s) => s.name);
  const seen: SheetSeen[] = [];
  let best: Candidate | null = null;
  const consider = async (name: string, notes: boolean): Promise<void> => {
    const sheet = await load(name);
    const rows = fillMerges(sheet.rows, sheet.merges);
    const header = headerBlock(rows, sheet.merges, options.headerRow);
    if (!header) {
      seen.push({ name, passed: notes ? 'notes' : 'noHeader' });
      return;
    }
    const columns = mapColumns(header.texts, options.mapping);
    const fields = new Set(columns.map((c) => c.field).filter((f) => f !== null));
    const score = fields.size + (fields.has('name') && fields.has('idNumber') ? IDENTIFYING_BONUS : 0) - (notes ? 1000 : 0);
    if (!best || score > best.score) {
      if (best) seen.push({ name: best.sheet.sheet, passed: NOTES_SHEET.test(best.sheet.sheet) ? 'notes' : 'weaker' });
      best = { sheet, rows, header, columns, score };
    } else seen.push({ name, passed: notes ? 'notes' : 'weaker' });
  };

  if (options.sheet !== undefined) {
    if (!names.includes(options.sheet)) await load(options.sheet); // throws sheetNotFound with the sheets there are
    await consider(options.sheet, false);
    if (!best) {
      throw new AppError('VALIDATION', `No header row with at least ${HEADER_MIN_FIELDS} member fields in sheet "${options.sheet}"`, {
        issues: [{ field: 'headerRow', problem: 'rosterNoHeader', value: options.sheet, params: { sheet: options.sheet } }],
        sheets: names,
      });
    }
  } else {
    for (const s of listed) {
      if (!s.visible) seen.push({ name: s.name, passed: 'hidden' });
      else await consider(s.name, NOTES_SHEET.test(s.name));
    }
    if (!best) {
      const list = names.join('、');
      throw new AppError('VALIDATION', `No sheet has a header row with at least ${HEADER_MIN_FIELDS} member fields (sheets: ${list})`, {
        issues: [{ field: 'headerRow', problem: names.length > 1 ? 'rosterNoHeaderAnySheet' : 'rosterNoHeader', value: list, params: { sheet: list, sheets: list } }],
        // The wizard offers the sheets to choose from.
        sheets: names,
      });
    }
  }
  const chosen = best as Candidate;
  const order = new Map(names.map((n, i) => [n, i]));
  return {
    sheets: names,
    sheet: chosen.sheet.sheet,
    sheetsSeen: seen.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0)),
    headerSignature: headerSignature(chosen.columns),
    headerRow: chosen.header.last,
    columns: chosen.columns,
    ...sortRows(chosen.rows, chosen.header, chosen.columns),
  };
}

/** The header as a key: each column's header text normalized, in order (blank columns kept as empty). */
export function headerSignature(columns: readonly Pick<RosterColumn, 'header'>[]): string {
  return columns.map((c) => headerKey(c.header)).join('|');
}

/**
 * What the file is: an .xlsx (a zip), or text taken as CSV. An Excel 97–2003 .xls or a WPS .et (an OLE
 * compound file) is refused with the advice to save it as .xlsx; anything else binary, or markup, is not
 * a roster.
 */
async function sniff(file: string | Uint8Array): Promise<'xlsx' | 'csv'> {
  let head: Uint8Array;
  if (typeof file === 'string') {
    const handle = await fs.open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT' && error.code !== 'EISDIR') throw error;
      throw new AppError('VALIDATION', `No such file: ${file}`, { issues: [{ field: 'file', problem: 'fileNotFound', value: file }] });
    });
    try {
      if (!(await handle.stat()).isFile()) throw new AppError('VALIDATION', `Not a file: ${file}`, { issues: [{ field: 'file', problem: 'fileNotFound', value: file }] });
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } else head = file.subarray(0, 4096);
  const hex = Buffer.from(head.subarray(0, 8)).toString('hex');
  if (hex.startsWith('504b0304')) return 'xlsx';
  const issue = (problem: string) => ({ issues: [{ field: 'file', problem, ...(typeof file === 'string' ? { value: file } : {}) }] });
  if (hex === 'd0cf11e0a1b11ae1') throw new AppError('VALIDATION', 'The file is an Excel 97–2003 or WPS workbook', issue('rosterXlsFormat'));
  if (looksLikeCsv(head)) return 'csv';
  throw new AppError('VALIDATION', 'The file is not an .xlsx workbook or a CSV file', issue('rosterNotXlsx'));
}

/** Text, not markup: UTF-16 with its BOM, or bytes without NULs whose first line is not an HTML or XML tag. */
function looksLikeCsv(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  for (const byte of head) if (byte === 0 || (byte < 0x09) || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
  const start = Buffer.from(head.subarray(0, 200)).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart();
  return !start.startsWith('<');
}

/** Every cell of a merged block takes the block's value, as the clerk sees it in Excel. */
function fillMerges(sheetRows: SheetRow[], merges: readonly MergedBlock[]): GridRow[] {
  const rows: GridRow[] = sheetRows;
  if (merges.length === 0 || rows.length === 0) return rows;
  const byNumber = new Map(rows.map((row) => [row.excelRow, row]));
  const lastRow = rows[rows.length - 1].excelRow;
  const lastColumn = rows.reduce((max, row) => Math.max(max, row.values.length - 1), 0);
  let added = false;
  let filled = 0;
  for (const block of merges) {
    const value = byNumber.get(block.top)?.values[block.left];
    if (value === undefined) continue;
    // Only the part of a block over the cells the sheet holds is filled; that part is bounded too, so
    // A2:XFD1048576 over a sheet with a value in its last row cannot fill a billion cells.
    const area = Math.max(0, Math.min(block.bottom, lastRow) - block.top + 1) * Math.max(0, Math.min(block.right, lastColumn) - block.left + 1);
    filled += area;
    if (filled > ROSTER_MAX_MERGED_CELLS) {
      const ref = `${columnLetter(block.left)}${block.top}:${columnLetter(block.right)}${block.bottom}`;
      throw new AppError('VALIDATION', `Merged cells cover more than ${ROSTER_MAX_MERGED_CELLS} cells`, {
        issues: [{ field: 'file', problem: 'rosterMergedTooLarge', params: { cell: ref, limit: ROSTER_MAX_MERGED_CELLS } }],
      });
    }
    for (let r = block.top; r <= Math.min(block.bottom, lastRow); r++) {
      let row = byNumber.get(r);
      if (!row) {
        row = { excelRow: r, values: [] };
        byNumber.set(r, row);
        added = true;
      }
      for (let c = block.left; c <= Math.min(block.right, lastColumn); c++) {
        if (r === block.top && c === block.left) continue;
        row.values[c] = value;
        (row.filled ??= new Set()).add(c);
      }
    }
  }
  return added ? [...byNumber.values()].sort((a, b) => a.excelRow - b.excelRow) : rows;
}

function headerBlock(rows: readonly GridRow[], merges: readonly MergedBlock[], given?: number): HeaderBlock | null {
  const first = given ?? rows.find((row) => row.excelRow <= HEADER_SEARCH_ROWS && knownFieldCount(row) >= HEADER_MIN_FIELDS)?.excelRow;
  if (first === undefined) return null;
  // Header cells merged down over a second header row (序号, 姓名 over 入党日期 | 转正日期) make one header.
  let last = merges
    .filter((m) => m.top <= first && m.bottom > first)
    .reduce((end, m) => Math.max(end, Math.min(m.bottom, first + HEADER_MAX_EXTRA_ROWS)), first);
  // A second header row without merges (a CSV, or a sheet whose merges were undone): the row below holds
  // only field names, under group names (党内信息 | 人员类别 …) or blanks of the row above.
  if (given === undefined) {
    for (let next = last + 1; next <= first + HEADER_MAX_EXTRA_ROWS; next++) {
      const row = rows.find((r) => r.excelRow === next);
      if (!row || !isHeaderContinuation(row)) break;
      last = next;
    }
  }
  const block = rows.filter((row) => row.excelRow >= first && row.excelRow <= last);
  const width = block.reduce((max, row) => Math.max(max, row.values.length - 1), 0);
  // A group name merged across columns above the field names (基本信息, 党内信息, 联系方式) names no column.
  const groups = merges.filter((m) => m.right > m.left && m.top >= first && m.bottom < last);
  const inGroup = (r: number, c: number) => groups.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const texts: string[] = [];
  for (let c = 1; c <= width; c++) {
    const candidates = block.filter((row) => !inGroup(row.excelRow, c)).map((row) => headerText(row.values[c])).filter((text) => text !== '');
    texts[c] = candidates.findLast((text) => fieldForHeader(text) !== undefined) ?? candidates.at(-1) ?? '';
  }
  return { first, last, texts };
}

/** A row of field names only (at least one), as the lower row of a two-row header is. */
function isHeaderContinuation(row: GridRow): boolean {
  let known = 0;
  for (const [c, value] of row.values.entries()) {
    if (value === undefined || row.filled?.has(c)) continue;
    if (typeof value !== 'string' || fieldForHeader(value) === undefined) return false;
    known++;
  }
  return known > 0;
}

function headerText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

function knownFieldCount(row: GridRow): number {
  const fields = new Set<string>();
  for (const value of row.values) {
    const field = typeof value === 'string' ? fieldForHeader(value) : undefined;
    if (field) fields.add(field.key);
  }
  return fields.size;
}

function mapColumns(texts: readonly string[], mapping: RosterMapping = {}): RosterColumn[] {
  const byIndex = new Map<number, string | null>();
  const byHeader = new Map<string, string | null>();
  for (const [key, field] of Object.entries(mapping)) {
    if (field !== null && !ROSTER_FIELD_BY_KEY.has(field)) {
      throw new AppError('VALIDATION', `Unknown member field "${field}" in the column mapping`, {
        issues: [{ field: `mapping.${key}`, problem: 'unknownField', value: field }],
      });
    }
    if (/^\d+$/.test(key)) byIndex.set(Number(key), field);
    else byHeader.set(headerKey(key), field);
  }

  const width = texts.reduce((last, text, c) => (text ? c : last), 0);
  const columns: RosterColumn[] = [];
  const explicit = new Map<number, string | null>();
  for (let c = 1; c <= width; c++) {
    const header = texts[c] ?? '';
    columns.push({ index: c, letter: columnLetter(c), header, field: null });
    const key = headerKey(header);
    if (byIndex.has(c)) explicit.set(c, byIndex.get(c) ?? null);
    else if (header !== '' && byHeader.has(key)) explicit.set(c, byHeader.get(key) ?? null);
  }

  const taken = new Map<string, RosterColumn>();
  for (const column of columns) {
    const field = explicit.get(column.index);
    if (!field) continue;
    const earlier = taken.get(field);
    if (earlier) {
      throw new AppError('VALIDATION', `Columns ${earlier.letter} and ${column.letter} are both mapped to "${field}"`, {
        issues: [{ field: 'mapping', problem: 'mappingDuplicate', value: field, params: { columns: `${earlier.letter}, ${column.letter}` } }],
      });
    }
    column.field = field;
    taken.set(field, column);
  }
  // Automatic mapping for the rest: the first column with a field's name gets it (手机 before 电话).
  for (const column of columns) {
    if (explicit.has(column.index)) continue;
    const field = fieldForHeader(column.header)?.key;
    if (field && !taken.has(field)) {
      column.field = field;
      taken.set(field, column);
    }
  }
  return columns;
}

function sortRows(rows: readonly GridRow[], header: HeaderBlock, columns: readonly RosterColumn[]): Pick<Roster, 'rows' | 'ignored'> {
  const mapped = columns.filter((c): c is RosterColumn & { field: string } => c.field !== null);
  const data: RosterRow[] = [];
  const ignored: Roster['ignored'] = [];
  const seen = new Set<number>();
  let lastKept = header.last;
  let belowFooter = false;
  const identifying = mapped.filter((c) => c.field === 'name' || c.field === 'idNumber');
  const hasOwn = (row: GridRow, column: RosterColumn) => row.values[column.index] !== undefined && !row.filled?.has(column.index);

  for (const row of rows) {
    seen.add(row.excelRow);
    if (row.excelRow < header.first) {
      ignored.push({ excelRow: row.excelRow, reason: row.values.some((v) => v !== undefined) ? 'title' : 'blank' });
      continue;
    }
    if (row.excelRow <= header.last) {
      // The upper rows of a two-row header (group names) are titles; the last one is the header itself.
      if (row.excelRow < header.last) ignored.push({ excelRow: row.excelRow, reason: 'title' });
      continue;
    }
    // Under the 合计 / 填表人 lines, a row with no name and no ID number is more of the footer (a signature date).
    if (isFooter(row) || (belowFooter && !identifying.some((c) => hasOwn(row, c)) && row.values.some((v) => v !== undefined))) {
      ignored.push({ excelRow: row.excelRow, reason: 'footer' });
      lastKept = row.excelRow;
      belowFooter = true;
    } else if (!mapped.some((c) => hasOwn(row, c))) {
      // Nothing of its own in a mapped column: an empty row, or a numbered row of an unfilled template.
      ignored.push({ excelRow: row.excelRow, reason: 'blank' });
    } else {
      const cells: Record<string, unknown> = {};
      for (const column of mapped) {
        const value = row.values[column.index];
        if (value !== undefined) cells[column.field] = value;
      }
      data.push({ excelRow: row.excelRow, cells });
      lastKept = row.excelRow;
    }
  }

  // Rows Excel shows but the file does not hold are blank too, up to the last row that counted.
  for (let r = 1; r < lastKept; r++) {
    if (!seen.has(r) && (r < header.first || r > header.last)) ignored.push({ excelRow: r, reason: 'blank' });
  }
  return {
    rows: data,
    ignored: ignored.filter((i) => i.excelRow <= lastKept || i.reason !== 'blank').sort((a, b) => a.excelRow - b.excelRow),
  };
}

function isFooter(row: GridRow): boolean {
  const texts: string[] = [];
  for (const value of row.values) {
    if (value === undefined) continue;
    texts.push(typeof value === 'string' ? value : String(value));
    if (texts.length === FOOTER_CELLS) break;
  }
  return texts.some((text) => FOOTER_WORDS.test(text)) || (texts.length > 0 && NOTE_START.test(texts[0]));
}
