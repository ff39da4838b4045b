// The fast subset of the package fuzz corpus (tests/support/hostile.ts; the long run is `npm run fuzz`):
// malformed packages — signed ones too — bombs, traversal and duplicate entries, and seeded random spoils
// of a real street's package, taken by a district (import and verify). Each must be refused with a stable
// code and a message in the clerk's language, keep nothing and leave the audit chain whole; nothing may be
// inflated past the limits before the refusal.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackageFile } from '../../../src/core/exchange/package';
import { verifyAuditChain } from '../../../src/core/services/audit';
import { PACKAGE_PROBLEMS, type ImportOutcome } from '../../../src/shared/api/contract-exchange';
import { PACKAGE_PROBLEM_TEXT } from '../../../src/shared/i18n/exchange';
import { jsonLine, runCli } from '../../support/cli';
import { count, makeStreetDeskFile, makeTempDir } from '../../support/factory';
import { buildPackage, pair, sitesForEachTest, type Site } from '../../support/exchange';
import { flipped, namedPackageCases, rng, truncated } from '../../support/hostile';

const sites = sitesForEachTest();

async function expectRefused(district: Site, bytes: Uint8Array, code?: string): Promise<string> {
  const kept = count(district.app.database, 'district_packages');
  const [outcome] = (await district.app.invoke('district.import', { files: [{ fileName: 'x.zip', bytes: new Uint8Array(bytes) }] }, district.token)) as ImportOutcome[];
  expect(outcome.status).toBe('rejected');
  if (outcome.status !== 'rejected') return '';
  expect(PACKAGE_PROBLEMS).toContain(outcome.code);
  if (code) expect(outcome.code, outcome.message).toBe(code);
  // The message is the clerk's, filled in: no code, no {{param}}.
  expect(outcome.message).not.toMatch(/\{\{|[A-Z]{3,}_[A-Z]+/);
  expect(count(district.app.database, 'district_packages')).toBe(kept);
  expect(verifyAuditChain(district.app.database).ok).toBe(true);
  const verify = await district.app.invoke('package.verify', { fileName: 'x.zip', bytes: new Uint8Array(bytes) }, district.token);
  expect(verify.ok).toBe(false);
  return outcome.code;
}

describe('hostile packages are refused with a code', () => {
  it('every named case, at the district (import and verify)', async () => {
    const district = await sites.district();
    for (const c of namedPackageCases()) {
      const started = performance.now();
      const code = await expectRefused(district, c.make(), c.problem);
      expect(performance.now() - started, `${c.name}: ${code}`).toBeLessThan(10_000);
    }
  });

  it('seeded random spoils of a real street package: refused, never thrown', async () => {
    const district = await sites.district();
    const street = await sites.street(1);
    await pair(street, district);
    const { bytes } = await buildPackage(street);
    const random = rng(6);
    for (let i = 0; i < 40; i++) {
      const spoiled = i % 2 ? flipped(random, bytes) : truncated(random, bytes);
      await expectRefused(district, spoiled);
    }
    // The real one still goes in after all that.
    const [outcome] = (await district.app.invoke('district.import', { files: [{ fileName: 'p.zip', bytes }] }, district.token)) as ImportOutcome[];
    expect(outcome.status).toBe('accepted');
  });

  it('every new refusal has its text in both languages', () => {
    for (const code of ['TOO_LARGE', 'ENTRY_TOO_LARGE', 'ENTRY_NAME_INVALID', 'DATA_INVALID', 'NOT_A_FILE'] as const) {
      expect(PACKAGE_PROBLEM_TEXT['zh-CN'][code]).toMatch(/[\u4e00-\u9fff]/);
      expect(PACKAGE_PROBLEM_TEXT.en[code]).toMatch(/^[\x20-\x7e’—]+$/);
    }
  });
});

describe('package verify of something that is not a package file', () => {
  it('a folder and /dev/zero are refused at once, in the language asked for', async () => {
    const dir = makeTempDir();
    const db = path.join(dir, 'street.db');
    await makeStreetDeskFile(db);
    const folder = path.join(dir, 'packages');
    fs.mkdirSync(folder);
    expect(readPackageFile(folder)).toMatchObject({ ok: false, code: 'NOT_A_FILE' });
    const zh = await runCli(['package', 'verify', folder, '--db', db]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('不是普通文件');
    expect(zh.stderr).not.toMatch(/EISDIR|INTERNAL|\n\s+at /);
    if (fs.existsSync('/dev/zero')) {
      const started = Date.now();
      const en = jsonLine(await runCli(['package', 'verify', '/dev/zero', '--db', db, '--json', '--lang', 'en']));
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(en).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { problem: 'NOT_A_FILE' } } });
      expect(en.error?.message).toMatch(/not a regular file/);
    }
    // A signed package with counts: null, verified with --lang en: the code and an English reason.
    const bad = path.join(dir, 'bad.zip');
    fs.writeFileSync(bad, namedPackageCases().find((c) => c.name === 'signed, counts: null')!.make());
    const answer = jsonLine(await runCli(['package', 'verify', bad, '--db', db, '--json', '--lang', 'en']));
    expect(answer).toMatchObject({ ok: false, code: 'MANIFEST_INVALID' });
    expect(answer.message).toMatch(/^The package manifest/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
