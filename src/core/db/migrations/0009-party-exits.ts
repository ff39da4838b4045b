// Frozen: the right Party terms for leaving the roll (docs/domain.md §2). A member leaves by 组织关系转出
// (transfer_out), 死亡 (death) or 出党 in one of its four kinds: 开除党籍 (expelled), 除名 (struck_off),
// 自行脱党 (lapsed), 退党 (withdrew). The old 'left' was shown as 退党 everywhere, so it becomes 'withdrew';
// 'other' stays readable for records written before, but is no longer offered. 停止党籍 is not a way of
// leaving: it is the standing column, and the member may be restored (恢复党籍).
//
// SQLite cannot change a CHECK constraint in place, so the members table is rebuilt: its rows are held in
// a temporary table, the table is dropped and created again from its own stored definition (so columns
// added by any earlier migration are kept) with the new CHECK, the rows go back with their ids, and every
// index and trigger on it is created again from its stored SQL. Migrations run in one transaction with
// foreign keys on, where they cannot be switched off; so the references from other tables (events,
// transfers, officers, counter, commitments) are checked deferred: dropping the table counts them as
// broken, putting each row back counts them as whole again, and the commit fails if one is left broken.
// Never edit a migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

const OLD_CHECK = "left_reason IN ('death', 'transfer_out', 'struck_off', 'left', 'other')";
const NEW_CHECK = "left_reason IN ('death', 'transfer_out', 'expelled', 'struck_off', 'lapsed', 'withdrew', 'other')";

export function up(db: SqliteDatabase): void {
  const table = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'members'").pluck().get() as string;
  if (!table.includes(OLD_CHECK)) throw new Error('0009: the members table does not have the expected left_reason check');
  const dependents = db
    .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'members' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
    .pluck()
    .all() as string[];

  db.pragma('defer_foreign_keys = ON');
  db.exec(`
    CREATE TEMP TABLE members_0009 AS SELECT * FROM members;
    UPDATE members_0009 SET left_reason = 'withdrew' WHERE left_reason = 'left';
    DROP TABLE members;
  `);
  db.exec(table.replace(OLD_CHECK, NEW_CHECK));
  db.exec('INSERT INTO members SELECT * FROM temp.members_0009; DROP TABLE temp.members_0009;');
  for (const sql of dependents) db.exec(sql);
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length) throw new Error(`0009: ${broken.length} references broken by the members rebuild`);
}
