// `npm run crash-test`: each long operation run by the real CLI and killed with SIGKILL at random moments
// (20 by default), then checked the way a clerk's next morning would find it: SQLite's integrity check
// passes, the operation happened wholly or not at all (its count is the one before or the one after,
// never between), the audit chain verifies, the app opens the database, and after that start no partial
// file, -journal or temporary copy is left anywhere. Prints a table; tests/core/crash.test.ts runs a few.
//   npm run crash-test -- --kills 20 --rows 20000 [--only import,backup] [--seed 7]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { StreetDeskApp } from '../src/core/app';
import { verifyAuditChain } from '../src/core/services/audit';
import { writeBackup } from '../src/core/services/backup';
import { seedDemo } from '../src/core/services/seed-demo';
import { BRANCHES, writeBigRoster } from '../tests/support/big-roster';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
/** The administrator of every test database; the CLI's writes read it from STREETDESK_PASSWORD. */
export const CRASH_PASSWORD = 'Crash2026pass';
const ADMIN = { username: 'admin', displayName: '王管理', password: CRASH_PASSWORD };
const STREET = { name: '东华门街道', code: '110101001000', districtName: '东城区' };
const DISTRICT = { name: '东城区', code: '110101' };
const PERIOD = '2026-10';
/** Names a kill may leave and the next start must have cleared. */
const LEFTOVER = /\.partial($|-)|\.part$|\.tmp$|-journal$|\.previous$|\.restoring$|^restore-check-/;

/** One operation under test: a database to start from, the command, and the count that shows it happened. */
interface Prepared {
  /** A folder holding `db` (closed cleanly) and whatever the command reads. */
  template: string;
  db: string;
  /** The child's arguments for a copy of the template in `run`. */
  command(run: string): string[];
  /** What the operation changes, read from the database file. */
  count(db: SqliteDatabase.Database): number | string;
  /**
   * A moment too short for a random kill to find (the package stored, its file not yet written): some of the
   * kills are aimed at it, the child killed as soon as this reads true of its database (polled every 2 ms).
   */
  aimAt?(db: SqliteDatabase.Database): boolean;
  /** What else the next start must find, read after it (each problem as a sentence). */
  afterStart?(run: string, db: SqliteDatabase.Database): string[];
}

export interface CrashOperation {
  name: string;
  prepare(work: string, rows: number): Promise<Prepared>;
}

const cli = (...args: string[]) => ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/index.ts'), ...args, '--json'];
const scalar = (db: SqliteDatabase.Database, sql: string) => (db.prepare(sql).pluck().get() as number | string | undefined) ?? 'none';

async function street(dir: string, members: number): Promise<{ app: StreetDeskApp; token: string; dbPath: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, 'streetdesk.db');
  const app = new StreetDeskApp({ dbPath });
  const { token } = await app.invoke('setup.initialize', { street: STREET, admin: ADMIN });
  if (members > 0) app.database.transaction(() => seedDemo(app.database, { members, seed: 7 }, new Date()))();
  return { app, token, dbPath };
}

