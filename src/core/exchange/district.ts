// The district's side: the streets it trusts (with upload tokens), receiving packages from files or
// uploads — accepted, a newer version replacing the older (logged), or rejected with the reason —
// signed receipts, and the consolidation of a period across the streets.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connection';
import type {
  AuditHeadClaim,
  Consolidation,
  DistrictPackageRow,
  DistrictRejection,
  DistrictStreet,
  ImportOutcome,
  Receipt,
  SignedReceipt,
} from '../../shared/api/contract-exchange';
import type { Language } from '../../shared/api/schemas';
import { packageProblemMessage } from '../../shared/i18n/exchange';
import { fileText } from '../../shared/i18n/file-text';
import { AppError } from '../../shared/result';
import { RETURN_TABLE_IDS, totalOf, type ReturnTable } from '../../shared/returns/tables';
import { all, first, qb, run } from '../db/query';
import { periodBounds } from '../returns/period';
import { tablesWorkbook } from '../returns/summary-xlsx';
import { RETURN_COLUMNS } from '../returns/tables';
import { requireStreet } from '../services/street';
import { ensureKey, getPeer, hashToken, signBytes } from './keys';
import { parseJsonl } from './package';
import { inspectPackage, latestReceived, type Failure } from './verify';

export function listStreets(db: Db): DistrictStreet[] {
  const rows = all(
    db,
    qb
      .selectFrom('exchange_peers')
      .select(['code', 'name', 'sign_key', 'sign_key_id', 'token_hash', 'created_at', 'updated_at'])
      .where('role', '=', 'street')
      .orderBy('code'),
  );
  return rows.map((r) => ({ code: r.code, name: r.name, keyId: r.sign_key_id, publicKey: r.sign_key, hasToken: r.token_hash !== null, addedAt: r.created_at, updatedAt: r.updated_at }));
}

function senderPeer(db: Db, code: string, role: 'street' | 'district') {
  const peer = getPeer(db, code);
  if (!peer || peer.role !== role) throw new AppError('NOT_FOUND', `${role} ${code} is not on the list`, { entity: role, id: code });
  return peer;
}

/**
 * A new upload token for a sender one level down (shown once; only its hash is kept): a street on a
 * district, a district on a city.
 */
export function issueToken(db: Db, code: string, now: Date, role: 'street' | 'district' = 'street'): string {
  senderPeer(db, code, role);
  const token = randomBytes(24).toString('base64url');
  run(db, qb.updateTable('exchange_peers').set({ token_hash: hashToken(token), updated_at: now.toISOString() }).where('code', '=', code));
  return token;
}

/** Whether `token` is the one issued to the sender `code` (of the role this receiver takes uploads from). */
export function checkToken(db: Db, code: string, token: string, role: 'street' | 'district' = 'street'): boolean {
  const peer = getPeer(db, code);
  if (!peer?.token_hash || peer.role !== role) return false;
  return timingSafeEqual(Buffer.from(peer.token_hash, 'hex'), Buffer.from(hashToken(token), 'hex'));
}

/**
 * A receipt signed with this database's key: a district's for a street's package, a city's for a
 * district's. The receipt's fields keep their first names (districtCode: the receiver, streetCode: the
 * sender) so a street's receipts read as before.
 */
export function signReceipt(db: Db, receipt: Omit<Receipt, 'format' | 'districtCode' | 'districtName' | 'keyId'>, now: Date): SignedReceipt {
  const site = requireStreet(db);
  const key = ensureKey(db, 'sign', now);
  const full: Receipt = { format: 'streetdesk-receipt', districtCode: site.code, districtName: site.name, keyId: key.key_id, ...receipt };
  return { receipt: full, signature: signBytes(key, new TextEncoder().encode(JSON.stringify(full))) };
}

export interface Incoming {
  fileName: string;
  bytes: Uint8Array;
  via: 'file' | 'upload';
  by: string;
  /** For uploads: the street the token belongs to. */
  sender?: string;
}

/** What import did, for the audit entry. */
export interface ImportEffect {
  outcome: ImportOutcome;
  replaced?: { id: number; version: number };
}

function rejected(db: Db, incoming: Incoming, f: Failure, now: Date, lang: Language, meta: { street?: string; period?: string; version?: number } = {}): ImportEffect {
  const message = packageProblemMessage(f.code, f.params, lang);
  run(
    db,
    qb.insertInto('district_rejections').values({
      at: now.toISOString(),
      file_name: incoming.fileName,
      street_code: meta.street ?? null,
      period: meta.period ?? null,
      version: meta.version ?? null,
      code: f.code,
      message,
      received_via: incoming.via,
    }),
  );
  return { outcome: { fileName: incoming.fileName, status: 'rejected', code: f.code, message, ...(f.file ? { file: f.file } : {}), ...(f.params ? { params: f.params } : {}) } };
}

