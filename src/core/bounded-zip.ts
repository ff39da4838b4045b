// A zip reader that cannot be made to run out of memory: the central directory is read first and every
// entry's declared size, the sum of them and the compression ratio are checked against the limits before
// a byte is inflated; an entry is inflated only when asked for, by zlib with a ceiling on its output (the
// declared size), so a directory that under-states an entry stops the inflating at the declared size
// instead of at the end of a gigabyte. Duplicate and path-like entry names are refused: two readers of
// the same zip (Explorer, Excel, this program) must never see different files.
import zlib from 'node:zlib';
import { type ZipLimits } from './limits';

/** Which limit or rule an archive broke. */
export type ZipProblem =
  | 'fileSize'
  | 'entries'
  | 'entrySize'
  | 'totalSize'
  | 'ratio'
  | 'sizeMismatch'
  | 'entryName'
  | 'duplicateEntry'
  | 'damaged'
  | 'crc'
  | 'unsupported';

export class ZipLimitError extends Error {
  constructor(
    readonly problem: ZipProblem,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`zip refused: ${problem} ${JSON.stringify(params)}`);
    this.name = 'ZipLimitError';
  }
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

export interface BoundedZip {
  /** Entry names in directory order. */
  names: string[];
  has(name: string): boolean;
  /** The declared (inflated) size of an entry. */
  size(name: string): number;
  /** Inflates one entry, checked against its declared size and CRC; counts toward the archive's total. */
  read(name: string): Uint8Array;
  /**
   * Inflates one entry a piece at a time (for a part read as a stream: only the piece in hand is held),
   * with the same checks as `read`: past the declared size it stops at once; size and CRC at the end.
   */
  chunks(name: string): AsyncGenerator<Uint8Array>;
}

/** Pieces of an entry inflated by `chunks`: the shared-string parser behind it measured fastest and leanest at 16 KB (64 KB and 256 KB held more of its garbage). */
const CHUNK_BYTES = 16 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD64_LOCATOR = 0x07064b50;

/** A name another unzipper would put outside its folder or read differently. */
export function unsafeEntryName(name: string): boolean {
  return (
    name === '' ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.includes('\0') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((part) => part === '..' || part === '.')
  );
}

