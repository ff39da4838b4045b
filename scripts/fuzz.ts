// `npm run fuzz -- --cases 1000`: the long run of the fuzz corpus (tests/support/hostile.ts). Every case is
// handed to the real CLI in a child process, as a clerk's script would — `import members`, `package
// verify`, `district import` — and restores to the app's own restore (`backup.restore`, run by this script
// in a child of its own: the CLI has no restore command). A case passes when the child exits with the
// input-refused code (1) and a message, prints no stack trace, stays under 500 MB and 30 s, and leaves the
// database as it was (member or package count, and the audit chain verified). A file that is still a good
// one may be read (exit 0): counted as accepted, and the database is put back for the next case.
//
//   npm run fuzz -- --cases 200 [--readers roster,csv,verify,district,restore] [--seed 1] [--jobs 2]
//
// Writes need the admin's password (the CLI is moving onto the dispatcher with --user and
// STREETDESK_PASSWORD): the fuzz databases are set up through the contract with that password, and every
// child gets it in its environment.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { StreetDeskApp } from '../src/core/app';
import { verifyAuditChain } from '../src/core/services/audit';
import {
  goodCsv,
  goodRoster,
  makeSigner,
  namedCsvCases,
  namedPackageCases,
  namedRestoreCases,
  namedRosterCases,
  randomCase,
  rng,
  signedPackage,
  type HostileCase,
  type Reader,
} from '../tests/support/hostile';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'Fuzz2026pass';
const ADMIN = 'admin';
const HANG_MS = 30_000;
const MEMORY_MB = 500;
/** What the CLI exits with when it refuses its input. */
const REFUSED_EXIT = 1;

type Target = 'roster' | 'csv' | 'verify' | 'district' | 'restore';
const READER_OF: Record<Target, Reader> = { roster: 'roster', csv: 'csv', verify: 'package', district: 'package', restore: 'restore' };

interface Outcome {
  kind: 'refused' | 'accepted' | 'crash' | 'hang' | 'memory' | 'changed';
  peakMb: number;
  ms: number;
  detail: string;
}

// ——— the child that restores (the CLI has no restore command) ———

async function restoreChild(dbPath: string, file: string): Promise<number> {
  const app = new StreetDeskApp({ dbPath });
  try {
    const login = await app.call('auth.login', { username: ADMIN, password: process.env.STREETDESK_PASSWORD ?? '' }, null);
    if (!login.ok) throw new Error(`cannot log in: ${login.error.message}`);
    const token = (login.value as { token: string }).token;
    const result = await app.call('backup.restore', { kind: 'upload', fileName: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) }, token);
    process.stdout.write(`${JSON.stringify(result.ok ? { ok: true } : { ok: false, error: { code: result.error.code, message: result.error.message } })}\n`);
    return result.ok ? 0 : REFUSED_EXIT;
  } finally {
    app.close();
  }
}

// ——— running one case ———

function run(args: string[], timeFile: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number; hung: boolean }> {
  const started = Date.now();
  return new Promise((resolve) => {
    // Its own process group, so a hung case is killed with the node under /usr/bin/time, not just time.
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, '--import', 'tsx', ...args], {
      cwd: ROOT,
      env: { ...process.env, STREETDESK_PASSWORD: PASSWORD, STREETDESK_LANG: 'zh-CN' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.length < 4096 && out.push(b));
    child.stderr.on('data', (b: Buffer) => err.length < 4096 && err.push(b));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, HANG_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), ms: Date.now() - started, hung });
    });
  });
}

interface Site {
  db: string;
  pristine: string;
  /** What must not change: members (street) or packages (district), and the audit chain. */
  state(): string;
}

function snapshotOf(db: string, table: string): string {
  const handle = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const n = (handle.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return `${n} ${verifyAuditChain(handle).ok ? 'audit ok' : 'AUDIT BROKEN'}`;
  } finally {
    handle.close();
  }
}

