// The development commands through the real CLI: `develop check` on a paper file's dates alone (no database,
// no login; exit 1 with each problem's rule and date), `develop list` with its filters, and `develop import`
// of an .xlsx (a dry run writes nothing and needs no password; a refused row exits 1 naming row and column).
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreetDeskApp } from '../../src/core/app';
import { makeTempDir } from '../support/factory';
import { jsonLine, runCli } from '../support/cli';
import { developStreet, idFor, pipelineWorkbook } from '../core/develop/develop-support';
import type { TestApp } from '../support/factory';

const SLOW = 240_000;
const INIT = ['--street-name', '东华门街道', '--street-code', '110101001', '--district-name', '东城区', '--admin-user', 'admin'];
const PASSWORD = { STREETDESK_PASSWORD: 'Admin2026pass' };
let dir: string;
let db: string;
let branchName = '';

beforeAll(async () => {
  dir = makeTempDir('streetdesk-develop-cli-');
  db = path.join(dir, 'develop.db');
  const run = await runCli(['--db', db, 'init', ...INIT, '--json'], PASSWORD);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const app = new StreetDeskApp({ dbPath: db });
  try {
    const admin = await app.loginForCli('admin', PASSWORD.STREETDESK_PASSWORD);
    // developStreet speaks to a TestApp; the CLI's session answers the same calls.
    const t = { app: { invoke: (m: string, input: unknown) => admin.call(m as never, input as never) }, adminToken: '' } as unknown as TestApp;
    const street = await developStreet(t);
    branchName = (await admin.call('orgs.tree', {})).find((o) => o.id === street.branchId)!.name;
    await admin.call('develop.create', { name: '孙晓明', idNumber: idFor('2000-04-12', 7), orgId: street.branchId, appliedOn: '2026-01-05' });
    const b = await admin.call('develop.create', { name: '钱文静', idNumber: idFor('1999-03-05', 8, 2), orgId: street.branchId, appliedOn: '2025-01-06' });
    const talked = await admin.call('develop.recordStep', { id: b.id, version: b.version, step: 'talked', on: '2025-01-20' });
    await admin.call('develop.recordStep', { id: b.id, version: talked.version, step: 'activist', on: '2025-03-03', memberIds: [street.members[0]] });
  } finally {
    app.close();
  }
}, SLOW);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('develop check', () => {
  it('needs no database: a valid file passes with what is next; a broken one exits 1 naming each rule and date', async () => {
    const ok = await runCli(['develop', 'check', '--birth', '2000-04-12', '--applied', '2024-09-02', '--talked', '2024-09-20', '--activist', '2024-11-04', '--json']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(jsonLine(ok)).toEqual({ ok: true, problems: [], next: { step: 'candidate', earliest: '2025-11-04', latest: null } });

    const bad = await runCli(['develop', 'check', '--birth', '2000-04-12', '--applied', '2024-09-02', '--talked', '2024-10-08', '--activist', '2024-11-04', '--candidate', '2025-11-03', '--trained-hours', '20', '--json']);
    expect(bad.code).toBe(1);
    const out = jsonLine(bad) as unknown as { ok: boolean; problems: { step: string; code: string; message: string }[] };
    expect(out.ok).toBe(false);
    expect(out.problems.map((p) => `${p.step}:${p.code}`)).toEqual(['talked:talkLate', 'candidate:candidateTooEarly', 'training:trainingShort']);
    expect(out.problems[1].message).toBe('确定为发展对象日期：成为发展对象须在列为积极分子满一年后（2025-11-04 及以后）（填写的是“2025-11-03”）');

    const en = await runCli(['--lang', 'en', 'develop', 'check', '--birth', '2000-04-12', '--applied', '2024-09-02', '--admitted', '2025-12-20', '--approved', '2026-01-10', '--extended-months', '14']);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('Months of extension the probation is extended once, by 6 to 12 months (14 months recorded)');
    expect(en.stdout).toContain('needs the person made a candidate first');
  }, SLOW);

  it('knows 取消预备党员资格: during the probation it ends the path; before the approval, beside 转正 or too late it is refused', async () => {
    const base = ['develop', 'check', '--birth', '2000-04-12', '--applied', '2024-09-02', '--talked', '2024-09-20', '--activist', '2024-11-04', '--candidate', '2025-11-05', '--admitted', '2025-12-23', '--approved', '2026-01-20'];
    const ok = await runCli([...base, '--disqualified', '2026-09-15', '--json']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(jsonLine(ok)).toEqual({ ok: true, problems: [], next: null });

    const bad = await runCli([...base, '--disqualified', '2027-03-24', '--full', '2026-12-23', '--json']);
    expect(bad.code).toBe(1);
    const out = jsonLine(bad) as unknown as { problems: { step: string; code: string; message: string }[] };
    expect(out.problems.map((p) => `${p.step}:${p.code}`)).toEqual(['disqualified:disqualifiedLate', 'disqualified:disqualifiedAndFull']);
    expect(out.problems[0].message).toBe('取消预备党员资格日期：取消预备党员资格须在预备期内或期满后 3 个月内决定（最迟 2027-03-23）（填写的是“2027-03-24”）');
  }, SLOW);

  it('a date that is not a day, or a missing --birth, is a usage error (exit 2)', async () => {
    for (const args of [['--birth', '2000-02-30', '--applied', '2024-09-02'], ['--applied', '2024-09-02']]) {
      const run = await runCli(['develop', 'check', ...args, '--json']);
      expect(run.code, args.join(' ')).toBe(2);
      expect(jsonLine(run).error?.code).toBe('USAGE');
    }
  }, SLOW);
});

describe('develop list and import', () => {
  it('lists by stage and by what falls due', async () => {
    const all = jsonLine(await runCli(['--db', db, 'develop', 'list', '--json'])) as unknown as { people: { name: string; stage: string }[] };
    expect(all.people.map((p) => p.name).sort()).toEqual(['孙晓明', '钱文静'].sort());
    const activists = jsonLine(await runCli(['--db', db, 'develop', 'list', '--stage', 'activist', '--json'])) as unknown as { people: { name: string; next: unknown }[] };
    expect(activists.people).toEqual([expect.objectContaining({ name: '钱文静', next: { step: 'candidate', earliest: '2026-03-03', latest: null } })]);
    // 孙晓明's talk was due by 2026-02-05; 钱文静's first half-year review by 2025-09-03.
    const due = jsonLine(await runCli(['--db', db, 'develop', 'list', '--due-before', '2025-12-31', '--json'])) as unknown as { people: { name: string }[] };
    expect(due.people.map((p) => p.name)).toEqual(['钱文静']);
    const human = await runCli(['--db', db, 'develop', 'list']);
    expect(human.stdout).toContain('入党积极分子');
    const badStage = await runCli(['--db', db, 'develop', 'list', '--stage', 'member', '--json']);
    expect(badStage.code).toBe(2);
  }, SLOW);

  it('imports a pipeline: a dry run writes nothing and needs no password; a refused row exits 1 with its row and column', async () => {
    const file = path.join(dir, '台账.xlsx');
    fs.writeFileSync(
      file,
      await pipelineWorkbook([
        ['姓名', '公民身份号码', '所在党支部', '申请入党日期', '谈话日期'],
        ['周明', idFor('1999-01-02', 31), branchName, '2025.3.2', '2025年3月20日'],
        ['吴芳', idFor('1998-06-02', 32, 2), branchName, '2025.3.2', '2025.4.20'],
      ]),
    );
    const dry = await runCli(['--db', db, 'develop', 'import', file, '--dry-run', '--json']);
    expect(dry.code).toBe(1);
    expect(jsonLine(dry)).toMatchObject({ ok: false, dryRun: true, rows: 2, accepted: 1, created: 0, rejected: [{ row: 3, column: '谈话日期', letter: 'E', code: 'talkLate' }] });
    const noPassword = await runCli(['--db', db, 'develop', 'import', file, '--json']);
    expect(noPassword.code).toBe(1);
    expect(jsonLine(noPassword).error?.code).toBe('UNAUTHENTICATED');
    const rejectedOut = path.join(dir, '未导入的行.xlsx');
    const done = await runCli(['--db', db, 'develop', 'import', file, '--rejected', rejectedOut, '--json'], PASSWORD);
    expect(jsonLine(done)).toMatchObject({ ok: false, created: 1 });
    // The rejected row comes back as a workbook to fix (the JSON carries no bytes).
    expect(jsonLine(done)).not.toHaveProperty('rejectedWorkbook');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(rejectedOut);
    expect(book.worksheets[0].getRow(2).getCell(2).value).toBe('吴芳');
    expect(String(book.worksheets[0].getRow(2).getCell(7).value)).toContain('谈话');
    const all = jsonLine(await runCli(['--db', db, 'develop', 'list', '--json'])) as unknown as { people: { name: string }[] };
    expect(all.people.map((p) => p.name)).toContain('周明');
    expect(all.people.map((p) => p.name)).not.toContain('吴芳');
  }, SLOW);
});
