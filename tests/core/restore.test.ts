// Restoring a backup: the data goes back to the backup's, a copy of what was there is kept first, everyone
// is logged out, and a file that is not a usable backup is refused without touching the current data.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StreetDeskApp } from '../../src/core/app';
import { SCHEMA_VERSION } from '../../src/core/db/migrations/index';
import type { ApiEvent, ApiInput } from '../../src/shared/api/contract';
import { formatError } from '../../src/shared/i18n/messages';
import {
  ADMIN,
  MINUTE,
  addUser,
  expectError,
  listDir,
  appsForEachTest,
  makeForeignSqlite,
  makeStreetDeskFile,
  makeTempDir,
  readSnapshot,
  tableSnapshot,
  type TestApp,
} from '../support/factory';

const app = appsForEachTest();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
}

/** Usernames in a database file, read from a copy so the file itself is not opened. */
function usernamesIn(file: string): string[] {
  const copy = path.join(tempDir(), 'copy.db');
  fs.copyFileSync(file, copy);
  return (readSnapshot(copy).users as { username: string }[]).map((u) => u.username);
}

interface Scenario {
  t: TestApp;
  backupName: string;
  backupBytes: Buffer;
  clerkToken: string;
  events: { token: string | null; event: ApiEvent }[];
}

/** Admin and user A; a backup; then user B. */
async function scenario(): Promise<Scenario> {
  const t = await app();
  const clerk = await addUser(t, 'clerk', 'usera');
  const backup = await t.app.invoke('backup.create', {}, t.adminToken);
  const backupBytes = fs.readFileSync(path.join(t.dir, 'backups', backup.name));
  t.clock.advance(MINUTE);
  await t.app.invoke('users.create', { username: 'userb', displayName: '乙', role: 'clerk', password: 'Userb2026pass' }, t.adminToken);
  const events: Scenario['events'] = [];
  t.app.onEvent((token, event) => events.push({ token, event }));
  return { t, backupName: backup.name, backupBytes, clerkToken: clerk.token, events };
}

async function expectRestored(s: Scenario, restoredFrom: string, preRestoreCopy: string): Promise<void> {
  const { t } = s;
  expect(preRestoreCopy).toBe('streetdesk-pre-restore-2026-03-10-090100.db');

  // Everyone was logged out.
  await expectError(t.app, 'street.get', {}, t.adminToken, 'UNAUTHENTICATED');
  await expectError(t.app, 'street.get', {}, s.clerkToken, 'UNAUTHENTICATED');
  expect(s.events).toEqual(
    expect.arrayContaining([
      { token: t.adminToken, event: { type: 'session-ended', reason: 'restored' } },
      { token: s.clerkToken, event: { type: 'session-ended', reason: 'restored' } },
    ]),
  );

  // The data is the backup's: user A is there, user B is gone.
  const login = await t.app.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const users = await t.app.invoke('users.list', {}, login.token);
  expect(users.map((u) => u.username)).toEqual(['admin', 'usera']);
  await expectError(t.app, 'auth.login', { username: 'userb', password: 'Userb2026pass' }, null, 'INVALID_CREDENTIALS');

  // The copy taken before the restore holds user B.
  expect(usernamesIn(path.join(t.dir, 'backups', preRestoreCopy))).toEqual(['admin', 'usera', 'userb']);

  // The restored log records the restore and is intact.
  const { entries } = await t.app.invoke('audit.list', { action: 'backup.restore' }, login.token);
  expect(entries).toEqual([
    expect.objectContaining({ username: ADMIN.username, entityId: restoredFrom, after: { restoredFrom, preRestoreCopy } }),
  ]);
  expect((await t.app.invoke('audit.verify', {}, login.token)).ok).toBe(true);

  // The file on disk is the restored one: a fresh start of the program sees the same.
  t.app.close();
  const reopened = new StreetDeskApp({ dbPath: t.dbPath });
  try {
    const again = await reopened.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect((await reopened.invoke('users.list', {}, again.token)).map((u) => u.username)).toEqual(['admin', 'usera']);
  } finally {
    reopened.close();
  }
}

describe('backup.restore', () => {
  it('from a backup in the folder brings back its data, after keeping a copy of the current one', async () => {
    const s = await scenario();
    const result = await s.t.app.invoke('backup.restore', { kind: 'backup', name: s.backupName }, s.t.adminToken);
    expect(result.restoredFrom).toBe(s.backupName);
    await expectRestored(s, s.backupName, result.preRestoreCopy);
  });

  it('from an uploaded file works the same', async () => {
    const s = await scenario();
    const result = await s.t.app.invoke(
      'backup.restore',
      { kind: 'upload', fileName: '街道备份.db', bytes: new Uint8Array(s.backupBytes) },
      s.t.adminToken,
    );
    expect(result.restoredFrom).toBe('街道备份.db');
    await expectRestored(s, '街道备份.db', result.preRestoreCopy);
  });

  it('leaves no stray files in the backups folder or beside the database', async () => {
    const s = await scenario();
    const { t } = s;
    await t.app.invoke('backup.restore', { kind: 'upload', fileName: 'x.db', bytes: new Uint8Array(s.backupBytes) }, t.adminToken);
    const login = await t.app.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
    await t.app.invoke('backup.restore', { kind: 'backup', name: s.backupName }, login.token);

    // Two restores in the same second: the second pre-restore copy gets its own name, nothing is overwritten.
    expect(listDir(path.join(t.dir, 'backups'))).toEqual([
      s.backupName,
      'streetdesk-pre-restore-2026-03-10-090100-2.db',
      'streetdesk-pre-restore-2026-03-10-090100.db',
    ]);
    expect(listDir(t.dir).filter((n) => n !== 'backups' && n !== 'streetdesk-keys' && !/^streetdesk\.db(-wal|-shm)?$/.test(n))).toEqual([]);
  });

  it('of a backup that does not exist answers NOT_FOUND', async () => {
    const s = await scenario();
    await expectError(s.t.app, 'backup.restore', { kind: 'backup', name: 'streetdesk-manual-2020-01-01-000000.db' }, s.t.adminToken, 'NOT_FOUND');
    await s.t.app.invoke('street.get', {}, s.t.adminToken);
  });
});

