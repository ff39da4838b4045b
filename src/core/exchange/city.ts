// The city level (issue 13). On a district: its month for the city — the consolidated tables (one row per
// street), each street's tables as the street sent them, who had not sent, and the district's report —
// signed with the district's key as a street signs its return, optionally sealed to the city's key. On a
// city: the districts it trusts, receiving their packages (verified as a district verifies streets':
// damaged, changed, bad signature, unknown key, wrong city, future period, replay; a newer version replaces
// the older, logged), and the city's tables: one row per district, each drilling down to its streets.
import type { Db } from '../db/connection';
import type {
  CityConsolidation,
  CityDistrict,
  CityImportOutcome,
  CityPackageRow,
  CityRejection,
  CityStreetTables,
  DistrictPackageManifest,
  DistrictReturnInfo,
} from '../../shared/api/contract-city';
import type { PackageProblem, VerifyOutcome } from '../../shared/api/contract-exchange';
import type { Language } from '../../shared/api/schemas';
import { packageProblemMessage } from '../../shared/i18n/exchange';
import { fileText } from '../../shared/i18n/file-text';
import { AppError } from '../../shared/result';
import { RETURN_TABLE_IDS, TABLE_TITLES, tableTitle, totalOf, type ReturnTable } from '../../shared/returns/tables';
import { all, first, qb, run } from '../db/query';
import type { ExchangeKeyTable } from '../db/schema';
import { PACKAGE_MAX_FILE_BYTES, formatBytes } from '../limits';
import { periodBounds, periodOf } from '../returns/period';
import { tablesWorkbook } from '../returns/summary-xlsx';
import { RETURN_COLUMNS } from '../returns/tables';
import { requireStreet } from '../services/street';
import { consolidate, districtReport, signReceipt } from './district';
import { getPeer, inCity, inDistrict, ownKey, privateKeyOf, signBytes } from './keys';
import { jsonl, openPackage, packageFileName, parseJsonl, sha256, zipSigned, type OpenedPackage } from './package';
import { DISTRICT_PACKAGE } from './package-schema';
import { isSealed, seal, unseal } from './sealed';

// ——— the district's side: its month for the city ———

function refuse(field: string, problem: string, value: unknown, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION', problem, { issues: [{ field, problem, value, ...(params ? { params } : {}) }] });
}

export interface DistrictBuildOptions {
  /** The district's signing key (ensureKey, inside an audited transaction). */
  key: ExchangeKeyTable;
  /** The city's raw X25519 key to seal the package to (from the city's key file), if any. */
  encryptTo?: string;
  appVersion: string;
  now: Date;
}

export interface PreparedDistrictPackage {
  period: string;
  version: number;
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  encrypted: boolean;
  counts: Record<string, number>;
}

/** A street's table as the district passes it on: the street's rows per community, with its code. */
type StreetTableLine = ReturnTable & { streetCode: string; title?: string; note?: string };
type StreetLine = { code: string; name: string; version: number | null; receivedAt: string | null };

/**
 * Builds the district's package for `period`, the next version of the period; writes nothing (see
 * storeDistrictPackage). Refused when no street has sent that month (there is nothing to pass on) or the
 * month has not come.
 */
