// The PostgreSQL schema (src/core/db/pg/migrations.ts) is the SQLite schema in the other dialect: on a fresh
// PostgreSQL database, after PG_MIGRATIONS, the same tables, columns (order, NOT NULL, mapped type,
// defaults), keys, indexes and seed rows as a fresh SQLite database after its migrations — and the same bad
// values are refused by both. A SQLite migration without its PostgreSQL counterpart fails here.
// The cluster is the run's throw-away one (tests/support/pg-global.ts); this file makes one database on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { SCHEMA_VERSION } from '../../../src/core/db/migrations/index';
import { PG_IDENTITY_TABLES, PG_MIGRATIONS } from '../../../src/core/db/pg/migrations';
import { createTestDatabase, dropTestDatabase, findPgBin } from '../../support/pg-cluster';

const PG_URL = process.env.STREETDESK_TEST_PG;
// Skipped only where PostgreSQL is not installed at all; with its binaries present a missing URL is a failure.
const SKIP_REASON = PG_URL || findPgBin() ? null : (process.env.STREETDESK_TEST_PG_SKIPPED ?? 'no PostgreSQL binaries');

/** SQLite's declared type → what information_schema.columns.data_type says in PostgreSQL. */
const PG_TYPE: Record<string, string> = { INTEGER: 'bigint', REAL: 'double precision', TEXT: 'text', BLOB: 'bytea' };

/** A seed row's timestamp in toISOString()'s form; one the migration took off the clock compares as a placeholder. */
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const MIGRATION_TIME = '<migration time>';

describe('PG_MIGRATIONS', () => {
  it('reaches the SQLite schema version, one step per version after the schema-18 baseline', () => {
    expect(PG_MIGRATIONS[0]).toMatchObject({ version: 18, name: '0018-baseline' });
    expect(PG_MIGRATIONS.map((m) => m.version)).toEqual(PG_MIGRATIONS.map((_, i) => 18 + i));
    const last = PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version;
    expect(
      last,
      `SQLite is at schema ${SCHEMA_VERSION} but PostgreSQL's last migration is ${last}: add the PostgreSQL counterpart of ` +
        `each new SQLite migration to PG_MIGRATIONS in src/core/db/pg/migrations.ts (hand-written SQL with its version), ` +
        `then run this test — it compares the two schemas.`,
    ).toBe(SCHEMA_VERSION);
  });
});

