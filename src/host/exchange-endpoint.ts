// The exchange endpoint on the browser host, one for each level that receives: a district's
// (`npm run serve -- --district`), where a street POSTs its package, and a city's (`--city`), where a
// district does. The sender sends its upload token and gets the receiver's signed receipt back (or the
// reason it was refused).
//   POST /exchange/upload   Authorization: Bearer <token>, X-Street-Code (to a district) or
//                           X-District-Code (to a city): <12 digits>,
//                           X-File-Name: <URI-encoded file name>, body: the package bytes
//   200 {status: accepted|replaced|duplicate, receipt}   422 {status: rejected, code, message}
//   every other refusal: {error: {code, message}} with
//   400 BAD_STREET_CODE | BAD_FILE_NAME | VALIDATION   401 MISSING_TOKEN | UNAUTHENTICATED   405 METHOD_NOT_ALLOWED
//   408 BODY_TIMEOUT (a client that stops sending)   413 PACKAGE_TOO_LARGE   429 RATE_LIMITED (Retry-After)
//   500 INTERNAL | BUSY (the street retries)
import type http from 'node:http';
import { EXCHANGE_UPLOAD_PATH, type ImportOutcome } from '../shared/api/contract-exchange';
import type { Result } from '../shared/result';
import { PACKAGE_MAX_FILE_BYTES, formatBytes } from '../core/limits';
import type { HostLog } from './log';

export { EXCHANGE_UPLOAD_PATH };
/** An upload is refused past the package size limit, before and while it is read. */
const MAX_PACKAGE = PACKAGE_MAX_FILE_BYTES;
/** Uploads one street may start in a minute; a month needs one or two. */
export const UPLOADS_PER_MINUTE = 10;
/** A client that sends no byte of its body for this long is cut off. */
export const BODY_IDLE_MS = 30_000;

type Call = (method: string, input: unknown, token: string | null) => Promise<Result<unknown>>;

/** What differs between the levels that receive uploads: who sends, in which header, to which call. */
export interface UploadLevel {
  /** The lower-case header naming the sender's division code. */
  header: 'x-street-code' | 'x-district-code';
  headerName: string;
  /** The contract call that receives the package (it checks the token again, inside its transaction). */
  method: 'district.receiveUpload' | 'city.receiveUpload';
  /** The input field of that call naming the sender. */
  field: 'streetCode' | 'districtCode';
  /** The sender in a message, both languages. */
  zh: string;
  en: string;
}

export const STREET_TO_DISTRICT: UploadLevel = { header: 'x-street-code', headerName: 'X-Street-Code', method: 'district.receiveUpload', field: 'streetCode', zh: '街道', en: 'street' };
export const DISTRICT_TO_CITY: UploadLevel = { header: 'x-district-code', headerName: 'X-District-Code', method: 'city.receiveUpload', field: 'districtCode', zh: '区', en: 'district' };

export interface UploadLimits {
  uploadsPerMinute?: number;
  bodyIdleMs?: number;
}

/**
 * Uploads per sender in a sliding minute, counted before the body is read but only once the token has been
 * checked: a request with a wrong token never counts against the street or district it claims to be
 * (else anyone could use up another street's allowance).
 */
export class UploadRateLimit {
  private readonly seen = new Map<string, number[]>();
  constructor(private readonly perMinute = UPLOADS_PER_MINUTE) {}

  /** 0 when the upload may go ahead (and is counted), else the seconds until it may. */
  take(street: string, now = Date.now()): number {
    const recent = (this.seen.get(street) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.perMinute) {
      this.seen.set(street, recent);
      return Math.max(1, Math.ceil((recent[0] + 60_000 - now) / 1000));
    }
    recent.push(now);
    this.seen.set(street, recent);
    if (this.seen.size > 10_000) {
      for (const [k, v] of this.seen) if (v.every((t) => now - t >= 60_000)) this.seen.delete(k);
    }
    return 0;
  }
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(code);
  }
}

function readBytes(req: http.IncomingMessage, idleMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer = setTimeout(idle, idleMs);
    function idle() {
      reject(new Refusal(408, 'BODY_TIMEOUT', `${idleMs / 1000} 秒内没有收到数据，上传已中断`, `no data for ${idleMs / 1000} s: the upload was cut off`));
      req.pause();
    }
    req.on('data', (chunk: Buffer) => {
      clearTimeout(timer);
      timer = setTimeout(idle, idleMs);
      size += chunk.length;
      if (size > MAX_PACKAGE) {
        clearTimeout(timer);
        reject(tooLarge());
        req.pause();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      clearTimeout(timer);
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.on('close', () => clearTimeout(timer));
  });
}

function tooLarge(): Refusal {
  const limit = formatBytes(MAX_PACKAGE);
  return new Refusal(413, 'PACKAGE_TOO_LARGE', `数据包超过上限 ${limit}`, `the package is over the limit of ${limit}`);
}

function answer(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // A refusal before the body was read closes the connection: the rest of the body is not waited for.
  const close = status >= 400 && status !== 422 ? { Connection: 'close' } : {};
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...close, ...headers });
  res.end(JSON.stringify(body));
}