export async function prepareDistrictPackage(db: Db, period: string, o: DistrictBuildOptions): Promise<PreparedDistrictPackage> {
  periodBounds(period);
  if (period > periodOf(o.now)) throw refuse('period', 'periodInFuture', period);
  const site = requireStreet(db);
  const c = consolidate(db, period);
  const sent = c.streets.filter((s) => s.tables !== null);
  if (sent.length === 0) throw refuse('period', 'districtNothingReceived', period, { period });
  const last = first(db, qb.selectFrom('district_returns').select((eb) => eb.fn.max('version').as('v')).where('period', '=', period));
  const version = (last?.v ?? 0) + 1;
  const streets: StreetLine[] = c.streets.map((s) => ({ code: s.code, name: s.name, version: s.version, receivedAt: s.receivedAt }));
  const streetTables: StreetTableLine[] = sent.flatMap((s) => s.tables!.map((t) => ({ ...t, streetCode: s.code })));
  const report = await districtReport(db, period, 'zh-CN');
  const counts = { tables: c.tables.length, streets: streets.length, streetTables: streetTables.length };
  const zipped = zipSigned<DistrictPackageManifest>(
    {
      format: 'streetdesk-district-return',
      formatVersion: 1,
      district: { code: site.code, name: site.name },
      period,
      version,
      generatedAt: o.now.toISOString(),
      appVersion: o.appVersion,
      signer: { alg: 'Ed25519', keyId: o.key.key_id, publicKey: o.key.public_key },
      counts,
    },
    {
      'data/tables.jsonl': jsonl(c.tables.map((t) => ({ ...t, title: tableTitle(t.id, 'zh-CN', 'street') }))),
      'data/streets.jsonl': jsonl(streets),
      'data/street-tables.jsonl': jsonl(streetTables),
      'summary.xlsx': report.bytes,
    },
    (bytes) => signBytes(o.key, bytes),
  );
  const bytes = (o.encryptTo ? seal(zipped.bytes, o.encryptTo) : zipped.bytes) as Uint8Array<ArrayBuffer>;
  const fileName = packageFileName(site.code, site.name, period, version, o.encryptTo !== undefined);
  return { period, version, fileName, bytes, encrypted: o.encryptTo !== undefined, counts };
}

/** Keeps a built package (inside the caller's audited transaction); a version built meanwhile is refused by the unique index. */
export function storeDistrictPackage(db: Db, p: PreparedDistrictPackage, now: Date, by: string): DistrictReturnInfo {
  const { lastInsertRowid } = run(
    db,
    qb.insertInto('district_returns').values({
      period: p.period,
      version: p.version,
      file_name: p.fileName,
      sha256: sha256(p.bytes),
      size: p.bytes.length,
      encrypted: p.encrypted ? 1 : 0,
      counts: JSON.stringify(p.counts),
      bytes: p.bytes,
      built_at: now.toISOString(),
      built_by: by,
      sent_via: null,
      sent_to: null,
      sent_at: null,
    }),
  );
  return getDistrictReturn(db, Number(lastInsertRowid));
}

const DISTRICT_RETURN_COLUMNS = ['id', 'period', 'version', 'file_name', 'sha256', 'size', 'encrypted', 'counts', 'built_at', 'built_by', 'sent_via', 'sent_to', 'sent_at'] as const;

function toDistrictReturn(r: { id: number; period: string; version: number; file_name: string; sha256: string; size: number; encrypted: number; counts: string; built_at: string; built_by: string; sent_via: 'folder' | 'upload' | null; sent_to: string | null; sent_at: string | null }): DistrictReturnInfo {
  return {
    id: r.id,
    period: r.period,
    version: r.version,
    fileName: r.file_name,
    sha256: r.sha256,
    size: r.size,
    encrypted: r.encrypted === 1,
    counts: JSON.parse(r.counts) as Record<string, number>,
    builtAt: r.built_at,
    builtBy: r.built_by,
    sentVia: r.sent_via,
    sentTo: r.sent_to,
    sentAt: r.sent_at,
  };
}

