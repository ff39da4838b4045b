// The city level from the command line, as issue 13 names the commands: `init --city`, a district's
// `keys export`, the city's `keys trust --district-code`, `return build` and `return send --folder` on a
// district, `city import`, `city districts` and `city report` — two streets → one district → the city, and a
// second district; the refusals with their codes and the exit codes 0 / 1 / 2.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLine, runCli } from '../support/cli';
import { makeTempDir } from '../support/factory';
import { upperDbArgs } from '../support/dialect';

const PASSWORD = { STREETDESK_PASSWORD: 'Admin2026pass' };
const dir = makeTempDir('streetdesk-city-cli-');
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

/** A street of `county` with `members` members, its return finalized and built, imported by its district. */
async function streetToDistrict(county: string, n: number, members: number, district: string[]) {
  const street = at(`street-${county}-${n}.db`);
  const code = `${county}00${n}`;
  await ok(['--db', street, 'init', '--street-name', `第${n}街道`, '--street-code', code, '--district-name', county === '110101' ? '东城区' : '西城区', '--admin-user', 'admin']);
  await ok(['--db', street, 'seed-demo', '--members', String(members)]);
  await ok(['--db', street, 'keys', 'export', '--out', at(`key-${code}.json`)]);
  await ok([...district, 'keys', 'trust', '--street-code', code, '--key', at(`key-${code}.json`)]);
  await ok(['--db', street, 'return', 'finalize', '--period', period]);
  const built = await ok(['--db', street, 'return', 'build', '--period', period, '--out', at(`out-${code}`), '--unencrypted']);
  expect(await ok([...district, 'district', 'import', String(built.file)])).toMatchObject({ ok: true });
  return street;
}

