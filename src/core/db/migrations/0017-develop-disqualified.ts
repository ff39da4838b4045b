// Frozen once shipped: 取消预备党员资格 (issue 16), the third outcome of the probation beside 转正 and the
// extension. The step table's CHECK gains the step 'disqualified' and the register's the stage 'disqualified'.
//
// SQLite cannot change a CHECK in place, so both tables are rebuilt from their own stored definitions (any
// column added since 0013 is kept), with every index and trigger created again from its stored SQL:
// - develop_steps, which nothing references, the usual way: create the new table, copy the rows with their
//   ids, drop the old one, rename the new one to the old name.
// - develop_people is referenced by develop_steps and develop_contacts. Migrations run in one transaction
//   with foreign keys on (they cannot be switched off there), and a rename does not repair the references a
//   drop counts as broken; so, as 0009 did for members, its rows are held in a temporary table, the table is
//   dropped and created again under its own name, and the rows go back with their ids, which makes each
//   reference whole again. The references are checked deferred, and `foreign_key_check` must find none
//   broken before the migration ends.
// Never edit a migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

const STEP_CHECK_END = "'extended', 'full'))";
const STAGE_CHECK = "stage IN ('applicant', 'activist', 'candidate', 'probationary', 'full')";

function storedTable(db: SqliteDatabase, name: string): string {
  return db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(name) as string;
}

function dependents(db: SqliteDatabase, name: string): string[] {
  return db
    .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
    .pluck()
    .all(name) as string[];
}

/** The stored definition with `from` replaced, refusing to guess when the table is not as 0013 left it. */
function replaced(sql: string, from: string, to: string, table: string): string {
  if (!sql.includes(from)) throw new Error(`0017: the ${table} table does not have the expected check`);
  return sql.replace(from, to);
}

export function up(db: SqliteDatabase): void {
  db.pragma('defer_foreign_keys = ON');

  // develop_steps: create new, copy, drop, rename.
  const stepsSql = replaced(storedTable(db, 'develop_steps'), STEP_CHECK_END, "'extended', 'full', 'disqualified'))", 'develop_steps');
  const stepDependents = dependents(db, 'develop_steps');
  db.exec(stepsSql.replace(/^CREATE TABLE "?develop_steps"?/, 'CREATE TABLE develop_steps_0017'));
  db.exec(`
    INSERT INTO develop_steps_0017 SELECT * FROM develop_steps;
    DROP TABLE develop_steps;
    ALTER TABLE develop_steps_0017 RENAME TO develop_steps;
  `);
  for (const sql of stepDependents) db.exec(sql);

  // develop_people: held, dropped, created again under its name, refilled.
  const peopleSql = replaced(storedTable(db, 'develop_people'), STAGE_CHECK, "stage IN ('applicant', 'activist', 'candidate', 'probationary', 'full', 'disqualified')", 'develop_people');
  const peopleDependents = dependents(db, 'develop_people');
  db.exec(`
    CREATE TEMP TABLE develop_people_0017 AS SELECT * FROM develop_people;
    DROP TABLE develop_people;
  `);
  db.exec(peopleSql);
  db.exec('INSERT INTO develop_people SELECT * FROM temp.develop_people_0017; DROP TABLE temp.develop_people_0017;');
  for (const sql of peopleDependents) db.exec(sql);

  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length) throw new Error(`0017: ${broken.length} references broken by the development tables' rebuild`);
}
