// Writing a file the clerk takes away — a backup, an export, a package — to a place that may fail: a full
// disk, a read-only folder, a USB stick pulled mid-write. The bytes go to `<name>.<random>.partial`, are
// flushed to the device and only then renamed, so a file under the real name is always whole. A failure
// removes the partial file and answers with the path and the reason in the user's words; the database is
// never involved. A killed process leaves its partial file named in a small journal, which the next start
// clears (services/leftovers.ts).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/result';

/** Why a write failed, as a field problem of shared/i18n/messages-write.ts. */
export type WriteProblem = 'writeDiskFull' | 'writeReadOnly' | 'writeFolderGone' | 'writeDenied' | 'writeFailed';

const CHUNK = 64 * 1024;

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : 'EUNKNOWN';
}

/**
 * Names the reason for a failed write. Errno codes say it directly; SQLite (the backup API) only says it
 * could not open or write, so then the folder is looked at: gone, read-only, or not ours to write.
 */
export function writeProblem(err: unknown, folder: string): WriteProblem {
  const code = codeOf(err);
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'EFBIG') return 'writeDiskFull';
  if (code === 'EROFS' || code === 'SQLITE_READONLY') return 'writeReadOnly';
  if (code === 'EACCES' || code === 'EPERM') return 'writeDenied';
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENODEV' || code === 'ENXIO' || code === 'EIO') return 'writeFolderGone';
  // SQLite's errors, and better-sqlite3's own refusal of a missing folder (a TypeError without a code).
  if (code.startsWith('SQLITE_') || code === 'EUNKNOWN') return probeFolder(folder);
  return 'writeFailed';
}

function probeFolder(folder: string): WriteProblem {
  try {
    if (!fs.statSync(folder).isDirectory()) return 'writeFolderGone';
  } catch {
    return 'writeFolderGone';
  }
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (err) {
    return codeOf(err) === 'EROFS' ? 'writeReadOnly' : 'writeDenied';
  }
  return 'writeFailed';
}

/** The refusal a user sees: `<field>: <reason> (<path>)`, with the technical code kept in params. */
export function writeRefusal(err: unknown, target: string, field = 'target'): AppError {
  if (err instanceof AppError) return err;
  const problem = writeProblem(err, path.dirname(target));
  return new AppError('VALIDATION', `could not write ${target}: ${codeOf(err)}`, {
    issues: [{ field, problem, value: target, params: { code: codeOf(err) } }],
  });
}

/** The name a file is written under until it is whole; unique, so two writers never share one. */
export function partialName(target: string): string {
  return `${target}.${randomBytes(4).toString('hex')}.partial`;
}

/**
 * The journal of the app this process runs (set by StreetDeskApp): writers without a database at hand (a
 * package written to a stick) note their partial files there. A process runs one app — the CLI, the worker —
 * so one folder; tests that make many apps only see the notes of the newest, which they never leave behind.
 */
let processJournal: string | null = null;

export function setProcessJournal(folder: string): void {
  processJournal = folder;
}

export function processJournalFolder(): string | null {
  return processJournal;
}

/**
 * Notes `partial` in the journal folder (by default the process's) until `done()` is called; a start after
 * a kill finds the note and removes the file (and the -journal/-wal SQLite may have put beside it).
 */
export function notePending(journal: string | null | undefined, partial: string): () => void {
  journal ??= processJournal;
  if (!journal) return () => undefined;
  const folder = path.join(journal, 'pending-writes');
  const note = path.join(folder, `${path.basename(partial)}.json`);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(note, JSON.stringify({ partial }));
  } catch {
    return () => undefined; // the journal is a convenience: a write never fails because of it
  }
  return () => fs.rmSync(note, { force: true });
}

export interface AtomicWriteOptions {
  /** The folder of the pending-writes journal (the key folder beside the database), if any. */
  journal?: string | null;
  /** The input field the target came from, for the message (default `target`). */
  field?: string;
}

/**
 * Writes `bytes` as `target`, whole or not at all. The folder must exist: a folder that vanished (a pulled
 * stick) is reported, never created anew on the local disk.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): void {
  const partial = partialName(target);
  const done = notePending(options.journal, partial);
  let fd: number | null = null;
  try {
    fd = fs.openSync(partial, 'wx', 0o644);
    for (let at = 0; at < bytes.length; ) {
      at += fs.writeSync(fd, bytes, at, Math.min(CHUNK, bytes.length - at));
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(partial, target);
    syncFolder(path.dirname(target));
  } catch (err) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        /* the device is gone: nothing left to close */
      }
    }
    fs.rmSync(partial, { force: true });
    throw writeRefusal(err, target, options.field);
  } finally {
    done();
  }
}

/** Flushes the folder entry of a rename, where the system allows it (not on Windows). */
export function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* not supported here: the rename is still atomic, only its durability waits for the system */
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