describe('district to city by the command line', () => {
  it('sets a city up, takes two districts’ packages, refuses bad ones with their reasons, and reports', async () => {
    // The city's and the districts' databases: files, or PostgreSQL when run through tests/pg/city-cli.test.ts.
    const city = await upperDbArgs(at('city.db'));
    const east = await upperDbArgs(at('east.db'));
    const west = await upperDbArgs(at('west.db'));

    // The city code is checked where it enters: the field and the value named, exit 1.
    const badCode = await runCli(['--json', '--db', at('bad-city.db'), 'init', '--city', '--city-name', '潍坊市', '--city-code', '370782', '--admin-user', 'shi'], PASSWORD);
    expect(badCode.code).toBe(1);
    expect(jsonLine(badCode).error?.message).toContain('市级区划代码');
    expect(jsonLine(badCode).error?.message).toContain('370782');

    expect(await ok([...city, 'init', '--city', '--city-name', '北京市', '--city-code', '1101', '--admin-user', 'shi'])).toMatchObject({
      city: { name: '北京市', code: '110100000000' },
      encryptionKeyId: expect.any(String),
    });
    await ok([...east, 'init', '--district', '--district-name', '东城区', '--district-code', '110101', '--admin-user', 'qu']);
    await ok([...west, 'init', '--district', '--district-name', '西城区', '--district-code', '110102', '--admin-user', 'qu']);
    const s1 = await streetToDistrict('110101', 1, 20, east);
    await streetToDistrict('110101', 2, 12, east);
    await streetToDistrict('110102', 1, 16, west);

    // The city trusts the districts by their key files; --district-code is required on a city (exit 2).
    await ok([...east, 'keys', 'export', '--out', at('east-key.json')]);
    await ok([...west, 'keys', 'export', '--out', at('west-key.json')]);
    await ok([...city, 'keys', 'export', '--out', at('city-key.json')]);
    const noCode = await runCli([...city, 'keys', 'trust', '--key', at('east-key.json')], PASSWORD);
    expect(noCode.code).toBe(2);
    expect(noCode.stderr).toContain('--district-code');
    expect(await ok([...city, 'keys', 'trust', '--district-code', '110101', '--key', at('east-key.json')])).toMatchObject({ code: '110101000000', role: 'district' });
    await ok([...city, 'keys', 'trust', '--district-code', '110102', '--key', at('west-key.json')]);
    expect(await ok([...city, 'city', 'districts'])).toMatchObject({ districts: [{ code: '110101000000', name: '东城区' }, { code: '110102000000', name: '西城区' }] });

    // The districts build their month for the city; 东城区 seals it to the city's key and sends it to a folder.
    const eastBuilt = await ok([...east, 'return', 'build', '--period', period, '--out', at('east-out'), '--encrypt-to', at('city-key.json')]);
    expect(eastBuilt).toMatchObject({ version: 1, encrypted: true, counts: { streets: 2 } });
    expect(path.basename(String(eastBuilt.file))).toBe(`110101000000_东城区_${period}_v1.zip.sealed`);
    const stick = at('stick');
    fs.mkdirSync(stick);
    const sent = await ok([...east, 'return', 'send', '--period', period, '--folder', stick]);
    expect(sent.file).toBe(path.join(stick, path.basename(String(eastBuilt.file))));
    const westBuilt = await ok([...west, 'return', 'build', '--period', period, '--out', at('west-out')]);
    expect(westBuilt).toMatchObject({ version: 1, encrypted: false, counts: { streets: 1 } });

    // Damaged, a street's package, then the two districts: a folder and a file.
    const damaged = at('damaged.zip');
    fs.writeFileSync(damaged, fs.readFileSync(String(westBuilt.file)).subarray(0, 800));
    const streetPackage = fs.readdirSync(at('out-110101001')).map((f) => path.join(at('out-110101001'), f))[0];
    const refused = await runCli(['--json', ...city, 'city', 'import', damaged, streetPackage], PASSWORD);
    expect(refused.code).toBe(1);
    expect(jsonLine(refused)).toMatchObject({
      ok: false,
      files: [
        { file: 'damaged.zip', status: 'rejected', code: 'TRUNCATED', message: '数据包不完整（文件被截断或损坏）' },
        { status: 'rejected', code: 'NOT_A_DISTRICT_PACKAGE' },
      ],
    });
    expect(await ok([...city, 'city', 'import', stick, String(westBuilt.file)])).toMatchObject({
      ok: true,
      files: [
        { status: 'accepted', districtCode: '110101000000', version: 1 },
        { status: 'accepted', districtCode: '110102000000', version: 1 },
      ],
    });

    // A second version replaces the first; the first again is a replay — said in the language asked for.
    const west2 = await ok([...west, 'return', 'build', '--period', period, '--out', at('west-out')]);
    expect(await ok([...city, 'city', 'import', String(west2.file)])).toMatchObject({ files: [{ status: 'replaced', version: 2, replacedVersion: 1 }] });
    const replay = await runCli(['--json', '--lang', 'en', ...city, 'city', 'import', String(westBuilt.file)], PASSWORD);
    expect(replay.code).toBe(1);
    expect(jsonLine(replay)).toMatchObject({ files: [{ status: 'rejected', code: 'REPLAY', message: `Version 2 of 西城区（110102000000） ${period} is already here; version 1 is refused (same or older)` }] });
    const human = await runCli([...city, 'city', 'import', damaged], PASSWORD);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('damaged.zip\t拒收：数据包不完整');

    // The report: totals equal to the streets' sum (20 + 12 + 16 members); a sheet per district, by street.
    const noXlsx = await runCli([...city, 'city', 'report', '--period', period, '--out', at('report.txt')]);
    expect(noXlsx.code).toBe(2);
    const report = await ok([...city, 'city', 'report', '--period', period, '--out', at('city.xlsx')]);
    expect(report).toMatchObject({ sent: ['110101000000', '110102000000'], missing: [] });
    expect((report.totals as Record<string, Record<string, number>>).membersByCommunity.total).toBe(20 + 12 + 16);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(at('city.xlsx')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['全市汇总', '东城区', '西城区']);
    expect(JSON.stringify(book.getWorksheet('东城区')!.getSheetValues())).toContain('第2街道');

    // On a street, the district's and city's commands are refused with the reason (exit 1).
    const onStreet = await runCli(['--json', '--db', s1, 'city', 'districts']);
    expect(onStreet.code).toBe(1);
    expect(jsonLine(onStreet).error?.message).toContain('只有市级数据库才能使用此功能');
  }, 300_000);
});
