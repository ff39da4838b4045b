// The host as a server on the network: started on 0.0.0.0 (reached here through 127.0.0.1), HTTPS with a
// certificate made beside the database, plain HTTP refused off loopback, the Host allowlist taking the
// public names, /healthz, the log and its rotation, the upload endpoint's per-street rate limit (counted
// only once the token is checked: a hostile client cannot use up a street's allowance) and body timeout,
// and a shutdown that lets an upload in flight finish.
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PlainHttpRefused, startHost, type HostOptions, type RunningHost } from '../../src/host/server';
import { certificateNames, ensureServerCertificate } from '../../src/host/tls';
import { RotatingLog } from '../../src/host/log';
import { makeTempDir } from '../support/factory';
import { pair, sitesForEachTest } from '../support/exchange';
import { namedUploadCases, sendRaw } from '../support/hostile-http';

const WORKER_URL = new URL('../../src/core/worker/tsx-worker.mjs', import.meta.url);
const hosts: RunningHost[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function site(): { dir: string; dbPath: string; renderer: string } {
  const dir = makeTempDir('streetdesk-net-');
  dirs.push(dir);
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>StreetDesk</title>');
  return { dir, dbPath: path.join(dir, 'street.db'), renderer };
}

async function serve(o: Partial<HostOptions> & { dbPath: string; rendererDir: string }): Promise<RunningHost> {
  const host = await startHost({ workerUrl: WORKER_URL, appVersion: '0.1.0', dailyBackups: false, ...o });
  hosts.push(host);
  return host;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request over HTTPS to 127.0.0.1 that trusts exactly `cert` (the self-signed certificate as its own CA). */
function request(port: number, cert: string, o: { path?: string; method?: string; headers?: Record<string, string>; body?: Uint8Array | string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port, path: o.path ?? '/', method: o.method ?? 'GET', headers: o.headers, ca: cert, servername: 'localhost', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

describe('listening on the network', () => {
  it('refuses plain HTTP on a non-loopback address at startup, in both languages', async () => {
    const s = site();
    const started = startHost({ dbPath: s.dbPath, rendererDir: s.renderer, workerUrl: WORKER_URL, appVersion: '0.1.0', dailyBackups: false, listen: '0.0.0.0' });
    await expect(started).rejects.toBeInstanceOf(PlainHttpRefused);
    await expect(started).rejects.toThrow(/不能在 0\.0\.0\.0 上以明文 HTTP 提供服务[\s\S]*Plain HTTP is refused on 0\.0\.0\.0/);
    // Nothing was opened: the database file was not even created.
    expect(fs.existsSync(s.dbPath)).toBe(false);
    // Loopback over HTTP stays as it was.
    const local = await serve({ dbPath: s.dbPath, rendererDir: s.renderer, listen: '127.0.0.1' });
    expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(new URL('/healthz', local.url))).status).toBe(200);
  }, 30_000);

  it('makes a self-signed certificate once, beside the database, for the public names and this machine', () => {
    const s = site();
    const names = certificateNames(['street-pc.gov.local', '10.20.30.40'], '0.0.0.0');
    const first = ensureServerCertificate(s.dbPath, names);
    expect(first.generated).toBe(true);
    expect(first.certFile).toBe(path.join(`${s.dbPath}.tls`, 'cert.pem'));
    expect(first.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const x = new X509Certificate(first.cert);
    expect(x.subjectAltName).toContain('DNS:street-pc.gov.local');
    expect(x.subjectAltName).toContain('IP Address:10.20.30.40');
    expect(x.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(x.checkHost('street-pc.gov.local')).toBe('street-pc.gov.local');
    // Started again: the same certificate (the fingerprint the streets pinned), not a new one.
    const again = ensureServerCertificate(s.dbPath, names);
    expect(again).toMatchObject({ generated: false, sha256: first.sha256 });
  });

  it('serves HTTPS on 0.0.0.0: /healthz without a session, the public names accepted as Host, others refused, a Secure cookie', async () => {
    const s = site();
    const cert = ensureServerCertificate(s.dbPath, certificateNames(['street-pc.gov.local'], '0.0.0.0'));
    const logFile = path.join(s.dir, 'logs', 'serve.log');
    const log = new RotatingLog(logFile);
    const host = await serve({ dbPath: s.dbPath, rendererDir: s.renderer, listen: '0.0.0.0', port: 0, tls: cert, publicNames: ['street-pc.gov.local'], log: log.write });
    expect(host.scheme).toBe('https');
    expect(host.url).toBe(`https://127.0.0.1:${host.port}/`);

    const health = await request(host.port, cert.cert, { path: '/healthz', headers: { Host: 'monitor.example' } });
    expect(health.status).toBe(200);
    const h = JSON.parse(health.body) as { ok: boolean; version: string; uptime: number };
    expect(h).toMatchObject({ ok: true, version: '0.1.0' });
    expect(h.uptime).toBeGreaterThanOrEqual(0);

    expect((await request(host.port, cert.cert, { headers: { Host: `street-pc.gov.local:${host.port}` } })).status).toBe(200);
    expect((await request(host.port, cert.cert, { headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(200);
    expect((await request(host.port, cert.cert, { headers: { Host: `evil.example:${host.port}` } })).status).toBe(421);

    // A community clerk's browser on another PC: the page's own origin is https://<public name>.
    const setup = await request(host.port, cert.cert, {
      path: '/api/call',
      method: 'POST',
      headers: { Host: `street-pc.gov.local:${host.port}`, Origin: `https://street-pc.gov.local:${host.port}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'setup.initialize', input: { street: { name: '朝阳门街道', code: '110101001', districtName: '东城区' }, admin: { username: 'admin', displayName: '王丽华', password: 'Dangjian2026' }, language: 'zh-CN' } }),
    });
    expect(setup.status).toBe(200);
    expect(String(setup.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Secure/);
    // The same call from a page of the plain-HTTP origin of that name is another site.
    const plainOrigin = await request(host.port, cert.cert, { path: '/api/call', method: 'POST', headers: { Host: `street-pc.gov.local:${host.port}`, Origin: `http://street-pc.gov.local:${host.port}`, 'Content-Type': 'application/json' }, body: '{"method":"auth.session","input":{}}' });
    expect(plainOrigin.status).toBe(403);

    // A plain-HTTP client on the TLS port gets no page.
    const plain = await fetch(`http://127.0.0.1:${host.port}/healthz`).then((r) => r.status).catch(() => 'refused');
    expect(plain).not.toBe(200);

    await host.close();
    hosts.splice(0);
    log.close();
    const text = fs.readFileSync(logFile, 'utf8');
    expect(text).toMatch(/serving https:\/\/0\.0\.0\.0:\d+/);
    expect(text).toContain('stopped; database closed');
  }, 30_000);

  it('keeps the log within its size: FILE, FILE.1 … FILE.<keep>, the oldest dropped', () => {
    const dir = makeTempDir('streetdesk-log-');
    dirs.push(dir);
    const file = path.join(dir, 'serve.log');
    const log = new RotatingLog(file, { maxBytes: 1000, keep: 2 });
    for (let i = 0; i < 200; i++) log.write(`line ${i} ${'x'.repeat(40)}`);
    log.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['serve.log', 'serve.log.1', 'serve.log.2']);
    for (const f of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(1000);
    expect(fs.readFileSync(file, 'utf8')).toContain('line 199');
  });
});

describe('the district’s upload endpoint under pressure', () => {
  const sites = sitesForEachTest();

  /** A district with two streets on its list, each with its upload token, served by the host. */
  async function district(o: Partial<HostOptions> = {}, listen = '0.0.0.0') {
    const d = await sites.district();
    const streets = [await sites.street(1, 0), await sites.street(2, 0)];
    const tokens: string[] = [];
    for (const s of streets) {
      await pair(s, d);
      tokens.push((await d.app.invoke('district.issueToken', { streetCode: s.code }, d.token)).token);
    }
    d.app.close(); // the host owns the database from here
    const renderer = site().renderer;
    const cert = ensureServerCertificate(d.dbPath, certificateNames([], listen));
    const host = await serve({ dbPath: d.dbPath, ...(d.pgUrl ? { pgUrl: d.pgUrl } : {}), rendererDir: renderer, listen, tls: listen === '127.0.0.1' ? undefined : cert, district: true, ...o });
    const upload = (street: string, token: string, body: Uint8Array = new Uint8Array([1, 2, 3])) =>
      request(host.port, cert.cert, { path: '/exchange/upload', method: 'POST', headers: { Authorization: `Bearer ${token}`, 'X-Street-Code': street, 'X-File-Name': 'x.zip' }, body });
    return { host, cert, upload, streets: streets.map((s) => s.code), tokens };
  }

  it('answers a street past its uploads per minute with 429 RATE_LIMITED, other streets still go, the server keeps serving', async () => {
    const { host, cert, upload, streets, tokens } = await district({ uploadLimits: { uploadsPerMinute: 2 } });
    const [a, b] = streets;
    const first = [await upload(a, tokens[0]), await upload(a, tokens[0])];
    for (const r of first) expect(r.status).toBe(422); // taken, and rejected as no package
    const third = await upload(a, tokens[0]);
    expect(third.status).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    const body = JSON.parse(third.body) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toContain(a);
    expect(body.error.message).toMatch(/街道 \d{12} 上传过于频繁.*too many uploads from street/);
    expect((await upload(b, tokens[1])).status).toBe(422);
    // Street a's token does not open street b's allowance either.
    expect((await upload(b, tokens[0])).status).toBe(401);
    expect((await request(host.port, cert.cert, { path: '/healthz' })).status).toBe(200);
  }, 60_000);

  it('counts an upload against a street only once its token is checked: a hostile client with wrong tokens cannot use up the allowance', async () => {
    // Plain HTTP on loopback: the hostile client writes raw bytes to the socket.
    const { host, streets, tokens } = await district({ uploadLimits: { uploadsPerMinute: 2 } }, '127.0.0.1');
    const wrongToken = namedUploadCases([]).find((c) => c.name === 'a wrong token')!;
    const target = { host: `127.0.0.1:${host.port}`, token: tokens[0], streetCode: streets[0] };
    for (let i = 0; i < 6; i++) {
      const answer = await sendRaw(host.port, wrongToken.make(target));
      expect(answer.status).toBe(401);
      expect(answer.body).toContain('UNAUTHENTICATED');
    }
    // The street itself still has its whole allowance: two uploads taken, the third over it.
    const plain = (token: string) =>
      fetch(new URL('/exchange/upload', host.url), { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'X-Street-Code': streets[0], 'X-File-Name': 'x.zip' }, body: new Uint8Array([1, 2, 3]) }).then((r) => r.status);
    expect(await plain(tokens[0])).toBe(422);
    expect(await plain(tokens[0])).toBe(422);
    expect(await plain(tokens[0])).toBe(429);
    // And a wrong token is still told apart from the limit: 401, not 429.
    expect((await sendRaw(host.port, wrongToken.make(target))).status).toBe(401);
  }, 60_000);

  it('cuts off a client that stops sending its body, with 408 BODY_TIMEOUT, and keeps serving', async () => {
    const { host, cert, streets, tokens } = await district({ uploadLimits: { bodyIdleMs: 300 } });
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = tls.connect({ host: '127.0.0.1', port: host.port, ca: cert.cert, servername: 'localhost' }, () => {
        socket.write(`POST /exchange/upload HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${tokens[0]}\r\nX-Street-Code: ${streets[0]}\r\nX-File-Name: x.zip\r\nContent-Length: 100000\r\n\r\n`);
        socket.write(Buffer.alloc(100)); // then nothing more
      });
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"code":"BODY_TIMEOUT"');
    expect((await request(host.port, cert.cert, { path: '/healthz' })).status).toBe(200);
  }, 30_000);

  it('on shutdown stops taking connections but lets an upload in flight finish', async () => {
    const { host, cert, streets, tokens } = await district({ shutdownWaitMs: 10_000 });
    const body = Buffer.alloc(200_000, 1);
    let closing: Promise<void> | null = null;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = tls.connect({ host: '127.0.0.1', port: host.port, ca: cert.cert, servername: 'localhost' }, () => {
        socket.write(`POST /exchange/upload HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${tokens[0]}\r\nX-Street-Code: ${streets[0]}\r\nX-File-Name: x.zip\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
        socket.write(body.subarray(0, 1000));
        // The server is told to stop while the body is still coming.
        setTimeout(() => {
          closing = host.close();
          setTimeout(() => socket.write(body.subarray(1000)), 300);
        }, 200);
      });
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    // The street got the district's answer (the body is no package: rejected with its code, not cut off).
    expect(answer).toMatch(/^HTTP\/1\.1 422/);
    expect(answer).toMatch(/"code":"\w+"/);
    await closing;
    hosts.splice(0);
    // And the server is gone: no new connection is taken.
    const after = await new Promise<string>((resolve) => {
      const s = net.connect(host.port, '127.0.0.1', () => resolve('connected'));
      s.on('error', () => resolve('refused'));
    });
    expect(after).toBe('refused');
  }, 30_000);
});
