// What a process killed mid-write leaves behind, cleared at the next start (StreetDeskApp's constructor,
// after the database opened): partial backups and their -journal files, the restore's temporary copies, and
// any partial file the pending-writes journal names (exports and backups written elsewhere). None of them
// ever looks complete — they carry .partial/.tmp names — but they pile up on a clerk's disk and confuse.
// One app owns a database at a time (the desktop app, the host or a CLI command); a second process started
// on the same file while the first writes a backup would clear that backup's partial file and make it fail
// with a message — never leave a bad file.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection';
import { finishDeliveries, isDeliveryNote } from '../exchange/delivery-note';
import { backupFolder, removeWithSidecars } from './backup';

/** Files in the backups folder that only exist while a backup or restore runs. */
const TEMPORARY = /(\.partial|\.tmp)$|^restore-check-[0-9a-f]+\.db$/;
const SIDECAR = /-(journal|wal|shm)$/;

export interface SweepResult {
  removed: string[];
  /** Package files a killed `return build` had not yet written, written now (exchange/delivery-note.ts). */
  delivered: string[];
}

export function sweepLeftovers(dbPath: string, journalFolder: string | null, db?: Db): SweepResult {
  const removed: string[] = [];
  // Deliveries first: writing a package file clears its own .part, and the notes below are then only partials.
  const delivered = db && journalFolder ? finishDeliveries(db, dbPath, journalFolder) : [];
  const remove = (file: string) => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) {
      if (fs.existsSync(`${file}${suffix}`)) removed.push(`${file}${suffix}`);
    }
    removeWithSidecars(file);
  };

  const folder = backupFolder(dbPath);
  for (const name of safeList(folder)) {
    const base = name.replace(SIDECAR, '');
    if (TEMPORARY.test(base)) remove(path.join(folder, base));
  }

  // The restore's copy of the old file and its new one under a temporary name: the database opened, so the
  // rename either happened or did not; both copies are spare.
  for (const spare of [`${dbPath}.previous`, `${dbPath}.restoring`]) {
    if (fs.existsSync(spare)) remove(spare);
  }

  if (journalFolder) {
    const notes = path.join(journalFolder, 'pending-writes');
    for (const name of safeList(notes)) {
      if (isDeliveryNote(name)) continue; // another database's delivery, finished at its own start
      const note = path.join(notes, name);
      try {
        const { partial } = JSON.parse(fs.readFileSync(note, 'utf8')) as { partial?: unknown };
        if (typeof partial === 'string' && /\.(partial|part)$/.test(partial)) remove(partial);
      } catch {
        /* an unreadable note (killed while writing it) names nothing */
      }
      fs.rmSync(note, { force: true });
    }
  }
  return { removed, delivered };
}

function safeList(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}