export const OPERATIONS: CrashOperation[] = [
  {
    name: 'import',
    async prepare(work, rows) {
      const template = path.join(work, 'template');
      const s = await street(template, 0);
      const root = (await s.app.invoke('orgs.tree', {}, s.token))[0];
      for (const name of BRANCHES) await s.app.invoke('orgs.create', { parentId: root.id, name, level: 'branch' }, s.token);
      s.app.close();
      await writeBigRoster(path.join(template, 'roster.xlsx'), rows);
      return {
        template,
        db: 'streetdesk.db',
        command: (run) => cli('--db', path.join(run, 'streetdesk.db'), 'import', 'members', path.join(run, 'roster.xlsx')),
        count: (db) => scalar(db, 'SELECT count(*) FROM members'),
      };
    },
  },
  {
    name: 'return finalize',
    async prepare(work, rows) {
      const template = path.join(work, 'template');
      const s = await street(template, Math.min(rows, 20_000));
      await s.app.invoke('returns.check', { period: PERIOD }, s.token);
      s.app.close();
      return {
        template,
        db: 'streetdesk.db',
        command: (run) => cli('--db', path.join(run, 'streetdesk.db'), 'return', 'finalize', '--period', PERIOD),
        count: (db) => scalar(db, `SELECT state FROM returns WHERE period = '${PERIOD}'`),
      };
    },
  },
  {
    name: 'return build',
    async prepare(work, rows) {
      const template = path.join(work, 'template');
      const s = await street(template, Math.min(rows, 20_000));
      await s.app.invoke('returns.check', { period: PERIOD }, s.token);
      await s.app.invoke('returns.finalize', { period: PERIOD }, s.token);
      s.app.close();
      fs.mkdirSync(path.join(template, 'out'));
      return {
        template,
        db: 'streetdesk.db',
        command: (run) => cli('--db', path.join(run, 'streetdesk.db'), 'return', 'build', '--period', PERIOD, '--out', path.join(run, 'out'), '--unencrypted'),
        count: (db) => scalar(db, 'SELECT count(*) FROM return_packages'),
        aimAt: (db) => Number(scalar(db, 'SELECT count(*) FROM return_packages')) > 0,
        // A stored package has its file in out/ (written by the next start if the kill came between), the
        // very bytes of the row; no stored package, no file.
        afterStart(run, db) {
          const rows = db.prepare('SELECT file_name, sha256 FROM return_packages').all() as { file_name: string; sha256: string }[];
          const files = fs.readdirSync(path.join(run, 'out'));
          const problems: string[] = [];
          for (const r of rows) {
            const file = path.join(run, 'out', r.file_name);
            if (!fs.existsSync(file)) problems.push(`package row ${r.file_name} has no file in out/`);
            else if (createHash('sha256').update(fs.readFileSync(file)).digest('hex') !== r.sha256) problems.push(`out/${r.file_name} differs from its row`);
          }
          const orphans = files.filter((f) => !rows.some((r) => r.file_name === f));
          if (orphans.length) problems.push(`files in out/ without a row: ${orphans.join(', ')}`);
          return problems;
        },
      };
    },
  },
  {
    name: 'backup',
    async prepare(work, rows) {
      const template = path.join(work, 'template');
      const s = await street(template, Math.min(rows, 20_000));
      s.app.close();
      fs.mkdirSync(path.join(template, 'out'));
      return {
        template,
        db: 'streetdesk.db',
        command: (run) => cli('--db', path.join(run, 'streetdesk.db'), 'backup', '--out', path.join(run, 'out', 'copy.db')),
        // A backup changes the database by its audit entry only: the entry is there or not, and the copy
        // beside it is either whole or absent (checked in `extra`).
        count: (db) => scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'backup.create'"),
      };
    },
  },
  {
    name: 'restore',
    async prepare(work, rows) {
      const template = path.join(work, 'template');
      const s = await street(template, 0);
      fs.mkdirSync(path.join(template, 'backups'));
      // The backup holds the street before its members came: a restore takes the count back to 0.
      await writeBackup(s.app.sqlite, path.join(template, 'backups', 'streetdesk-manual-2026-11-01-090000.db'));
      s.app.database.transaction(() => seedDemo(s.app.database, { members: Math.min(rows, 20_000), seed: 7 }, new Date()))();
      s.app.close();
      return {
        template,
        db: 'streetdesk.db',
        command: (run) => ['--import', 'tsx', SELF, '--restore-child', path.join(run, 'streetdesk.db'), 'streetdesk-manual-2026-11-01-090000.db'],
        count: (db) => scalar(db, 'SELECT count(*) FROM members'),
      };
    },
  },
  {
    name: 'district import',
    async prepare(work, rows) {
      const s = await street(path.join(work, 'street'), Math.min(rows, 20_000));
      const template = path.join(work, 'template');
      fs.mkdirSync(template, { recursive: true });
      const district = new StreetDeskApp({ dbPath: path.join(template, 'district.db') });
      const d = await district.invoke('setup.initializeDistrict', { district: DISTRICT, admin: ADMIN });
      const streetKey = await s.app.invoke('exchange.exportKey', {}, s.token);
      await district.invoke('exchange.trustKey', { keyFile: streetKey.text, streetCode: STREET.code }, d.token);
      await s.app.invoke('returns.check', { period: PERIOD }, s.token);
      await s.app.invoke('returns.finalize', { period: PERIOD }, s.token);
      const built = await s.app.invoke('returns.build', { period: PERIOD, encrypt: false, unencrypted: true }, s.token);
      s.app.close();
      district.close();
      fs.mkdirSync(path.join(template, 'in'));
      fs.writeFileSync(path.join(template, 'in', built.package.fileName), built.bytes);
      return {
        template,
        db: 'district.db',
        command: (run) => cli('--db', path.join(run, 'district.db'), 'district', 'import', path.join(run, 'in')),
        count: (db) => scalar(db, 'SELECT count(*) FROM district_packages'),
      };
    },
  },
];

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, STREETDESK_PASSWORD: CRASH_PASSWORD, STREETDESK_LANG: 'en' };
  delete env.STREETDESK_KEY_DIR;
  return env;
}

