// The command line: init, backup, audit verify and info, with their exit codes (0 done, 1 refused,
// 2 usage) and `--json` output of exactly one line; refused files are left as they were.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, listDir, makeForeignSqlite, makeTempDir, readHeader, readSnapshot } from '../support/factory';
import { jsonLine, runCli } from '../support/cli';
import { tamper } from '../support/tamper';
import { APPLICATION_ID } from '../../src/core/db/open';
import { SCHEMA_VERSION } from '../../src/core/db/migrations/index';

const PASSWORD = { STREETDESK_PASSWORD: 'Admin2026pass' };
const INIT = ['--street-name', '东华门街道', '--street-code', '110101001', '--district-name', '东城区', '--admin-user', 'admin'];

let dir: string;
/** Set up once by `init` in beforeAll and never changed: tests that write (backup writes an audit entry) use a copy. */
let shared: string;

beforeAll(async () => {
  dir = makeTempDir('streetdesk-cli-');
  shared = path.join(dir, 'shared.db');
  const run = await runCli(['--db', shared, 'init', ...INIT, '--admin-name', '王管理', '--json'], PASSWORD);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(jsonLine(run)).toEqual({
    ok: true,
    street: expect.objectContaining({ name: '东华门街道', code: '110101001000', districtName: '东城区' }),
    admin: { id: 1, username: 'admin' },
  });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

let folders = 0;
/** A new empty folder inside the test's temp folder (removed with it). */
function newFolder(): string {
  const folder = path.join(dir, `folder-${++folders}`);
  fs.mkdirSync(folder);
  return folder;
}

let copies = 0;
function copyOfShared(): string {
  const file = path.join(dir, `copy-${++copies}.db`);
  fs.copyFileSync(shared, file);
  return file;
}

/** The rows of a database, read from a throw-away copy so the file itself is not opened. */
function rowsOf(file: string): Record<string, unknown[]> {
  const copy = path.join(newFolder(), 'peek.db');
  fs.copyFileSync(file, copy);
  return readSnapshot(copy);
}

describe('init', () => {
  it('a missing option is a usage error (exit 2) and creates no database file', async () => {
    const file = path.join(dir, 'missing-option.db');
    const run = await runCli(['--db', file, 'init', ...INIT.slice(0, -2), '--json']);
    expect(run.code).toBe(2);
    expect(jsonLine(run)).toMatchObject({ ok: false, error: { code: 'USAGE', message: expect.stringContaining('--admin-user') } });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('without STREETDESK_PASSWORD exits 1 and says where the password goes', async () => {
    const file = path.join(dir, 'no-password.db');
    const run = await runCli(['--db', file, 'init', ...INIT, '--json']);
    expect(run.code).toBe(1);
    const out = jsonLine(run);
    expect(out).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ field: 'admin.password' }] } } });
    expect(out.error?.message).toContain('STREETDESK_PASSWORD');
  });

  it('with a bad division code exits 1 naming the field street.code and the value', async () => {
    const file = path.join(dir, 'bad-code.db');
    const run = await runCli(['--db', file, 'init', ...INIT.map((a) => (a === '110101001' ? '110101100' : a)), '--json'], PASSWORD);
    expect(run.code).toBe(1);
    const out = jsonLine(run);
    expect(out.error?.code).toBe('VALIDATION');
    expect(out.error?.details?.issues).toEqual([expect.objectContaining({ field: 'street.code', value: '110101100' })]);
    expect(out.error?.message).toContain('区划代码');
    expect(out.error?.message).toContain('110101100');
  });

  it('a second init exits 1 with ALREADY_INITIALIZED and changes nothing', async () => {
    const file = copyOfShared();
    const before = rowsOf(file);
    const run = await runCli(
      ['--db', file, 'init', '--street-name', '景山街道', '--street-code', '110101002', '--district-name', '东城区', '--admin-user', 'other', '--json'],
      { STREETDESK_PASSWORD: 'Other2026pass' },
    );
    expect(run.code).toBe(1);
    expect(jsonLine(run)).toMatchObject({ ok: false, error: { code: 'ALREADY_INITIALIZED' } });
    expect(rowsOf(file)).toEqual(before);
  });
});

