// The importer from the command line with another office's CSV: GBK text, the national system's headers,
// a word no code table knows (电大) listed once with its count and mapped with --map-value for every later
// import; `members list --offset` to page through everyone; `export members --layout national` writes the
// national system's 16 items, which import back as they are.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/factory';
import { jsonLine, runCli } from '../support/cli';
import { encodeGbk } from '../support/gbk';
import { citizenId } from '../core/import/roster-workbooks';
import { NATIONAL_ITEMS } from '../../src/shared/members/fields';

const PASSWORD = { STREETDESK_PASSWORD: 'Admin2026pass' };
const BRANCH = '幸福社区党委/第1网格党支部';
let dir = '';
let db = '';

beforeAll(async () => {
  dir = makeTempDir();
  db = path.join(dir, 'street.db');
  expect((await runCli(['--db', db, 'init', '--street-name', '密州街道', '--street-code', '370782001', '--district-name', '诸城市', '--admin-user', 'admin'], PASSWORD)).code).toBe(0);
  expect((await runCli(['--db', db, 'seed-demo', '--members', '30', '--seed', '5'], PASSWORD)).code).toBe(0);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Report = {
  rows: number;
  created: number;
  sheet: string;
  unknownValues: { column: string; value: string; count: number }[];
  awaitingMapping: number;
  rejected: { row: number; column: string; code: string; message: string }[];
  warnings: { row: number; column: string; code: string }[];
  duplicates: unknown[];
};

function gbkCsv(name: string, rows: string[][]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, encodeGbk(rows.map((r) => r.join(',')).join('\r\n') + '\r\n'));
  return file;
}

const HEADER = ['姓名', '公民身份号码', '所在党组织', '文化程度', '民族', '人员类别', '加入党组织日期', '转为正式党员日期'];

describe('import members: another office’s CSV', () => {
  it('lists an unknown word once with its count, maps it with --map-value, and remembers the mapping', async () => {
    const file = gbkCsv('幸福社区.csv', [
      HEADER,
      ['欧阳娜', citizenId('19800102', '402'), BRANCH, '电大', '汉', '正式', '2005年7月1日', '2006年7月1日'],
      ['司马强', citizenId('19810203', '411'), BRANCH, '电大', '回', '正式', '2006.07.01', '2007.07.01'],
      ['黄秀英', citizenId('19820304', '422'), BRANCH, '中专', '满', '', '2007/7/1', '2009/9/1'],
    ]);
    const dry = await runCli(['--db', db, 'import', 'members', file, '--dry-run', '--json']);
    expect(dry.code).toBe(1);
    const report = jsonLine(dry) as unknown as Report;
    expect(report).toMatchObject({ rows: 3, created: 1, sheet: '幸福社区', awaitingMapping: 2, rejected: [] });
    expect(report.unknownValues).toEqual([{ column: '文化程度', value: '电大', count: 2 }]);
    // 黄秀英 was made full two years and two months after joining: allowed, and pointed out.
    expect(report.warnings).toEqual([{ row: 4, column: '转为正式党员日期', code: 'probationLong', message: expect.stringContaining('两年') }]);

    const wrong = await runCli(['--db', db, 'import', 'members', file, '--map-value', '文化程度=电大:电视大学', '--json'], PASSWORD);
    expect(wrong.code).toBe(1);
    expect(jsonLine(wrong).error?.message).toContain('电视大学');

    const commit = await runCli(['--db', db, 'import', 'members', file, '--map-value', '文化程度=电大:大学专科', '--json'], PASSWORD);
    expect(commit.code).toBe(0);
    expect(jsonLine(commit)).toMatchObject({ created: 3, unknownValues: [] });

    const later = gbkCsv('和平社区.csv', [HEADER, ['周敏', citizenId('19700506', '432'), BRANCH, '电大', '汉族', '正式党员', '1995-07-01', '1996-07-01']]);
    const next = await runCli(['--db', db, 'import', 'members', later, '--dry-run', '--json']);
    expect(jsonLine(next)).toMatchObject({ created: 1, unknownValues: [], rejected: [] });
  }, 60_000);

  it('pages through every member with --offset, and exports the national 16 items that import back as they are', async () => {
    const first = jsonLine(await runCli(['--db', db, 'members', 'list', '--limit', '20', '--json'])) as unknown as { total: number; members: { idNumber: string }[] };
    const rest = jsonLine(await runCli(['--db', db, 'members', 'list', '--limit', '20', '--offset', '20', '--json'])) as unknown as { members: { idNumber: string }[] };
    expect(first.total).toBe(33);
    expect(first.members.length + rest.members.length).toBe(33);
    expect(new Set([...first.members, ...rest.members].map((m) => m.idNumber)).size).toBe(33);

    const out = path.join(dir, 'national.xlsx');
    const exported = await runCli(['--db', db, 'export', 'members', out, '--layout', 'national', '--json']);
    expect(exported.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(NATIONAL_ITEMS.map((i) => i.header));
    expect(sheet.rowCount).toBe(34);
    const ids = sheet.getColumn(4).values.slice(2);
    expect(ids.every((v) => typeof v === 'string' && /^\d{17}[\dX]$/.test(v))).toBe(true);
    expect(sheet.getColumn(6).values.slice(2)).toContain('大学专科');

    const back = await runCli(['--db', db, 'import', 'members', out, '--dry-run', '--json']);
    expect(jsonLine(back)).toMatchObject({ rows: 33, rejected: [], unknownValues: [] });
    expect((jsonLine(back) as unknown as Report).duplicates).toHaveLength(33);

    const bad = await runCli(['--db', db, 'export', 'members', path.join(dir, 'x.xlsx'), '--layout', 'wide', '--json']);
    expect(bad.code).toBe(2);
  }, 60_000);
});