/** Runs the child; kills it after `killAfterMs` (if given). Answers how it ended and how long it ran. */
function runChild(args: string[], killAfterMs: number | null, aim?: () => boolean): Promise<{ killed: boolean; code: number | null; ms: number; stderr: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: childEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let killed = false;
    const timer = killAfterMs === null ? null : setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, killAfterMs);
    const poll = aim
      ? setInterval(() => {
          if (aim()) killed = child.kill('SIGKILL');
        }, 2)
      : null;
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      resolve({ killed: killed && code === null, code, ms: performance.now() - started, stderr });
    });
  });
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** A read-only look at the child's database while it runs (WAL: readers never block the writer). */
function watch(dbPath: string, aim: (db: SqliteDatabase.Database) => boolean): { hit: () => boolean; close: () => void } {
  let db: SqliteDatabase.Database | null = null;
  return {
    hit() {
      try {
        db ??= new SqliteDatabase(dbPath, { readonly: true, fileMustExist: true });
        return aim(db);
      } catch {
        return false; // not opened yet, or busy for a moment
      }
    },
    close: () => db?.close(),
  };
}

/** What the morning after finds; each problem as a sentence. */
function check(run: string, p: Prepared, allowed: Set<string>): string[] {
  const problems: string[] = [];
  const dbPath = path.join(run, p.db);
  try {
    const raw = new SqliteDatabase(dbPath);
    try {
      const integrity = raw.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
      const seen = String(p.count(raw));
      if (!allowed.has(seen)) problems.push(`count ${seen} is neither ${[...allowed].join(' nor ')}`);
    } finally {
      raw.close();
    }
  } catch (err) {
    problems.push(`the file does not open: ${(err as Error).message}`);
    return problems;
  }
  try {
    const app = new StreetDeskApp({ dbPath });
    try {
      const audit = verifyAuditChain(app.database);
      if (!audit.ok) problems.push(`audit verify: ${JSON.stringify(audit.firstBroken)}`);
      if (p.afterStart) problems.push(...p.afterStart(run, app.sqlite));
    } finally {
      app.close();
    }
  } catch (err) {
    problems.push(`the app does not open it: ${(err as Error).message}`);
  }
  const left = walk(run).filter((f) => LEFTOVER.test(path.basename(f)));
  if (left.length) problems.push(`left after the next start: ${left.map((f) => path.relative(run, f)).join(', ')}`);
  // A backup under its real name must be whole.
  const copy = path.join(run, 'out', 'copy.db');
  if (fs.existsSync(copy)) {
    const b = new SqliteDatabase(copy, { readonly: true });
    try {
      if (b.pragma('integrity_check', { simple: true }) !== 'ok') problems.push('out/copy.db is damaged');
    } finally {
      b.close();
    }
  }
  return problems;
}

export interface CrashRow {
  operation: string;
  kills: number;
  clean: number;
  failures: string[];
}

