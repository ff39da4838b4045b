// The audit chain anchored outside the database file: a key beside it (an HMAC per entry) and the heads the
// street signed into its monthly packages. Someone with a SQLite browser who edits an entry and re-hashes
// everything after it, or cuts entries off the end and rewrites the head, is found; so is a street whose new
// package shows a chain that does not continue the one the district saw before.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, createHmac } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StreetDeskApp } from '../../src/core/app';
import { openDatabase } from '../../src/core/db/open';
import { appendAudit, verifyAuditChain } from '../../src/core/services/audit';
import { defaultKeyFolder } from '../../src/core/services/audit-key';
import { auditConflict } from '../../src/core/exchange/district';
import type { AuditRow } from '../../src/core/db/schema';
import { ADMIN, appsForEachTest, makeTempDir, USER_PASSWORD, addUser, type TestApp } from '../support/factory';
import { buildPackage, pair, PERIOD, sitesForEachTest } from '../support/exchange';

const apps = appsForEachTest();
const sites = sitesForEachTest();

type Hasher = (canonical: string) => string;
const sha: Hasher = (c) => createHash('sha256').update(c, 'utf8').digest('hex');
const hmacWith = (secret: Buffer): Hasher => (c) => createHmac('sha256', secret).update(c, 'utf8').digest('hex');

function canonical(r: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([r.id, r.at, r.user_id, r.username, r.action, r.entity, r.entity_id, r.before, r.after, r.prev_hash]);
}

/**
 * What an editor of the file does to hide a change: edits entry `id`, recomputes every hash from there on
 * with `hash`, and rewrites the head kept in settings — the whole chain links up again.
 */
function editAndRehash(dbPath: string, id: number, after: string, hash: Hasher): void {
  const db = new SqliteDatabase(dbPath);
  try {
    db.transaction(() => {
      db.prepare('UPDATE audit_log SET after = ? WHERE id = ?').run(after, id);
      const rows = db.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(id) as AuditRow[];
      let prev = (db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(id - 1) as { hash: string } | undefined)?.hash ?? '0'.repeat(64);
      for (const r of rows) {
        const h = hash(canonical({ ...r, prev_hash: prev }));
        db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, h, r.id);
        prev = h;
      }
      const last = rows[rows.length - 1];
      db.prepare("UPDATE settings SET value = ? WHERE key = 'audit_head'").run(`${last.id}:${prev}`);
    })();
  } finally {
    db.close();
  }
}

/** Deletes the newest `n` entries and rewrites the head to the one now last: a consistent, shorter chain. */
function truncate(dbPath: string, n: number): void {
  const db = new SqliteDatabase(dbPath);
  try {
    db.transaction(() => {
      const max = (db.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number }).m;
      db.prepare('DELETE FROM audit_log WHERE id > ?').run(max - n);
      const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
      db.prepare("UPDATE settings SET value = ? WHERE key = 'audit_head'").run(`${last.id}:${last.hash}`);
    })();
  } finally {
    db.close();
  }
}

// Apps opened again by a test (the factory closes only the first one of each folder).
const reopened: StreetDeskApp[] = [];
afterEach(() => {
  for (const app of reopened.splice(0)) app.close();
});

function reopen(t: { app: StreetDeskApp; dbPath: string }): StreetDeskApp {
  t.app.close();
  t.app = new StreetDeskApp({ dbPath: t.dbPath });
  reopened.push(t.app);
  return t.app;
}

async function someWrites(t: TestApp, n = 3): Promise<void> {
  for (let i = 0; i < n; i++) await addUser(t, 'clerk', `clerk${i}`);
}

