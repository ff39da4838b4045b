// The overview's member tiles: counted over the members page's own filter (memberFilter), so each figure
// is what the page shows for the same filter. One grouped query per tile, nothing passes through JavaScript
// row by row (100,000 members). A past period's roll is the one on its last day, counted as the monthly
// return counts it (its ON_ROLL, from the join and leave dates): the members page lists today's roll only,
// so those figures link to that month's return, which shows them.
import type { Db } from '../../db/connection';
import { sql } from 'kysely';
import { contract } from '../../../shared/api/contract';
import type { Overview } from '../../../shared/api/contract-overview';
import { all, first } from '../../db/query';
import type { Scope } from '../../scope';
import { memberFilter } from '../members';
import { IS_FULL, ON_ROLL } from '../../returns/tables';
import { scopeOrgIdsSubquery } from '../../scope';
import type { PeriodBounds } from './period';

type MemberTiles = Overview['members'];
const link = (filter: string) => `/members${filter}`;

/** The day `years` years before `today` (YYYY-MM-DD): born after it means younger than `years`. */
function yearsBefore(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

export function memberTiles(db: Db, scope: Scope | null, today: string, period: PeriodBounds): MemberTiles {
  const base = memberFilter(db, contract['members.list'].input.parse({}), scope);
  // Age on today, by birth date against the bands' cut-off days, in the same pass as the totals. One pass by
  // branch, summed here (a few hundred rows), instead of a pass for the totals and another by branch: 180 ms →
  // 135 ms on 100,000 members. `+org_id`: a scan and a small sort, not the table row by row in org_id order.
  const [c35, c46, c61, c71] = [35, 46, 61, 71].map((y) => yearsBefore(today, y));
  const ageSums = [
    sql<number>`coalesce(sum(members.birth_date > ${c35}), 0)`.as('under35'),
    sql<number>`coalesce(sum(members.birth_date <= ${c35} AND members.birth_date > ${c46}), 0)`.as('from35to45'),
    sql<number>`coalesce(sum(members.birth_date <= ${c46} AND members.birth_date > ${c61}), 0)`.as('from46to60'),
    sql<number>`coalesce(sum(members.birth_date <= ${c61} AND members.birth_date > ${c71}), 0)`.as('from61to70'),
    sql<number>`coalesce(sum(members.birth_date <= ${c71}), 0)`.as('over70'),
    sql<number>`coalesce(sum(members.birth_date IS NULL OR members.birth_date = ''), 0)`.as('unknown'),
  ];
  // A past period's roll is counted by rollAt; today's roll then gives the ages only (one lighter pass).
  const past = period.current ? null : rollAt(db, scope, period.asOf);
  const perOrg = past
    ? []
    : all(
        db,
        base
          .select([
            'members.org_id as orgId',
            sql<number>`count(*)`.as('total'),
            sql<number>`coalesce(sum(members.category = 'full'), 0)`.as('full'),
            sql<number>`coalesce(sum(members.category = 'probationary'), 0)`.as('probationary'),
            sql<number>`coalesce(sum(members.mobile = 1), 0)`.as('mobile'),
            sql<number>`coalesce(sum(members.lost_contact = 1), 0)`.as('lostContact'),
            sql<number>`coalesce(sum(members.hardship = 1), 0)`.as('hardship'),
            ...ageSums,
          ])
          .groupBy(sql`+members.org_id`),
      );
  const totals = sumOf(perOrg);
  const ageTotals = past ? first(db, base.select(ageSums)) : totals;

  // By branch, then branches to communities: a few hundred rows at most.
  const byCommunity = communitiesOf(db, past?.byOrg ?? perOrg);

  const bands = ['under35', 'from35to45', 'from46to60', 'from61to70', 'over70', 'unknown'] as const;
  const ages = bands.map((band) => ({ band, count: ageTotals?.[band] ?? 0 }));

  const educationRows = all(db, base.select(['members.education as code', sql<number>`count(*)`.as('count')]).groupBy('members.education'));
  const labels = new Map((db.prepare(`SELECT code, label FROM code_items WHERE code_table = 'education'`).all() as { code: string; label: string }[]).map((r) => [r.code, r.label]));
  const education = educationRows
    .map((r) => ({ code: r.code || null, label: r.code ? (labels.get(r.code) ?? r.code) : '', count: r.count }))
    .sort((a, b) => b.count - a.count);

  const joinedByYear = all(db, base.select([sql<string>`substr(members.join_date, 1, 4)`.as('year'), sql<number>`count(*)`.as('count')]).where('members.join_date', 'is not', null).groupBy(sql`substr(members.join_date, 1, 4)`).orderBy(sql`substr(members.join_date, 1, 4)`));

  // Today's roll links to the members page filtered the same way; a past day's roll to that month's return.
  const state = past ? past.totals : totals;
  const returnLink = `/returns/${period.asOf.slice(0, 7)}`;
  const to = (filter: string) => (past ? returnLink : link(filter));
  return {
    asOf: period.asOf,
    current: period.current,
    total: { count: state?.total ?? 0, link: to('') },
    full: { count: state?.full ?? 0, link: to('/full') },
    probationary: { count: state?.probationary ?? 0, link: to('/probationary') },
    mobile: { count: state?.mobile ?? 0, link: to('/mobile') },
    lostContact: { count: state?.lostContact ?? 0, link: to('/lostContact') },
    hardship: { count: state?.hardship ?? 0, link: to('/hardship') },
    ...changesIn(db, scope, period, returnLink),
    byCommunity,
    ages,
    education,
    joinedByYear: joinedByYear.filter((r) => /^\d{4}$/.test(r.year)).slice(-10),
  };
}

type OrgCounts = { orgId: number; full: number; probationary: number };
type RollCounts = Record<'total' | 'full' | 'probationary' | 'mobile' | 'lostContact' | 'hardship', number>;

/** The columns of per-branch rows added up (the branch's id left out). */
function sumOf<R extends { orgId: number } & Record<string, number>>(rows: readonly R[]): Omit<R, 'orgId'> | null {
  if (rows.length === 0) return null;
  const sum: Record<string, number> = {};
  for (const row of rows) for (const [key, value] of Object.entries(row)) if (key !== 'orgId') sum[key] = (sum[key] ?? 0) + value;
  return sum as Omit<R, 'orgId'>;
}

/** Branches' counts summed by community, the largest first and members of no community last. */
function communitiesOf(db: Db, byOrg: readonly OrgCounts[]): MemberTiles['byCommunity'] {
  const orgCommunity = new Map(
    (db.prepare('SELECT o.id, o.community_id AS communityId, c.name AS communityName FROM organizations o LEFT JOIN communities c ON c.id = o.community_id').all() as { id: number; communityId: number | null; communityName: string | null }[]).map((o) => [o.id, o]),
  );
  const communities = new Map<number | null, MemberTiles['byCommunity'][number]>();
  for (const row of byOrg) {
    const org = orgCommunity.get(row.orgId);
    const key = org?.communityId ?? null;
    const entry = communities.get(key) ?? { communityId: key, communityName: org?.communityName ?? null, full: 0, probationary: 0 };
    entry.full += row.full;
    entry.probationary += row.probationary;
    communities.set(key, entry);
  }
  return [...communities.values()].sort((a, b) => (a.communityId === null ? 1 : b.communityId === null ? -1 : b.full + b.probationary - (a.full + a.probationary)));
}

const inScope = (scope: Scope | null) => (scope ? ` AND m.org_id IN ${scopeOrgIdsSubquery('@community')}` : '');

/**
 * The roll on a past day as the monthly return's membersByCommunity counts it: on the roll by the join and
 * leave dates, full by the full date; the flags as the records stand (the return does the same), lost
 * contact only from the day it began.
 */
function rollAt(db: Db, scope: Scope | null, day: string): { totals: RollCounts | null; byOrg: (OrgCounts & RollCounts)[] } {
  const params = { end: day, ...(scope ? { community: scope.communityParam } : {}) };
  const byOrg = db
    .prepare(
      `SELECT m.org_id AS orgId, count(*) AS total, coalesce(sum(${IS_FULL}), 0) AS full, coalesce(sum(NOT ${IS_FULL}), 0) AS probationary,
         coalesce(sum(m.mobile), 0) AS mobile, coalesce(sum(m.lost_contact = 1 AND coalesce(m.lost_contact_since, '') <= @end), 0) AS lostContact,
         coalesce(sum(m.hardship), 0) AS hardship
       FROM members m WHERE ${ON_ROLL}${inScope(scope)} GROUP BY +m.org_id`,
    )
    .all(params) as (OrgCounts & RollCounts)[];
  return { totals: sumOf(byOrg), byOrg };
}

/**
 * Who joined the Party (the join date) and who left the roll (the leave date) in the period's months, as
 * the monthly return's changes table counts them month by month (joined; transferred out, died, left the
 * Party): the return of a month shows the month's figures.
 */
function changesIn(db: Db, scope: Scope | null, period: PeriodBounds, returnLink: string): Pick<MemberTiles, 'joined' | 'left'> {
  const params = { from: period.months[0], to: period.asOf.slice(0, 7), ...(scope ? { community: scope.communityParam } : {}) };
  // Month-only dates ('2026-10') count in their month, as the return's substr(…, 1, 7) does.
  const joined = db
    .prepare(`SELECT count(*) FROM members m WHERE m.status IN ('active', 'history') AND m.join_date >= @from AND substr(m.join_date, 1, 7) <= @to${inScope(scope)}`)
    .pluck()
    .get(params) as number;
  const left = db
    .prepare(`SELECT count(*) FROM members m WHERE m.status = 'history' AND m.left_on >= @from AND substr(m.left_on, 1, 7) <= @to${inScope(scope)}`)
    .pluck()
    .get(params) as number;
  return { joined: { count: joined, link: returnLink }, left: { count: left, link: returnLink } };
}
