// The dues commands through the real CLI process on a real database file: the monthly amount and its rule
// (edges of the bands, both languages), a payment by ID number, the 6-month back-payment limit refused with
// the rule (exit 1, nothing written), the month's ledger of a branch, and the arrears list with its flag.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreetDeskApp } from '../../src/core/app';
import { makeTempDir } from '../support/factory';
import { jsonLine, runCli } from '../support/cli';
import ExcelJS from 'exceljs';
import { citizenId } from '../core/import/roster-workbooks';
import { encodeGbk } from '../support/gbk';

const SLOW = 240_000;
const INIT = ['--street-name', '东华门街道', '--street-code', '110101001', '--district-name', '东城区', '--admin-user', 'admin'];
const PASSWORD = { STREETDESK_PASSWORD: 'Admin2026pass' };
const WORKER_ID = citizenId('19850312', '011', '110101');
let dir: string;
let db: string;

beforeAll(async () => {
  dir = makeTempDir('streetdesk-dues-cli-');
  db = path.join(dir, 'dues.db');
  const run = await runCli(['--db', db, 'init', ...INIT, '--json'], PASSWORD);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const app = new StreetDeskApp({ dbPath: db });
  try {
    const admin = await app.loginForCli('admin', PASSWORD.STREETDESK_PASSWORD);
    const community = (await admin.call('communities.save', { name: '幸福社区', divisionCode: '110101001001' })).id;
    const root = (await admin.call('orgs.tree', {}))[0];
    const branch = (await admin.call('orgs.create', { parentId: root.id, name: '幸福社区第一党支部', level: 'branch', communityId: community })).id;
    const worker = await admin.call('members.create', { orgId: branch, fields: { name: '张在职', idNumber: WORKER_ID, category: '正式党员', joinDate: '2010-07-01' } });
    const retiree = await admin.call('members.create', { orgId: branch, fields: { name: '王退休', idNumber: citizenId('19550101', '021', '110101'), category: '正式党员', joinDate: '1980-07-01' } });
    await admin.call('dues.saveBase', { memberId: worker.id, category: 'working', baseFen: 300000, effectiveMonth: '2025-01' });
    await admin.call('dues.saveBase', { memberId: retiree.id, category: 'retired', baseFen: 480000, effectiveMonth: '2025-01' });
    for (const period of ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']) await admin.call('dues.generate', { period });
  } finally {
    app.close();
  }
}, SLOW);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('dues rate', () => {
  it('gives the monthly amount, the rate and the rule, right at the edges of the bands', async () => {
    expect(jsonLine(await runCli(['--db', db, 'dues', 'rate', '--category', 'working', '--base', '3000', '--json']))).toEqual({
      ok: true,
      monthly: '15.00',
      rate: '0.5%',
      rule: '工资 3,000 元 × 0.5% = 15.00 元',
      category: 'working',
      monthlyFen: 1500,
    });
    expect(jsonLine(await runCli(['--db', db, 'dues', 'rate', '--category', 'working', '--base', '3000.01元', '--json']))).toMatchObject({ monthly: '30.00', rate: '1%' });
    expect(jsonLine(await runCli(['--db', db, 'dues', 'rate', '--category', 'retired', '--base', '4800', '--json', '--lang', 'en']))).toMatchObject({ monthly: '24.00', rule: 'pension 4,800 yuan × 0.5% = 24.00 yuan' });
    expect(jsonLine(await runCli(['--db', db, 'dues', 'rate', '--category', 'student', '--json']))).toMatchObject({ monthly: '0.20', rate: null });
    const bad = await runCli(['--db', db, 'dues', 'rate', '--category', 'working', '--base', '三千']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--base');
    expect(bad.stderr).toContain('三千');
    const absurd = await runCli(['--db', db, 'dues', 'rate', '--category', 'working', '--base', '1000000.01']);
    expect(absurd.code).not.toBe(0);
  }, SLOW);
});

describe('dues pay, ledger and arrears', () => {
  it('records a payment by ID number, refuses 7 months of back payment with the rule, and shows both in the ledger and the arrears', async () => {
    const paid = await runCli(['--db', db, 'dues', 'pay', '--id', WORKER_ID, '--months', '2025-04,2025-05,2025-06', '--amount', '45', '--method', 'wechat', '--reference', 'WX0001', '--on', '2025-07-05', '--json'], PASSWORD);
    expect(paid.code, paid.stdout + paid.stderr).toBe(0);
    expect(jsonLine(paid)).toMatchObject({ ok: true, payment: { receiptNumber: '2025-000001', amount: '45.00', periods: ['2025-04', '2025-05', '2025-06'], method: 'wechat' } });

    const seven = await runCli(['--db', db, 'dues', 'pay', '--id', citizenId('19550101', '021', '110101'), '--months', '2025-03,2025-04,2025-05,2025-06,2025-07,2025-08,2025-09', '--amount', '168', '--method', 'cash', '--on', '2025-10-08'], PASSWORD);
    expect(seven.code).toBe(1);
    expect(seven.stderr).toContain('一次补交最多 6 个月');
    expect(seven.stderr).toContain('2025-03');

    const unknown = await runCli(['--db', db, 'dues', 'pay', '--id', citizenId('19700101', '051', '110101'), '--months', '2025-09', '--amount', '15', '--method', 'cash'], PASSWORD);
    expect(unknown.code).toBe(1);

    const ledger = jsonLine(await runCli(['--db', db, 'dues', 'ledger', '--period', '2025年5月', '--org', '幸福社区第一党支部', '--json']));
    expect(ledger).toMatchObject({ ok: true, period: '2025-05', totals: { due: '39.00', paid: '15.00', members: 2, settled: 1 } });
    const human = await runCli(['--db', db, 'dues', 'ledger', '--period', '2025-05']);
    expect(human.stdout).toContain('应交 39.00 元');

    const arrears = jsonLine(await runCli(['--db', db, 'dues', 'arrears', '--as-of', '2025-09', '--json']));
    expect(arrears.rows).toEqual([
      expect.objectContaining({ name: '王退休', monthsOwed: 6, monthsInRow: 6, flagged: true, owed: '144.00' }),
      expect.objectContaining({ name: '张在职', monthsOwed: 3, flagged: false }),
    ]);
    expect(jsonLine(await runCli(['--db', db, 'dues', 'arrears', '--as-of', '2025-09', '--min-months', '4', '--json'])).rows).toHaveLength(1);
  }, SLOW);
});

describe('dues import', () => {
  const RETIREE_ID = citizenId('19550101', '021', '110101');

  it('records a treasurer’s xlsx sheet (title row, 金额（元）, 2026年10月至11月, a month-formatted date cell, 微信) and a GBK CSV, each payment with its receipt', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('收缴登记');
    sheet.addRow(['幸福社区第一党支部 2026 年党费收缴登记表']);
    sheet.addRow(['序号', '姓 名', '身份证号码', '缴纳月份', '金额（元）', '缴纳方式', '凭证号']);
    sheet.addRow([1, '张在职', WORKER_ID, '2026年10月至11月', 30, '微信', 'WX88']);
    const row = sheet.addRow([2, '王退休', RETIREE_ID, new Date(Date.UTC(2026, 9, 1)), '￥24.00', '', '']);
    row.getCell(4).numFmt = 'yyyy"年"m"月"';
    sheet.addRow([]);
    const xlsx = path.join(dir, '收缴登记.xlsx');
    await book.xlsx.writeFile(xlsx);

    const dry = jsonLine(await runCli(['--db', db, 'dues', 'import', xlsx, '--dry-run', '--json'], PASSWORD));
    expect(dry).toMatchObject({ ok: true, dryRun: true, count: 2, total: '54.00' });
    const run = await runCli(['--db', db, 'dues', 'import', xlsx], PASSWORD);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('已登记 2 笔，共 54.00 元');
    expect(run.stdout).toContain('张在职');
    const october = jsonLine(await runCli(['--db', db, 'dues', 'ledger', '--period', '2026-10', '--json']));
    expect(october).toMatchObject({ totals: { due: '39.00', paid: '39.00', settled: 2 } });

    const csv = path.join(dir, '十二月.csv');
    fs.writeFileSync(csv, encodeGbk('姓名,公民身份号码,所属月份,实缴金额,方式\r\n张在职,' + WORKER_ID + ',2026-12,15元,现金\r\n'));
    const fromCsv = jsonLine(await runCli(['--db', db, 'dues', 'import', csv, '--json'], PASSWORD));
    expect(fromCsv).toMatchObject({ ok: true, count: 1, total: '15.00' });
  }, SLOW);

  it('records none of a sheet with one wrong row, naming the row, the field and the value (exit 1)', async () => {
    const csv = path.join(dir, '有错.csv');
    fs.writeFileSync(csv, ['身份证号码,缴纳月份,金额', `${RETIREE_ID},2026-11,24`, `${citizenId('19700101', '051', '110101')},2026-11,15`, `${WORKER_ID},2026-13,15`].join('\n'));
    const before = jsonLine(await runCli(['--db', db, 'dues', 'ledger', '--period', '2026-11', '--json']));
    const run = await runCli(['--db', db, 'dues', 'import', csv], PASSWORD);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('第 4 行');
    expect(run.stderr).toContain('2026-13');
    const fixed = csv.replace('有错', '有错2');
    fs.writeFileSync(fixed, ['身份证号码,缴纳月份,金额', `${RETIREE_ID},2026-11,24`, `${citizenId('19700101', '051', '110101')},2026-11,15`].join('\n'));
    const unknown = await runCli(['--db', db, 'dues', 'import', fixed, '--lang', 'en'], PASSWORD);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Row 3');
    expect(jsonLine(await runCli(['--db', db, 'dues', 'ledger', '--period', '2026-11', '--json']))).toEqual(before);
  }, SLOW);
});
