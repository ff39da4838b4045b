// Reading roster workbooks as clerks keep them: the header found under title rows, columns mapped by
// their Chinese, English or colloquial names, merged cells filled, footers skipped, rows numbered as in Excel.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRosterRows } from '../../../src/core/import/roster-check';
import { readRoster } from '../../../src/core/import/roster-reader';
import type { AppError } from '../../../src/shared/result';
import { ROSTER_HEADERS, TODAY, citizenId, memberRow, nationalRoster, tempFolder, writeWorkbook } from './roster-workbooks';

const fieldsOf = (columns: { header: string; field: string | null }[]) => Object.fromEntries(columns.map((c) => [c.header, c.field]));

async function readError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: 'VALIDATION' });
  return error as AppError;
}

describe('readRoster: the shape of the sheet', () => {
  it('finds the header under a merged title and a 填报单位/填报日期 line, and numbers rows as Excel does', async () => {
    const file = await writeWorkbook(nationalRoster([memberRow(1), memberRow(2), memberRow(3)]));

    const roster = await readRoster(file);

    expect(roster.headerRow).toBe(3);
    expect(roster.ignored).toEqual([
      { excelRow: 1, reason: 'title' },
      { excelRow: 2, reason: 'title' },
    ]);
    expect(roster.rows.map((r) => r.excelRow)).toEqual([4, 5, 6]);
    expect(roster.rows[1].cells).toMatchObject({ name: '党员丙', branch: '第一网格党支部' });
    expect(roster.columns.map((c) => c.header)).toEqual(ROSTER_HEADERS);
  });

  it('gives every row of a merged branch cell the branch, and leaves a plain blank branch cell blank', async () => {
    const file = await writeWorkbook(
      nationalRoster(
        [memberRow(1, { branch: '第一网格党支部' }), memberRow(2, { branch: null }), memberRow(3, { branch: null }), memberRow(4, { branch: '第二网格党支部' }), memberRow(5, { branch: null })],
        { merges: ['B4:B6'] },
      ),
    );

    const roster = await readRoster(file);

    expect(roster.rows.map((r) => [r.excelRow, r.cells.branch])).toEqual([
      [4, '第一网格党支部'],
      [5, '第一网格党支部'],
      [6, '第一网格党支部'],
      [7, '第二网格党支部'],
      [8, undefined],
    ]);
    const checked = checkRosterRows(roster, { today: TODAY });
    expect(checked.at(-1)?.problems).toEqual([expect.objectContaining({ field: 'branch', problem: 'required', column: expect.objectContaining({ letter: 'B' }) })]);
  });

  it('skips footer rows (合计, 填表人, 审核人, notes) and blank rows instead of rejecting them', async () => {
    const file = await writeWorkbook(
      nationalRoster([
        memberRow(1),
        [],
        memberRow(2),
        ['合计', '2人'],
        [null, null, '填表人：王五', null, null, '审核人：赵六', null, '填表日期：2026年3月1日'],
        [null, null, null, null, null, null, null, '2026年3月1日'],
        ['注：人员类别填写“正式党员”或“预备党员”'],
      ]),
    );

    const roster = await readRoster(file);

    expect(roster.rows.map((r) => r.excelRow)).toEqual([4, 6]);
    expect(roster.ignored.filter((i) => i.excelRow > 3)).toEqual([
      { excelRow: 5, reason: 'blank' },
      { excelRow: 7, reason: 'footer' },
      { excelRow: 8, reason: 'footer' },
      { excelRow: 9, reason: 'footer' },
      { excelRow: 10, reason: 'footer' },
    ]);
    expect(checkRosterRows(roster, { today: TODAY }).every((r) => r.problems.length === 0)).toBe(true);
  });

  it('treats the numbered empty rows of a template as blank, even inside a merged branch cell', async () => {
    const file = await writeWorkbook(nationalRoster([memberRow(1), [2], [3], memberRow(4)], { merges: ['B4:B6'] }));

    const roster = await readRoster(file);

    expect(roster.rows.map((r) => r.excelRow)).toEqual([4, 7]);
    expect(roster.ignored).toContainEqual({ excelRow: 5, reason: 'blank' });
    expect(roster.ignored).toContainEqual({ excelRow: 6, reason: 'blank' });
  });

  it('reads a two-row header: group headers merged above, field names below', async () => {
    const id = citizenId('19800102');
    const file = await writeWorkbook({
      rows: [
        ['XX社区党员信息表'],
        ['序号', '姓名', '基本情况', null, '入党情况', null, '所在党支部'],
        [null, null, '性别', '公民身份号码', '入党时间', '转正时间', null],
        [1, '张三', '男', id, '2005-07-01', '2006-07-01', '第一网格党支部'],
      ],
      merges: ['A1:G1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:F2', 'G2:G3'],
    });

    const roster = await readRoster(file);

    expect(roster.headerRow).toBe(3);
    expect(fieldsOf(roster.columns)).toEqual({
      序号: null,
      姓名: 'name',
      性别: 'sex',
      公民身份号码: 'idNumber',
      入党时间: 'joinDate',
      转正时间: 'fullDate',
      所在党支部: 'branch',
    });
    expect(roster.rows).toEqual([
      { excelRow: 4, cells: { name: '张三', sex: '男', idNumber: id, joinDate: '2005-07-01', fullDate: '2006-07-01', branch: '第一网格党支部' } },
    ]);
    expect(roster.ignored).toEqual([
      { excelRow: 1, reason: 'title' },
      { excelRow: 2, reason: 'title' },
    ]);
  });
});