describe('restoring a file that is not a usable backup', () => {
  /** A good, set-up StreetDesk database's bytes. */
  async function streetDeskBytes(): Promise<Buffer> {
    const file = path.join(tempDir(), 'good.db');
    await makeStreetDeskFile(file);
    return fs.readFileSync(file);
  }

  const makers: { label: string; reason: string; text: string; bytes: () => Promise<Buffer> }[] = [
    { label: 'an empty file', reason: 'empty', text: '文件是空的', bytes: async () => Buffer.alloc(0) },
    {
      label: 'a text file',
      reason: 'notSqlite',
      text: '不是 SQLite 数据库文件',
      bytes: async () => Buffer.from('姓名,身份证号\n张三,53010219200508011X\n', 'utf8'),
    },
    {
      label: 'a foreign SQLite database',
      reason: 'notStreetDesk',
      text: '不是街道党建工作台的数据库',
      bytes: async () => {
        const file = path.join(tempDir(), 'members.db');
        makeForeignSqlite(file);
        return fs.readFileSync(file);
      },
    },
    {
      label: 'a backup with damaged pages',
      reason: 'corrupt',
      text: '文件已损坏',
      bytes: async () => {
        const bytes = Buffer.from(await streetDeskBytes());
        bytes.fill(0xaa, 2 * 4096, 3 * 4096);
        return bytes;
      },
    },
    {
      label: 'a backup cut off half-way (an interrupted copy)',
      reason: 'corrupt',
      text: '文件已损坏',
      bytes: async () => {
        const bytes = await streetDeskBytes();
        return bytes.subarray(0, Math.floor(bytes.length / 2));
      },
    },
    {
      label: 'a StreetDesk database that was never set up',
      reason: 'noStreet',
      text: '没有街道信息',
      bytes: async () => {
        const file = path.join(tempDir(), 'blank.db');
        new StreetDeskApp({ dbPath: file }).close();
        return fs.readFileSync(file);
      },
    },
    {
      label: 'a StreetDesk database from a newer version',
      reason: 'newerVersion',
      text: '更新版本',
      bytes: async () => {
        const file = path.join(tempDir(), 'future.db');
        await makeStreetDeskFile(file);
        const db = new SqliteDatabase(file);
        db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
        db.close();
        return fs.readFileSync(file);
      },
    },
  ];

  it.each(makers)('$label is refused with BACKUP_INVALID ($reason) and the current data stays', async ({ reason, text, bytes }) => {
    const s = await scenario();
    const { t } = s;
    const input: ApiInput<'backup.restore'> = { kind: 'upload', fileName: 'suspicious.db', bytes: new Uint8Array(await bytes()) };
    const rowsBefore = tableSnapshot(t.app.sqlite);
    // -wal/-shm leftovers are the subject of 'leaves no stray files' above; here: no copy, no upload kept.
    const backupsFolder = () => listDir(path.join(t.dir, 'backups')).filter((n) => !/-(wal|shm)$/.test(n));
    const folderBefore = backupsFolder();

    const error = await expectError(t.app, 'backup.restore', input, t.adminToken, 'BACKUP_INVALID');
    expect(error.details).toMatchObject({ reason });
    expect(error.message).toContain(text);
    expect(formatError(error, 'en')).toMatch(/^The backup “[^”]+” cannot be used: /);

    expect(tableSnapshot(t.app.sqlite)).toEqual(rowsBefore);
    expect(backupsFolder()).toEqual(folderBefore);
    expect(s.events.filter((e) => e.event.type === 'session-ended')).toEqual([]);
    const users = await t.app.invoke('users.list', {}, t.adminToken);
    expect(users.map((u) => u.username)).toEqual(['admin', 'usera', 'userb']);
  });

  it('a foreign file placed in the backups folder is refused the same way', async () => {
    const s = await scenario();
    const { t } = s;
    const name = 'streetdesk-manual-2026-03-09-120000.db';
    makeForeignSqlite(path.join(t.dir, 'backups', name));
    const before = tableSnapshot(t.app.sqlite);
    const error = await expectError(t.app, 'backup.restore', { kind: 'backup', name }, t.adminToken, 'BACKUP_INVALID');
    expect(error.details).toMatchObject({ reason: 'notStreetDesk' });
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
    await t.app.invoke('street.get', {}, t.adminToken);
  });
});
