// Backups beside the database: a daily one on the first start of each day (7 daily and 4 weekly kept),
// manual ones, and a copy taken before every restore. Files are written under a temporary name and
// renamed when complete, so a half-written backup never looks like a good one; a full, read-only or
// vanished target is reported with its path and the reason (export/safe-write.ts).
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import SqliteDatabaseCtor, { type Database as SqliteDatabase } from 'better-sqlite3';
import type { BackupFile, BackupKind } from '../../shared/api/contract';
import { AppError } from '../../shared/result';
import { inspectDatabaseFile } from '../db/open';
import { SCHEMA_VERSION } from '../db/migrations/index';
import { RESTORE_MAX_BYTES } from '../limits';
import { notePending, partialName, syncFolder, writeRefusal } from '../export/safe-write';
import { auditKeyOf } from './audit';

const NAME = /^streetdesk-(daily|manual|pre-restore)-(\d{4}-\d{2}-\d{2})(?:-(\d{6})(?:-(\d+))?)?\.db$/;

export function backupFolder(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

const pad = (n: number) => String(n).padStart(2, '0');
export const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

export function backupName(kind: BackupKind, at: Date, n = 1): string {
  if (kind === 'daily') return `streetdesk-daily-${localDay(at)}.db`;
  return `streetdesk-${kind}-${localDay(at)}-${localTime(at)}${n > 1 ? `-${n}` : ''}.db`;
}

/**
 * Claims a fresh name for a manual or pre-restore backup by creating it exclusively, so two backups in
 * the same second (a double click) get two files instead of overwriting each other.
 */
export function reserveBackupPath(folder: string, kind: Exclude<BackupKind, 'daily'>, at: Date): string {
  fs.mkdirSync(folder, { recursive: true });
  for (let n = 1; ; n++) {
    const target = path.join(folder, backupName(kind, at, n));
    try {
      fs.closeSync(fs.openSync(target, 'wx'));
      return target;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const stat = fs.statSync(path.join(folder, name));
    files.push({ name, kind: m[1] as BackupKind, size: stat.size, createdAt: stat.mtime.toISOString() });
  }
  return files.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Monday of the ISO week holding `day` (YYYY-MM-DD), as YYYY-MM-DD. */
function weekOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const offset = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - offset);
  return date.toISOString().slice(0, 10);
}

/** Of the daily backups' days, those to keep: the newest 7, and the newest of each of the newest 4 weeks. */
export function dailyDaysToKeep(days: string[], daily = 7, weekly = 4): Set<string> {
  const sorted = [...new Set(days)].sort().reverse();
  const keep = new Set(sorted.slice(0, daily));
  const weeks = new Map<string, string>();
  for (const day of sorted) {
    const week = weekOf(day);
    if (!weeks.has(week)) weeks.set(week, day);
  }
  for (const day of [...weeks.values()].slice(0, weekly)) keep.add(day);
  return keep;
}

export function pruneDailyBackups(folder: string): string[] {
  const daily = listBackups(folder).filter((b) => b.kind === 'daily');
  const dayOf = (name: string) => NAME.exec(name)![2];
  const keep = dailyDaysToKeep(daily.map((b) => dayOf(b.name)));
  const removed: string[] = [];
  for (const b of daily) {
    if (!keep.has(dayOf(b.name))) {
      fs.rmSync(path.join(folder, b.name), { force: true });
      removed.push(b.name);
    }
  }
  return removed;
}

export interface BackupProgress {
  done: number;
  total: number;
}

/**
 * Copies the live database with SQLite's online backup API. `onProgress` sees pages copied; when
 * `signal` is aborted the copy stops, the partial file is removed and CANCELLED is thrown. The target's
 * folder must exist (the backups folder is made by its callers): a pulled USB stick is reported, not
 * created again on the local disk. The live database is only read.
 */
export async function writeBackup(
  db: SqliteDatabase,
  target: string,
  onProgress?: (p: BackupProgress) => void,
  signal?: AbortSignal,
): Promise<BackupFile> {
  const partial = partialName(target);
  const done = notePending(auditKeyOf(db)?.folder, partial);
  try {
    await db.backup(partial, {
      progress({ totalPages, remainingPages }) {
        if (signal?.aborted) throw new AppError('CANCELLED', 'backup cancelled');
        onProgress?.({ done: totalPages - remainingPages, total: totalPages });
        return 1024;
      },
    });
    if (signal?.aborted) throw new AppError('CANCELLED', 'backup cancelled');
    toSingleFile(partial);
    fs.renameSync(partial, target);
    syncFolder(path.dirname(target));
  } catch (err) {
    removeWithSidecars(partial);
    if (fs.existsSync(target) && fs.statSync(target).size === 0) fs.rmSync(target, { force: true });
    throw writeRefusal(err, target);
  } finally {
    done();
  }
  const stat = fs.statSync(target);
  const m = NAME.exec(path.basename(target));
  return { name: path.basename(target), kind: (m?.[1] ?? 'manual') as BackupKind, size: stat.size, createdAt: stat.mtime.toISOString() };
}

/** A backup is one self-contained file (rollback journal, not WAL): it can be copied to a USB stick as is
 * and opened read-only without leaving -wal/-shm files beside it. */
function toSingleFile(file: string): void {
  const copy = new SqliteDatabaseCtor(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  // Flushed before the rename, so the name never points at pages still only in the system's cache.
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** The daily backup, once per local day; returns null when today's already exists. */
export async function dailyBackup(db: SqliteDatabase, dbPath: string, now: Date): Promise<BackupFile | null> {
  const folder = backupFolder(dbPath);
  const target = path.join(folder, backupName('daily', now));
  if (fs.existsSync(target)) return null;
  fs.mkdirSync(folder, { recursive: true });
  const file = await writeBackup(db, target);
  pruneDailyBackups(folder);
  return file;
}

/**
 * Checks a file is a healthy, initialized StreetDesk database this version can open. The checks run on a
 * private copy (returned; the caller removes it with removeWithSidecars), so the file the clerk picked is
 * never touched. `shownName` is the name the clerk knows the file by.
 */
export function checkRestorable(file: string, shownName: string, workFolder: string): string {
  const fail = (reason: string): never => {
    throw new AppError('BACKUP_INVALID', `backup cannot be used: ${reason}`, { reason, file: shownName });
  };
  const inspection = inspectDatabaseFile(file);
  // Copied before it is checked: a file larger than any database of ours is refused before the copy.
  if (inspection.kind === 'streetdesk' && fs.statSync(file).size > RESTORE_MAX_BYTES) return fail('tooLarge');
  if (inspection.kind === 'missing' || inspection.kind === 'empty') return fail('empty');
  if (inspection.kind === 'foreign') return fail(inspection.reason);
  if (inspection.schemaVersion > SCHEMA_VERSION) return fail('newerVersion');
  const copy = path.join(workFolder, `restore-check-${randomBytes(6).toString('hex')}.db`);
  fs.copyFileSync(file, copy);
  let db: SqliteDatabase | null = null;
  try {
    db = new SqliteDatabaseCtor(copy, { fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return fail('corrupt');
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    if (!tables.has('street') || !db.prepare('SELECT 1 FROM street').get()) return fail('noStreet');
    const admin = db.prepare("SELECT 1 FROM users WHERE role = 'admin' AND disabled = 0").get();
    if (!admin) return fail('noAdmin');
    db.pragma('journal_mode = DELETE');
    db.close();
    db = null;
    return copy;
  } catch (err) {
    db?.close();
    db = null;
    removeWithSidecars(copy);
    if (err instanceof AppError) throw err;
    return fail('corrupt');
  }
}