describe('the key beside the database', () => {
  it('is made on first use, readable by its owner only, outside the database file', async () => {
    const t = await apps();
    const keyFile = path.join(defaultKeyFolder(t.dbPath), 'audit.key');
    expect(fs.existsSync(keyFile)).toBe(true);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const secret = fs.readFileSync(keyFile, 'utf8').trim();
    const settings = JSON.stringify(t.app.database.prepare('SELECT * FROM settings').all());
    expect(settings).not.toContain(secret);
    expect(verifyAuditChain(t.app.database)).toEqual({ ok: true, checked: expect.any(Number), firstBroken: null });
  });

  it('finds an entry edited and the chain re-hashed after it (which a chain without a key would not)', async () => {
    const t = await apps();
    await someWrites(t);
    const before = verifyAuditChain(t.app.database);
    expect(before.ok).toBe(true);
    t.app.close();
    editAndRehash(t.dbPath, 2, JSON.stringify({ username: 'someone-else' }), sha);
    const app = reopen(t);
    expect(verifyAuditChain(app.database)).toMatchObject({ ok: false, firstBroken: { id: 2, reason: 'HASH_MISMATCH' } });
  });

  it('a re-hash with the key itself (full control of the PC) still links up: the district’s anchor is what remains', async () => {
    const t = await apps();
    await someWrites(t);
    t.app.close();
    const secret = Buffer.from(fs.readFileSync(path.join(defaultKeyFolder(t.dbPath), 'audit.key'), 'utf8'), 'base64');
    editAndRehash(t.dbPath, 2, JSON.stringify({ username: 'someone-else' }), hmacWith(secret));
    expect(verifyAuditChain(reopen(t).database).ok).toBe(true); // documented in docs/security.md
  });

  it('keeps verifying a database whose log began before the key: the old entries as before, the key from then on', async () => {
    const dir = makeTempDir();
    const dbPath = path.join(dir, 'streetdesk.db');
    try {
      const raw = openDatabase(dbPath);
      raw.transaction(() => {
        for (let i = 1; i <= 4; i++) appendAudit(raw, { userId: null, username: 'old-version' }, { action: 'member.create', entity: 'member', entityId: i, after: { n: i } }, new Date());
      })();
      raw.close();
      const t = { dbPath, app: new StreetDeskApp({ dbPath }) };
      const rows = t.app.database.prepare('SELECT id, action FROM audit_log ORDER BY id').all();
      expect(rows.at(-1)).toEqual({ id: 5, action: 'audit.keyed' });
      expect(verifyAuditChain(t.app.database)).toEqual({ ok: true, checked: 5, firstBroken: null });
      t.app.close();
      // An old, unkeyed entry rewritten and everything re-hashed the old way: the keyed entry after it holds its hash.
      editAndRehash(dbPath, 2, JSON.stringify({ n: 99 }), sha);
      t.app = new StreetDeskApp({ dbPath });
      expect(verifyAuditChain(t.app.database)).toMatchObject({ ok: false, firstBroken: { id: 5, reason: 'HASH_MISMATCH' } });
      t.app.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a database moved to a PC without its key gets the new key from its next entry, and the log says so', async () => {
    const t = await apps();
    await someWrites(t, 1);
    t.app.close();
    fs.rmSync(defaultKeyFolder(t.dbPath), { recursive: true });
    const app = reopen(t);
    const last = app.database.prepare('SELECT action, after FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string; after: string };
    expect(last.action).toBe('audit.keyed');
    expect(JSON.parse(last.after)).toMatchObject({ previousKeyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(verifyAuditChain(app.database).ok).toBe(true);
    await app.invoke('auth.login', { username: 'clerk0', password: USER_PASSWORD });
    expect(verifyAuditChain(app.database).ok).toBe(true);
  });
});

describe('the anchor of a built package', () => {
  it('is carried in the signed manifest and finds entries cut off the end afterwards', async () => {
    const street = await sites.street(1, 20);
    const built = await buildPackage(street);
    const { unzipSync } = await import('fflate');
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(built.bytes)['manifest.json'])) as { auditHead: { count: number; hash: string } };
    const head = street.app.database.prepare('SELECT id, hash FROM audit_log WHERE id = ?').get(manifest.auditHead.count) as { id: number; hash: string };
    expect(manifest.auditHead).toMatchObject({ count: head.id, hash: head.hash });
    expect(verifyAuditChain(street.app.database).ok).toBe(true);

    // The last entries (the build among them) deleted and the head rewritten: consistent, but shorter than the anchor.
    const anchored = manifest.auditHead.count;
    const total = (street.app.database.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    street.app.close();
    truncate(street.dbPath, total - anchored + 2);
    street.app = new StreetDeskApp({ dbPath: street.dbPath, now: street.clock.now });
    expect(verifyAuditChain(street.app.database)).toMatchObject({ ok: false, firstBroken: { id: anchored, reason: 'HEAD_MISMATCH' } });
  });

  it('the district refuses a street’s next package whose chain does not continue the head it received', async () => {
    const street = await sites.street(1, 20);
    const district = await sites.district();
    await pair(street, district);
    const v1 = await buildPackage(street);
    const first = await district.app.invoke('district.import', { files: [{ fileName: 'v1.zip', bytes: new Uint8Array(v1.bytes) }] }, district.token);
    expect(first[0].status).toBe('accepted');

    // With full control of the PC the street rewrites an early entry and re-signs the chain with its own key…
    street.app.close();
    const secret = Buffer.from(fs.readFileSync(path.join(defaultKeyFolder(street.dbPath), 'audit.key'), 'utf8'), 'base64');
    editAndRehash(street.dbPath, 3, JSON.stringify({ hidden: true }), hmacWith(secret));
    street.app = new StreetDeskApp({ dbPath: street.dbPath, now: street.clock.now });
    // …its own verify still finds it against the local anchor copy…
    expect(verifyAuditChain(street.app.database)).toMatchObject({ ok: false, firstBroken: { reason: 'CHAIN_BROKEN' } });
    // …and the district, which kept the first head, refuses version 2 with the reason.
    const login = await street.app.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
    street.token = login.token;
    await street.app.invoke('returns.reopen', { period: PERIOD, reason: '补报' }, street.token);
    const v2 = await buildPackage(street);
    const second = await district.app.invoke('district.import', { files: [{ fileName: 'v2.zip', bytes: new Uint8Array(v2.bytes) }] }, district.token);
    expect(second[0]).toMatchObject({ status: 'rejected', code: 'AUDIT_NOT_EXTENDED' });
    expect((second[0] as { message: string }).message).toContain('操作日志');
    expect((second[0] as { message: string }).message).toContain(street.code);
  });

  it('the district accepts a street whose chain only grew, and compares heads arriving out of order by build time', async () => {
    const street = await sites.street(2, 20);
    const district = await sites.district();
    await pair(street, district);
    const v1 = await buildPackage(street);
    await street.app.invoke('returns.reopen', { period: PERIOD, reason: '补报' }, street.token);
    street.clock.advance(60_000);
    const v2 = await buildPackage(street);
    const outcomes = await district.app.invoke('district.import', { files: [{ fileName: 'v1.zip', bytes: new Uint8Array(v1.bytes) }, { fileName: 'v2.zip', bytes: new Uint8Array(v2.bytes) }] }, district.token);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'replaced']);

    const a = { count: 10, hash: 'a'.repeat(64) };
    const b = { count: 20, hash: 'b'.repeat(64), checkpoints: [{ count: 10, hash: 'a'.repeat(64) }] };
    expect(auditConflict([{ head: b, generatedAt: '2026-11-02' }], { head: a, generatedAt: '2026-11-01' })).toBeNull();
    expect(auditConflict([{ head: b, generatedAt: '2026-11-01' }], { head: a, generatedAt: '2026-11-02' })).toBe(10); // shrank since
    expect(auditConflict([{ head: a, generatedAt: '2026-11-01' }], { head: { ...b, checkpoints: [{ count: 10, hash: 'c'.repeat(64) }] }, generatedAt: '2026-11-02' })).toBe(10);
    expect(auditConflict([{ head: a, generatedAt: '2026-11-01' }], { head: undefined, generatedAt: '2026-11-02' })).toBe(10);
    expect(auditConflict([{ head: undefined, generatedAt: '2026-11-01' }], { head: a, generatedAt: '2026-11-02' })).toBeNull();
  });
});
