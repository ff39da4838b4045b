// A PostgreSQL database behind the same calls as better-sqlite3 (prepare → all/get/run/pluck/raw,
// exec, transaction), over the synchronous client. Statements written for SQLite are carried over:
// `?` and named (@x, :x, $x) parameters become $1…; INSERT OR IGNORE becomes ON CONFLICT DO NOTHING; an
// INSERT into a table with an identity id returns it, for lastInsertRowid. Anything else SQLite-only in a
// statement fails loudly in PostgreSQL (there is no silent rewrite of functions): queries on the paths a
// district and a city run are written in SQL both accept, and the suite runs them on both.
import { redactPgUrl, type ArgumentTypes, type Db, type DbStatement, type RunResult, type VariableArgFunction } from '../connection';
import { PG_IDENTITY_TABLES } from './migrations';
import { PgQueryError, PgSyncClient } from './sync-client';

interface Translated {
  sql: string;
  /** For named parameters: the name behind each $n, in order. */
  names: string[] | null;
  positional: number;
  returnsId: boolean;
}

const INSERT_INTO = /^\s*INSERT\s+(?:OR\s+(IGNORE|REPLACE)\s+)?INTO\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/i;

/** Replaces SQLite's parameter markers outside quotes and comments; returns the SQL and the names. */
export function translateParameters(source: string): { sql: string; names: string[] | null; positional: number } {
  let out = '';
  let positional = 0;
  const names: string[] = [];
  const index = new Map<string, number>();
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === "'" || c === '"') {
      const end = closing(source, i, c);
      out += source.slice(i, end);
      i = end;
    } else if (c === '-' && source[i + 1] === '-') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      out += source.slice(i, stop);
      i = stop;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop);
      i = stop;
    } else if (c === '?') {
      positional += 1;
      out += `$${positional}`;
      i += 1;
    } else if ((c === '@' || c === ':' || c === '$') && /[A-Za-z_]/.test(source[i + 1] ?? '') && !(c === ':' && source[i - 1] === ':')) {
      let j = i + 1;
      while (j < source.length && /[A-Za-z0-9_]/.test(source[j])) j += 1;
      const name = source.slice(i + 1, j);
      let n = index.get(name);
      if (n === undefined) {
        names.push(name);
        n = names.length;
        index.set(name, n);
      }
      out += `$${n}`;
      i = j;
    } else {
      out += c;
      i += 1;
    }
  }
  if (positional > 0 && names.length > 0) throw new Error('A statement mixes ? and named parameters');
  return { sql: out, names: names.length > 0 ? names : null, positional };
}

