// Opening the database file: foreign and future files are refused untouched; ours are migrated
// in one transaction and set to WAL, foreign keys on and a busy timeout.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabaseCtor, { type Database as SqliteDatabase } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index';
import { isPostgres, redactPgUrl, sqliteOnly, type Db } from './connection';
import { PgDatabase } from './pg/database';
import { PG_MIGRATIONS } from './pg/migrations';

/** 'SDSK' — marks a file as a StreetDesk database (SQLite header, PRAGMA application_id). */
export const APPLICATION_ID = 0x5344534b;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export type FileInspection =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'streetdesk'; schemaVersion: number }
  | { kind: 'foreign'; reason: 'notSqlite' | 'notStreetDesk' | 'corrupt' };

/**
 * Looks at a file without changing a byte of it, or creating anything beside it: the SQLite header says
 * whose file it is (application_id, user_version) and whether its schema is empty. Only when a -wal file
 * already sits beside it (the header may be stale then) is SQLite asked, read-only.
 */
export function inspectDatabaseFile(file: string): FileInspection {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { kind: 'foreign', reason: 'notSqlite' };
    size = stat.size;
  } catch {
    return { kind: 'missing' };
  }
  if (size === 0) return { kind: 'empty' };
  const head = Buffer.alloc(108);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 16 || !head.subarray(0, 16).equals(SQLITE_MAGIC)) return { kind: 'foreign', reason: 'notSqlite' };
  if (read < head.length) return { kind: 'foreign', reason: 'corrupt' };
  if (fs.existsSync(`${file}-wal`)) return inspectWithSqlite(file);
  return classify(head.readInt32BE(68), head.readInt32BE(60), head[100] === 0x0d && head.readUInt16BE(103) === 0);
}

function classify(appId: number, version: number, emptySchema: boolean): FileInspection {
  if (appId === APPLICATION_ID) return { kind: 'streetdesk', schemaVersion: version };
  if (appId === 0 && version === 0 && emptySchema) return { kind: 'empty' };
  return { kind: 'foreign', reason: 'notStreetDesk' };
}

function inspectWithSqlite(file: string): FileInspection {
  let db: SqliteDatabase | null = null;
  try {
    db = new SqliteDatabaseCtor(file, { readonly: true, fileMustExist: true });
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const objects = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
    return classify(appId, version, objects.n === 0);
  } catch {
    return { kind: 'foreign', reason: 'corrupt' };
  } finally {
    db?.close();
  }
}

/** Throws the AppError a user sees when `file` may not be opened as a StreetDesk database. */
export function assertOpenable(file: string, inspection = inspectDatabaseFile(file)): FileInspection {
  const name = path.basename(file);
  if (inspection.kind === 'foreign' && inspection.reason === 'corrupt') {
    throw new AppError('DB_CORRUPT', `${name} is damaged`, { file: name });
  }
  if (inspection.kind === 'foreign') {
    throw new AppError('NOT_A_STREETDESK_DB', `${name} is not a StreetDesk database`, { file: name, reason: inspection.reason });
  }
  if (inspection.kind === 'streetdesk' && inspection.schemaVersion > SCHEMA_VERSION) {
    throw new AppError('DB_FROM_NEWER_VERSION', `${name} was written by a newer StreetDesk`, {
      file: name,
      found: inspection.schemaVersion,
      supported: SCHEMA_VERSION,
    });
  }
  return inspection;
}

/** Opens (creating if missing) and migrates the StreetDesk database at `file`. */
export function openDatabase(file: string): SqliteDatabase {
  assertOpenable(file);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new SqliteDatabaseCtor(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // FULL, not NORMAL. In WAL mode NORMAL never corrupts the file, but a power cut or an OS crash may take
    // back the last commits — an edit the clerk saw saved, or audit entries a signed package already
    // counted (its anchor would then be ahead of the file). FULL syncs the WAL at every commit. Measured on
    // this project's 2-core build machine (scripts/measure-synchronous.ts, 3 alternating runs each, medians):
    //   20,000-row roster import:  NORMAL 15.7 s, FULL 12.7 s — no cost (one transaction; noise dominates)
    //   grid edit (members.update): NORMAL 8.4 ms, FULL 18.1 ms (p95 49.6 / 53.5 ms)
    // About 10 ms more per edit is well under what a clerk notices; losing a saved edit is not. A killed
    // process (SIGKILL) is safe either way: `npm run crash-test`.
    db.pragma('synchronous = FULL');
    migrate(db);
    refreshStatistics(db, 'on-open');
    return db;
  } catch (err) {
    db.close();
    if (isCorruption(err)) throw new AppError('DB_CORRUPT', `${path.basename(file)} is damaged`, { file: path.basename(file) });
    throw err;
  }
}

