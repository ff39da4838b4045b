// The audit log: every write leaves an entry; entries are hash-chained so that a changed, deleted or
// reordered entry is found by verifyAuditChain. The newest link is also kept in settings ('audit_head').
// With a key (services/audit-key.ts, kept outside the database) each link is an HMAC, so an edited entry
// cannot be re-hashed with everything after it; the heads carried in the monthly packages (anchors) show
// entries cut off the end. Entries written before a database had a key stay plain SHA-256 links: the first
// keyed entry's HMAC covers their last hash, so they cannot be rewritten either.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connection';
import { sql } from 'kysely';
import type { AuditEntry, AuditVerifyResult } from '../../shared/api/contract';
import type { ApiParsedInput } from '../../shared/api/contract';
import { all, first, qb, run } from '../db/query';
import type { AuditRow } from '../db/schema';
import { scopeOrgIdsSubquery, type Scope } from '../scope';
import { keyId, latestAnchor, type AuditHead, type AuditKey } from './audit-key';

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit_head';
/** Which key signs the chain from which entry on (JSON of KeyBinding), MAC'd with that key. */
const BINDING_KEY = 'audit_key';

export interface AuditActor {
  userId: number | null;
  username: string;
}

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

function canonical(row: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([
    row.id,
    row.at,
    row.user_id,
    row.username,
    row.action,
    row.entity,
    row.entity_id,
    row.before,
    row.after,
    row.prev_hash,
  ]);
}

function entryHash(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(canonical(row), 'utf8').digest('hex');
}

function keyedHash(secret: Buffer, row: Omit<AuditRow, 'hash'>): string {
  return createHmac('sha256', secret).update(canonical(row), 'utf8').digest('hex');
}

/**
 * The key's place in this database's chain: entries from `from` on are HMACs with the key `keyId`; before
 * that, plain links, or (`earlier`) HMACs of keys this computer no longer has (a database moved to a new PC),
 * of which only the links can be checked. The MAC, made with the key, keeps `from` from being moved.
 */
interface KeyBinding {
  from: number;
  keyId: string;
  earlier: { from: number; keyId: string }[];
  mac: string;
}

const keys = new WeakMap<Db, AuditKey>();

function bindingMac(secret: Buffer, b: Omit<KeyBinding, 'mac'>): string {
  return createHmac('sha256', secret).update(JSON.stringify(['streetdesk-audit-key', b.from, b.keyId, b.earlier]), 'utf8').digest('hex');
}

function readBinding(db: Db): KeyBinding | null {
  const value = first(db, qb.selectFrom('settings').select('value').where('key', '=', BINDING_KEY))?.value;
  if (!value) return null;
  try {
    const b = JSON.parse(value) as KeyBinding;
    return Number.isInteger(b.from) && typeof b.keyId === 'string' && Array.isArray(b.earlier) && typeof b.mac === 'string' ? b : null;
  } catch {
    return null;
  }
}

