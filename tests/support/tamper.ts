// Edits a database file behind StreetDesk's back, through a second connection, as someone with a SQLite
// browser would: the audit log's hash chain must show it.
import SqliteDatabase from 'better-sqlite3';

export function tamper(dbPath: string, sql: string, ...params: unknown[]): number {
  const db = new SqliteDatabase(dbPath);
  try {
    return db.prepare(sql).run(...params).changes;
  } finally {
    db.close();
  }
}

const PAYLOAD = ['at', 'user_id', 'username', 'action', 'entity', 'entity_id', 'before', 'after'] as const;
const LINKS = ['prev_hash', 'hash'] as const;

/**
 * Swaps two audit entries' places: their contents change ids. With `keepLinks` the hash columns stay
 * where they were and only the payload moves.
 */
export function swapAuditRows(dbPath: string, a: number, b: number, { keepLinks = false } = {}): void {
  const columns = keepLinks ? [...PAYLOAD] : [...PAYLOAD, ...LINKS];
  const db = new SqliteDatabase(dbPath);
  try {
    db.transaction(() => {
      const get = db.prepare(`SELECT ${columns.join(', ')} FROM audit_log WHERE id = ?`);
      const rowA = get.get(a) as Record<string, unknown>;
      const rowB = get.get(b) as Record<string, unknown>;
      const set = db.prepare(`UPDATE audit_log SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
      set.run({ ...rowB, id: a });
      set.run({ ...rowA, id: b });
    })();
  } finally {
    db.close();
  }
}
