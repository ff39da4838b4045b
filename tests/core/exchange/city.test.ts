// The city level (issue 13): two streets → one district → the city, and a second district; the city's totals
// are the sum of its districts and of their streets. Each refusal the district gives a street's package,
// the city gives a district's: damaged, changed, bad signature, unknown key, wrong city, future period,
// replay; a replacement is logged. A street's package handed to the city, and a district package whose
// totals are not the sum of its streets, are refused with their own reasons.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { signBytes } from '../../../src/core/exchange/keys';
import { zipFiles, zipSigned, type ZipEntry } from '../../../src/core/exchange/package';
import type { DistrictPackageManifest } from '../../../src/shared/api/contract-city';
import { RETURN_TABLE_IDS, type ReturnTable } from '../../../src/shared/returns/tables';
import { formatError } from '../../../src/shared/i18n/messages';
import { contract, SESSION_OPENING_METHODS } from '../../../src/shared/api/contract';
import { expectError, makeTempDir } from '../../support/factory';
import { buildPackage, districtMonth, pair, pairCity, PERIOD, sitesForEachTest, type Site } from '../../support/exchange';

const sites = sitesForEachTest();

/** Per table and summed column: the figure. */
function sums(tables: ReturnTable[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tables) for (const c of t.columns) if (!c.derived) out[`${t.id}.${c.key}`] = t.total[c.key] ?? 0;
  return out;
}

function add(into: Record<string, number>, more: Record<string, number>): Record<string, number> {
  for (const [k, v] of Object.entries(more)) into[k] = (into[k] ?? 0) + v;
  return into;
}

/** Two streets under 东城区, one under 西城区, both districts in 北京市, each month built and sent up. */
async function twoDistricts() {
  const city = await sites.city();
  const east = await sites.district();
  const west = await sites.district({ code: '110102', name: '西城区' });
  const s1 = await sites.street(1, 24);
  const s2 = await sites.street(2, 18);
  const s3 = await sites.street(1, 30, { county: '110102' });
  await pair(s1, east);
  await pair(s2, east);
  await pair(s3, west);
  await pairCity(east, city);
  await pairCity(west, city);
  const eastPackage = await districtMonth(east, [s1, s2]);
  const westPackage = await districtMonth(west, [s3]);
  return { city, east, west, streets: [s1, s2, s3], eastPackage, westPackage };
}

async function streetTotals(street: Site): Promise<Record<string, number>> {
  return sums((await street.app.invoke('returns.get', { period: PERIOD }, street.token)).tables);
}

function cityImport(city: Site, fileName: string, bytes: Uint8Array) {
  return city.app.invoke('city.import', { files: [{ fileName, bytes: new Uint8Array(bytes) }] }, city.token);
}

/** The package's files with one changed, zipped again (the manifest and signature as they were). */
function rezip(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  const entries: ZipEntry[] = Object.entries(files).map(([p, b]) => ({ path: p, bytes: b, level: 6 }));
  return zipFiles(entries, new Date('2026-11-05T01:00:00Z'));
}

