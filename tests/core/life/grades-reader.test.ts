// The appraisal tally reader on real xlsx files: generated sheets with the habits branches have (a title
// above, header names with spaces or full-width letters, grades written 优 / 优秀 / excellent, blank rows
// between, a follow-up column or none) always give back the graded rows in order; a grade it cannot read is
// refused naming the Excel row and the value; hostile files are refused as the roster reader refuses them.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppraisalGrade } from '../../../src/shared/api/schemas-life';
import { formatError } from '../../../src/shared/i18n/messages';
import { AppError } from '../../../src/shared/result';
import { readGrades, readGrade } from '../../../src/core/import/grades-reader';
import { namedRosterCases } from '../../support/hostile';

const SPELLINGS: Record<AppraisalGrade, string[]> = {
  excellent: ['优', '优秀', 'excellent', 'Excellent', '优 秀', '优秀。'],
  qualified: ['合格', 'qualified', 'QUALIFIED', '合　格'],
  basic: ['基本合格', 'basic', '基本 合格'],
  unqualified: ['不合格', 'unqualified', '不 合 格'],
};
const FULL_WIDTH = (s: string) => s.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const NAME_HEADERS = ['姓名', '姓 名', '姓　名', 'Name', FULL_WIDTH('Name'), ' 党员姓名 '];
const GRADE_HEADERS = ['评议等次', '评议 等次', '等次', 'Grade', FULL_WIDTH('Grade'), '评定等次'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';

const entry = fc.record({
  surname: fc.integer({ min: 0, max: SURNAMES.length - 1 }),
  grade: fc.constantFrom<AppraisalGrade>('excellent', 'qualified', 'basic', 'unqualified'),
  spelling: fc.nat(),
  blankBefore: fc.boolean(),
});

const sheetSpec = fc.record({
  titleRows: fc.integer({ min: 0, max: 3 }),
  nameHeader: fc.constantFrom(...NAME_HEADERS),
  gradeHeader: fc.constantFrom(...GRADE_HEADERS),
  followUp: fc.boolean(),
  leadingColumn: fc.boolean(),
  entries: fc.array(entry, { minLength: 1, maxLength: 25 }),
});

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('等次表');
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 1);
    r.forEach((v, c) => {
      if (v !== undefined) row.getCell(c + 1).value = v as ExcelJS.CellValue;
    });
  });
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('the tally reader', () => {
  it('reads every generated sheet back as the rows written, in order, whatever the habits', async () => {
    await fc.assert(
      fc.asyncProperty(sheetSpec, async (spec) => {
        const lead = spec.leadingColumn ? ['序号'] : [];
        const rows: unknown[][] = [];
        for (let i = 0; i < spec.titleRows; i++) rows.push(i === 0 ? ['2025 年度民主评议党员等次表'] : []);
        rows.push([...lead, spec.nameHeader, spec.gradeHeader, ...(spec.followUp ? ['处置意见'] : [])]);
        const expected: { name: string; grade: AppraisalGrade }[] = [];
        spec.entries.forEach((e, i) => {
          if (e.blankBefore) rows.push([]);
          const name = `${SURNAMES[e.surname]}某${i}`;
          const words = SPELLINGS[e.grade];
          rows.push([...(spec.leadingColumn ? [i + 1] : []), ` ${name} `, words[e.spelling % words.length], ...(spec.followUp ? [e.grade === 'unqualified' ? '限期改正' : undefined] : [])]);
          expected.push({ name, grade: e.grade });
        });
        const read = await readGrades(await xlsx(rows));
        expect(read.map((r) => ({ name: r.name, grade: r.grade }))).toEqual(expected);
        if (spec.followUp) expect(read.filter((r) => r.grade === 'unqualified').every((r) => r.followUp === '限期改正')).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('names the Excel row and the value of a grade it cannot read', async () => {
    const bytes = await xlsx([['姓名', '等次'], ['王某', '优秀'], [], ['李某', '良好吧']]);
    const error = await readGrades(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(formatError((error as AppError).toApiError(), 'zh-CN', 'appraisal.save')).toContain('评议等次：第 4 行（李某）的等次无法识别，应为优秀、合格、基本合格或不合格（填写的是“良好吧”）');
    expect(readGrade('Ａ')).toBe('excellent');
    expect(readGrade('')).toBeNull();
  });

  it('refuses a sheet without the header, and hostile files, without crashing', async () => {
    const noHeader = await readGrades(await xlsx([['王某', '优秀']])).catch((e: unknown) => e);
    expect((noHeader as AppError).details?.issues?.[0]).toMatchObject({ problem: 'gradeSheetNoHeader' });
    for (const c of namedRosterCases().filter((x) => !x.slow)) {
      const result = await readGrades(c.make()).then(
        () => 'read',
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
      // A hostile file is refused with the reader's error (or, if still a good workbook, simply has no tally header).
      expect(['VALIDATION', 'read'], c.name).toContain(result);
    }
  }, 120_000);
});
