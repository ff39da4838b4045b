// The browser host: the built renderer and the same contract over HTTP on 127.0.0.1, or over HTTPS on any
// address (a street serving its communities, a district taking the streets' uploads on the government
// network). Plain HTTP is refused on a non-loopback address. The session lives in an HttpOnly,
// SameSite=Strict cookie (Secure over HTTPS); the page never sees its token.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { HTTP_CALL_PATH, HTTP_EVENTS_PATH, SESSION_COOKIE } from '../shared/api/bridge';
import { SESSION_OPENING_METHODS, type ApiEvent, type Method } from '../shared/api/contract';
import { decodeWire, encodeWire } from '../shared/api/wire';
import type { Result } from '../shared/result';
import { formatError } from '../shared/i18n/messages';
import { LoginThrottle } from './login-throttle';
import { CoreClient } from '../core/worker/core-client';
import { DISTRICT_TO_CITY, EXCHANGE_UPLOAD_PATH, STREET_TO_DISTRICT, UploadRateLimit, handleExchangeUpload, type UploadLimits } from './exchange-endpoint';
import type { HostLog } from './log';

export interface HostOptions {
  dbPath: string;
  /** A district's or a city's database in PostgreSQL (`--pg`); dbPath then names the files kept beside it. */
  pgUrl?: string;
  port?: number;
  rendererDir: string;
  /** The core to serve (the desktop app's own, shared with its window; left open on close). Started from
   *  `workerUrl` on `dbPath`, and closed with the server, when not given. */
  client?: CoreClient;
  workerUrl: URL | string;
  appVersion: string;
  dailyBackups?: boolean;
  /** District mode: also accept the streets' package uploads at the exchange endpoint. */
  district?: boolean;
  /** City mode: accept the districts' package uploads there. */
  city?: boolean;
  /** The address to listen on (default 127.0.0.1). Anything but loopback needs `tls`. */
  listen?: string;
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: string; key: string };
  /** The names clients reach this server by (`--public-name`): accepted as Host besides the loopback ones;
   *  `NAME:PORT` when they reach it on another port (a port forward). */
  publicNames?: string[];
  /** Where the server's events go (`--log FILE`); nothing is logged without it. */
  log?: HostLog;
  /** The upload endpoint's per-street rate and body timeout (defaults in exchange-endpoint.ts). */
  uploadLimits?: UploadLimits;
  /** On close, how long a request in flight (an upload) may still take before it is cut off. */
  shutdownWaitMs?: number;
}

export interface RunningHost {
  /** The address on this PC (127.0.0.1), http or https. */
  url: string;
  port: number;
  scheme: 'http' | 'https';
  /** Stops accepting, lets requests in flight finish (bounded), then closes the database. */
  close(): Promise<void>;
}

export const SHUTDOWN_WAIT_MS = 30_000;

/** 127.0.0.0/8, ::1 and localhost: the addresses only this PC can reach. */
export function isLoopback(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  return a === 'localhost' || a === '::1' || (net.isIPv4(a) && a.startsWith('127.'));
}

export class PlainHttpRefused extends Error {
  constructor(readonly listen: string) {
    super(
      `不能在 ${listen} 上以明文 HTTP 提供服务：非本机地址须使用 HTTPS（--tls-cert 与 --tls-key，或不给证书由程序生成自签名证书）。\n` +
        `Plain HTTP is refused on ${listen}: an address other than loopback needs HTTPS (--tls-cert and --tls-key, or none to have a self-signed certificate made).`,
    );
  }
}

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MAX_BODY = 512 * 1024 * 1024;
/** The browser host's addresses of print documents (the renderer reads the rest of the path). */
const PRINT_PATH_PREFIX = '/print/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

function readCookie(req: http.IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null; // a malformed cookie is no session
    }
  }
  return null;
}

/** Ends a request that went wrong with a plain status, unless an answer is already under way. */
function fail(res: http.ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end(text);
}

/** A request whose declared body is larger than `limit` is refused before a byte of it is read. */
function declaredTooLarge(req: http.IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(declared) && declared > limit;
}

