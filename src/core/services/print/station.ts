// The service station's contact block (address, postcode, phone, hours), kept in the settings table:
// posted on the three-lists board and the request slip, and the sender's block of an introduction letter.
import type { Db } from '../../db/connection';
import type { MissingItem, StationProfile } from '../../../shared/api/contract-print';

const KEYS = ['stationName', 'address', 'postcode', 'phone', 'hours'] as const satisfies readonly (keyof StationProfile)[];
const settingKey = (key: string) => `station.${key}`;

export function getStation(db: Db): StationProfile {
  const rows = db.prepare("SELECT key, value FROM settings WHERE key LIKE 'station.%'").all() as { key: string; value: string }[];
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(KEYS.map((k) => [k, stored.get(settingKey(k)) ?? ''])) as unknown as StationProfile;
}

export function saveStation(db: Db, profile: StationProfile): StationProfile {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const key of KEYS) upsert.run(settingKey(key), profile[key]);
  return getStation(db);
}

/**
 * The station settings each public or outgoing paper prints and cannot do without: the preview names the
 * ones left empty before the paper goes out (the slip leaves out its hours row, a board its address).
 */
export const STATION_NEEDS = {
  threeLists: ['address', 'phone', 'hours'],
  slip: ['address', 'phone'],
  letter: ['address', 'phone', 'postcode'],
  board: ['phone'],
} as const satisfies Record<string, readonly (keyof StationProfile)[]>;

export function missingStation(profile: StationProfile, paper: keyof typeof STATION_NEEDS): MissingItem[] {
  return STATION_NEEDS[paper].filter((key) => profile[key].trim() === '');
}
