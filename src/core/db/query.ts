// Kysely as a typed query builder over the synchronous connection: queries are compiled by Kysely and
// run by better-sqlite3 (or, for a district or city in PostgreSQL, by the synchronous PostgreSQL client
// with Kysely's PostgreSQL compiler), so a transaction is one synchronous block and cannot interleave.
import {
  DummyDriver,
  Kysely,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  createQueryId,
  type Compilable,
  type CompiledQuery,
  type OperationNodeSource,
  type RootOperationNode,
} from 'kysely';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { isPostgres, type Db, type DbStatement } from './connection';
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

const pgCompiler = new PostgresQueryCompiler();

/** The query compiled for the connection's dialect, as a statement ready to run. */
function statement(db: Db, query: Compilable<unknown>): { stmt: DbStatement; parameters: readonly unknown[] } {
  if (isPostgres(db)) {
    const compiled: CompiledQuery = pgCompiler.compileQuery(
      (query as unknown as OperationNodeSource).toOperationNode() as RootOperationNode,
      createQueryId(),
    );
    return { stmt: db.prepareNative(compiled.sql), parameters: compiled.parameters };
  }
  const { sql, parameters } = query.compile();
  return { stmt: prepare(db as SqliteDatabase, sql), parameters };
}

export function all<R>(db: Db, query: Compilable<R>): R[] {
  const { stmt, parameters } = statement(db, query);
  return stmt.all(...params(parameters)) as R[];
}

export function first<R>(db: Db, query: Compilable<R>): R | undefined {
  const { stmt, parameters } = statement(db, query);
  return stmt.get(...params(parameters)) as R | undefined;
}

export function run(db: Db, query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
  const { stmt, parameters } = statement(db, query);
  const info = stmt.run(...params(parameters));
  return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
}
