// The service-matter catalog on the three lists (服务事项清单): what the community handles, on which list,
// with what materials and promised limit. Requests keep their own copy of class and limit, so an edit here
// never rewrites a request already accepted.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { ServiceMatterInfo } from '../../../shared/api/contract-counter';
import { all, first, qb, run } from '../../db/query';
import type { ServiceMatter } from '../../db/schema-counter';
import { assertVersion, notFound, refuse } from './refusals';

export function toMatterInfo(m: ServiceMatter): ServiceMatterInfo {
  return {
    id: m.id,
    name: m.name,
    listClass: m.list_class,
    category: m.category,
    materials: JSON.parse(m.materials) as string[],
    limitDays: m.limit_days,
    responsiblePost: m.responsible_post,
    fee: m.fee,
    legalBasis: m.legal_basis,
    active: m.active === 1,
    sortOrder: m.sort_order,
    version: m.version,
    updatedAt: m.updated_at,
  };
}

export function listMatters(db: Db, includeRetired: boolean): ServiceMatterInfo[] {
  let q = qb.selectFrom('service_matters').selectAll().orderBy('active', 'desc').orderBy('sort_order').orderBy('id');
  if (!includeRetired) q = q.where('active', '=', 1);
  return all(db, q).map(toMatterInfo);
}

export function getMatter(db: Db, id: number): ServiceMatter {
  const m = first(db, qb.selectFrom('service_matters').selectAll().where('id', '=', id));
  if (!m) throw notFound('service_matter', id);
  return m;
}

function assertNameFree(db: Db, name: string, exceptId: number | null): void {
  const clash = first(db, qb.selectFrom('service_matters').select('id').where('name', '=', name).where('active', '=', 1).where('id', '!=', exceptId ?? 0));
  if (clash) throw refuse('matterName', 'matterNameTaken', name);
}

export function createMatter(db: Db, input: ApiParsedInput<'matters.create'>, now: Date): ServiceMatter {
  assertNameFree(db, input.matterName, null);
  const last = first(db, qb.selectFrom('service_matters').select((eb) => eb.fn.max('sort_order').as('max')));
  const at = now.toISOString();
  const { lastInsertRowid } = run(
    db,
    qb.insertInto('service_matters').values({
      name: input.matterName,
      list_class: input.listClass,
      category: input.category,
      materials: JSON.stringify(input.materials),
      limit_days: input.limitDays,
      responsible_post: input.responsiblePost,
      fee: input.fee,
      legal_basis: input.legalBasis,
      sort_order: (last?.max ?? 0) + 10,
      created_at: at,
      updated_at: at,
    }),
  );
  return getMatter(db, lastInsertRowid);
}

export function updateMatter(db: Db, input: ApiParsedInput<'matters.update'>, now: Date): { before: ServiceMatter; after: ServiceMatter } {
  const before = getMatter(db, input.id);
  assertVersion('service_matter', before.id, before.version, input.version);
  const active = input.active ?? before.active === 1;
  if (active && (input.matterName !== undefined || input.active)) assertNameFree(db, input.matterName ?? before.name, before.id);
  run(
    db,
    qb
      .updateTable('service_matters')
      .set({
        name: input.matterName ?? before.name,
        list_class: input.listClass ?? before.list_class,
        category: input.category ?? before.category,
        materials: input.materials ? JSON.stringify(input.materials) : before.materials,
        limit_days: input.limitDays ?? before.limit_days,
        responsible_post: input.responsiblePost ?? before.responsible_post,
        fee: input.fee ?? before.fee,
        legal_basis: input.legalBasis ?? before.legal_basis,
        active: active ? 1 : 0,
        version: before.version + 1,
        updated_at: now.toISOString(),
      })
      .where('id', '=', before.id),
  );
  return { before, after: getMatter(db, before.id) };
}

export function retireMatter(db: Db, id: number, now: Date): { before: ServiceMatter; after: ServiceMatter } {
  const before = getMatter(db, id);
  if (before.active === 0) throw refuse('id', 'matterRetired', before.name);
  run(db, qb.updateTable('service_matters').set({ active: 0, version: before.version + 1, updated_at: now.toISOString() }).where('id', '=', id));
  return { before, after: getMatter(db, id) };
}