function macHolds(secret: Buffer, b: KeyBinding): boolean {
  const expected = Buffer.from(bindingMac(secret, b), 'hex');
  const given = Buffer.from(b.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The newest entry as a head: what a monthly package carries (ids run 1, 2, 3… so the id is the count). */
export function auditHead(db: Db): AuditHead {
  const last = first(db, qb.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1));
  return last ? { count: last.id, hash: last.hash } : { count: 0, hash: GENESIS_HASH };
}

/** The hash of entry `id` (the chain's state at an anchor), or null when there is no such entry. */
export function auditHashAt(db: Db, id: number): string | null {
  return first(db, qb.selectFrom('audit_log').select('hash').where('id', '=', id))?.hash ?? null;
}

export function auditKeyOf(db: Db): AuditKey | null {
  return keys.get(db) ?? null;
}

/**
 * Signs this connection's new entries with `key`. The first time a database meets a key its place is
 * recorded (from the next entry on); a database signed by a key this computer does not have (moved here, or
 * the key lost) gets the new key from the next entry on, and an entry saying so — the change is in the log.
 */
export function useAuditKey(db: Db, key: AuditKey, now: Date): void {
  keys.set(db, key);
  const id = keyId(key.secret);
  const binding = readBinding(db);
  if (binding && binding.keyId === id) return; // ours (a broken MAC is verify's to report, not ours to mend)
  db.transaction(() => {
    const next = auditHead(db).count + 1;
    const earlier = binding ? [...binding.earlier, { from: binding.from, keyId: binding.keyId }] : [];
    const b = { from: next, keyId: id, earlier };
    const value = JSON.stringify({ ...b, mac: bindingMac(key.secret, b) });
    run(db, qb.insertInto('settings').values({ key: BINDING_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })));
    // A new database starts keyed without a word; an existing log says from where the key holds.
    if (next > 1) {
      appendAudit(db, { userId: null, username: 'system' }, { action: 'audit.keyed', entity: 'audit', after: { keyId: id, from: next, previousKeyId: binding?.keyId ?? null } }, now);
    }
  })();
}

const toJson = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/** Appends one entry; call inside the write's transaction so the entry and the change commit together. */
export function appendAudit(db: Db, actor: AuditActor, record: AuditRecord, at: Date): number {
  const last = first(db, qb.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1));
  const row: Omit<AuditRow, 'hash'> = {
    id: (last?.id ?? 0) + 1,
    at: at.toISOString(),
    user_id: actor.userId,
    username: actor.username,
    action: record.action,
    entity: record.entity,
    entity_id: record.entityId === undefined || record.entityId === null ? null : String(record.entityId),
    before: toJson(record.before),
    after: toJson(record.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const key = keys.get(db);
  const hash = key ? keyedHash(key.secret, row) : entryHash(row);
  run(db, qb.insertInto('audit_log').values({ ...row, hash }));
  run(
    db,
    qb
      .insertInto('settings')
      .values({ key: HEAD_KEY, value: `${row.id}:${hash}` })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: `${row.id}:${hash}` })),
  );
  return row.id;
}

/**
 * Walks the whole chain in order and reports the first entry that does not hold: links, hashes (HMACs
 * from the key's entry on), the head kept in settings, and the newest anchor carried out in a package —
 * the chain must still hold that many entries, ending then in that hash.
 */
