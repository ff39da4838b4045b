// This database's key pairs and the public keys it trusts. A street signs its packages with Ed25519; a
// district signs its receipts with Ed25519 and receives encrypted packages on X25519. Private keys are
// made here, kept in the database and never returned by any call; only public keys leave, as a key file.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Db } from '../db/connection';
import type { SiteMode } from '../../shared/api/contract';
import { AppError } from '../../shared/result';
import { first, qb, run } from '../db/query';
import type { ExchangeKeyTable, ExchangePeerTable } from '../db/schema';
import { requireStreet } from '../services/street';
import { getExchangeSettings, saveExchangeSettings } from './settings';
import { normalizeFingerprint } from './tls-pin';

export type { SiteMode };
type Purpose = ExchangeKeyTable['purpose'];

const MODE_KEY = 'site.mode';

/** A district database is set up by `init --district`, a city's by `init --city`; every other one is a street's. */
export function siteMode(db: Db): SiteMode {
  const row = first(db, qb.selectFrom('settings').select('value').where('key', '=', MODE_KEY));
  return row?.value === 'district' || row?.value === 'city' ? row.value : 'street';
}

const NEEDS_MODE: Record<SiteMode, string> = { street: 'exchangeNeedsStreet', district: 'exchangeNeedsDistrict', city: 'exchangeNeedsCity' };

export function setSiteMode(db: Db, mode: SiteMode): void {
  run(db, qb.insertInto('settings').values({ key: MODE_KEY, value: mode }).onConflict((oc) => oc.column('key').doUpdateSet({ value: mode })));
}

export function requireMode(db: Db, mode: SiteMode): void {
  if (siteMode(db) !== mode) {
    throw new AppError('VALIDATION', `this is a ${siteMode(db)} database`, { issues: [{ field: 'mode', problem: NEEDS_MODE[mode] }] });
  }
}

/** The key's short name printed on the key file and in manifests: the first 16 hex digits of SHA-256 of the raw key. */
export function keyIdOf(rawPublicKey: string): string {
  return createHash('sha256').update(Buffer.from(rawPublicKey, 'base64url')).digest('hex').slice(0, 16);
}

const ALG: Record<Purpose, 'ed25519' | 'x25519'> = { sign: 'ed25519', encrypt: 'x25519' };

export function rawPublicKey(key: KeyObject): string {
  return key.export({ format: 'jwk' }).x as string;
}

export function publicKeyFromRaw(raw: string, purpose: Purpose): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: purpose === 'sign' ? 'Ed25519' : 'X25519', x: raw }, format: 'jwk' });
}

/** This database's key pair for `purpose`, made on first need (inside the caller's audited transaction). */
export function ensureKey(db: Db, purpose: Purpose, now: Date): ExchangeKeyTable {
  const found = first(db, qb.selectFrom('exchange_keys').selectAll().where('purpose', '=', purpose));
  if (found) return found;
  const pair = generateKeyPairSync(ALG[purpose] as 'ed25519');
  const pub = rawPublicKey(pair.publicKey);
  const row: ExchangeKeyTable = {
    purpose,
    key_id: keyIdOf(pub),
    public_key: pub,
    private_key: (pair.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).toString('base64'),
    created_at: now.toISOString(),
  };
  run(db, qb.insertInto('exchange_keys').values(row));
  return row;
}

export function ownKey(db: Db, purpose: Purpose): ExchangeKeyTable | undefined {
  return first(db, qb.selectFrom('exchange_keys').selectAll().where('purpose', '=', purpose));
}

export function privateKeyOf(row: ExchangeKeyTable): KeyObject {
  return createPrivateKey({ key: Buffer.from(row.private_key, 'base64'), format: 'der', type: 'pkcs8' });
}

export function signBytes(key: ExchangeKeyTable, bytes: Uint8Array): string {
  return sign(null, bytes, privateKeyOf(key)).toString('base64');
}

