// Opening a new or empty file creates the StreetDesk schema; reopening keeps the data and migrates nothing.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StreetDeskApp } from '../../src/core/app';
import { APPLICATION_ID, migrate } from '../../src/core/db/open';
import { MIGRATIONS, MIGRATION_PARTS, SCHEMA_VERSION } from '../../src/core/db/migrations/index';
import { ADMIN, STREET, makeTempDir } from '../support/factory';

interface TableListRow {
  schema: string;
  name: string;
  type: string;
  strict: number;
}

const dirs: string[] = [];
const apps: StreetDeskApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) {
    try {
      app.close();
    } catch {
      // closed by the test
    }
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function freshPath(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return path.join(dir, 'streetdesk.db');
}

function open(dbPath: string): StreetDeskApp {
  const app = new StreetDeskApp({ dbPath });
  apps.push(app);
  return app;
}

describe('a new database file', () => {
  it('is created, migrated to the current schema and marked as StreetDesk', async () => {
    const dbPath = freshPath();
    expect(fs.existsSync(dbPath)).toBe(false);
    const app = open(dbPath);
    expect(fs.existsSync(dbPath)).toBe(true);

    const status = await app.invoke('app.status', {});
    expect(status).toMatchObject({ initialized: false, street: null, schemaVersion: SCHEMA_VERSION });

    const db = app.sqlite;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  });

  it('has only STRICT tables, and the tables the app needs', () => {
    const app = open(freshPath());
    const tables = (app.sqlite.pragma('table_list') as TableListRow[]).filter(
      (t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'),
    );
    expect(tables.map((t) => t.name).sort()).toEqual(expect.arrayContaining(['audit_log', 'settings', 'street', 'users']));
    const notStrict = tables.filter((t) => t.strict !== 1).map((t) => t.name);
    expect(notStrict).toEqual([]);
  });

  it('is marked on disk, as another program opening the file sees it', () => {
    const dbPath = freshPath();
    open(dbPath).close();
    const header = fs.readFileSync(dbPath).subarray(0, 100);
    expect(header.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(header.readUInt32BE(60)).toBe(SCHEMA_VERSION); // user_version
    expect(header.readUInt32BE(68)).toBe(APPLICATION_ID); // application_id
    expect(header[18]).toBe(2); // WAL
  });

  it('refuses a wrongly typed value, because the tables are STRICT', () => {
    const app = open(freshPath());
    expect(() => app.database.prepare("INSERT INTO settings (key, value) VALUES ('x', ?)").run(Buffer.from([1, 2]))).toThrow(
      /cannot store BLOB value in TEXT column/,
    );
  });

  it('accepts a zero-byte file as a new database', async () => {
    const dbPath = freshPath();
    fs.writeFileSync(dbPath, '');
    const app = open(dbPath);
    expect(app.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(app.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const setup = await app.invoke('setup.initialize', { street: { ...STREET }, admin: { ...ADMIN } });
    expect(setup.user.username).toBe(ADMIN.username);
  });
});

describe('reopening a database', () => {
  it('keeps the street, users and audit log, and runs no migration again', async () => {
    const dbPath = freshPath();
    const first = open(dbPath);
    await first.invoke('setup.initialize', { street: { ...STREET }, admin: { ...ADMIN } });
    const auditBefore = first.database.prepare('SELECT * FROM audit_log ORDER BY id').all();
    first.close();

    const second = open(dbPath);
    const status = await second.invoke('app.status', {});
    expect(status.initialized).toBe(true);
    expect(status.street).toMatchObject({ name: STREET.name, code: STREET.code });
    expect(second.database.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(auditBefore);
    const login = await second.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(login.user.role).toBe('admin');
    expect((await second.invoke('audit.verify', {}, login.token)).ok).toBe(true);

    // Nothing is pending: migrating the reopened file again starts and ends at the current version.
    second.close();
    const raw = new SqliteDatabase(dbPath);
    try {
      expect(migrate(raw)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    } finally {
      raw.close();
    }
  });
});

describe('the migration list', () => {
  const folder = path.resolve(__dirname, '../../src/core/db/migrations');
  const files = fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => f.replace(/\.ts$/, ''));

  it('names every file of the migrations folder exactly once, as a migration or as part of one', () => {
    const named = [...MIGRATIONS.map((m) => m.name), ...Object.keys(MIGRATION_PARTS)];
    expect(new Set(named).size).toBe(named.length);
    expect([...named].sort()).toEqual([...files].sort());
    for (const owner of Object.values(MIGRATION_PARTS)) expect(MIGRATIONS.map((m) => m.name)).toContain(owner);
  });

  it('runs the migrations in their numbered order, one number each, and counts them as the schema version', () => {
    const numbers = MIGRATIONS.map((m) => Number(/^(\d{4})-/.exec(m.name)?.[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it("runs each name's own file", async () => {
    for (const m of MIGRATIONS) {
      const mod = (await import(path.join(folder, `${m.name}.ts`))) as { up?: unknown };
      expect(mod.up, m.name).toBe(m.up);
    }
  });
});

describe('0017: the development tables learn 取消预备党员资格', () => {
  /** A file as 0016 left it, with a person on the way and two steps: migrated by hand, foreign keys on as the app opens it. */
  function fileAt0016(dbPath: string): SqliteDatabase.Database {
    const db = new SqliteDatabase(dbPath);
    db.pragma('foreign_keys = ON');
    db.transaction(() => {
      for (const m of MIGRATIONS.slice(0, 16)) m.up(db);
      db.pragma('user_version = 16');
    })();
    const at = '2026-01-05T08:00:00.000Z';
    db.prepare("INSERT INTO organizations (id, name, level, category, created_at, updated_at) VALUES (1, '东华街道党工委', 'street_committee', 'regional', ?, ?)").run(at, at);
    db.prepare(
      `INSERT INTO develop_people (id, name, id_number, sex, birth_date, org_id, stage, applied_on, last_step_on, created_at, updated_at)
       VALUES (7, '孙晓明', '110101200004120071', 1, '2000-04-12', 1, 'probationary', '2024-09-02', '2025-12-23', ?, ?)`,
    ).run(at, at);
    const step = db.prepare("INSERT INTO develop_steps (id, person_id, step, on_date, recorded_by, recorded_at) VALUES (?, 7, ?, ?, '管理员', ?)");
    step.run(11, 'applied', '2024-09-02', at);
    step.run(12, 'admitted', '2025-12-23', at);
    return db;
  }

  it('keeps every row, id, index and reference, and accepts the new step and stage', () => {
    const db = fileAt0016(freshPath());
    try {
      const indexesBefore = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name LIKE 'develop_%' ORDER BY name").all();
      expect(() => db.prepare("UPDATE develop_people SET stage = 'disqualified' WHERE id = 7").run()).toThrow(/CHECK/);
      expect(migrate(db)).toEqual({ from: 16, to: SCHEMA_VERSION });

      expect(db.prepare('SELECT id, person_id, step, on_date FROM develop_steps ORDER BY id').all()).toEqual([
        { id: 11, person_id: 7, step: 'applied', on_date: '2024-09-02' },
        { id: 12, person_id: 7, step: 'admitted', on_date: '2025-12-23' },
      ]);
      expect(db.prepare('SELECT id, name, stage FROM develop_people').all()).toEqual([{ id: 7, name: '孙晓明', stage: 'probationary' }]);
      expect(db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name LIKE 'develop_%' ORDER BY name").all()).toEqual(indexesBefore);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%0017%'").pluck().get()).toBe(0);

      db.prepare("INSERT INTO develop_steps (person_id, step, on_date, recorded_by, recorded_at) VALUES (7, 'disqualified', '2026-06-01', '管理员', '2026-06-01T08:00:00.000Z')").run();
      db.prepare("UPDATE develop_people SET stage = 'disqualified' WHERE id = 7").run();
      // The checks and the references are still there: an unknown step, and a step of nobody, are refused.
      expect(() => db.prepare("INSERT INTO develop_steps (person_id, step, on_date, recorded_by, recorded_at) VALUES (7, 'expelled', '2026-06-01', 'x', 'x')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO develop_steps (person_id, step, on_date, recorded_by, recorded_at) VALUES (99, 'review', '2026-06-01', 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare('DELETE FROM develop_people WHERE id = 7').run()).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });
});

describe('0018: the projects learn their year cycle', () => {
  // Found by name, so the test holds whatever number of migrations comes before it.
  const at = MIGRATIONS.findIndex((m) => m.name === '0018-project-cycle');

  /** A file as the migration before 0018 left it, with a project and its milestone. */
  function fileBefore0018(dbPath: string): SqliteDatabase.Database {
    const db = new SqliteDatabase(dbPath);
    db.pragma('foreign_keys = ON');
    db.transaction(() => {
      for (const m of MIGRATIONS.slice(0, at)) m.up(db);
      db.pragma(`user_version = ${at}`);
    })();
    const stamp = '2026-01-05T08:00:00.000Z';
    db.prepare("INSERT INTO gov_projects (id, type, year, name, owner, status, created_at, updated_at) VALUES (5, 'secretary', 2026, '红色物业提升', '王书记', 'in_progress', ?, ?)").run(stamp, stamp);
    db.prepare("INSERT INTO gov_project_milestones (project_id, position, title, due_on) VALUES (5, 0, '完成设计', '2026-05-31')").run();
    return db;
  }

  it('keeps the projects as they were, with no review, no result and no year approved, and checks the new columns', () => {
    expect(at).toBeGreaterThan(0);
    const db = fileBefore0018(freshPath());
    try {
      expect(migrate(db)).toEqual({ from: at, to: SCHEMA_VERSION });
      expect(db.prepare('SELECT id, name, status, version, review_progress, review_note, reviewed_on, close_result, close_reason FROM gov_projects').all()).toEqual([
        { id: 5, name: '红色物业提升', status: 'in_progress', version: 1, review_progress: null, review_note: '', reviewed_on: null, close_result: null, close_reason: '' },
      ]);
      expect(db.prepare('SELECT count(*) FROM gov_project_milestones WHERE project_id = 5').pluck().get()).toBe(1);
      expect(db.prepare('SELECT count(*) FROM gov_project_years').pluck().get()).toBe(0);
      expect(() => db.prepare("UPDATE gov_projects SET close_result = 'maybe' WHERE id = 5").run()).toThrow(/CHECK/);
      expect(() => db.prepare('UPDATE gov_projects SET review_progress = 101 WHERE id = 5').run()).toThrow(/CHECK/);
      // A close needs the approval before it, on a later or the same day.
      expect(() => db.prepare("INSERT INTO gov_project_years (year, approved_on, approved_by, closed_on, closed_by, created_at, updated_at) VALUES (2026, '2026-04-20', '王书记', '2026-03-01', '王书记', 'x', 'x')").run()).toThrow(/CHECK/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
