// Sending a built package: to a folder (a USB stick), written, flushed, read back and checked before it
// counts as sent; or uploaded to the district's exchange endpoint with retries and backoff, the district's
// signed receipt checked and kept.
import fs from 'node:fs';
import path from 'node:path';
import { EXCHANGE_UPLOAD_PATH, type ImportOutcome, type PackageManifest, type SignedReceipt } from '../../shared/api/contract-exchange';
import { AppError } from '../../shared/result';
import { verifyBytes } from './keys';
import { openPackage, readPackageFile, sha256 } from './package';
import { STREET_PACKAGE, type PackageKind } from './package-schema';
import { PACKAGE_MAX_FILE_BYTES, formatBytes } from '../limits';
import { isSealed } from './sealed';
import { PinMismatch, postPinned, type PostAnswer } from './tls-pin';
import { notePending } from '../export/safe-write';

/** The file operations a send needs; tests give a target that refuses writes half way. */
export interface FolderIo {
  open(file: string): number;
  write(fd: number, bytes: Uint8Array): number;
  fsync(fd: number): void;
  close(fd: number): void;
}

export const NODE_IO: FolderIo = {
  open: (file) => fs.openSync(file, 'w'),
  write: (fd, bytes) => fs.writeSync(fd, bytes),
  fsync: (fd) => fs.fsyncSync(fd),
  close: (fd) => fs.closeSync(fd),
};

const CHUNK = 16 * 1024;

function sendFailed(problem: string, value: string, reason: string): AppError {
  return new AppError('VALIDATION', `send failed: ${reason}`, { issues: [{ field: 'folder', problem, value, params: { reason } }] });
}

/**
 * Writes `bytes` as `folder/fileName`: first under a .part name, flushed to the device, then renamed, then
 * read back and checked byte for byte (and, for a plain package, opened and verified). Anything short of
 * that is an error and no partial file is left under the package's name. `kind`: a district's package for
 * the city is read back as one (its manifest is then not a street's: null).
 */
export function writeToFolder(bytes: Uint8Array, folder: string, fileName: string, io: FolderIo = NODE_IO, kind: PackageKind = STREET_PACKAGE): { file: string; manifest: PackageManifest | null } {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw sendFailed('sendFolderMissing', folder, 'not a folder');
  const target = path.join(folder, fileName);
  const part = `${target}.part`;
  const done = notePending(null, part); // a kill mid-write leaves the .part for the next start to clear
  let fd: number | null = null;
  try {
    fd = io.open(part);
    for (let at = 0; at < bytes.length; ) {
      const n = io.write(fd, bytes.subarray(at, Math.min(at + CHUNK, bytes.length)));
      if (n <= 0) throw new Error('the target accepted no more bytes');
      at += n;
    }
    io.fsync(fd);
    io.close(fd);
    fd = null;
    fs.renameSync(part, target);
  } catch (err) {
    if (fd !== null) {
      try {
        io.close(fd);
      } catch {
        /* the device is gone; nothing more to close */
      }
    }
    fs.rmSync(part, { force: true });
    throw sendFailed('sendWriteFailed', target, (err as Error).message);
  } finally {
    done();
  }
  const back = fs.readFileSync(target);
  if (sha256(back) !== sha256(bytes)) {
    fs.rmSync(target, { force: true });
    throw sendFailed('sendReadBackMismatch', target, 'the file read back differs');
  }
  if (isSealed(back)) return { file: target, manifest: null };
  const opened = openPackage<PackageManifest>(back, kind);
  if (!opened.ok) throw sendFailed('sendReadBackMismatch', target, opened.code);
  return { file: target, manifest: kind === STREET_PACKAGE ? opened.manifest : null };
}

export interface UploadOptions {
  url: string;
  token: string;
  /** The sender's 12-digit code: a street's to its district, a district's to its city. */
  streetCode: string;
  /** Who is sending, which names the header the code goes in (a district's receiver reads X-Street-Code). */
  sender?: 'street' | 'district';
  fileName: string;
  bytes: Uint8Array;
  /** The receiver's signing key (district or city), to check the receipt; without it the receipt is kept unchecked. */
  districtKey?: string;
  attempts?: number;
  baseDelayMs?: number;
  signal?: AbortSignal;
  /** For an https:// address: the SHA-256 of the district's certificate (from its key file); required. */
  tlsSha256?: string;
  /** One attempt ends when the district says nothing for this long. */
  timeoutMs?: number;
}

/** The district's refusal in a line: its code and message when it sent them, else the start of the text. */
function answerReason(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } | string };
    if (typeof body.error === 'object' && body.error?.code) return `${body.error.code}${body.error.message ? `: ${body.error.message}` : ''}`.slice(0, 200);
  } catch {
    /* not JSON: shown as it came */
  }
  return text.slice(0, 200);
}


const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new AppError('CANCELLED', 'cancelled'));
    });
  });

function uploadRefused(problem: string, value: string, params: Record<string, string | number>): AppError {
  return new AppError('VALIDATION', problem, { issues: [{ field: 'upload', problem, value, params }] });
}

/**
 * Uploads with retries: a network failure or a 5xx answer waits (base, 2×, 4× … up to 30 s) and tries
 * again; a refusal (4xx, or the district rejecting the package) stops at once with its reason.
 */
