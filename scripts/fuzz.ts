// `npm run fuzz -- --cases 1000`: the long run of the fuzz corpus (tests/support/hostile.ts and
// hostile-http.ts), every reader of outside input:
//   roster, csv   `import members FILE` (.xlsx, CSV)        verify    `package verify FILE`
//   district      `district import FILE`                    restore   backup.restore through the contract
//   upload        the district's upload endpoint over HTTP   host      any request to a running browser host
// A file case passes when the command exits with the input-refused code (1) and a message, prints no stack
// trace, stays under 500 MB and 30 s, and leaves the database as it was (member or package count and the
// audit head each case; the whole audit chain verified every 20th case and at the end). A file that is still
// a good one may be read (exit 0): counted as accepted, and the database is put back for the next case.
// A request case passes when the host answers it without a 5xx or a stack trace (a request the client
// cut short is owed no answer), stays under 500 MB and 30 s, is still alive and answers a normal call after
// it, and no package got in by it.
//
//   npm run fuzz -- --cases 200 [--readers roster,csv,verify,district,restore,upload,host] [--seed 1] [--jobs 2] [--verbose]
//
// Speed: the CLI is built once into plain JS (esbuild, out/fuzz/) and the file cases run on a pool of
// `--jobs` long-lived processes (scripts/fuzz-worker.ts), each running one case at a time through the CLI's
// own runCli: a tsx process per case took 3 s, mostly compiling. A case that crashes or hangs its process
// is seen as such, and a fresh process takes the next case.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { StreetDeskApp } from '../src/core/app';
import { verifyAuditChain } from '../src/core/services/audit';
import { seedDemo } from '../src/core/services/seed-demo';
import { goodCsv, goodRoster, makeSigner, namedCsvCases, namedPackageCases, namedRestoreCases, namedRosterCases, randomCase, rng, signedPackage, type HostileCase, type Reader } from '../tests/support/hostile';
import { namedHostCases, namedUploadCases, normalCall, randomHttpCase, sendRaw, type HttpCase, type HttpReader } from '../tests/support/hostile-http';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'Fuzz2026pass';
const ADMIN = 'admin';
const HANG_MS = 30_000;
const MEMORY_MB = 500;
/** What the CLI exits with when it refuses its input. */
const REFUSED_EXIT = 1;
/** The whole audit chain is verified every this many cases (and at the end); the head every case. */
const VERIFY_EVERY = 20;

type FileTarget = 'roster' | 'csv' | 'verify' | 'district' | 'restore';
type Target = FileTarget | HttpReader;
const ALL: Target[] = ['roster', 'csv', 'verify', 'district', 'restore', 'upload', 'host'];
const READER_OF: Record<FileTarget, Reader> = { roster: 'roster', csv: 'csv', verify: 'package', district: 'package', restore: 'restore' };

interface Outcome {
  kind: 'refused' | 'accepted' | 'crash' | 'hang' | 'memory' | 'changed';
  peakMb: number;
  ms: number;
  detail: string;
}

const STACK = /\n\s+at .+:\d+:\d+\)?(\n|$)/;

// ——— the pool of CLI processes ———

const WORKER = path.join(ROOT, 'out/fuzz/fuzz-worker.mjs');

