// The members' archive: the members page query. Filters, search and sort run in SQL, a page at a time:
// first the page's ids (through the indexes only), then those rows with their branch, grid and community.
import type { Db } from '../db/connection';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { ApiParsedInput, MemberRow } from '../../shared/api/contract';
import type { AgeBand, MemberSortField } from '../../shared/api/schemas';
import { AppError } from '../../shared/result';
import { all, first, qb } from '../db/query';
import { localIsoDate, toHalfWidth } from '../../shared/validators';
import { MEMBER_FIELDS } from '../../shared/members/fields';
import type { Database, Member } from '../db/schema';
import { isRoot, subtreeIds } from './organizations';
import type { Scope } from '../scope';

type MemberQuery = SelectQueryBuilder<Database, 'members' | 'organizations', object>;
type ListInput = ApiParsedInput<'members.list'>;

const SORT_COLUMNS: Record<MemberSortField, string> = {
  name: 'members.name_pinyin',
  joinDate: 'members.join_date',
  fullDate: 'members.full_date',
  birthDate: 'members.birth_date',
  category: 'members.category',
  branch: 'organizations.name',
  idNumber: 'members.id_number',
  updatedAt: 'members.updated_at',
  leftOn: 'members.left_on',
};

/**
 * Typing `zsf` or `zhang` finds 张三丰, digits find ID numbers and phones, anything else the name.
 * Prefixes are written into the SQL as literals (they are only letters or digits) so that SQLite turns
 * each GLOB into an index range and the OR into a multi-index OR.
 */
function searchCondition(query: string) {
  const text = toHalfWidth(query).replace(/[\s\u3000]/g, '');
  // 尾号 5217, or four to six digits alone: the end of a phone or ID number (the last four digits are
  // indexed, see migration 0008); digits alone may also begin one.
  const tail = /^(尾号|后四位|后六位)?[:：]?(\d{3,5}[\dxX])$/.exec(text);
  if (tail) {
    const digits = tail[2].toUpperCase();
    const last4 = sql.lit(digits.slice(-4));
    const ends = sql.lit(`*${digits}`);
    const tailMatch = sql<boolean>`((substr(members.id_number, -4) = ${last4} AND members.id_number GLOB ${ends}) OR (substr(members.phone, -4) = ${last4} AND members.phone GLOB ${ends}))`;
    if (tail[1]) return tailMatch;
    return sql<boolean>`(${tailMatch} OR members.id_number GLOB ${sql.lit(`${digits}*`)} OR members.phone GLOB ${sql.lit(`${digits}*`)})`;
  }
  if (/^\d+[xX]?$/.test(text)) {
    const upper = sql.lit(`${text.toUpperCase()}*`);
    return sql<boolean>`(members.id_number GLOB ${upper} OR members.phone GLOB ${sql.lit(`${text}*`)})`;
  }
  if (/^[a-zA-Z]+$/.test(text)) {
    const lower = sql.lit(`${text.toLowerCase()}*`);
    return sql<boolean>`(members.name_initials GLOB ${lower} OR members.name_pinyin GLOB ${lower})`;
  }
  return sql<boolean>`instr(members.name, ${text}) > 0`;
}