function closing(source: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < source.length) {
    if (source[i] === quote) {
      if (source[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return source.length;
}

export class PgDatabase implements Db {
  readonly name: string;
  private readonly client: PgSyncClient;
  private readonly cache = new Map<string, Translated>();
  private depth = 0;
  /** Rows changed through this connection (SQLite's total_changes()). */
  totalChanges = 0;

  /**
   * `identityTables`: the tables whose id an INSERT returns — the schema's, which the parity test holds to
   * the database's identity columns (pg-schema.test.ts).
   */
  constructor(
    readonly url: string,
    private readonly identityTables: ReadonlySet<string> = PG_IDENTITY_TABLES,
  ) {
    this.client = new PgSyncClient(url);
    this.name = redactPgUrl(url);
  }

  prepare(source: string): DbStatement {
    let t = this.cache.get(source);
    if (!t) {
      t = this.translate(source);
      if (this.cache.size > 1000) this.cache.clear();
      this.cache.set(source, t);
    }
    return new PgStatement(this, t);
  }

  /** A statement already in PostgreSQL's form ($n parameters), compiled by Kysely's PostgreSQL compiler. */
  prepareNative(sql: string): DbStatement {
    const insert = INSERT_INTO.exec(sql);
    const returnsId = insert !== null && this.identityTables.has(insert[2]) && !/\bRETURNING\b/i.test(sql);
    return new PgStatement(this, { sql: returnsId ? `${sql} RETURNING "id"` : sql, names: null, positional: -1, returnsId });
  }

  exec(sql: string): this {
    this.client.query(sql);
    return this;
  }

  /**
   * One statement. Outside a transaction a lost connection (PostgreSQL restarted, a network cut) is opened
   * again and the statement tried once more, so a server outlives its database server's restart; inside a
   * transaction the error goes up and the transaction is lost with the connection, as it must be.
   */
  query(sql: string, params: readonly unknown[], array = false): { rows: unknown[]; rowCount: number } {
    try {
      return this.client.query(sql, params, array);
    } catch (err) {
      if (!(err instanceof PgQueryError) || !err.lost || this.depth > 0) throw err;
      this.client.reconnect();
      return this.client.query(sql, params, array);
    }
  }

  transaction<F extends VariableArgFunction>(fn: F): (...params: ArgumentTypes<F>) => ReturnType<F> {
    return (...args: ArgumentTypes<F>): ReturnType<F> => {
      const outer = this.depth === 0;
      const savepoint = `sd_${this.depth}`;
      if (outer) this.query('BEGIN', []);
      else this.client.query(`SAVEPOINT ${savepoint}`);
      this.depth += 1;
      try {
        const result: unknown = fn(...args);
        this.depth -= 1;
        this.client.query(outer ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`);
        return result as ReturnType<F>;
      } catch (err) {
        this.depth -= 1;
        try {
          this.client.query(outer ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}`);
        } catch (rollback) {
          // A lost connection took the transaction with it; the error that ended it is the one to report.
          if (!(rollback instanceof PgQueryError && rollback.lost)) throw rollback;
        }
        throw err;
      }
    };
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  close(): void {
    this.client.close();
  }

  private translate(source: string): Translated {
    const p = translateParameters(source);
    let sql = p.sql.trim().replace(/;\s*$/, '');
    const insert = INSERT_INTO.exec(sql);
    let returnsId = false;
    if (insert) {
      if (insert[1]?.toUpperCase() === 'REPLACE') throw new Error('INSERT OR REPLACE has no PostgreSQL form here; write ON CONFLICT … DO UPDATE');
      if (insert[1]) {
        sql = sql.replace(/^\s*INSERT\s+OR\s+IGNORE\s+INTO/i, 'INSERT INTO');
        if (!/\bON\s+CONFLICT\b/i.test(sql)) sql = `${sql} ON CONFLICT DO NOTHING`;
      }
      if (this.identityTables.has(insert[2]) && !/\bRETURNING\b/i.test(sql)) {
        sql = `${sql} RETURNING "id"`;
        returnsId = true;
      }
    }
    return { sql, names: p.names, positional: p.positional, returnsId };
  }
}

class PgStatement implements DbStatement {
  private plucking = false;
  private rawRows = false;

  constructor(
    private readonly db: PgDatabase,
    private readonly t: Translated,
  ) {}

  pluck(toggle = true): this {
    this.plucking = toggle;
    if (toggle) this.rawRows = false;
    return this;
  }

  raw(toggle = true): this {
    this.rawRows = toggle;
    if (toggle) this.plucking = false;
    return this;
  }

  all(...params: unknown[]): unknown[] {
    const { rows } = this.db.query(this.t.sql, this.values(params), this.plucking || this.rawRows);
    return this.plucking ? (rows as unknown[][]).map((r) => r[0]) : rows;
  }

  get(...params: unknown[]): unknown {
    return this.all(...params)[0];
  }

  *iterate(...params: unknown[]): IterableIterator<unknown> {
    yield* this.all(...params);
  }

  run(...params: unknown[]): RunResult {
    const { rows, rowCount } = this.db.query(this.t.sql, this.values(params));
    this.db.totalChanges += rowCount;
    const id = this.t.returnsId ? (rows[0] as { id?: number } | undefined)?.id : undefined;
    return { changes: rowCount, lastInsertRowid: id ?? 0 };
  }

  private values(params: unknown[]): unknown[] {
    const flat = params.length === 1 && Array.isArray(params[0]) ? (params[0] as unknown[]) : params;
    if (this.t.names) {
      const named = (flat[0] ?? {}) as Record<string, unknown>;
      return this.t.names.map((n) => convert(named[n]));
    }
    return flat.map(convert);
  }
}

function convert(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return v.toString();
  return v;
}
