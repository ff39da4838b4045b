// The monthly return of a period: draft → checked → finalized. Finalizing stores the figures as they are
// (the snapshot the package is built from); reopening is logged, raises the version and makes it a draft.
import type { Db } from '../db/connection';
import type { PackageInfo, ReturnInfo, SignedReceipt } from '../../shared/api/contract-exchange';
import { AppError } from '../../shared/result';
import type { ReturnTable, ReturnTableId } from '../../shared/returns/tables';
import { first, qb, run } from '../db/query';
import type { Selectable } from 'kysely';
import type { ReturnPackageTable, ReturnTableRow } from '../db/schema';

type PackageRow = Omit<Selectable<ReturnPackageTable>, 'bytes'>;
import { districtPeer, verifyBytes } from '../exchange/keys';
import { periodBounds, periodOf } from './period';
import { computeReturnTables } from './tables';
import { deflateSync, inflateSync } from 'node:zlib';
import { districtChanges, districtMembers, districtTransfers } from './package-data';

export interface Snapshot {
  computedAt: string;
  tables: ReturnTable[];
}

/** The records a package carries for the district, as they stood when the return was finalized. */
export interface FrozenRecords {
  members: Record<string, unknown>[];
  changes: Record<string, unknown>[];
  transfers: Record<string, unknown>[];
}

/** A return's row without its frozen records (megabytes for a large street: read only to build a package). */
type Row = Omit<Selectable<ReturnTableRow>, 'records'>;
const ROW_COLUMNS = ['period', 'state', 'version', 'notes', 'snapshot', 'checked_at', 'checked_by', 'finalized_at', 'finalized_by', 'created_at', 'updated_at'] as const;

function refuse(field: string, problem: string, value: unknown, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION', problem, { issues: [{ field, problem, value, ...(params ? { params } : {}) }] });
}

export function getReturnRow(db: Db, period: string): Row | undefined {
  return first(db, qb.selectFrom('returns').select(ROW_COLUMNS).where('period', '=', period)) as Row | undefined;
}

/** The district's records frozen with a finalized return; null for one finalized before migration 0006. */
export function frozenRecords(db: Db, period: string): FrozenRecords | null {
  const blob = db.prepare("SELECT records FROM returns WHERE period = ? AND state = 'finalized'").pluck().get(period) as Buffer | null | undefined;
  return blob ? (JSON.parse(inflateSync(blob).toString('utf8')) as FrozenRecords) : null;
}

/** The return's row, made as a draft on its first write. Periods after this month are refused. */
function ensureReturn(db: Db, period: string, now: Date): Row {
  periodBounds(period);
  if (period > periodOf(now)) throw refuse('period', 'periodInFuture', period);
  const found = getReturnRow(db, period);
  if (found) return found;
  const at = now.toISOString();
  run(db, qb.insertInto('returns').values({ period, state: 'draft', snapshot: null, checked_at: null, checked_by: null, finalized_at: null, finalized_by: null, created_at: at, updated_at: at }));
  return getReturnRow(db, period)!;
}

export function snapshotOf(row: Row): Snapshot | null {
  return row.snapshot ? (JSON.parse(row.snapshot) as Snapshot) : null;
}

function receiptVerified(db: Db, receipt: SignedReceipt | null): boolean | null {
  if (!receipt) return null;
  const district = districtPeer(db);
  if (!district || district.code !== receipt.receipt.districtCode) return null;
  return verifyBytes(district.sign_key, new TextEncoder().encode(JSON.stringify(receipt.receipt)), receipt.signature);
}

