// Factories for core tests: a StreetDesk database in a fresh temp folder, a clock the test steps,
// users of each role, and snapshots of what a user could see change (rows, files).
import type { Db } from '../../src/core/db/connection';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import { StreetDeskApp } from '../../src/core/app';
import type { ApiInput, ApiOutputs, Method } from '../../src/shared/api/contract';
import type { Role } from '../../src/shared/api/schemas';
import type { ApiError } from '../../src/shared/result';

export const STREET = { name: '东华门街道', code: '110101001000', districtName: '东城区' } as const;
export const ADMIN = { username: 'admin', displayName: '王管理', password: 'Admin2026pass' } as const;
export const USER_PASSWORD = 'Clerk2026pass';

/** 2026-03-10 09:00 local time: a Tuesday, so day and week arithmetic in tests is easy to follow. */
export const START = new Date(2026, 2, 10, 9, 0, 0);

export interface TestClock {
  now(): Date;
  set(at: Date): void;
  advance(ms: number): void;
}

export function makeClock(start: Date = START): TestClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set: (at) => {
      t = at.getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const DAY = 24 * 60 * MINUTE;

export function makeTempDir(prefix = 'streetdesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestApp {
  app: StreetDeskApp;
  dir: string;
  dbPath: string;
  clock: TestClock;
  /** Empty when the app was made with `initialized: false`. */
  adminToken: string;
  adminId: number;
  /** Closes the app and removes the folder. */
  dispose(): void;
}

export interface MakeAppOptions {
  initialized?: boolean;
  start?: Date;
  dir?: string;
}

/** A StreetDesk app on a new database in a fresh temp folder, set up with STREET and ADMIN unless told not to. */
export async function makeApp(options: MakeAppOptions = {}): Promise<TestApp> {
  const dir = options.dir ?? makeTempDir();
  const dbPath = path.join(dir, 'streetdesk.db');
  const clock = makeClock(options.start);
  const app = new StreetDeskApp({ dbPath, now: clock.now });
  let adminToken = '';
  let adminId = 0;
  if (options.initialized !== false) {
    const setup = await app.invoke('setup.initialize', { street: { ...STREET }, admin: { ...ADMIN } });
    adminToken = setup.token;
    adminId = setup.user.id;
  }
  return {
    app,
    dir,
    dbPath,
    clock,
    adminToken,
    adminId,
    dispose() {
      try {
        app.close();
      } catch {
        // already closed by the test
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let userCounter = 0;

/** makeApp for one test file: every app made is disposed after the test that made it. */
export function appsForEachTest(): (options?: MakeAppOptions) => Promise<TestApp> {
  const open: TestApp[] = [];
  afterEach(() => {
    for (const t of open.splice(0)) t.dispose();
  });
  return async (options) => {
    const t = await makeApp(options);
    open.push(t);
    return t;
  };
}

/** Creates a user of `role` through the admin and logs them in. */
export async function addUser(
  t: Pick<TestApp, 'app' | 'adminToken'>,
  role: Role,
  username = `${role}${++userCounter}`,
): Promise<{ id: number; username: string; token: string }> {
  const user = await t.app.invoke(
    'users.create',
    { username, displayName: `测试${role}`, role, password: USER_PASSWORD },
    t.adminToken,
  );
  const login = await t.app.invoke('auth.login', { username, password: USER_PASSWORD });
  return { id: user.id, username, token: login.token };
}

/** Calls `method` and expects the error envelope with `code`; returns the error for further checks. */
export async function expectError(
  app: StreetDeskApp,
  method: string,
  input: unknown,
  token: string | null,
  code: ApiError['code'],
): Promise<ApiError> {
  const result = await app.call(method, input, token);
  if (result.ok) throw new Error(`${method} succeeded; expected ${code}. Value: ${JSON.stringify(result.value)}`);
  expect(result.error.code, `${method}: ${result.error.message}`).toBe(code);
  return result.error;
}

export async function expectOk<M extends Method>(
  app: StreetDeskApp,
  method: M,
  input: ApiInput<M>,
  token: string | null,
): Promise<ApiOutputs[M]> {
  const result = await app.call(method, input, token);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as ApiOutputs[M];
}

/** Every row of every table, as a user browsing the file would see it. */
export function tableSnapshot(db: SqliteDatabase.Database): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
  return out;
}

/** Opens `file` read-only and returns its rows. */
export function readSnapshot(file: string): Record<string, unknown[]> {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return tableSnapshot(db);
  } finally {
    db.close();
  }
}

export function count(db: Db, table: string, where = '1 = 1'): number {
  return (db.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`).get() as { n: number }).n;
}

export interface FileFingerprint {
  sha256: string;
  size: number;
  mtimeMs: number;
  siblings: string[];
}

/** What would show that a file was touched: its bytes, its mtime, and -wal/-shm/-journal files beside it. */
export function fingerprint(file: string): FileFingerprint {
  const bytes = fs.readFileSync(file);
  const stat = fs.statSync(file);
  const siblings = ['-wal', '-shm', '-journal'].filter((s) => fs.existsSync(file + s)).map((s) => path.basename(file) + s);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mtimeMs: stat.mtimeMs, siblings };
}

/** A plain SQLite database that is not StreetDesk's: a table with a row (rollback journal unless `wal`). */
export function makeForeignSqlite(file: string, { wal = false } = {}): void {
  const db = new SqliteDatabase(file);
  if (wal) db.pragma('journal_mode = WAL');
  db.exec("CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO members (name) VALUES ('张三')");
  db.close();
}

/** Random bytes that do not start with the SQLite header. */
export function makeRandomBytesFile(file: string, size = 8192): void {
  const bytes = Buffer.alloc(size);
  let seed = 12345;
  for (let i = 0; i < size; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = seed & 0xff;
  }
  bytes[0] = 0x7f; // never "S" of "SQLite format 3"
  fs.writeFileSync(file, bytes);
}

/** Makes a StreetDesk database file that is set up, then closes it. */
export async function makeStreetDeskFile(file: string): Promise<void> {
  const app = new StreetDeskApp({ dbPath: file });
  try {
    await app.invoke('setup.initialize', { street: { ...STREET }, admin: { ...ADMIN } });
  } finally {
    app.close();
  }
}

/** What the 100-byte SQLite header of `file` says, read without opening it as a database. */
export function readHeader(file: string): { sqlite: boolean; applicationId: number; userVersion: number } {
  const header = fs.readFileSync(file).subarray(0, 100);
  return {
    sqlite: header.subarray(0, 16).toString('latin1') === 'SQLite format 3\0',
    applicationId: header.length >= 72 ? header.readUInt32BE(68) : 0,
    userVersion: header.length >= 64 ? header.readUInt32BE(60) : 0,
  };
}

export function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}