/**
 * Keeps the query planner's statistics current: at open, tables never analyzed or much changed are
 * analyzed (cheap once statistics exist); after a bulk load (import, demo data) everything is. Without
 * statistics SQLite may walk 100,000 members in join-date order to find one branch's ten.
 */
export function refreshStatistics(db: Db, when: 'on-open' | 'after-bulk-load'): void {
  // PostgreSQL's autovacuum keeps its statistics; after a bulk load they are taken at once.
  if (isPostgres(db)) {
    if (when === 'after-bulk-load') db.exec('ANALYZE');
    return;
  }
  // Full analysis: a sampled one (analysis_limit) miscounts a column like status with one value.
  if (when === 'on-open') sqliteOnly(db, 'optimize').pragma('optimize = 0x10002');
  else db.exec('ANALYZE');
}

/** The schema version the database is at (SQLite: user_version; PostgreSQL: pg_schema_version). */
export function schemaVersion(db: Db): number {
  if (isPostgres(db)) return pgSchemaVersion(db) ?? 0;
  return sqliteOnly(db, 'user_version').pragma('user_version', { simple: true }) as number;
}

/**
 * Opens a district's or a city's database in PostgreSQL (`--pg postgres://…`): an empty database gets
 * the schema; one with tables but no StreetDesk schema marker is refused untouched, as a foreign file
 * is; one from a newer StreetDesk too. PostgreSQL's migrations are their own list (pg/migrations.ts),
 * starting at schema 18; the parity test holds them to the SQLite ones.
 */
export function openPgDatabase(url: string): PgDatabase {
  let db: PgDatabase;
  try {
    db = new PgDatabase(url);
  } catch (err) {
    throw new AppError('PG_UNREACHABLE', `PostgreSQL could not be reached: ${(err as Error).message}`, { url: redactPgUrl(url), reason: (err as Error).message });
  }
  try {
    migratePg(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function pgSchemaVersion(db: PgDatabase): number | null {
  const marker = db.prepare("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'pg_schema_version'").get() as { n: number };
  if (marker.n === 0) return null;
  const row = db.prepare('SELECT version FROM pg_schema_version').get() as { version: number } | undefined;
  return row?.version ?? null;
}

export function migratePg(db: PgDatabase): { from: number; to: number } {
  const found = pgSchemaVersion(db);
  const name = db.name;
  if (found === null) {
    const tables = db.prepare('SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()').get() as { n: number };
    if (tables.n > 0) throw new AppError('NOT_A_STREETDESK_DB', `${name} is not a StreetDesk database`, { file: name, reason: 'notStreetDesk' });
  } else if (found > SCHEMA_VERSION) {
    throw new AppError('DB_FROM_NEWER_VERSION', 'database from a newer version', { file: name, found, supported: SCHEMA_VERSION });
  }
  const from = found ?? 0;
  const pending = PG_MIGRATIONS.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  // The version reached is the last migration run (the parity test holds it to SCHEMA_VERSION).
  const to = pending[pending.length - 1].version;
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.exec(`UPDATE pg_schema_version SET version = ${to}`);
  })();
  return { from, to };
}

function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** Runs every pending migration in one transaction; a failure leaves the file as it was. */
export function migrate(db: SqliteDatabase): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > SCHEMA_VERSION) {
    throw new AppError('DB_FROM_NEWER_VERSION', 'database from a newer version', {
      file: path.basename(db.name),
      found: from,
      supported: SCHEMA_VERSION,
    });
  }
  if (from === SCHEMA_VERSION) return { from, to: from };
  db.transaction(() => {
    for (const migration of MIGRATIONS.slice(from)) migration.up(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
  return { from, to: SCHEMA_VERSION };
}
