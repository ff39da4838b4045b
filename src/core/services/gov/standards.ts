// The communities against the standards (settings, with their source): office and activity space at least the
// minimum and at least the figure per 100 households; one community worker per so many households. The
// households, space and workers are the community record's own fields; the funds this year (entitlement and
// spending) come from the dues and funds module.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { StandardRow } from '../../../shared/api/contract-gov';
import type { GovSettings } from '../../../shared/api/schemas-gov';
import { refuse } from './common';
import { fundsOverview } from '../dues/funds';

interface CommunityRow {
  id: number;
  name: string;
  households: number | null;
  office_area: number | null;
  activity_area: number | null;
  workers: number | null;
}

type Funds = ReadonlyMap<number, { entitlementFen: number; spentFen: number }>;

/** Each community's Party-building funds in `year`, from the dues and funds module: its entitlement and what it spent. */
export function fundsByCommunity(db: Db, year: number): Funds {
  return new Map(fundsOverview(db, year, undefined).communities.map((c) => [c.communityId, { entitlementFen: c.entitlementFen, spentFen: c.outFen }]));
}

export function standardRow(c: CommunityRow, settings: GovSettings, funds: Funds): StandardRow {
  const space = c.office_area === null && c.activity_area === null ? null : (c.office_area ?? 0) + (c.activity_area ?? 0);
  const spaceRequired = c.households === null ? settings.minSpace : Math.max(settings.minSpace, Math.ceil((c.households * settings.spacePer100Households) / 100));
  // Integer division rounded up: 301 households need 2 workers at 300 per worker.
  const workersRequired = c.households === null ? null : Math.ceil(c.households / settings.householdsPerWorker);
  return {
    communityId: c.id,
    communityName: c.name,
    households: c.households,
    officeArea: c.office_area,
    activityArea: c.activity_area,
    space,
    spaceRequired,
    spaceMet: space === null ? null : space >= spaceRequired,
    workers: c.workers,
    workersRequired,
    workersMet: c.workers === null || workersRequired === null ? null : c.workers >= workersRequired,
    fundsEntitlementFen: funds.get(c.id)?.entitlementFen ?? null,
    fundsSpentFen: funds.get(c.id)?.spentFen ?? null,
  };
}

const SELECT = 'SELECT id, name, households, office_area, activity_area, workers FROM communities';

export function standardsTable(db: Db, community: number | null, settings: GovSettings, now: Date): StandardRow[] {
  const funds = fundsByCommunity(db, now.getFullYear());
  const rows = (community === null ? db.prepare(`${SELECT} WHERE closed_on IS NULL ORDER BY division_code`).all() : db.prepare(`${SELECT} WHERE id = ?`).all(community)) as CommunityRow[];
  return rows.map((r) => standardRow(r, settings, funds));
}

export function saveStandard(db: Db, input: ApiParsedInput<'standards.save'>, settings: GovSettings, now: Date): { before: StandardRow; after: StandardRow } {
  const read = () => db.prepare(`${SELECT} WHERE id = ?`).get(input.communityId) as CommunityRow | undefined;
  const row = read();
  if (!row) throw refuse('communityId', 'notFound', input.communityId);
  db.prepare('UPDATE communities SET households = ?, office_area = ?, activity_area = ?, workers = ?, updated_at = ? WHERE id = ?').run(
    input.households,
    input.officeArea,
    input.activityArea,
    input.workers,
    now.toISOString(),
    row.id,
  );
  const funds = fundsByCommunity(db, now.getFullYear());
  return { before: standardRow(row, settings, funds), after: standardRow(read()!, settings, funds) };
}