export function packageInfo(db: Db, p: PackageRow): PackageInfo {
  const receipt = p.receipt ? (JSON.parse(p.receipt) as SignedReceipt) : null;
  return {
    id: p.id,
    period: p.period,
    version: p.version,
    fileName: p.file_name,
    sha256: p.sha256,
    size: p.size,
    encrypted: p.encrypted === 1,
    counts: JSON.parse(p.counts) as Record<string, number>,
    builtAt: p.built_at,
    builtBy: p.built_by,
    sentVia: p.sent_via,
    sentTo: p.sent_to,
    sentAt: p.sent_at,
    receipt,
    receiptVerified: receiptVerified(db, receipt),
  };
}

const PACKAGE_COLUMNS = ['id', 'period', 'version', 'file_name', 'sha256', 'size', 'encrypted', 'counts', 'built_at', 'built_by', 'sent_via', 'sent_to', 'sent_at', 'receipt', 'receipt_at'] as const;

export function getPackage(db: Db, id: number): PackageInfo {
  const p = first(db, qb.selectFrom('return_packages').select(PACKAGE_COLUMNS).where('id', '=', id));
  if (!p) throw new AppError('NOT_FOUND', `package ${id} not found`, { entity: 'package', id });
  return packageInfo(db, p);
}

/** Where the last package sent to a folder went (the file's path), to offer that folder again. */
export function lastSentFolderFile(db: Db): string | null {
  const row = first(db, qb.selectFrom('return_packages').select('sent_to').where('sent_via', '=', 'folder').orderBy('sent_at', 'desc').limit(1));
  return row?.sent_to ?? null;
}

/** Notes where a package went (and the district's receipt, for an upload). */
export function recordSent(db: Db, id: number, via: 'folder' | 'upload', to: string, receipt: unknown, at: string): void {
  run(
    db,
    qb
      .updateTable('return_packages')
      .set({ sent_via: via, sent_to: to, sent_at: at, ...(receipt ? { receipt: JSON.stringify(receipt), receipt_at: at } : {}) })
      .where('id', '=', id),
  );
}

export function packageBytes(db: Db, id: number): Uint8Array {
  const p = first(db, qb.selectFrom('return_packages').select('bytes').where('id', '=', id));
  if (!p) throw new AppError('NOT_FOUND', `package ${id} not found`, { entity: 'package', id });
  return p.bytes;
}

/** The return as the page shows it; a period never written reads as a draft of version 1 (nothing is stored). */
export function returnInfo(db: Db, period: string, now: Date): ReturnInfo {
  const bounds = periodBounds(period);
  if (period > periodOf(now)) throw refuse('period', 'periodInFuture', period);
  const row = getReturnRow(db, period);
  const snapshot = row ? snapshotOf(row) : null;
  const log = db.prepare('SELECT version, action, reason, at, by FROM return_log WHERE period = ? ORDER BY id').all(period) as ReturnInfo['log'];
  const packages = (
    db.prepare(`SELECT ${PACKAGE_COLUMNS.join(', ')} FROM return_packages WHERE period = ? ORDER BY id DESC`).all(period) as PackageRow[]
  ).map((p) => packageInfo(db, p));
  return {
    period,
    state: row?.state ?? 'draft',
    version: row?.version ?? 1,
    tables: snapshot?.tables ?? computeReturnTables(db, bounds),
    notes: row ? (JSON.parse(row.notes) as ReturnInfo['notes']) : {},
    frozenAt: snapshot?.computedAt ?? null,
    checkedAt: row?.checked_at ?? null,
    checkedBy: row?.checked_by ?? null,
    finalizedAt: row?.finalized_at ?? null,
    finalizedBy: row?.finalized_by ?? null,
    log,
    packages,
  };
}

export function listReturns(db: Db): { period: string; state: ReturnInfo['state']; version: number; updatedAt: string }[] {
  return (db.prepare('SELECT period, state, version, updated_at FROM returns ORDER BY period DESC').all() as { period: string; state: ReturnInfo['state']; version: number; updated_at: string }[]).map(
    (r) => ({ period: r.period, state: r.state, version: r.version, updatedAt: r.updated_at }),
  );
}

