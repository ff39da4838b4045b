// `npm run bench`: the foundation's speed, each figure next to its floor measured in the same run on the
// same generated data. Prints a table; never part of `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { StreetDeskApp } from '../src/core/app';
import { appendAudit, verifyAuditChain } from '../src/core/services/audit';
import { writeBackup } from '../src/core/services/backup';
import { CoreClient } from '../src/core/worker/core-client';

interface Row {
  what: string;
  figure: string;
  floor: string;
  ratio: string;
}
const rows: Row[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-bench-'));

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
async function time(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
function add(what: string, figure: number, floor: number, unit = ms) {
  rows.push({ what, figure: unit(figure), floor: unit(floor), ratio: `${(figure / floor).toFixed(2)}×` });
}

async function main() {
  const dbPath = path.join(dir, 'bench.db');
  const app = new StreetDeskApp({ dbPath });
  const session = await app.invoke('setup.initialize', {
    street: { name: '基准街道', code: '370782001', districtName: '诸城市' },
    admin: { username: 'admin', displayName: '管理员', password: 'bench12345' },
  });

  // 1. audit: 100,000 entries verified vs hashing the same rows' bytes
  const N = 100_000;
  const db = app.database;
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      appendAudit(db, { userId: 1, username: 'admin' }, { action: 'bench.write', entity: 'member', entityId: i, after: { name: `党员${i}`, n: i } }, new Date());
    }
  })();
  const verify = await time(() => {
    const r = verifyAuditChain(db);
    if (!r.ok) throw new Error('chain broken in bench');
  });
  const hashFloor = await time(() => {
    for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate()) {
      createHash('sha256').update(JSON.stringify(row)).digest('hex');
    }
  });
  add(`audit verify, ${N.toLocaleString('en')} entries (floor: read + sha256 each row)`, verify, hashFloor);

  // 2. backup with the online API vs copying the file
  db.pragma('wal_checkpoint(TRUNCATE)');
  const size = fs.statSync(dbPath).size;
  const backup = await time(() => writeBackup(db, path.join(dir, 'backups', 'b.db')));
  const copy = await time(() => fs.copyFileSync(dbPath, path.join(dir, 'copy.db')));
  add(`backup of a ${(size / 1e6).toFixed(1)} MB database (floor: fs.copyFile)`, backup, copy);
  app.close();

  // 3. a contract call through the worker vs a bare worker message round trip
  const client = await CoreClient.start({
    dbPath,
    workerUrl: new URL('../src/core/worker/tsx-worker.mjs', import.meta.url),
    dailyBackups: false,
  });
  const login = await client.call('auth.login', { username: 'admin', password: 'bench12345' }, null);
  if (!login.ok) throw new Error('bench login failed');
  const token = (login.value as { token: string }).token;
  const samples: number[] = [];
  for (let i = 0; i < 2000; i++) samples.push(await time(() => client.call('street.get', {}, token)));
  await client.close();

  const echo = new Worker("require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m))", { eval: true });
  const floorSamples: number[] = [];
  for (let i = 0; i < 2000; i++) {
    floorSamples.push(
      await time(
        () =>
          new Promise<void>((resolve) => {
            echo.once('message', () => resolve());
            echo.postMessage({ type: 'call', id: i, method: 'street.get', input: {}, token });
          }),
      ),
    );
  }
  await echo.terminate();
  add('contract call street.get via worker, p95 (floor: bare worker echo)', percentile(samples, 95), percentile(floorSamples, 95));
  void session;

  const w = [Math.max(...rows.map((r) => r.what.length), 4), 12, 12, 7];
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i])).join(' | ')} |`;
  console.log(`StreetDesk bench — ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`);
  console.log(line(['measure', 'figure', 'floor', 'ratio']));
  console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const r of rows) console.log(line([r.what, r.figure, r.floor, r.ratio]));
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
