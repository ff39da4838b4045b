// Hostile district packages at the city (issue 13): a good package cut short or with bits flipped at random,
// random bytes, a zip bomb in place of the tables, a path-like entry name. Each is answered (never thrown),
// a refusal keeps nothing, and the city's figures stay those of the packages it accepted.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflated, flipped, randomBytes, rawZip, rng, spacesBomb, truncated } from '../../support/hostile';
import { districtMonth, pair, pairCity, sitesForEachTest } from '../../support/exchange';
import { count } from '../../support/factory';
import type { CityImportOutcome } from '../../../src/shared/api/contract-city';

const sites = sitesForEachTest();

describe('hostile district packages at the city', () => {
  it('are answered one by one; refused ones keep nothing; the good one still counts once', async () => {
    const city = await sites.city();
    const east = await sites.district();
    const s1 = await sites.street(1, 6);
    await pair(s1, east);
    await pairCity(east, city);
    const good = (await districtMonth(east, [s1])).bytes;
    const files = unzipSync(good);

    const random = rng(13);
    const cases: { name: string; bytes: Uint8Array }[] = [];
    for (let i = 0; i < 25; i++) cases.push({ name: `cut-${i}.zip`, bytes: truncated(random, good) });
    for (let i = 0; i < 25; i++) cases.push({ name: `flipped-${i}.zip`, bytes: flipped(random, good) });
    for (let i = 0; i < 5; i++) cases.push({ name: `noise-${i}.zip`, bytes: randomBytes(random, 200 + Math.floor(random() * 5000)) });
    const raw = (over: Record<string, ReturnType<typeof deflated>>) =>
      rawZip(Object.entries(files).map(([name, bytes]) => over[name] ?? deflated(name, bytes)));
    cases.push({ name: 'bomb.zip', bytes: raw({ 'data/tables.jsonl': spacesBomb('data/tables.jsonl', 300) }) });
    cases.push({ name: 'traversal.zip', bytes: rawZip([...Object.entries(files).map(([name, bytes]) => deflated(name, bytes)), deflated('../../evil.txt', 'x')]) });

    for (const c of cases) {
      const result = await city.app.call('city.import', { files: [{ fileName: c.name, bytes: new Uint8Array(c.bytes) }] }, city.token);
      expect(result.ok, c.name).toBe(true);
      if (!result.ok) continue;
      const [outcome] = result.value as CityImportOutcome[];
      // A flip may land where nothing is read (a time stamp in a local header): then it is the good package.
      if (outcome.status !== 'rejected') expect(outcome.status, c.name).toMatch(/accepted|duplicate/);
    }
    const outcomes = await city.app.invoke('city.packages', {}, city.token);
    expect(outcomes.packages.length).toBeLessThanOrEqual(1);
    expect(count(city.app.database, 'city_packages')).toBe(outcomes.packages.length);
    const codes = new Set(outcomes.rejections.map((r) => r.code));
    expect(codes.has('ENTRY_TOO_LARGE')).toBe(true);
    expect(codes.has('ENTRY_NAME_INVALID')).toBe(true);

    // The good file itself: taken, or — when a harmless flip of it was taken first — refused as the same version again.
    const [ok] = await city.app.invoke('city.import', { files: [{ fileName: 'good.zip', bytes: new Uint8Array(good) }] }, city.token);
    if (outcomes.packages.length === 0) expect(ok.status).toBe('accepted');
    else expect(ok.status === 'duplicate' || (ok.status === 'rejected' && ok.code === 'REPLAY')).toBe(true);
    const c = await city.app.invoke('city.consolidate', { period: '2026-10' }, city.token);
    expect(c.tables.find((t) => t.id === 'membersByCommunity')!.total.total).toBe(6);
  });
});