/** A refusal of the core as HTTP: a bad token 401, the core busy or failing 500 (the sender retries), else 400. */
function statusOf(code: string): number {
  return code === 'UNAUTHENTICATED' ? 401 : code === 'INTERNAL' || code === 'BUSY' ? 500 : 400;
}

function refuse(res: http.ServerResponse, r: Refusal, headers: Record<string, string> = {}): void {
  answer(res, r.status, { error: { code: r.code, message: `${r.zh} / ${r.en}` } }, headers);
}

export async function handleExchangeUpload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  call: Call,
  limit: UploadRateLimit,
  options: UploadLimits = {},
  log?: HostLog,
  level: UploadLevel = STREET_TO_DISTRICT,
): Promise<void> {
  const source = req.socket.remoteAddress ?? '?';
  const claimed = () => String(req.headers[level.header] ?? '').slice(0, 20);
  const refused = (r: Refusal, headers: Record<string, string> = {}) => {
    log?.(`upload refused ${r.status} ${r.code} ${level.en}=${claimed()} from=${source}`);
    refuse(res, r, headers);
  };
  if (req.method !== 'POST') return refused(new Refusal(405, 'METHOD_NOT_ALLOWED', '只接受 POST', 'POST only'));
  // Refused before a byte is read when the declared size is already too large.
  const declared = Number(req.headers['content-length'] ?? 0);
  if (Number.isFinite(declared) && declared > MAX_PACKAGE) return refused(tooLarge());
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
  if (!token) return refused(new Refusal(401, 'MISSING_TOKEN', '缺少上传令牌（Authorization: Bearer …）', 'the upload token is missing (Authorization: Bearer …)'));
  const code = String(req.headers[level.header] ?? '');
  if (!/^\d{9}(\d{3})?$/.test(code) && !(level === DISTRICT_TO_CITY && /^\d{6}$/.test(code))) {
    return refused(
      new Refusal(400, 'BAD_STREET_CODE', `${level.headerName} 须为 12 位${level.zh}区划代码，收到“${code.slice(0, 20)}”`, `${level.headerName} must be the ${level.en}'s 12-digit code, not "${code.slice(0, 20)}"`),
    );
  }
  const senderCode = code.padEnd(12, '0');
  let fileName = '';
  try {
    fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
  } catch {
    return refused(new Refusal(400, 'BAD_FILE_NAME', 'X-File-Name 不是有效的 URI 编码文件名', 'X-File-Name is not a URI-encoded file name'));
  }
  // The token first: a request with a wrong one is answered 401 before the body is read, and counts
  // against no one (a rate kept per address would shut out every street behind the same gateway).
  const checked = await call('exchange.checkUploadToken', { senderCode, token }, null);
  if (!checked.ok) return answer(res, statusOf(checked.error.code), { error: checked.error });
  if (!(checked.value as { ok: boolean }).ok) {
    return refused(new Refusal(401, 'UNAUTHENTICATED', `上传令牌对${level.zh} ${senderCode} 无效`, `the upload token is not valid for ${level.en} ${senderCode}`));
  }
  const wait = limit.take(senderCode);
  if (wait > 0) {
    return refused(new Refusal(429, 'RATE_LIMITED', `${level.zh} ${senderCode} 上传过于频繁，请 ${wait} 秒后再试`, `too many uploads from ${level.en} ${senderCode}: try again in ${wait} s`), {
      'Retry-After': String(wait),
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(req, options.bodyIdleMs ?? BODY_IDLE_MS);
  } catch (err) {
    if (err instanceof Refusal) return refused(err);
    res.destroy();
    return;
  }
  const result = await call(level.method, { [level.field]: senderCode, token, fileName, bytes }, null);
  if (!result.ok) {
    const code = result.error.code;
    const status = statusOf(code);
    log?.(`upload refused ${status} ${code} ${level.en}=${senderCode} from=${source}`);
    return answer(res, status, { error: result.error });
  }
  const outcome = result.value as ImportOutcome;
  log?.(`upload ${outcome.status}${outcome.status === 'rejected' ? ` ${outcome.code}` : ''} ${level.en}=${senderCode} file=${fileName.slice(0, 100)} bytes=${bytes.length} from=${source}`);
  answer(res, outcome.status === 'rejected' ? 422 : 200, outcome);
}
