// The Party organization tree: the street working committee at the root, community committees and
// general branches, grid branches and Party groups below; subtrees for the members page.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { first, qb, run } from '../db/query';

/** Creates the root of the tree for a newly set-up street (inside setup's transaction). */
export function createStreetCommittee(db: SqliteDatabase, streetName: string, now: Date): number {
  const existing = first(db, qb.selectFrom('organizations').select('id').where('parent_id', 'is', null));
  if (existing) return existing.id;
  const at = now.toISOString();
  return run(
    db,
    qb.insertInto('organizations').values({
      parent_id: null,
      name: `${streetName}党工委`,
      level: 'street_committee',
      category: 'regional',
      sort_order: 0,
      created_at: at,
      updated_at: at,
    }),
  ).lastInsertRowid;
}

/** The ids of `orgId` and every organization below it (open or closed). */
export function subtreeIds(db: SqliteDatabase, orgId: number): number[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id)
       SELECT id FROM sub`,
    )
    .all(orgId) as { id: number }[];
  return rows.map((r) => r.id);
}

export function isRoot(db: SqliteDatabase, orgId: number): boolean {
  return first(db, qb.selectFrom('organizations').select('parent_id').where('id', '=', orgId))?.parent_id === null;
}

/**
 * Open organizations matching a name, or a path of names from an ancestor down ("幸福社区党委/第3网格党支部"),
 * as a clerk would write them: each earlier segment must name an ancestor, nearest last.
 */
export function findOrganizations(db: SqliteDatabase, path: string): { id: number; name: string }[] {
  const segments = path.split('/').map((p) => p.trim()).filter(Boolean);
  const leaf = segments.pop();
  if (!leaf) return [];
  const candidates = db.prepare('SELECT id, name, parent_id FROM organizations WHERE name = ? AND closed_on IS NULL').all(leaf) as {
    id: number;
    name: string;
    parent_id: number | null;
  }[];
  const parentOf = db.prepare('SELECT id, name, parent_id FROM organizations WHERE id = ?');
  return candidates
    .filter((c) => {
      let wanted = segments.length - 1;
      let parent = c.parent_id;
      while (wanted >= 0 && parent !== null) {
        const row = parentOf.get(parent) as { name: string; parent_id: number | null };
        if (row.name === segments[wanted]) wanted--;
        parent = row.parent_id;
      }
      return wanted < 0;
    })
    .map(({ id, name }) => ({ id, name }));
}
