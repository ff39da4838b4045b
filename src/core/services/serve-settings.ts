// The desktop app's server for the communities: on or off, the port and the names it is reached by, kept in
// the settings table (the certificate sits beside the database, see src/host/tls.ts).
import type { Db } from '../db/connection';
import { DEFAULT_SERVE_PORT, type ServeSettings } from '../../shared/api/contract-server';
import { qb, run } from '../db/query';

const KEYS = { enabled: 'serve.enabled', port: 'serve.port', publicNames: 'serve.public_names' } as const;

export function getServeSettings(db: Db): ServeSettings {
  const rows = db.prepare("SELECT key, value FROM settings WHERE key LIKE 'serve.%'").all() as { key: string; value: string }[];
  const value = (k: keyof ServeSettings) => rows.find((r) => r.key === KEYS[k])?.value;
  let publicNames: string[] = [];
  try {
    const parsed: unknown = JSON.parse(value('publicNames') ?? '[]');
    if (Array.isArray(parsed)) publicNames = parsed.filter((n): n is string => typeof n === 'string');
  } catch {
    // a hand-edited value: no names rather than a server that will not start
  }
  const port = Number(value('port') ?? DEFAULT_SERVE_PORT);
  return { enabled: value('enabled') === '1', port: Number.isInteger(port) ? port : DEFAULT_SERVE_PORT, publicNames };
}

export function saveServeSettings(db: Db, settings: ServeSettings): ServeSettings {
  const values: Record<keyof ServeSettings, string> = {
    enabled: settings.enabled ? '1' : '0',
    port: String(settings.port),
    publicNames: JSON.stringify(settings.publicNames),
  };
  for (const k of Object.keys(KEYS) as (keyof ServeSettings)[]) {
    const value = values[k];
    run(db, qb.insertInto('settings').values({ key: KEYS[k], value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })));
  }
  return getServeSettings(db);
}
