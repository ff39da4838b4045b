// A package built by `return build --out DIR` is stored in the database first (the row holds its bytes and
// is audited as the export), then copied to DIR. A process killed between the two would leave a built
// package whose file the clerk asked for never appeared. Rather than undo a signed, audited build, the
// delivery is finished at the next start: the CLI notes "deliver the package of PERIOD to DIR" in the
// pending-writes journal before it builds, and removes the note once the file is in place. A start that
// finds the note writes the file from the first row stored after the note (whole or not at all: writeToFolder),
// or, when no build got that far, just drops the note. Either way no row is left without its file.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connection';
import { processJournalFolder } from '../export/safe-write';
import { writeToFolder } from './send';

const NOTE = /^deliver-.+\.json$/;

interface DeliveryNote {
  /** `afterId`: the last package row when the note was made; the build's row is the first after it. */
  deliver: { db: string; folder: string; period: string; afterId: number };
}

function notesFolder(journal: string): string {
  return path.join(journal, 'pending-writes');
}

/** Notes the delivery before the build; the returned `done()` removes the note once the file is in place. */
export function noteDelivery(db: Db, dbPath: string, folder: string, period: string): () => void {
  const journal = processJournalFolder();
  if (!journal) return () => undefined;
  const note = path.join(notesFolder(journal), `deliver-${period}-${randomBytes(4).toString('hex')}.json`);
  const afterId = (db.prepare('SELECT coalesce(max(id), 0) FROM return_packages').pluck().get() as number) ?? 0;
  const body: DeliveryNote = { deliver: { db: path.resolve(dbPath), folder: path.resolve(folder), period, afterId } };
  try {
    fs.mkdirSync(path.dirname(note), { recursive: true });
    fs.writeFileSync(note, JSON.stringify(body));
  } catch {
    return () => undefined; // the journal is a convenience: a build never fails because of it
  }
  return () => fs.rmSync(note, { force: true });
}

export function isDeliveryNote(name: string): boolean {
  return NOTE.test(name);
}

/**
 * Finishes the deliveries a killed `return build` left noted for this database; answers the files written.
 * A note of another database sharing the journal folder is left for that database's next start.
 */
export function finishDeliveries(db: Db, dbPath: string, journal: string): string[] {
  const written: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(notesFolder(journal)).filter(isDeliveryNote);
  } catch {
    return written;
  }
  for (const name of names) {
    const note = path.join(notesFolder(journal), name);
    let d: DeliveryNote['deliver'] | undefined;
    try {
      d = (JSON.parse(fs.readFileSync(note, 'utf8')) as Partial<DeliveryNote>).deliver;
    } catch {
      d = undefined; // killed while writing the note: the build had not begun
    }
    if (d && typeof d.db === 'string' && d.db !== path.resolve(dbPath)) continue;
    if (d && typeof d.folder === 'string' && typeof d.period === 'string' && typeof d.afterId === 'number') {
      const row = db
        .prepare('SELECT id, file_name, bytes FROM return_packages WHERE period = ? AND id > ? ORDER BY id LIMIT 1')
        .get(d.period, d.afterId) as { id: number; file_name: string; bytes: Uint8Array } | undefined;
      if (row && !fs.existsSync(path.join(d.folder, row.file_name))) {
        try {
          written.push(writeToFolder(row.bytes, d.folder, row.file_name).file);
        } catch {
          // The folder is gone (a stick pulled): the package stays in the database, sendable from the page.
        }
      }
    }
    fs.rmSync(note, { force: true });
  }
  return written;
}
