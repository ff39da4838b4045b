// Migration 0002 on a database the foundation release wrote: the street keeps its data and gains the
// root of the organization tree and the default code tables.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../../src/core/db/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/core/db/migrations/index';
import { makeTempDir } from '../../support/factory';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

it('adds the street working committee and the code tables to a version-1 database', () => {
  const dir = makeTempDir();
  dirs.push(dir);
  const file = path.join(dir, 'v1.db');
  const v1 = new SqliteDatabase(file);
  MIGRATIONS[0].up(v1);
  v1.pragma('user_version = 1');
  v1.pragma(`application_id = ${APPLICATION_ID}`);
  v1.prepare("INSERT INTO street VALUES (1, '密州街道', '370782001000', '诸城市', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run();
  v1.close();

  const db = openDatabase(file);
  expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  expect(db.prepare('SELECT name, level, parent_id FROM organizations').all()).toEqual([
    { name: '密州街道党工委', level: 'street_committee', parent_id: null },
  ]);
  const labels = (table: string) => (db.prepare('SELECT label FROM code_items WHERE code_table = ? ORDER BY sort_order').all(table) as { label: string }[]).map((r) => r.label);
  expect(labels('ethnicity')[0]).toBe('汉族');
  expect(labels('ethnicity')).toHaveLength(58);
  expect(labels('education')).toContain('大学本科');
  expect(labels('occupation')).toContain('退休人员');
  expect(db.prepare("SELECT name FROM street").get()).toEqual({ name: '密州街道' });
  db.close();
});
