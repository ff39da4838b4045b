// The sum property of the city level: whatever figures the streets send, the district's package carries
// its streets' tables and their sum, and the city's totals equal the sum over its districts and over all
// their streets — column by column, table by table. The streets here are signed packages with random tables
// (keys made for the test and trusted by the district as a street's key file is); the districts and the
// city are real databases going through the contract.
import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyIdOf, rawPublicKey } from '../../../src/core/exchange/keys';
import { jsonl, zipPackage } from '../../../src/core/exchange/package';
import { RETURN_COLUMNS } from '../../../src/core/returns/tables';
import { RETURN_TABLE_IDS, totalOf, type ReturnTable } from '../../../src/shared/returns/tables';
import { pairCity, PERIOD, sitesForEachTest, type Site } from '../../support/exchange';

const sites = sitesForEachTest();

/** A street's tables: per table 1–3 community rows of random counts; derived columns left to totalOf. */
const streetTables = fc.array(
  fc.array(fc.nat({ max: 2000 }), { minLength: 60, maxLength: 60 }),
  { minLength: 1, maxLength: 3 },
).map((rows): ReturnTable[] =>
  RETURN_TABLE_IDS.map((id) => {
    const columns = RETURN_COLUMNS[id];
    const tableRows = rows.map((figures, r) => ({
      key: `c${r}`,
      label: `第${r + 1}社区`,
      values: Object.fromEntries(columns.map((c, i) => [c.key, c.derived ? null : figures[i % figures.length]])),
    }));
    return { id, columns, rows: tableRows, total: totalOf(columns, tableRows) };
  }),
);

/** A street as the district knows it: its key file, and a package of `tables` signed with its key. */
function paperStreet(code: string, name: string) {
  const pair = generateKeyPairSync('ed25519');
  const publicKey = rawPublicKey(pair.publicKey);
  const keyId = keyIdOf(publicKey);
  const keyFile = JSON.stringify({ format: 'streetdesk-public-key', formatVersion: 1, role: 'street', code, name, signingKey: { alg: 'Ed25519', keyId, publicKey }, createdAt: '2026-11-01T00:00:00.000Z' });
  const packageOf = (tables: ReturnTable[]) =>
    zipPackage({
      manifest: {
        street: { code, name, districtName: '区' },
        period: PERIOD,
        version: 1,
        generatedAt: '2026-11-02T01:00:00.000Z',
        appVersion: 'property',
        signer: { alg: 'Ed25519', keyId, publicKey },
        counts: { members: 0, changes: 0, transfers: 0, tables: tables.length },
      },
      files: { 'data/members.jsonl': jsonl([]), 'data/changes.jsonl': jsonl([]), 'data/transfers.jsonl': jsonl([]), 'data/tables.jsonl': jsonl(tables) },
      sign: (bytes) => sign(null, bytes, pair.privateKey).toString('base64'),
    }).bytes;
  return { code, name, keyFile, packageOf };
}

function summed(tables: ReturnTable[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tables) for (const c of t.columns) if (!c.derived) out[`${t.id}.${c.key}`] = t.total[c.key] ?? 0;
  return out;
}

function plus(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

async function sendUp(district: Site, city: Site, streets: ReturnTable[][]): Promise<void> {
  for (const [i, tables] of streets.entries()) {
    const s = paperStreet(`${district.code.slice(0, 6)}${String(i + 1).padStart(3, '0')}000`, `第${i + 1}街道`);
    await district.app.invoke('exchange.trustKey', { keyFile: s.keyFile, streetCode: s.code }, district.token);
    const [r] = await district.app.invoke('district.import', { files: [{ fileName: `${s.code}.zip`, bytes: new Uint8Array(s.packageOf(tables)) }] }, district.token);
    expect(r.status).toBe('accepted');
  }
  await pairCity(district, city);
  const built = await district.app.invoke('districtReturn.build', { period: PERIOD }, district.token);
  const [r] = await city.app.invoke('city.import', { files: [{ fileName: built.package.fileName, bytes: built.bytes }] }, city.token);
  expect(r.status).toBe('accepted');
}

describe('the city’s totals', () => {
  it('equal the sum of its districts’ and of all their streets’ figures, for any figures the streets send', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(streetTables, { minLength: 1, maxLength: 3 }), fc.array(streetTables, { minLength: 1, maxLength: 2 }), async (east, west) => {
        const city = await sites.city();
        const d1 = await sites.district();
        const d2 = await sites.district({ code: '110102', name: '西城区' });
        await sendUp(d1, city, east);
        await sendUp(d2, city, west);
        const c = await city.app.invoke('city.consolidate', { period: PERIOD }, city.token);
        const cityTotals = summed(c.tables);
        const byDistrict = c.districts.map((d) => summed(d.tables!));
        expect(cityTotals).toEqual(plus(byDistrict[0], byDistrict[1]));
        const byStreet = [...east, ...west].map(summed).reduce(plus, {});
        expect(cityTotals).toEqual(byStreet);
        // The drill-down holds each street's own tables as it sent them.
        expect(c.districts.flatMap((d) => d.streets.map((s) => summed(s.tables!)))).toEqual([...east, ...west].map(summed));
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