/** A small random generator with a seed, so a failing run can be repeated. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

export async function crashTest(options: { operations: CrashOperation[]; kills: number; rows: number; seed?: number; log?: (line: string) => void }): Promise<CrashRow[]> {
  const rand = random(options.seed ?? Date.now());
  let startupMs: number | undefined; // the same CLI start for every operation: measured once
  const results: CrashRow[] = [];
  for (const op of options.operations) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), `streetdesk-crash-${op.name.replace(/\s/g, '-')}-`));
    try {
      const p = await op.prepare(work, options.rows);
      const copyTemplate = (to: string) => fs.cpSync(p.template, to, { recursive: true });
      const readCount = (dir: string) => {
        const db = new SqliteDatabase(path.join(dir, p.db), { readonly: true });
        try {
          return String(p.count(db));
        } finally {
          db.close();
        }
      };
      // One run to the end: the count after, and how long the whole thing takes.
      const full = path.join(work, 'full');
      copyTemplate(full);
      const before = readCount(full);
      const done = await runChild(p.command(full), null);
      if (done.code !== 0) throw new Error(`${op.name} did not complete without a kill (exit ${done.code}): ${done.stderr.slice(0, 500)}`);
      const after = readCount(full);
      const allowed = new Set([before, after]);
      // Kills land between the end of start-up (a command that only reads) and the end of the operation:
      // a kill while tsx is still loading proves nothing.
      startupMs ??= (await runChild(cli('--db', path.join(full, p.db), 'info'), null)).ms;
      const from = Math.min(startupMs * 0.9, done.ms * 0.5);
      const row: CrashRow = { operation: op.name, kills: 0, clean: 0, failures: [] };
      for (let k = 0; k < options.kills; k++) {
        const run = path.join(work, `kill-${k}`);
        copyTemplate(run);
        const at = Math.round(from + rand() * (done.ms - from));
        // Every fourth kill aimed at the operation's narrow moment, when it has one.
        const aimed = p.aimAt && k % 4 === 0;
        const watcher = aimed ? watch(path.join(run, p.db), p.aimAt!) : null;
        const ended = await runChild(p.command(run), aimed ? null : at, watcher?.hit);
        watcher?.close();
        const problems = check(run, p, allowed);
        row.kills++;
        if (problems.length === 0) row.clean++;
        else row.failures.push(`kill ${aimed ? 'aimed' : `at ${at} ms`}${ended.killed ? '' : ' (had ended)'}: ${problems.join('; ')}`);
        const when = aimed ? `at the aimed moment (${Math.round(ended.ms)} ms)` : `at ${at}`;
        options.log?.(`${op.name}: kill ${k + 1}/${options.kills} ${when} of ${Math.round(done.ms)} ms — ${problems.length ? problems.join('; ') : 'clean'}`);
        fs.rmSync(run, { recursive: true, force: true });
      }
      results.push(row);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  return results;
}

export function crashTable(rows: CrashRow[]): string {
  const lines = [['operation', 'kills', 'clean', 'failures'], ...rows.map((r) => [r.operation, String(r.kills), String(r.clean), String(r.failures.length)])];
  const w = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
  return [fmt(lines[0]), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...lines.slice(1).map(fmt)].join('\n');
}

/** The restore has no CLI command: this child restores through the contract as the administrator would. */
async function restoreChild(dbPath: string, name: string): Promise<void> {
  const app = new StreetDeskApp({ dbPath });
  try {
    const { token } = await app.invoke('auth.login', { username: ADMIN.username, password: CRASH_PASSWORD });
    await app.invoke('backup.restore', { kind: 'backup', name }, token);
  } finally {
    app.close();
  }
}

async function main(): Promise<number> {
  if (process.argv[2] === '--restore-child') {
    await restoreChild(process.argv[3], process.argv[4]);
    return 0;
  }
  const { values } = parseArgs({ options: { kills: { type: 'string', default: '20' }, rows: { type: 'string', default: '20000' }, only: { type: 'string' }, seed: { type: 'string' } } });
  const only = values.only?.split(',').map((s) => s.trim());
  const operations = only ? OPERATIONS.filter((o) => only.includes(o.name)) : OPERATIONS;
  const rows = await crashTest({
    operations,
    kills: Number(values.kills),
    rows: Number(values.rows),
    seed: values.seed ? Number(values.seed) : undefined,
    log: (line) => console.log(line),
  });
  console.log(`\nStreetDesk crash test — SIGKILL at random moments, ${new Date().toISOString()}`);
  console.log(crashTable(rows));
  for (const r of rows) for (const f of r.failures) console.log(`  ${r.operation}: ${f}`);
  return rows.every((r) => r.failures.length === 0) ? 0 : 1;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