describe('readRoster: which column is which field', () => {
  it('maps an English header roster', async () => {
    const file = await writeWorkbook({
      rows: [
        ['Name', 'Sex', 'Citizen ID number', 'Branch', 'Joined on', 'Phone', 'Notes'],
        ['Zhang San', 'male', citizenId('19800102'), 'Grid 1 branch', '2005-07-01', '13812345678', ''],
      ],
    });

    const roster = await readRoster(file);

    expect(roster.headerRow).toBe(1);
    expect(fieldsOf(roster.columns)).toEqual({
      Name: 'name',
      Sex: 'sex',
      'Citizen ID number': 'idNumber',
      Branch: 'branch',
      'Joined on': 'joinDate',
      Phone: 'phone',
      Notes: null,
    });
    const [row] = checkRosterRows(roster, { today: TODAY });
    expect(row.draft).toMatchObject({ name: 'Zhang San', sex: 1, branch: 'Grid 1 branch', joinDate: '2005-07-01' });
  });

  it('maps the synonyms clerks write: 身份证号码, 入党时间, 党支部, 手机号', async () => {
    const file = await writeWorkbook({
      rows: [
        ['党员姓名', '身份证号码', '入党时间', '党支部', '手机号', '家庭住址（门牌号）'],
        ['李四', citizenId('19750315'), '2000年7月', '第二网格党支部', '13912345678', '东华门街道XX路1号'],
      ],
    });

    const roster = await readRoster(file);

    expect(roster.columns.map((c) => c.field)).toEqual(['name', 'idNumber', 'joinDate', 'branch', 'phone', 'address']);
  });

  it('keeps unknown columns unmapped, and lets the mapping override by header text or column number', async () => {
    const file = await writeWorkbook({
      rows: [
        ['序号', '姓名', '身份证', '支部', '联系方式', '备用电话', '备注'],
        [1, '王五', citizenId('19700101'), '第三网格党支部', '0536-1234567', '13712345678', '退休'],
      ],
    });

    const automatic = await readRoster(file);
    expect(automatic.columns.map((c) => c.field)).toEqual([null, 'name', 'idNumber', 'branch', 'phone', null, null]);

    const overridden = await readRoster(file, { mapping: { 联系方式: null, 备用电话: 'phone', 7: 'skills' } });

    expect(overridden.columns.map((c) => [c.letter, c.header, c.field])).toEqual([
      ['A', '序号', null],
      ['B', '姓名', 'name'],
      ['C', '身份证', 'idNumber'],
      ['D', '支部', 'branch'],
      ['E', '联系方式', null],
      ['F', '备用电话', 'phone'],
      ['G', '备注', 'skills'],
    ]);
    expect(overridden.rows[0].cells).toMatchObject({ phone: '13712345678', skills: '退休' });
  });

  it('takes the header row the clerk points at when its names are not ones it knows', async () => {
    const id = citizenId('19800102');
    const file = await writeWorkbook({
      rows: [['党员登记表'], ['同志', '证件', '组织'], ['张三', id, '第一网格党支部']],
    });

    const unknown = await readError(readRoster(file));
    expect(unknown.details?.issues?.[0].problem).toBe('rosterNoHeader');

    const roster = await readRoster(file, { headerRow: 2, mapping: { 同志: 'name', 证件: 'idNumber', 3: 'branch' } });

    expect(roster.headerRow).toBe(2);
    expect(roster.rows).toEqual([{ excelRow: 3, cells: { name: '张三', idNumber: id, branch: '第一网格党支部' } }]);
  });

  it('refuses a mapping to a field that does not exist, naming it', async () => {
    const file = await writeWorkbook(nationalRoster([memberRow(1)]));

    const error = await readError(readRoster(file, { mapping: { 联系电话: 'mobilePhone' } }));

    expect(error.details?.issues).toEqual([expect.objectContaining({ problem: 'unknownField', value: 'mobilePhone' })]);
  });
});

