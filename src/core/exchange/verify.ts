// Checking a package the way its receiver must: open the seal (district), the zip and its hashes, the
// signature; then, on a district, that the street is ours, the key is the one on our list, the period has
// come and the version is newer than what we hold. Each failure has one stable code.
import type { Db } from '../db/connection';
import type { PackageProblem, VerifyOutcome } from '../../shared/api/contract-exchange';
import type { Language } from '../../shared/api/schemas';
import { packageProblemMessage } from '../../shared/i18n/exchange';
import { first, qb } from '../db/query';
import { PACKAGE_MAX_FILE_BYTES, formatBytes } from '../limits';
import { periodOf } from '../returns/period';
import { requireStreet } from '../services/street';
import { getPeer, inDistrict, ownKey, privateKeyOf, siteMode } from './keys';
import { manifestSummary, openPackage, sha256, type OpenedPackage } from './package';
import { isSealed, unseal } from './sealed';

export type Failure = { ok: false; code: PackageProblem; file?: string; params: Record<string, string | number> };
export type Inspected = { ok: true; opened: OpenedPackage; encrypted: boolean; sha256: string; plainSha256: string };

function failure(code: PackageProblem, params: Record<string, string | number> = {}, file?: string): Failure {
  return { ok: false, code, params: file ? { ...params, file } : params, ...(file ? { file } : {}) };
}

/** The newest version of a street's return for a period this district holds, and its hash. */
export function latestReceived(db: Db, street: string, period: string): { version: number; sha256: string; id: number } | undefined {
  return first(db, qb.selectFrom('district_packages').select(['id', 'version', 'sha256']).where('street_code', '=', street).where('period', '=', period).orderBy('version', 'desc').limit(1));
}

/** Everything but the replay check (which import decides together with a duplicate upload). */
export function inspectPackage(db: Db, bytes: Uint8Array, now: Date): Inspected | Failure {
  const mode = siteMode(db);
  const site = requireStreet(db);
  // Whatever brought the bytes (a file, an upload, a folder), nothing larger than a package is opened.
  if (bytes.length > PACKAGE_MAX_FILE_BYTES) return failure('TOO_LARGE', { limit: formatBytes(PACKAGE_MAX_FILE_BYTES), size: formatBytes(bytes.length) });
  let plain = bytes;
  const encrypted = isSealed(bytes);
  if (encrypted) {
    const key = mode === 'district' ? ownKey(db, 'encrypt') : undefined;
    if (!key) return failure('SEALED_NO_KEY');
    const opened = unseal(bytes, { keyId: key.key_id, privateKey: privateKeyOf(key) });
    if (!opened.ok) return failure(opened.code, opened.recipient ? { recipient: opened.recipient } : {});
    plain = opened.plain;
  }
  const opened = openPackage(plain);
  if (!opened.ok) return failure(opened.code, opened.params ?? {}, opened.file);
  const m = opened.manifest;
  const street = `${m.street.name}（${m.street.code}）`;
  if (mode === 'district') {
    if (!inDistrict(m.street.code, site.code)) return failure('STREET_NOT_IN_DISTRICT', { street });
    const peer = getPeer(db, m.street.code);
    if (!peer || peer.role !== 'street' || peer.sign_key !== m.signer.publicKey) return failure('UNKNOWN_KEY', { street, keyId: m.signer.keyId });
    if (m.period > periodOf(now)) return failure('PERIOD_IN_FUTURE', { period: m.period });
  } else if (m.street.code === site.code) {
    // Our own package: it must carry our key, not one that merely signs its own manifest.
    if (ownKey(db, 'sign')?.public_key !== m.signer.publicKey) return failure('UNKNOWN_KEY', { street, keyId: m.signer.keyId });
  }
  return { ok: true, opened, encrypted, sha256: sha256(bytes), plainSha256: encrypted ? sha256(plain) : sha256(bytes) };
}

/** `package verify`: the outcome with a message in the caller's language; on a district also the replay check. */
export function verifyPackage(db: Db, bytes: Uint8Array, now: Date, lang: Language): VerifyOutcome {
  const r = inspectPackage(db, bytes, now);
  if (r.ok && siteMode(db) === 'district') {
    const m = r.opened.manifest;
    const have = latestReceived(db, m.street.code, m.period);
    if (have && (have.version > m.version || (have.version === m.version && have.sha256 !== r.sha256))) {
      return toOutcome(failure('REPLAY', { street: `${m.street.name}（${m.street.code}）`, period: m.period, have: have.version, version: m.version }), lang);
    }
  }
  return toOutcome(r, lang);
}

export function toOutcome(r: Inspected | Failure, lang: Language): VerifyOutcome {
  if (r.ok) return { ok: true, encrypted: r.encrypted, sha256: r.sha256, manifest: manifestSummary(r.opened.manifest) };
  return { ok: false, code: r.code, message: packageProblemMessage(r.code, r.params, lang), ...(r.file ? { file: r.file } : {}), params: r.params };
}