export async function uploadPackage(o: UploadOptions): Promise<{ receipt: SignedReceipt; attempts: number; outcome: ImportOutcome }> {
  const attempts = o.attempts ?? 6;
  const base = o.baseDelayMs ?? 1000;
  const endpoint = new URL(EXCHANGE_UPLOAD_PATH, o.url).toString();
  let lastError = '';
  if (endpoint.startsWith('https:') && !o.tlsSha256) throw uploadRefused('uploadTlsNotPinned', o.url, {});
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(Math.min(base * 2 ** (attempt - 2), 30_000), o.signal);
    let res: PostAnswer;
    try {
      res = await postPinned({
        url: new URL(endpoint),
        headers: {
          Authorization: `Bearer ${o.token}`,
          'Content-Type': 'application/octet-stream',
          [o.sender === 'district' ? 'X-District-Code' : 'X-Street-Code']: o.streetCode,
          'X-File-Name': encodeURIComponent(o.fileName),
        },
        body: o.bytes,
        pinnedSha256: o.tlsSha256,
        signal: o.signal,
        timeoutMs: o.timeoutMs,
      });
    } catch (err) {
      // Another certificate than the pinned one: not a network hiccup, and nothing was sent. No retry.
      if (err instanceof PinMismatch) throw uploadRefused('uploadTlsMismatch', endpoint, { expected: err.expected, actual: err.actual });
      if (o.signal?.aborted) throw new AppError('CANCELLED', 'cancelled');
      lastError = (err as Error).message;
      continue;
    }
    const text = res.text;
    if (res.status >= 500) {
      lastError = `HTTP ${res.status}`;
      continue;
    }
    if (res.status === 401 || res.status === 403) throw uploadRefused('uploadTokenRefused', endpoint, { status: res.status });
    if (res.status === 429) throw uploadRefused('uploadRateLimited', endpoint, { seconds: Number(res.headers['retry-after'] ?? 60) || 60 });
    if (res.status !== 200 && res.status !== 422) throw uploadRefused('uploadRefused', endpoint, { status: res.status, reason: answerReason(text) });
    const outcome = JSON.parse(text) as ImportOutcome;
    if (outcome.status === 'rejected') throw uploadRefused('uploadPackageRejected', o.fileName, { code: outcome.code, reason: outcome.message });
    const receipt = outcome.receipt as SignedReceipt | undefined;
    if (!receipt?.receipt) throw uploadRefused('uploadReceiptInvalid', o.fileName, { reason: 'missing' });
    if (receipt.receipt.sha256 !== sha256(o.bytes)) throw uploadRefused('uploadReceiptInvalid', o.fileName, { reason: 'sha256' });
    if (o.districtKey && !verifyBytes(o.districtKey, new TextEncoder().encode(JSON.stringify(receipt.receipt)), receipt.signature)) {
      throw uploadRefused('uploadReceiptInvalid', o.fileName, { reason: 'signature' });
    }
    return { receipt, attempts: attempt, outcome };
  }
  throw uploadRefused('uploadUnreachable', endpoint, { attempts, reason: lastError });
}

/** Files a folder may hold as packages: plain (.zip) or sealed to the district (.sealed). */
const PACKAGE_FILE = /\.(zip|sealed)$/i;
/** A stick with more than this many package files is not a month's delivery: refused rather than read whole. */
const MAX_PACKAGES = 500;

/**
 * The packages in a folder (a USB stick the streets' packages arrived on), in name order; sub-folders and
 * other files are left alone. Each package file is looked at (stat) before it is read: one larger than a
 * package may be, or one that is not a regular file (a FIFO, a device, a link to one), refuses the folder
 * with its name, and nothing of it is read.
 */
export function packagesInFolder(folder: string): { fileName: string; bytes: Uint8Array<ArrayBuffer> }[] {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new AppError('VALIDATION', `not a folder: ${folder}`, { issues: [{ field: 'folder', problem: 'sendFolderMissing', value: folder }] });
  }
  const names = fs
    .readdirSync(folder, { withFileTypes: true })
    // Links and special files too: a package name on a FIFO is refused by name, not silently skipped.
    .filter((e) => !e.isDirectory() && PACKAGE_FILE.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  if (names.length === 0) throw new AppError('VALIDATION', `no packages in ${folder}`, { issues: [{ field: 'folder', problem: 'folderHasNoPackages', value: folder }] });
  if (names.length > MAX_PACKAGES) {
    throw new AppError('VALIDATION', `too many packages in ${folder}`, { issues: [{ field: 'folder', problem: 'folderTooManyPackages', value: folder, params: { count: names.length, max: MAX_PACKAGES } }] });
  }
  // Every file is checked before any is read: a bad one found late would otherwise cost the reads before it.
  for (const fileName of names) {
    const full = path.join(folder, fileName);
    let stat: fs.Stats | null;
    try {
      stat = fs.statSync(full);
    } catch {
      stat = null; // a dangling link
    }
    if (!stat?.isFile()) {
      throw new AppError('VALIDATION', `not a regular file: ${full}`, { issues: [{ field: 'folder', problem: 'folderFileNotRegular', value: folder, params: { file: fileName } }] });
    }
    if (stat.size > PACKAGE_MAX_FILE_BYTES) {
      throw new AppError('VALIDATION', `package too large: ${full}`, {
        issues: [{ field: 'folder', problem: 'folderFileTooLarge', value: folder, params: { file: fileName, size: formatBytes(stat.size), limit: formatBytes(PACKAGE_MAX_FILE_BYTES) } }],
      });
    }
  }
  return names.map((fileName) => {
    const read = readPackageFile(path.join(folder, fileName));
    if (!read.ok) {
      // Changed between the look and the read (a file swapped on the stick): refused the same way.
      throw new AppError('VALIDATION', `cannot read ${fileName}: ${read.code}`, { issues: [{ field: 'folder', problem: 'folderFileNotRegular', value: folder, params: { file: fileName } }] });
    }
    return { fileName, bytes: read.bytes };
  });
}
