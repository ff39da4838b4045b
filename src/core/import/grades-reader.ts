// Reads a democratic-appraisal tally workbook (民主评议党员 等次表) as branches keep it: a title row or two,
// a header naming 姓名 and 评议等次 (with spaces, full-width letters or in English), grades written 优 / 优秀 /
// excellent, blank rows between. Bounded like the roster reader: the same streaming reader and limits
// (src/core/limits.ts), and the first sheet a clerk sees.
import { APPRAISAL_GRADES, type AppraisalGrade } from '../../shared/api/schemas-life';
import { AppError, type FieldIssue } from '../../shared/result';
import { toHalfWidth } from '../../shared/validators/names';
import { plainCellValue, streamWorksheet, type SheetRow } from './xlsx-stream';

/** Rows looked at for the header before giving up: titles above it are a few rows at most. */
const HEADER_SEARCH_ROWS = 20;

/** Header texts (normalized: half-width, no spaces, lower case) → the column they name. */
const HEADERS: Record<'name' | 'grade' | 'followUp', readonly string[]> = {
  name: ['姓名', '党员姓名', 'name', 'membername'],
  grade: ['评议等次', '等次', '评定等次', '评议结果', '等级', 'grade', 'result'],
  followUp: ['处置意见', '组织处置意见', '组织处置', '备注', 'followup', 'follow-up'],
};

/** Grade texts (normalized) → grade. */
const GRADE_WORDS: Record<AppraisalGrade, readonly string[]> = {
  excellent: ['优', '优秀', 'excellent', 'a'],
  qualified: ['合格', '良', 'qualified', 'b'],
  basic: ['基本合格', 'basic', 'basicallyqualified', 'c'],
  unqualified: ['不合格', '差', 'unqualified', 'd'],
};

export interface GradeRow {
  excelRow: number;
  name: string;
  grade: AppraisalGrade;
  followUp: string;
}

/** Half-width, without spaces of any width, lower case: what two spellings of one header share. */
export function normalizeHeader(text: unknown): string {
  return toHalfWidth(String(text ?? '')).replace(/[\s\u3000]+/g, '').toLowerCase();
}

/** The grade a cell names, or null when it names none. */
export function readGrade(text: unknown): AppraisalGrade | null {
  const word = normalizeHeader(text).replace(/[。.]+$/, '');
  return APPRAISAL_GRADES.find((g) => GRADE_WORDS[g].includes(word)) ?? null;
}

function columnOf(row: SheetRow, names: readonly string[]): number | null {
  const at = row.values.findIndex((v) => names.includes(normalizeHeader(plainCellValue(v))));
  return at < 0 ? null : at;
}

const refused = (issues: FieldIssue[]) => new AppError('VALIDATION', issues.map((i) => `${i.field}: ${i.problem}`).join('; '), { issues });

/**
 * The graded rows of a sheet: the header is the first row naming both a name and a grade column; blank rows
 * are passed over; a row with a name and no grade it can read is refused, naming the Excel row and the value.
 */
export function gradeRows(rows: readonly SheetRow[]): GradeRow[] {
  const header = rows.slice(0, HEADER_SEARCH_ROWS).find((r) => columnOf(r, HEADERS.name) !== null && columnOf(r, HEADERS.grade) !== null);
  if (!header) throw refused([{ field: 'grades', problem: 'gradeSheetNoHeader' }]);
  const nameCol = columnOf(header, HEADERS.name)!;
  const gradeCol = columnOf(header, HEADERS.grade)!;
  const followCol = columnOf(header, HEADERS.followUp);
  const out: GradeRow[] = [];
  const issues: FieldIssue[] = [];
  for (const row of rows) {
    if (row.excelRow <= header.excelRow) continue;
    const name = toHalfWidth(String(plainCellValue(row.values[nameCol]) ?? '')).replace(/[\s\u3000]+/g, '');
    const gradeText = plainCellValue(row.values[gradeCol]);
    if (name === '' && gradeText === undefined) continue;
    const grade = readGrade(gradeText);
    if (name === '') {
      issues.push({ field: 'grades', problem: 'gradeRowNoName', params: { row: row.excelRow } });
      continue;
    }
    if (grade === null) {
      issues.push({ field: 'grades', problem: 'gradeUnknown', value: gradeText === undefined ? '' : String(gradeText), params: { row: row.excelRow, name } });
      continue;
    }
    const followUp = followCol === null ? '' : String(plainCellValue(row.values[followCol]) ?? '').trim();
    out.push({ excelRow: row.excelRow, name, grade, followUp });
  }
  if (issues.length) throw refused(issues);
  if (out.length === 0) throw refused([{ field: 'grades', problem: 'gradeSheetEmpty' }]);
  return out;
}

/** Reads the first visible sheet of a workbook (a path or its bytes) into graded rows. */
export async function readGrades(file: string | Uint8Array): Promise<GradeRow[]> {
  const named = typeof file === 'string' ? { value: file } : {};
  const sheet = await streamWorksheet(file).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR';
    // Anything else the streaming reader refuses (not a zip, no workbook inside, a part out of bounds) is unreadable.
    throw new AppError('VALIDATION', `Cannot read the workbook: ${error instanceof Error ? error.message : String(error)}`, {
      issues: [{ field: 'gradesFile', problem: missing ? 'fileNotFound' : 'rosterUnreadable', ...named }],
    });
  });
  return gradeRows(sheet.rows);
}
