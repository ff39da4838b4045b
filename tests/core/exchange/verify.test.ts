// A district trusts a package only when everything checks: each failure here is produced by really
// damaging a real package (bytes flipped, files edited, re-signed, cut short, replayed) and must be named
// by its code, with nothing kept but the rejection.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rawPublicKey, keyIdOf } from '../../../src/core/exchange/keys';
import { count } from '../../support/factory';
import { buildPackage, pair, PERIOD, sitesForEachTest, type Site } from '../../support/exchange';

const sites = sitesForEachTest();

async function setting(): Promise<{ street: Site; district: Site }> {
  const district = await sites.district();
  const street = await sites.street(1);
  await pair(street, district);
  return { street, district };
}

async function importOne(district: Site, bytes: Uint8Array, fileName = 'pkg.zip') {
  const [outcome] = await district.app.invoke('district.import', { files: [{ fileName, bytes: new Uint8Array(bytes) }] }, district.token);
  return outcome;
}

/** Unzips, lets `edit` change the entries, zips again (the manifest and signature as they were, unless edited). */
function rezip(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files);
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytesOf = (s: string) => new TextEncoder().encode(s);

async function expectRejected(district: Site, bytes: Uint8Array, code: string, file?: string) {
  const before = count(district.app.database, 'district_packages');
  const outcome = await importOne(district, bytes);
  expect(outcome).toMatchObject({ status: 'rejected', code, ...(file ? { file } : {}) });
  expect(count(district.app.database, 'district_packages')).toBe(before);
  const verify = await district.app.invoke('package.verify', { fileName: 'x.zip', bytes: new Uint8Array(bytes) }, district.token);
  expect(verify).toMatchObject({ ok: false, code });
  return outcome as { message: string };
}

describe('a real package', () => {
  it('verifies and is accepted with a signed receipt', async () => {
    const { street, district } = await setting();
    const built = await buildPackage(street);
    expect(built.package.fileName).toBe(`${street.code}_第1街道_${PERIOD}_v1.zip`);
    const verify = await district.app.invoke('package.verify', { fileName: built.package.fileName, bytes: built.bytes }, district.token);
    expect(verify).toMatchObject({ ok: true, encrypted: false, manifest: { streetCode: street.code, period: PERIOD, version: 1, counts: { members: 60 } } });
    const outcome = await importOne(district, built.bytes, built.package.fileName);
    expect(outcome).toMatchObject({ status: 'accepted', streetCode: street.code, version: 1, receipt: { receipt: { sha256: built.package.sha256, outcome: 'accepted' } } });
  });
});

