// The rejected rows of an import handed back as a workbook the clerk fixes and imports again: the Excel row
// number first, the row's cells under their own headers (ID numbers and phones kept as text, so Excel does
// not turn them into 1.1E+17), and the reasons last. The roster import and the development import share it;
// each says which columns it keeps and which are text.
import type { Language } from '../../shared/api/schemas';
import { fileText } from '../../shared/i18n/file-text';

export interface RejectedColumn {
  header: string;
  /** Written as text (numFmt '@'): ID numbers, phones. */
  asText?: boolean;
}

export interface RejectedRow {
  excelRow: number;
  /** One value per column, in the columns' order. */
  values: unknown[];
}

export async function rejectedRowsWorkbook(columns: readonly RejectedColumn[], rows: readonly RejectedRow[], reasons: ReadonlyMap<number, readonly string[]>, lang: Language): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(fileText(lang, 'rejectedSheet'));
  sheet.addRow([fileText(lang, 'rejectedRow'), ...columns.map((c) => c.header), fileText(lang, 'rejectedReason')]);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const why = reasons.get(row.excelRow);
    if (!why) continue;
    const added = sheet.addRow([row.excelRow, ...columns.map((_, i) => cellForSheet(row.values[i])), why.join(fileText(lang, 'reasonSeparator'))]);
    columns.forEach((c, i) => {
      if (c.asText) added.getCell(i + 2).numFmt = '@';
    });
  }
  sheet.columns.forEach((col) => (col.width = 16));
  sheet.getColumn(columns.length + 2).width = 60;
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Rows' reasons keyed by Excel row, from an import report's rejected list. */
export function reasonsByRow(rejected: readonly { row: number; message: string }[]): Map<number, string[]> {
  const reasons = new Map<number, string[]>();
  for (const r of rejected) reasons.set(r.row, [...(reasons.get(r.row) ?? []), r.message]);
  return reasons;
}

function cellForSheet(value: unknown): string | number | Date | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || value instanceof Date) return value;
  return String(value);
}