/** A head as the district received it, with when the street built that package. */
export interface ReceivedHead {
  head: AuditHeadClaim | undefined;
  generatedAt: string;
}

/**
 * Whether a street's new audit head fits every head its earlier packages carried: a chain only grows, so a
 * package built later may not count fewer entries, the same count must end in the same hash, and a longer
 * head must hold an earlier one's hash at that count (when its checkpoints say). Answers the count where they
 * part, or null when they fit. (A street whose anchor copies were lost sends no checkpoints: then only the
 * counts and equal heads can be compared.) Packages may arrive out of order, hence the build times.
 */
export function auditConflict(earlier: ReceivedHead[], next: ReceivedHead): number | null {
  const claim = next.head;
  const heads = earlier.filter((e): e is { head: AuditHeadClaim; generatedAt: string } => e.head !== undefined);
  if (heads.length === 0) return null;
  if (!claim) return Math.max(...heads.map((e) => e.head.count)); // it had a chain head before and now shows none
  const hashAt = (c: AuditHeadClaim, count: number) => (c.count === count ? c.hash : c.checkpoints?.find((p) => p.count === count)?.hash);
  for (const { head, generatedAt } of heads) {
    if (generatedAt < next.generatedAt && claim.count < head.count) return claim.count;
    if (generatedAt > next.generatedAt && head.count < claim.count) return head.count;
    const [lower, higher] = head.count <= claim.count ? [head, claim] : [claim, head];
    const seen = hashAt(higher, lower.count);
    if (seen !== undefined && seen !== lower.hash) return lower.count;
  }
  return null;
}

function earlierHeads(db: Db, street: string): ReceivedHead[] {
  const rows = all(db, qb.selectFrom('district_packages').select('manifest').where('street_code', '=', street).orderBy('id', 'desc').limit(200));
  return rows.map((r) => {
    const m = JSON.parse(r.manifest) as { auditHead?: AuditHeadClaim; generatedAt: string };
    const head = m.auditHead && Number.isInteger(m.auditHead.count) && typeof m.auditHead.hash === 'string' ? m.auditHead : undefined;
    return { head, generatedAt: m.generatedAt };
  });
}

/** Verifies one package and keeps it (runs inside the caller's transaction, which audits the effect). */
export function importPackage(db: Db, incoming: Incoming, now: Date, lang: Language): ImportEffect {
  const r = inspectPackage(db, incoming.bytes, now);
  if (!r.ok) return rejected(db, incoming, r, now, lang);
  const m = r.opened.manifest;
  const meta = { street: m.street.code, period: m.period, version: m.version };
  const streetText = `${m.street.name}（${m.street.code}）`;
  if (incoming.sender && incoming.sender !== m.street.code) {
    return rejected(db, incoming, { ok: false, code: 'WRONG_SENDER', params: { street: streetText, sender: incoming.sender } }, now, lang, meta);
  }
  const have = latestReceived(db, m.street.code, m.period);
  if (have && have.version === m.version && have.sha256 === r.sha256) {
    // The same file again (an upload retried after the answer was lost): the receipt already given.
    const receipt = JSON.parse(first(db, qb.selectFrom('district_packages').select('receipt').where('id', '=', have.id))!.receipt) as SignedReceipt;
    return { outcome: { fileName: incoming.fileName, status: 'duplicate', streetCode: m.street.code, period: m.period, version: m.version, receipt } };
  }
  if (have && have.version >= m.version) {
    return rejected(db, incoming, { ok: false, code: 'REPLAY', params: { street: streetText, period: m.period, have: have.version, version: m.version } }, now, lang, meta);
  }
  const conflict = auditConflict(earlierHeads(db, m.street.code), { head: m.auditHead, generatedAt: m.generatedAt });
  if (conflict !== null) {
    return rejected(db, incoming, { ok: false, code: 'AUDIT_NOT_EXTENDED', params: { street: streetText, count: conflict } }, now, lang, meta);
  }
  const status = have ? 'replaced' : 'accepted';
  const receipt = signReceipt(db, { streetCode: m.street.code, period: m.period, version: m.version, sha256: r.sha256, fileName: incoming.fileName, outcome: status, receivedAt: now.toISOString() }, now);
  const tables = parseJsonl<ReturnTable & { note?: string }>(r.opened.files['data/tables.jsonl']);
  const { lastInsertRowid } = run(
    db,
    qb.insertInto('district_packages').values({
      street_code: m.street.code,
      period: m.period,
      version: m.version,
      file_name: incoming.fileName,
      sha256: r.sha256,
      size: incoming.bytes.length,
      manifest: JSON.stringify(m),
      tables: JSON.stringify(tables),
      bytes: incoming.bytes,
      received_via: incoming.via,
      received_at: now.toISOString(),
      received_by: incoming.by,
      receipt: JSON.stringify(receipt),
      replaced_by: null,
    }),
  );
  if (have) run(db, qb.updateTable('district_packages').set({ replaced_by: lastInsertRowid }).where('street_code', '=', m.street.code).where('period', '=', m.period).where('id', '<>', lastInsertRowid).where('replaced_by', 'is', null));
  return {
    outcome: { fileName: incoming.fileName, status, streetCode: m.street.code, period: m.period, version: m.version, ...(have ? { replacedVersion: have.version } : {}), receipt },
    ...(have ? { replaced: { id: have.id, version: have.version } } : {}),
  };
}

