// Issue 13's city figures for `npm run bench -- city`: a city of 150 streets with 20,000 members each
// (3 million member records), in 10 districts of 15 streets. Every street is a real database set up and
// seeded through the contract, its month finalized and its signed package built (once, not timed). Then,
// timed, once with the districts' and the city's databases in SQLite files and once in PostgreSQL (a
// throw-away cluster with PostgreSQL's default durability, as SQLite runs with synchronous = FULL): each
// district verifies, imports and consolidates its 15 streets' packages and builds its own signed month for
// the city, and the city verifies, imports and consolidates the 10 districts' packages. The floor is
// unzipping and hashing the same packages. The city's report query (city.consolidate, what the city's pages
// and its report read) is timed as a p95 over repeated calls, beside reading the kept tables raw.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { StreetDeskApp } from '../src/core/app';
import { pgAnchorPath } from '../src/core/db/connection';
import { seedDemo } from '../src/core/services/seed-demo';
import { createTestDatabase, startPgCluster } from '../tests/support/pg-cluster';

type Add = (what: string, figure: number, floor: number) => void;

const ADMIN = { username: 'admin', displayName: '管理员', password: 'bench12345' };
const PERIOD = '2026-10';
const CITY = { name: '潍坊市', code: '3707' };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Built {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
}

interface Street {
  code: string;
  keyText: string;
  built: Built;
}

function unzipFloor(packages: Built[]): number {
  const t0 = performance.now();
  for (const p of packages) {
    sha(p.bytes);
    for (const v of Object.values(unzipSync(p.bytes))) sha(v);
  }
  return performance.now() - t0;
}

/** Every street's month, built as a clerk would (not timed); the street databases are removed after. */
async function makeStreets(dir: string, districtCount: number, perDistrict: number, members: number): Promise<Street[][]> {
  const made = performance.now();
  const all: Street[][] = [];
  for (let d = 1; d <= districtCount; d++) {
    const code = `3707${String(d).padStart(2, '0')}`;
    const streets: Street[] = [];
    for (let s = 1; s <= perDistrict; s++) {
      const streetCode = `${code}${String(s).padStart(3, '0')}000`;
      const file = path.join(dir, `street-${streetCode}.db`);
      const st = new StreetDeskApp({ dbPath: file, appVersion: 'bench' });
      const setup = await st.invoke('setup.initialize', { street: { name: `第${d}区第${s}街道`, code: streetCode, districtName: `第${d}区` }, admin: ADMIN });
      st.database.transaction(() => seedDemo(st.database, { members, seed: d * 100 + s }, new Date()))();
      const key = await st.invoke('exchange.exportKey', {}, setup.token);
      await st.invoke('returns.check', { period: PERIOD }, setup.token);
      await st.invoke('returns.finalize', { period: PERIOD }, setup.token);
      const p = await st.invoke('returns.build', { period: PERIOD, unencrypted: true }, setup.token);
      streets.push({ code: streetCode, keyText: key.text, built: { fileName: p.package.fileName, bytes: p.bytes } });
      st.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    }
    all.push(streets);
    process.stderr.write(`  city bench: district ${d}/${districtCount}'s streets built (${((performance.now() - made) / 1000).toFixed(0)} s)\n`);
  }
  return all;
}

/** One level's database: a SQLite file in `dir`, or a fresh database on the PostgreSQL cluster. */
type Open = (name: string) => Promise<StreetDeskApp>;

