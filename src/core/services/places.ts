// Communities (社区, with their 12-digit codes, households and space) and the grids inside them.
import type { Db } from '../db/connection';
import type { ApiParsedInput, CommunityInfo, GridInfo } from '../../shared/api/contract';
import { checkCommunityCode } from '../../shared/division-code';
import { AppError } from '../../shared/result';
import { first, qb, run } from '../db/query';
import type { Community } from '../db/schema';
import { requireStreet } from './street';

const invalid = (field: string, problem: string, value: unknown, params?: Record<string, string | number>) =>
  new AppError('VALIDATION', `${field}: ${problem}`, { issues: [{ field, problem, value, ...(params ? { params } : {}) }] });

function toCommunity(r: Community): CommunityInfo {
  return {
    id: r.id,
    name: r.name,
    divisionCode: r.division_code,
    households: r.households,
    population: r.population,
    officeArea: r.office_area,
    activityArea: r.activity_area,
    closedOn: r.closed_on,
  };
}

export function listCommunities(db: Db): CommunityInfo[] {
  return db.prepare('SELECT * FROM communities ORDER BY division_code').all().map((r) => toCommunity(r as Community));
}

export function getCommunity(db: Db, id: number): CommunityInfo {
  const row = first(db, qb.selectFrom('communities').selectAll().where('id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', `community ${id} not found`, { entity: 'community', id });
  return toCommunity(row);
}

export function saveCommunity(db: Db, input: ApiParsedInput<'communities.save'>, now: Date): { before: CommunityInfo | null; after: CommunityInfo } {
  const street = requireStreet(db);
  const problem = checkCommunityCode(input.divisionCode, street.code);
  if (problem) throw invalid('divisionCode', problem, input.divisionCode, { street: street.code.slice(0, 9) });
  const clash = first(db, qb.selectFrom('communities').select('id').where('division_code', '=', input.divisionCode));
  if (clash && clash.id !== input.id) throw invalid('divisionCode', 'codeTaken', input.divisionCode);
  const at = now.toISOString();
  const values = {
    name: input.name,
    division_code: input.divisionCode,
    households: input.households ?? null,
    population: input.population ?? null,
    office_area: input.officeArea ?? null,
    activity_area: input.activityArea ?? null,
    updated_at: at,
  };
  if (input.id === undefined) {
    const { lastInsertRowid } = run(db, qb.insertInto('communities').values({ ...values, created_at: at }));
    return { before: null, after: getCommunity(db, lastInsertRowid) };
  }
  const before = getCommunity(db, input.id);
  run(db, qb.updateTable('communities').set(values).where('id', '=', input.id));
  return { before, after: getCommunity(db, input.id) };
}

const GRID_SQL = `SELECT g.*, c.name AS community_name FROM grids g JOIN communities c ON c.id = g.community_id`;

function toGrid(r: Record<string, unknown>): GridInfo {
  return {
    id: r.id as number,
    communityId: r.community_id as number,
    communityName: r.community_name as string,
    name: r.name as string,
    kind: r.kind as GridInfo['kind'],
    coverage: r.coverage as string,
    closedOn: (r.closed_on as string | null) ?? null,
  };
}

export function listGrids(db: Db, communityId?: number): GridInfo[] {
  const rows =
    communityId === undefined
      ? db.prepare(`${GRID_SQL} ORDER BY c.division_code, g.id`).all()
      : db.prepare(`${GRID_SQL} WHERE g.community_id = ? ORDER BY g.id`).all(communityId);
  return (rows as Record<string, unknown>[]).map(toGrid);
}

export function getGrid(db: Db, id: number): GridInfo {
  const row = db.prepare(`${GRID_SQL} WHERE g.id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) throw new AppError('NOT_FOUND', `grid ${id} not found`, { entity: 'grid', id });
  return toGrid(row);
}

export function saveGrid(db: Db, input: ApiParsedInput<'grids.save'>, now: Date): { before: GridInfo | null; after: GridInfo } {
  getCommunity(db, input.communityId);
  const clash = first(
    db,
    qb.selectFrom('grids').select('id').where('community_id', '=', input.communityId).where('name', '=', input.name).where('closed_on', 'is', null),
  );
  if (clash && clash.id !== input.id) throw invalid('name', 'gridNameTaken', input.name);
  const at = now.toISOString();
  const values = { community_id: input.communityId, name: input.name, kind: input.kind, coverage: input.coverage, updated_at: at };
  if (input.id === undefined) {
    const { lastInsertRowid } = run(db, qb.insertInto('grids').values({ ...values, created_at: at }));
    return { before: null, after: getGrid(db, lastInsertRowid) };
  }
  const before = getGrid(db, input.id);
  run(db, qb.updateTable('grids').set(values).where('id', '=', input.id));
  return { before, after: getGrid(db, input.id) };
}
