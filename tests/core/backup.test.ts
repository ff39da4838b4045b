// Backups beside the database: manual ones that open as StreetDesk databases with the same data, progress
// while they are written, and daily ones kept for 7 days plus one for each of the 4 newest weeks.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StreetDeskApp } from '../../src/core/app';
import { APPLICATION_ID } from '../../src/core/db/open';
import { SCHEMA_VERSION } from '../../src/core/db/migrations/index';
import { dailyDaysToKeep, pruneDailyBackups } from '../../src/core/services/backup';
import type { ApiEvent } from '../../src/shared/api/contract';
import { ADMIN, DAY, MINUTE, addUser, listDir, makeTempDir, readHeader, appsForEachTest } from '../support/factory';

const STREETDESK_HEADER = { sqlite: true, applicationId: APPLICATION_ID, userVersion: SCHEMA_VERSION };

const app = appsForEachTest();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every day from `from` to `to` inclusive, as YYYY-MM-DD (dates are calendar days, no time zone). */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

describe('backup.create', () => {
  it('writes a file in backups/ beside the database that opens with the same street and users', async () => {
    const t = await app();
    await addUser(t, 'clerk', 'zhangwei'); // written just before the backup, still in the WAL
    const file = await t.app.invoke('backup.create', {}, t.adminToken);

    expect(file).toMatchObject({ name: 'streetdesk-manual-2026-03-10-090000.db', kind: 'manual' });
    const backupPath = path.join(t.dir, 'backups', file.name);
    expect(fs.statSync(backupPath).size).toBe(file.size);
    expect(readHeader(backupPath)).toEqual(STREETDESK_HEADER);
    expect(listDir(path.join(t.dir, 'backups'))).toEqual([file.name]);

    const listed = await t.app.invoke('backup.list', {}, t.adminToken);
    expect(listed.folder).toBe(path.join(t.dir, 'backups'));
    expect(listed.backups).toEqual([expect.objectContaining({ name: file.name, kind: 'manual', size: file.size })]);

    // Open a copy of the backup as the program would, and log in with the same accounts.
    const copyDir = makeTempDir();
    dirs.push(copyDir);
    const copyPath = path.join(copyDir, 'restored.db');
    fs.copyFileSync(backupPath, copyPath);
    const copy = new StreetDeskApp({ dbPath: copyPath });
    try {
      const status = await copy.invoke('app.status', {});
      expect(status.street).toMatchObject({ name: '东华门街道', code: '110101001000' });
      const login = await copy.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
      const users = await copy.invoke('users.list', {}, login.token);
      const original = await t.app.invoke('users.list', {}, t.adminToken);
      expect(users.map((u) => [u.username, u.role])).toEqual(original.map((u) => [u.username, u.role]));
      expect(users.map((u) => u.username)).toEqual(['admin', 'zhangwei']);
      expect((await copy.invoke('audit.verify', {}, login.token)).ok).toBe(true);
    } finally {
      copy.close();
    }
  });

  it('reports progress to the caller, ending with done === total', async () => {
    const t = await app();
    const events: { token: string | null; event: ApiEvent }[] = [];
    t.app.onEvent((token, event) => events.push({ token, event }));

    await t.app.invoke('backup.create', {}, t.adminToken);

    const progress = events.filter((e) => e.event.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    for (const e of progress) {
      expect(e.token).toBe(t.adminToken);
      expect(e.event).toMatchObject({ type: 'progress', method: 'backup.create' });
    }
    const jobIds = new Set(progress.map((e) => (e.event.type === 'progress' ? e.event.jobId : null)));
    expect(jobIds.size).toBe(1);
    const last = progress[progress.length - 1].event;
    expect(last.type === 'progress' && last.done === last.total && last.total > 0).toBe(true);
    for (const e of progress) {
      if (e.event.type === 'progress') expect(e.event.done).toBeLessThanOrEqual(e.event.total);
    }
  });

  it('two backups asked for at once (a double click) end without an internal error and leave a good backup', async () => {
    const t = await app();
    const results = await Promise.all([
      t.app.call('backup.create', {}, t.adminToken),
      t.app.call('backup.create', {}, t.adminToken),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).not.toContain('INTERNAL');
    const names = listDir(path.join(t.dir, 'backups')).filter((n) => n.endsWith('.db'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(readHeader(path.join(t.dir, 'backups', name))).toEqual(STREETDESK_HEADER);
  });

  it('two backups a minute apart are both kept', async () => {
    const t = await app();
    const first = await t.app.invoke('backup.create', {}, t.adminToken);
    t.clock.advance(MINUTE);
    const second = await t.app.invoke('backup.create', {}, t.adminToken);
    expect(first.name).not.toBe(second.name);
    expect(listDir(path.join(t.dir, 'backups'))).toEqual([first.name, second.name].sort());
  });
});

describe('dailyDaysToKeep', () => {
  const cases: { label: string; days: string[]; keep: string[] }[] = [
    {
      label: 'every day for three weeks across January and February',
      days: daysBetween('2026-01-20', '2026-02-10'),
      // Newest 7: Feb 4–10. Weeks (Mon–Sun): Feb 9–10 → 10, Feb 2–8 → 8, Jan 26–Feb 1 → Feb 1, Jan 19–25 → 25.
      keep: [...daysBetween('2026-02-04', '2026-02-10'), '2026-02-01', '2026-01-25'],
    },
    {
      label: 'every day across the new year',
      days: daysBetween('2025-12-01', '2026-01-06'),
      // Newest 7: Dec 31–Jan 6. Weeks: Jan 5–6 → 6, Dec 29–Jan 4 → 4, Dec 22–28 → 28, Dec 15–21 → 21.
      keep: ['2025-12-21', '2025-12-28', ...daysBetween('2025-12-31', '2026-01-06')],
    },
    {
      label: 'a few days a week, with gaps',
      days: ['2026-03-02', '2026-02-27', '2026-02-26', '2026-02-20', '2026-02-12', '2026-02-11', '2026-02-03', '2026-01-30', '2026-01-29', '2026-01-20', '2026-01-05'],
      keep: ['2026-02-03', '2026-02-11', '2026-02-12', '2026-02-20', '2026-02-26', '2026-02-27', '2026-03-02'],
    },
    {
      label: 'one day a week for ten weeks, across February into March',
      days: ['2026-01-07', '2026-01-14', '2026-01-21', '2026-01-28', '2026-02-04', '2026-02-11', '2026-02-18', '2026-02-25', '2026-03-04', '2026-03-11'],
      keep: ['2026-01-28', '2026-02-04', '2026-02-11', '2026-02-18', '2026-02-25', '2026-03-04', '2026-03-11'],
    },
    {
      label: 'fewer than seven days, unsorted and repeated',
      days: ['2026-03-01', '2026-02-27', '2026-03-01', '2026-02-28'],
      keep: ['2026-02-27', '2026-02-28', '2026-03-01'],
    },
  ];

  it.each(cases)('$label', ({ days, keep }) => {
    expect([...dailyDaysToKeep(days)].sort()).toEqual([...keep].sort());
  });
});

describe('pruneDailyBackups', () => {
  it('deletes only daily backups outside the kept days, never manual or pre-restore ones or other files', () => {
    const folder = makeTempDir();
    dirs.push(folder);
    const dailyDays = daysBetween('2026-01-20', '2026-02-10');
    const others = [
      'streetdesk-manual-2026-01-01-101500.db',
      'streetdesk-manual-2026-02-10-080000.db',
      'streetdesk-pre-restore-2026-01-02-093000.db',
      'streetdesk-daily-2026-01-03.db.partial',
      'notes.txt',
      '党员名册.xlsx',
    ];
    for (const day of dailyDays) fs.writeFileSync(path.join(folder, `streetdesk-daily-${day}.db`), day);
    for (const name of others) fs.writeFileSync(path.join(folder, name), name);

    const removed = pruneDailyBackups(folder);

    const kept = [...daysBetween('2026-02-04', '2026-02-10'), '2026-02-01', '2026-01-25'];
    const expectedRemoved = dailyDays.filter((d) => !kept.includes(d)).map((d) => `streetdesk-daily-${d}.db`);
    expect([...removed].sort()).toEqual(expectedRemoved.sort());
    expect(listDir(folder)).toEqual([...kept.map((d) => `streetdesk-daily-${d}.db`), ...others].sort());
  });
});

describe('runDailyBackup', () => {
  it('does nothing before the street is set up', async () => {
    const t = await app({ initialized: false });
    expect(await t.app.runDailyBackup()).toBeNull();
    expect(listDir(path.join(t.dir, 'backups'))).toEqual([]);
  });

  it('makes one backup per day; a second run the same day makes none', async () => {
    const t = await app();
    const first = await t.app.runDailyBackup();
    expect(first).toBe('streetdesk-daily-2026-03-10.db');
    expect(readHeader(path.join(t.dir, 'backups', first!))).toEqual(STREETDESK_HEADER);

    t.clock.advance(14 * 60 * MINUTE); // 23:00 the same day
    expect(await t.app.runDailyBackup()).toBeNull();
    t.clock.advance(61 * MINUTE); // 00:01 the next day
    expect(await t.app.runDailyBackup()).toBe('streetdesk-daily-2026-03-11.db');
    expect(listDir(path.join(t.dir, 'backups'))).toEqual(['streetdesk-daily-2026-03-10.db', 'streetdesk-daily-2026-03-11.db']);
  });

  it('over 25 days keeps the newest 7 and one for each of the 4 newest weeks, and leaves manual backups', async () => {
    const t = await app();
    const manual = await t.app.invoke('backup.create', {}, t.adminToken);
    const made: string[] = [];
    for (let i = 0; i < 25; i++) {
      const name = await t.app.runDailyBackup();
      expect(name).not.toBeNull();
      made.push(name!);
      t.clock.advance(DAY);
    }
    // Days made: 2026-03-10 (Tue) … 2026-04-03 (Fri).
    const keep = [...daysBetween('2026-03-28', '2026-04-03'), '2026-03-22', '2026-03-15'];
    expect(listDir(path.join(t.dir, 'backups'))).toEqual([manual.name, ...keep.map((d) => `streetdesk-daily-${d}.db`)].sort());
    expect(made[0]).toBe('streetdesk-daily-2026-03-10.db');
  });
});