function putBack(site: Site): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${site.db}${suffix}`, { force: true });
  fs.copyFileSync(site.pristine, site.db);
}

async function runCase(target: Target, c: HostileCase, bytes: Uint8Array, site: Site, work: string, n: number): Promise<Outcome> {
  const file = path.join(work, `case-${target}-${n}.${c.ext}`);
  fs.writeFileSync(file, bytes);
  const timeFile = path.join(work, `time-${target}-${n}.txt`);
  const before = site.state();
  const args =
    target === 'roster' || target === 'csv'
      ? ['src/cli/index.ts', 'import', 'members', file, '--db', site.db, '--json', '--create-missing-branches']
      : target === 'verify'
        ? ['src/cli/index.ts', 'package', 'verify', file, '--db', site.db, '--json']
        : target === 'district'
          ? ['src/cli/index.ts', 'district', 'import', file, '--db', site.db, '--json']
          : ['scripts/fuzz.ts', '--child-restore', site.db, file];
  const r = await run(args, timeFile);
  fs.rmSync(file, { force: true });
  let peakMb = 0;
  let timeReport = '';
  try {
    // GNU time writes "Command terminated by signal N" (or "exited with non-zero status N") above the figure.
    timeReport = fs.readFileSync(timeFile, 'utf8');
    peakMb = Math.round(Number(timeReport.trim().split('\n').pop()) / 1024);
  } catch {
    // killed before time wrote it
  }
  fs.rmSync(timeFile, { force: true });
  const out = `${r.stdout}\n${r.stderr}`;
  const detail = out.replace(/\s+/g, ' ').trim().slice(0, 240);
  const done = (kind: Outcome['kind'], why = detail): Outcome => ({ kind, peakMb, ms: r.ms, detail: why });
  if (r.hung) return done('hang', `over ${HANG_MS / 1000} s`);
  if (peakMb > MEMORY_MB) return done('memory', `${peakMb} MB`);
  // /usr/bin/time reports a child killed by a signal on stderr; its own exit code then is 128+n.
  if (/terminated by signal/.test(timeReport)) return done('crash', `${timeReport.split('\n')[0]}: ${detail}`);
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(out) || /"code":"INTERNAL"/.test(r.stdout)) return done('crash');
  type Answer = { ok?: boolean; error?: { code?: string } };
  let json: Answer | null;
  try {
    json = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Answer;
  } catch {
    return done('crash', `no JSON answer: ${detail}`);
  }
  if (r.code === 0 && json?.ok !== false) {
    putBack(site);
    return done('accepted');
  }
  if (r.code !== REFUSED_EXIT || json?.ok !== false) return done('crash', `exit ${r.code}: ${detail}`);
  const after = site.state();
  if (after !== before) {
    // Some rows of a damaged-but-readable roster may have gone in beside the refused ones: the import is
    // all-or-nothing per row, not per file. Counted apart (and put back) when the audit chain holds.
    putBack(site);
    return after.endsWith('audit ok') && (target === 'roster' || target === 'csv') ? done('accepted', `rows taken: ${before} → ${after}`) : done('changed', `${before} → ${after}`);
  }
  return done('refused');
}

// ——— setting up ———

async function makeStreet(work: string): Promise<Site> {
  const db = path.join(work, 'street.db');
  const app = new StreetDeskApp({ dbPath: db });
  await app.invoke('setup.initialize', { street: { name: '模糊测试街道', code: '370782001000', districtName: '诸城市' }, admin: { username: ADMIN, displayName: '管理员', password: PASSWORD } });
  app.close();
  const pristine = path.join(work, 'street.pristine.db');
  fs.copyFileSync(db, pristine);
  return { db, pristine, state: () => snapshotOf(db, 'members') };
}

async function makeDistrict(work: string): Promise<Site> {
  const db = path.join(work, 'district.db');
  const app = new StreetDeskApp({ dbPath: db });
  await app.invoke('setup.initializeDistrict', { district: { name: '诸城市', code: '370782' }, admin: { username: ADMIN, displayName: '管理员', password: PASSWORD } });
  app.close();
  const pristine = path.join(work, 'district.pristine.db');
  fs.copyFileSync(db, pristine);
  return { db, pristine, state: () => snapshotOf(db, 'district_packages') };
}

// ——— the run ———

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { cases: { type: 'string', default: '100' }, readers: { type: 'string', default: 'roster,csv,verify,district,restore' }, seed: { type: 'string', default: '1' }, jobs: { type: 'string', default: '2' }, 'child-restore': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const total = Number(values.cases);
  const jobs = Math.max(1, Number(values.jobs));
  const targets = String(values.readers).split(',') as Target[];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-fuzz-'));
  const street = await makeStreet(work);
  const district = await makeDistrict(work);
  const bases = { roster: goodRoster(), csv: new TextEncoder().encode(goodCsv()), package: signedPackage(makeSigner()), restore: new Uint8Array(fs.readFileSync(street.pristine)) };
  const named: Record<Reader, HostileCase[]> = { roster: namedRosterCases(), csv: namedCsvCases(), package: namedPackageCases(), restore: namedRestoreCases() };
  const table: string[][] = [];
  const failures: string[] = [];
  for (const target of targets) {
    const reader = READER_OF[target];
    const random = rng(Number(values.seed) * 1000 + targets.indexOf(target));
    const cases = [...named[reader]];
    while (cases.length < total) cases.push(randomCase(reader, random, bases));
    cases.length = Math.min(cases.length, Math.max(total, named[reader].length));
    // Parallel children would share one database: each job gets its own copy of the site.
    const sites = await Promise.all(
      Array.from({ length: jobs }, async (_, j) => {
        const base = target === 'district' ? district : street;
        const db = path.join(work, `${target}-${j}.db`);
        fs.copyFileSync(base.pristine, db);
        const table = target === 'district' ? 'district_packages' : 'members';
        return { db, pristine: base.pristine, state: () => snapshotOf(db, table) } satisfies Site;
      }),
    );
    const outcomes: Outcome[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(
      sites.map(async (site) => {
        while (next < cases.length) {
          const n = next++;
          const c = cases[n];
          const outcome = await runCase(target, c, c.make(), site, work, n);
          outcomes.push(outcome);
          if (outcome.kind !== 'refused' && outcome.kind !== 'accepted') failures.push(`${target} #${n} ${c.name}: ${outcome.kind} — ${outcome.detail}`);
          if ((n + 1) % 25 === 0) process.stderr.write(`${target}: ${n + 1}/${cases.length}\n`);
        }
      }),
    );
    const by = (k: Outcome['kind']) => String(outcomes.filter((o) => o.kind === k).length);
    table.push([
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
      `${Math.round((Date.now() - started) / 1000)} s`,
    ]);
  }
  const head = ['reader', 'cases', 'refused cleanly', 'accepted (still good)', 'crashes', 'hangs (>30 s)', 'over 500 MB', 'db changed', 'peak memory', 'slowest', 'wall'];
  const rows = [head, ...table];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(`${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${table.map(line).join('\n')}\n`);
  if (failures.length) process.stdout.write(`\nFailures:\n${failures.join('\n')}\n`);
  fs.rmSync(work, { recursive: true, force: true });
  process.exitCode = failures.length ? 1 : 0;
}

if (process.argv.includes('--child-restore')) {
  const [db, file] = process.argv.slice(process.argv.indexOf('--child-restore') + 1);
  restoreChild(db, file).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 70;
    },
  );
} else {
  await main();
}
