// The Kysely types (src/core/db/schema.ts, schema-counter.ts) against the migrated database: every table and
// column SQLite has is typed, every typed one exists, and each type fits the column's declared type. The
// types are read with the TypeScript compiler, so a column added by a migration and forgotten in the types
// fails here rather than in a query that compiles against a stale shape.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { openDatabase } from '../../src/core/db/open';
import { makeTempDir } from '../support/factory';

type Affinity = 'INTEGER' | 'REAL' | 'TEXT' | 'BLOB' | 'ANY';
interface TypedColumn {
  /** What the TypeScript type can hold, once Generated<…> and null are taken off. */
  kinds: Set<'number' | 'string' | 'bytes' | 'other'>;
  nullable: boolean;
}

const SCHEMA_FILE = path.resolve(__dirname, '../../src/core/db/schema.ts');
const CONFIG_FILE = path.resolve(__dirname, '../../tsconfig.node.json');

/** table → column → its TypeScript type, from `interface Database` and what it extends. */
function typedTables(): Map<string, Map<string, TypedColumn>> {
  // The project's own compiler options (Node's types for Buffer), on the one file and what it imports.
  const config = ts.getParsedCommandLineOfConfigFile(CONFIG_FILE, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram([SCHEMA_FILE], { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE)!;
  const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database')!;
  const database = checker.getTypeAtLocation(decl.name);
  const tables = new Map<string, Map<string, TypedColumn>>();
  for (const table of checker.getPropertiesOfType(database)) {
    const rowType = checker.getTypeOfSymbolAtLocation(table, decl);
    const columns = new Map<string, TypedColumn>();
    for (const column of checker.getPropertiesOfType(rowType)) {
      columns.set(column.name, columnType(checker, checker.getTypeOfSymbolAtLocation(column, decl)));
    }
    tables.set(table.name, columns);
  }
  return tables;
}

function columnType(checker: ts.TypeChecker, type: ts.Type): TypedColumn {
  // Generated<T> is ColumnType<T, T | undefined, T>: the selected type is its first type argument, read
  // through the __select__ property Kysely's ColumnType carries.
  const select = type.getProperty('__select__');
  if (select && select.valueDeclaration) type = checker.getTypeOfSymbolAtLocation(select, select.valueDeclaration);
  const parts = type.isUnion() ? type.types : [type];
  const col: TypedColumn = { kinds: new Set(), nullable: false };
  for (const t of parts) {
    if (t.flags & ts.TypeFlags.Null) col.nullable = true;
    else if (t.flags & ts.TypeFlags.NumberLike) col.kinds.add('number');
    else if (t.flags & ts.TypeFlags.StringLike) col.kinds.add('string');
    else if (t.flags & ts.TypeFlags.BooleanLike) col.kinds.add('other');
    else if (/Uint8Array|Buffer/.test(checker.typeToString(t))) col.kinds.add('bytes');
    else col.kinds.add('other');
  }
  return col;
}

interface DbColumn {
  affinity: Affinity;
  notNull: boolean;
  pk: boolean;
}

function migratedTables(db: SqliteDatabase): Map<string, Map<string, DbColumn>> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const tables = new Map<string, Map<string, DbColumn>>();
  for (const name of names) {
    // Tables behind a virtual table (an FTS index's shadow tables) are SQLite's, never queried by name.
    const columns = new Map<string, DbColumn>();
    for (const c of db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_xinfo(?) WHERE hidden = 0`).all(name) as { name: string; type: string; notnull: number; pk: number }[]) {
      columns.set(c.name, { affinity: affinityOf(c.type), notNull: c.notnull === 1, pk: c.pk > 0 });
    }
    tables.set(name, columns);
  }
  return tables;
}

/** SQLite's rules for a declared type (§3.1 of its datatype page), STRICT tables' ANY kept apart. */
function affinityOf(declared: string): Affinity {
  const t = declared.toUpperCase();
  if (t === 'ANY') return 'ANY';
  if (t.includes('INT')) return 'INTEGER';
  if (/CHAR|CLOB|TEXT/.test(t)) return 'TEXT';
  if (t === '' || t.includes('BLOB')) return 'BLOB';
  return 'REAL';
}

const FITS: Record<Affinity, TypedColumn['kinds'] extends Set<infer K> ? K[] : never> = {
  INTEGER: ['number'],
  REAL: ['number'],
  TEXT: ['string'],
  BLOB: ['bytes'],
  ANY: ['number', 'string', 'bytes'],
};

let dir: string;
let db: SqliteDatabase;
let typed: Map<string, Map<string, TypedColumn>>;
let migrated: Map<string, Map<string, DbColumn>>;

beforeAll(() => {
  dir = makeTempDir();
  db = openDatabase(path.join(dir, 'schema.db'));
  migrated = migratedTables(db);
  // Shadow tables of virtual tables (FTS) are SQLite's own; only the virtual table itself is ours.
  const virtual = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
  for (const name of [...migrated.keys()]) if (virtual.some((v) => name !== v && name.startsWith(`${v}_`))) migrated.delete(name);
  typed = typedTables();
}, 60_000);

afterAll(() => {
  db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the typed schema and the migrated database', () => {
  it('have the same tables', () => {
    expect([...typed.keys()].sort()).toEqual([...migrated.keys()].sort());
  });

  it('have the same columns in every table', () => {
    const mismatches: string[] = [];
    for (const [table, columns] of migrated) {
      const types = typed.get(table);
      if (!types) continue;
      for (const c of columns.keys()) if (!types.has(c)) mismatches.push(`${table}.${c} has no type`);
      for (const c of types.keys()) if (!columns.has(c)) mismatches.push(`${table}.${c} is typed but not in the database`);
    }
    expect(mismatches).toEqual([]);
  });

  it('type every column as SQLite stores it, and null only where the column allows it', () => {
    const mismatches: string[] = [];
    for (const [table, columns] of migrated) {
      for (const [name, column] of columns) {
        const type = typed.get(table)?.get(name);
        if (!type) continue;
        const bad = [...type.kinds].filter((k) => !FITS[column.affinity].includes(k as never));
        if (bad.length > 0 || type.kinds.size === 0) mismatches.push(`${table}.${name}: ${column.affinity} typed as ${[...type.kinds].join('|') || 'null'}`);
        // An INTEGER PRIMARY KEY is never null even without NOT NULL; other columns must agree both ways.
        const mayBeNull = !column.notNull && !column.pk;
        if (type.nullable !== mayBeNull) mismatches.push(`${table}.${name}: ${mayBeNull ? 'nullable' : 'NOT NULL'} but typed ${type.nullable ? 'with' : 'without'} null`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