export function getDistrictReturn(db: Db, id: number): DistrictReturnInfo {
  const row = first(db, qb.selectFrom('district_returns').select(DISTRICT_RETURN_COLUMNS).where('id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', `no package ${id} for the city`, { entity: 'districtReturn', id, issues: [{ field: 'packageId', problem: 'districtPackageMissing', value: id }] });
  return toDistrictReturn(row);
}

export function districtReturnBytes(db: Db, id: number): Uint8Array {
  return first(db, qb.selectFrom('district_returns').select('bytes').where('id', '=', id))!.bytes;
}

export function listDistrictReturns(db: Db, period: string | undefined): DistrictReturnInfo[] {
  let q = qb.selectFrom('district_returns').select(DISTRICT_RETURN_COLUMNS).orderBy('period', 'desc').orderBy('version', 'desc');
  if (period !== undefined) q = q.where('period', '=', period);
  return all(db, q).map(toDistrictReturn);
}

export function markDistrictReturnSent(db: Db, id: number, to: string, now: Date, via: 'folder' | 'upload' = 'folder'): DistrictReturnInfo {
  run(db, qb.updateTable('district_returns').set({ sent_via: via, sent_to: to, sent_at: now.toISOString() }).where('id', '=', id));
  return getDistrictReturn(db, id);
}

// ——— the city's side ———

export function listDistricts(db: Db): CityDistrict[] {
  const rows = all(db, qb.selectFrom('exchange_peers').select(['code', 'name', 'sign_key_id', 'created_at', 'updated_at']).where('role', '=', 'district').orderBy('code'));
  return rows.map((r) => ({ code: r.code, name: r.name, keyId: r.sign_key_id, addedAt: r.created_at, updatedAt: r.updated_at }));
}

export type CityFailure = { ok: false; code: PackageProblem; file?: string; params: Record<string, string | number> };
export type CityInspected = { ok: true; opened: OpenedPackage<DistrictPackageManifest>; encrypted: boolean; sha256: string };

function failure(code: PackageProblem, params: Record<string, string | number> = {}, file?: string): CityFailure {
  return { ok: false, code, params: file ? { ...params, file } : params, ...(file ? { file } : {}) };
}

/**
 * The district's consolidated totals against its streets' own: a district package whose totals are not
 * the sum of the street tables it carries is not one the city can add up. The first column that differs.
 */
function totalsProblem(tables: ReturnTable[], streetTables: StreetTableLine[], sentStreets: Set<string>): { table: string; column: string; total: number; sum: number } | null {
  for (const t of tables) {
    for (const col of t.columns) {
      if (col.derived) continue;
      const sum = streetTables.filter((s) => s.id === t.id && sentStreets.has(s.streetCode)).reduce((n, s) => n + (s.total[col.key] ?? 0), 0);
      const total = t.total[col.key] ?? 0;
      if (Math.abs(sum - total) > 1e-6) return { table: TABLE_TITLES[t.id].zh, column: col.key, total, sum };
    }
  }
  return null;
}

/** Everything but the replay check: the seal, the zip, the signature, the district, its key, the period, the figures. */
export function inspectDistrictPackage(db: Db, bytes: Uint8Array, now: Date): CityInspected | CityFailure {
  const site = requireStreet(db);
  if (bytes.length > PACKAGE_MAX_FILE_BYTES) return failure('TOO_LARGE', { limit: formatBytes(PACKAGE_MAX_FILE_BYTES), size: formatBytes(bytes.length) });
  let plain = bytes;
  const encrypted = isSealed(bytes);
  if (encrypted) {
    const key = ownKey(db, 'encrypt');
    if (!key) return failure('SEALED_NO_KEY');
    const opened = unseal(bytes, { keyId: key.key_id, privateKey: privateKeyOf(key) });
    if (!opened.ok) return failure(opened.code, opened.recipient ? { recipient: opened.recipient } : {});
    plain = opened.plain;
  }
  const opened = openPackage<DistrictPackageManifest>(plain, DISTRICT_PACKAGE);
  if (!opened.ok) return failure(opened.code, opened.params ?? {}, opened.file);
  const m = opened.manifest;
  const district = `${m.district.name}（${m.district.code}）`;
  if (!inCity(m.district.code, site.code)) return failure('DISTRICT_NOT_IN_CITY', { district });
  const peer = getPeer(db, m.district.code);
  if (!peer || peer.role !== 'district' || peer.sign_key !== m.signer.publicKey) return failure('UNKNOWN_DISTRICT_KEY', { district, keyId: m.signer.keyId });
  if (m.period > periodOf(now)) return failure('PERIOD_IN_FUTURE', { period: m.period });
  const streets = parseJsonl<StreetLine>(opened.files['data/streets.jsonl']);
  const seen = new Set<string>();
  for (const [i, s] of streets.entries()) {
    // A street listed twice would be counted twice.
    if (seen.has(s.code)) return failure('DATA_INVALID', { line: i + 1, field: 'code' }, 'data/streets.jsonl');
    seen.add(s.code);
  }
  for (const s of streets) {
    if (!inDistrict(s.code, m.district.code)) return failure('STREET_NOT_IN_DISTRICT', { street: `${s.name}（${s.code}）` });
  }
  const streetTables = parseJsonl<StreetTableLine>(opened.files['data/street-tables.jsonl']);
  const sent = new Set(streets.filter((s) => s.version !== null).map((s) => s.code));
  const stray = streetTables.find((t) => !sent.has(t.streetCode));
  if (stray) return failure('STREET_NOT_IN_DISTRICT', { street: stray.streetCode });
  const mismatch = totalsProblem(parseJsonl<ReturnTable>(opened.files['data/tables.jsonl']), streetTables, sent);
  if (mismatch) return failure('TOTALS_MISMATCH', { district, ...mismatch }, 'data/tables.jsonl');
  return { ok: true, opened, encrypted, sha256: sha256(bytes) };
}

/**
 * `package verify` on a city: a district's package checked as import would check it, replay included, without
 * keeping it. The summary names the district where a street's names the street.
 */
export function verifyDistrictPackage(db: Db, bytes: Uint8Array, now: Date, lang: Language): VerifyOutcome {
  let r: CityInspected | CityFailure = inspectDistrictPackage(db, bytes, now);
  if (r.ok) {
    const m = r.opened.manifest;
    const have = latestCityPackage(db, m.district.code, m.period);
    if (have && (have.version > m.version || (have.version === m.version && have.sha256 !== r.sha256))) {
      r = failure('REPLAY', { street: `${m.district.name}（${m.district.code}）`, period: m.period, have: have.version, version: m.version });
    }
  }
  if (!r.ok) return { ok: false, code: r.code, message: packageProblemMessage(r.code, r.params, lang), ...(r.file ? { file: r.file } : {}), params: r.params };
  const m = r.opened.manifest;
  return {
    ok: true,
    encrypted: r.encrypted,
    sha256: r.sha256,
    manifest: { streetCode: m.district.code, streetName: m.district.name, period: m.period, version: m.version, generatedAt: m.generatedAt, appVersion: m.appVersion, keyId: m.signer.keyId, counts: m.counts, files: m.files.length },
  };
}

export interface CityIncoming {
  fileName: string;
  bytes: Uint8Array;
  via: 'file' | 'upload';
  by: string;
  /** For uploads: the district the token belongs to. */
  sender?: string;
}

export interface CityImportEffect {
  outcome: CityImportOutcome;
  replaced?: { id: number; version: number };
}

function rejected(db: Db, incoming: CityIncoming, f: CityFailure, now: Date, lang: Language, meta: { district?: string; period?: string; version?: number } = {}): CityImportEffect {
  const message = packageProblemMessage(f.code, f.params, lang);
  run(
    db,
    qb.insertInto('city_rejections').values({
      at: now.toISOString(),
      file_name: incoming.fileName,
      district_code: meta.district ?? null,
      period: meta.period ?? null,
      version: meta.version ?? null,
      code: f.code,
      message,
      received_via: incoming.via,
    }),
  );
  return { outcome: { fileName: incoming.fileName, status: 'rejected', code: f.code, message, ...(f.file ? { file: f.file } : {}), params: f.params } };
}

function latestCityPackage(db: Db, district: string, period: string) {
  return first(db, qb.selectFrom('city_packages').select(['id', 'version', 'sha256']).where('district_code', '=', district).where('period', '=', period).orderBy('version', 'desc').limit(1));
}

/** Verifies one district package and keeps it (inside the caller's transaction, which audits the effect). */
export function importDistrictPackage(db: Db, incoming: CityIncoming, now: Date, lang: Language): CityImportEffect {
  const r = inspectDistrictPackage(db, incoming.bytes, now);
  if (!r.ok) return rejected(db, incoming, r, now, lang);
  const m = r.opened.manifest;
  const meta = { district: m.district.code, period: m.period, version: m.version };
  if (incoming.sender && incoming.sender !== m.district.code) {
    return rejected(db, incoming, failure('WRONG_SENDER', { street: `${m.district.name}（${m.district.code}）`, sender: incoming.sender }), now, lang, meta);
  }
  const have = latestCityPackage(db, m.district.code, m.period);
  if (have && have.version === m.version && have.sha256 === r.sha256) {
    if (incoming.via !== 'upload') return { outcome: { fileName: incoming.fileName, status: 'duplicate', districtCode: m.district.code, period: m.period, version: m.version } };
    // The same file again (an upload retried after the answer was lost): the receipt as first given. The
    // signature is deterministic, so signing the stored facts again gives the same receipt.
    const stored = first(db, qb.selectFrom('city_packages').select(['file_name', 'received_at']).where('id', '=', have.id))!;
    const earlier = first(db, qb.selectFrom('city_packages').select('id').where('district_code', '=', m.district.code).where('period', '=', m.period).where('version', '<', m.version).limit(1));
    const receipt = signReceipt(db, { streetCode: m.district.code, period: m.period, version: m.version, sha256: r.sha256, fileName: stored.file_name, outcome: earlier ? 'replaced' : 'accepted', receivedAt: stored.received_at }, now);
    return { outcome: { fileName: incoming.fileName, status: 'duplicate', districtCode: m.district.code, period: m.period, version: m.version, receipt } };
  }
  if (have && have.version >= m.version) {
    return rejected(db, incoming, failure('REPLAY', { street: `${m.district.name}（${m.district.code}）`, period: m.period, have: have.version, version: m.version }), now, lang, meta);
  }
  const streets = parseJsonl<StreetLine>(r.opened.files['data/streets.jsonl']);
  const streetTables = parseJsonl<StreetTableLine>(r.opened.files['data/street-tables.jsonl']);
  const drill: CityStreetTables[] = streets.map((s) => {
    const own = streetTables.filter((t) => t.streetCode === s.code);
    return { code: s.code, name: s.name, version: s.version, tables: s.version === null ? null : own.map(({ streetCode: _code, title: _title, ...t }) => t) };
  });
  const tables = parseJsonl<ReturnTable & { title?: string }>(r.opened.files['data/tables.jsonl']).map(({ title: _title, ...t }) => t);
  const { lastInsertRowid } = run(
    db,
    qb.insertInto('city_packages').values({
      district_code: m.district.code,
      period: m.period,
      version: m.version,
      file_name: incoming.fileName,
      sha256: r.sha256,
      size: incoming.bytes.length,
      manifest: JSON.stringify(m),
      tables: JSON.stringify(tables),
      streets: JSON.stringify(drill),
      bytes: incoming.bytes,
      received_via: incoming.via,
      received_at: now.toISOString(),
      received_by: incoming.by,
      replaced_by: null,
    }),
  );
  if (have) {
    run(db, qb.updateTable('city_packages').set({ replaced_by: Number(lastInsertRowid) }).where('district_code', '=', m.district.code).where('period', '=', m.period).where('id', '<>', Number(lastInsertRowid)).where('replaced_by', 'is', null));
  }
  const status = have ? 'replaced' : 'accepted';
  // An upload is answered with the city's signed receipt, as a district answers a street's; the district
  // keeps it. A file carried in has no one to hand a receipt to.
  const receipt =
    incoming.via === 'upload'
      ? signReceipt(db, { streetCode: m.district.code, period: m.period, version: m.version, sha256: r.sha256, fileName: incoming.fileName, outcome: status, receivedAt: now.toISOString() }, now)
      : undefined;
  return {
    outcome: { fileName: incoming.fileName, status, districtCode: m.district.code, period: m.period, version: m.version, ...(have ? { replacedVersion: have.version } : {}), ...(receipt ? { receipt } : {}) },
    ...(have ? { replaced: { id: have.id, version: have.version } } : {}),
  };
}

export function cityPackages(db: Db, period: string | undefined): { packages: CityPackageRow[]; rejections: CityRejection[] } {
  let packages = qb
    .selectFrom('city_packages as p')
    .leftJoin('exchange_peers as d', 'd.code', 'p.district_code')
    .select((eb) => [
      'p.id',
      'p.district_code',
      eb.fn.coalesce('d.name', eb.val('')).as('district_name'),
      'p.period',
      'p.version',
      'p.file_name',
      'p.sha256',
      'p.size',
      'p.received_via',
      'p.received_at',
      'p.received_by',
      'p.replaced_by',
      'p.manifest',
    ])
    .orderBy('p.period', 'desc')
    .orderBy('p.district_code')
    .orderBy('p.version', 'desc');
  let refused = qb.selectFrom('city_rejections').selectAll().orderBy('id', 'desc').limit(200);
  if (period !== undefined) {
    packages = packages.where('p.period', '=', period);
    refused = refused.where((eb) => eb.or([eb('period', '=', period), eb('period', 'is', null)]));
  }
  return {
    packages: all(db, packages).map((r) => ({
      id: r.id,
      districtCode: r.district_code,
      districtName: r.district_name,
      period: r.period,
      version: r.version,
      fileName: r.file_name,
      sha256: r.sha256,
      size: r.size,
      receivedVia: r.received_via,
      receivedAt: r.received_at,
      receivedBy: r.received_by,
      current: r.replaced_by === null,
      counts: (JSON.parse(r.manifest) as { counts: Record<string, number> }).counts,
    })),
    rejections: all(db, refused).map((r) => ({
      id: r.id,
      at: r.at,
      fileName: r.file_name,
      districtCode: r.district_code,
      period: r.period,
      version: r.version,
      code: r.code,
      message: r.message,
      receivedVia: r.received_via,
    })),
  };
}

/** The period across the city: per table one row per district that sent (its totals), summed; who is missing. */
export function consolidateCity(db: Db, period: string): CityConsolidation {
  periodBounds(period);
  const current = all(db, qb.selectFrom('city_packages').select(['district_code', 'version', 'received_at', 'tables', 'streets']).where('period', '=', period).where('replaced_by', 'is', null));
  const byDistrict = new Map(current.map((c) => [c.district_code, c]));
  const districts = listDistricts(db).map((d) => {
    const got = byDistrict.get(d.code);
    return {
      code: d.code,
      name: d.name,
      version: got?.version ?? null,
      receivedAt: got?.received_at ?? null,
      tables: got ? (JSON.parse(got.tables) as ReturnTable[]) : null,
      streets: got ? (JSON.parse(got.streets) as CityStreetTables[]) : [],
    };
  });
  const sent = districts.filter((d) => d.tables !== null);
  const tables: ReturnTable[] = RETURN_TABLE_IDS.map((id) => {
    const columns = RETURN_COLUMNS[id];
    const rows = sent.map((d) => {
      const table = d.tables!.find((t) => t.id === id);
      return { key: d.code, label: d.name, values: Object.fromEntries(columns.map((c) => [c.key, table?.total[c.key] ?? (c.derived ? null : 0)])) };
    });
    return { id, columns, rows, total: totalOf(columns, rows) };
  });
  return { period, tables, districts, missing: districts.filter((d) => d.tables === null).map((d) => ({ code: d.code, name: d.name })) };
}

/** The city's report: the city's tables and who is missing, then one sheet per district that sent, by street. */
export async function cityReport(db: Db, period: string, lang: Language): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  const site = requireStreet(db);
  const c = consolidateCity(db, period);
  const sep = fileText(lang, 'listSeparator');
  const none = fileText(lang, 'districtNoneMissing');
  const sent = c.districts.filter((d) => d.tables);
  const bytes = await tablesWorkbook(
    [
      {
        name: fileText(lang, 'citySheet'),
        title: fileText(lang, 'cityTitle', { site: site.name, period }),
        lines: [fileText(lang, 'citySent', { sent: sent.length, total: c.districts.length, missing: c.missing.map((d) => d.name).join(sep) || none })],
        tables: c.tables,
        rowsBy: 'district',
      },
      ...sent.map((d) => ({
        name: d.name,
        title: fileText(lang, 'cityDistrictTitle', { name: d.name, code: d.code, version: d.version ?? '' }),
        lines: [
          fileText(lang, 'cityDistrictStreets', {
            sent: d.streets.filter((s) => s.tables).length,
            total: d.streets.length,
            missing: d.streets.filter((s) => !s.tables).map((s) => s.name).join(sep) || none,
          }),
        ],
        tables: d.tables!,
        rowsBy: 'street' as const,
      })),
    ],
    lang,
  );
  return { fileName: fileText(lang, 'cityFileName', { site: site.name, period }), bytes };
}
