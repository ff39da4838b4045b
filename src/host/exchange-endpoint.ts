// The district's exchange endpoint on the browser host (`npm run serve -- --district`): a street POSTs its
// package with its upload token and gets the district's signed receipt back (or the reason it was refused).
//   POST /exchange/upload   Authorization: Bearer <token>, X-Street-Code: <12 digits>,
//                           X-File-Name: <URI-encoded file name>, body: the package bytes
//   200 {status: accepted|replaced|duplicate, receipt}   422 {status: rejected, code, message}
//   401 bad token   400 bad request   500 the district's program failed (the street retries)
import type http from 'node:http';
import { EXCHANGE_UPLOAD_PATH, type ImportOutcome } from '../shared/api/contract-exchange';
import type { Result } from '../shared/result';
import { PACKAGE_MAX_FILE_BYTES } from '../core/limits';

export { EXCHANGE_UPLOAD_PATH };
/** An upload is refused past the package size limit, before and while it is read. */
const MAX_PACKAGE = PACKAGE_MAX_FILE_BYTES;

type Call = (method: string, input: unknown, token: string | null) => Promise<Result<unknown>>;

function readBytes(req: http.IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PACKAGE) {
        reject(new Error('too large'));
        req.pause();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

export async function handleExchangeUpload(req: http.IncomingMessage, res: http.ServerResponse, call: Call): Promise<void> {
  if (req.method !== 'POST') return answer(res, 405, { error: 'POST only' });
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
  const streetCode = String(req.headers['x-street-code'] ?? '');
  let fileName = '';
  try {
    fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
  } catch {
    return answer(res, 400, { error: 'bad X-File-Name' });
  }
  if (!token) return answer(res, 401, { error: 'missing token' });
  // Refused before a byte is read when the declared size is already too large.
  const declared = Number(req.headers['content-length'] ?? 0);
  if (Number.isFinite(declared) && declared > MAX_PACKAGE) return answer(res, 413, { error: 'package too large' });
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(req);
  } catch {
    return answer(res, 413, { error: 'package too large' });
  }
  const result = await call('district.receiveUpload', { streetCode, token, fileName, bytes }, null);
  if (!result.ok) {
    const code = result.error.code;
    const status = code === 'UNAUTHENTICATED' ? 401 : code === 'INTERNAL' || code === 'BUSY' ? 500 : 400;
    return answer(res, status, { error: result.error });
  }
  const outcome = result.value as ImportOutcome;
  answer(res, outcome.status === 'rejected' ? 422 : 200, outcome);
}
