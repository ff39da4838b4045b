// Where the audit chain's key and its anchors live: outside the database, so that someone who can edit the
// file cannot re-hash the chain after a change, nor quietly cut its end off. The desktop app hands core a key
// kept in the OS's protected storage (src/main/audit-key.ts); the browser host and the CLI keep a key file
// (0600) in a folder beside the database. Either way the anchor copies — the chain heads carried in the
// monthly packages — are kept as a small file in that folder.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

/** What core needs to sign and check the chain. */
export interface AuditKey {
  /** The HMAC key (32 random bytes). */
  secret: Buffer;
  /** The folder that keeps this database's anchor copies (and, for the file key, the key itself). */
  folder: string;
}

/** A chain head: how many entries and the newest one's hash. */
export interface AuditHead {
  count: number;
  hash: string;
}

const KEY_FILE = 'audit.key';
const KEY_BYTES = 32;

/** Beside the database file, never inside it: `<data folder>/streetdesk-keys/`, or STREETDESK_KEY_DIR. */
export function defaultKeyFolder(dbPath: string): string {
  const override = process.env.STREETDESK_KEY_DIR;
  return override ? path.resolve(override) : path.join(path.dirname(path.resolve(dbPath)), 'streetdesk-keys');
}

/** A short public name of a key, kept with the database so that a different key is recognised as such. */
export function keyId(secret: Buffer): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/**
 * The key file of the browser host and the CLI: read, or created on first use readable by the owner only.
 * Created exclusively ('wx') so that two processes starting at once end up with the same key.
 */
export function fileAuditKey(folder: string): AuditKey {
  const file = path.join(folder, KEY_FILE);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      fs.writeSync(fd, randomBytes(KEY_BYTES).toString('base64'));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (secret.length !== KEY_BYTES) throw new Error(`the audit key file ${file} is damaged`);
  return { secret, folder };
}

/** A key handed over by a host that keeps it itself (the desktop app's safeStorage). */
export function givenAuditKey(secretBase64: string, folder: string): AuditKey {
  const secret = Buffer.from(secretBase64, 'base64');
  if (secret.length !== KEY_BYTES) throw new Error('the audit key handed to core has the wrong length');
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  return { secret, folder };
}

// The anchors: every head carried in a built package, newest last. One file per database (by its name),
// written whole under a temporary name and renamed, so a crash leaves the old list or the new one.
const MAX_ANCHORS = 48;

function anchorFile(key: AuditKey, dbPath: string): string {
  return path.join(key.folder, `audit-anchors.${path.basename(dbPath)}.json`);
}

export function readAnchors(key: AuditKey, dbPath: string): AuditHead[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(anchorFile(key, dbPath), 'utf8')) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((a): a is AuditHead => Number.isInteger(a?.count) && a.count > 0 && typeof a.hash === 'string');
  } catch {
    return [];
  }
}

export function latestAnchor(key: AuditKey, dbPath: string): AuditHead | null {
  const anchors = readAnchors(key, dbPath);
  return anchors.reduce<AuditHead | null>((best, a) => (!best || a.count > best.count ? a : best), null);
}

export function addAnchor(key: AuditKey, dbPath: string, head: AuditHead): void {
  const anchors = readAnchors(key, dbPath).filter((a) => a.count !== head.count);
  anchors.push(head);
  anchors.sort((a, b) => a.count - b.count);
  const file = anchorFile(key, dbPath);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(anchors.slice(-MAX_ANCHORS)), { mode: 0o600 });
  fs.renameSync(temp, file);
}