/** The day `years` years before `today` (YYYY-MM-DD): born after it means younger than `years`. */
function yearsBefore(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

/**
 * An age band on `today`, by birth date against the band's cut-off days: the overview's age chart counts with
 * the same days (overview/members.ts), so a band's figure is the page's total for it. 35–45 is 35 to 45 full
 * years (born on or before the day 35 years ago, after the day 46 years ago).
 */
function ageBandCondition(band: AgeBand, today: string) {
  const [c35, c46, c61, c71] = [35, 46, 61, 71].map((y) => yearsBefore(today, y));
  switch (band) {
    case 'under35':
      return sql<boolean>`members.birth_date > ${c35}`;
    case 'from35to45':
      return sql<boolean>`(members.birth_date <= ${c35} AND members.birth_date > ${c46})`;
    case 'from46to60':
      return sql<boolean>`(members.birth_date <= ${c46} AND members.birth_date > ${c61})`;
    case 'from61to70':
      return sql<boolean>`(members.birth_date <= ${c61} AND members.birth_date > ${c71})`;
    case 'over70':
      return sql<boolean>`members.birth_date <= ${c71}`;
    case 'unknown':
      return sql<boolean>`(members.birth_date IS NULL OR members.birth_date = '')`;
  }
}

function filtered(db: Db, input: ListInput, scope: Scope | null, today: string): MemberQuery {
  let q = qb.selectFrom('members').where('members.status', '=', input.status) as unknown as MemberQuery;
  // A user limited to one community: only the members of its organizations, whatever the view asks for.
  if (scope) q = q.where(scope.orgCondition('members.org_id'));
  const needsOrganization = input.communityId !== undefined || input.sort.some((s) => s.field === 'branch');
  if (needsOrganization) q = q.innerJoin('organizations', 'organizations.id', 'members.org_id');
  // Every member is below the root: filtering by the whole tree would only slow the query down.
  if (input.orgId !== undefined && !isRoot(db, input.orgId)) {
    q = q.where('members.org_id', 'in', subtreeIds(db, input.orgId));
  }
  if (input.communityId !== undefined) q = q.where('organizations.community_id', '=', input.communityId);
  if (input.gridId !== undefined) q = q.where('members.grid_id', '=', input.gridId);
  if (input.category) q = q.where('members.category', '=', input.category);
  if (input.occupationGroup) q = q.where(sql<boolean>`members.occupation GLOB ${sql.lit(`${input.occupationGroup}*`)}`);
  const flags = [
    ['mobile', 'members.mobile'],
    ['lostContact', 'members.lost_contact'],
    ['hardship', 'members.hardship'],
    ['inServiceRegistered', 'members.in_service_registered'],
    ['volunteer', 'members.volunteer'],
  ] as const;
  for (const [key, column] of flags) {
    const value = input[key];
    if (value !== undefined) q = q.where(column, '=', value ? 1 : 0);
  }
  if (input.ageBand) q = q.where(ageBandCondition(input.ageBand, today));
  // null: no education recorded (the chart's unlabelled bar); the code otherwise.
  if (input.education === null) q = q.where(sql<boolean>`(members.education IS NULL OR members.education = '')`);
  else if (input.education !== undefined) q = q.where('members.education', '=', input.education);
  // A range on the text (index-friendly), the same members as the chart's substr(join_date, 1, 4) = year.
  if (input.joinYear !== undefined) q = q.where('members.join_date', '>=', String(input.joinYear)).where('members.join_date', '<', String(input.joinYear + 1));
  if (input.query) q = q.where(searchCondition(input.query));
  return q;
}

/**
 * The members page's own filter, for figures that must agree with the page's total by construction (the
 * overview counts over it instead of repeating the conditions).
 */
export function memberFilter(db: Db, input: ListInput, scope: Scope | null, today = localIsoDate(new Date())): MemberQuery {
  return filtered(db, input, scope, today);
}

/** A row of ROWS_BY_IDS: the record's own columns, each field's column (by the field table) and the names. */
type RowWithNames = Pick<Member, 'id' | 'org_id' | 'grid_id' | 'status' | 'left_on' | 'left_reason' | 'version' | 'updated_at'> & {
  branch_name: string;
  grid_name: string | null;
  community_name: string | null;
};

function pageIds(db: Db, input: Omit<ListInput, 'offset' | 'limit'>, scope: Scope | null, offset: number, limit: number | null, today: string): number[] {
  let page = filtered(db, input as ListInput, scope, today).select('members.id');
  for (const { field, dir } of input.sort) page = page.orderBy(sql.ref(SORT_COLUMNS[field]), dir);
  page = page.orderBy('members.id', 'asc');
  const query = limit === null ? page : page.limit(limit).offset(offset);
  return all(db, query).map((r) => r.id);
}

/**
 * The columns a wire row is made of, from the field table: the record's own and each field's. Raw SQL, measured
 * (`npm run bench`, the members page): json_each and one prepared statement beat Kysely's compile per call.
 */
const ROW_COLUMNS = [...new Set(['id', 'org_id', 'grid_id', 'status', 'left_on', 'left_reason', 'version', 'updated_at', ...MEMBER_FIELDS.flatMap((f) => ('column' in f.store ? [f.store.column] : []))])];

const ROWS_BY_IDS = `SELECT ${ROW_COLUMNS.map((c) => `members.${c}`).join(', ')},
    organizations.name AS branch_name, grids.name AS grid_name, communities.name AS community_name
  FROM members JOIN organizations ON organizations.id = members.org_id
  LEFT JOIN grids ON grids.id = members.grid_id LEFT JOIN communities ON communities.id = organizations.community_id
  WHERE members.id IN (SELECT value FROM json_each(?))`;

/** The rows of these members, in this order, with their branch, grid and community names. */
export function memberRowsByIds(db: Db, ids: number[]): MemberRow[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(ROWS_BY_IDS).all(JSON.stringify(ids)) as RowWithNames[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => toMemberRow(byId.get(id)!));
}

/**
 * The members page: a page of the view and its total, inside the caller's scope (null: the whole street).
 * `today` places the age bands (the caller's clock; the machine's day when not given).
 */
export function listMembers(db: Db, input: ListInput, scope: Scope | null, today = localIsoDate(new Date())): { total: number; members: MemberRow[] } {
  const total = first(db, filtered(db, input, scope, today).select(sql<number>`count(*)`.as('n')))?.n ?? 0;
  return { total, members: memberRowsByIds(db, pageIds(db, input, scope, input.offset, input.limit, today)) };
}

/** Every member of the view inside the scope, in its order, a chunk at a time (for exports: no deep OFFSET scans). */
export function* allMembers(db: Db, input: Omit<ListInput, 'offset' | 'limit'>, scope: Scope | null, chunk = 1000, today = localIsoDate(new Date())): Generator<MemberRow[]> {
  const ids = pageIds(db, input, scope, 0, null, today);
  for (let i = 0; i < ids.length; i += chunk) yield memberRowsByIds(db, ids.slice(i, i + chunk));
}

/** One member with the names of their branch, grid and community, whatever their status. */
export function getMemberRow(db: Db, id: number): MemberRow {
  const row = db.prepare(ROWS_BY_IDS).get(JSON.stringify([id])) as RowWithNames | undefined;
  if (!row) throw new AppError('NOT_FOUND', `member ${id} not found`, { entity: 'member', id });
  return toMemberRow(row);
}

/** How each field goes from its column to the wire, worked out once from the field table. */
type WireStep = readonly [key: string, column: string, flag: boolean];
const TO_WIRE: readonly WireStep[] = MEMBER_FIELDS.flatMap((f): WireStep[] => {
  switch (f.store.as) {
    case 'text':
    case 'code':
    case 'value':
      return [[f.key, f.store.column, false]];
    case 'flag':
      return [[f.key, f.store.column, true]];
    default:
      return []; // the branch and the grid: their names, below
  }
});

/** A stored member (with the names of their branch, grid and community) as the contract sends it. */
export function toMemberRow(r: RowWithNames): MemberRow {
  const row = r as unknown as Record<string, unknown>;
  const wire: Record<string, unknown> = {
    id: r.id,
    orgId: r.org_id,
    branch: r.branch_name,
    gridId: r.grid_id,
    grid: r.grid_name,
    community: r.community_name,
  };
  for (const [key, column, flag] of TO_WIRE) wire[key] = flag ? row[column] === 1 : row[column];
  wire.status = r.status;
  wire.leftOn = r.left_on;
  wire.leftReason = r.left_reason;
  wire.version = r.version;
  wire.updatedAt = r.updated_at;
  return wire as unknown as MemberRow;
}
