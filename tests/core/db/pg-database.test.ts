// A district's or a city's database in PostgreSQL (`--pg`): what opening one does with an empty, a foreign,
// a newer and an unreachable database; that a write is one transaction there too (a refused write leaves
// nothing, the audit entry commits with its change); what only a SQLite file has is refused with a message;
// and how statements written for SQLite are carried over.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { StreetDeskApp } from '../../../src/core/app';
import { pgAnchorPath } from '../../../src/core/db/connection';
import { PgDatabase, translateParameters } from '../../../src/core/db/pg/database';
import { SCHEMA_VERSION } from '../../../src/core/db/migrations/index';
import { formatError } from '../../../src/shared/i18n/messages';
import { ADMIN, count, expectError, makeTempDir } from '../../support/factory';
import { freshPgUrl } from '../../support/dialect';
import { requirePostgres } from '../../support/pg-suite';
import { runCli } from '../../support/cli';

const open: { close(): unknown }[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    try {
      o.close();
    } catch {
      // closed by the test
    }
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function app(pgUrl?: string): Promise<{ app: StreetDeskApp; pgUrl: string }> {
  const url = pgUrl ?? (await freshPgUrl());
  const dir = makeTempDir('streetdesk-pg-');
  dirs.push(dir);
  const a = new StreetDeskApp({ dbPath: pgAnchorPath(url, dir), pgUrl: url, appVersion: '0.1.0' });
  open.push(a);
  return { app: a, pgUrl: url };
}

async function sql(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('statements written for SQLite, carried over to PostgreSQL', () => {
  it('numbers ? and names @x, :x, $x as $n, and leaves quotes, comments and :: casts alone', () => {
    expect(translateParameters('SELECT * FROM t WHERE a = ? AND b = ?')).toEqual({ sql: 'SELECT * FROM t WHERE a = $1 AND b = $2', names: null, positional: 2 });
    expect(translateParameters("SELECT '?', \"a?\" FROM t WHERE x = ? -- why?\n AND y = ? /* ? */")).toMatchObject({ sql: "SELECT '?', \"a?\" FROM t WHERE x = $1 -- why?\n AND y = $2 /* ? */", positional: 2 });
    expect(translateParameters('SELECT @from, :to, $from, x::text FROM t')).toEqual({ sql: 'SELECT $1, $2, $1, x::text FROM t', names: ['from', 'to'], positional: 0 });
    expect(translateParameters("SELECT 'it''s ?' || ?")).toMatchObject({ sql: "SELECT 'it''s ?' || $1", positional: 1 });
    expect(() => translateParameters('SELECT ?, @x')).toThrow(/mixes/);
  });
});

describe.runIf(requirePostgres())('a district database in PostgreSQL', () => {
  it('an empty database gets the schema; set up as a district, its records and its audit chain are in PostgreSQL', async () => {
    const { app: district, pgUrl } = await app();
    const status = await district.invoke('app.status', {});
    expect(status).toMatchObject({ initialized: false, schemaVersion: SCHEMA_VERSION });
    const setup = await district.invoke('setup.initializeDistrict', { district: { name: '西城区', code: '370102' }, admin: { ...ADMIN } });
    expect((await district.invoke('app.status', {})).mode).toBe('district');
    expect(await district.invoke('audit.verify', {}, setup.token)).toMatchObject({ ok: true });
    expect(await sql(pgUrl, 'SELECT name FROM street')).toEqual([{ name: '西城区' }]);
    const [{ n }] = (await sql(pgUrl, 'SELECT count(*)::int AS n FROM audit_log')) as { n: number }[];
    expect(n).toBeGreaterThan(0);
    // Opened again: the schema is there, nothing runs twice.
    district.close();
    const again = await app(pgUrl);
    expect(await again.app.invoke('app.status', {})).toMatchObject({ initialized: true, mode: 'district', schemaVersion: SCHEMA_VERSION });
  });

  it('a refused write leaves nothing; an accepted one commits with its audit entry', async () => {
    const { app: district } = await app();
    const setup = await district.invoke('setup.initializeDistrict', { district: { name: '西城区', code: '370102' }, admin: { ...ADMIN } });
    const db = district.database;
    const before = { users: count(db, 'users'), audit: count(db, 'audit_log') };
    await district.invoke('users.create', { username: 'clerk1', displayName: '王芳', role: 'clerk', password: 'Clerk2026pass' }, setup.token);
    expect({ users: count(db, 'users'), audit: count(db, 'audit_log') }).toEqual({ users: before.users + 1, audit: before.audit + 1 });
    // The same name again, in another case: the username is unique without regard to case, as in SQLite.
    const taken = await expectError(district, 'users.create', { username: 'CLERK1', displayName: '王芳', role: 'clerk', password: 'Clerk2026pass' }, setup.token, 'USERNAME_TAKEN');
    expect(taken.message).toContain('CLERK1');
    expect({ users: count(db, 'users'), audit: count(db, 'audit_log') }).toEqual({ users: before.users + 1, audit: before.audit + 1 });
  });

  it('refuses a street and a backup, saying why; the database is left as it was', async () => {
    const { app: empty, pgUrl } = await app();
    const street = await expectError(empty, 'setup.initialize', { street: { name: '朝阳门街道', code: '110101001', districtName: '东城区' }, admin: { ...ADMIN } }, null, 'STREET_NOT_ON_POSTGRES');
    expect(street.message).toContain('SQLite');
    expect(await sql(pgUrl, 'SELECT count(*)::int AS n FROM street')).toEqual([{ n: 0 }]);

    const setup = await empty.invoke('setup.initializeDistrict', { district: { name: '西城区', code: '370102' }, admin: { ...ADMIN } });
    const backup = await expectError(empty, 'backup.create', {}, setup.token, 'NOT_ON_POSTGRES');
    expect(backup.message).toContain('pg_dump');
    expect(formatError(backup, 'en')).toContain('pg_dump');
    expect(await empty.runDailyBackup()).toBeNull();
  });

  it('refuses a database holding other tables, and one from a newer StreetDesk, untouched', async () => {
    const foreign = await freshPgUrl();
    await sql(foreign, 'CREATE TABLE ledger (id int)');
    await expect(app(foreign)).rejects.toMatchObject({ code: 'NOT_A_STREETDESK_DB' });
    expect(await sql(foreign, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([{ table_name: 'ledger' }]);

    const { app: current, pgUrl } = await app();
    current.close();
    await sql(pgUrl, `UPDATE pg_schema_version SET version = ${SCHEMA_VERSION + 1}`);
    await expect(app(pgUrl)).rejects.toMatchObject({ code: 'DB_FROM_NEWER_VERSION' });
  });

  it('the command line takes --pg in place of --db, and says what is wrong with the options', async () => {
    const both = await runCli(['--db', 'x.db', '--pg', 'postgres://127.0.0.1/x', 'audit', 'verify']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--db 与 --pg 只能给一个');
    const notUrl = await runCli(['--lang', 'en', '--pg', 'db.gov.local/district', 'audit', 'verify']);
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toContain('--pg must be a postgres:// address, not "db.gov.local/district"');
    const pgUrl = await freshPgUrl();
    const data = makeTempDir('streetdesk-pg-cli-');
    dirs.push(data);
    const init = await runCli(['--json', '--pg', pgUrl, '--data', data, 'init', '--district', '--district-name', '西城区', '--district-code', '370102', '--admin-user', 'admin'], { STREETDESK_PASSWORD: 'Admin2026pass' });
    expect(init.code, init.stderr).toBe(0);
    expect(await sql(pgUrl, 'SELECT name FROM street')).toEqual([{ name: '西城区' }]);
    // The audit key's anchors and the exchange folders are in --data, not in the working folder.
    expect(fs.readdirSync(data)).toContain('streetdesk-keys');
  });

  it('an unreachable server is named, with the password hidden', () => {
    let caught: unknown;
    try {
      new StreetDeskApp({ dbPath: path.join(makeTempDir('streetdesk-pg-'), 'x.pg'), pgUrl: 'postgres://u:secret@127.0.0.1:1/none', appVersion: '0.1.0' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'PG_UNREACHABLE' });
    const text = formatError((caught as { toApiError(): Parameters<typeof formatError>[0] }).toApiError(), 'zh-CN');
    expect(text).toContain('连不上 PostgreSQL');
    expect(text).toContain('127.0.0.1:1');
    expect(text).not.toContain('secret');
  });

  it('outlives its connection being cut (PostgreSQL restarted): the next call opens a new one', async () => {
    const url = await freshPgUrl();
    const db = new PgDatabase(url);
    open.push(db);
    const pid = db.prepare('SELECT pg_backend_pid()').pluck().get() as number;
    // A query's own error is not a lost connection: no new one is opened for it.
    expect(() => db.prepare('SELECT 1 / 0').get()).toThrow(/division by zero/);
    expect(db.prepare('SELECT pg_backend_pid()').pluck().get()).toBe(pid);
    await sql(url, `SELECT pg_terminate_backend(${pid})`);
    expect(db.prepare('SELECT 1 + 1').pluck().get()).toBe(2);
    expect(db.prepare('SELECT pg_backend_pid()').pluck().get()).not.toBe(pid);
    // Inside a transaction the cut is an error (the transaction is gone with it), and the next call works.
    const inside = db.prepare('SELECT pg_backend_pid()').pluck().get() as number;
    expect(() =>
      db.transaction(() => {
        execSync(`psql "${url}" -qAtc "SELECT pg_terminate_backend(${inside})"`);
        db.prepare('SELECT 1').get();
      })(),
    ).toThrow();
    expect(db.prepare('SELECT 3').pluck().get()).toBe(3);
  });

  it('nested transactions roll back to their savepoint; a failed outer one keeps nothing', async () => {
    const db = new PgDatabase(await freshPgUrl(), new Set(['t']));
    open.push(db);
    db.exec('CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v TEXT UNIQUE)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    expect(insert.run('a')).toEqual({ changes: 1, lastInsertRowid: 1 });
    db.transaction(() => {
      insert.run('b');
      expect(() => db.transaction(() => insert.run('a'))()).toThrow(/duplicate key/);
      insert.run('c');
    })();
    expect(db.prepare('SELECT v FROM t ORDER BY id').pluck().all()).toEqual(['a', 'b', 'c']);
    expect(() =>
      db.transaction(() => {
        insert.run('d');
        throw new Error('stop');
      })(),
    ).toThrow('stop');
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3);
    expect(db.prepare('INSERT OR IGNORE INTO t (v) VALUES (?)').run('a').changes).toBe(0);
    expect(db.prepare('SELECT v, id FROM t WHERE v = @v').raw().get({ v: 'c' })).toEqual(['c', 4]);
  });
});
