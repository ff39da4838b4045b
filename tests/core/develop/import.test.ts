// Importing a branch's existing pipeline from a real .xlsx through the contract: the same rules row by row,
// a refused row named by its Excel row, column and value (in the caller's language), the others written, a
// dry run writing nothing, and other offices' habits (2025.3.2, 2025年3月2日, date cells and serials, headers
// with spaces and line breaks, blank trailing rows) read the same as the plain form — by property tests.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears } from '../../../src/shared/develop/dates';
import { appsForEachTest, expectOk, tableSnapshot, type TestApp } from '../../support/factory';
import { developStreet, idFor, pipelineWorkbook } from './develop-support';

const app = appsForEachTest();
const TODAY = new Date(2026, 10, 20, 9, 0, 0);

const HEADER = ['姓名', '公民身份号码', '所在党支部', '申请入党日期', '谈话日期', '确定为入党积极分子日期', '确定为发展对象日期', '培训学时'];

async function streetWith(t: TestApp) {
  const street = await developStreet(t);
  const tree = await t.app.invoke('orgs.tree', {}, t.adminToken);
  return { ...street, branchName: tree.find((o) => o.id === street.branchId)!.name };
}

describe('develop.importCommit', () => {
  it('takes the valid rows, refuses the others by row, column and value, and puts the admitted on the roll', async () => {
    const t = await app({ start: TODAY });
    const s = await streetWith(t);
    const header = [...HEADER, '支部大会日期', '入党介绍人'];
    const bytes = await pipelineWorkbook([
      ['东华社区第一党支部 发展党员工作台账'],
      header,
      ['周明', idFor('1999-01-02', 31), s.branchName, '2025.3.2', '2025年3月20日', '2025-04-10', null, null, null, null],
      // An activist for less than a year when made a candidate.
      ['吴芳', idFor('1998-06-02', 32, 2), s.branchName, '2024.3.2', '2024.3.20', '2024.9.1', '2025.8.30', 24, null, null],
      // Admitted after the notice rules of a paper file: only what it states is checked.
      ['郑强', idFor('1996-06-02', 33), s.branchName, '2023.1.5', '2023.1.20', '2023.3.1', '2024.3.5', 30, '2024.6.3', '王建国、李秀英'],
      [null],
      ['   '],
    ]);
    const before = tableSnapshot(t.app.sqlite);
    const preview = await expectOk(t.app, 'develop.importPreview', { fileName: '台账.xlsx', bytes }, t.adminToken);
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
    expect(preview).toMatchObject({ rows: 3, accepted: 2, created: 0, dryRun: true, headerRow: 2 });
    expect(preview.rejected).toEqual([
      expect.objectContaining({ row: 4, column: '确定为发展对象日期', letter: 'G', code: 'candidateTooEarly', value: '2025.8.30' }),
    ]);
    expect(preview.rejected[0].message).toBe('第 4 行“确定为发展对象日期”（G 列）：确定为发展对象日期：成为发展对象须在列为积极分子满一年后（2025-09-01 及以后）（填写的是“2025.8.30”）');

    const done = await expectOk(t.app, 'develop.importCommit', { fileName: '台账.xlsx', bytes }, t.adminToken);
    expect(done).toMatchObject({ accepted: 2, created: 2, admitted: 1 });
    const board = await t.app.invoke('develop.list', {}, t.adminToken);
    expect(board.people.map((p) => [p.name, p.stage])).toEqual(expect.arrayContaining([['周明', 'activist'], ['郑强', 'probationary']]));
    const zheng = board.people.find((p) => p.name === '郑强')!;
    const member = await t.app.invoke('members.get', { id: zheng.memberId! }, t.adminToken);
    expect(member.member).toMatchObject({ category: 'probationary', joinDate: '2024-06-03' });
    // The same file again: every row is already in the register, named with the person.
    const again = await expectOk(t.app, 'develop.importPreview', { fileName: '台账.xlsx', bytes }, t.adminToken);
    expect(again.rejected.filter((r) => r.code === 'developIdTaken').map((r) => r.row)).toEqual([3, 5]);
  });

  it('hands the rejected rows back as a workbook that, fixed, imports', async () => {
    const t = await app({ start: TODAY });
    const s = await streetWith(t);
    const wuId = idFor('1998-06-02', 32, 2);
    const bytes = await pipelineWorkbook([
      HEADER,
      ['周明', idFor('1999-01-02', 31), s.branchName, '2025.3.2', '2025年3月20日', '2025-04-10', null, null],
      ['吴芳', wuId, s.branchName, '2024.3.2', '2024.3.20', '2024.9.1', '2025.8.30', 24],
    ]);
    const done = await expectOk(t.app, 'develop.importCommit', { fileName: '台账.xlsx', bytes }, t.adminToken);
    expect(done).toMatchObject({ created: 1, rejected: [expect.objectContaining({ row: 3 })] });
    expect(done.rejectedWorkbook).toBeInstanceOf(Uint8Array);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(done.rejectedWorkbook!) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('未导入的行');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Excel 行号', ...HEADER, '原因']);
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(3);
    expect(row.getCell(2).value).toBe('吴芳');
    // The ID number stays text, all 18 digits.
    expect(row.getCell(3).value).toBe(wuId);
    expect(row.getCell(3).numFmt).toBe('@');
    expect(row.getCell(8).value).toBe('2025.8.30');
    expect(String(row.getCell(10).value)).toContain('成为发展对象须在列为积极分子满一年后（2025-09-01 及以后）');

    // The clerk corrects the date in the returned workbook and imports it as it is.
    row.getCell(8).value = '2025.9.2';
    const fixed = new Uint8Array(await book.xlsx.writeBuffer());
    const again = await expectOk(t.app, 'develop.importCommit', { fileName: '未导入的行.xlsx', bytes: fixed }, t.adminToken);
    expect(again).toMatchObject({ rows: 1, created: 1, rejected: [] });
    expect(again.rejectedWorkbook).toBeUndefined();
    const board = await t.app.invoke('develop.list', {}, t.adminToken);
    expect(board.people.map((p) => [p.name, p.stage]).sort()).toEqual([['吴芳', 'candidate'], ['周明', 'activist']]);
  });

  it('names the row, the column and the value in English too', async () => {
    const t = await app({ start: TODAY });
    const s = await streetWith(t);
    await t.app.invoke('account.setLanguage', { language: 'en' }, t.adminToken);
    const bytes = await pipelineWorkbook([HEADER, ['周明', idFor('1999-01-02', 31), s.branchName, '2025.3.2', '2025.4.20', null, null, null]]);
    const preview = await expectOk(t.app, 'develop.importPreview', { fileName: 'x.xlsx', bytes }, t.adminToken);
    expect(preview.rejected[0].message).toBe('Row 2, “谈话日期” (column E): Talk date the organization must talk with the applicant within one month of the application (by 2025-04-02) (you entered “2025.4.20”)');
  });
});

