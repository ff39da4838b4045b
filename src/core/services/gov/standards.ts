// The communities against the standards (settings, with their source): office and activity space at least the
// minimum and at least the figure per 100 households; one community worker per so many households. The
// households, space and workers are the community record's own fields.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { StandardRow } from '../../../shared/api/contract-gov';
import type { GovSettings } from '../../../shared/api/schemas-gov';
import { refuse } from './common';

interface CommunityRow {
  id: number;
  name: string;
  households: number | null;
  office_area: number | null;
  activity_area: number | null;
  workers: number | null;
}

export function standardRow(c: CommunityRow, settings: GovSettings): StandardRow {
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
  };
}

const SELECT = 'SELECT id, name, households, office_area, activity_area, workers FROM communities';

export function standardsTable(db: SqliteDatabase, community: number | null, settings: GovSettings): StandardRow[] {
  const rows = (community === null ? db.prepare(`${SELECT} WHERE closed_on IS NULL ORDER BY division_code`).all() : db.prepare(`${SELECT} WHERE id = ?`).all(community)) as CommunityRow[];
  return rows.map((r) => standardRow(r, settings));
}

export function saveStandard(db: SqliteDatabase, input: ApiParsedInput<'standards.save'>, settings: GovSettings, now: Date): { before: StandardRow; after: StandardRow } {
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
  return { before: standardRow(row, settings), after: standardRow(read()!, settings) };
}
