// Building a finalized return's package on the street side: the frozen tables and notes, the records for
// the district, summary.xlsx, signed with the street's key, optionally sealed to the district's key.
import type { Db } from '../db/connection';
import type { AuditHeadClaim, PackageInfo } from '../../shared/api/contract-exchange';
import { AppError } from '../../shared/result';
import { TABLE_TITLES } from '../../shared/returns/tables';
import { qb, run } from '../db/query';
import { periodBounds } from '../returns/period';
import { districtChanges, districtMembers, districtTransfers } from '../returns/package-data';
import { frozenRecords, getPackage, getReturnRow, snapshotOf } from '../returns/returns';
import { tablesWorkbook } from '../returns/summary-xlsx';
import { requireStreet } from '../services/street';
import { auditHashAt, auditHead, auditKeyOf } from '../services/audit';
import { addAnchor, readAnchors } from '../services/audit-key';
import type { ExchangeKeyTable } from '../db/schema';
import { districtPeer, signBytes } from './keys';
import { jsonl, packageFileName, sha256, zipPackage } from './package';
import { seal } from './sealed';

export interface BuildOptions {
  /** The street's signing key (ensureKey, inside an audited transaction). */
  key: ExchangeKeyTable;
  encrypt: boolean;
  /** The clerk's explicit, logged choice to build a package with personal data unencrypted. */
  unencrypted?: boolean;
  /** Seal to this district key instead of the stored one (`return build --encrypt-to FILE`). */
  encryptTo?: string;
  appVersion: string;
  now: Date;
}

export interface PreparedPackage {
  period: string;
  version: number;
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  encrypted: boolean;
  counts: Record<string, number>;
  auditHead: AuditHeadClaim;
}

/**
 * The chain's head now, and its hashes at the heads of the packages built before (the anchors kept beside
 * the database): signed into the manifest, they let the district see the chain only ever grew.
 */
function auditClaim(db: Db): AuditHeadClaim {
  const head = auditHead(db);
  const key = auditKeyOf(db);
  const earlier = key ? readAnchors(key, db.name).filter((a) => a.count < head.count) : [];
  const checkpoints = earlier.flatMap((a) => {
    const hash = auditHashAt(db, a.count);
    return hash ? [{ count: a.count, hash }] : [];
  });
  return { ...head, checkpoints };
}

function refuse(field: string, problem: string, value: unknown): AppError {
  return new AppError('VALIDATION', problem, { issues: [{ field, problem, value }] });
}

/** Everything but storing it: reads the frozen return and the records, writes nothing. */
export async function prepareReturnPackage(db: Db, period: string, options: BuildOptions): Promise<PreparedPackage> {
  const bounds = periodBounds(period);
  const row = getReturnRow(db, period);
  const snapshot = row ? snapshotOf(row) : null;
  if (!row || row.state !== 'finalized' || !snapshot) throw refuse('period', 'returnNotFinalized', period);
  let recipient: string | undefined;
  if (options.encrypt || options.encryptTo) {
    recipient = options.encryptTo ?? districtPeer(db)?.encrypt_key ?? undefined;
    if (!recipient) throw refuse('encrypt', 'noDistrictKey', period);
  }
  const street = requireStreet(db);
  const notes = JSON.parse(row.notes) as Record<string, string>;
  // The records frozen at finalizing (a return finalized before they were kept: read now).
  const frozen = frozenRecords(db, period);
  const members = frozen?.members ?? districtMembers(db, bounds);
  const changes = frozen?.changes ?? districtChanges(db, bounds);
  const transfers = frozen?.transfers ?? districtTransfers(db, bounds);
  const summary = await tablesWorkbook(
    [{ name: '月报', title: `${street.name}党建工作月报（${period}，第 ${row.version} 版）`, lines: [`区划代码：${street.code}；数据截至：${bounds.end}；定稿：${row.finalized_at ?? ''}`], tables: snapshot.tables, notes }],
    'zh-CN',
  );
  // Members' ID numbers leave the office in this file: unencrypted only by an explicit choice.
  if (!recipient && members.length > 0 && !options.unencrypted) {
    throw new AppError('VALIDATION', 'plainNeedsChoice', { issues: [{ field: 'encrypt', problem: 'plainNeedsChoice', params: { members: members.length } }] });
  }
  const counts = { members: members.length, changes: changes.length, transfers: transfers.length, tables: snapshot.tables.length };
  const key = options.key;
  const claim = auditClaim(db);
  const zipped = zipPackage({
    manifest: {
      street: { code: street.code, name: street.name, districtName: street.districtName },
      period,
      version: row.version,
      generatedAt: options.now.toISOString(),
      appVersion: options.appVersion,
      signer: { alg: 'Ed25519', keyId: key.key_id, publicKey: key.public_key },
      counts,
      auditHead: claim,
    },
    files: {
      'data/members.jsonl': jsonl(members),
      'data/changes.jsonl': jsonl(changes),
      'data/transfers.jsonl': jsonl(transfers),
      'data/tables.jsonl': jsonl(snapshot.tables.map((t) => ({ ...t, title: TABLE_TITLES[t.id].zh, note: notes[t.id] ?? '' }))),
      'summary.xlsx': summary,
    },
    sign: (bytes) => signBytes(key, bytes),
  });
  // fflate and the cipher both answer with a plain ArrayBuffer behind the bytes.
  const bytes = (recipient ? seal(zipped.bytes, recipient) : zipped.bytes) as Uint8Array<ArrayBuffer>;
  const fileName = packageFileName(street.code, street.name, period, row.version, recipient !== undefined);
  return { period, version: row.version, fileName, bytes, encrypted: recipient !== undefined, counts, auditHead: claim };
}

/**
 * Keeps a built package with the return (inside the caller's audited transaction), and its audit head as
 * this database's newest anchor: the entries it counts were committed before the build began, so the
 * anchor never runs ahead of the file even if this transaction is lost.
 */
export function storeReturnPackage(db: Db, p: PreparedPackage, now: Date, by: string): PackageInfo {
  const key = auditKeyOf(db);
  if (key && p.auditHead.count > 0) addAnchor(key, db.name, { count: p.auditHead.count, hash: p.auditHead.hash });
  const { lastInsertRowid } = run(
    db,
    qb.insertInto('return_packages').values({
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
      receipt: null,
      receipt_at: null,
    }),
  );
  return getPackage(db, lastInsertRowid);
}
