// The benches that time what a clerk sees on screen or prints: the browser host on a bench database and
// Debian's Chromium, logged in as the bench's administrator — as tests/e2e drive the app.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export interface BenchBrowser {
  page: Page;
  url: string;
  close(): Promise<void>;
}

export async function openBenchBrowser(dbPath: string, appVersion: string): Promise<BenchBrowser> {
  const root = path.resolve(import.meta.dirname, '..');
  // Built every time (a few seconds): a renderer left from an older checkout would be timed, or would not
  // answer the current contract at all.
  const { spawnSync } = await import('node:child_process');
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
  if (built.status !== 0 || !fs.existsSync(path.join(root, 'out/renderer/index.html'))) throw new Error('bench: the renderer did not build (npx electron-vite build)');
  const { startHost } = await import('../src/host/server');
  const host = await startHost({
    dbPath,
    rendererDir: path.join(root, 'out/renderer'),
    workerUrl: new URL('../src/core/worker/tsx-worker.mjs', import.meta.url),
    appVersion,
    dailyBackups: false,
  });
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const close = async () => {
    await browser.close();
    await host.close();
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(host.url);
    await page.evaluate(async () => {
      await fetch('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'auth.login', input: { username: 'admin', password: 'bench12345' } }) });
    });
    return { page, url: host.url, close };
  } catch (err) {
    await close();
    throw err;
  }
}
