// Frozen: the street's introduction letters are numbered per year ("东华门组转〔2026〕007号"). The last
// number given in each year is kept here and only ever goes up, so a number is never given twice, even
// after a letter is cancelled. Never edit a migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

export function up(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE letter_sequences (
      year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
      last INTEGER NOT NULL CHECK (last >= 0)
    ) STRICT;
  `);
}