export function verifyAuditChain(db: Db): AuditVerifyResult {
  const key = keys.get(db) ?? null;
  const binding = readBinding(db);
  const anchor = key ? latestAnchor(key, db.name) : null;
  // A key's place that does not check out (moved or forged) is reported at the entry it names.
  const ours = !!key && !!binding && binding.keyId === keyId(key.secret);
  if (key && binding && ours && !macHolds(key.secret, binding)) {
    return { ok: false, checked: 0, firstBroken: { id: binding.from, reason: 'HASH_MISMATCH', at: null, action: null } };
  }
  const keyedFrom = ours ? binding.from : Infinity;
  // Entries signed by keys not at hand: only their links can be checked.
  const unverifiableFrom = binding ? Math.min(binding.from, ...binding.earlier.map((e) => e.from)) : Infinity;
  const stmt = db.prepare('SELECT * FROM audit_log ORDER BY id');
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  let lastId = 0;
  let hashAtAnchor: string | null = null;
  for (const row of stmt.iterate() as Iterable<AuditRow>) {
    const broken = (reason: 'HASH_MISMATCH' | 'CHAIN_BROKEN'): AuditVerifyResult => ({
      ok: false,
      checked,
      firstBroken: { id: row.id, reason, at: row.at, action: row.action },
    });
    if (row.id !== expectedId || row.prev_hash !== prevHash) return broken('CHAIN_BROKEN');
    const expected = row.id >= keyedFrom ? keyedHash(key!.secret, row) : row.id >= unverifiableFrom ? row.hash : entryHash(row);
    if (expected !== row.hash) return broken('HASH_MISMATCH');
    if (anchor && row.id === anchor.count) hashAtAnchor = row.hash;
    prevHash = row.hash;
    lastId = row.id;
    expectedId++;
    checked++;
  }
  const head = first(db, qb.selectFrom('settings').select('value').where('key', '=', HEAD_KEY))?.value ?? null;
  const expectedHead = checked === 0 ? null : `${lastId}:${prevHash}`;
  if (head !== expectedHead) {
    const headId = head ? Number(head.split(':')[0]) : 0;
    return { ok: false, checked, firstBroken: { id: Math.max(headId, lastId), reason: 'HEAD_MISMATCH', at: null, action: null } };
  }
  if (anchor && lastId < anchor.count) {
    // Entries the street already vouched for in a package are gone from the end.
    return { ok: false, checked, firstBroken: { id: anchor.count, reason: 'HEAD_MISMATCH', at: null, action: null } };
  }
  if (anchor && hashAtAnchor !== anchor.hash) {
    return { ok: false, checked, firstBroken: { id: anchor.count, reason: 'CHAIN_BROKEN', at: null, action: null } };
  }
  return { ok: true, checked, firstBroken: null };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Local calendar day → the UTC instant it starts at. */
function localDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

/**
 * What a user limited to one community reads of the log: what they did themselves, and the entries about
 * records of their community (its members, organizations, transfers, requests, community and grids) — the
 * log keeps before/after of every change, so the rest of the street's would show other communities' people.
 */
function scopedEntries(scope: Scope, userId: number | null) {
  const orgs = scopeOrgIdsSubquery(String(scope.communityParam));
  const community = scope.communityParam;
  return sql<boolean>`(audit_log.user_id IS ${userId} OR (audit_log.entity = 'member' AND audit_log.entity_id IN (SELECT CAST(id AS TEXT) FROM members WHERE org_id IN ${sql.raw(orgs)}))
    OR (audit_log.entity = 'organization' AND audit_log.entity_id IN (SELECT CAST(id AS TEXT) FROM ${sql.raw(orgs)}))
    OR (audit_log.entity = 'transfer' AND audit_log.entity_id IN (SELECT CAST(id AS TEXT) FROM transfers WHERE from_org_id IN ${sql.raw(orgs)} OR to_org_id IN ${sql.raw(orgs)}
      OR member_id IN (SELECT id FROM members WHERE org_id IN ${sql.raw(orgs)})))
    OR (audit_log.entity = 'service_request' AND audit_log.entity_id IN (SELECT CAST(id AS TEXT) FROM service_requests WHERE community_id = ${community}))
    OR (audit_log.entity = 'community' AND audit_log.entity_id = ${String(community)})
    OR (audit_log.entity = 'grid' AND audit_log.entity_id IN (SELECT CAST(id AS TEXT) FROM grids WHERE community_id = ${community})))`;
}

export function listAudit(db: Db, filter: ApiParsedInput<'audit.list'>, scope: Scope | null = null, userId: number | null = null): { total: number; entries: AuditEntry[] } {
  let query = qb.selectFrom('audit_log');
  if (scope) query = query.where(scopedEntries(scope, userId));
  if (filter.username) query = query.where('username', 'like', `%${filter.username}%`);
  if (filter.action) query = query.where('action', 'like', `${filter.action}%`);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.from) query = query.where('at', '>=', localDayStart(filter.from));
  if (filter.to) {
    const [y, m, d] = filter.to.split('-').map(Number);
    query = query.where('at', '<', new Date(y, m - 1, d + 1).toISOString());
  }
  const total = first(db, query.select(sql<number>`count(*)`.as('n')))?.n ?? 0;
  const rows = all(db, query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset));
  return {
    total,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      username: r.username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: parseJson(r.before),
      after: parseJson(r.after),
    })),
  };
}