function assertNotFinalized(row: Row): void {
  if (row.state === 'finalized') throw refuse('period', 'returnFinalized', row.period, { version: row.version });
}

export type Change = { before: Record<string, unknown>; after: Record<string, unknown> };

/** A note under one table; a finalized return's notes are frozen with its figures. */
export function saveNote(db: Db, period: string, table: ReturnTableId, note: string, now: Date): Change {
  const row = ensureReturn(db, period, now);
  assertNotFinalized(row);
  const notes = JSON.parse(row.notes) as Record<string, string>;
  const before = notes[table] ?? '';
  if (note.trim()) notes[table] = note.trim();
  else delete notes[table];
  run(db, qb.updateTable('returns').set({ notes: JSON.stringify(notes), updated_at: now.toISOString() }).where('period', '=', period));
  return { before: { table, note: before }, after: { table, note: note.trim() } };
}

function log(db: Db, row: Row, version: number, action: 'check' | 'uncheck' | 'finalize' | 'reopen', reason: string | null, by: string, now: Date): void {
  run(db, qb.insertInto('return_log').values({ period: row.period, version, action, reason, at: now.toISOString(), by }));
}

/** draft → checked: someone has gone over the figures and the notes. */
export function checkReturn(db: Db, period: string, by: string, now: Date): Change {
  const row = ensureReturn(db, period, now);
  assertNotFinalized(row);
  if (row.state === 'checked') throw refuse('period', 'returnAlreadyChecked', period);
  const at = now.toISOString();
  run(db, qb.updateTable('returns').set({ state: 'checked', checked_at: at, checked_by: by, updated_at: at }).where('period', '=', period));
  log(db, row, row.version, 'check', null, by, now);
  return { before: { state: row.state, version: row.version }, after: { state: 'checked', version: row.version } };
}

/** checked → finalized: the figures are computed once more and frozen with the return. */
export function finalizeReturn(db: Db, period: string, by: string, now: Date): Change {
  const row = ensureReturn(db, period, now);
  assertNotFinalized(row);
  if (row.state !== 'checked') throw refuse('period', 'returnNotChecked', period);
  const at = now.toISOString();
  const bounds = periodBounds(period);
  const snapshot: Snapshot = { computedAt: at, tables: computeReturnTables(db, bounds) };
  // The package's records are frozen with the figures: built today or next week, it sends what they count.
  const records: FrozenRecords = { members: districtMembers(db, bounds), changes: districtChanges(db, bounds), transfers: districtTransfers(db, bounds) };
  run(
    db,
    qb
      .updateTable('returns')
      .set({ state: 'finalized', snapshot: JSON.stringify(snapshot), records: deflateSync(JSON.stringify(records), { level: 1 }), finalized_at: at, finalized_by: by, updated_at: at })
      .where('period', '=', period),
  );
  log(db, row, row.version, 'finalize', null, by, now);
  return { before: { state: row.state, version: row.version }, after: { state: 'finalized', version: row.version } };
}

/**
 * Back to draft. A finalized return's figures may already be with the district, so reopening it raises
 * its version: the next package replaces the one sent. A checked return goes back without a new version.
 */
export function reopenReturn(db: Db, period: string, reason: string, by: string, now: Date): Change {
  const row = getReturnRow(db, period);
  if (!row || row.state === 'draft') throw refuse('period', 'returnNotFinalized', period);
  const version = row.state === 'finalized' ? row.version + 1 : row.version;
  run(
    db,
    qb
      .updateTable('returns')
      .set({ state: 'draft', version, snapshot: null, records: null, checked_at: null, checked_by: null, finalized_at: null, finalized_by: null, updated_at: now.toISOString() })
      .where('period', '=', period),
  );
  log(db, row, version, row.state === 'finalized' ? 'reopen' : 'uncheck', reason, by, now);
  return { before: { state: row.state, version: row.version }, after: { state: 'draft', version, reason } };
}
