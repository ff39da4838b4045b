// The database connection the core works on: a SQLite file (better-sqlite3, the default and the only
// choice for a street) or, for a district or a city, a PostgreSQL database (PgDatabase). `Db` is the part
// of better-sqlite3's API both give — prepare/exec/transaction/close — so every handler runs on either.
// What only SQLite has (pragmas, the online backup, file size) is reached through `sqliteOnly`, which the
// compiler makes every such place call.
import path from 'node:path';
import SqliteDatabaseCtor, { type Database as SqliteDatabase } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import type { PgDatabase } from './pg/database';

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface DbStatement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): RunResult;
  iterate(...params: unknown[]): IterableIterator<unknown>;
  pluck(toggle?: boolean): DbStatement;
  raw(toggle?: boolean): DbStatement;
}

// better-sqlite3's own helper types, so its Database is a Db as it stands.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type VariableArgFunction = (...params: any[]) => unknown;
export type ArgumentTypes<F extends VariableArgFunction> = F extends (...args: infer A) => unknown ? A : never;

export interface Db {
  prepare(sql: string): DbStatement;
  exec(sql: string): unknown;
  transaction<F extends VariableArgFunction>(fn: F): (...params: ArgumentTypes<F>) => ReturnType<F>;
  close(): unknown;
  readonly name: string;
}

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(db: Db): Dialect {
  return db instanceof SqliteDatabaseCtor ? 'sqlite' : 'postgres';
}

export function isPostgres(db: Db): db is PgDatabase {
  return dialectOf(db) === 'postgres';
}

/**
 * The SQLite connection behind `db`, for what only a SQLite file has; on PostgreSQL the user is told
 * `what` is done by the database's own tools instead (pg_dump for a backup, and so on).
 */
export function sqliteOnly(db: Db, what: string): SqliteDatabase {
  if (db instanceof SqliteDatabaseCtor) return db as SqliteDatabase;
  throw new AppError('NOT_ON_POSTGRES', `${what} is not available on a PostgreSQL database`, { what });
}

/**
 * Where the files kept beside a PostgreSQL database go (the audit key's anchors, the exchange folders,
 * the server certificate): a name in the data folder taken from the database's name. It is never opened
 * as a file; `--db FILE` does the same for a SQLite file by its own path.
 */
export function pgAnchorPath(url: string, dataDir: string): string {
  let name = 'postgres';
  try {
    const db = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
    if (db) name = db;
  } catch {
    // the URL is checked when the connection opens; the anchor only needs a name
  }
  return path.join(path.resolve(dataDir), `${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.pg`);
}

/** The URL with its password hidden, for messages and logs. */
export function redactPgUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Rows changed by this connection since it opened: a call that changed rows must have written an audit entry. */
export function totalChanges(db: Db): number {
  if (isPostgres(db)) return db.totalChanges;
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}
