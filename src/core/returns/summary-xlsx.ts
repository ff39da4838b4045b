// The return tables as a person reads them, in an .xlsx: per table a title, headings, the rows, a total row
// and the clerk's note. The street's summary.xlsx and the district's report are both written with it.
import ExcelJS from 'exceljs';
import { COLUMN_LABELS, rowLabel, tableTitle, type ReturnTable, type RowsBy } from '../../shared/returns/tables';
import type { Language } from '../../shared/api/schemas';
import { fileText } from '../../shared/i18n/file-text';

export interface SheetSpec {
  name: string;
  title: string;
  tables: ReturnTable[];
  notes?: Partial<Record<string, string>>;
  /** Extra lines under the title (who is missing, when the figures were frozen). */
  lines?: string[];
  /** What the tables' rows are (a district's consolidated sheet: streets; a city's: districts). */
  rowsBy?: RowsBy;
}

function addTable(sheet: ExcelJS.Worksheet, table: ReturnTable, note: string | undefined, lang: Language, rowsBy: RowsBy = 'community'): void {
  const zh = lang === 'zh-CN';
  const title = sheet.addRow([tableTitle(table.id, lang, rowsBy)]);
  title.font = { bold: true, size: 12 };
  const header = sheet.addRow(['', ...table.columns.map((c) => (zh ? COLUMN_LABELS[c.key]?.zh : COLUMN_LABELS[c.key]?.en) ?? c.key)]);
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }));
  for (const row of table.rows) sheet.addRow([rowLabel(row, lang), ...table.columns.map((c) => row.values[c.key] ?? null)]);
  const total = sheet.addRow([fileText(lang, 'returnTotal'), ...table.columns.map((c) => table.total[c.key] ?? null)]);
  total.font = { bold: true };
  if (note?.trim()) sheet.addRow([fileText(lang, 'returnNote', { note: note.trim() })]);
  sheet.addRow([]);
}

export async function tablesWorkbook(sheets: SheetSpec[], lang: Language): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.creator = 'StreetDesk';
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name.replace(/[\\/?*[\]:]/g, '').slice(0, 31));
    sheet.getColumn(1).width = 26;
    for (let i = 2; i <= 10; i++) sheet.getColumn(i).width = 14;
    const title = sheet.addRow([spec.title]);
    title.font = { bold: true, size: 14 };
    for (const line of spec.lines ?? []) sheet.addRow([line]);
    sheet.addRow([]);
    for (const table of spec.tables) addTable(sheet, table, spec.notes?.[table.id], lang, spec.rowsBy);
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}
