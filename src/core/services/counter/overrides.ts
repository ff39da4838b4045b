// The administrator's working-day override table: a date marked workday or holiday wins over the official
// calendar (for next year's calendar before the package knows it, or a local arrangement). One row per date.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { WorkdayOverrideInfo } from '../../../shared/api/contract-counter';
import { all, first, qb, run } from '../../db/query';
import type { WorkdayOverride } from '../../db/schema-counter';
import { notFound, refuse } from './refusals';

export const toOverrideInfo = (o: WorkdayOverride): WorkdayOverrideInfo => ({ id: o.id, date: o.on_date, kind: o.kind, name: o.name, updatedAt: o.updated_at });

export function listOverrides(db: Db, year: number | undefined): WorkdayOverrideInfo[] {
  let q = qb.selectFrom('workday_overrides').selectAll().orderBy('on_date');
  if (year !== undefined) q = q.where('on_date', 'like', `${year}-%`);
  return all(db, q).map(toOverrideInfo);
}

/** How many dates of a year the table overrides. */
export function overrideCount(db: Db, year: number): number {
  const row = first(db, qb.selectFrom('workday_overrides').select((eb) => eb.fn.countAll<number>().as('n')).where('on_date', 'like', `${year}-%`));
  return row?.n ?? 0;
}

export function getOverride(db: Db, id: number): WorkdayOverride {
  const o = first(db, qb.selectFrom('workday_overrides').selectAll().where('id', '=', id));
  if (!o) throw notFound('workday_override', id);
  return o;
}

export function saveOverride(db: Db, input: ApiParsedInput<'workdays.overrides.save'>, now: Date): { before: WorkdayOverride | null; after: WorkdayOverride } {
  const before = input.id === undefined ? null : getOverride(db, input.id);
  const clash = first(db, qb.selectFrom('workday_overrides').selectAll().where('on_date', '=', input.date).where('id', '!=', input.id ?? 0));
  if (clash) throw refuse('date', clash.kind === 'workday' ? 'overrideDateTakenWorkday' : 'overrideDateTakenHoliday', input.date, { name: clash.name || '—' });
  const at = now.toISOString();
  if (before) {
    run(db, qb.updateTable('workday_overrides').set({ on_date: input.date, kind: input.kind, name: input.dayName, updated_at: at }).where('id', '=', before.id));
    return { before, after: getOverride(db, before.id) };
  }
  const { lastInsertRowid } = run(db, qb.insertInto('workday_overrides').values({ on_date: input.date, kind: input.kind, name: input.dayName, created_at: at, updated_at: at }));
  return { before: null, after: getOverride(db, lastInsertRowid) };
}

export function deleteOverride(db: Db, id: number): WorkdayOverride {
  const before = getOverride(db, id);
  run(db, qb.deleteFrom('workday_overrides').where('id', '=', id));
  return before;
}
