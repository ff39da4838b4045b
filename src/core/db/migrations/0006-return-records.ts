// Frozen: a finalized return keeps the records its package carries for the district (members, the month's
// changes, transfers) beside its frozen tables, deflated JSON, so a package built later from the same
// version sends exactly what the tables count. Never edit a migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

export function up(db: SqliteDatabase): void {
  db.exec(`ALTER TABLE returns ADD COLUMN records BLOB;`);
}
