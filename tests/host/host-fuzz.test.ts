// The browser host against what any web page or program on the machine can send it: malformed paths and
// percent-encodings, URLs Node cannot parse, huge and missing headers, bodies too long, cut short or not
// JSON, unknown methods. Two thousand generated requests over raw sockets, each followed by a normal request
// that must still be answered: the host never exits and never stops answering.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../src/host/server';
import { makeTempDir } from '../support/factory';

const WORKER_URL = new URL('../../src/core/worker/tsx-worker.mjs', import.meta.url);
let host: RunningHost;
let dir = '';

beforeAll(async () => {
  dir = makeTempDir('streetdesk-fuzz-');
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>StreetDesk</title>');
  fs.writeFileSync(path.join(renderer, 'app.js'), 'console.log(1)');
  host = await startHost({ dbPath: path.join(dir, 'street.db'), rendererDir: renderer, workerUrl: WORKER_URL, appVersion: '0.1.0', dailyBackups: false, district: true });
}, 60_000);

afterAll(async () => {
  await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sends raw bytes and resolves with the status line (or '' when the host closed without one). */
function raw(bytes: string | Buffer, waitMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(host.port, '127.0.0.1');
    let got = '';
    const done = () => {
      socket.destroy();
      resolve(got.split('\r\n')[0] ?? '');
    };
    socket.setTimeout(waitMs, done);
    socket.on('data', (d) => {
      got += d.toString('latin1');
      if (got.includes('\r\n')) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes);
  });
}

const hostHeader = () => `Host: 127.0.0.1:${host.port}`;

async function stillAnswers(): Promise<void> {
  const status = await raw(`GET / HTTP/1.1\r\n${hostHeader()}\r\nConnection: close\r\n\r\n`);
  expect(status).toBe('HTTP/1.1 200 OK');
}

const pathArb = fc.oneof(
  fc.constantFrom('/%E0%A4%A', '/%', '/%%', '/%zz', '/%00', '/..%2f..%2fetc/passwd', '/print/%E0%A4%A', '/api/call', '/api/events', '/exchange/upload', 'http://[', '*', '//', '/\u00ff'),
  fc.string({ maxLength: 40 }).map((s) => `/${encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => (Math.random() < 0.3 ? m.slice(0, 2) : m))}`),
  fc.array(fc.constantFrom('%', 'E0', 'A4', '..', '/', 'x', '?', '#', '%C0%AF', '\\'), { maxLength: 12 }).map((parts) => `/${parts.join('')}`),
);
const methodArb = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'BREW', 'G E T');
const bodyArb = fc.oneof(
  fc.constant(''),
  fc.constant('{"method":"auth.login","input":{"username":"admin","password":"x"}}'),
  fc.constant('{"method":'),
  fc.constant('null'),
  fc.constant('[1,2,3]'),
  fc.constant('{"method":"members.list","input":{"limit":"all"}}'),
  fc.string({ maxLength: 200 }),
);

const requestArb = fc
  .record({
    method: methodArb,
    path: pathArb,
    body: bodyArb,
    json: fc.boolean(),
    lengthLie: fc.constantFrom('none', 'exact', 'short', 'long', 'huge', 'negative', 'text'),
    extraHeader: fc.constantFrom('', 'Cookie: streetdesk_session=%E0%A4%A', `X-Long: ${'a'.repeat(20_000)}`, 'Origin: http://evil.example', 'Transfer-Encoding: chunked', 'Bad Header Line'),
    withHost: fc.boolean(),
  })
  .map((r) => {
    const lengths = { none: null, exact: Buffer.byteLength(r.body), short: Math.max(0, Buffer.byteLength(r.body) - 3), long: Buffer.byteLength(r.body) + 10, huge: 900_000_000, negative: -1, text: 'ten' };
    const length = lengths[r.lengthLie as keyof typeof lengths];
    const headers = [
      r.withHost ? hostHeader() : 'Host: evil.example',
      ...(r.json ? ['Content-Type: application/json'] : []),
      ...(length === null ? [] : [`Content-Length: ${length}`]),
      ...(r.extraHeader ? [r.extraHeader] : []),
      'Connection: close',
    ];
    return `${r.method} ${r.path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${r.body}`;
  });

describe('the browser host under generated requests', () => {
  it('answers the requests that once stopped it, and keeps answering', async () => {
    expect(await raw(`GET /%E0%A4%A HTTP/1.1\r\n${hostHeader()}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(await raw(`GET http://[ HTTP/1.1\r\n${hostHeader()}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(await raw(`POST /api/call HTTP/1.1\r\n${hostHeader()}\r\nContent-Type: application/json\r\nContent-Length: 900000000\r\n\r\n{`)).toBe('HTTP/1.1 413 Payload Too Large');
    expect(await raw(`POST /exchange/upload HTTP/1.1\r\n${hostHeader()}\r\nAuthorization: Bearer x\r\nContent-Length: 900000000\r\n\r\n`)).toBe('HTTP/1.1 413 Payload Too Large');
    expect(await raw(`GET / HTTP/1.1\r\n${hostHeader()}\r\nCookie: streetdesk_session=%E0%A4%A\r\n\r\n`)).toBe('HTTP/1.1 200 OK');
    await stillAnswers();
  });

  it('survives two thousand malformed requests, each followed by a normal one', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (request) => {
        await raw(request, 1500);
        await stillAnswers();
      }),
      { numRuns: 2000 },
    );
  }, 300_000);
});
