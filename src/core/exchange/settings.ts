// Where this database uploads to, one level up: on a street the district's address, on a district the
// city's (the same keys: a database has one level above it), its upload token, and how hard to retry.
import type { Db } from '../db/connection';
import { qb, run } from '../db/query';

export interface ExchangeSettings {
  districtUrl: string;
  uploadToken: string;
  uploadAttempts: number;
  uploadBaseDelayMs: number;
  /** The SHA-256 of the level above's server certificate, from its trusted key file ('' when it carries none). */
  districtTlsSha256: string;
  /** On a district: the city's public key file as kept (`keys trust`), '' before. */
  cityKeyFile: string;
}

const KEYS: Record<keyof ExchangeSettings, string> = {
  districtUrl: 'exchange.district_url',
  uploadToken: 'exchange.upload_token',
  uploadAttempts: 'exchange.upload_attempts',
  uploadBaseDelayMs: 'exchange.upload_base_delay_ms',
  districtTlsSha256: 'exchange.district_tls_sha256',
  cityKeyFile: 'exchange.city_key_file',
};

const DEFAULTS: ExchangeSettings = { districtUrl: '', uploadToken: '', uploadAttempts: 6, uploadBaseDelayMs: 1000, districtTlsSha256: '', cityKeyFile: '' };

export function getExchangeSettings(db: Db): ExchangeSettings {
  const rows = db.prepare("SELECT key, value FROM settings WHERE key LIKE 'exchange.%'").all() as { key: string; value: string }[];
  const value = (k: keyof ExchangeSettings) => rows.find((r) => r.key === KEYS[k])?.value;
  return {
    districtUrl: value('districtUrl') ?? DEFAULTS.districtUrl,
    uploadToken: value('uploadToken') ?? DEFAULTS.uploadToken,
    uploadAttempts: Number(value('uploadAttempts') ?? DEFAULTS.uploadAttempts),
    uploadBaseDelayMs: Number(value('uploadBaseDelayMs') ?? DEFAULTS.uploadBaseDelayMs),
    districtTlsSha256: value('districtTlsSha256') ?? DEFAULTS.districtTlsSha256,
    cityKeyFile: value('cityKeyFile') ?? DEFAULTS.cityKeyFile,
  };
}

export function saveExchangeSettings(db: Db, changes: Partial<ExchangeSettings>): void {
  for (const [k, v] of Object.entries(changes) as [keyof ExchangeSettings, string | number | undefined][]) {
    if (v === undefined) continue;
    const value = String(v);
    run(db, qb.insertInto('settings').values({ key: KEYS[k], value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })));
  }
}
