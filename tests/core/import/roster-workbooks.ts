// Roster workbooks as clerks hand them over, built with exceljs in a temp folder for the import tests:
// merged title rows, a 填报单位 line, merged branch cells, footer rows, IDs typed in every way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach } from 'vitest';
import type { ImportOptions } from '../../../src/core/import/import-members';
import { citizenIdCheckDigit } from '../../../src/shared/validators';

export interface SheetSpec {
  name?: string;
  /** Rows from row 1; index 0 is column A; null or undefined leaves a cell empty. */
  rows: unknown[][];
  /** Excel ranges such as 'A1:J1'. */
  merges?: string[];
  /** Number formats by cell address, e.g. { H4: 'yyyy-mm-dd' }. */
  numFmts?: Record<string, string>;
}

/** The clerk's today in every import test: 2026-03-10. */
export const TODAY = new Date(2026, 2, 10);

/** A valid citizen ID number for a birth date (YYYYMMDD) and sequence (odd last digit = male). */
export function citizenId(birth: string, sequence = '123', region = '370102'): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + citizenIdCheckDigit(first17);
}

export const ROSTER_TITLE = '东华门街道XX社区党员花名册';
export const ROSTER_HEADERS = ['序号', '所在党支部', '姓名', '性别', '公民身份号码', '出生日期', '人员类别', '入党日期', '转正日期', '联系电话'];

/** A national-format roster: title (merged A1:J1), 填报单位/填报日期 line, header in row 3, then `members`. */
export function nationalRoster(members: unknown[][], extra: Partial<SheetSpec> = {}): SheetSpec {
  return {
    rows: [[ROSTER_TITLE], ['填报单位：XX社区党委', null, null, null, null, null, null, '填报日期：2026年3月1日'], ROSTER_HEADERS, ...members],
    ...extra,
    merges: ['A1:J1', ...(extra.merges ?? [])],
  };
}

/** A member row for nationalRoster: 序号, branch, name, sex, ID, birth, category, joined, full, phone. */
export function memberRow(n: number, fields: Partial<Record<'branch' | 'name' | 'sex' | 'idNumber' | 'birthDate' | 'category' | 'joinDate' | 'fullDate' | 'phone', unknown>> = {}): unknown[] {
  const defaults = {
    branch: '第一网格党支部',
    name: `党员${'甲乙丙丁戊己庚辛壬癸'[n % 10]}`,
    sex: '男',
    idNumber: citizenId('19800102', String(101 + 2 * n).padStart(3, '0')),
    birthDate: null,
    category: '正式党员',
    joinDate: '2005-07-01',
    fullDate: '2006-07-01',
    phone: '13812345678',
  };
  const f = { ...defaults, ...fields };
  return [n, f.branch, f.name, f.sex, f.idNumber, f.birthDate, f.category, f.joinDate, f.fullDate, f.phone];
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

export function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-roster-'));
  folders.push(folder);
  return folder;
}

/** Writes the sheets as an .xlsx in a temp folder (removed after the test) and returns its path. */
export async function writeWorkbook(
  sheets: SheetSpec | SheetSpec[],
  options: { fileName?: string; sharedStrings?: boolean } = {},
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  (Array.isArray(sheets) ? sheets : [sheets]).forEach((spec, i) => {
    const sheet = workbook.addWorksheet(spec.name ?? `Sheet${i + 1}`);
    spec.rows.forEach((cells, r) => {
      cells.forEach((value, c) => {
        if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      });
    });
    for (const [address, numFmt] of Object.entries(spec.numFmts ?? {})) sheet.getCell(address).numFmt = numFmt;
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  });
  const file = path.join(tempFolder(), options.fileName ?? '花名册.xlsx');
  // Excel keeps text in sharedStrings.xml; some other programs write it into the sheet itself.
  await workbook.xlsx.writeFile(file, { useSharedStrings: options.sharedStrings ?? true });
  return file;
}

/** The options of an import by the administrator on the test's today: committed, duplicates skipped. */
export function importOptions(over: Partial<ImportOptions> = {}): ImportOptions {
  return {
    onDuplicate: 'skip',
    createMissingBranches: false,
    dryRun: false,
    lang: 'zh-CN',
    now: TODAY,
    actor: { userId: 1, username: 'admin' },
    fileName: '花名册.xlsx',
    ...over,
  };
}