describe('readRoster: sheets and files', () => {
  it('reads the data sheet behind a notes sheet, and a sheet chosen by name', async () => {
    const file = await writeWorkbook([
      { name: '说明', rows: [['本表由社区党委填写']] },
      { name: '第二网格', rows: [['姓名', '身份证号', '党支部'], ['赵六', citizenId('19650808'), '第二网格党支部']] },
    ]);

    const chosen = await readRoster(file, { sheet: '第二网格' });
    expect(chosen.sheets).toEqual(['说明', '第二网格']);
    expect(chosen.sheet).toBe('第二网格');
    expect(chosen.rows).toEqual([{ excelRow: 2, cells: { name: '赵六', idNumber: citizenId('19650808'), branch: '第二网格党支部' } }]);

    const best = await readRoster(file);
    expect(best.sheet).toBe('第二网格');
    expect(best.sheetsSeen).toEqual([{ name: '说明', passed: 'notes' }]);

    const notes = await readError(readRoster(file, { sheet: '说明' }));
    expect(notes.details).toMatchObject({ issues: [expect.objectContaining({ problem: 'rosterNoHeader', params: { sheet: '说明' } })], sheets: ['说明', '第二网格'] });
  });

  it('names the sheets there are when the chosen one is missing', async () => {
    const file = await writeWorkbook([{ name: '花名册', rows: [['姓名']] }]);

    const error = await readError(readRoster(file, { sheet: '第三网格' }));

    expect(error.details?.issues).toEqual([expect.objectContaining({ field: 'sheet', problem: 'sheetNotFound', value: '第三网格', params: { sheets: '花名册' } })]);
  });

  it('tells an old .xls file from something that is not a workbook at all', async () => {
    const folder = tempFolder();
    const xls = path.join(folder, '花名册.xls');
    fs.writeFileSync(xls, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
    const text = path.join(folder, '花名册.html');
    fs.writeFileSync(text, '<html><body><table><tr><td>姓名</td></tr></table></body></html>');
    const binary = path.join(folder, '花名册.bin');
    fs.writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));

    expect((await readError(readRoster(xls))).details?.issues?.[0].problem).toBe('rosterXlsFormat');
    expect((await readError(readRoster(text))).details?.issues?.[0].problem).toBe('rosterNotXlsx');
    expect((await readError(readRoster(binary))).details?.issues?.[0].problem).toBe('rosterNotXlsx');
  });

  it('reads a workbook handed over as bytes (an upload to the browser host)', async () => {
    const file = await writeWorkbook(nationalRoster([memberRow(1)]));

    const roster = await readRoster(fs.readFileSync(file));

    expect(roster.rows.map((r) => r.cells.name)).toEqual(['党员乙']);
  });
});

