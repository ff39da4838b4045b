// The audit log: every write leaves an entry; entries are hash-chained so that a changed, deleted or
// reordered entry is found by verifyAuditChain. The newest link is also kept in settings ('audit_head').
import { createHash } from 'node:crypto';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { sql } from 'kysely';
import type { AuditEntry, AuditVerifyResult } from '../../shared/api/contract';
import type { ApiParsedInput } from '../../shared/api/contract';
import { all, first, qb, run } from '../db/query';
import type { AuditRow } from '../db/schema';
import { scopeOrgIdsSubquery, type Scope } from '../scope';

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit_head';

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

function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
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
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

const toJson = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/** Appends one entry; call inside the write's transaction so the entry and the change commit together. */
export function appendAudit(db: SqliteDatabase, actor: AuditActor, record: AuditRecord, at: Date): number {
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
  const hash = entryHash(row);
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

/** Walks the whole chain in order and reports the first entry that does not hold. */
export function verifyAuditChain(db: SqliteDatabase): AuditVerifyResult {
  const stmt = db.prepare('SELECT * FROM audit_log ORDER BY id');
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  let lastId = 0;
  for (const row of stmt.iterate() as Iterable<AuditRow>) {
    const broken = (reason: 'HASH_MISMATCH' | 'CHAIN_BROKEN'): AuditVerifyResult => ({
      ok: false,
      checked,
      firstBroken: { id: row.id, reason, at: row.at, action: row.action },
    });
    if (row.id !== expectedId || row.prev_hash !== prevHash) return broken('CHAIN_BROKEN');
    if (entryHash(row) !== row.hash) return broken('HASH_MISMATCH');
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

export function listAudit(db: SqliteDatabase, filter: ApiParsedInput<'audit.list'>, scope: Scope | null = null, userId: number | null = null): { total: number; entries: AuditEntry[] } {
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
