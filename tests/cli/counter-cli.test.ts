// The counter's commands: due dates in working days (with the database's override table), recording an
// override (a date twice refused, exit 1), the catalog and the requests list, with their exit codes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreetDeskApp } from '../../src/core/app';
import { makeTempDir } from '../support/factory';
import { jsonLine, runCli } from '../support/cli';

/** Each test runs the CLI several times (a few seconds each on a busy machine). */
const SLOW = 240_000;
const INIT = ['--street-name', '东华门街道', '--street-code', '110101001', '--district-name', '东城区', '--admin-user', 'admin'];
let dir: string;
let db: string;
const PASSWORD = { STREETDESK_PASSWORD: 'Admin2026pass' };

beforeAll(async () => {
  dir = makeTempDir('streetdesk-counter-cli-');
  db = path.join(dir, 'counter.db');
  const run = await runCli(['--db', db, 'init', ...INIT, '--json'], PASSWORD);
  expect(run.code, run.stdout + run.stderr).toBe(0);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('workdays', () => {
  it('due: counts from the next day across National Day 2026 and its make-up Saturday', async () => {
    const run = await runCli(['--db', db, 'workdays', 'due', '--from', '2026-09-30', '--days', '3', '--json']);
    expect(run.code).toBe(0);
    expect(jsonLine(run)).toEqual({ ok: true, due: '2026-10-10', from: '2026-09-30', days: 3 });
    const human = await runCli(['--db', db, 'workdays', 'due', '--from', '2026-02-13', '--days', '1']);
    expect(human.stdout).toContain('到期日 2026-02-14');
  }, SLOW);

  it('override: a year the package does not know follows the table; the same date twice is refused', async () => {
    expect(jsonLine(await runCli(['--db', db, 'workdays', 'due', '--from', '2028-09-29', '--days', '1', '--json']))).toMatchObject({ due: '2028-10-02' });
    const saved = await runCli(['--db', db, 'workdays', 'override', '--date', '2028-10-02', '--holiday', '--name', '国庆节', '--json'], PASSWORD);
    expect(saved.code, saved.stdout).toBe(0);
    expect(jsonLine(saved)).toMatchObject({ ok: true, override: { date: '2028-10-02', kind: 'holiday', name: '国庆节' } });
    expect(jsonLine(await runCli(['--db', db, 'workdays', 'due', '--from', '2028-09-29', '--days', '1', '--json']))).toMatchObject({ due: '2028-10-03' });

    const twice = await runCli(['--db', db, 'workdays', 'override', '--date', '2028-10-02', '--workday', '--json'], PASSWORD);
    expect(twice.code).toBe(1);
    const out = jsonLine(twice);
    expect(out.error).toMatchObject({ code: 'VALIDATION' });
    expect(out.error?.message).toContain('这一天已在调整表中（休息：国庆节）');
    const en = await runCli(['--db', db, '--lang', 'en', 'workdays', 'override', '--date', '2028-10-02', '--workday'], PASSWORD);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('Date is already in the override table (holiday: 国庆节)');
  }, SLOW);

  it('usage errors exit 2: neither or both of --workday/--holiday, days out of range; a bad date exits 1', async () => {
    for (const args of [['workdays', 'override', '--date', '2028-10-05'], ['workdays', 'override', '--date', '2028-10-05', '--workday', '--holiday'], ['workdays', 'due', '--from', '2026-01-01', '--days', 'x']]) {
      const run = await runCli(['--db', db, ...args, '--json']);
      expect(run.code, args.join(' ')).toBe(2);
      expect(jsonLine(run).error?.code).toBe('USAGE');
    }
    const bad = await runCli(['--db', db, 'workdays', 'due', '--from', '2026-02-30', '--days', '1', '--json']);
    expect(bad.code).toBe(1);
    expect(jsonLine(bad).error?.message).toContain('起始日期');
  }, SLOW);
});

describe('matters and requests', () => {
  it('matters list prints the catalog; requests list filters by status and overdue', async () => {
    const matters = jsonLine(await runCli(['--db', db, 'matters', 'list', '--json'])).matters as { id: number; name: string; listClass: string }[];
    expect(matters.length).toBeGreaterThanOrEqual(30);
    expect(matters.find((m) => m.name === '最低生活保障申请')?.listClass).toBe('guidance');

    const app = new StreetDeskApp({ dbPath: db });
    try {
      const admin = await app.loginForCli('admin', PASSWORD.STREETDESK_PASSWORD);
      const c = await admin.call('communities.save', { name: '幸福社区', divisionCode: '110101001001' });
      const matter = matters.find((m) => m.name === '城乡居民基本养老保险参保登记')!;
      await admin.call('requests.accept', { communityId: c.id, matterId: matter.id, residentName: '周桂兰', residentPhone: '13912345678', acceptedOn: '2026-01-05' });
      const open = await admin.call('requests.accept', { communityId: c.id, matterId: matter.id, residentName: '孙立', residentPhone: '13800001111' });
      await admin.call('requests.pause', { id: open.id, missingDocuments: '户口簿' });
    } finally {
      app.close();
    }
    const overdue = jsonLine(await runCli(['--db', db, 'requests', 'list', '--overdue', '--json']));
    expect(overdue).toMatchObject({ ok: true, total: 1, requests: [{ number: '幸福-2026-0001', flag: 'overdue', dueOn: '2026-01-12' }] });
    const waiting = jsonLine(await runCli(['--db', db, 'requests', 'list', '--status', 'waiting_docs', '--json']));
    expect(waiting).toMatchObject({ total: 1, requests: [{ residentName: '孙立', status: 'waiting_docs' }] });
    const human = await runCli(['--db', db, 'requests', 'list', '--overdue']);
    expect(human.stdout).toContain('【逾期】幸福-2026-0001');
    const bad = await runCli(['--db', db, 'requests', 'list', '--status', 'closed', '--json']);
    expect(bad.code).toBe(2);
  }, SLOW);
});
