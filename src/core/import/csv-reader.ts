// A CSV roster read into the same rows as a worksheet: the encoding found from the bytes (UTF-8 with or
// without BOM, UTF-16 with BOM, else GBK/GB18030 as Chinese Excel and WPS save "CSV"), comma or tab
// separated, quoted fields with separators, quotes and line breaks inside. Every cell stays text, as typed:
// an ID number keeps all 18 digits and a date is read by the member rules like a typed one.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { CSV_MAX_BYTES, CSV_MAX_LINE_CHARS, ROSTER_MAX_CELL_CHARS, ROSTER_MAX_COLUMNS, ROSTER_MAX_ROWS, formatBytes } from '../limits';
import { columnLetter, type StreamedSheet, type SheetRow } from './xlsx-stream';

export { CSV_MAX_BYTES, CSV_MAX_LINE_CHARS };
/** As many lines as an Excel sheet can hold (of them, at most ROSTER_MAX_ROWS may hold something). */
export const CSV_MAX_ROWS = 1_048_576;
/** As many columns as an Excel sheet can hold, trailing empty ones included (at most ROSTER_MAX_COLUMNS used). */
export const CSV_MAX_COLUMNS = 16_384;
/** As much text as an Excel cell can hold. */
export const CSV_MAX_CELL = ROSTER_MAX_CELL_CHARS;

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The encoding of a CSV file's bytes and where its text starts (after a byte order mark). */
export function detectEncoding(bytes: Uint8Array): { encoding: CsvEncoding; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', skip: 0 };
  } catch {
    // Not UTF-8: what Chinese Windows writes as "ANSI" (GBK; GB18030 is its superset).
    return { encoding: 'gb18030', skip: 0 };
  }
}

export function decodeCsv(bytes: Uint8Array): string {
  const { encoding, skip } = detectEncoding(bytes);
  return new TextDecoder(encoding).decode(bytes.subarray(skip));
}

/** Tab when the first line has more tabs than commas (outside quotes); a comma otherwise. */
export function detectSeparator(text: string): ',' | '\t' {
  let tabs = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (tabs + commas > 0) break;
    } else if (!quoted && c === '\t') tabs++;
    else if (!quoted && c === ',') commas++;
  }
  return tabs > commas ? '\t' : ',';
}

/** A limit passed, told with the problem a workbook past the same limit gets (one text per limit, both languages). */
const refusal = (problem: string, params: Record<string, string | number>) =>
  new AppError('VALIDATION', `The CSV file is refused: ${problem} ${JSON.stringify(params)}`, { issues: [{ field: 'file', problem, params }] });

const lineTooLong = (row: number) =>
  new AppError('VALIDATION', `Line ${row} of the CSV file is longer than ${CSV_MAX_LINE_CHARS} characters`, {
    issues: [{ field: 'file', problem: 'csvLineTooLong', params: { row, limit: CSV_MAX_LINE_CHARS } }],
  });

/** RFC 4180 fields, lenient as Excel is: a quote inside an unquoted field is kept as a character. */
export function parseCsv(text: string, separator: ',' | '\t' = detectSeparator(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  let lineChars = 0;
  const endField = () => {
    if (field.length > CSV_MAX_CELL) throw refusal('rosterCellTooLong', { cell: `${columnLetter(row.length + 1)}${rows.length + 1}`, limit: CSV_MAX_CELL });
    lineChars += field.length + 1;
    if (lineChars > CSV_MAX_LINE_CHARS) throw lineTooLong(rows.length + 1);
    row.push(field);
    field = '';
    if (row.length > CSV_MAX_COLUMNS) throw refusal('rosterCellBeyond', { cell: `${columnLetter(row.length)}${rows.length + 1}`, rows: CSV_MAX_ROWS, columns: CSV_MAX_COLUMNS });
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    lineChars = 0;
    if (rows.length > CSV_MAX_ROWS) throw refusal('rosterTooManyRows', { sheet: 'CSV', limit: CSV_MAX_ROWS });
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
        // An unmatched quote would swallow the rest of the file into one field: stop at the line limit.
        if (field.length > CSV_MAX_LINE_CHARS) throw lineTooLong(rows.length + 1);
      }
      i++;
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === separator) {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Reads a CSV file (a path or its bytes) as one sheet, named after the file. */
export async function readCsv(file: string | Uint8Array, name?: string): Promise<StreamedSheet> {
  let bytes: Uint8Array;
  if (typeof file === 'string') {
    const stat = await fs.stat(file);
    if (stat.size > CSV_MAX_BYTES) throw refusal('rosterFileTooLarge', { size: formatBytes(stat.size), limit: formatBytes(CSV_MAX_BYTES) });
    bytes = await fs.readFile(file);
  } else {
    if (file.length > CSV_MAX_BYTES) throw refusal('rosterFileTooLarge', { size: formatBytes(file.length), limit: formatBytes(CSV_MAX_BYTES) });
    bytes = file;
  }
  const sheet = name ?? (typeof file === 'string' ? path.basename(file).replace(/\.[^.]*$/, '') : 'CSV');
  const rows: SheetRow[] = [];
  parseCsv(decodeCsv(bytes)).forEach((cells, r) => {
    const values: unknown[] = [];
    cells.forEach((cell, c) => {
      // A cell Excel was told to keep as text when opened ="0531..." comes back as its text.
      const text = (/^="(.*)"$/s.exec(cell)?.[1] ?? cell).replace(/\u00a0/g, ' ').trim();
      if (text !== '') values[c + 1] = text;
    });
    if (values.length === 0) return;
    if (values.length - 1 > ROSTER_MAX_COLUMNS) {
      const cell = `${columnLetter(values.length - 1)}${r + 1}`;
      throw new AppError('VALIDATION', `Cell ${cell} is outside the range a roster may use`, {
        issues: [{ field: 'file', problem: 'rosterCellBeyond', params: { cell, rows: CSV_MAX_ROWS, columns: ROSTER_MAX_COLUMNS } }],
      });
    }
    rows.push({ excelRow: r + 1, values });
    if (rows.length > ROSTER_MAX_ROWS) throw refusal('rosterTooManyRows', { sheet, limit: ROSTER_MAX_ROWS });
  });
  return { sheets: [sheet], sheet, rows, merges: [] };
}
