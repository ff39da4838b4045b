// The return package (docs/architecture.md; the format is manifest.json, data/*.jsonl, summary.xlsx and signature): one zip a clerk can open in Explorer —
//   manifest.json   format version, street, period, version, generated-at, app version, signer key,
//                   record counts and the SHA-256 and size of every other file
//   data/*.jsonl    what the district keeps: member records, the month's changes, transfers, the tables
//   summary.xlsx    the return tables as a person reads them, in Chinese
//   signature       Ed25519 over the bytes of manifest.json, base64
// Reading checks it the other way round and names the first thing wrong with a stable code.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import fs from 'node:fs';
import { Zip, type ZipInputFile } from 'fflate';
import type { ManifestSummary, PackageManifest, PackageProblem } from '../../shared/api/contract-exchange';
import { openBoundedZip, ZipLimitError, type BoundedZip } from '../bounded-zip';
import { PACKAGE_MAX_FILE_BYTES, PACKAGE_ZIP_LIMITS, formatBytes } from '../limits';
import { verifyBytes } from './keys';
import { STREET_PACKAGE, checkDataLines, type PackageKind } from './package-schema';

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
  return zipSigned<PackageManifest>({ format: 'streetdesk-return', formatVersion: 1, ...content.manifest }, content.files, content.sign);
}

/**
 * Any signed package (a street's return, a district's month for the city): the manifest's own fields with
 * the files' sizes and hashes added, signed, zipped with the files.
 */
export function zipSigned<M extends { generatedAt: string; files: { path: string; sha256: string; size: number }[] }>(
  head: Omit<M, 'files'>,
  files: Record<string, Uint8Array>,
  sign: (manifestBytes: Uint8Array) => string,
): { bytes: Uint8Array; manifest: M } {
  const content = { files, sign };
  const manifest = {
    ...head,
    files: Object.entries(content.files).map(([path, bytes]) => ({ path, sha256: sha256(bytes), size: bytes.length })),
  } as M;
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

export interface OpenedPackage<M = PackageManifest> {
  ok: true;
  manifest: M;
  files: Record<string, Uint8Array>;
}

/** What every kind of package's manifest holds, and all that the reading of the zip needs. */
interface SignedManifest {
  signer: { publicKey: string };
  counts: Record<string, number>;
  files: { path: string; sha256: string; size: number }[];
}

function fail(code: PackageProblem, file?: string, params?: Record<string, string | number>): ReadFailure {
  return { ok: false, code, ...(file ? { file } : {}), ...(params ? { params } : {}) };
}

/** A zip refusal as the package problem a clerk reads. */
function zipFailure(error: ZipLimitError): ReadFailure {
  const entry = typeof error.params.entry === 'string' ? error.params.entry : undefined;
  switch (error.problem) {
    case 'fileSize':
      return fail('TOO_LARGE', undefined, { limit: formatBytes(PACKAGE_MAX_FILE_BYTES), size: formatBytes(Number(error.params.size)) });
    case 'entries':
      return fail('ENTRY_TOO_LARGE', '*', { limit: `${error.params.limit}` });
    case 'entrySize':
    case 'totalSize':
      return fail('ENTRY_TOO_LARGE', entry ?? '*', { limit: formatBytes(Number(error.params.limit)) });
    case 'ratio':
      return fail('ENTRY_TOO_LARGE', entry, { limit: `${error.params.limit}×` });
    case 'entryName':
    case 'duplicateEntry':
      return fail('ENTRY_NAME_INVALID', entry);
    case 'sizeMismatch':
    case 'crc':
      return fail('HASH_MISMATCH', entry);
    default:
      return fail('TRUNCATED', entry);
  }
}

/**
 * Opens a (plain) package and checks it on its own: a zip within the limits, complete, a manifest that
 * follows the schema, every file listed, matching its size and hash, nothing unlisted, the signature good
 * for the key the manifest names, and every data line following its schema and the manifest's counts.
 * Nothing is inflated before the directory passed the limits, and an entry inflates no further than the
 * size the manifest lists for it. Whether the signer's key is one the district trusts is for the caller.
 */
export function openPackage(bytes: Uint8Array): OpenedPackage | ReadFailure;
export function openPackage<M>(bytes: Uint8Array, kind: PackageKind): OpenedPackage<M> | ReadFailure;
export function openPackage(bytes: Uint8Array, kind: PackageKind = STREET_PACKAGE): OpenedPackage<unknown> | ReadFailure {
  if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) return fail('NOT_A_ZIP');
  try {
    return readPackage(openBoundedZip(bytes, PACKAGE_ZIP_LIMITS), kind);
  } catch (error) {
    if (error instanceof ZipLimitError) return zipFailure(error);
    throw error;
  }
}

