// A package sealed to the district's X25519 key, so a lost USB stick leaks nothing.
//
// Container format (version 1), all integers big-endian:
//   bytes 0–7    magic "SDSEAL01"
//   bytes 8–11   n = length of the header in bytes
//   bytes 12…    header: UTF-8 JSON {
//                  "alg": "X25519-HKDF-SHA256-AES-256-GCM",
//                  "recipient": key id of the district's X25519 key (16 hex digits),
//                  "ephemeralKey": the sender's one-time X25519 public key, raw, base64url,
//                  "salt": 32 random bytes, base64url,  "iv": 12 random bytes, base64url,
//                  "size": length of the ciphertext in bytes (a file cut short is told from a changed one) }
//   then         the AES-256-GCM ciphertext of the whole package zip
//   last 16      the GCM tag
// key = HKDF-SHA256(ikm = X25519(ephemeral private, district public), salt, info = "StreetDesk sealed package v1"),
// and the magic, length and header are the additional authenticated data, so none of it can be changed
// unnoticed. Only the district's private key opens it; the zip inside is still signed by the street.
import { createCipheriv, createDecipheriv, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { PACKAGE_MAX_FILE_BYTES } from '../limits';
import { keyIdOf, publicKeyFromRaw, rawPublicKey } from './keys';

const MAGIC = Buffer.from('SDSEAL01', 'ascii');
const ALG = 'X25519-HKDF-SHA256-AES-256-GCM';
const INFO = Buffer.from('StreetDesk sealed package v1', 'utf8');
const TAG = 16;

interface SealHeader {
  alg: typeof ALG;
  recipient: string;
  ephemeralKey: string;
  salt: string;
  iv: string;
  size: number;
}

export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC);
}

function deriveKey(secret: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, INFO, 32));
}

/** Seals `plain` to the district's raw X25519 public key. */
export function seal(plain: Uint8Array, recipientRaw: string): Uint8Array {
  const eph = generateKeyPairSync('x25519');
  const salt = randomBytes(32);
  const iv = randomBytes(12);
  const header: SealHeader = { alg: ALG, recipient: keyIdOf(recipientRaw), ephemeralKey: rawPublicKey(eph.publicKey), salt: salt.toString('base64url'), iv: iv.toString('base64url'), size: plain.length };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(headerBytes.length);
  const aad = Buffer.concat([MAGIC, len, headerBytes]);
  const key = deriveKey(diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyFromRaw(recipientRaw, 'encrypt') }), salt);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return new Uint8Array(Buffer.concat([aad, body, cipher.getAuthTag()]));
}

export type UnsealFailure = 'SEALED_DAMAGED' | 'TRUNCATED' | 'WRONG_RECIPIENT' | 'DECRYPT_FAILED';

/** Opens a sealed package with the district's key pair; says which way it failed. */
export function unseal(
  bytes: Uint8Array,
  own: { keyId: string; privateKey: KeyObject },
): { ok: true; plain: Uint8Array } | { ok: false; code: UnsealFailure; recipient?: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < MAGIC.length + 4) return { ok: false, code: 'SEALED_DAMAGED' };
  const n = buf.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (n > 4096 || buf.length < start + n + TAG) return { ok: false, code: 'SEALED_DAMAGED' };
  let header: SealHeader;
  try {
    header = JSON.parse(buf.subarray(start, start + n).toString('utf8')) as SealHeader;
  } catch {
    return { ok: false, code: 'SEALED_DAMAGED' };
  }
  if (header === null || typeof header !== 'object') return { ok: false, code: 'SEALED_DAMAGED' };
  if (header.alg !== ALG || typeof header.ephemeralKey !== 'string') return { ok: false, code: 'SEALED_DAMAGED' };
  // AES-GCM keeps the length: the body must be exactly as long as the header says.
  const body = buf.length - (start + n) - TAG;
  if (!Number.isInteger(header.size) || header.size < 0 || header.size > PACKAGE_MAX_FILE_BYTES || body > header.size) return { ok: false, code: 'SEALED_DAMAGED' };
  if (typeof header.salt !== 'string' || typeof header.iv !== 'string') return { ok: false, code: 'SEALED_DAMAGED' };
  if (body < header.size) return { ok: false, code: 'TRUNCATED' };
  if (header.recipient !== own.keyId) return { ok: false, code: 'WRONG_RECIPIENT', recipient: String(header.recipient) };
  try {
    const secret = diffieHellman({ privateKey: own.privateKey, publicKey: publicKeyFromRaw(header.ephemeralKey, 'encrypt') });
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(secret, Buffer.from(header.salt, 'base64url')), Buffer.from(header.iv, 'base64url'));
    decipher.setAAD(buf.subarray(0, start + n));
    decipher.setAuthTag(buf.subarray(buf.length - TAG));
    const plain = Buffer.concat([decipher.update(buf.subarray(start + n, buf.length - TAG)), decipher.final()]);
    return { ok: true, plain: new Uint8Array(plain) };
  } catch {
    return { ok: false, code: 'DECRYPT_FAILED' };
  }
}