function buildWorker(): void {
  // Packages stay outside (better-sqlite3 is native); the bundle sits under the repository so they resolve.
  buildSync({ entryPoints: [path.join(ROOT, 'scripts/fuzz-worker.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', outfile: WORKER, logLevel: 'warning' });
}

interface Answer {
  id: number;
  code: number;
  out: string;
  err: string;
  peakKb: number;
  ms: number;
  /** What the process holds after the case: past RESTART_KB it is replaced before the next. */
  rssKb: number;
}

/** A process holding this much after a case (V8 keeps what it grew to) is replaced, so peaks stay per case. */
const RESTART_KB = 250 * 1024;

type Job = { argv: string[] } | { restore: { db: string; file: string } };

class Worker {
  private child: ChildProcess | null = null;
  private waiting: { id: number; resolve: (a: Answer | { dead: string }) => void } | null = null;
  private stderr = '';
  private next = 1;

  private start(): ChildProcess {
    const child = spawn(process.execPath, ['--expose-gc', WORKER], {
      cwd: ROOT,
      env: { ...process.env, STREETDESK_CLI_AS_LIBRARY: '1', STREETDESK_PASSWORD: PASSWORD, STREETDESK_LANG: 'zh-CN' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.stderr = '';
    child.stderr!.on('data', (b: Buffer) => (this.stderr = (this.stderr + b.toString()).slice(-4000)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let a: Answer;
      try {
        a = JSON.parse(line) as Answer;
      } catch {
        return; // something printed outside a case's capture: not an answer
      }
      if (this.waiting?.id === a.id) {
        const w = this.waiting;
        this.waiting = null;
        if (a.rssKb > RESTART_KB) this.stop();
        w.resolve(a);
      }
    });
    child.on('exit', (code, signal) => {
      // A process replaced on purpose (stopped, or killed as hung) is no longer the one a case waits on.
      if (this.child !== child) return;
      this.child = null;
      const w = this.waiting;
      this.waiting = null;
      w?.resolve({ dead: `the process ended (${signal ?? `exit ${code}`}): ${this.stderr.replace(/\s+/g, ' ').slice(-300)}` });
    });
    return child;
  }

  run(job: Job): Promise<Answer | { dead: string } | { hung: true }> {
    this.child ??= this.start();
    const child = this.child;
    const id = this.next++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        this.child = null;
        child.kill('SIGKILL');
        resolve({ hung: true });
      }, HANG_MS);
      this.waiting = {
        id,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      };
      child.stdin!.write(`${JSON.stringify({ id, ...job })}\n`);
    });
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }
}

// ——— the databases ———

interface Site {
  db: string;
  pristine: string;
  table: string;
}

/** The count that must not change and the audit head: cheap enough for every case. */
function headOf(db: string, table: string): string {
  const handle = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const n = (handle.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const head = handle.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
    return `${n} ${head ? `${head.id}:${head.hash.slice(0, 12)}` : 'no audit'}`;
  } finally {
    handle.close();
  }
}

function chainHolds(db: string): boolean {
  const handle = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return verifyAuditChain(handle).ok;
  } finally {
    handle.close();
  }
}