function readPackage(zip: BoundedZip, kind: PackageKind): OpenedPackage<unknown> | ReadFailure {
  if (!zip.has(MANIFEST)) return fail('FILE_MISSING', MANIFEST);
  if (!zip.has(SIGNATURE)) return fail('FILE_MISSING', SIGNATURE);
  // The manifest and the signature are small; anything larger is not one.
  if (zip.size(MANIFEST) > 1024 * 1024) return fail('ENTRY_TOO_LARGE', MANIFEST, { limit: formatBytes(1024 * 1024) });
  if (zip.size(SIGNATURE) > 1024) return fail('ENTRY_TOO_LARGE', SIGNATURE, { limit: formatBytes(1024) });
  const manifestBytes = zip.read(MANIFEST);
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    return fail('MANIFEST_INVALID', MANIFEST);
  }
  const raw = manifest as { format?: unknown; formatVersion?: unknown } | null;
  if (raw === null || typeof raw !== 'object') return fail('MANIFEST_INVALID', MANIFEST);
  // Another level's package (a street's handed to the city): said so, not just "unreadable".
  if (kind.wrongLevel && raw.format === kind.wrongLevel.format) return fail(kind.wrongLevel.problem, MANIFEST);
  if (raw.format !== kind.format) return fail('MANIFEST_INVALID', MANIFEST);
  if (raw.formatVersion !== 1) return fail('FORMAT_UNSUPPORTED', MANIFEST, { version: String(raw.formatVersion).slice(0, 20) });
  if (!kind.manifest.safeParse(manifest).success) return fail('MANIFEST_INVALID', MANIFEST);
  const m = manifest as SignedManifest;
  const listed = new Set(m.files.map((f) => f.path));
  for (const path of zip.names) {
    if (path !== MANIFEST && path !== SIGNATURE && !listed.has(path)) return fail('FILE_NOT_LISTED', path);
  }
  // Sizes first: an entry whose directory size differs from the manifest's is refused before it is inflated.
  for (const f of m.files) {
    if (!zip.has(f.path)) return fail('FILE_MISSING', f.path);
    if (zip.size(f.path) !== f.size) return fail('HASH_MISMATCH', f.path);
  }
  const signature = new TextDecoder().decode(zip.read(SIGNATURE)).trim();
  if (!verifyBytes(m.signer.publicKey, manifestBytes, signature)) return fail('BAD_SIGNATURE', SIGNATURE);
  const files: Record<string, Uint8Array> = {};
  for (const f of m.files) {
    const data = zip.read(f.path);
    if (sha256(data) !== f.sha256) return fail('HASH_MISMATCH', f.path);
    files[f.path] = data;
  }
  for (const [path, rule] of Object.entries(kind.dataFiles)) {
    if (!files[path]) return fail('FILE_MISSING', path);
    const problem = checkDataLines(files[path], rule.schema, m.counts[rule.count], rule.accepts);
    if (problem) return fail('DATA_INVALID', path, { line: problem.line, field: problem.field });
  }
  return { ok: true, manifest: m, files };
}

/**
 * A package file read from disk: a regular file (not a folder or a device such as /dev/zero) no larger
 * than a package may be, read no further than that limit.
 */
export function readPackageFile(file: string): { ok: true; bytes: Uint8Array<ArrayBuffer> } | ReadFailure {
  // Looked at by name before it is opened: opening a FIFO waits for a writer that may never come.
  let named: fs.Stats;
  try {
    named = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fail('NOT_A_FILE', file);
    throw error;
  }
  if (!named.isFile()) return fail('NOT_A_FILE', file);
  if (named.size > PACKAGE_MAX_FILE_BYTES) return fail('TOO_LARGE', file, { limit: formatBytes(PACKAGE_MAX_FILE_BYTES), size: formatBytes(named.size) });
  let fd: number;
  try {
    // O_NONBLOCK: should the name be swapped for a FIFO between the stat and the open, the open still returns.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return fail('NOT_A_FILE', file);
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return fail('NOT_A_FILE', file);
    if (stat.size > PACKAGE_MAX_FILE_BYTES) return fail('TOO_LARGE', file, { limit: formatBytes(PACKAGE_MAX_FILE_BYTES), size: formatBytes(stat.size) });
    const bytes = new Uint8Array(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = fs.readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return { ok: true, bytes: bytes.subarray(0, at) };
  } finally {
    fs.closeSync(fd);
  }
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
