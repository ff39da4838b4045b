// The Party organization tree: the street working committee at the root, community committees and
// general branches, grid branches and Party groups below; subtrees for the members page.
import type { Db } from '../db/connection';
import type { ApiParsedInput, OrgFlag, OrgNode } from '../../shared/api/contract';
import type { OrgLevel } from '../../shared/api/schemas';
import { CHILD_LEVELS, COMMITTEE_FROM_FULL_MEMBERS, MIN_FULL_MEMBERS } from '../../shared/org-rules';
import { AppError } from '../../shared/result';
import { first, qb, run } from '../db/query';
import type { Organization } from '../db/schema';
import { committeeOfficersInOffice, secretariesInOffice } from './org-officers';
import type { Scope } from '../scope';

/** Creates the root of the tree for a newly set-up street (inside setup's transaction). */
export function createStreetCommittee(db: Db, streetName: string, now: Date): number {
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
export function subtreeIds(db: Db, orgId: number): number[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id)
       SELECT id FROM sub`,
    )
    .all(orgId) as { id: number }[];
  return rows.map((r) => r.id);
}

export function orgExists(db: Db, orgId: number): boolean {
  return first(db, qb.selectFrom('organizations').select('id').where('id', '=', orgId)) !== undefined;
}

export function isRoot(db: Db, orgId: number): boolean {
  return first(db, qb.selectFrom('organizations').select('parent_id').where('id', '=', orgId))?.parent_id === null;
}

/**
 * Open organizations matching a name, or a path of names from an ancestor down ("幸福社区党委/第3网格党支部"),
 * as a clerk would write them: each earlier segment must name an ancestor, nearest last.
 */
export function findOrganizations(db: Db, path: string): { id: number; name: string }[] {
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

// ——— the tree as the organization page shows it ———

interface OrgRowWithNames extends Organization {
  community_name: string | null;
  grid_name: string | null;
}


export function orgFlags(level: OrgLevel, fullMembers: number, hasCommittee: boolean, closed: boolean): OrgFlag[] {
  if (level !== 'branch' || closed) return [];
  const flags: OrgFlag[] = [];
  if (fullMembers < MIN_FULL_MEMBERS) flags.push('fewFullMembers');
  if (fullMembers >= COMMITTEE_FROM_FULL_MEMBERS && !hasCommittee) flags.push('needsCommittee');
  return flags;
}

/**
 * The tree, flat. A user limited to one community sees its organizations and the path down to them from the
 * root (`destinations`: every organization, by name only outside the scope); members are counted in scope only.
 */
export function orgTree(db: Db, now: Date, includeClosed: boolean, onlyId?: number, scope: Scope | null = null, destinations = false): OrgNode[] {
  const counts = new Map<number, { all: number; full: number }>();
  for (const r of db
    .prepare("SELECT org_id, count(*) AS n, sum(category = 'full') AS f FROM members WHERE status = 'active' GROUP BY org_id")
    .all() as { org_id: number; n: number; f: number }[]) {
    counts.set(r.org_id, { all: r.n, full: r.f });
  }
  // A branch's full members include those in its Party groups: the groups are the branch's own members.
  const inGroups = new Map<number, number>();
  for (const r of db
    .prepare(
      `SELECT g.parent_id AS branch_id, sum(m.category = 'full') AS f FROM members m JOIN organizations g ON g.id = m.org_id
       WHERE m.status = 'active' AND g.level = 'party_group' GROUP BY g.parent_id`,
    )
    .all() as { branch_id: number; f: number }[]) {
    inGroups.set(r.branch_id, r.f);
  }
  const secretaries = secretariesInOffice(db, now);
  const rows = db
    .prepare(
      `SELECT o.*, c.name AS community_name, g.name AS grid_name FROM organizations o
       LEFT JOIN communities c ON c.id = o.community_id LEFT JOIN grids g ON g.id = o.grid_id
       WHERE (? OR o.closed_on IS NULL) AND (? IS NULL OR o.id = ?)
       ORDER BY o.parent_id, o.sort_order, o.id`,
    )
    .all(includeClosed ? 1 : 0, onlyId ?? null, onlyId ?? null) as OrgRowWithNames[];
  const shown = scope && !destinations ? rows.filter((o) => scope.visibleOrgIds().has(o.id)) : rows;
  return shown.map((o) => {
    const inScope = !scope || scope.hasOrg(o.id);
    const named = scope && !inScope && !scope.visibleOrgIds().has(o.id);
    const c = (inScope && counts.get(o.id)) || { all: 0, full: 0 };
    return {
      id: o.id,
      parentId: o.parent_id,
      name: o.name,
      level: o.level,
      category: o.category,
      communityId: o.community_id,
      communityName: o.community_name,
      gridId: o.grid_id,
      gridName: o.grid_name,
      hasCommittee: o.has_committee === 1,
      termStart: o.term_start,
      termEnd: o.term_end,
      sortOrder: o.sort_order,
      closedOn: o.closed_on,
      closedReason: o.closed_reason,
      memberCount: c.all,
      fullMemberCount: c.full,
      secretary: named ? null : (secretaries.get(o.id) ?? null),
      flags: inScope ? orgFlags(o.level, c.full + (inGroups.get(o.id) ?? 0), o.has_committee === 1, o.closed_on !== null) : [],
      inScope,
    };
  });
}

export function getOrgNode(db: Db, id: number, now: Date, scope: Scope | null = null): OrgNode {
  const node = orgTree(db, now, true, id, scope)[0];
  if (!node) throw new AppError('NOT_FOUND', `organization ${id} not found`, { entity: 'organization', id });
  return node;
}

function getOrg(db: Db, id: number): Organization {
  const row = first(db, qb.selectFrom('organizations').selectAll().where('id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', `organization ${id} not found`, { entity: 'organization', id });
  return row;
}

function invalid(field: string, problem: string, value?: unknown, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION', `${field}: ${problem}`, { issues: [{ field, problem, value, ...(params ? { params } : {}) }] });
}

function assertPlacement(db: Db, parent: Organization, level: OrgLevel, field: string): void {
  if (parent.closed_on) throw invalid(field, 'orgParentClosed', parent.name);
  if (!CHILD_LEVELS[parent.level].includes(level)) throw invalid(field, 'orgLevelNotAllowed', parent.name);
}

function assertNameFree(db: Db, parentId: number, name: string, exceptId?: number): void {
  const clash = first(
    db,
    qb
      .selectFrom('organizations')
      .select('id')
      .where('parent_id', '=', parentId)
      .where('name', '=', name)
      .where('closed_on', 'is', null)
      .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!)),
  );
  if (clash) throw invalid('name', 'orgNameTaken', name);
}

function assertPlace(db: Db, communityId: number | null | undefined, gridId: number | null | undefined): void {
  if (communityId != null && !first(db, qb.selectFrom('communities').select('id').where('id', '=', communityId))) {
    throw invalid('communityId', 'notFound', communityId);
  }
  if (gridId != null) {
    const grid = first(db, qb.selectFrom('grids').select(['id', 'community_id']).where('id', '=', gridId));
    if (!grid) throw invalid('gridId', 'notFound', gridId);
    if (communityId != null && grid.community_id !== communityId) throw invalid('gridId', 'gridOtherCommunity', gridId);
  }
}

function assertTerm(termStart: string | null | undefined, termEnd: string | null | undefined): void {
  if (termStart && termEnd && termEnd <= termStart) throw invalid('termEnd', 'termEndBeforeStart', termEnd, { termStart });
}

export function createOrg(db: Db, input: ApiParsedInput<'orgs.create'>, now: Date): Organization {
  const parent = getOrg(db, input.parentId);
  assertPlacement(db, parent, input.level, 'level');
  assertNameFree(db, parent.id, input.name);
  const communityId = input.communityId ?? parent.community_id;
  const gridId = input.gridId ?? (input.level === 'party_group' ? parent.grid_id : null);
  assertPlace(db, communityId, gridId);
  assertTerm(input.termStart, input.termEnd);
  const last = first(db, qb.selectFrom('organizations').select((eb) => eb.fn.max('sort_order').as('m')).where('parent_id', '=', parent.id));
  const at = now.toISOString();
  const { lastInsertRowid } = run(
    db,
    qb.insertInto('organizations').values({
      parent_id: parent.id,
      name: input.name,
      level: input.level,
      category: input.category,
      community_id: communityId,
      grid_id: gridId,
      has_committee: input.hasCommittee ? 1 : 0,
      term_start: input.termStart ?? null,
      term_end: input.termEnd ?? null,
      sort_order: (last?.m ?? -1) + 1,
      created_at: at,
      updated_at: at,
    }),
  );
  return getOrg(db, lastInsertRowid);
}

export function updateOrg(db: Db, input: ApiParsedInput<'orgs.update'>, now: Date): { before: Organization; after: Organization } {
  const before = getOrg(db, input.id);
  if (input.name !== undefined && input.name !== before.name && before.parent_id !== null) assertNameFree(db, before.parent_id, input.name, before.id);
  const communityId = input.communityId !== undefined ? input.communityId : before.community_id;
  const gridId = input.gridId !== undefined ? input.gridId : before.grid_id;
  assertPlace(db, communityId, gridId);
  assertTerm(input.termStart !== undefined ? input.termStart : before.term_start, input.termEnd !== undefined ? input.termEnd : before.term_end);
  if (input.hasCommittee === false && before.has_committee === 1) {
    const inOffice = committeeOfficersInOffice(db, before.id, now);
    if (inOffice > 0) throw invalid('hasCommittee', 'orgCommitteeInOffice', undefined, { count: inOffice });
  }
  run(
    db,
    qb
      .updateTable('organizations')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.category !== undefined ? { category: input.category } : {}),
        community_id: communityId,
        grid_id: gridId,
        ...(input.hasCommittee !== undefined ? { has_committee: input.hasCommittee ? 1 : 0 } : {}),
        ...(input.termStart !== undefined ? { term_start: input.termStart } : {}),
        ...(input.termEnd !== undefined ? { term_end: input.termEnd } : {}),
        updated_at: now.toISOString(),
      })
      .where('id', '=', input.id),
  );
  return { before, after: getOrg(db, input.id) };
}

export function moveOrg(db: Db, input: ApiParsedInput<'orgs.move'>, now: Date): { before: Organization; after: Organization } {
  const before = getOrg(db, input.id);
  if (before.parent_id === null) throw invalid('id', 'orgRootFixed', before.name);
  if (before.closed_on) throw invalid('id', 'orgAlreadyClosed', before.name);
  const parent = getOrg(db, input.parentId);
  if (subtreeIds(db, before.id).includes(parent.id)) throw invalid('parentId', 'orgMoveIntoItself', parent.name);
  assertPlacement(db, parent, before.level, 'parentId');
  if (parent.id !== before.parent_id) assertNameFree(db, parent.id, before.name, before.id);
  // The new order of the parent's children: the open ones as the clerk placed them, the closed ones after.
  const siblings = db
    .prepare('SELECT id, closed_on FROM organizations WHERE parent_id = ? AND id <> ? ORDER BY sort_order, id')
    .all(parent.id, before.id) as { id: number; closed_on: string | null }[];
  const open = siblings.filter((o) => o.closed_on === null).map((o) => o.id);
  open.splice(Math.min(input.position ?? open.length, open.length), 0, before.id);
  const order = [...open, ...siblings.filter((o) => o.closed_on !== null).map((o) => o.id)];
  const at = now.toISOString();
  db.prepare('UPDATE organizations SET parent_id = ?, updated_at = ? WHERE id = ?').run(parent.id, at, before.id);
  const place = db.prepare('UPDATE organizations SET sort_order = ? WHERE id = ? AND sort_order <> ?');
  order.forEach((id, i) => place.run(i, id, i));
  return { before, after: getOrg(db, before.id) };
}

/** Closing keeps the organization in history; it must hold no active member and no open organization. */
export function closeOrg(db: Db, input: ApiParsedInput<'orgs.close'>, now: Date): { before: Organization; after: Organization } {
  const before = getOrg(db, input.id);
  if (before.parent_id === null) throw invalid('id', 'orgRootFixed', before.name);
  if (before.closed_on) throw invalid('id', 'orgAlreadyClosed', before.name);
  const ids = subtreeIds(db, before.id);
  const members = (db.prepare(`SELECT count(*) AS n FROM members WHERE status = 'active' AND org_id IN (${ids.map(() => '?').join(',')})`).get(...ids) as { n: number }).n;
  if (members > 0) throw invalid('id', 'orgHasMembers', before.name, { count: members });
  const openChildren = (db.prepare('SELECT count(*) AS n FROM organizations WHERE parent_id = ? AND closed_on IS NULL').get(before.id) as { n: number }).n;
  if (openChildren > 0) throw invalid('id', 'orgHasOpenChildren', before.name, { count: openChildren });
  run(
    db,
    qb
      .updateTable('organizations')
      .set({ closed_on: input.closedOn, closed_reason: input.reason, updated_at: now.toISOString() })
      .where('id', '=', before.id),
  );
  return { before, after: getOrg(db, before.id) };
}

/** A committee's name without its kind (和平社区党委 → 和平社区), to see whether a child's name already says it. */
const unitOf = (name: string) => name.replace(/(党委|党总支|党总支部|总支部委员会|委员会|党工委)$/u, '');

/**
 * Every organization's official full name, as it is written on paper: the names from the community's
 * committee down, run together ("和平社区党委第1网格党支部", "和平社区党委第1网格党支部第一党小组"). Every
 * community has a 第1网格党支部, so the branch's own name never says which one. The street's working
 * committee is not part of the names under it; a name that already starts with its committee's unit
 * ("和平社区第一党支部" under 和平社区党委) is not given it twice.
 */
export function officialNames(db: Db): (orgId: number) => string {
  const rows = db.prepare('SELECT id, parent_id, name FROM organizations').all() as { id: number; parent_id: number | null; name: string }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const names = new Map<number, string>();
  const nameOf = (id: number): string => {
    const known = names.get(id);
    if (known !== undefined) return known;
    const org = byId.get(id);
    if (!org) return '';
    const parent = org.parent_id === null ? undefined : byId.get(org.parent_id);
    // Under the root (the street's working committee) an organization is named by itself.
    const prefix = parent && parent.parent_id !== null ? nameOf(parent.id) : '';
    const name = prefix && !org.name.startsWith(unitOf(parent!.name)) ? prefix + org.name : org.name;
    names.set(id, name);
    return name;
  };
  return nameOf;
}

/**
 * An organization's name as a printed heading (groups of a roster or a board): its official full name, the
 * same for every group, so no heading leaves the reader guessing which community's 第1网格党支部 it is.
 */
export function organizationTitles(db: Db): (orgId: number) => string {
  return officialNames(db);
}

/** An organization's place in print order: community by community, then as the organization page lists them. */
export function treeRank(db: Db): (orgId: number) => number {
  const rows = db.prepare('SELECT id FROM organizations ORDER BY community_id IS NULL, community_id, sort_order, name, id').all() as { id: number }[];
  const rank = new Map(rows.map((r, i) => [r.id, i]));
  return (orgId) => rank.get(orgId) ?? 0;
}