function putBack(site: Site): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${site.db}${suffix}`, { force: true });
  fs.copyFileSync(site.pristine, site.db);
}

async function makeStreet(work: string, members = 0): Promise<{ db: string; app: StreetDeskApp; token: string }> {
  const db = path.join(work, `street-${members}.db`);
  const app = new StreetDeskApp({ dbPath: db });
  const { token } = await app.invoke('setup.initialize', { street: { name: '东华门街道', code: '110101001000', districtName: '东城区' }, admin: { username: ADMIN, displayName: '管理员', password: PASSWORD } });
  if (members > 0) app.database.transaction(() => seedDemo(app.database, { members, seed: 7 }, new Date()))();
  return { db, app, token };
}

async function makeDistrict(work: string): Promise<{ db: string; app: StreetDeskApp; token: string }> {
  const db = path.join(work, 'district.db');
  const app = new StreetDeskApp({ dbPath: db });
  const { token } = await app.invoke('setup.initializeDistrict', { district: { name: '东城区', code: '110101' }, admin: { username: ADMIN, displayName: '管理员', password: PASSWORD } });
  return { db, app, token };
}

/**
 * A district that trusts one street and has given it an upload token, and a package that street built (the
 * base the random upload cases spoil). The previous month is the one a street may build.
 */
async function makeExchange(work: string): Promise<{ district: string; token: string; streetCode: string; goodPackage: Uint8Array }> {
  const s = await makeStreet(work, 10);
  const d = await makeDistrict(work);
  const key = await s.app.invoke('exchange.exportKey', {}, s.token);
  await d.app.invoke('exchange.trustKey', { keyFile: key.text, streetCode: '110101001000' }, d.token);
  const now = new Date();
  const prev = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const period = `${prev.getFullYear()}-${String(prev.getMonth() + 1).padStart(2, '0')}`;
  await s.app.invoke('returns.check', { period }, s.token);
  await s.app.invoke('returns.finalize', { period }, s.token);
  const built = await s.app.invoke('returns.build', { period, encrypt: false, unencrypted: true }, s.token);
  const { token } = await d.app.invoke('district.issueToken', { streetCode: '110101001000' }, d.token);
  s.app.close();
  d.app.close();
  return { district: d.db, token, streetCode: '110101001000', goodPackage: built.bytes };
}

// ——— a file case ———

async function runFileCase(target: FileTarget, c: HostileCase, site: Site, worker: Worker, work: string, n: number, fullCheck: boolean): Promise<Outcome> {
  const file = path.join(work, `case-${target}-${n}-${process.pid}.${c.ext}`);
  fs.writeFileSync(file, c.make());
  const before = headOf(site.db, site.table);
  const job: Job =
    target === 'roster' || target === 'csv'
      ? { argv: ['import', 'members', file, '--db', site.db, '--json', '--create-missing-branches'] }
      : target === 'verify'
        ? { argv: ['package', 'verify', file, '--db', site.db, '--json'] }
        : target === 'district'
          ? { argv: ['district', 'import', file, '--db', site.db, '--json'] }
          : { restore: { db: site.db, file } };
  const started = performance.now();
  const r = await worker.run(job);
  fs.rmSync(file, { force: true });
  const ms = performance.now() - started;
  if ('hung' in r) {
    putBack(site);
    return { kind: 'hang', peakMb: 0, ms, detail: `over ${HANG_MS / 1000} s` };
  }
  if ('dead' in r) {
    putBack(site);
    return { kind: 'crash', peakMb: 0, ms, detail: r.dead };
  }
  const peakMb = Math.round(r.peakKb / 1024);
  const out = `${r.out}\n${r.err}`;
  const detail = out.replace(/\s+/g, ' ').trim().slice(0, 240);
  const done = (kind: Outcome['kind'], why = detail): Outcome => ({ kind, peakMb, ms: r.ms, detail: why });
  if (peakMb > MEMORY_MB) return done('memory', `${peakMb} MB`);
  if (r.ms > HANG_MS) return done('hang', `${Math.round(r.ms / 1000)} s`);
  if (STACK.test(out) || /"code":"INTERNAL"/.test(r.out)) return done('crash');
  type Reply = { ok?: boolean; error?: { code?: string; message?: string }; message?: string; files?: { message?: string }[]; rejected?: { message?: string }[] };
  let json: Reply | null;
  try {
    json = JSON.parse(r.out.trim().split('\n').pop() ?? '') as Reply;
  } catch {
    return done('crash', `no JSON answer: ${detail}`);
  }
  if (r.code === 0 && json?.ok !== false) {
    putBack(site);
    return done('accepted');
  }
  if (r.code !== REFUSED_EXIT || json?.ok !== false) return done('crash', `exit ${r.code}: ${detail}`);
  // A refusal says why: an error message, or the reason of each file (district import) or row (import).
  const said = json.error?.message ?? json.message ?? (json.files ?? json.rejected)?.map((f) => f.message ?? '').join('') ?? '';
  if (!said.trim()) return done('crash', `refused without a message: ${detail}`);
  const after = headOf(site.db, site.table);
  // A refusal may be logged (a refused restore or package is): the audit head then moves, and the whole
  // chain is verified at once rather than at the next 20th case.
  const chainOk = !fullCheck && after === before ? true : chainHolds(site.db);
  const count = (state: string) => state.split(' ')[0];
  if (count(after) !== count(before) || !chainOk) {
    // Some rows of a damaged-but-readable roster may have gone in beside the refused ones: the import is
    // all-or-nothing per row, not per file. Counted apart (and put back) when the audit chain holds.
    putBack(site);
    return chainOk && (target === 'roster' || target === 'csv') ? done('accepted', `rows taken: ${before} → ${after}`) : done('changed', `${before} → ${after}${chainOk ? '' : ' AUDIT BROKEN'}`);
  }
  // The next case starts from the database as it is: a logged refusal stays (it is what the app keeps).
  return done('refused');
}

// ——— the host and its request cases ———

interface Host {
  child: ChildProcess;
  port: number;
  address: string;
  alive(): boolean;
  stop(): void;
}

async function startHostProcess(db: string, work: string): Promise<Host> {
  let renderer = path.join(ROOT, 'out/renderer');
  if (!fs.existsSync(path.join(renderer, 'index.html'))) {
    renderer = path.join(work, 'renderer');
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>街道党建工作台</title></head><body><div id="root"></div></body></html>');
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/fuzz-host.ts'), db, renderer], {
    cwd: ROOT,
    env: { ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const port = await new Promise<number>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`the host did not start: ${said}`)), 60_000);
    const hear = (b: Buffer) => {
      said += b.toString();
      const m = /serving http:\/\/127\.0\.0\.1:(\d+)/.exec(said);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', hear);
    child.stderr!.on('data', hear);
    child.on('exit', (code) => reject(new Error(`the host ended at start (exit ${code}): ${said}`)));
  });
  return { child, port, address: `127.0.0.1:${port}`, alive: () => !exited && child.exitCode === null, stop: () => child.kill('SIGTERM') };
}

function hostPeak(pid: number, reset: boolean): number {
  try {
    if (reset) fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function runHttpCase(c: HttpCase, host: Host, target: { host: string; token: string; streetCode: string }, db: string, named: boolean, fullCheck: boolean): Promise<Outcome> {
  const before = headOf(db, 'district_packages').split(' ')[0];
  hostPeak(host.child.pid!, true);
  const started = performance.now();
  const answer = await sendRaw(host.port, c.make(target), { cut: c.cut, waitMs: named ? 25_000 : 3_000 });
  const ms = performance.now() - started;
  // After every case a normal call must be answered: the host holds, and another client is not starved.
  const normal = host.alive() ? await sendRaw(host.port, [normalCall(target.host)], { waitMs: HANG_MS }) : null;
  const peakMb = hostPeak(host.child.pid!, false);
  const detail = `${answer.status ?? 'no answer'} ${answer.body.replace(/\s+/g, ' ').slice(0, 200)}`;
  const done = (kind: Outcome['kind'], why = detail): Outcome => ({ kind, peakMb, ms, detail: why });
  if (!host.alive()) return done('crash', `the host died: ${detail}`);
  if (!normal || normal.status !== 200 || !/"ok":true/.test(normal.body)) return done(normal && normal.ms >= HANG_MS ? 'hang' : 'crash', `a normal call after it answered ${normal?.status ?? 'nothing'}: ${normal?.body.slice(0, 200)}`);
  if (peakMb > MEMORY_MB) return done('memory', `${peakMb} MB`);
  if (ms > HANG_MS) return done('hang');
  if (answer.status !== null && answer.status >= 500) return done('crash');
  if (STACK.test(answer.body) || /"code":"INTERNAL"/.test(answer.body)) return done('crash');
  if (named && !c.cut && answer.status === null) return done('crash', 'a whole request got no answer');
  const after = headOf(db, 'district_packages').split(' ')[0];
  if (fullCheck && !chainHolds(db)) return done('changed', 'AUDIT BROKEN');
  if (answer.status === 200 && c.reader === 'upload') return done('accepted', `a package still good: ${detail}`);
  if (after !== before) return done('changed', `packages ${before} → ${after} without a 200`);
  return done('refused');
}

// ——— the run ———

function tableOf(rows: string[][]): string {
  const head = ['reader', 'cases', 'refused cleanly', 'accepted (still good)', 'crashes', 'hangs (>30 s)', 'over 500 MB', 'db changed', 'peak memory', 'slowest', 'per case', 'wall'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return `${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}\n`;
}

function summary(target: string, outcomes: Outcome[], wallMs: number): string[] {
  const by = (k: Outcome['kind']) => String(outcomes.filter((o) => o.kind === k).length);
  return [
    target,
    String(outcomes.length),
    by('refused'),
    by('accepted'),
    by('crash'),
    by('hang'),
    by('memory'),
    by('changed'),
    `${Math.max(0, ...outcomes.map((o) => o.peakMb))} MB`,
    `${(Math.max(0, ...outcomes.map((o) => o.ms)) / 1000).toFixed(1)} s`,
    `${Math.round(wallMs / Math.max(1, outcomes.length))} ms`,
    `${Math.round(wallMs / 1000)} s`,
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { cases: { type: 'string', default: '100' }, readers: { type: 'string', default: ALL.join(',') }, seed: { type: 'string', default: '1' }, jobs: { type: 'string', default: '2' }, verbose: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const total = Number(values.cases);
  const jobs = Math.max(1, Number(values.jobs));
  const targets = String(values.readers).split(',') as Target[];
  for (const t of targets) if (!ALL.includes(t)) throw new Error(`unknown reader "${t}": one of ${ALL.join(', ')}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-fuzz-'));
  const built = performance.now();
  buildWorker();
  process.stderr.write(`built the CLI for the workers in ${Math.round(performance.now() - built)} ms\n`);
  const street = await makeStreet(work);
  street.app.close();
  const district = await makeDistrict(work);
  district.app.close();
  const pristine = { street: `${street.db}.pristine`, district: `${district.db}.pristine` };
  fs.copyFileSync(street.db, pristine.street);
  fs.copyFileSync(district.db, pristine.district);
  const bases = { roster: goodRoster(), csv: new TextEncoder().encode(goodCsv()), package: signedPackage(makeSigner()), restore: new Uint8Array(fs.readFileSync(pristine.street)) };
  const named: Record<Reader, HostileCase[]> = { roster: namedRosterCases(), csv: namedCsvCases(), package: namedPackageCases(), restore: namedRestoreCases() };
  const table: string[][] = [];
  const failures: string[] = [];
  const workers = Array.from({ length: jobs }, () => new Worker());
  try {
    for (const target of targets) {
      const random = rng(Number(values.seed) * 1000 + ALL.indexOf(target));
      const outcomes: Outcome[] = [];
      const started = performance.now();
      const note = (n: number, length: number, name: string, o: Outcome) => {
        outcomes.push(o);
        if (o.kind !== 'refused' && o.kind !== 'accepted') failures.push(`${target} #${n} ${name}: ${o.kind} — ${o.detail}`);
        if (values.verbose) process.stderr.write(`${target} #${n} ${name}: ${o.kind} ${Math.round(o.ms)} ms ${o.peakMb} MB — ${o.detail.slice(0, 160)}\n`);
        if (outcomes.length % 25 === 0) process.stderr.write(`${target}: ${outcomes.length}/${length}\n`);
      };
      if (target === 'upload' || target === 'host') {
        const exchange = await makeExchange(path.join(work, target === 'upload' ? 'up' : 'host'));
        const namedCases = target === 'upload' ? namedUploadCases(namedPackageCases()) : namedHostCases();
        const cases = [...namedCases];
        while (cases.length < total) cases.push(randomHttpCase(target, random, exchange.goodPackage));
        const host = await startHostProcess(exchange.district, work);
        try {
          const t = { host: host.address, token: exchange.token, streetCode: exchange.streetCode };
          // One request at a time: each case's memory and the normal call after it are its own.
          for (const [n, c] of cases.entries()) note(n, cases.length, c.name, await runHttpCase(c, host, t, exchange.district, n < namedCases.length, (n + 1) % VERIFY_EVERY === 0 || n === cases.length - 1));
        } finally {
          host.stop();
        }
      } else {
        const reader = READER_OF[target];
        const cases = [...named[reader]];
        while (cases.length < total) cases.push(randomCase(reader, random, bases));
        // Each worker its own copy of the database: the cases of two workers never meet in one file.
        const sites: Site[] = workers.map((_, j) => {
          const from = target === 'district' ? pristine.district : pristine.street;
          // Its own folder too: a restore's temporary files live beside the database, and an app's start
          // clears the ones it finds there (services/leftovers.ts) — one app owns a folder at a time.
          const folder = path.join(work, `${target}-${j}`);
          fs.mkdirSync(folder, { recursive: true });
          const db = path.join(folder, 'streetdesk.db');
          fs.copyFileSync(from, db);
          return { db, pristine: from, table: target === 'district' ? 'district_packages' : 'members' };
        });
        let next = 0;
        await Promise.all(
          workers.map(async (worker, j) => {
            while (next < cases.length) {
              const n = next++;
              const full = (n + 1) % VERIFY_EVERY === 0 || n >= cases.length - jobs;
              note(n, cases.length, cases[n].name, await runFileCase(target, cases[n], sites[j], worker, work, n, full));
            }
          }),
        );
      }
      table.push(summary(target, outcomes, performance.now() - started));
    }
  } finally {
    for (const w of workers) w.stop();
  }
  process.stdout.write(tableOf(table));
  if (failures.length) process.stdout.write(`\nFailures:\n${failures.join('\n')}\n`);
  fs.rmSync(work, { recursive: true, force: true });
  process.exitCode = failures.length ? 1 : 0;
}

await main();
