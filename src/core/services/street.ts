// The street profile (one row) and the key/value settings.
import type { Db } from '../db/connection';
import type { Settings, StreetProfile } from '../../shared/api/contract';
import type { ApiParsedInput } from '../../shared/api/contract';
import { AppError } from '../../shared/result';
import { first, qb, run } from '../db/query';
import { letterPrefix, saveLetterPrefix } from './letter-numbers';

export function getStreet(db: Db): StreetProfile | null {
  const row = first(db, qb.selectFrom('street').selectAll().where('id', '=', 1));
  if (!row) return null;
  return { name: row.name, code: row.division_code, districtName: row.district_name, letterPrefix: letterPrefix(db), updatedAt: row.updated_at };
}

export function requireStreet(db: Db): StreetProfile {
  const street = getStreet(db);
  if (!street) throw new AppError('NOT_INITIALIZED', 'the street profile has not been set up');
  return street;
}

export function streetCodeOf(db: Db): string | null {
  return getStreet(db)?.code ?? null;
}

export function saveStreet(db: Db, input: ApiParsedInput<'street.update'>, now: Date): StreetProfile {
  const at = now.toISOString();
  run(
    db,
    qb
      .insertInto('street')
      .values({ id: 1, name: input.name, division_code: input.code, district_name: input.districtName, created_at: at, updated_at: at })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ name: input.name, division_code: input.code, district_name: input.districtName, updated_at: at }),
      ),
  );
  saveLetterPrefix(db, input.letterPrefix);
  return requireStreet(db);
}

const DEFAULT_SETTINGS: Settings = { idleLockMinutes: 10 };

export function getSettings(db: Db): Settings {
  const row = first(db, qb.selectFrom('settings').select('value').where('key', '=', 'idle_lock_minutes'));
  const idle = row ? Number(row.value) : DEFAULT_SETTINGS.idleLockMinutes;
  return { idleLockMinutes: Number.isInteger(idle) && idle > 0 ? idle : DEFAULT_SETTINGS.idleLockMinutes };
}

export function saveSettings(db: Db, settings: Settings): Settings {
  const value = String(settings.idleLockMinutes);
  run(
    db,
    qb
      .insertInto('settings')
      .values({ key: 'idle_lock_minutes', value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
  );
  return getSettings(db);
}
