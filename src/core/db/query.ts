// Kysely as a typed query builder over the synchronous better-sqlite3 connection: queries are compiled
// by Kysely and run by better-sqlite3, so a transaction is one synchronous block and cannot interleave.
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { Database } from './schema';

export const qb = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const statements = new WeakMap<SqliteDatabase, Map<string, Statement>>();

function prepare(db: SqliteDatabase, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (cache.size > 500) cache.clear();
    cache.set(sql, stmt);
  }
  return stmt;
}

function params(values: readonly unknown[]): unknown[] {
  return values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
}

export function all<R>(db: SqliteDatabase, query: Compilable<R>): R[] {
  const { sql, parameters } = query.compile();
  return prepare(db, sql).all(...params(parameters)) as R[];
}

export function first<R>(db: SqliteDatabase, query: Compilable<R>): R | undefined {
  const { sql, parameters } = query.compile();
  return prepare(db, sql).get(...params(parameters)) as R | undefined;
}

export function run(db: SqliteDatabase, query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
  const { sql, parameters } = query.compile();
  const info = prepare(db, sql).run(...params(parameters));
  return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
}
