// seed-demo's development pipeline on a real SQLite file: people at every stage, each path one the rules
// engine accepts, the admitted ones the roll's own members (joined on the branch meeting's day), and the same
// seed giving the same pipeline.
import { describe, expect, it } from 'vitest';
import { checkPath } from '../../../src/shared/develop/rules';
import { appsForEachTest } from '../../support/factory';
import { ruleOptions } from '../../../src/core/services/develop/settings';
import { pathOfPerson } from '../../../src/core/services/develop/path';
import type { DevelopPerson } from '../../../src/core/db/schema-develop';

const app = appsForEachTest();

describe('seed-demo: the development pipeline', () => {
  it('has people at every stage with valid paths; the admitted are the roll’s members from the meeting’s day', async () => {
    const t = await app({ start: new Date(2026, 10, 20, 9, 0, 0) });
    const r = await t.app.invoke('demo.seed', { members: 600, seed: 4, develop: true }, t.adminToken);
    expect(r.developPeople).toBeGreaterThan(20);
    const board = await t.app.invoke('develop.list', {}, t.adminToken);
    const stages = new Set(board.people.map((p) => p.stage));
    for (const stage of ['applicant', 'activist', 'candidate', 'probationary', 'full']) expect(stages, stage).toContain(stage);
    expect(board.people).toHaveLength(r.developPeople!);

    const db = t.app.database;
    const opts = ruleOptions(db);
    for (const p of db.prepare('SELECT * FROM develop_people').all() as DevelopPerson[]) {
      const check = checkPath(pathOfPerson(db, p), opts);
      expect(check.problems, p.name).toEqual([]);
      expect(check.stage).toBe(p.stage);
      if (p.member_id !== null) {
        const m = db.prepare('SELECT join_date, category FROM members WHERE id = ?').get(p.member_id) as { join_date: string; category: string };
        expect(m.join_date).toBe(pathOfPerson(db, p).admitted);
        expect(m.category).toBe(p.stage);
      }
    }
    // The same seed builds the same pipeline.
    const again = await app({ start: new Date(2026, 10, 20, 9, 0, 0) });
    await again.app.invoke('demo.seed', { members: 600, seed: 4, develop: true }, again.adminToken);
    const names = (x: typeof t) => x.app.database.prepare('SELECT name, stage, applied_on FROM develop_people ORDER BY id').all();
    expect(names(again)).toEqual(names(t));
  }, 60_000);
});
