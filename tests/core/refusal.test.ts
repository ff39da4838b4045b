// Files that are not StreetDesk databases, or were written by a newer StreetDesk, are refused and left
// exactly as they were: same bytes, same modification time, no -wal/-shm files beside them.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StreetDeskApp } from '../../src/core/app';
import { SCHEMA_VERSION } from '../../src/core/db/migrations/index';
import { CoreClient } from '../../src/core/worker/core-client';
import type { ApiOutputs } from '../../src/shared/api/contract';
import { formatError } from '../../src/shared/i18n/messages';
import { AppError } from '../../src/shared/result';
import {
  ADMIN,
  STREET,
  fingerprint,
  listDir,
  makeForeignSqlite,
  makeRandomBytesFile,
  makeStreetDeskFile,
  makeTempDir,
} from '../support/factory';

const WORKER_URL = new URL('../../src/core/worker/tsx-worker.mjs', import.meta.url);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function fileIn(name: string): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return path.join(dir, name);
}

/** Opening `file` throws; returns the AppError. */
function openError(file: string): AppError {
  try {
    new StreetDeskApp({ dbPath: file }).close();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error(`${file} was opened; expected it to be refused`);
}

/** Waits past the file system's mtime resolution so that any write would show in mtime. */
async function tick(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
}

const foreignFiles: [string, (file: string) => void][] = [
  ['a text file', (file) => fs.writeFileSync(file, '姓名,身份证号\n张三,53010219200508011X\n', 'utf8')],
  ['a file of random bytes', (file) => makeRandomBytesFile(file)],
  ['a foreign SQLite database', (file) => makeForeignSqlite(file)],
  ['a foreign SQLite database in WAL mode', (file) => makeForeignSqlite(file, { wal: true })],
];

describe('a file that is not a StreetDesk database', () => {
  it.each(foreignFiles)('%s is refused with NOT_A_STREETDESK_DB and left untouched', async (_label, make) => {
    const file = fileIn('members.db');
    make(file);
    const before = fingerprint(file);
    expect(before.siblings).toEqual([]);
    await tick();

    const err = openError(file);
    expect(err.code).toBe('NOT_A_STREETDESK_DB');
    expect(err.details).toMatchObject({ file: 'members.db' });
    expect(formatError(err.toApiError(), 'zh-CN')).toContain('members.db');

    expect(fingerprint(file)).toEqual(before);
    expect(listDir(path.dirname(file))).toEqual(['members.db']);
  });

  it('a foreign SQLite database keeps its rows', () => {
    const file = fileIn('members.db');
    makeForeignSqlite(file);
    openError(file);
    const db = new SqliteDatabase(file, { readonly: true });
    try {
      expect(db.prepare('SELECT name FROM members').all()).toEqual([{ name: '张三' }]);
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'users'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});

describe('a StreetDesk database from a newer version', () => {
  async function makeFutureFile(): Promise<string> {
    const file = fileIn('streetdesk.db');
    await makeStreetDeskFile(file);
    const db = new SqliteDatabase(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    return file;
  }

  it('is refused with DB_FROM_NEWER_VERSION naming the versions found and supported', async () => {
    const file = await makeFutureFile();
    const err = openError(file);
    expect(err.code).toBe('DB_FROM_NEWER_VERSION');
    expect(err.details).toMatchObject({ file: 'streetdesk.db', found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
    const zh = formatError(err.toApiError(), 'zh-CN');
    expect(zh).toContain(String(SCHEMA_VERSION + 1));
    expect(zh).toContain('升级');
  });

  it('is left byte for byte untouched, with no -wal/-shm files beside it', async () => {
    const file = await makeFutureFile();
    const before = fingerprint(file);
    expect(before.siblings).toEqual([]);
    await tick();

    expect(openError(file).code).toBe('DB_FROM_NEWER_VERSION');

    expect(fingerprint(file)).toEqual(before);
    // The audit key folder beside the file belongs to the database that made it (services/audit-key.ts).
    expect(listDir(path.dirname(file)).filter((n) => n !== 'streetdesk-keys')).toEqual(['streetdesk.db']);
  });
});

describe('through the core worker', () => {
  it('starting on a foreign file rejects with NOT_A_STREETDESK_DB and leaves it untouched', async () => {
    const file = fileIn('members.db');
    makeForeignSqlite(file);
    const before = fingerprint(file);

    const started = CoreClient.start({ dbPath: file, workerUrl: WORKER_URL, dailyBackups: false });
    await expect(started).rejects.toBeInstanceOf(AppError);
    await expect(started).rejects.toMatchObject({ code: 'NOT_A_STREETDESK_DB' });

    expect(fingerprint(file)).toEqual(before);
  });

  it('answers status, setup and session calls, and close() ends it', async () => {
    const file = fileIn('streetdesk.db');
    const client = await CoreClient.start({ dbPath: file, workerUrl: WORKER_URL, dailyBackups: false });
    try {
      const status = await client.call('app.status', {}, null);
      expect(status).toMatchObject({ ok: true, value: { initialized: false, schemaVersion: SCHEMA_VERSION } });

      const setup = await client.call('setup.initialize', { street: { ...STREET }, admin: { ...ADMIN } }, null);
      if (!setup.ok) throw new Error(setup.error.message);
      const { token } = setup.value as ApiOutputs['setup.initialize'];
      expect(token).toEqual(expect.any(String));

      const session = await client.call('auth.session', {}, token);
      expect(session).toMatchObject({ ok: true, value: { user: { username: ADMIN.username, role: 'admin' }, locked: false } });

      const refused = await client.call('users.list', {}, null);
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    } finally {
      await client.close();
    }

    // Closed cleanly: the WAL was checkpointed and the file opens with the street set up.
    // The audit key folder beside the file belongs to the database that made it (services/audit-key.ts).
    expect(listDir(path.dirname(file)).filter((n) => n !== 'streetdesk-keys')).toEqual(['streetdesk.db']);
    const after = await client.call('app.status', {}, null);
    expect(after.ok).toBe(false);
    const app = new StreetDeskApp({ dbPath: file });
    try {
      expect((await app.invoke('app.status', {})).street).toMatchObject({ code: STREET.code });
    } finally {
      app.close();
    }
  });
});