describe('two streets → one district → the city, and a second district', () => {
  it('the city’s totals equal the sum of its districts and of their streets, and drill down to each street', async () => {
    const { city, east, west, streets, eastPackage, westPackage } = await twoDistricts();
    expect(eastPackage.package).toMatchObject({ period: PERIOD, version: 1, encrypted: false, counts: { streets: 2, tables: RETURN_TABLE_IDS.length } });
    expect(eastPackage.package.fileName).toBe(`110101000000_东城区_${PERIOD}_v1.zip`);

    const outcomes = await city.app.invoke(
      'city.import',
      {
        files: [
          { fileName: eastPackage.package.fileName, bytes: eastPackage.bytes },
          { fileName: westPackage.package.fileName, bytes: westPackage.bytes },
        ],
      },
      city.token,
    );
    expect(outcomes).toEqual([
      { fileName: eastPackage.package.fileName, status: 'accepted', districtCode: '110101000000', period: PERIOD, version: 1 },
      { fileName: westPackage.package.fileName, status: 'accepted', districtCode: '110102000000', period: PERIOD, version: 1 },
    ]);

    const c = await city.app.invoke('city.consolidate', { period: PERIOD }, city.token);
    expect(c.missing).toEqual([]);
    expect(c.tables.find((t) => t.id === 'membersByCommunity')!.rows.map((r) => r.label)).toEqual(['东城区', '西城区']);
    // The city's figures: its districts' sum, and its streets' sum.
    const cityTotals = sums(c.tables);
    const eastTotals = sums((await east.app.invoke('district.consolidate', { period: PERIOD }, east.token)).tables);
    const westTotals = sums((await west.app.invoke('district.consolidate', { period: PERIOD }, west.token)).tables);
    expect(cityTotals).toEqual(add(add({}, eastTotals), westTotals));
    const streetSum: Record<string, number> = {};
    for (const s of streets) add(streetSum, await streetTotals(s));
    expect(cityTotals).toEqual(streetSum);
    expect(cityTotals['membersByCommunity.total']).toBe(24 + 18 + 30);

    // Drill-down: 东城区 → its two streets, each with its own figures as the street sent them.
    const eastDrill = c.districts.find((d) => d.code === '110101000000')!;
    expect(eastDrill).toMatchObject({ name: '东城区', version: 1 });
    expect(eastDrill.streets.map((s) => [s.code, s.name, s.version])).toEqual([
      ['110101001000', '第1街道', 1],
      ['110101002000', '第2街道', 1],
    ]);
    expect(sums(eastDrill.streets[0].tables!)).toEqual(await streetTotals(streets[0]));
    expect(eastDrill.tables!.find((t) => t.id === 'membersByCommunity')!.rows.map((r) => r.label)).toEqual(['第1街道', '第2街道']);

    // The report: the city's sheet, then one sheet per district listing its streets.
    const report = await city.app.invoke('city.report', { period: PERIOD }, city.token);
    expect(report.fileName).toBe(`北京市_${PERIOD}_全市汇总.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(report.bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['全市汇总', '东城区', '西城区']);
    expect(String(book.worksheets[0].getCell('A2').value)).toContain('已报送 2 / 2 个区');
    const eastSheet = JSON.stringify(book.worksheets[1].getSheetValues());
    expect(eastSheet).toContain('第1街道');
    expect(eastSheet).toContain('第2街道');
    // The tables say what their rows are: the city's by district, a district's by street (not 按社区).
    const citySheet = JSON.stringify(book.worksheets[0].getSheetValues());
    expect(citySheet).toContain('党员分布（按区）');
    expect(citySheet).toContain('党费收缴（按区，金额单位：分）');
    expect(citySheet).not.toContain('按社区');
    expect(eastSheet).toContain('党员分布（按街道）');
    expect(eastSheet).not.toContain('按社区');
    const english = await city.app.invoke('account.setLanguage', { language: 'en' }, city.token).then(() => city.app.invoke('city.report', { period: PERIOD }, city.token));
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(Buffer.from(english.bytes) as unknown as ArrayBuffer);
    expect(JSON.stringify(enBook.worksheets[0].getSheetValues())).toContain('Members by district');
    expect(JSON.stringify(enBook.worksheets[1].getSheetValues())).toContain('Members by street');

    // The received packages as the city's page lists them.
    const listed = await city.app.invoke('city.packages', { period: PERIOD }, city.token);
    expect(listed.packages.map((p) => [p.districtCode, p.districtName, p.version, p.current])).toEqual([
      ['110101000000', '东城区', 1, true],
      ['110102000000', '西城区', 1, true],
    ]);
  });

  it('a district not yet sent is named as missing, and its streets not yet sent travel as missing in its package', async () => {
    const city = await sites.city();
    const east = await sites.district();
    const west = await sites.district({ code: '110102', name: '西城区' });
    const s1 = await sites.street(1, 10);
    const s2 = await sites.street(2, 0);
    await pair(s1, east);
    await pair(s2, east);
    await pairCity(east, city);
    await pairCity(west, city);
    const built = await districtMonth(east, [s1]);
    await cityImport(city, built.package.fileName, built.bytes);
    const c = await city.app.invoke('city.consolidate', { period: PERIOD }, city.token);
    expect(c.missing).toEqual([{ code: '110102000000', name: '西城区' }]);
    expect(c.districts[0].streets.map((s) => [s.name, s.version, s.tables === null])).toEqual([
      ['第1街道', 1, false],
      ['第2街道', null, true],
    ]);
  });
});

describe('the district’s package for the city', () => {
  it('is refused with the month named when no street has sent, or on a street or city database', async () => {
    const east = await sites.district();
    const none = await expectError(east.app, 'districtReturn.build', { period: PERIOD }, east.token, 'VALIDATION');
    expect(none.details?.issues?.[0]).toMatchObject({ field: 'period', problem: 'districtNothingReceived' });
    expect(formatError(none, 'zh-CN')).toContain(`${PERIOD} 还没有收到任何街道的月报`);
    expect(formatError(none, 'en')).toContain(`no street’s return received for ${PERIOD}`);
    const street = await sites.street(1, 0);
    const notDistrict = await expectError(street.app, 'districtReturn.build', { period: PERIOD }, street.token, 'VALIDATION');
    expect(notDistrict.details?.issues?.[0]).toMatchObject({ field: 'mode', problem: 'exchangeNeedsDistrict' });
    const city = await sites.city();
    const notCity = await expectError(street.app, 'city.consolidate', { period: PERIOD }, street.token, 'VALIDATION');
    expect(formatError(notCity, 'zh-CN')).toContain('只有市级数据库才能使用此功能');
    await expectError(city.app, 'districtReturn.build', { period: PERIOD }, city.token, 'VALIDATION');
  });

  it('is sealed to the city’s key when asked, opened only by that city; building and sending are audited', async () => {
    const city = await sites.city();
    const other = await sites.city({ code: '1102', name: '另一市' });
    const east = await sites.district();
    const s1 = await sites.street(1, 8);
    await pair(s1, east);
    await pairCity(east, city);
    await buildPackage(s1).then((b) => east.app.invoke('district.import', { files: [{ fileName: b.package.fileName, bytes: b.bytes }] }, east.token));
    const cityKey = await city.app.invoke('exchange.exportKey', {}, city.token);
    expect(JSON.parse(cityKey.text)).toMatchObject({ role: 'city', code: '110100000000', encryptionKey: { alg: 'X25519' } });
    expect(cityKey.fileName).toBe('110100000000_北京市_市公钥.json');
    const sealed = await east.app.invoke('districtReturn.build', { period: PERIOD, encryptTo: cityKey.text }, east.token);
    expect(sealed.package).toMatchObject({ version: 1, encrypted: true });
    expect(sealed.package.fileName.endsWith('.zip.sealed')).toBe(true);
    // A street's key file is not a city's.
    const streetKey = await s1.app.invoke('exchange.exportKey', {}, s1.token);
    const wrongKey = await expectError(east.app, 'districtReturn.build', { period: PERIOD, encryptTo: streetKey.text }, east.token, 'VALIDATION');
    expect(wrongKey.details?.issues?.[0]).toMatchObject({ field: 'keyFile', problem: 'keyFileWrongRole' });

    await pairCity(east, other).catch(() => undefined); // another city cannot trust a district outside it
    const [wrong] = await cityImport(other, sealed.package.fileName, sealed.bytes);
    expect(wrong).toMatchObject({ status: 'rejected', code: 'WRONG_RECIPIENT' });
    expect((wrong as { message: string }).message).toContain('数据包不是加密给本单位的');
    expect(await cityImport(city, sealed.package.fileName, sealed.bytes)).toEqual([expect.objectContaining({ status: 'accepted', version: 1 })]);

    const out = makeTempDir('streetdesk-city-send-');
    try {
      const sent = await east.app.invoke('districtReturn.sendToFolder', { packageId: sealed.package.id, folder: out }, east.token);
      expect(sent.file).toBe(path.join(out, sealed.package.fileName));
      expect(fs.readFileSync(sent.file)).toEqual(Buffer.from(sealed.bytes));
      expect(sent.package).toMatchObject({ sentVia: 'folder', sentTo: sent.file });
      const missing = await expectError(east.app, 'districtReturn.sendToFolder', { packageId: sealed.package.id, folder: path.join(out, 'nope') }, east.token, 'VALIDATION');
      expect(missing.details?.issues?.[0]).toMatchObject({ field: 'folder', problem: 'sendFolderMissing' });
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
    const log = east.app.database.prepare("SELECT action, entity, before, after FROM audit_log WHERE action LIKE 'districtReturn.%' ORDER BY id").all() as { action: string; entity: string; before: string | null; after: string }[];
    expect(log.map((e) => [e.action, e.entity])).toEqual([
      ['districtReturn.build', 'districtReturn'],
      ['districtReturn.sendToFolder', 'districtReturn'],
    ]);
    expect(JSON.parse(log[0].after)).toMatchObject({ period: PERIOD, version: 1, encrypted: true });
    const cityLog = city.app.database.prepare("SELECT action, entity, entity_id FROM audit_log WHERE action IN ('setup.initializeCity', 'exchange.trustKey', 'city.import') ORDER BY id").all();
    expect(cityLog).toEqual([
      { action: 'setup.initializeCity', entity: 'city', entity_id: '110100000000' },
      { action: 'exchange.trustKey', entity: 'district', entity_id: '110101000000' },
      { action: 'city.import', entity: 'cityPackage', entity_id: `110101000000/${PERIOD}/v1` },
    ]);
  });
});

describe('the city refuses what a district would refuse of a street', () => {
  it('damaged, changed, bad signature, unknown key, wrong city, future period, replay — each with its reason; a replacement is logged', async () => {
    const city = await sites.city();
    const east = await sites.district();
    const s1 = await sites.street(1, 8);
    await pair(s1, east);
    const v1 = await districtMonth(east, [s1]);
    const name = v1.package.fileName;

    // Unknown key: the district is not on the city's list yet.
    const [unknown] = await cityImport(city, name, v1.bytes);
    expect(unknown).toMatchObject({ status: 'rejected', code: 'UNKNOWN_DISTRICT_KEY' });
    expect((unknown as { message: string }).message).toContain('签名密钥不在本市登记的区密钥中（东城区（110101000000）');
    await pairCity(east, city);

    // Damaged: cut short; not a zip at all.
    expect((await cityImport(city, name, v1.bytes.subarray(0, 500)))[0]).toMatchObject({ status: 'rejected', code: 'TRUNCATED' });
    expect((await cityImport(city, 'x.zip', new TextEncoder().encode('not a package')))[0]).toMatchObject({ status: 'rejected', code: 'NOT_A_ZIP' });

    // Changed: a figure of the tables edited after signing.
    const changed = rezip(v1.bytes, (files) => {
      files['data/tables.jsonl'] = new TextEncoder().encode(new TextDecoder().decode(files['data/tables.jsonl']).replace(/"total":(\d+)/, (_m, n: string) => `"total":${Number(n) + 1}`));
    });
    const [hash] = await cityImport(city, name, changed);
    expect(hash).toMatchObject({ status: 'rejected', code: 'HASH_MISMATCH', file: 'data/tables.jsonl' });
    expect((hash as { message: string }).message).toBe('文件 data/tables.jsonl 与清单中的校验值不符（内容被改动）');

    // Bad signature: the manifest edited after signing (another district name).
    const resigned = rezip(v1.bytes, (files) => {
      files['manifest.json'] = new TextEncoder().encode(new TextDecoder().decode(files['manifest.json']).replace('东城区', '冒名区'));
    });
    expect((await cityImport(city, name, resigned))[0]).toMatchObject({ status: 'rejected', code: 'BAD_SIGNATURE' });

    // A street's package handed to the city.
    const streetPackage = await buildPackage(s1);
    const [street] = await cityImport(city, streetPackage.package.fileName, streetPackage.bytes);
    expect(street).toMatchObject({ status: 'rejected', code: 'NOT_A_DISTRICT_PACKAGE' });
    expect((street as { message: string }).message).toContain('这是街道的月报数据包');

    // Future period: a city whose clock stands before the month the package is for.
    const early = await sites.city({ start: new Date(2026, 8, 20, 9, 0, 0) });
    await pairCity(east, early);
    const [future] = await cityImport(early, name, v1.bytes);
    expect(future).toMatchObject({ status: 'rejected', code: 'PERIOD_IN_FUTURE', params: { period: PERIOD } });
    expect((future as { message: string }).message).toBe(`月报期间 ${PERIOD} 尚未到来`);

    // Accepted; the same file again is a duplicate, not a second copy.
    expect((await cityImport(city, name, v1.bytes))[0]).toMatchObject({ status: 'accepted', version: 1 });
    expect((await cityImport(city, name, v1.bytes))[0]).toMatchObject({ status: 'duplicate', version: 1 });

    // A newer version replaces it, logged with the version replaced; the older one again is a replay.
    const v2 = await east.app.invoke('districtReturn.build', { period: PERIOD }, east.token);
    expect(v2.package.version).toBe(2);
    expect((await cityImport(city, v2.package.fileName, v2.bytes))[0]).toEqual({ fileName: v2.package.fileName, status: 'replaced', districtCode: '110101000000', period: PERIOD, version: 2, replacedVersion: 1 });
    const [replay] = await cityImport(city, name, v1.bytes);
    expect(replay).toMatchObject({ status: 'rejected', code: 'REPLAY' });
    expect((replay as { message: string }).message).toBe(`已收到 东城区（110101000000） ${PERIOD} 的第 2 版，不接受第 1 版（重复或旧版本）`);

    const listed = await city.app.invoke('city.packages', { period: PERIOD }, city.token);
    expect(listed.packages.map((p) => [p.version, p.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(listed.rejections.map((r) => r.code).reverse()).toEqual(['UNKNOWN_DISTRICT_KEY', 'TRUNCATED', 'NOT_A_ZIP', 'HASH_MISMATCH', 'BAD_SIGNATURE', 'NOT_A_DISTRICT_PACKAGE', 'REPLAY']);

    const log = city.app.database.prepare("SELECT entity_id, before, after FROM audit_log WHERE action = 'city.import' ORDER BY id").all() as { entity_id: string | null; before: string | null; after: string }[];
    const replaced = log.find((e) => e.entity_id === `110101000000/${PERIOD}/v2`)!;
    expect(JSON.parse(replaced.before!)).toMatchObject({ version: 1 });
    expect(JSON.parse(replaced.after)).toMatchObject({ status: 'replaced' });
    expect(log.filter((e) => JSON.parse(e.after).status === 'rejected')).toHaveLength(7);
  });

  it('wrong city: a district of another city is refused, as is its key file', async () => {
    const city = await sites.city();
    const foreign = await sites.district({ code: '120101', name: '和平区' });
    const street = await sites.street(1, 6, { county: '120101' });
    await pair(street, foreign);
    const built = await districtMonth(foreign, [street]);
    const [outside] = await cityImport(city, built.package.fileName, built.bytes);
    expect(outside).toMatchObject({ status: 'rejected', code: 'DISTRICT_NOT_IN_CITY' });
    expect((outside as { message: string }).message).toBe('区 和平区（120101000000） 不属于本市');
    const key = await foreign.app.invoke('exchange.exportKey', {}, foreign.token);
    const refused = await expectError(city.app, 'exchange.trustKey', { keyFile: key.text, districtCode: '120101' }, city.token, 'VALIDATION');
    expect(refused.details?.issues?.[0]).toMatchObject({ field: 'keyFile', problem: 'keyFileNotInCity' });
    expect(formatError(refused, 'zh-CN')).toContain('这个区不属于本市');
    const otherCode = await expectError(city.app, 'exchange.trustKey', { keyFile: key.text, districtCode: '110102' }, city.token, 'VALIDATION');
    expect(otherCode.details?.issues?.[0]).toMatchObject({ problem: 'keyFileOtherDistrict' });
    expect(await city.app.invoke('city.districts', {}, city.token)).toEqual([]);
  });

  it('a district package whose totals are not the sum of its streets is refused, even signed with the district’s key', async () => {
    const city = await sites.city();
    const east = await sites.district();
    const s1 = await sites.street(1, 8);
    await pair(s1, east);
    await pairCity(east, city);
    const v1 = await districtMonth(east, [s1]);
    const files = unzipSync(v1.bytes);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as DistrictPackageManifest;
    const tables = new TextDecoder()
      .decode(files['data/tables.jsonl'])
      .replace(/("id":"membersByCommunity".*?"total":\{"total":)(\d+)/, (_m, head: string, n: string) => `${head}${Number(n) + 5}`);
    const key = east.app.database.prepare("SELECT * FROM exchange_keys WHERE purpose = 'sign'").get() as Parameters<typeof signBytes>[0];
    const { files: _f, ...head } = manifest;
    const forged = zipSigned<DistrictPackageManifest>(
      { ...head, version: 2 },
      { 'data/tables.jsonl': new TextEncoder().encode(tables), 'data/streets.jsonl': files['data/streets.jsonl'], 'data/street-tables.jsonl': files['data/street-tables.jsonl'], 'summary.xlsx': files['summary.xlsx'] },
      (b) => signBytes(key, b),
    );
    const [r] = await cityImport(city, 'forged.zip', forged.bytes);
    expect(r).toMatchObject({ status: 'rejected', code: 'TOTALS_MISMATCH', file: 'data/tables.jsonl' });
    // A street listed twice (it would be counted twice), signed all the same.
    const streetsText = new TextDecoder().decode(files['data/streets.jsonl']);
    const twice = zipSigned<DistrictPackageManifest>(
      { ...head, version: 3, counts: { ...head.counts, streets: 2 } },
      { 'data/tables.jsonl': files['data/tables.jsonl'], 'data/streets.jsonl': new TextEncoder().encode(streetsText + streetsText), 'data/street-tables.jsonl': files['data/street-tables.jsonl'], 'summary.xlsx': files['summary.xlsx'] },
      (b) => signBytes(key, b),
    );
    const [dup] = await cityImport(city, 'twice.zip', twice.bytes);
    expect(dup).toMatchObject({ status: 'rejected', code: 'DATA_INVALID', file: 'data/streets.jsonl', params: { line: 2, field: 'code' } });
    expect((dup as { message: string }).message).toContain('数据包文件 data/streets.jsonl 第 2 行（code）');
    expect((r as { message: string }).message).toMatch(/汇总表“党员分布（按社区）”中“total”合计 \d+ 与各街道之和 \d+ 不符/);
  });
});

describe('package verify on a city', () => {
  it('checks a district’s package as import would, without keeping it: intact, changed, a replay', async () => {
    const city = await sites.city();
    const east = await sites.district();
    const s1 = await sites.street(1, 8);
    await pair(s1, east);
    await pairCity(east, city);
    const v1 = await districtMonth(east, [s1]);
    const bytes = new Uint8Array(v1.bytes);
    expect(await city.app.invoke('package.verify', { fileName: v1.package.fileName, bytes }, city.token)).toMatchObject({
      ok: true,
      encrypted: false,
      manifest: { streetCode: '110101000000', streetName: '东城区', period: PERIOD, version: 1, counts: { streets: 1 } },
    });
    expect(await city.app.invoke('city.packages', {}, city.token)).toEqual({ packages: [], rejections: [] });
    const cut = await city.app.invoke('package.verify', { fileName: 'x.zip', bytes: bytes.subarray(0, 700) }, city.token);
    expect(cut).toMatchObject({ ok: false, code: 'TRUNCATED', message: '数据包不完整（文件被截断或损坏）' });
    const v2 = await east.app.invoke('districtReturn.build', { period: PERIOD }, east.token);
    await cityImport(city, v2.package.fileName, v2.bytes);
    expect(await city.app.invoke('package.verify', { fileName: v1.package.fileName, bytes }, city.token)).toMatchObject({ ok: false, code: 'REPLAY' });
  });
});

describe('setting a city up', () => {
  it('opens a session as every setup does (the browser host and the desktop keep its cookie): a setup method left off the list fails here', () => {
    const setups = Object.keys(contract).filter((m) => m.startsWith('setup.'));
    expect(setups).toContain('setup.initializeCity');
    for (const m of setups) expect(SESSION_OPENING_METHODS).toContain(m);
  });

  it('checks the city code where it enters, naming the field and the value', async () => {
    const dir = makeTempDir('streetdesk-city-setup-');
    try {
      const { StreetDeskApp } = await import('../../../src/core/app');
      const app = new StreetDeskApp({ dbPath: path.join(dir, 'c.db') });
      for (const code of ['37', '370782', '3700', 'abcd']) {
        const e = await expectError(app, 'setup.initializeCity', { city: { name: '潍坊市', code }, admin: { username: 'admin', displayName: '王', password: 'Admin2026pass' } }, null, 'VALIDATION');
        expect(e.details?.issues?.[0]).toMatchObject({ field: 'city.code', problem: 'cityCodeDigits', value: code });
        expect(formatError(e, 'zh-CN')).toContain('市级区划代码');
        expect(formatError(e, 'en')).toContain('City code');
      }
      const ok = await app.invoke('setup.initializeCity', { city: { name: '潍坊市', code: '3707' }, admin: { username: 'admin', displayName: '王', password: 'Admin2026pass' } });
      expect(await app.invoke('exchange.keys', {}, ok.token)).toMatchObject({ mode: 'city', code: '370700000000', name: '潍坊市' });
      expect(await app.invoke('app.status', {})).toMatchObject({ mode: 'city', street: { name: '潍坊市', code: '370700000000' } });
      app.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