describe('every verification failure', () => {
  it('NOT_A_ZIP: a spreadsheet or random bytes renamed to .zip', async () => {
    const { district } = await setting();
    const m = await expectRejected(district, bytesOf('姓名,身份证号\n张三,110101\n'), 'NOT_A_ZIP');
    expect(m.message).toContain('不是 zip');
  });

  it('TRUNCATED: the zip cut short, as a stick pulled out mid-copy leaves it', async () => {
    const { street, district } = await setting();
    const { bytes } = await buildPackage(street);
    await expectRejected(district, bytes.subarray(0, Math.floor(bytes.length * 0.6)), 'TRUNCATED');
  });

  it('HASH_MISMATCH: one byte flipped in the stored summary.xlsx, naming the file', async () => {
    const { street, district } = await setting();
    const { bytes } = await buildPackage(street);
    const damaged = new Uint8Array(bytes);
    // summary.xlsx is stored uncompressed: find its local header and flip a byte well inside its data.
    const name = bytesOf('summary.xlsx');
    let at = -1;
    for (let i = 0; i < damaged.length - name.length && at < 0; i++) {
      if (damaged[i] === 0x50 && damaged[i + 1] === 0x4b && damaged[i + 2] === 3 && damaged[i + 3] === 4) {
        const nameLen = damaged[i + 26] | (damaged[i + 27] << 8);
        if (text(damaged.subarray(i + 30, i + 30 + nameLen)) === 'summary.xlsx') at = i + 30 + nameLen + (damaged[i + 28] | (damaged[i + 29] << 8));
      }
    }
    expect(at).toBeGreaterThan(0);
    damaged[at + 200] ^= 0xff;
    const m = await expectRejected(district, damaged, 'HASH_MISMATCH', 'summary.xlsx');
    expect(m.message).toContain('summary.xlsx');
  });

  it('HASH_MISMATCH: a member record edited in data/members.jsonl', async () => {
    const { street, district } = await setting();
    const { bytes } = await buildPackage(street);
    const edited = rezip(bytes, (f) => {
      f['data/members.jsonl'] = bytesOf(text(f['data/members.jsonl']).replace('"sex":1', '"sex":2'));
    });
    await expectRejected(district, edited, 'HASH_MISMATCH', 'data/members.jsonl');
  });

  it('FILE_NOT_LISTED and FILE_MISSING: a file slipped in, a file taken out', async () => {
    const { street, district } = await setting();
    const { bytes } = await buildPackage(street);
    await expectRejected(district, rezip(bytes, (f) => void (f['data/extra.jsonl'] = bytesOf('{}\n'))), 'FILE_NOT_LISTED', 'data/extra.jsonl');
    await expectRejected(district, rezip(bytes, (f) => delete f['data/transfers.jsonl']), 'FILE_MISSING', 'data/transfers.jsonl');
  });

  it("BAD_SIGNATURE: the manifest's period swapped", async () => {
    const { street, district } = await setting();
    const { bytes } = await buildPackage(street);
    const swapped = rezip(bytes, (f) => {
      f['manifest.json'] = bytesOf(text(f['manifest.json']).replace(`"period": "${PERIOD}"`, '"period": "2026-09"'));
    });
    expect(text(unzipSync(swapped)['manifest.json'])).toContain('"period": "2026-09"');
    await expectRejected(district, swapped, 'BAD_SIGNATURE');
  });

  it('UNKNOWN_KEY and BAD_SIGNATURE: data changed and re-signed with another key', async () => {
    const { street, district } = await setting();
    const { bytes } = await buildPackage(street);
    const other = generateKeyPairSync('ed25519');
    const resign = (claimOwnKey: boolean) =>
      rezip(bytes, (f) => {
        f['data/members.jsonl'] = bytesOf(text(f['data/members.jsonl']).replace('"sex":2', '"sex":1'));
        const manifest = JSON.parse(text(f['manifest.json']));
        const entry = manifest.files.find((x: { path: string }) => x.path === 'data/members.jsonl');
        entry.sha256 = createHash('sha256').update(f['data/members.jsonl']).digest('hex');
        entry.size = f['data/members.jsonl'].length;
        if (claimOwnKey) manifest.signer = { alg: 'Ed25519', keyId: keyIdOf(rawPublicKey(other.publicKey)), publicKey: rawPublicKey(other.publicKey) };
        f['manifest.json'] = bytesOf(JSON.stringify(manifest, null, 2));
        f.signature = bytesOf(sign(null, f['manifest.json'], other.privateKey).toString('base64'));
      });
    const m = await expectRejected(district, resign(true), 'UNKNOWN_KEY');
    expect(m.message).toContain(street.code);
    await expectRejected(district, resign(false), 'BAD_SIGNATURE');
  });

  it('STREET_NOT_IN_DISTRICT: a real package of a street of another county', async () => {
    const { district } = await setting();
    const foreign = await sites.street(7, 20, { county: '110102' });
    const { bytes } = await buildPackage(foreign);
    const m = await expectRejected(district, bytes, 'STREET_NOT_IN_DISTRICT');
    expect(m.message).toContain('110102007000');
  });

  it('UNKNOWN_KEY: a street of the district whose key was never registered', async () => {
    const { district } = await setting();
    const stranger = await sites.street(2, 20);
    await expectRejected(district, (await buildPackage(stranger)).bytes, 'UNKNOWN_KEY');
  });

  it('PERIOD_IN_FUTURE: a return for a month the district has not reached', async () => {
    const district = await sites.district({ start: new Date(2026, 8, 20) });
    const street = await sites.street(1);
    await pair(street, district);
    await expectRejected(district, (await buildPackage(street)).bytes, 'PERIOD_IN_FUTURE');
  });

  it('REPLAY: an older version after a newer one, or the same version rebuilt; a newer one replaces the older and is logged', async () => {
    const { street, district } = await setting();
    const v1 = await buildPackage(street);
    await street.app.invoke('returns.reopen', { period: PERIOD, reason: '补录一名转入党员' }, street.token);
    const v2 = await buildPackage(street);
    expect(v2.package.version).toBe(2);

    expect(await importOne(district, v1.bytes)).toMatchObject({ status: 'accepted', version: 1 });
    expect(await importOne(district, v2.bytes)).toMatchObject({ status: 'replaced', version: 2, replacedVersion: 1 });
    const replay = await expectRejected(district, v1.bytes, 'REPLAY');
    expect(replay.message).toContain('第 2 版');
    // The same version built again (new bytes) is not a second truth either.
    street.clock.advance(60_000);
    const rebuilt = await street.app.invoke('returns.build', { period: PERIOD, unencrypted: true }, street.token);
    await expectRejected(district, rebuilt.bytes, 'REPLAY');
    // The very same file again is answered with the receipt already given, and nothing new is kept.
    expect(await importOne(district, v2.bytes)).toMatchObject({ status: 'duplicate', version: 2 });

    const { packages, rejections } = await district.app.invoke('district.packages', { period: PERIOD }, district.token);
    expect(packages.map((p) => [p.version, p.current])).toEqual([[2, true], [1, false]]);
    expect(rejections.map((r) => r.code)).toEqual(['REPLAY', 'REPLAY']);
    const { entries } = await district.app.invoke('audit.list', { action: 'district.import' }, district.token);
    const replaced = entries.find((e) => (e.after as { status: string }).status === 'replaced');
    expect(replaced).toMatchObject({ entity: 'districtPackage', entityId: `${street.code}/${PERIOD}/v2`, before: { version: 1 } });
  });
});

