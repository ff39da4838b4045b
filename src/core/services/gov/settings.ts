// The module's settings: the fixed publication day, the residents' meeting quorum and majority, and the
// standards with their source. Kept in the settings table under `gov.*`; each has a default so a new
// street works before an administrator looks at them.
import type { Db } from '../../db/connection';
import type { GovSettings } from '../../../shared/api/schemas-gov';

export const GOV_DEFAULTS: GovSettings = {
  // 诸城: the 9th of every month is the city's fixed day for the four services open.
  fixedDay: 9,
  // 居民会议: more than half of those entitled present, more than half of those present in favour.
  residentsPresentPercent: 50,
  residentsFavourPercent: 50,
  // 济南: office and activity space of at least 300 m², and service space per 100 households.
  minSpace: 300,
  spacePer100Households: 30,
  householdsPerWorker: 300,
  standardsSource: '济南市城市社区党群服务中心建设标准（可在设置中修改）',
  // The spring step of the projects' year: entered and approved by the end of April.
  projectApproveBy: '04-30',
};

const KEYS = Object.keys(GOV_DEFAULTS) as (keyof GovSettings)[];

export function govSettings(db: Db): GovSettings {
  const rows = db.prepare("SELECT key, value FROM settings WHERE key LIKE 'gov.%'").all() as { key: string; value: string }[];
  const out: Record<string, unknown> = { ...GOV_DEFAULTS };
  for (const { key, value } of rows) {
    const name = key.slice(4) as keyof GovSettings;
    if (!KEYS.includes(name)) continue;
    out[name] = typeof GOV_DEFAULTS[name] === 'number' ? Number(value) : value;
  }
  return out as unknown as GovSettings;
}

export function saveGovSettings(db: Db, input: GovSettings): { before: GovSettings; after: GovSettings } {
  const before = govSettings(db);
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const key of KEYS) upsert.run(`gov.${key}`, String(input[key]));
  return { before, after: govSettings(db) };
}
