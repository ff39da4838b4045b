// Hostile requests for the two readers that listen on the network (issue 19): the district's upload
// endpoint (POST /exchange/upload: a package body with a token and a street code in headers) and the
// browser host itself (any path, method, header or body a client on this PC could send). Each case is raw
// bytes written to a socket — some with pauses (a slow client), some cut short — so a case can break the
// HTTP rules, which no HTTP library lets a client do. After each, the host must still answer a normal
// request: tests/core/fuzz/host.test.ts runs the named cases, `npm run fuzz` the named and random ones.
import net from 'node:net';
import { flipped, pick, randomBytes, truncated } from './hostile';

export type HttpReader = 'upload' | 'host';

/** One piece of a request: bytes to send, or a pause (ms) before the next. */
export type Piece = Uint8Array | { pause: number };

export interface HttpCase {
  reader: HttpReader;
  name: string;
  /** The request, for the host at `host` (127.0.0.1:port) with the upload token `token`. */
  make(target: { host: string; token: string; streetCode: string }): Piece[];
  /** The client stops before the request is whole (cut short, or a slow client given up on): no answer is owed. */
  cut?: boolean;
}

export interface HttpAnswer {
  /** The status the host answered, or null when it closed without one. */
  status: number | null;
  body: string;
  ms: number;
}

const CRLF = '\r\n';
const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function request(method: string, path: string, headers: Record<string, string>, body: Uint8Array = new Uint8Array(), version = 'HTTP/1.1'): Uint8Array {
  const head = `${method} ${path} ${version}${CRLF}${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}${CRLF}`)
    .join('')}${CRLF}`;
  return new Uint8Array(Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)]));
}

/** Sends the pieces and reads the answer until the host closes (or `waitMs` passes after the last piece). */
export function sendRaw(port: number, pieces: Piece[], options: { cut?: boolean; waitMs?: number } = {}): Promise<HttpAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | null = null;
    const finish = () => {
      if (timer) clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1];
      const split = raw.indexOf('\r\n\r\n');
      resolve({ status: status ? Number(status) : null, body: split >= 0 ? raw.slice(split + 4, split + 4 + 4096) : raw.slice(0, 4096), ms: performance.now() - started });
    };
    socket.on('data', (b: Buffer) => {
      if (size < 65_536) chunks.push(b);
      size += b.length;
    });
    socket.on('close', finish);
    socket.on('error', () => undefined); // a reset is an answer too: the close follows
    socket.on('connect', async () => {
      for (const piece of pieces) {
        if (socket.destroyed) return;
        if (piece instanceof Uint8Array) {
          // Written in slices: a 70 MB body goes as a client sends it, the host free to refuse part way.
          for (let at = 0; at < piece.length && !socket.destroyed; at += 1 << 20) {
            if (!socket.write(piece.subarray(at, Math.min(at + (1 << 20), piece.length)))) await drained(socket);
          }
        } else await new Promise((r) => setTimeout(r, piece.pause));
      }
      // A cut request: the client gives up (closes) without finishing; otherwise it waits for the answer.
      if (options.cut) socket.destroy();
      else timer = setTimeout(finish, options.waitMs ?? 15_000);
    });
  });
}

/** Until the socket takes more (or is gone), its listeners removed after. */
function drained(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done).off('close', done);
      resolve();
    };
    socket.on('drain', done).on('close', done);
  });
}

/** A normal call any page of the app makes (no session needed): the host must still answer it, 200. */
export function normalCall(host: string): Uint8Array {
  const body = utf8(JSON.stringify({ method: 'app.status', input: {} }));
  return request('POST', '/api/call', { Host: host, Origin: `http://${host}`, 'Content-Type': 'application/json', 'Content-Length': String(body.length), Connection: 'close' }, body);
}

function upload(t: { host: string; token: string; streetCode: string }, body: Uint8Array, headers: Record<string, string | null> = {}): Uint8Array {
  const base: Record<string, string | null> = {
    Host: t.host,
    Authorization: `Bearer ${t.token}`,
    'Content-Type': 'application/octet-stream',
    'X-Street-Code': t.streetCode,
    'X-File-Name': encodeURIComponent('110101001000_东华门街道_2026-10_v1.zip'),
    'Content-Length': String(body.length),
    Connection: 'close',
  };
  const merged = Object.fromEntries(Object.entries({ ...base, ...headers }).filter((e): e is [string, string] => e[1] !== null));
  return request('POST', '/exchange/upload', merged, body);
}

