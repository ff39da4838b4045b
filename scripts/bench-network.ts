// Issue 13's load check for `npm run bench -- network`: the district's host on 0.0.0.0 over HTTPS (a
// certificate made as `npm run serve` makes it), reached through 127.0.0.1; 30 streets upload their
// finalized returns at once (the street's own upload code, certificate pinned) while 20 readers read the
// district's tables. Bounded: 30 uploads, 20 × 10 reads. No request may fail; p95s are printed next to
// their floors — the same upload, and the same read, on the idle server.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { StreetDeskApp } from '../src/core/app';
import { seedDemo } from '../src/core/services/seed-demo';
import { uploadPackage } from '../src/core/exchange/send';
import { startHost } from '../src/host/server';
import { certificateNames, ensureServerCertificate } from '../src/host/tls';
import { decodeWire, encodeWire } from '../src/shared/api/wire';
import type { Result } from '../src/shared/result';

type Add = (what: string, figure: number, floor: number) => void;

const ADMIN = { username: 'admin', displayName: '管理员', password: 'bench12345' };
const PERIOD = '2026-10';
const STREETS = 30;
const READERS = 20;
const READS_EACH = 10;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function benchNetwork(dir: string, add: Add): Promise<void> {
  const root = fs.mkdtempSync(path.join(dir, 'network-'));
  // The district and its streets (one more than the storm: its upload is the floor), paired by key files.
  const districtPath = path.join(root, 'district.db');
  const district = new StreetDeskApp({ dbPath: districtPath, appVersion: 'bench' });
  const { token: districtToken } = await district.invoke('setup.initializeDistrict', { district: { name: '诸城市', code: '370782' }, admin: ADMIN });
  const cert = ensureServerCertificate(districtPath, certificateNames([], '0.0.0.0'));
  const districtKey = await district.invoke('exchange.exportKey', { tlsCert: cert.cert }, districtToken);
  const streets: { code: string; bytes: Uint8Array; fileName: string; token: string }[] = [];
  for (let n = 1; n <= STREETS + 1; n++) {
    const code = `370782${String(n).padStart(3, '0')}000`;
    const app = new StreetDeskApp({ dbPath: path.join(root, `street-${n}.db`), appVersion: 'bench' });
    const { token } = await app.invoke('setup.initialize', { street: { name: `基准街道${n}`, code, districtName: '诸城市' }, admin: ADMIN });
    app.database.transaction(() => seedDemo(app.database, { members: 300, seed: n }, new Date(2026, 10, 5)))();
    const key = await app.invoke('exchange.exportKey', {}, token);
    await district.invoke('exchange.trustKey', { keyFile: key.text, streetCode: code }, districtToken);
    await app.invoke('exchange.trustKey', { keyFile: districtKey.text }, token);
    await app.invoke('returns.check', { period: PERIOD }, token);
    await app.invoke('returns.finalize', { period: PERIOD }, token);
    const built = await app.invoke('returns.build', { period: PERIOD, unencrypted: true }, token);
    const issued = await district.invoke('district.issueToken', { streetCode: code }, districtToken);
    streets.push({ code, bytes: built.bytes, fileName: built.package.fileName, token: issued.token });
    app.close();
  }
  district.close();

  const renderer = path.join(root, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>StreetDesk</title>');
  const host = await startHost({
    dbPath: districtPath,
    listen: '0.0.0.0',
    tls: cert,
    rendererDir: renderer,
    workerUrl: new URL('../src/core/worker/tsx-worker.mjs', import.meta.url),
    appVersion: 'bench',
    dailyBackups: false,
    district: true,
  });
  const agent = new https.Agent({ keepAlive: true, maxSockets: READERS, ca: cert.cert, servername: 'localhost' });
  let failures = 0;
  const failed: string[] = [];
  const post = (body: string, cookie = ''): Promise<{ text: string; cookie: string }> =>
    new Promise((resolve, reject) => {
      const req = https.request(
        { host: '127.0.0.1', port: host.port, path: '/api/call', method: 'POST', agent, headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => (res.statusCode === 200 ? resolve({ text: Buffer.concat(chunks).toString('utf8'), cookie: String(res.headers['set-cookie'] ?? '').split(';')[0] }) : reject(new Error(`HTTP ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const call = async (method: string, input: unknown, cookie: string) => {
    const r = decodeWire((await post(encodeWire({ method, input }), cookie)).text) as Result<unknown>;
    if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
    return r.value;
  };
  const login = await post(encodeWire({ method: 'auth.login', input: { username: ADMIN.username, password: ADMIN.password } }));
  const cookie = login.cookie;
  const read = async () => {
    const t = performance.now();
    try {
      await call('district.consolidate', { period: PERIOD }, cookie);
      await call('district.packages', { period: PERIOD }, cookie);
    } catch (err) {
      failures++;
      failed.push((err as Error).message);
    }
    return performance.now() - t;
  };
  const upload = async (s: (typeof streets)[number]) => {
    const t = performance.now();
    try {
      const r = await uploadPackage({ url: `https://127.0.0.1:${host.port}`, token: s.token, streetCode: s.code, fileName: s.fileName, bytes: s.bytes, tlsSha256: cert.sha256, attempts: 1 });
      if (r.outcome.status !== 'accepted') throw new Error(`${s.code}: ${r.outcome.status}`);
    } catch (err) {
      failures++;
      failed.push((err as Error).message);
    }
    return performance.now() - t;
  };

  try {
    // Floors on the idle server: one street's upload alone, and the readers' reads one at a time.
    const floorUpload = await upload(streets[STREETS]);
    const floorReads: number[] = [];
    for (let i = 0; i < READS_EACH; i++) floorReads.push(await read());

    // The storm: every street at once, the readers reading all the while.
    const t = performance.now();
    const [uploads, reads] = await Promise.all([
      Promise.all(streets.slice(0, STREETS).map(upload)),
      Promise.all(
        Array.from({ length: READERS }, async () => {
          const mine: number[] = [];
          for (let i = 0; i < READS_EACH; i++) mine.push(await read());
          return mine;
        }),
      ).then((r) => r.flat()),
    ]);
    const wall = performance.now() - t;
    if (failures > 0) throw new Error(`network bench: ${failures} request(s) failed: ${failed.slice(0, 5).join('; ')}`);
    add(`HTTPS upload, ${STREETS} streets at once (300 members each) while ${READERS} readers read, p95 — no request failed (floor: one upload, idle server)`, percentile(uploads, 95), floorUpload);
    add(`HTTPS read of the district's tables (consolidate + packages) during the uploads, ${READERS} × ${READS_EACH}, p95 (floor: the same read, idle)`, percentile(reads, 95), percentile(floorReads, 95));
    add(`HTTPS storm, wall time of ${STREETS} uploads + ${READERS * READS_EACH} reads (floor: one upload + ${READS_EACH} reads, serial, idle)`, wall, floorUpload + floorReads.reduce((a, b) => a + b, 0));
  } finally {
    agent.destroy();
    await host.close();
  }
}