describe('a sealed package', () => {
  it('round-trips to the district it was sealed for and is refused by any other, or when damaged', async () => {
    const { street, district } = await setting();
    const sealed = await buildPackage(street, { encrypt: true });
    expect(sealed.package.fileName.endsWith('.zip.sealed')).toBe(true);
    expect(text(sealed.bytes.subarray(0, 8))).toBe('SDSEAL01');
    // Nothing readable inside: no member name, no ID number.
    const plainMembers = text(unzipSync((await street.app.invoke('returns.build', { period: PERIOD, unencrypted: true }, street.token)).bytes)['data/members.jsonl']);
    const someId = /"idNumber":"(\d{17}[\dX])"/.exec(plainMembers)![1];
    expect(Buffer.from(sealed.bytes).includes(Buffer.from(someId))).toBe(false);

    const onStreet = await street.app.invoke('package.verify', { fileName: 'x', bytes: sealed.bytes }, street.token);
    expect(onStreet).toMatchObject({ ok: false, code: 'SEALED_NO_KEY' });

    const otherDistrict = await sites.district();
    await expectRejected(otherDistrict, sealed.bytes, 'WRONG_RECIPIENT');

    const flipped = new Uint8Array(sealed.bytes);
    flipped[flipped.length - 100] ^= 1;
    await expectRejected(district, flipped, 'DECRYPT_FAILED');
    await expectRejected(district, sealed.bytes.subarray(0, sealed.bytes.length - 1000), 'TRUNCATED');

    expect(await importOne(district, sealed.bytes)).toMatchObject({ status: 'accepted', version: 1 });
    const verify = await district.app.invoke('package.verify', { fileName: 'x', bytes: sealed.bytes }, district.token);
    expect(verify).toMatchObject({ ok: true, encrypted: true, manifest: { streetCode: street.code } });
  });
});