describe.skipIf(SKIP_REASON !== null)(`PostgreSQL schema beside SQLite's${SKIP_REASON ? ` — skipped: ${SKIP_REASON}` : ''}`, () => {
  let dir: string;
  let lite: SqliteDatabase;
  let client: pg.Client;
  let url: string;
  let migratedAt: number;

  beforeAll(async () => {
    expect(PG_URL, 'STREETDESK_TEST_PG is not set although PostgreSQL is installed: is tests/support/pg-global.ts in vitest.config.mts?').toBeTruthy();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-pg-schema-'));
    lite = openDatabase(path.join(dir, 'fresh.db'));
    url = await createTestDatabase(PG_URL as string);
    // Whole numbers as numbers (node-postgres gives BIGINT as text): the seed rows compare as JSON.
    client = new pg.Client({
      connectionString: url,
      types: { getTypeParser: (oid, format) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) },
    });
    await client.connect();
    migratedAt = Date.now();
    for (const m of PG_MIGRATIONS) {
      await client.query('BEGIN');
      await client.query(m.sql);
      if (m.version > PG_MIGRATIONS[0].version) await client.query('UPDATE pg_schema_version SET version = $1', [m.version]);
      await client.query('COMMIT');
    }
  });

  afterAll(async () => {
    await client?.end();
    if (url) await dropTestDatabase(PG_URL as string, url);
    lite?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const liteTables = () =>
    (lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
  const liteColumns = (table: string) =>
    lite.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid').all(table) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
  const rowsOf = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];

  it('records its schema version', async () => {
    expect(await rowsOf('SELECT version FROM pg_schema_version')).toEqual([{ version: SCHEMA_VERSION }]);
  });

  it('has the same tables', async () => {
    const pgTables = await rowsOf<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'pg_schema_version' ORDER BY table_name COLLATE \"C\"",
    );
    expect(pgTables.map((r) => r.table_name)).toEqual(liteTables());
  });

  it('has the same columns in each table: order, type, NOT NULL and default', async () => {
    const pgColumns = await rowsOf<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
      "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
    );
    // A literal default reads back with its cast ('zh-CN'::text); an identity column has none.
    const pgDefault = (d: string | null) => (d === null ? null : d.replace(/::(text|bigint|integer|double precision)$/, '').replace(/^\((-?\d+)\)$/, '$1'));
    for (const table of liteTables()) {
      const expected = liteColumns(table).map((c) => ({
        name: c.name,
        type: PG_TYPE[c.type],
        // STRICT tables keep NULL out of every PRIMARY KEY column, the rowid alias included.
        notNull: c.notnull === 1 || c.pk > 0,
        default: c.dflt_value,
      }));
      const actual = pgColumns
        .filter((c) => c.table_name === table)
        .map((c) => ({ name: c.column_name, type: c.data_type, notNull: c.is_nullable === 'NO', default: pgDefault(c.column_default) }));
      expect(actual, table).toEqual(expected);
    }
  });

  it('gives new ids from an identity in exactly the tables with an INTEGER PRIMARY KEY named id', async () => {
    const identities = await rowsOf<{ table_name: string }>(
      "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND is_identity = 'YES' ORDER BY table_name",
    );
    const expected = liteTables().filter((t) => liteColumns(t).some((c) => c.name === 'id' && c.pk === 1 && c.type === 'INTEGER'));
    expect(identities.map((r) => r.table_name)).toEqual(expected);
    expect([...PG_IDENTITY_TABLES].sort()).toEqual(expected);
  });

  it('has the same primary keys, unique constraints and foreign keys', async () => {
    const lites = { primary: [] as string[], unique: [] as string[], foreign: [] as string[] };
    for (const table of liteTables()) {
      const pk = liteColumns(table)
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      if (pk.length) lites.primary.push(`${table}(${pk})`);
      for (const ix of lite.prepare("SELECT name FROM pragma_index_list(?) WHERE origin = 'u'").all(table) as { name: string }[]) {
        const cols = (lite.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(ix.name) as { name: string }[]).map((c) => c.name);
        lites.unique.push(`${table}(${cols})`);
      }
      const fks = lite.prepare('SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(table) as {
        id: number;
        table: string;
        from: string;
        to: string;
        on_delete: string;
      }[];
      for (const id of new Set(fks.map((f) => f.id))) {
        const keys = fks.filter((f) => f.id === id);
        lites.foreign.push(`${table}(${keys.map((k) => k.from)}) → ${keys[0].table}(${keys.map((k) => k.to)}) ${keys[0].on_delete}`);
      }
    }
    const constraints = await rowsOf<{ kind: string; tbl: string; cols: string; target: string | null; refcols: string | null; ondelete: string }>(`
      SELECT c.contype AS kind, c.conrelid::regclass::text AS tbl,
        (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS cols,
        c.confrelid::regclass::text AS target,
        (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS refcols,
        c.confdeltype AS ondelete
      FROM pg_constraint c WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'u', 'f')`);
    const ON_DELETE: Record<string, string> = { a: 'NO ACTION', c: 'CASCADE', r: 'RESTRICT', n: 'SET NULL', d: 'SET DEFAULT' };
    const pgs = {
      primary: constraints.filter((c) => c.kind === 'p' && c.tbl !== 'pg_schema_version').map((c) => `${c.tbl}(${c.cols})`),
      unique: constraints.filter((c) => c.kind === 'u').map((c) => `${c.tbl}(${c.cols})`),
      foreign: constraints.filter((c) => c.kind === 'f').map((c) => `${c.tbl}(${c.cols}) → ${c.target}(${c.refcols}) ${ON_DELETE[c.ondelete]}`),
    };
    const sorted = (o: typeof lites) => ({ primary: [...o.primary].sort(), unique: [...o.unique].sort(), foreign: [...o.foreign].sort() });
    expect(sorted(pgs)).toEqual(sorted(lites));
    expect(lites.foreign.length).toBeGreaterThan(50);
  });

  it('keeps every CHECK of every table', async () => {
    // SQLite lists no CHECKs; its CREATE TABLE text does (string literals blanked, so a 'check' value is not one).
    const expected = Object.fromEntries(
      liteTables().map((t) => {
        const { sql } = lite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(t) as { sql: string };
        return [t, sql.replace(/'(?:[^']|'')*'/g, "''").match(/\bCHECK\s*\(/gi)?.length ?? 0];
      }),
    );
    const checks = await rowsOf<{ tbl: string; n: number }>(
      "SELECT c.relname AS tbl, count(k.oid)::int AS n FROM pg_class c LEFT JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'c' WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> 'pg_schema_version' GROUP BY c.relname",
    );
    expect(Object.fromEntries(checks.map((r) => [r.tbl, r.n]))).toEqual(expected);
  });

  it('has the same indexes: names, columns, uniqueness and partial WHERE', async () => {
    const expected: Record<string, string> = {};
    for (const table of liteTables()) {
      for (const ix of lite.prepare("SELECT name, \"unique\", partial FROM pragma_index_list(?) WHERE origin = 'c'").all(table) as {
        name: string;
        unique: number;
        partial: number;
      }[]) {
        // An expression column (the tail indexes) has no name in SQLite; PostgreSQL's is right(x, 4).
        const cols = (lite.prepare('SELECT name FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno').all(ix.name) as { name: string | null }[]).map(
          (c) => c.name ?? 'expression',
        );
        expected[ix.name] = `${table}(${cols})${ix.unique ? ' unique' : ''}${ix.partial ? ' partial' : ''}`;
      }
    }
    const indexes = await rowsOf<{ name: string; tbl: string; cols: string; uniq: boolean; partial: boolean }>(`
      SELECT ic.relname AS name, i.indrelid::regclass::text AS tbl, i.indisunique AS uniq, i.indpred IS NOT NULL AS partial,
        (SELECT string_agg(CASE WHEN i.indkey[k] = 0 THEN 'expression' ELSE pg_get_indexdef(i.indexrelid, k + 1, true) END, ',' ORDER BY k)
           FROM generate_series(0, i.indnkeyatts - 1) k) AS cols
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE ic.relnamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`);
    const actual = Object.fromEntries(indexes.map((r) => [r.name, `${r.tbl}(${r.cols})${r.uniq ? ' unique' : ''}${r.partial ? ' partial' : ''}`]));
    expect(actual).toEqual(expected);
    expect(Object.keys(expected)).toContain('members_id_tail');
  });

  it('holds the same seed rows: count per table and the rows themselves', async () => {
    // Only a timestamp of this run is the migration's clock; a fixed one (code_synonyms' 1970-01-01) compares as it is.
    const atMigration = (v: unknown) => typeof v === 'string' && ISO.test(v) && Math.abs(Date.parse(v) - migratedAt) < 10 * 60_000;
    const normalise = (rows: Record<string, unknown>[]) =>
      JSON.parse(JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, atMigration(v) ? MIGRATION_TIME : v])))));
    const counts = { lite: {} as Record<string, number>, pg: {} as Record<string, number> };
    for (const table of liteTables()) {
      const order = liteColumns(table)
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name)
        .join(', ');
      const liteRows = lite.prepare(`SELECT * FROM ${table}${order ? ` ORDER BY ${order}` : ''}`).all() as Record<string, unknown>[];
      // C collation: text keys sort by bytes, as SQLite's BINARY does.
      const pgOrder = order
        .split(', ')
        .map((c) => (liteColumns(table).find((x) => x.name === c)?.type === 'TEXT' ? `${c} COLLATE "C"` : c))
        .join(', ');
      const pgRows = await rowsOf<Record<string, unknown>>(`SELECT * FROM ${table}${order ? ` ORDER BY ${pgOrder}` : ''}`);
      counts.lite[table] = liteRows.length;
      counts.pg[table] = pgRows.length;
      if (liteRows.length > 0) expect(normalise(pgRows), table).toEqual(normalise(liteRows));
    }
    expect(counts.pg).toEqual(counts.lite);
    expect(counts.lite).toMatchObject({ code_items: 89, service_matters: 40, code_synonyms: 103, life_rules: 7, life_settings: 1 });
    // The seeded clock is the migration's, in the same format as SQLite's.
    const [settings] = await rowsOf<{ updated_at: string }>('SELECT updated_at FROM life_settings');
    expect(settings.updated_at).toMatch(ISO);
    expect(Math.abs(Date.parse(settings.updated_at) - migratedAt)).toBeLessThan(60_000);
  });

  it('hands the next service matter the id after the seeded ones, as SQLite does', async () => {
    const row = ['新增事项', 'agency', 'other', 5, '2026-03-10T09:00:00.000Z', '2026-03-10T09:00:00.000Z'];
    const liteId = lite
      .prepare('INSERT INTO service_matters (name, list_class, category, limit_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(...row).lastInsertRowid;
    const [{ id }] = await rowsOf<{ id: number }>(
      'INSERT INTO service_matters (name, list_class, category, limit_days, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      row,
    );
    expect(id).toBe(Number(liteId));
    expect(id).toBe(41);
  });

  it('refuses the same bad values as SQLite: dates and months (GLOB), enums, the single street, a username in other case', async () => {
    const now = '2026-03-10T09:00:00.000Z';
    const user = (username: string, role = 'clerk', language = 'zh-CN') => ({
      username,
      display_name: '张三',
      role,
      language,
      password_hash: 'x',
      created_at: now,
      updated_at: now,
      password_changed_at: now,
    });
    const community = (code: string, closedOn: string | null) => ({ name: '社区', division_code: code, closed_on: closedOn, created_at: now, updated_at: now });
    const period = (p: string, state = 'draft') => ({ period: p, state, created_at: now, updated_at: now });
    const street = (id: number) => ({ id, name: '东华门街道', division_code: '110101001000', district_name: '东城区', created_at: now, updated_at: now });
    const cases: { table: string; row: Record<string, unknown> }[] = [
      { table: 'communities', row: community('110101001001', '2024-01-05') },
      { table: 'communities', row: community('110101001002', '2024-1-05') },
      { table: 'communities', row: community('110101001003', '2024-01-05 ') },
      { table: 'communities', row: community('110101001004', '24-01-05') },
      { table: 'communities', row: community('11010100100', null) },
      { table: 'returns', row: period('2026-10') },
      { table: 'returns', row: period('2026-10-01') },
      { table: 'returns', row: period('2026/10') },
      { table: 'returns', row: period('2026-11', 'sent') },
      { table: 'users', row: user('zhang') },
      { table: 'users', row: user('ZHANG') },
      { table: 'users', row: user('li', 'superuser') },
      { table: 'users', row: user('wang', 'viewer', 'fr') },
      { table: 'street', row: street(1) },
      { table: 'street', row: street(2) },
    ];
    const liteOutcome = (table: string, row: Record<string, unknown>) => {
      const cols = Object.keys(row);
      try {
        lite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(row));
        return 'stored';
      } catch (err) {
        const code = String((err as { code?: string }).code);
        return code === 'SQLITE_CONSTRAINT_CHECK' ? 'check' : code === 'SQLITE_CONSTRAINT_UNIQUE' ? 'unique' : code;
      }
    };
    const pgOutcome = async (table: string, row: Record<string, unknown>) => {
      const cols = Object.keys(row);
      await client.query('SAVEPOINT attempt');
      try {
        await client.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
        await client.query('RELEASE SAVEPOINT attempt');
        return 'stored';
      } catch (err) {
        await client.query('ROLLBACK TO SAVEPOINT attempt');
        const code = String((err as { code?: string }).code);
        return code === '23514' ? 'check' : code === '23505' ? 'unique' : code;
      }
    };
    await client.query('BEGIN');
    const outcomes: string[] = [];
    for (const c of cases) {
      const inLite = liteOutcome(c.table, c.row);
      const inPg = await pgOutcome(c.table, c.row);
      outcomes.push(`${c.table} ${JSON.stringify(Object.values(c.row).slice(0, 3))}: SQLite ${inLite}, PostgreSQL ${inPg}`);
    }
    await client.query('ROLLBACK');
    const expected = ['stored', 'check', 'check', 'check', 'check', 'stored', 'check', 'check', 'check', 'stored', 'unique', 'check', 'check', 'stored', 'check'];
    expect(outcomes).toEqual(cases.map((c, i) => `${c.table} ${JSON.stringify(Object.values(c.row).slice(0, 3))}: SQLite ${expected[i]}, PostgreSQL ${expected[i]}`));
    // The user found whatever the case of the name, as SQLite's NOCASE finds them.
    lite.prepare('INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      'Chen',
      '陈',
      'viewer',
      'x',
      now,
      now,
      now,
    );
    await client.query(
      'INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at, password_changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      ['Chen', '陈', 'viewer', 'x', now, now, now],
    );
    expect(lite.prepare('SELECT display_name FROM users WHERE username = ?').get('CHEN')).toEqual({ display_name: '陈' });
    expect(await rowsOf('SELECT display_name FROM users WHERE username = $1', ['CHEN'])).toEqual([{ display_name: '陈' }]);
  });
});