/** The upload endpoint's named cases: every package of the corpus as a body, and the headers spoiled. */
export function namedUploadCases(packages: { name: string; make(): Uint8Array }[]): HttpCase[] {
  const cases: HttpCase[] = [];
  const add = (name: string, make: HttpCase['make'], cut = false) => cases.push({ reader: 'upload', name, make, cut });
  for (const p of packages) add(`body: ${p.name}`, (t) => [upload(t, p.make())]);
  const small = () => text('PK\x03\x04 not really a package');
  add('no token', (t) => [upload(t, small(), { Authorization: null })]);
  add('a wrong token', (t) => [upload(t, small(), { Authorization: 'Bearer 0000000000000000' })]);
  add('a token of 100 KB', (t) => [upload(t, small(), { Authorization: `Bearer ${'x'.repeat(100_000)}` })]);
  add('no street code', (t) => [upload(t, small(), { 'X-Street-Code': null })]);
  add('a street code of another street', (t) => [upload(t, small(), { 'X-Street-Code': '999999999000' })]);
  add('a file name cut in the middle of a %-escape', (t) => [upload(t, small(), { 'X-File-Name': '%E0%A4%A' })]);
  add('a file name of ../../etc/passwd', (t) => [upload(t, small(), { 'X-File-Name': encodeURIComponent('../../etc/passwd') })]);
  add('a file name of 60 KB', (t) => [upload(t, small(), { 'X-File-Name': 'a'.repeat(60_000) })]);
  add('GET instead of POST', (t) => [request('GET', '/exchange/upload', { Host: t.host, Authorization: `Bearer ${t.token}`, Connection: 'close' })]);
  add('a declared 600 MB body (refused before it is sent)', (t) => [upload(t, new Uint8Array(), { 'Content-Length': String(600 * 1024 * 1024) })], true);
  add('70 MB sent with no length (chunked): refused part way', (t) => {
    const head = upload(t, new Uint8Array(), { 'Content-Length': null, 'Transfer-Encoding': 'chunked' });
    const mb = Buffer.alloc(1 << 20, 0x41);
    const chunk = Buffer.concat([Buffer.from(`${(1 << 20).toString(16)}\r\n`), mb, Buffer.from('\r\n')]);
    return [head, new Uint8Array(Buffer.concat(Array.from({ length: 70 }, () => chunk))), text('0\r\n\r\n')];
  });
  add('a body cut short of its declared length', (t) => [upload(t, small(), { 'Content-Length': '100000' })], true);
  add('a Content-Length that is not a number', (t) => [upload(t, small(), { 'Content-Length': 'lots' })]);
  add('two Content-Length headers that differ', (t) => [text(`POST /exchange/upload HTTP/1.1\r\nHost: ${t.host}\r\nAuthorization: Bearer ${t.token}\r\nContent-Length: 5\r\nContent-Length: 50\r\n\r\nhello`)]);
  add('an empty body', (t) => [upload(t, new Uint8Array())]);
  return cases;
}