describe('readRoster: a large Chinese roster', () => {
  it('reads every name and address whole, however the file keeps its text (no character cut at a chunk boundary)', async () => {
    const given = '秀英桂兰建国淑珍玉梅志强丽娟德明';
    const members = Array.from({ length: 3000 }, (_, i) => {
      const name = `${'王李张刘陈杨黄赵吴周'[i % 10]}${given[i % given.length]}${given[(i * 7) % given.length]}`;
      return [i + 1, `幸福社区党委/第${i % 40}网格党支部（${name}楼栋）`, name, i % 2 ? '男' : '女', citizenId('19800102', String(i % 1000).padStart(3, '0'), String(370100 + Math.floor(i / 1000))), null, '正式党员', '2005-07-01', '2006-07-01', '13812345678'];
    });
    for (const sharedStrings of [true, false]) {
      const roster = await readRoster(await writeWorkbook(nationalRoster(members), { sharedStrings }));
      expect(roster.rows).toHaveLength(3000);
      expect(roster.rows.map((r) => r.cells.name)).toEqual(members.map((m) => m[2]));
      expect(roster.rows.map((r) => r.cells.branch)).toEqual(members.map((m) => m[1]));
    }
  });
});

describe('readRoster: cell values', () => {
  it('reads what the cell shows: rich text, a formula result, a hyperlink, a date cell, a number', async () => {
    const joined = new Date(Date.UTC(2005, 6, 1));
    const file = await writeWorkbook({
      rows: [
        ['姓名', '身份证号', '党支部', '入党日期', '联系电话', '楼栋'],
        [
          { richText: [{ text: '张', font: { bold: true } }, { text: '三丰' }] },
          `  ${citizenId('19800102')}  `,
          { formula: '"第一"&"网格党支部"', result: '第一网格党支部' },
          joined,
          { text: '13812345678', hyperlink: 'tel:13812345678' },
          3,
        ],
      ],
    });

    const [row] = (await readRoster(file)).rows;

    expect(row.cells).toEqual({ name: '张三丰', idNumber: citizenId('19800102'), branch: '第一网格党支部', joinDate: joined, phone: '13812345678', building: 3 });
  });

  it.each([
    ['kept in sharedStrings.xml', true],
    ['written into the sheet', false],
  ])('keeps every Chinese character of a large roster intact, text %s (no � where reads are split)', async (_label, sharedStrings) => {
    const names = Array.from({ length: 3000 }, (_, i) => `${'王李张刘陈杨黄赵吴周'[i % 10]}${'秀英建国志红玉兰德福'[(i * 7) % 10]}${'华明丽强'[(i * 3) % 4]}${i}`);
    const addresses = names.map((_, i) => `东华门街道和平里社区${i % 40}号楼${(i % 6) + 1}单元${100 + (i % 30)}室`);
    const file = await writeWorkbook(
      {
        name: '党员花名册（第一网格）',
        rows: [['姓名', '身份证号', '党支部', '家庭住址'], ...names.map((name, i) => [name, citizenId('19800102'), '第一网格党支部', addresses[i]])],
      },
      { sharedStrings },
    );

    const roster = await readRoster(file);

    expect(roster.sheet).toBe('党员花名册（第一网格）');
    expect(roster.rows.map((r) => r.cells.name)).toEqual(names);
    expect(roster.rows.map((r) => r.cells.address)).toEqual(addresses);
  });
});