export function districtPackages(db: Db, period: string | undefined): { packages: DistrictPackageRow[]; rejections: DistrictRejection[] } {
  let packages = qb
    .selectFrom('district_packages as p')
    .leftJoin('exchange_peers as s', 's.code', 'p.street_code')
    .select((eb) => [
      'p.id',
      'p.street_code',
      eb.fn.coalesce('s.name', eb.val('')).as('street_name'),
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
    .orderBy('p.street_code')
    .orderBy('p.version', 'desc');
  // Rejections of the period, and those whose period could not be read (a file that did not open).
  let refused = qb.selectFrom('district_rejections').selectAll().orderBy('id', 'desc').limit(200);
  if (period !== undefined) {
    packages = packages.where('p.period', '=', period);
    refused = refused.where((eb) => eb.or([eb('period', '=', period), eb('period', 'is', null)]));
  }
  const rows = all(db, packages);
  const rejections = all(db, refused);
  return {
    packages: rows.map((r) => ({
      id: r.id,
      streetCode: r.street_code,
      streetName: r.street_name,
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
    rejections: rejections.map((r) => ({
      id: r.id,
      at: r.at,
      fileName: r.file_name,
      streetCode: r.street_code,
      period: r.period,
      version: r.version,
      code: r.code,
      message: r.message,
      receivedVia: r.received_via,
    })),
  };
}

/** The period across the district: per table one row per street that sent (its totals), summed; who is missing. */
export function consolidate(db: Db, period: string): Consolidation {
  periodBounds(period);
  const current = all(db, qb.selectFrom('district_packages').select(['street_code', 'version', 'received_at', 'tables']).where('period', '=', period).where('replaced_by', 'is', null));
  const byStreet = new Map(current.map((c) => [c.street_code, { ...c, tables: JSON.parse(c.tables) as ReturnTable[] }]));
  const streets = listStreets(db).map((s) => {
    const got = byStreet.get(s.code);
    return { code: s.code, name: s.name, version: got?.version ?? null, receivedAt: got?.received_at ?? null, tables: got?.tables ?? null };
  });
  const sent = streets.filter((s) => s.tables !== null);
  const tables: ReturnTable[] = RETURN_TABLE_IDS.map((id) => {
    const columns = RETURN_COLUMNS[id];
    const parts = sent.map((s) => ({ street: s, table: s.tables!.find((t) => t.id === id) }));
    const rows = parts.map(({ street, table }) => ({
      key: street.code,
      label: street.name,
      values: Object.fromEntries(columns.map((c) => [c.key, table?.total[c.key] ?? (c.derived ? null : 0)])),
    }));
    return { id, columns, rows, total: totalOf(columns, rows) };
  });
  return { period, tables, streets, missing: streets.filter((s) => s.tables === null).map((s) => ({ code: s.code, name: s.name })) };
}

/** The district's report: the consolidated tables, who is missing, then one sheet per street that sent. */
export async function districtReport(db: Db, period: string, lang: Language): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  const site = requireStreet(db);
  const c = consolidate(db, period);
  const missing = c.missing.map((s) => s.name).join(fileText(lang, 'listSeparator')) || fileText(lang, 'districtNoneMissing');
  const sent = c.streets.filter((s) => s.tables);
  const bytes = await tablesWorkbook(
    [
      {
        name: fileText(lang, 'districtSheet'),
        title: fileText(lang, 'districtTitle', { site: site.name, period }),
        lines: [fileText(lang, 'districtSent', { sent: sent.length, total: c.streets.length, missing })],
        tables: c.tables,
        rowsBy: 'street',
      },
      ...sent.map((s) => ({
        name: s.name,
        title: fileText(lang, 'districtStreetTitle', { name: s.name, code: s.code, version: s.version ?? '' }),
        tables: s.tables!,
        notes: Object.fromEntries(s.tables!.map((t) => [t.id, (t as ReturnTable & { note?: string }).note ?? ''])),
      })),
    ],
    lang,
  );
  return { fileName: fileText(lang, 'districtFileName', { site: site.name, period }), bytes };
}
