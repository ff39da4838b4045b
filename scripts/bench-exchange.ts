// Issue 6's figures for `npm run bench`: a street's return and package with 20,000 members, and a district
// verifying, importing and consolidating 30 street packages — each next to the floor of zipping (or
// unzipping) and hashing the same bytes. The street has a year of service work: 50,000 requests.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { zipFiles } from '../src/core/exchange/package';
import { StreetDeskApp } from '../src/core/app';
import { seedDemo } from '../src/core/services/seed-demo';
import { seedServiceWork } from '../src/core/services/counter/seed-service';

type Add = (what: string, figure: number, floor: number) => void;

const ADMIN = { username: 'admin', displayName: '管理员', password: 'bench12345' };
const PERIOD = '2026-10';

async function street(dir: string, n: number, members: number, requests = 0) {
  const code = `370782${String(n).padStart(3, '0')}000`;
  const app = new StreetDeskApp({ dbPath: path.join(dir, `street-${n}.db`), appVersion: 'bench' });
  const { token } = await app.invoke('setup.initialize', { street: { name: `基准街道${n}`, code, districtName: '诸城市' }, admin: ADMIN });
  app.database.transaction(() => {
    seedDemo(app.database, { members, seed: n }, new Date());
    if (requests > 0) seedServiceWork(app.database, { requests, seed: n }, new Date());
  })();
  return { app, token, code };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function benchExchange(dir: string, add: Add): Promise<void> {
  // 1. One street: the return's figures frozen and the package built, 20,000 members and 50,000 requests.
  const s = await street(dir, 1, 20_000, 50_000);
  const t0 = performance.now();
  await s.app.invoke('returns.check', { period: PERIOD }, s.token);
  await s.app.invoke('returns.finalize', { period: PERIOD }, s.token);
  const built = await s.app.invoke('returns.build', { period: PERIOD, unencrypted: true }, s.token);
  const buildMs = performance.now() - t0;
  const files = unzipSync(built.bytes);
  const f0 = performance.now();
  zipFiles(Object.entries(files).map(([k, v]) => ({ path: k, bytes: v, level: k.endsWith('.xlsx') ? 0 : 6 })), new Date());
  for (const v of Object.values(files)) sha(v);
  const zipFloor = performance.now() - f0;
  add(`return + package, 20,000 members, 50,000 requests — target < 3 s (floor: zip + sha256 of the same files)`, buildMs, zipFloor);
  s.app.close();

  // 2. A district receiving 30 streets' packages (5,000 members each) and consolidating them.
  const district = new StreetDeskApp({ dbPath: path.join(dir, 'district.db'), appVersion: 'bench' });
  const d = await district.invoke('setup.initializeDistrict', { district: { name: '诸城市', code: '370782' }, admin: ADMIN });
  const packages: { fileName: string; bytes: Uint8Array<ArrayBuffer> }[] = [];
  for (let n = 2; n <= 31; n++) {
    const st = await street(dir, n, 5_000, 2_000);
    const key = await st.app.invoke('exchange.exportKey', {}, st.token);
    await district.invoke('exchange.trustKey', { keyFile: key.text, streetCode: st.code }, d.token);
    await st.app.invoke('returns.check', { period: PERIOD }, st.token);
    await st.app.invoke('returns.finalize', { period: PERIOD }, st.token);
    const p = await st.app.invoke('returns.build', { period: PERIOD, unencrypted: true }, st.token);
    packages.push({ fileName: p.package.fileName, bytes: p.bytes });
    st.app.close();
    fs.rmSync(path.join(dir, `street-${n}.db`), { force: true });
  }
  const i0 = performance.now();
  const outcomes = await district.invoke('district.import', { files: packages }, d.token);
  const consolidated = await district.invoke('district.consolidate', { period: PERIOD }, d.token);
  const importMs = performance.now() - i0;
  if (outcomes.some((o) => o.status !== 'accepted') || consolidated.missing.length) throw new Error('bench: a package was not accepted');
  const u0 = performance.now();
  for (const p of packages) {
    sha(p.bytes);
    for (const v of Object.values(unzipSync(p.bytes))) sha(v);
  }
  const unzipFloor = performance.now() - u0;
  add('district: verify + import 30 packages (5,000 members each) + consolidate — target < 10 s (floor: unzip + sha256 of the same packages)', importMs, unzipFloor);
  district.close();
}