/** Opens the archive's directory and checks it against the limits; nothing is inflated yet. */
export function openBoundedZip(bytes: Uint8Array, limits: ZipLimits): BoundedZip {
  if (bytes.length > limits.fileBytes) throw new ZipLimitError('fileSize', { size: bytes.length, limit: limits.fileBytes });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : fail());
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : fail());
  function fail(): never {
    throw new ZipLimitError('damaged');
  }

  // The end-of-directory record: within the last 64 KB (its comment) of the file.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) fail();
  const count = u16(eocd + 10);
  const dirSize = u32(eocd + 12);
  const dirOffset = u32(eocd + 16);
  // A Zip64 archive (over 65,535 entries or 4 GB) is beyond every limit here.
  if (count === 0xffff || dirOffset === 0xffffffff || (eocd >= 20 && view.getUint32(eocd - 20, true) === EOCD64_LOCATOR)) {
    throw new ZipLimitError('entries', { count: '65535+', limit: limits.entries });
  }
  if (count > limits.entries) throw new ZipLimitError('entries', { count, limit: limits.entries });
  if (dirOffset + dirSize > eocd) fail();

  const entries = new Map<string, Entry>();
  let declaredTotal = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL) fail();
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    let compressed = u32(at + 20);
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let offset = u32(at + 42);
    if (at + 46 + nameLength > bytes.length) fail();
    const name = new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Sizes too large for 32 bits sit in the Zip64 extra field, in this order.
    if (size === 0xffffffff || compressed === 0xffffffff || offset === 0xffffffff) {
      for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
        const id = u16(e);
        const length = u16(e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          const big = () => {
            const value = Number(view.getBigUint64(f, true));
            f += 8;
            return value;
          };
          if (f + 8 <= e + 4 + length && size === 0xffffffff) size = big();
          if (f + 8 <= e + 4 + length && compressed === 0xffffffff) compressed = big();
          if (f + 8 <= e + 4 + length && offset === 0xffffffff) offset = big();
        }
        e += 4 + length;
      }
    }
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/') && size === 0) continue; // a folder
    if (unsafeEntryName(name)) throw new ZipLimitError('entryName', { entry: name });
    if (entries.has(name)) throw new ZipLimitError('duplicateEntry', { entry: name });
    if (flags & 1) throw new ZipLimitError('unsupported', { entry: name, what: 'encrypted' });
    if (method !== 0 && method !== 8) throw new ZipLimitError('unsupported', { entry: name, what: `method ${method}` });
    if (method === 0 && size !== compressed) throw new ZipLimitError('sizeMismatch', { entry: name });
    if (size > limits.entryBytes) throw new ZipLimitError('entrySize', { entry: name, size, limit: limits.entryBytes });
    declaredTotal += size;
    if (declaredTotal > limits.totalBytes) throw new ZipLimitError('totalSize', { size: declaredTotal, limit: limits.totalBytes });
    if (size > limits.ratioFloor && size / Math.max(1, compressed) > limits.ratio) {
      throw new ZipLimitError('ratio', { entry: name, ratio: Math.round(size / Math.max(1, compressed)), limit: limits.ratio });
    }
    if (offset + compressed > bytes.length) throw new ZipLimitError('damaged', { entry: name });
    entries.set(name, { name, method, crc, compressed, size, offset });
  }

  let inflatedTotal = 0;
  const get = (name: string): Entry => {
    const entry = entries.get(name);
    if (!entry) throw new ZipLimitError('damaged', { entry: name });
    return entry;
  };
  const stored = (name: string): { entry: Entry; data: Uint8Array } => {
    const entry = get(name);
    if (u32(entry.offset) !== LOCAL) throw new ZipLimitError('damaged', { entry: name });
    const start = entry.offset + 30 + u16(entry.offset + 26) + u16(entry.offset + 28);
    if (start + entry.compressed > bytes.length) throw new ZipLimitError('damaged', { entry: name });
    return { entry, data: bytes.subarray(start, start + entry.compressed) };
  };
  const inflated = (n: number) => {
    inflatedTotal += n;
    if (inflatedTotal > limits.totalBytes) throw new ZipLimitError('totalSize', { size: inflatedTotal, limit: limits.totalBytes });
  };
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    size: (name) => get(name).size,
    async *chunks(name: string): AsyncGenerator<Uint8Array> {
      const { entry, data } = stored(name);
      let seen = 0;
      let crc = 0;
      const take = (piece: Uint8Array) => {
        seen += piece.length;
        if (seen > entry.size) throw new ZipLimitError('sizeMismatch', { entry: name });
        crc = zlib.crc32(piece, crc);
        inflated(piece.length);
      };
      if (entry.method === 0) {
        for (let at = 0; at < data.length; at += CHUNK_BYTES) {
          const piece = data.subarray(at, Math.min(at + CHUNK_BYTES, data.length));
          take(piece);
          yield piece;
        }
      } else {
        const inflater = zlib.createInflateRaw({ chunkSize: CHUNK_BYTES });
        inflater.end(data);
        try {
          for await (const piece of inflater as AsyncIterable<Buffer>) {
            take(piece);
            yield piece;
          }
        } catch (error) {
          if (error instanceof ZipLimitError) throw error;
          throw new ZipLimitError('damaged', { entry: name });
        } finally {
          inflater.destroy(); // a refusal part way stops the inflating there
        }
      }
      if (seen !== entry.size) throw new ZipLimitError('sizeMismatch', { entry: name });
      if (crc !== entry.crc) throw new ZipLimitError('crc', { entry: name });
    },
    read(name: string): Uint8Array {
      const { entry, data } = stored(name);
      let out: Uint8Array;
      if (entry.method === 0) out = data;
      else {
        try {
          // One byte over the declared size is enough to tell an under-stated entry; zlib stops there.
          out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size + 1) });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipLimitError('sizeMismatch', { entry: name });
          throw new ZipLimitError('damaged', { entry: name });
        }
      }
      if (out.length !== entry.size) throw new ZipLimitError('sizeMismatch', { entry: name });
      if (zlib.crc32(out) !== entry.crc) throw new ZipLimitError('crc', { entry: name });
      inflated(out.length);
      return out;
    },
  };
}