async function runLevels(label: string, open: Open, streets: Street[][], members: number, add: Add): Promise<void> {
  const districtCount = streets.length;
  const streetCount = streets.flat().length;
  const city = await open('city');
  const c = await city.invoke('setup.initializeCity', { city: CITY, admin: ADMIN });
  const districts: { app: StreetDeskApp; token: string; code: string; packages: Built[] }[] = [];
  for (const [i, own] of streets.entries()) {
    const code = `3707${String(i + 1).padStart(2, '0')}`;
    const app = await open(`district-${i + 1}`);
    const { token } = await app.invoke('setup.initializeDistrict', { district: { name: `第${i + 1}区`, code }, admin: ADMIN });
    const districtKey = await app.invoke('exchange.exportKey', {}, token);
    await city.invoke('exchange.trustKey', { keyFile: districtKey.text, districtCode: code }, c.token);
    for (const s of own) await app.invoke('exchange.trustKey', { keyFile: s.keyText, streetCode: s.code }, token);
    districts.push({ app, token, code, packages: own.map((s) => s.built) });
  }

  // Timed: every district's work on its streets' packages, then the city's on the districts'.
  const districtPackages: Built[] = [];
  const t0 = performance.now();
  for (const d of districts) {
    const outcomes = await d.app.invoke('district.import', { files: d.packages }, d.token);
    if (outcomes.some((o) => o.status !== 'accepted')) throw new Error(`bench: district ${d.code} refused a street package`);
    const consolidated = await d.app.invoke('district.consolidate', { period: PERIOD }, d.token);
    if (consolidated.missing.length) throw new Error(`bench: district ${d.code} misses streets`);
    const built = await d.app.invoke('districtReturn.build', { period: PERIOD }, d.token);
    districtPackages.push({ fileName: built.package.fileName, bytes: built.bytes });
  }
  const districtsMs = performance.now() - t0;
  const t1 = performance.now();
  const outcomes = await city.invoke('city.import', { files: districtPackages }, c.token);
  if (outcomes.some((o) => o.status !== 'accepted')) throw new Error('bench: the city refused a district package');
  const consolidated = await city.invoke('city.consolidate', { period: PERIOD }, c.token);
  const cityMs = performance.now() - t1;
  const total = consolidated.tables.find((t) => t.id === 'membersByCommunity')?.total.total ?? 0;
  if (consolidated.missing.length || total !== streetCount * members) {
    throw new Error(`bench: the city counts ${total} members, expected ${streetCount * members}`);
  }
  const streetFloor = unzipFloor(districts.flatMap((d) => d.packages));
  const districtFloor = unzipFloor(districtPackages);
  add(
    `city on ${label}: ${streetCount} street packages (${members.toLocaleString('en')} members each) verified, imported and consolidated by ${districtCount} districts, then the districts' packages by the city — target < 60 s (floor: unzip + sha256 of the same packages)`,
    districtsMs + cityMs,
    streetFloor + districtFloor,
  );
  add(`  of which the city on ${label}: verify + import ${districtCount} district packages + consolidate (floor: unzip + sha256 of them)`, cityMs, districtFloor);

  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const q0 = performance.now();
    await city.invoke('city.consolidate', { period: PERIOD }, c.token);
    times.push(performance.now() - q0);
  }
  times.sort((a, b) => a - b);
  const raw = city.database.prepare('SELECT tables, streets FROM city_packages WHERE period = ? AND replaced_by IS NULL');
  const f0 = performance.now();
  for (let i = 0; i < 20; i++) raw.all(PERIOD);
  const floor = (performance.now() - f0) / 20;
  add(`city report query on ${label} (city.consolidate, ${districtCount} districts, ${streetCount} streets), p95 — target < 200 ms (floor: reading the kept tables, raw)`, times[Math.ceil(times.length * 0.95) - 1], floor);
  for (const d of districts) d.app.close();
  city.close();
}

export async function benchCity(dir: string, add: Add, options: { districts?: number; streetsPerDistrict?: number; members?: number } = {}): Promise<void> {
  const members = options.members ?? 20_000;
  const streets = await makeStreets(dir, options.districts ?? 10, options.streetsPerDistrict ?? 15, members);

  await runLevels('SQLite', async (name) => new StreetDeskApp({ dbPath: path.join(dir, `${name}.db`), appVersion: 'bench' }), streets, members, add);

  const cluster = await startPgCluster({ durable: true });
  if ('skipped' in cluster) {
    process.stderr.write(`  city bench on PostgreSQL skipped: ${cluster.skipped}\n`);
    return;
  }
  try {
    const pgDir = path.join(dir, 'pg-files');
    await runLevels(
      'PostgreSQL',
      async (name) => {
        const pgUrl = await createTestDatabase(cluster.url);
        return new StreetDeskApp({ dbPath: pgAnchorPath(pgUrl, path.join(pgDir, name)), pgUrl, appVersion: 'bench' });
      },
      streets,
      members,
      add,
    );
  } finally {
    await cluster.stop();
  }
}
