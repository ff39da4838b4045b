// Files kept beside a fund entry, a meeting or a disclosure. Stored in the database (so a backup, a restore
// and a package's database copy carry them), with their size and SHA-256; the owner record must exist, and a
// record keeps at most ATTACHMENTS_PER_RECORD files. Refusals name the field and the value.
import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import { ATTACHMENTS_PER_RECORD, type AttachmentInfo, type AttachmentOwner } from '../../shared/api/contract-attachments';
import { notFound, refuse } from './counter/refusals';

const OWNER_TABLE: Record<AttachmentOwner, string> = { fund_entry: 'fund_entries', meeting: 'meetings', disclosure: 'gov_disclosures' };

interface Row {
  id: number;
  owner: AttachmentOwner;
  owner_id: number;
  file_name: string;
  size: number;
  sha256: string;
  added_by: string;
  added_at: string;
}

const COLUMNS = 'id, owner, owner_id, file_name, size, sha256, added_by, added_at';

function info(r: Row): AttachmentInfo {
  return { id: r.id, owner: r.owner, ownerId: r.owner_id, fileName: r.file_name, size: r.size, sha256: r.sha256, addedBy: r.added_by, addedAt: r.added_at };
}

function assertOwner(db: Db, owner: AttachmentOwner, ownerId: number): void {
  if (!db.prepare(`SELECT 1 FROM ${OWNER_TABLE[owner]} WHERE id = ?`).get(ownerId)) throw notFound(owner, ownerId);
}

export function listAttachments(db: Db, owner: AttachmentOwner, ownerId: number): AttachmentInfo[] {
  assertOwner(db, owner, ownerId);
  return (db.prepare(`SELECT ${COLUMNS} FROM attachments WHERE owner = ? AND owner_id = ? ORDER BY id`).all(owner, ownerId) as Row[]).map(info);
}

export function getAttachment(db: Db, id: number): AttachmentInfo & { bytes: Uint8Array } {
  const row = db.prepare(`SELECT ${COLUMNS}, content FROM attachments WHERE id = ?`).get(id) as (Row & { content: Buffer }) | undefined;
  if (!row) throw notFound('attachment', id);
  return { ...info(row), bytes: new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength) };
}

export function addAttachment(
  db: Db,
  input: { owner: AttachmentOwner; ownerId: number; fileName: string; bytes: Uint8Array },
  actor: string,
  now: Date,
): AttachmentInfo {
  assertOwner(db, input.owner, input.ownerId);
  const kept = db.prepare('SELECT count(*) FROM attachments WHERE owner = ? AND owner_id = ?').pluck().get(input.owner, input.ownerId) as number;
  if (kept >= ATTACHMENTS_PER_RECORD) throw refuse('bytes', 'attachmentTooMany', input.fileName, { max: ATTACHMENTS_PER_RECORD });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const same = db.prepare('SELECT file_name FROM attachments WHERE owner = ? AND owner_id = ? AND sha256 = ?').pluck().get(input.owner, input.ownerId, sha256) as string | undefined;
  if (same !== undefined) throw refuse('bytes', 'attachmentDuplicate', input.fileName, { other: same });
  const id = Number(
    db
      .prepare('INSERT INTO attachments (owner, owner_id, file_name, size, sha256, content, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(input.owner, input.ownerId, input.fileName, input.bytes.byteLength, sha256, Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), actor, now.toISOString())
      .lastInsertRowid,
  );
  return info(db.prepare(`SELECT ${COLUMNS} FROM attachments WHERE id = ?`).get(id) as Row);
}

export function removeAttachment(db: Db, id: number): AttachmentInfo {
  const row = db.prepare(`SELECT ${COLUMNS} FROM attachments WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('attachment', id);
  db.prepare('DELETE FROM attachments WHERE id = ?').run(id);
  return info(row);
}
