// `seed-demo` and `members list` as a script would use them.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/factory';
import { jsonLine, runCli } from '../support/cli';

const PASSWORD = { STREETDESK_PASSWORD: 'Admin2026pass' };
let dir = '';
let db = '';

beforeAll(async () => {
  dir = makeTempDir();
  db = path.join(dir, 'street.db');
  const init = await runCli(['--db', db, 'init', '--street-name', '密州街道', '--street-code', '370782001', '--district-name', '诸城市', '--admin-user', 'admin'], PASSWORD);
  expect(init.code).toBe(0);
  const seed = await runCli(['--db', db, 'seed-demo', '--members', '2000', '--seed', '3', '--json'], PASSWORD);
  expect(seed.code, seed.stderr).toBe(0);
  expect(jsonLine(seed)).toMatchObject({ ok: true, seed: 3, members: 2000 });
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('members list', () => {
  it('prints the members with the fields the contract names', async () => {
    const run = await runCli(['--db', db, 'members', 'list', '--limit', '5', '--json']);
    expect(run.code).toBe(0);
    const out = jsonLine(run) as unknown as { total: number; members: Record<string, unknown>[] };
    expect(out.total).toBe(2000);
    expect(out.members).toHaveLength(5);
    for (const key of ['name', 'idNumber', 'sex', 'birthDate', 'joinDate', 'fullDate', 'category', 'phone', 'branch']) {
      expect(out.members[0]).toHaveProperty(key);
    }
  });

  it('narrows to an organization named with its parent, and says when a name is ambiguous', async () => {
    const ambiguous = await runCli(['--db', db, 'members', 'list', '--org', '第1网格党支部', '--json']);
    expect(ambiguous.code).toBe(1);
    expect(jsonLine(ambiguous).error?.message).toContain('幸福社区党委/第1网格党支部');
    const run = await runCli(['--db', db, 'members', 'list', '--org', '幸福社区党委/第1网格党支部', '--limit', '500', '--json']);
    expect(run.code).toBe(0);
    const out = jsonLine(run) as unknown as { total: number; members: { branch: string; community: string }[] };
    expect(out.total).toBeGreaterThan(0);
    expect(out.members.every((m) => m.branch === '第1网格党支部' && m.community === '幸福社区')).toBe(true);
  });

  it('searches by pinyin initials', async () => {
    const run = await runCli(['--db', db, 'members', 'list', '--query', 'w', '--limit', '500', '--json']);
    const out = jsonLine(run) as unknown as { total: number; members: { name: string }[] };
    expect(out.total).toBeGreaterThan(0);
    expect(out.members.some((m) => m.name.startsWith('王'))).toBe(true);
  });

  it('pages with --offset: the next page starts where the previous one ended', async () => {
    const whole = jsonLine(await runCli(['--db', db, 'members', 'list', '--limit', '10', '--json'])) as unknown as { members: { idNumber: string }[] };
    const second = await runCli(['--db', db, 'members', 'list', '--offset', '5', '--limit', '5', '--json']);
    expect(second.code, second.stderr).toBe(0);
    const out = jsonLine(second) as unknown as { total: number; members: { idNumber: string }[] };
    expect(out.total).toBe(2000);
    expect(out.members.map((m) => m.idNumber)).toEqual(whole.members.slice(5).map((m) => m.idNumber));
    const past = jsonLine(await runCli(['--db', db, 'members', 'list', '--offset', '2000', '--json'])) as unknown as { members: unknown[] };
    expect(past.members).toEqual([]);
  });

  it('refuses an offset that is not a whole number of members', async () => {
    for (const bad of ['-1', 'abc', '2.5']) {
      const run = await runCli(['--db', db, 'members', 'list', `--offset=${bad}`, '--json']);
      expect(run.code).toBe(2);
      expect(jsonLine(run).error?.message).toContain('--offset');
      expect(jsonLine(run).error?.message).toContain(bad);
    }
  });

  it('refuses a limit out of range as a usage error', async () => {
    const run = await runCli(['--db', db, 'members', 'list', '--limit', '0', '--json']);
    expect(run.code).toBe(2);
    expect(jsonLine(run).error?.message).toContain('--limit');
  });
});

describe('seed-demo', () => {
  it('refuses a database that already has members, and changes nothing', async () => {
    const before = fs.statSync(db).size;
    const run = await runCli(['--db', db, 'seed-demo', '--members', '10', '--json'], PASSWORD);
    expect(run.code).toBe(1);
    expect(jsonLine(run).error?.code).toBe('VALIDATION');
    const after = await runCli(['--db', db, 'members', 'list', '--limit', '1', '--json']);
    expect((jsonLine(after) as unknown as { total: number }).total).toBe(2000);
    expect(fs.statSync(db).size).toBe(before);
  });
});

describe('seed-demo --until', () => {
  it('ends the made-up year of counter work on the day given, and refuses a day that is not one', async () => {
    const other = path.join(dir, 'until.db');
    expect((await runCli(['--db', other, 'init', '--street-name', '密州街道', '--street-code', '370782001', '--district-name', '诸城市', '--admin-user', 'admin'], PASSWORD)).code).toBe(0);
    const bad = await runCli(['--db', other, 'seed-demo', '--members', '50', '--until', '2027-02-30', '--json'], PASSWORD);
    expect(bad.code).toBe(2);
    expect(jsonLine(bad).error?.message).toContain('--until');
    expect(jsonLine(bad).error?.message).toContain('2027-02-30');

    const seed = await runCli(['--db', other, 'seed-demo', '--members', '300', '--requests', '400', '--until', '2027-03-31', '--json'], PASSWORD);
    expect(seed.code, seed.stderr).toBe(0);
    const list = await runCli(['--db', other, 'requests', 'list', '--limit', '500', '--json']);
    const days = (jsonLine(list) as unknown as { requests: { acceptedOn: string }[] }).requests.map((r) => r.acceptedOn).sort();
    expect(days).toHaveLength(400);
    expect(days.at(-1)! <= '2027-03-31').toBe(true);
    expect(days.some((d) => d.startsWith('2027-03'))).toBe(true);
    expect(days[0] >= '2026-04-01').toBe(true);
  }, 60_000);
});

describe('export members to a place that cannot take the file', () => {
  it('says which path and why, exits 1, and leaves no partial file behind', async () => {
    // A "folder" that is a file: as when a USB stick's letter now names something else.
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const out = path.join(blocker, '党员.xlsx');
    const run = await runCli(['--db', db, 'export', 'members', out, '--json']);
    expect(run.code, run.stderr).toBe(1);
    const error = (jsonLine(run) as unknown as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('保存位置');
    expect(error.message).toContain(out);
    expect(error.message).toContain('文件没有写成');
    expect(fs.readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  }, 60_000);
});
