// The overview command on a real database file: the same figures as the contract's overview.get, in JSON
// and in words; a bad month refused before the file is opened.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { StreetDeskApp } from '../../src/core/app';
import { makeTempDir } from '../support/factory';
import { jsonLine, runCli } from '../support/cli';

const SLOW = 240_000;
const INIT = ['--street-name', '东华门街道', '--street-code', '110101001', '--district-name', '东城区', '--admin-user', 'admin'];
const PASSWORD = { STREETDESK_PASSWORD: 'Admin2026pass' };
let dir: string;
let db: string;
let expected: { members: number; accepted: number };

beforeAll(async () => {
  dir = makeTempDir('streetdesk-overview-cli-');
  db = path.join(dir, 'overview.db');
  const run = await runCli(['--db', db, 'init', ...INIT, '--json'], PASSWORD);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const app = new StreetDeskApp({ dbPath: db });
  try {
    const admin = await app.loginForCli('admin', PASSWORD.STREETDESK_PASSWORD);
    await admin.call('demo.seed', { members: 400, requests: 200, seed: 3, until: '2026-10-31' });
    const o = await admin.call('overview.get', { period: '2026-10' });
    expected = { members: o.members.total.count, accepted: o.counter.accepted.count };
  } finally {
    app.close();
  }
}, SLOW);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('overview', () => {
  it('prints the month’s figures as the contract gives them, and refuses a bad month naming it', async () => {
    const json = await runCli(['--db', db, 'overview', '--period', '2026-10', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const value = jsonLine(json) as unknown as { ok: boolean; members: { total: { count: number } }; counter: { accepted: { count: number } } };
    expect(value.ok).toBe(true);
    expect(value.members.total.count).toBe(expected.members);
    expect(value.counter.accepted.count).toBe(expected.accepted);
    expect(expected.accepted).toBeGreaterThan(0);

    const words = await runCli(['--db', db, 'overview', '--period', '2026-10']);
    expect(words.stdout).toContain(`党员 ${expected.members} 名`);
    expect(words.stdout).toContain(`受理 ${expected.accepted} 件`);

    const bad = await runCli(['--db', db, 'overview', '--period', '2026-13']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('2026-13');
  }, SLOW);
});
