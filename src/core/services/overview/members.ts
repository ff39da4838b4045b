// The overview's member tiles: counted over the members page's own filter (memberFilter), so each figure
// is what the page shows for the same filter. One grouped query per tile, nothing passes through JavaScript
// row by row (100,000 members).
import type { Db } from '../../db/connection';
import { sql } from 'kysely';
import { contract } from '../../../shared/api/contract';
import type { Overview } from '../../../shared/api/contract-overview';
import { all, first } from '../../db/query';
import type { Scope } from '../../scope';
import { memberFilter } from '../members';

type MemberTiles = Overview['members'];
const link = (filter: string) => `/members${filter}`;

/** The day `years` years before `today` (YYYY-MM-DD): born after it means younger than `years`. */
function yearsBefore(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

export function memberTiles(db: Db, scope: Scope | null, today: string): MemberTiles {
  const base = memberFilter(db, contract['members.list'].input.parse({}), scope);
  // Age on today, by birth date against the bands' cut-off days, in the same pass as the totals.
  const [c35, c46, c61, c71] = [35, 46, 61, 71].map((y) => yearsBefore(today, y));
  const totals = first(
    db,
    base.select([
      sql<number>`count(*)`.as('total'),
      sql<number>`coalesce(sum(members.category = 'full'), 0)`.as('full'),
      sql<number>`coalesce(sum(members.category = 'probationary'), 0)`.as('probationary'),
      sql<number>`coalesce(sum(members.mobile = 1), 0)`.as('mobile'),
      sql<number>`coalesce(sum(members.lost_contact = 1), 0)`.as('lostContact'),
      sql<number>`coalesce(sum(members.hardship = 1), 0)`.as('hardship'),
      sql<number>`coalesce(sum(members.birth_date > ${c35}), 0)`.as('under35'),
      sql<number>`coalesce(sum(members.birth_date <= ${c35} AND members.birth_date > ${c46}), 0)`.as('from35to45'),
      sql<number>`coalesce(sum(members.birth_date <= ${c46} AND members.birth_date > ${c61}), 0)`.as('from46to60'),
      sql<number>`coalesce(sum(members.birth_date <= ${c61} AND members.birth_date > ${c71}), 0)`.as('from61to70'),
      sql<number>`coalesce(sum(members.birth_date <= ${c71}), 0)`.as('over70'),
      sql<number>`coalesce(sum(members.birth_date IS NULL OR members.birth_date = ''), 0)`.as('unknown'),
    ]),
  );

  // By branch first (the org_id index), then branches to communities: a few hundred rows at most.
  const byOrg = all(db, base.select(['members.org_id as orgId', sql<number>`coalesce(sum(members.category = 'full'), 0)`.as('full'), sql<number>`coalesce(sum(members.category = 'probationary'), 0)`.as('probationary')]).groupBy('members.org_id'));
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
  const byCommunity = [...communities.values()].sort((a, b) => (a.communityId === null ? 1 : b.communityId === null ? -1 : b.full + b.probationary - (a.full + a.probationary)));

  const bands = ['under35', 'from35to45', 'from46to60', 'from61to70', 'over70', 'unknown'] as const;
  const ages = bands.map((band) => ({ band, count: totals?.[band] ?? 0 }));

  const educationRows = all(db, base.select(['members.education as code', sql<number>`count(*)`.as('count')]).groupBy('members.education'));
  const labels = new Map((db.prepare(`SELECT code, label FROM code_items WHERE code_table = 'education'`).all() as { code: string; label: string }[]).map((r) => [r.code, r.label]));
  const education = educationRows
    .map((r) => ({ code: r.code || null, label: r.code ? (labels.get(r.code) ?? r.code) : '', count: r.count }))
    .sort((a, b) => b.count - a.count);

  const joinedByYear = all(db, base.select([sql<string>`substr(members.join_date, 1, 4)`.as('year'), sql<number>`count(*)`.as('count')]).where('members.join_date', 'is not', null).groupBy(sql`substr(members.join_date, 1, 4)`).orderBy(sql`substr(members.join_date, 1, 4)`));

  return {
    total: { count: totals?.total ?? 0, link: link('') },
    full: { count: totals?.full ?? 0, link: link('/full') },
    probationary: { count: totals?.probationary ?? 0, link: link('/probationary') },
    mobile: { count: totals?.mobile ?? 0, link: link('/mobile') },
    lostContact: { count: totals?.lostContact ?? 0, link: link('/lostContact') },
    hardship: { count: totals?.hardship ?? 0, link: link('/hardship') },
    byCommunity,
    ages,
    education,
    joinedByYear: joinedByYear.filter((r) => /^\d{4}$/.test(r.year)).slice(-10),
  };
}
