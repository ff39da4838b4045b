// A user's saved grid layouts (column order, widths, hidden columns), one row per user, grid and name.
import type { Db } from '../db/connection';
import { all, qb, run } from '../db/query';

export interface SavedLayout {
  name: string;
  layout: string;
  updatedAt: string;
}

export function listLayouts(db: Db, userId: number, grid: string): SavedLayout[] {
  const rows = all(db, qb.selectFrom('grid_layouts').select(['name', 'layout', 'updated_at']).where('user_id', '=', userId).where('grid', '=', grid).orderBy('name'));
  return rows.map((r) => ({ name: r.name, layout: r.layout, updatedAt: r.updated_at }));
}

/** Saves a layout under its name, replacing one of the same name. */
export function saveLayout(db: Db, userId: number, input: { grid: string; name: string; layout: string }, now: Date): SavedLayout {
  const at = now.toISOString();
  run(
    db,
    qb
      .insertInto('grid_layouts')
      .values({ user_id: userId, grid: input.grid, name: input.name, layout: input.layout, updated_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'grid', 'name']).doUpdateSet({ layout: input.layout, updated_at: at })),
  );
  return { name: input.name, layout: input.layout, updatedAt: at };
}