export function verifyBytes(rawPublic: string, bytes: Uint8Array, signature: string): boolean {
  try {
    return verify(null, bytes, publicKeyFromRaw(rawPublic, 'sign'), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

// ——— the public key file ———

export const KEY_FILE_FORMAT = 'streetdesk-public-key';

/**
 * What `keys export` writes: small JSON a person can read and send on. The district adds a street by its
 * file (`keys trust`); a street keeps its district's file to encrypt packages and check receipts.
 */
export interface PublicKeyFile {
  format: typeof KEY_FILE_FORMAT;
  formatVersion: 1;
  role: SiteMode;
  /** The 12-digit division code (a district's is its 6-digit county code followed by 000000). */
  code: string;
  name: string;
  signingKey: { alg: 'Ed25519'; keyId: string; publicKey: string };
  encryptionKey?: { alg: 'X25519'; keyId: string; publicKey: string };
  /** A district serving over HTTPS: its server certificate's SHA-256, which the street pins on upload. */
  tlsCertificate?: { sha256: string };
  createdAt: string;
}

export function publicKeyFile(db: Db, now: Date, tlsSha256?: string): PublicKeyFile {
  const site = requireStreet(db);
  const mode = siteMode(db);
  const signing = ensureKey(db, 'sign', now);
  const file: PublicKeyFile = {
    format: KEY_FILE_FORMAT,
    formatVersion: 1,
    role: mode,
    code: site.code,
    name: site.name,
    signingKey: { alg: 'Ed25519', keyId: signing.key_id, publicKey: signing.public_key },
    createdAt: signing.created_at,
  };
  if (mode === 'district' || mode === 'city') {
    const enc = ensureKey(db, 'encrypt', now);
    file.encryptionKey = { alg: 'X25519', keyId: enc.key_id, publicKey: enc.public_key };
    if (tlsSha256) file.tlsCertificate = { sha256: tlsSha256 };
  }
  return file;
}

function keyFileProblem(problem: string, value?: unknown): AppError {
  return new AppError('VALIDATION', `key file: ${problem}`, { issues: [{ field: 'keyFile', problem, ...(value !== undefined ? { value } : {}) }] });
}

function checkRawKey(raw: unknown, purpose: Purpose): string {
  if (typeof raw !== 'string') throw keyFileProblem('keyFileInvalid');
  try {
    publicKeyFromRaw(raw, purpose);
  } catch {
    throw keyFileProblem('keyFileInvalid');
  }
  return raw;
}

/** Reads a key file's text; refuses anything that is not a well-formed StreetDesk public key file. */
export function parseKeyFile(text: string): PublicKeyFile {
  let data: Partial<PublicKeyFile>;
  try {
    data = JSON.parse(text) as Partial<PublicKeyFile>;
  } catch {
    throw keyFileProblem('keyFileInvalid');
  }
  if (data?.format !== KEY_FILE_FORMAT || data.formatVersion !== 1) throw keyFileProblem('keyFileInvalid');
  if (data.role !== 'street' && data.role !== 'district' && data.role !== 'city') throw keyFileProblem('keyFileInvalid');
  if (typeof data.code !== 'string' || !/^\d{12}$/.test(data.code) || typeof data.name !== 'string' || !data.name.trim()) throw keyFileProblem('keyFileInvalid');
  const signing = checkRawKey(data.signingKey?.publicKey, 'sign');
  if (data.signingKey?.keyId !== keyIdOf(signing)) throw keyFileProblem('keyFileInvalid');
  if (data.role === 'district' || data.role === 'city') {
    const enc = checkRawKey(data.encryptionKey?.publicKey, 'encrypt');
    if (data.encryptionKey?.keyId !== keyIdOf(enc)) throw keyFileProblem('keyFileInvalid');
    if (data.tlsCertificate !== undefined) {
      const sha = typeof data.tlsCertificate?.sha256 === 'string' ? normalizeFingerprint(data.tlsCertificate.sha256) : null;
      if (!sha) throw keyFileProblem('keyFileInvalid');
      data.tlsCertificate = { sha256: sha };
    }
  }
  return data as PublicKeyFile;
}

/** The X25519 key of a district key file (the file `return build --encrypt-to` names). */
export function districtEncryptionKey(file: PublicKeyFile): string {
  if (file.role !== 'district' || !file.encryptionKey) throw keyFileProblem('keyFileWrongRole', file.role);
  return file.encryptionKey.publicKey;
}

/** The X25519 key of a city key file (the file a district's `return build --encrypt-to` names). */
export function cityEncryptionKey(file: PublicKeyFile): string {
  if (file.role !== 'city' || !file.encryptionKey) throw keyFileProblem('keyFileWrongRole', file.role);
  return file.encryptionKey.publicKey;
}

/** Whether a district code lies in a city: the same 4 digits of province and city. */
export function inCity(districtCode: string, cityCode: string): boolean {
  return districtCode.slice(0, 4) === cityCode.slice(0, 4);
}

/** Whether a street code lies in a district: the same 6-digit county. */
export function inDistrict(streetCode: string, districtCode: string): boolean {
  return streetCode.slice(0, 6) === districtCode.slice(0, 6);
}

export function getPeer(db: Db, code: string): ExchangePeerTable | undefined {
  return first(db, qb.selectFrom('exchange_peers').selectAll().where('code', '=', code));
}

export function districtPeer(db: Db): ExchangePeerTable | undefined {
  return first(db, qb.selectFrom('exchange_peers').selectAll().where('role', '=', 'district'));
}

/** A peer as trusting a key file reports it: a street or district from the peers' table, or a district's city. */
export type TrustedPeer = Omit<ExchangePeerTable, 'role'> & { role: ExchangePeerTable['role'] | 'city' };

/**
 * Trusts a key file: on a district, a street of the district (checked against `expectedCode`); on a
 * street, its district (one only). Returns the peer before (if any) and after, for the audit entry.
 */
export function trustKeyFile(
  db: Db,
  file: PublicKeyFile,
  expectedCode: string | undefined,
  now: Date,
): { before: TrustedPeer | undefined; after: TrustedPeer } {
  const site = requireStreet(db);
  const mode = siteMode(db);
  if (mode === 'city') {
    if (file.role !== 'district') throw keyFileProblem('keyFileWrongRole', file.role);
    if (expectedCode !== undefined && expectedCode !== file.code) throw keyFileProblem('keyFileOtherDistrict', file.code);
    if (!inCity(file.code, site.code)) throw keyFileProblem('keyFileNotInCity', file.code);
  } else if (mode === 'district' && file.role === 'city') {
    return trustCityKeyFile(db, file, site.code);
  } else if (mode === 'district') {
    if (file.role !== 'street') throw keyFileProblem('keyFileWrongRole', file.role);
    if (expectedCode !== undefined && expectedCode !== file.code) throw keyFileProblem('keyFileOtherStreet', file.code);
    if (!inDistrict(file.code, site.code)) throw keyFileProblem('keyFileNotInDistrict', file.code);
  } else {
    if (file.role !== 'district') throw keyFileProblem('keyFileWrongRole', file.role);
    if (!inDistrict(site.code, file.code)) throw keyFileProblem('keyFileNotOurDistrict', file.code);
    const other = districtPeer(db);
    if (other && other.code !== file.code) run(db, qb.deleteFrom('exchange_peers').where('code', '=', other.code));
    // The district's certificate goes with its key: a key file without one unpins (https then refuses).
    saveExchangeSettings(db, { districtTlsSha256: file.tlsCertificate?.sha256 ?? '' });
  }
  const before = getPeer(db, file.code);
  const at = now.toISOString();
  const values = {
    role: file.role,
    name: file.name,
    sign_key: file.signingKey.publicKey,
    sign_key_id: file.signingKey.keyId,
    encrypt_key: file.encryptionKey?.publicKey ?? null,
    updated_at: at,
  };
  run(
    db,
    qb
      .insertInto('exchange_peers')
      .values({ code: file.code, token_hash: null, created_at: at, ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values)),
  );
  return { before, after: getPeer(db, file.code)! };
}

/**
 * A district keeps its city's key file once, as a street keeps its district's: in its settings (the peers'
 * table holds the streets a district receives from). Packages for the city are then sealed to it, receipts
 * checked with it, and an https:// upload pins the certificate it carries (none: unpinned, https refuses).
 */
function trustCityKeyFile(db: Db, file: PublicKeyFile, districtCode: string): { before: TrustedPeer | undefined; after: TrustedPeer } {
  if (!inCity(districtCode, file.code)) throw keyFileProblem('keyFileNotOurCity', file.code);
  const before = cityPeer(db);
  saveExchangeSettings(db, { cityKeyFile: JSON.stringify(file), districtTlsSha256: file.tlsCertificate?.sha256 ?? '' });
  const after = cityPeer(db)!;
  return { before, after };
}

/** A district's city, from the key file it keeps (undefined: none kept yet), in a peer's shape. */
export function cityPeer(db: Db): TrustedPeer | undefined {
  const text = getExchangeSettings(db).cityKeyFile;
  if (!text) return undefined;
  const file = JSON.parse(text) as PublicKeyFile;
  return {
    code: file.code,
    role: 'city',
    name: file.name,
    sign_key: file.signingKey.publicKey,
    sign_key_id: file.signingKey.keyId,
    encrypt_key: file.encryptionKey?.publicKey ?? null,
    token_hash: null,
    created_at: file.createdAt,
    updated_at: file.createdAt,
  };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
