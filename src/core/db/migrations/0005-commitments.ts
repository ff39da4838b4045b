// Frozen: Party members' public commitments (党员承诺公示), one per member and year, printed on the public
// board. Never edit a migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

export function up(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE member_commitments (
      id INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members (id),
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      commitment TEXT NOT NULL CHECK (length(commitment) BETWEEN 1 AND 300),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (member_id, year)
    ) STRICT;
    CREATE INDEX member_commitments_year ON member_commitments (year);
  `);
}
