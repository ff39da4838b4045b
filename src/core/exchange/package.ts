// The return package (design.md "The return package"): one zip a clerk can open in Explorer —
//   manifest.json   format version, street, period, version, generated-at, app version, signer key,
//                   record counts and the SHA-256 and size of every other file
//   data/*.jsonl    what the district keeps: member records, the month's changes, transfers, the tables
//   summary.xlsx    the return tables as a person reads them, in Chinese
//   signature       Ed25519 over the bytes of manifest.json, base64
// Reading checks it the other way round and names the first thing wrong with a stable code.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { unzipSync, Zip, type ZipInputFile } from 'fflate';
import type { ManifestSummary, PackageManifest, PackageProblem } from '../../shared/api/contract-exchange';
import { verifyBytes } from './keys';

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'signature';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `<street code>_<street name>_<YYYY-MM>_v<version>.zip`, the name made safe for any file system. */
export function packageFileName(code: string, name: string, period: string, version: number, sealed: boolean): string {
  const safe = name.replace(/[\\/:*?"<>|\s]+/g, '');
  return `${code}_${safe}_${period}_v${version}.zip${sealed ? '.sealed' : ''}`;
}

export interface PackageContent {
  manifest: Omit<PackageManifest, 'files' | 'format' | 'formatVersion'>;
  /** Every file but the manifest and the signature, by path in the zip. */
  files: Record<string, Uint8Array>;
  sign(manifestBytes: Uint8Array): string;
}

/** Builds the zip: hashes the files into the manifest, signs the manifest. */
export function zipPackage(content: PackageContent): { bytes: Uint8Array; manifest: PackageManifest } {
  const manifest: PackageManifest = {
    format: 'streetdesk-return',
    formatVersion: 1,
    ...content.manifest,
    files: Object.entries(content.files).map(([path, bytes]) => ({ path, sha256: sha256(bytes), size: bytes.length })),
  };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const entries: ZipEntry[] = [{ path: MANIFEST, bytes: manifestBytes, level: 6 }];
  // summary.xlsx is already deflated inside; the rest is text that shrinks well.
  for (const [path, bytes] of Object.entries(content.files)) entries.push({ path, bytes, level: path.endsWith('.xlsx') ? 0 : 6 });
  entries.push({ path: SIGNATURE, bytes: new TextEncoder().encode(content.sign(manifestBytes)), level: 6 });
  // Entries dated with the manifest's time: the same return built at the same moment gives the same bytes.
  return { bytes: zipFiles(entries, new Date(manifest.generatedAt)), manifest };
}

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
  /** 0 stores the bytes as they are; 1–9 deflates them. */
  level: number;
}

/**
 * A standard zip, deflated by Node's own zlib and framed by fflate: the same archive fflate's zipSync
 * writes, several times faster for the megabytes of a street's member records.
 */
export function zipFiles(entries: ZipEntry[], mtime: Date): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const e of entries) {
    const stored = e.level === 0;
    const file: ZipInputFile = { filename: e.path, size: e.bytes.length, crc: zlib.crc32(e.bytes), compression: stored ? 0 : 8, mtime };
    zip.add(file);
    const data: Uint8Array<ArrayBuffer> = stored ? new Uint8Array(e.bytes) : new Uint8Array(zlib.deflateRawSync(e.bytes, { level: e.level }));
    file.ondata!(null, data, true);
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export type ReadFailure = { ok: false; code: PackageProblem; file?: string; params?: Record<string, string | number> };

export interface OpenedPackage {
  ok: true;
  manifest: PackageManifest;
  files: Record<string, Uint8Array>;
}

function fail(code: PackageProblem, file?: string, params?: Record<string, string | number>): ReadFailure {
  return { ok: false, code, ...(file ? { file } : {}), ...(params ? { params } : {}) };
}

function isManifest(m: unknown): m is PackageManifest {
  const x = m as PackageManifest;
  return (
    !!x &&
    typeof x.street?.code === 'string' &&
    /^\d{12}$/.test(x.street.code) &&
    typeof x.street.name === 'string' &&
    typeof x.period === 'string' &&
    /^[12]\d{3}-(0[1-9]|1[0-2])$/.test(x.period) &&
    Number.isInteger(x.version) &&
    x.version >= 1 &&
    typeof x.signer?.publicKey === 'string' &&
    typeof x.signer.keyId === 'string' &&
    Array.isArray(x.files) &&
    x.files.every((f) => typeof f?.path === 'string' && typeof f.sha256 === 'string') &&
    typeof x.counts === 'object'
  );
}

/**
 * Opens a (plain) package and checks it on its own: a zip, complete, a readable manifest, every file
 * listed and matching its hash, nothing unlisted, and the signature good for the key the manifest names.
 * Whether that key is one the district trusts is for the caller.
 */
export function openPackage(bytes: Uint8Array): OpenedPackage | ReadFailure {
  if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) return fail('NOT_A_ZIP');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return fail('TRUNCATED');
  }
  if (!entries[MANIFEST]) return fail('FILE_MISSING', MANIFEST);
  if (!entries[SIGNATURE]) return fail('FILE_MISSING', SIGNATURE);
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(entries[MANIFEST]));
  } catch {
    return fail('MANIFEST_INVALID', MANIFEST);
  }
  const m = manifest as PackageManifest;
  if (m?.format !== 'streetdesk-return') return fail('MANIFEST_INVALID', MANIFEST);
  if (m.formatVersion !== 1) return fail('FORMAT_UNSUPPORTED', MANIFEST, { version: String(m.formatVersion) });
  if (!isManifest(m)) return fail('MANIFEST_INVALID', MANIFEST);
  const listed = new Set(m.files.map((f) => f.path));
  for (const f of m.files) {
    const data = entries[f.path];
    if (!data) return fail('FILE_MISSING', f.path);
    if (sha256(data) !== f.sha256) return fail('HASH_MISMATCH', f.path);
  }
  for (const path of Object.keys(entries)) {
    if (path !== MANIFEST && path !== SIGNATURE && !listed.has(path) && !path.endsWith('/')) return fail('FILE_NOT_LISTED', path);
  }
  const signature = new TextDecoder().decode(entries[SIGNATURE]).trim();
  if (!verifyBytes(m.signer.publicKey, entries[MANIFEST], signature)) return fail('BAD_SIGNATURE', SIGNATURE);
  const files: Record<string, Uint8Array> = {};
  for (const f of m.files) files[f.path] = entries[f.path];
  return { ok: true, manifest: m, files };
}

export function manifestSummary(m: PackageManifest): ManifestSummary {
  return {
    streetCode: m.street.code,
    streetName: m.street.name,
    period: m.period,
    version: m.version,
    generatedAt: m.generatedAt,
    appVersion: m.appVersion,
    keyId: m.signer.keyId,
    counts: m.counts,
    files: m.files.length,
  };
}

/** Lines of JSON, one object each. */
export function jsonl(rows: Iterable<unknown>): Uint8Array {
  const parts: string[] = [];
  for (const r of rows) parts.push(JSON.stringify(r));
  // Buffer's UTF-8 encoder is Node's native one: for the megabytes of member records, much faster than TextEncoder.
  const buf = Buffer.from(parts.length ? `${parts.join('\n')}\n` : '', 'utf8');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

export function parseJsonl<T>(bytes: Uint8Array | undefined): T[] {
  if (!bytes) return [];
  return new TextDecoder()
    .decode(bytes)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}