// ——— other offices' habits ———

type Habit = { dates: 'dotted' | 'chinese' | 'cells' | 'serials' | 'iso'; spacedHeaders: boolean; trailingBlanks: number; title: boolean };
const habitArb: fc.Arbitrary<Habit> = fc.record({
  dates: fc.constantFrom('dotted', 'chinese', 'cells', 'serials', 'iso'),
  spacedHeaders: fc.boolean(),
  trailingBlanks: fc.integer({ min: 0, max: 4 }),
  title: fc.boolean(),
});

function writeDate(iso: string, habit: Habit): unknown {
  const [y, m, d] = iso.split('-').map(Number);
  switch (habit.dates) {
    case 'dotted':
      return `${y}.${m}.${d}`;
    case 'chinese':
      return `${y}年${m}月${d}日`;
    case 'cells':
      return new Date(Date.UTC(y, m - 1, d));
    case 'serials':
      return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
    default:
      return iso;
  }
}

const personArb = fc.record({
  birthYear: fc.integer({ min: 1970, max: 2004 }),
  birthDay: fc.integer({ min: 0, max: 364 }),
  afterEighteen: fc.integer({ min: 0, max: 2000 }),
  talkIn: fc.integer({ min: 0, max: 27 }),
  toActivist: fc.integer({ min: 0, max: 200 }),
});

describe('habits of other offices', () => {
  it('read the same pipeline whatever the date forms, header spacing, title row and blank trailing rows', async () => {
    const t = await app({ start: TODAY });
    const s = await streetWith(t);
    let seq = 40;
    await fc.assert(
      fc.asyncProperty(habitArb, fc.array(personArb, { minLength: 1, maxLength: 4 }), async (habit, people) => {
        const rows = people.map((p) => {
          const birth = addDays(`${p.birthYear}-01-01`, p.birthDay);
          const applied = addDays(addYears(birth, 18), p.afterEighteen);
          const talked = addDays(applied, p.talkIn);
          const activist = addDays(talked, p.toActivist);
          return { name: `测${seq}`, id: idFor(birth, seq++), applied: applied > '2026-11-01' ? '2026-11-01' : applied, talked, activist };
        }).filter((r) => r.activist <= '2026-11-20' && r.talked >= r.applied);
        fc.pre(rows.length > 0);
        const header = ['姓名', '公民身份号码', '所在党支部', '申请入党日期', '谈话日期', '确定为入党积极分子日期'].map((h) => (habit.spacedHeaders ? ` ${h.split('').join(' ')}\n` : h));
        const sheet: unknown[][] = [
          ...(habit.title ? [['发展党员工作台账']] : []),
          header,
          ...rows.map((r) => [r.name, r.id, s.branchName, writeDate(r.applied, habit), writeDate(r.talked, habit), writeDate(r.activist, habit)]),
          ...Array.from({ length: habit.trailingBlanks }, () => [null, '  ']),
        ];
        const preview = await expectOk(t.app, 'develop.importPreview', { fileName: 'x.xlsx', bytes: await pipelineWorkbook(sheet) }, t.adminToken);
        expect(preview.rejected).toEqual([]);
        expect(preview).toMatchObject({ rows: rows.length, accepted: rows.length });
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
