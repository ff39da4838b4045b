// The district: its keys and streets, and the consolidation — the same tables summed across the streets,
// one row per street, the streets still missing, and a report.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/shared/i18n/messages';
import { expectError, makeTempDir } from '../../support/factory';
import { buildPackage, pair, PERIOD, sitesForEachTest } from '../../support/exchange';

const sites = sitesForEachTest();

describe('keys', () => {
  it('a street has its signing key from setup; a district its signing and encryption keys; no private key ever leaves', async () => {
    const street = await sites.street(1, 0);
    const district = await sites.district();
    const sk = await street.app.invoke('exchange.keys', {}, street.token);
    expect(sk).toMatchObject({ mode: 'street', signingKeyId: expect.stringMatching(/^[0-9a-f]{16}$/), encryptionKeyId: null, district: null });
    const dk = await district.app.invoke('exchange.keys', {}, district.token);
    expect(dk).toMatchObject({ mode: 'district', code: '110101000000', name: '东城区', signingKeyId: expect.any(String), encryptionKeyId: expect.any(String) });

    const file = await street.app.invoke('exchange.exportKey', {}, street.token);
    const parsed = JSON.parse(file.text);
    expect(parsed).toMatchObject({ format: 'streetdesk-public-key', role: 'street', code: street.code, name: '第1街道', signingKey: { alg: 'Ed25519', keyId: sk.signingKeyId } });
    const privateKeys = (street.app.database.prepare('SELECT private_key FROM exchange_keys').all() as { private_key: string }[]).map((r) => r.private_key);
    expect(privateKeys).toHaveLength(1);
    const everything = JSON.stringify([file, sk, street.app.database.prepare('SELECT * FROM audit_log').all()]);
    for (const k of privateKeys) expect(everything).not.toContain(k.slice(20, 60));

    await pair(street, district);
    const streets = await district.app.invoke('district.streets', {}, district.token);
    expect(streets).toEqual([expect.objectContaining({ code: street.code, name: '第1街道', keyId: sk.signingKeyId, hasToken: false })]);
    expect(await street.app.invoke('exchange.keys', {}, street.token)).toMatchObject({ district: { code: '110101000000', canEncrypt: true } });
  });

  it('refuses a key file that is damaged, of the wrong kind, or of a street outside the district', async () => {
    const district = await sites.district();
    const foreign = await sites.street(3, 0, { county: '110102' });
    const foreignKey = (await foreign.app.invoke('exchange.exportKey', {}, foreign.token)).text;
    const outside = await expectError(district.app, 'exchange.trustKey', { keyFile: foreignKey, streetCode: foreign.code }, district.token, 'VALIDATION');
    expect(outside.details?.issues?.[0]).toMatchObject({ field: 'keyFile', problem: 'keyFileNotInDistrict' });
    const damaged = foreignKey.replace(/"publicKey": "(.)/, (_m, c: string) => `"publicKey": "${c === 'A' ? 'B' : 'A'}`);
    await expectError(district.app, 'exchange.trustKey', { keyFile: damaged, streetCode: foreign.code }, district.token, 'VALIDATION');
    const own = (await district.app.invoke('exchange.exportKey', {}, district.token)).text;
    const wrong = await expectError(district.app, 'exchange.trustKey', { keyFile: own, streetCode: '110101000000' }, district.token, 'VALIDATION');
    expect(wrong.details?.issues?.[0]).toMatchObject({ problem: 'keyFileWrongRole' });
    expect(await district.app.invoke('district.streets', {}, district.token)).toEqual([]);
  });
});

describe('the district’s own writes', () => {
  it('are audited: setting up as a district, issuing an upload token (never logged itself)', async () => {
    const district = await sites.district();
    const street = await sites.street(1, 0);
    await pair(street, district);
    const { token } = await district.app.invoke('district.issueToken', { streetCode: street.code }, district.token);
    const log = district.app.database.prepare('SELECT * FROM audit_log ORDER BY id').all() as { action: string; entity: string; entity_id: string; user_id: number | null; after: string }[];
    expect(log.find((e) => e.action === 'setup.initializeDistrict')).toMatchObject({ entity: 'district', entity_id: '110101000000', user_id: 1 });
    expect(JSON.parse(log.find((e) => e.action === 'setup.initializeDistrict')!.after)).toMatchObject({ mode: 'district', name: '东城区' });
    expect(log.find((e) => e.action === 'district.issueToken')).toMatchObject({ entity: 'street', entity_id: street.code, user_id: 1 });
    expect(JSON.stringify(log)).not.toContain(token);
    expect((await district.app.invoke('district.streets', {}, district.token))[0].hasToken).toBe(true);
    // The 9 digits a clerk writes for the street are its 12-digit code.
    expect(street.code.endsWith('000')).toBe(true);
    const again = await district.app.invoke('district.issueToken', { streetCode: street.code.slice(0, 9) }, district.token);
    expect(again.streetCode).toBe(street.code);
  });
});

describe('consolidation', () => {
  it('sums the streets’ own figures table by table, one row per street, and names who is missing', async () => {
    const district = await sites.district();
    const streets = [await sites.street(1, 80), await sites.street(2, 45), await sites.street(3, 30)];
    for (const s of streets) await pair(s, district);
    const sent = streets.slice(0, 2);
    const files = [];
    for (const s of sent) files.push({ fileName: `${s.code}.zip`, bytes: new Uint8Array((await buildPackage(s)).bytes) });
    const outcomes = await district.app.invoke('district.import', { files }, district.token);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted']);

    const c = await district.app.invoke('district.consolidate', { period: PERIOD }, district.token);
    expect(c.missing).toEqual([{ code: streets[2].code, name: '第3街道' }]);
    const own = await Promise.all(sent.map((s) => s.app.invoke('returns.get', { period: PERIOD }, s.token)));
    for (const t of c.tables) {
      expect(t.rows.map((r) => r.key)).toEqual(sent.map((s) => s.code));
      for (const col of t.columns.filter((x) => !x.derived)) {
        const sum = own.reduce((acc, r) => acc + (r.tables.find((x) => x.id === t.id)!.total[col.key] ?? 0), 0);
        expect(t.total[col.key], `${t.id}.${col.key}`).toBe(sum);
      }
    }
    expect(c.tables.find((t) => t.id === 'membersByCommunity')!.total.total).toBe(125);
    // Drill-down: the street's own tables as it sent them.
    expect(c.streets.find((s) => s.code === sent[0].code)?.tables).toEqual(own[0].tables.map((t) => expect.objectContaining({ id: t.id, rows: t.rows })));

    const report = await district.app.invoke('district.report', { period: PERIOD }, district.token);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(report.bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['全区汇总', '第1街道', '第2街道']);
    const lines = book.getWorksheet('全区汇总')!.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(lines.some((l) => l.includes('已报送 2 / 3') && l.includes('第3街道'))).toBe(true);
  });

  it('receives every package on a stick or in a folder at once, leaving other files, and says when there is none', async () => {
    const district = await sites.district();
    const streets = [await sites.street(1, 10), await sites.street(2, 10)];
    const stick = makeTempDir('streetdesk-stick-');
    for (const s of streets) {
      await pair(s, district);
      const built = await buildPackage(s);
      fs.writeFileSync(path.join(stick, built.package.fileName), built.bytes);
    }
    fs.writeFileSync(path.join(stick, '说明.txt'), '十月份月报');
    fs.mkdirSync(path.join(stick, '旧的'));
    const outcomes = await district.app.invoke('district.importFolder', { folder: stick }, district.token);
    expect(outcomes.map((o) => [o.status, o.fileName.slice(0, 12)])).toEqual([
      ['accepted', streets[0].code],
      ['accepted', streets[1].code],
    ]);
    expect((await district.app.invoke('district.consolidate', { period: PERIOD }, district.token)).missing).toEqual([]);

    const empty = makeTempDir('streetdesk-empty-');
    const none = await expectError(district.app, 'district.importFolder', { folder: empty }, district.token, 'VALIDATION');
    expect(none.details?.issues?.[0]).toMatchObject({ field: 'folder', problem: 'folderHasNoPackages' });
    const gone = await expectError(district.app, 'district.importFolder', { folder: path.join(empty, '没有') }, district.token, 'VALIDATION');
    expect(gone.details?.issues?.[0]).toMatchObject({ field: 'folder', problem: 'sendFolderMissing' });
    fs.rmSync(stick, { recursive: true, force: true });
    fs.rmSync(empty, { recursive: true, force: true });
  });

  it('looks at each file on the stick before reading it: an oversize package or a FIFO/device refuses the folder by name, nothing read', async () => {
    const district = await sites.district();
    const street = await sites.street(1, 10);
    await pair(street, district);
    const built = await buildPackage(street);
    const stick = makeTempDir('streetdesk-stick-');
    fs.writeFileSync(path.join(stick, built.package.fileName), built.bytes);
    // 65 MB by its size but sparse on disk: refused by the stat alone, so the test reads nothing either.
    const huge = path.join(stick, 'zz-huge.zip');
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, 65 * 1024 * 1024);
    const big = await expectError(district.app, 'district.importFolder', { folder: stick }, district.token, 'VALIDATION');
    expect(big.details?.issues?.[0]).toMatchObject({ field: 'folder', problem: 'folderFileTooLarge', params: { file: 'zz-huge.zip', size: '65 MB', limit: '64 MB' } });
    expect(big.message).toContain('zz-huge.zip');
    fs.rmSync(huge);

    // A FIFO with no writer: opening it would wait for ever; and a link to /dev/zero would read without end.
    const fifo = path.join(stick, 'zz-pipe.zip');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const pipe = await expectError(district.app, 'district.importFolder', { folder: stick }, district.token, 'VALIDATION');
    expect(pipe.details?.issues?.[0]).toMatchObject({ problem: 'folderFileNotRegular', params: { file: 'zz-pipe.zip' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    fs.rmSync(fifo);
    fs.symlinkSync('/dev/zero', path.join(stick, 'zz-zero.sealed'));
    const device = await expectError(district.app, 'district.importFolder', { folder: stick }, district.token, 'VALIDATION');
    expect(device.details?.issues?.[0]).toMatchObject({ problem: 'folderFileNotRegular', params: { file: 'zz-zero.sealed' } });
    expect(formatError(device, 'en', 'district.importFolder')).toContain('zz-zero.sealed, which is not a regular file');
    expect(formatError(device, 'zh-CN', 'district.importFolder')).toContain('其中的 zz-zero.sealed 不是普通文件');
    // Nothing was received by the refused attempts; with the bad file gone the good package goes in.
    expect((await district.app.invoke('district.consolidate', { period: PERIOD }, district.token)).missing).toHaveLength(1);
    fs.rmSync(path.join(stick, 'zz-zero.sealed'));
    const outcomes = await district.app.invoke('district.importFolder', { folder: stick }, district.token);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted']);
    fs.rmSync(stick, { recursive: true, force: true });
  });

  it('is a district’s business only', async () => {
    const street = await sites.street(1, 0);
    const e = await expectError(street.app, 'district.consolidate', { period: PERIOD }, street.token, 'VALIDATION');
    expect(e.details?.issues?.[0]).toMatchObject({ problem: 'exchangeNeedsDistrict' });
  });
});
