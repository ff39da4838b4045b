// Certificate pinning for a street's upload over HTTPS. The district's server certificate is usually
// self-signed (no CA on the government network): the street trusts it by its SHA-256 fingerprint, carried
// in the district's key file. The TLS connection is opened first and the peer's certificate compared with
// the pinned fingerprint; only then is the request (token, package) written on it. A different certificate
// closes the connection with nothing sent.
import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import tls from 'node:tls';

/** Where a server keeps its generated certificate: beside its database (`street.db.tls/`). */
export function tlsDirFor(dbPath: string): string {
  return `${dbPath}.tls`;
}

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/** `AB:CD:…` (64 hex digits, colons optional, any case) → the canonical form; null when it is not one. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.trim().replace(/:/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  const out = hex.replace(/(..)(?!$)/g, '$1:');
  return FINGERPRINT.test(out) ? out : null;
}

/** The SHA-256 fingerprint of a PEM certificate, or null when the text is not one. */
export function certificateFingerprint(pem: string): string | null {
  try {
    return normalizeFingerprint(new X509Certificate(pem).fingerprint256);
  } catch {
    return null;
  }
}

export class PinMismatch extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`certificate ${actual} is not the pinned ${expected}`);
  }
}

export interface PostOptions {
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array;
  /** Required for https: the pinned SHA-256 of the server's certificate. */
  pinnedSha256?: string;
  signal?: AbortSignal;
  /** No answer (connection, headers or body) for this long ends the attempt. */
  timeoutMs?: number;
}

export interface PostAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** Opens a TLS connection and resolves once the peer's certificate matched the pin (nothing written yet). */
function pinnedSocket(url: URL, pinned: string, timeoutMs: number): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = tls.connect({
      host,
      port: Number(url.port || 443),
      // No CA: the certificate is checked by its fingerprint below, before any byte of the request.
      rejectUnauthorized: false,
      ...(/^[\d.:]+$/.test(host) ? {} : { servername: host }),
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(() => socket.destroy(new Error(`no TLS answer within ${timeoutMs} ms`)), timeoutMs);
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const actual = normalizeFingerprint(socket.getPeerCertificate().fingerprint256 ?? '') ?? '(none)';
      if (actual !== pinned) {
        socket.destroy();
        reject(new PinMismatch(pinned, actual));
        return;
      }
      resolve(socket);
    });
  });
}

/**
 * One POST of `body` to `url` (http or https). Over https the connection is pinned (see above); a
 * PinMismatch is thrown before the request is written. Network failures reject with the system's error.
 */
export async function postPinned(o: PostOptions): Promise<PostAnswer> {
  const timeoutMs = o.timeoutMs ?? 120_000;
  let socket: tls.TLSSocket | null = null;
  if (o.url.protocol === 'https:') {
    if (!o.pinnedSha256) throw new PinMismatch('(none)', '(not checked)');
    socket = await pinnedSocket(o.url, o.pinnedSha256, timeoutMs);
  }
  return new Promise<PostAnswer>((resolve, reject) => {
    const req = http.request(
      {
        method: 'POST',
        host: o.url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(o.url.port || (o.url.protocol === 'https:' ? 443 : 80)),
        path: `${o.url.pathname}${o.url.search}`,
        headers: { ...o.headers, Host: o.url.host, 'Content-Length': String(o.body.length), Connection: 'close' },
        signal: o.signal,
        ...(socket ? { createConnection: () => socket! } : { agent: false }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          // An answer is a small JSON receipt; anything huge is not one.
          if (size > 4 * 1024 * 1024) req.destroy(new Error('answer too large'));
          else chunks.push(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(o.body);
  });
}