describe('info', () => {
  it('prints the street, schema version and counts as one line of JSON', async () => {
    const run = await runCli(['--db', shared, 'info', '--json']);
    expect(run.code).toBe(0);
    expect(jsonLine(run)).toMatchObject({
      ok: true,
      schemaVersion: SCHEMA_VERSION,
      street: { name: '东华门街道', code: '110101001000' },
      counts: { users: 1, auditEntries: 2, backups: 0 },
    });
  });

  it('on a foreign file exits 1 with NOT_A_STREETDESK_DB and leaves the file untouched', async () => {
    const file = path.join(newFolder(), 'members.db');
    makeForeignSqlite(file);
    const before = fingerprint(file);
    const run = await runCli(['--db', file, 'info', '--json']);
    expect(run.code).toBe(1);
    expect(jsonLine(run)).toMatchObject({ ok: false, error: { code: 'NOT_A_STREETDESK_DB' } });
    expect(fingerprint(file)).toEqual(before);
    expect(listDir(path.dirname(file))).toEqual(['members.db']);
  });

  it('on a missing file exits 1, names the file, and creates nothing', async () => {
    const folder = newFolder();
    const file = path.join(folder, 'typo.db');
    const run = await runCli(['--db', file, 'info', '--json']);
    expect(run.code).toBe(1);
    const out = jsonLine(run);
    expect(out.ok).toBe(false);
    expect(out.error?.message).toContain(file);
    expect(listDir(folder)).toEqual([]);
  });
});

describe('backup', () => {
  it('--out FILE writes a StreetDesk database that info reports with the same street', async () => {
    const out = path.join(dir, 'exports', '备份.db');
    const run = await runCli(['--db', copyOfShared(), 'backup', '--out', out, '--json'], PASSWORD);
    expect(run.code).toBe(0);
    expect(jsonLine(run)).toEqual({ ok: true, file: out, size: fs.statSync(out).size });
    expect(readHeader(out)).toMatchObject({ sqlite: true, applicationId: APPLICATION_ID });

    const info = await runCli(['--db', out, 'info', '--json']);
    expect(info.code).toBe(0);
    expect(jsonLine(info)).toMatchObject({ street: { name: '东华门街道', code: '110101001000', districtName: '东城区' }, counts: { users: 1 } });
  });

  it('to a file that exists exits 1 and does not overwrite it', async () => {
    const out = path.join(dir, 'precious.txt');
    fs.writeFileSync(out, '重要的文件');
    const before = fingerprint(out);
    const run = await runCli(['--db', copyOfShared(), 'backup', '--out', out, '--json'], PASSWORD);
    expect(run.code).toBe(1);
    const result = jsonLine(run);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(result.error?.message).toContain(out);
    expect(fingerprint(out)).toEqual(before);
  });
});

describe('audit verify', () => {
  it('exits 0 on an intact log and 1 naming the entry edited by hand', async () => {
    const file = copyOfShared();
    const intact = await runCli(['--db', file, 'audit', 'verify', '--json']);
    expect(intact.code).toBe(0);
    expect(jsonLine(intact)).toEqual({ ok: true, checked: 2, firstBroken: null });

    expect(tamper(file, "UPDATE audit_log SET username = 'nobody' WHERE id = 2")).toBe(1);

    const broken = await runCli(['--db', file, 'audit', 'verify', '--json']);
    expect(broken.code).toBe(1);
    expect(jsonLine(broken)).toMatchObject({ ok: false, checked: 1, firstBroken: { id: 2, reason: 'HASH_MISMATCH' } });

    const human = await runCli(['--db', file, 'audit', 'verify']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('第 2 条记录');
    expect(human.stdout).toContain('记录被修改');
  });
});
