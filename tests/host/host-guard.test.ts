// The browser host's doors for a page of another site and for a password guesser: a call must come from
// the app's own pages (Origin, Sec-Fetch-Site), the event stream needs a live session, and logins are slowed
// by source and name before they reach the core — so guessing user names neither runs unchecked nor floods
// the audit log.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../src/host/server';
import { FAILURES_PER_NAME, LoginThrottle, WINDOW_MS } from '../../src/host/login-throttle';
import { decodeWire, encodeWire } from '../../src/shared/api/wire';
import type { Result } from '../../src/shared/result';
import { makeTempDir } from '../support/factory';

const WORKER_URL = new URL('../../src/core/worker/tsx-worker.mjs', import.meta.url);
const ADMIN = { username: 'admin', displayName: '王丽华', password: 'Dangjian2026' };
let host: RunningHost;
let dir = '';
let adminCookie = '';

async function call<T>(method: string, input: unknown, headers: Record<string, string> = {}): Promise<{ status: number; result: Result<T> | null; cookie?: string }> {
  const res = await fetch(new URL('/api/call', host.url), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: encodeWire({ method, input }) });
  const text = await res.text();
  return { status: res.status, result: res.status === 200 ? (decodeWire(text) as Result<T>) : null, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

beforeAll(async () => {
  dir = makeTempDir('streetdesk-guard-');
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>StreetDesk</title>');
  host = await startHost({ dbPath: path.join(dir, 'street.db'), rendererDir: renderer, workerUrl: WORKER_URL, appVersion: '0.1.0', dailyBackups: false });
  const setup = await call('setup.initialize', { street: { name: '朝阳门街道', code: '110101001', districtName: '东城区' }, admin: ADMIN, language: 'zh-CN' });
  adminCookie = setup.cookie!;
}, 60_000);

afterAll(async () => {
  await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('calls from another site', () => {
  it('are refused when the browser says the page is another site’s, with or without Origin', async () => {
    const own = `http://127.0.0.1:${host.port}`;
    expect((await call('auth.session', {}, { Cookie: adminCookie, Origin: own, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await call('auth.session', {}, { Cookie: adminCookie, Origin: 'http://evil.example' })).status).toBe(403);
    // A cross-site Referer without Origin: the browser still says cross-site.
    expect((await call('auth.session', {}, { Cookie: adminCookie, Referer: 'http://evil.example/page', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await call('auth.session', {}, { Cookie: adminCookie, 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
  });
});

describe('the event stream', () => {
  it('opens for a live session only, never for a made-up cookie', async () => {
    const bogus = await fetch(new URL('/api/events', host.url), { headers: { Cookie: 'streetdesk_session=made-up-token' } });
    expect(bogus.status).toBe(401);
    const controller = new AbortController();
    const live = await fetch(new URL('/api/events', host.url), { headers: { Cookie: adminCookie }, signal: controller.signal });
    expect(live.status).toBe(200);
    controller.abort();
  });
});

describe('logins over the network', () => {
  it('after five failures of one name the source waits, the core is not asked, and the audit log does not grow', async () => {
    const audit = async () => ((await call<{ total: number }>('audit.list', { action: 'auth.loginFailed', limit: 1 }, { Cookie: adminCookie })).result as { ok: true; value: { total: number } }).value.total;
    const before = await audit();
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await call('auth.login', { username: 'nobody', password: `guess${i}` });
      codes.push(r.result?.ok === false ? r.result.error.code : 'ok');
    }
    expect(codes.slice(0, FAILURES_PER_NAME)).toEqual(Array(FAILURES_PER_NAME).fill('INVALID_CREDENTIALS'));
    expect(new Set(codes.slice(FAILURES_PER_NAME))).toEqual(new Set(['TOO_MANY_ATTEMPTS']));
    const refused = await call('auth.login', { username: 'nobody', password: 'x' }, { 'Accept-Language': 'zh-CN' });
    expect(refused.result?.ok === false && refused.result.error.message).toMatch(/^登录失败次数过多，请 \d+ 秒后再试$/);
    expect((await audit()) - before).toBe(FAILURES_PER_NAME);
    // Another name from the same source still logs in.
    expect((await call('auth.login', { username: ADMIN.username, password: ADMIN.password })).result?.ok).toBe(true);
  });
});

describe('the throttle’s rule', () => {
  it('doubles the wait with each further failure, forgets after the window, and a success clears the name', () => {
    let now = 0;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < FAILURES_PER_NAME; i++) t.failed('10.0.0.2', 'Zhang');
    expect(t.waitFor('10.0.0.2', 'zhang')).toBe(30_000);
    expect(t.waitFor('10.0.0.3', 'zhang')).toBe(0);
    now += 30_000;
    t.failed('10.0.0.2', 'zhang');
    expect(t.waitFor('10.0.0.2', 'zhang')).toBe(60_000);
    now += WINDOW_MS;
    expect(t.waitFor('10.0.0.2', 'zhang')).toBe(0);
    t.succeeded('10.0.0.2', 'zhang');
    t.failed('10.0.0.2', 'zhang');
    expect(t.waitFor('10.0.0.2', 'zhang')).toBe(0);
  });

  it('slows a source trying many names', () => {
    const now = 0;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < 20; i++) t.failed('10.0.0.9', `user${i}`);
    expect(t.waitFor('10.0.0.9', 'someone-else')).toBe(WINDOW_MS);
  });
});