function sessionCookie(token: string | null, secure: boolean): string {
  const base = `${SESSION_COOKIE}=${token ?? ''}; HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;
  return token ? base : `${base}; Max-Age=0`;
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new BodyTooLarge('request too large'));
        req.pause();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const listen = options.listen ?? '127.0.0.1';
  if (!net.isIP(listen.replace(/^\[|\]$/g, '')) && listen !== 'localhost') throw new Error(`--listen: “${listen}” 不是 IP 地址 / is not an IP address`);
  if (!isLoopback(listen) && !options.tls) throw new PlainHttpRefused(listen);
  const scheme = options.tls ? 'https' : 'http';
  const log = options.log ?? (() => undefined);
  const startedAt = Date.now();
  let stopping = false;
  const inFlight = new Set<http.ServerResponse>();
  let drained: (() => void) | null = null;
  const indexFile = path.join(options.rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`The renderer is not built (${indexFile} is missing): run "npm run build" first.`);
  }
  const ownClient = !options.client;
  const client =
    options.client ??
    (await CoreClient.start({
      dbPath: options.dbPath,
      ...(options.pgUrl ? { pgUrl: options.pgUrl } : {}),
      workerUrl: options.workerUrl,
      appVersion: options.appVersion,
      dailyBackups: options.dailyBackups ?? true,
    }));
  const streams = new Map<string, Set<http.ServerResponse>>();
  const stopEvents = client.onEvent((token, event: ApiEvent) => {
    const targets = token ? [streams.get(token) ?? new Set()] : [...streams.values()];
    for (const set of targets) for (const res of set) res.write(`data: ${JSON.stringify(event)}\n\n`);
  });

  let origin = '';
  const allowedHosts = new Set<string>();
  const logins = new LoginThrottle();
  const uploads = new UploadRateLimit(options.uploadLimits?.uploadsPerMinute);

  // Every request answers, whatever it holds: a handler's error becomes a 400 (or 500) for that request
  // alone, never an exception out of the server (GET /%E0%A4%A from any web page once stopped the host).
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight.add(res);
    res.on('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) drained?.();
    });
    try {
      route(req, res);
    } catch {
      fail(res, 400, 'bad request');
    }
  };
  const server: http.Server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, onRequest) : http.createServer(onRequest);
  // A client that never finishes its request is cut off; an upload of the largest package still fits.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  // Every socket, also one still in its TLS handshake or mid-record (no HTTP request yet): a shutdown
  // ends those too, or server.close() would wait for them.
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (scheme === 'https') res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    // For monitoring: no session, any host name (it tells nothing but that the server runs).
    if ((req.url === '/healthz' || req.url?.startsWith('/healthz?')) && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(stopping ? 503 : 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ ok: !stopping, version: options.appVersion, uptime: Math.round((Date.now() - startedAt) / 1000) }));
      return;
    }
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421).end('wrong host');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      fail(res, 400, 'bad request');
      return;
    }
    const failed = () => fail(res, 500, 'the request could not be answered');
    if ((options.district || options.city) && url.pathname === EXCHANGE_UPLOAD_PATH) {
      handleExchangeUpload(req, res, (m, i, t) => client.call(m, i, t), uploads, options.uploadLimits, log, options.city ? DISTRICT_TO_CITY : STREET_TO_DISTRICT).catch(failed);
    } else if (url.pathname === HTTP_CALL_PATH) handleCall(req, res).catch(failed);
    else if (url.pathname === HTTP_EVENTS_PATH) handleEvents(req, res).catch(failed);
    else if (req.method !== 'GET' && req.method !== 'HEAD') fail(res, 405, 'method not allowed');
    // Print documents have stable addresses (/print/roster?org=…); their page and assets are the renderer's.
    else serveStatic(url.pathname.startsWith(PRINT_PATH_PREFIX) ? url.pathname.slice(PRINT_PATH_PREFIX.length - 1) : url.pathname, res);
  }

  /**
   * A call comes from this app's own pages: a browser says so by Origin (sent with every POST) and by
   * Sec-Fetch-Site; a page of another site cannot send either as same-origin (a cross-site Referer without
   * Origin was once accepted). A client that is not a browser (a script on this PC) sends neither.
   */
  function sameOrigin(req: http.IncomingMessage): boolean {
    const reqOrigin = req.headers.origin;
    if (reqOrigin !== undefined && (!reqOrigin.startsWith(`${scheme}://`) || !allowedHosts.has(reqOrigin.slice(scheme.length + 3)))) return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST' || !sameOrigin(req)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      res.writeHead(415).end('expected application/json');
      return;
    }
    if (declaredTooLarge(req, MAX_BODY)) {
      fail(res, 413, 'request too large');
      return;
    }
    let body: { method?: unknown; input?: unknown };
    try {
      body = decodeWire(await readBody(req)) as typeof body;
    } catch (error) {
      fail(res, error instanceof BodyTooLarge ? 413 : 400, error instanceof BodyTooLarge ? 'request too large' : 'malformed request');
      return;
    }
    if (body === null || typeof body !== 'object') {
      fail(res, 400, 'malformed request');
      return;
    }
    const method = typeof body?.method === 'string' ? body.method : '';
    const token = readCookie(req, SESSION_COOKIE);
    const login = method === 'auth.login' ? loginAttempt(req, body.input) : null;
    if (login && login.wait > 0) {
      const error = { code: 'TOO_MANY_ATTEMPTS' as const, details: { seconds: Math.ceil(login.wait / 1000) } };
      const lang = (req.headers['accept-language'] ?? '').startsWith('en') ? 'en' : 'zh-CN';
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': String(error.details.seconds) });
      res.end(encodeWire({ ok: false, error: { ...error, message: formatError(error, lang) } } satisfies Result<unknown>));
      return;
    }
    const result: Result<unknown> = await client.call(method, body.input, token);
    if (login) {
      if (result.ok) logins.succeeded(login.source, login.name);
      else if (result.error.code === 'INVALID_CREDENTIALS' || result.error.code === 'ACCOUNT_LOCKED') logins.failed(login.source, login.name);
    }
    if (result.ok && SESSION_OPENING_METHODS.includes(method as Method)) {
      const value = result.value as { token?: string };
      res.setHeader('Set-Cookie', sessionCookie(value.token ?? null, scheme === 'https'));
      delete value.token;
    } else if (method === 'auth.logout') {
      res.setHeader('Set-Cookie', sessionCookie(null, scheme === 'https'));
    }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(encodeWire(result));
  }

  function loginAttempt(req: http.IncomingMessage, input: unknown): { source: string; name: string; wait: number } {
    const source = req.socket.remoteAddress ?? 'unknown';
    const given = input !== null && typeof input === 'object' ? (input as { username?: unknown }).username : undefined;
    const name = typeof given === 'string' ? given.slice(0, 100) : '';
    return { source, name, wait: logins.waitFor(source, name) };
  }

  /** The event stream of a live session only (any cookie value once opened one). */
  async function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const token = readCookie(req, SESSION_COOKIE);
    const session = token ? await client.call('auth.session', {}, token) : null;
    if (!token || !session?.ok || session.value === null) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const set = streams.get(token) ?? new Set();
    set.add(res);
    streams.set(token, set);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      set.delete(res);
      if (set.size === 0) streams.delete(token);
    });
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      fail(res, 400, 'bad path');
      return;
    }
    let file = path.normalize(path.join(options.rendererDir, decoded));
    if (!file.startsWith(path.resolve(options.rendererDir)) || decoded.includes('\0')) {
      res.writeHead(404).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      if (path.extname(pathname)) {
        res.writeHead(404).end('not found');
        return;
      }
      file = indexFile;
    }
    const isIndex = file === indexFile;
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': isIndex ? 'no-store' : 'public, max-age=3600',
    });
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, listen.replace(/^\[|\]$/g, ''), () => resolve());
    });
  } catch (err) {
    // The port is taken or the address is not this PC's: nothing was served; the core is left as it was found.
    stopEvents();
    if (ownClient) await client.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  origin = `${scheme}://127.0.0.1:${port}`;
  // The names the server is reached by, with the port (and without it on the scheme's default port).
  const defaultPort = scheme === 'https' ? 443 : 80;
  const bracket = (h: string) => (net.isIPv6(h) ? `[${h}]` : h);
  for (const name of ['127.0.0.1', 'localhost', ...(listen === '0.0.0.0' || listen === '::' ? [] : [listen.replace(/^\[|\]$/g, '')]), ...(options.publicNames ?? [])]) {
    // NAME:PORT: reached through a port forward or relay on another port (the Host the browser sends).
    const withPort = /^(\[[0-9a-fA-F:.]+\]|[^:]+):(\d{1,5})$/.exec(name);
    if (withPort) {
      allowedHosts.add(name);
      if (Number(withPort[2]) === defaultPort) allowedHosts.add(withPort[1]);
      continue;
    }
    allowedHosts.add(`${bracket(name)}:${port}`);
    if (port === defaultPort) allowedHosts.add(bracket(name));
  }
  log(`serving ${scheme}://${bracket(listen)}:${port}${options.city ? ' (city: district uploads at /exchange/upload)' : options.district ? ' (district: uploads at /exchange/upload)' : ''}; names: ${[...allowedHosts].join(', ')}`);

  return {
    url: `${origin}/`,
    port,
    scheme,
    async close() {
      stopping = true;
      log('shutting down: no new connections; waiting for requests in flight');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const set of streams.values()) for (const res of set) res.end();
      server.closeIdleConnections();
      if (inFlight.size > 0) {
        const wait = options.shutdownWaitMs ?? SHUTDOWN_WAIT_MS;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([new Promise<void>((resolve) => (drained = resolve)), new Promise<void>((resolve) => (timer = setTimeout(resolve, wait)))]);
        clearTimeout(timer);
        if (inFlight.size > 0) log(`shutdown: ${inFlight.size} request(s) still open after ${wait} ms, cut off`);
      }
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
      stopEvents();
      if (ownClient) {
        await client.close();
        log('stopped; database closed');
      } else log('stopped');
    },
  };
}
