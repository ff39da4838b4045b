// Shared pieces of the end-to-end tests: a browser host of our own per test file (fresh temporary
// database, no daily backup), direct contract calls for arranging data, and the login steps a user takes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { decodeWire, encodeWire } from '../../src/shared/api/wire';
import type { Result } from '../../src/shared/result';
import { freshPgUrl } from '../support/dialect';
import { CLI_BUNDLE } from '../support/cli-bundle';

export { expect, test };

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const READY_LINE = /StreetDesk is serving (http:\/\/127\.0\.0\.1:\d+\/)/;

export interface Host {
  url: string;
  dbPath: string;
}

export const ADMIN = { username: 'admin', displayName: '王丽华', password: 'Dangjian2026' };
export const STREET = { name: '朝阳门街道', code: '110101001', districtName: '东城区' };

export interface HostOptions {
  /**
   * Set the street up through the CLI (STREET, ADMIN) and add this many demo members with `seed-demo`
   * (deterministic: seed 7) before the host starts. Tests then log in as ADMIN without `initialize`.
   */
  seedMembers?: number;
  /** With seedMembers: also a year of the counter's work (`seed-demo --requests`). */
  seedRequests?: number;
  /** With seedMembers: the made-up year's last day (`seed-demo --until`), the CLI's fixed day when not given. */
  seedUntil?: string;
  /** Set a district up through the CLI (`init --district`, ADMIN) and serve it with `--district`. */
  district?: { name: string; code: string };
  /** Set a city up through the CLI (`init --city`, ADMIN). */
  city?: { name: string; code: string };
}

/** `npm run cli` on the test's database; throws with the CLI's output when it fails. */
function runCli(db: string | string[], args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, ...(Array.isArray(db) ? db : ['--db', db]), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'test', ...env },
  });
  if (r.status !== 0) throw new Error(`cli ${args[0]} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

function seedDatabase(dbPath: string, members: number, requests = 0, until?: string): void {
  runCli(
    dbPath,
    ['init', '--street-name', STREET.name, '--street-code', STREET.code, '--district-name', STREET.districtName, '--admin-user', ADMIN.username, '--admin-name', ADMIN.displayName],
    { STREETDESK_PASSWORD: ADMIN.password },
  );
  // seed-demo writes, so it logs in as the administrator like any other write of the CLI.
  runCli(dbPath, ['seed-demo', '--members', String(members), '--requests', String(requests), '--seed', '7', ...(until ? ['--until', until] : [])], {
    STREETDESK_PASSWORD: ADMIN.password,
  });
}

async function startHost(options: HostOptions = {}, postgres = false): Promise<{ host: Host; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-e2e-'));
  const dbPath = path.join(dir, 'streetdesk.db');
  if (options.seedMembers) seedDatabase(dbPath, options.seedMembers, options.seedRequests, options.seedUntil);
  // The `postgres` project: a district's or a city's database goes to the run's PostgreSQL cluster (--pg).
  const pgUrl = (options.district || options.city) && postgres ? await freshPgUrl() : null;
  const dbArgs = pgUrl ? ['--pg', pgUrl, '--data', dir] : ['--db', dbPath];
  if (options.district) {
    const d = options.district;
    runCli(dbArgs, ['init', '--district', '--district-name', d.name, '--district-code', d.code, '--admin-user', ADMIN.username], { STREETDESK_PASSWORD: ADMIN.password });
  }
  if (options.city) {
    const c = options.city;
    runCli(dbArgs, ['init', '--city', '--city-name', c.name, '--city-code', c.code, '--admin-user', ADMIN.username], { STREETDESK_PASSWORD: ADMIN.password });
  }
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/host/index.ts', ...dbArgs, '--port', '0', '--no-daily-backup', ...(options.district ? ['--district'] : [])],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with code ${code} before it was ready:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { host: { url, dbPath }, stop };
}

/** Starts a host for the tests of this file and stops it after them; read `.url` inside a test. */
export function useHost(options: HostOptions = {}): Host {
  const host: Host = { url: '', dbPath: '' };
  let stop: (() => Promise<void>) | null = null;
  // eslint-disable-next-line no-empty-pattern -- Playwright wants the fixtures argument destructured
  test.beforeAll(async ({}, testInfo) => {
    const started = await startHost(options, testInfo.project.name === 'postgres');
    Object.assign(host, started.host);
    stop = started.stop;
  });
  test.afterAll(async () => {
    await stop?.();
  });
  return host;
}

/** One contract call over HTTP, as the page makes it; `cookie` carries a session when given. */
export async function callApi<T = unknown>(
  host: Host,
  method: string,
  input: unknown,
  cookie?: string,
): Promise<{ result: Result<T>; cookie: string | undefined }> {
  const response = await fetch(new URL('/api/call', host.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: encodeWire({ method, input }),
  });
  const setCookie = response.headers.get('set-cookie');
  return {
    result: decodeWire(await response.text()) as Result<T>,
    cookie: setCookie ? setCookie.split(';')[0] : cookie,
  };
}

/** First-run setup through the contract; returns the administrator's session cookie. */
export async function initialize(host: Host): Promise<string> {
  const { result, cookie } = await callApi(host, 'setup.initialize', {
    street: STREET,
    admin: ADMIN,
    language: 'zh-CN',
  });
  if (!result.ok) throw new Error(`setup.initialize failed: ${JSON.stringify(result.error)}`);
  return cookie!;
}

/** Adds a user through the contract with the administrator's cookie. */
export async function createUser(
  host: Host,
  adminCookie: string,
  user: { username: string; displayName: string; role: 'admin' | 'clerk' | 'viewer'; password: string },
): Promise<void> {
  const { result } = await callApi(host, 'users.create', { ...user, scopeCommunityCode: null }, adminCookie);
  if (!result.ok) throw new Error(`users.create failed: ${JSON.stringify(result.error)}`);
}

/** Types the user name and password on the login page and presses Enter. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
}

/** Opens the app and logs in; waits for the shell's home page in its menu (a street's overview, a district's returns). */
export async function login(page: Page, host: Host, username: string, password: string): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await submitLogin(page, username, password);
  await expect(page.getByRole('menuitem', { name: /工作台首页|各街道月报|各区月报/ })).toBeVisible();
}

/** Logs out through the user menu. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /用户菜单|User menu/ }).click();
  await page.getByRole('menuitem', { name: /退出登录|Log out/ }).click();
  await expect(page.getByRole('button', { name: /^(登录|Log in)$/ })).toBeVisible();
}

/**
 * Fails each test of this file that logs an error on the page's console (AG Grid, for one, reports a
 * feature whose module is not registered only there).
 */
export function failOnConsoleErrors(): void {
  let errors: string[] = [];
  test.beforeEach(({ page }) => {
    errors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  });
  test.afterEach(() => {
    expect(errors).toEqual([]);
  });
}
