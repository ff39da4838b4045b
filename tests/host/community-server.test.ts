// The desktop app serving its street's communities (issue 13): an administrator saves the settings, the
// shell applies them, and a community clerk on another PC (here 127.0.0.1 with the public name as Host)
// logs in over HTTPS and sees only their community — served by the same core the desktop window uses,
// which stays open when the server is stopped, moved to another port, or cannot start.
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/worker/core-client';
import { CommunityServer } from '../../src/host/community-server';
import { formatError } from '../../src/shared/i18n/messages';
import type { Result } from '../../src/shared/result';
import { makeTempDir } from '../support/factory';

const WORKER_URL = new URL('../../src/core/worker/tsx-worker.mjs', import.meta.url);
const NAME = 'jiedao-pc.gov.local';
const PASSWORD = 'Dangjian2026';
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface Answer {
  status: number;
  cookie: string | null;
  body: Result<unknown> | null;
}

/** A call from a community PC's browser: HTTPS to the public name (connected to 127.0.0.1), trusting exactly `cert`. */
function remoteCall(port: number, cert: string, method: string, input: unknown, cookie?: string): Promise<Answer> {
  const host = `${NAME}:${port}`;
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/call',
        method: 'POST',
        ca: cert,
        servername: 'localhost',
        agent: false,
        headers: { Host: host, Origin: `https://${host}`, 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const set = res.headers['set-cookie']?.[0];
          resolve({ status: res.statusCode ?? 0, cookie: set ? set.split(';')[0] : null, body: text.startsWith('{') ? (JSON.parse(text) as Result<unknown>) : null });
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ method, input }));
  });
}

async function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function street() {
  const dir = makeTempDir('streetdesk-serve-');
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>StreetDesk</title>');
  const dbPath = path.join(dir, 'street.db');
  const client = await CoreClient.start({ dbPath, workerUrl: WORKER_URL, appVersion: '0.1.0', dailyBackups: false });
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }), () => client.close());
  const call = async <T>(method: string, input: unknown, token: string | null): Promise<T> => {
    const r = await client.call(method, input, token);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  const { token } = await call<{ token: string }>('setup.initialize', { street: { name: '朝阳门街道', code: '110101001', districtName: '东城区' }, admin: { username: 'admin', displayName: '王丽华', password: PASSWORD }, language: 'zh-CN' }, null);
  await call('demo.seed', { members: 80, seed: 3 }, token);
  const server = new CommunityServer({ client, dbPath, rendererDir: renderer, appVersion: '0.1.0', listen: '0.0.0.0' });
  cleanup.push(() => server.stop());
  return { client, call, token, server, dbPath };
}

describe('the desktop app serving its communities', () => {
  it('serves a community clerk over HTTPS from the saved settings, only their community, on the window’s own core', async () => {
    const s = await street();
    const communities = await s.call<{ id: number; name: string; divisionCode: string }[]>('communities.list', {}, s.token);
    const mine = communities[0];
    await s.call('users.create', { username: 'shequ', displayName: '社区书记', role: 'clerk', scopeCommunityCode: mine.divisionCode, password: PASSWORD }, s.token);

    // Off until an administrator turns it on.
    expect(await s.server.apply()).toEqual({ state: 'off', urls: [], fingerprint: null, error: null });

    const port = await freePort();
    await s.call('server.saveSettings', { enabled: true, port, publicNames: [NAME] }, s.token);
    const on = await s.server.apply();
    expect(on).toMatchObject({ state: 'running', urls: [`https://${NAME}:${port}/`], error: null });
    // The certificate was made beside the database; its fingerprint is what the clerks compare.
    const cert = fs.readFileSync(`${s.dbPath}.tls/cert.pem`, 'utf8');
    expect(on.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const login = await remoteCall(port, cert, 'auth.login', { username: 'shequ', password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.cookie).toMatch(/^streetdesk_session=/);
    const listed = await remoteCall(port, cert, 'members.list', {}, login.cookie!);
    const rows = (listed.body as { ok: true; value: { total: number; members: { community: string | null }[] } }).value;
    const all = await s.call<{ total: number }>('members.list', {}, s.token);
    expect(rows.total).toBeGreaterThan(0);
    expect(rows.total).toBeLessThan(all.total);
    expect(new Set(rows.members.map((m) => m.community))).toEqual(new Set([mine.name]));
    // A page of another community is refused naming the community scope.
    const other = communities.find((c) => c.id !== mine.id)!;
    const refusedSave = await remoteCall(port, cert, 'communities.save', { id: other.id, name: other.name, divisionCode: other.divisionCode }, login.cookie!);
    expect(refusedSave.body?.ok).toBe(false);

    // Moved to another port: the old one closes, the certificate stays the same.
    const port2 = await freePort();
    await s.call('server.saveSettings', { enabled: true, port: port2, publicNames: [NAME] }, s.token);
    const moved = await s.server.apply();
    expect(moved).toMatchObject({ state: 'running', urls: [`https://${NAME}:${port2}/`], fingerprint: on.fingerprint });
    expect(await refused(port)).toBe(true);
    expect((await remoteCall(port2, cert, 'auth.session', {})).status).toBe(200);

    // Turned off: nothing listens, and the window's core still answers.
    await s.call('server.saveSettings', { enabled: false, port: port2, publicNames: [NAME] }, s.token);
    expect((await s.server.apply()).state).toBe('off');
    expect(await refused(port2)).toBe(true);
    expect((await s.client.call('auth.session', {}, s.token)).ok).toBe(true);
  }, 60_000);

  it('says so when the port is taken, and keeps the window working; bad settings are refused naming the field', async () => {
    const s = await street();
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', resolve));
    cleanup.push(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as net.AddressInfo).port;
    await s.call('server.saveSettings', { enabled: true, port, publicNames: [] }, s.token);
    const failed = await s.server.apply();
    expect(failed).toMatchObject({ state: 'failed', urls: [], fingerprint: null });
    expect(failed.error).toContain(`端口 ${port} 已被本机其他程序占用`);
    expect((await s.client.call('auth.session', {}, s.token)).ok).toBe(true);

    const before = await s.call('server.settings', {}, null);
    for (const [input, field, text] of [
      [{ enabled: true, port: 80, publicNames: [] }, 'port', '端口：不能小于 1024'],
      [{ enabled: true, port: 8443, publicNames: ['街道 电脑'] }, 'publicNames', '须为主机名或 IPv4 地址'],
      [{ enabled: true, port: 8443, publicNames: [NAME, NAME.toUpperCase()] }, 'publicNames', '有重复的名称'],
    ] as const) {
      const r = await s.client.call('server.saveSettings', input, s.token);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.details?.issues?.[0]?.field).toMatch(new RegExp(`^${field}`));
      expect(formatError(r.error, 'zh-CN')).toContain(text);
    }
    expect(await s.call('server.settings', {}, null)).toEqual(before);
  }, 60_000);
});
