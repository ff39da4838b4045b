// The return and exchange from the command line, as the issue names the commands: a district set up,
// keys exchanged by files, a street's return finalized and built (sealed), verified, imported, replayed,
// and the district's report — with one JSON line per command and the exit codes 0 / 1 / 2.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLine, runCli } from '../support/cli';
import { makeTempDir } from '../support/factory';

const PASSWORD = { STREETDESK_PASSWORD: 'Admin2026pass' };
const dir = makeTempDir('streetdesk-exchange-cli-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => path.join(dir, name);
const period = (() => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
})();

async function ok(args: string[], env: Record<string, string> = PASSWORD) {
  const run = await runCli(['--json', ...args], env);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return jsonLine(run);
}

describe('street to district by the command line', () => {
  it('sets up, exchanges keys, builds, verifies, imports, refuses a replay and reports', async () => {
    const district = at('district.db');
    const street = at('street.db');
    expect(await ok(['--db', district, 'init', '--district', '--district-name', '东城区', '--district-code', '110101', '--admin-user', 'qu'], PASSWORD)).toMatchObject({
      district: { name: '东城区', code: '110101000000' },
      encryptionKeyId: expect.any(String),
    });
    await ok(['--db', street, 'init', '--street-name', '东华门街道', '--street-code', '110101001', '--district-name', '东城区', '--admin-user', 'admin'], PASSWORD);
    await ok(['--db', street, 'seed-demo', '--members', '40']);

    await ok(['--db', street, 'keys', 'export', '--out', at('street-key.json')]);
    await ok(['--db', district, 'keys', 'export', '--out', at('district-key.json')]);
    expect(await ok(['--db', district, 'keys', 'trust', '--street-code', '110101001000', '--key', at('street-key.json')])).toMatchObject({ code: '110101001000', role: 'street' });

    // Not finalized yet: refused (exit 1) with the reason.
    const early = await runCli(['--json', '--db', street, 'return', 'build', '--period', period, '--out', at('out'), '--unencrypted'], PASSWORD);
    expect(early.code).toBe(1);
    expect(jsonLine(early).error?.message).toContain('尚未定稿');

    expect(await ok(['--db', street, 'return', 'finalize', '--period', period])).toMatchObject({ state: 'finalized', version: 1 });
    const v1 = await ok(['--db', street, 'return', 'build', '--period', period, '--out', at('out'), '--encrypt-to', at('district-key.json')]);
    expect(v1).toMatchObject({ version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), counts: { members: 40 }, encrypted: true });
    expect(path.basename(String(v1.file))).toBe(`110101001000_东华门街道_${period}_v1.zip.sealed`);

    expect(await ok(['--db', district, 'package', 'verify', String(v1.file)])).toMatchObject({ ok: true, encrypted: true, manifest: { streetCode: '110101001000', version: 1 } });
    const damaged = at('damaged.zip');
    fs.writeFileSync(damaged, fs.readFileSync(String(v1.file)).subarray(0, 1000));
    const bad = await runCli(['--json', '--db', district, 'package', 'verify', damaged]);
    expect(bad.code).toBe(1);
    expect(jsonLine(bad)).toEqual({ ok: false, code: 'TRUNCATED', message: expect.stringContaining('不完整') });

    await ok(['--db', street, 'return', 'reopen', '--period', period, '--reason', '更正']);
    await ok(['--db', street, 'return', 'finalize', '--period', period]);
    const v2 = await ok(['--db', street, 'return', 'build', '--period', period, '--out', at('out'), '--unencrypted']);
    expect(v2.version).toBe(2);

    fs.writeFileSync(damaged, fs.readFileSync(String(v2.file)).subarray(0, 1000));

    const imported = await runCli(['--json', '--db', district, 'district', 'import', String(v2.file), String(v1.file), damaged], PASSWORD);
    expect(imported.code).toBe(1);
    expect(jsonLine(imported)).toMatchObject({
      ok: false,
      files: [
        { status: 'accepted', version: 2 },
        { status: 'rejected', code: 'REPLAY' },
        { status: 'rejected', code: 'TRUNCATED' },
      ],
    });

    // The folder the packages were written to stands for every package in it (the damaged copy lies elsewhere).
    const folder = await runCli(['--json', '--db', district, 'district', 'import', at('out')], PASSWORD);
    expect(jsonLine(folder)).toMatchObject({
      files: [
        { file: `110101001000_东华门街道_${period}_v1.zip.sealed`, status: 'rejected', code: 'REPLAY' },
        { file: `110101001000_东华门街道_${period}_v2.zip`, status: 'duplicate', version: 2 },
      ],
    });

    // Outcomes follow --lang, not the language stored for the user the CLI runs as (zh-CN here).
    const english = await runCli(['--json', '--lang', 'en', '--db', district, 'district', 'import', String(v1.file), damaged], PASSWORD);
    expect(english.code).toBe(1);
    expect(jsonLine(english)).toMatchObject({
      files: [
        { status: 'rejected', code: 'REPLAY', message: `Version 2 of 东华门街道（110101001000） ${period} is already here; version 1 is refused (same or older)` },
        { status: 'rejected', code: 'TRUNCATED', message: 'The package is incomplete (truncated or damaged)' },
      ],
    });
    const human = await runCli(['--lang', 'en', '--db', district, 'district', 'import', damaged], PASSWORD);
    expect(human.stdout).toContain('rejected: The package is incomplete (truncated or damaged)');

    const report = await ok(['--db', district, 'district', 'report', '--period', period, '--out', at('report.xlsx')]);
    expect(report).toMatchObject({ sent: ['110101001000'], missing: [] });
    expect(fs.statSync(at('report.xlsx')).size).toBeGreaterThan(1000);
  }, 300_000);
});