/** The host's named cases: what the hostile tester sent, and the ways a request can be malformed. */
export function namedHostCases(): HttpCase[] {
  const cases: HttpCase[] = [];
  const add = (name: string, make: HttpCase['make'], cut = false) => cases.push({ reader: 'host', name, make, cut });
  const get = (path: string, extra: Record<string, string> = {}) => (t: { host: string }) => [request('GET', path, { Host: t.host, Connection: 'close', ...extra })];
  const call = (body: Uint8Array, extra: Record<string, string> = {}) => (t: { host: string }) => [
    request('POST', '/api/call', { Host: t.host, Origin: `http://${t.host}`, 'Content-Type': 'application/json', 'Content-Length': String(body.length), Connection: 'close', ...extra }, body),
  ];
  add('GET http://[ HTTP/1.1', (t) => [text(`GET http://[ HTTP/1.1\r\nHost: ${t.host}\r\nConnection: close\r\n\r\n`)]);
  add('a path cut in the middle of a %-escape', get('/%E0%A4%A'));
  add('a path with %00', get('/index.html%00.png'));
  add('a path out of the folder', get('/../../../../etc/passwd'));
  add('a path out of the folder, %-escaped', get('/%2e%2e/%2e%2e/%2e%2e/etc/passwd'));
  add('a path with backslashes', get('/..\\..\\..\\windows\\win.ini'));
  add('a path of 100 KB', get(`/${'a'.repeat(100_000)}`));
  add('a path in invalid UTF-8', (t) => [new Uint8Array([...text('GET /'), 0xff, 0xfe, 0xc3, ...text(` HTTP/1.1\r\nHost: ${t.host}\r\nConnection: close\r\n\r\n`)])]);
  add('a print address with a broken query', get('/print/roster?org=%ZZ&x=%'));
  add('no Host header', () => [text('GET / HTTP/1.1\r\nConnection: close\r\n\r\n')]);
  add('another Host', get('/', { Host: 'evil.example:80' }));
  // Refused (431/400) after the first 16 KB while the client is still sending: the host's close then resets
  // the connection, and the answer may be lost on the client's side. Owed no answer; the host must hold.
  add('a header of 1 MB', get('/', { 'X-Big': 'x'.repeat(1 << 20) }), true);
  add('10,000 headers', (t) => [text(`GET / HTTP/1.1\r\nHost: ${t.host}\r\n${Array.from({ length: 10_000 }, (_, i) => `X-H${i}: v`).join('\r\n')}\r\nConnection: close\r\n\r\n`)]);
  add('a header line without a colon', (t) => [text(`GET / HTTP/1.1\r\nHost: ${t.host}\r\nthis is not a header\r\nConnection: close\r\n\r\n`)]);
  add('an unknown method', (t) => [text(`BREW / HTTP/1.1\r\nHost: ${t.host}\r\nConnection: close\r\n\r\n`)]);
  add('DELETE /api/call', (t) => [request('DELETE', '/api/call', { Host: t.host, Connection: 'close' })]);
  add('HTTP/9.9', (t) => [request('GET', '/', { Host: t.host, Connection: 'close' }, undefined, 'HTTP/9.9')]);
  add('random bytes instead of a request', () => [randomBytes(() => 0.37, 4096)]);
  add('a call that is not JSON', call(utf8('{"method": "app.status", input')));
  add('a call that is JSON null', call(utf8('null')));
  add('a call whose input is 20 levels of arrays', call(utf8(`{"method":"app.status","input":${'['.repeat(20)}${']'.repeat(20)}}`)));
  add('a call 100,000 arrays deep', call(utf8(`{"method":"app.status","input":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)));
  add('a call with an unknown method', call(utf8('{"method":"members.dropAll","input":{}}')));
  add('a call with bytes that are not base64', call(utf8('{"method":"members.importPreview","input":{"fileName":"a.xlsx","bytes":{"$bytes":"!!!not base64!!!"}}}')));
  add('a call as text/plain', call(utf8('{"method":"app.status","input":{}}'), { 'Content-Type': 'text/plain' }));
  add('a call from another site', call(utf8('{"method":"app.status","input":{}}'), { Origin: 'http://evil.example' }));
  add('a declared 600 MB call (refused before it is sent)', call(new Uint8Array(), { 'Content-Length': String(600 * 1024 * 1024) }), true);
  add('a call cut short of its declared length', call(utf8('{"method":"app.st'), { 'Content-Length': '5000' }), true);
  add('a login with a user name of 1 MB', call(utf8(JSON.stringify({ method: 'auth.login', input: { username: 'x'.repeat(1 << 20), password: 'x' } }))));
  add('events with a made-up cookie', get('/api/events', { Cookie: 'streetdesk_session=made-up' }));
  add('a slow client: headers a byte at a time for 3 s, then gone', (t) => {
    const head = text(`GET / HTTP/1.1\r\nHost: ${t.host}\r\n`);
    const pieces: Piece[] = [];
    for (const b of head.subarray(0, 30)) pieces.push(new Uint8Array([b]), { pause: 100 });
    return pieces;
  }, true);
  add('a request line only, then silence (cut)', (t) => [text(`GET / HTTP/1.1\r\nHost: ${t.host}\r\n`), { pause: 1000 }], true);
  return cases;
}

/** A random case: a good request spoiled (bytes flipped, cut) or noise. */
export function randomHttpCase(reader: HttpReader, random: () => number, goodPackage: Uint8Array): HttpCase {
  const kind = pick(random, ['random', 'truncated', 'flipped', 'flipped'] as const);
  const seedBytes = randomBytes(random, 1 + Math.floor(random() * 4096));
  const spoil = (good: Uint8Array) => (kind === 'random' ? seedBytes : kind === 'truncated' ? truncated(random, good) : flipped(random, good, 1 + Math.floor(random() * 4)));
  if (reader === 'upload') {
    const bodyKind = random();
    const flips = Math.floor(random() * 1_000_000);
    return {
      reader,
      name: `${kind} package`,
      make: (t) => {
        const r = rngFrom(flips);
        const body = bodyKind < 0.5 ? flipped(r, goodPackage, 1 + Math.floor(r() * 8)) : bodyKind < 0.8 ? truncated(r, goodPackage) : randomBytes(r, 1 + Math.floor(r() * 16_384));
        return [upload(t, body)];
      },
    };
  }
  const seed = Math.floor(random() * 1_000_000);
  return {
    reader,
    name: `${kind} request`,
    make: (t) => {
      const body = utf8(JSON.stringify({ method: 'app.status', input: {} }));
      const good = request('POST', '/api/call', { Host: t.host, Origin: `http://${t.host}`, 'Content-Type': 'application/json', 'Content-Length': String(body.length), Connection: 'close' }, body);
      const r = rngFrom(seed);
      return [kind === 'random' ? randomBytes(r, 1 + Math.floor(r() * 4096)) : spoil(good)];
    },
    // A spoiled request may now declare more body than it sends: the client then waits no longer than a moment.
    cut: kind !== 'flipped',
  };
}

function rngFrom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}
