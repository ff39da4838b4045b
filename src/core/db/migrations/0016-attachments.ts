// Frozen: attachments (附件) — the scanned voucher of a fund entry, the photos and sign-in scan of a meeting,
// the posted notice of a disclosure — kept in the database beside the record they belong to, so a backup,
// a restore and the audit carry them too. Each file is stored once with its size and SHA-256. Never edit a
// migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

export function up(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE attachments (
      id INTEGER PRIMARY KEY,
      owner TEXT NOT NULL CHECK (owner IN ('fund_entry', 'meeting', 'disclosure')),
      owner_id INTEGER NOT NULL,
      file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
      size INTEGER NOT NULL CHECK (size > 0),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      content BLOB NOT NULL,
      added_by TEXT NOT NULL,
      added_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX attachments_owner ON attachments (owner, owner_id);
  `);
}
