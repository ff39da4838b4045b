// Electron smoke test: the real desktop app starts on a fresh database, shows the first-run page, exposes only
// the bridge to the page and closes its database cleanly. Skipped, with the reason printed, where the Electron
// binary is not installed (these build machines cannot download it); never run against a fake Electron.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT_FILES = ['out/main/index.js', 'out/main/worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const PRODUCT_TITLE = '街道党建工作台';
const START_FAILURE = /StreetDesk could not start its core/;
const NATIVE_MODULE_MISMATCH = /NODE_MODULE_VERSION|better_sqlite3\.node|was compiled against a different Node\.js version/;

const skipReason = electronMissingReason();
if (skipReason) console.warn(`Electron smoke test skipped: ${skipReason}`);

describe('Electron desktop app', () => {
  it.skipIf(skipReason !== null)(
    'starts on the first-run page with only window.streetdesk exposed, and closes its database cleanly',
    async () => {
      buildIfMissing();
      const workDir = mkdtempSync(join(tmpdir(), 'streetdesk-smoke-'));
      const dbFile = join(workDir, 'smoke.db');
      const { _electron } = await import('playwright-core');
      const app = await _electron.launch({
        args: ['.'],
        cwd: ROOT,
        env: appEnvironment({ STREETDESK_DB: dbFile, STREETDESK_USER_DATA: join(workDir, 'user-data') }),
        timeout: 60_000,
      });
      const output = watchOutput(app.process());
      let closed = false;
      try {
        const page = await Promise.race([app.firstWindow({ timeout: 60_000 }), output.startFailure]);
        await page.getByText('首次设置').first().waitFor({ timeout: 30_000 });

        const windowTitle = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
        expect(windowTitle).toBe(PRODUCT_TITLE);

        const pageGlobals = await page.evaluate(() => {
          const scope = globalThis as unknown as Record<string, unknown>;
          const bridge = scope.streetdesk as Record<string, unknown> | undefined;
          return {
            bridge: bridge ? Object.keys(bridge).sort() : null,
            require: typeof scope.require,
            process: typeof scope.process,
          };
        });
        expect(pageGlobals).toEqual({ bridge: ['invoke', 'onEvent'], require: 'undefined', process: 'undefined' });

        const status = await page.evaluate(() => {
          const scope = globalThis as unknown as { streetdesk: { invoke(m: string, i: unknown): Promise<unknown> } };
          return scope.streetdesk.invoke('app.status', {});
        });
        expect(status).toMatchObject({ ok: true, value: { initialized: false } });

        await app.close();
        closed = true;
        expect(existsSync(dbFile)).toBe(true);
        // The quit waited for core to close the database: SQLite folds the WAL back in and removes it.
        expect(existsSync(`${dbFile}-wal`)).toBe(false);
      } finally {
        if (!closed) app.process().kill();
        rmSync(workDir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

function electronMissingReason(): string | null {
  let binary: unknown;
  try {
    // The electron package's main export is the path of the downloaded binary; it throws when there is none.
    binary = createRequire(import.meta.url)('electron');
  } catch {
    return 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD / no access to its download host)';
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return `the Electron binary is not installed (expected at ${String(binary)})`;
  }
  return null;
}

function buildIfMissing(): void {
  if (BUILT_FILES.every((file) => existsSync(join(ROOT, file)))) return;
  const electronVite = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  execFileSync(process.execPath, [electronVite, 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/** The test's environment for the app, without anything that would point it at a dev server or run it as Node. */
function appEnvironment(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RENDERER_URL' && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  }
  return { ...env, ...extra };
}

/** Collects the app's output and turns the main process's start-failure report into a test failure. */
function watchOutput(child: ChildProcess): { startFailure: Promise<never> } {
  let text = '';
  let failed = false;
  const startFailure = new Promise<never>((_resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (failed || !START_FAILURE.test(text)) return;
      failed = true;
      // Give the error's remaining lines a moment to arrive before reporting.
      setTimeout(() => reject(new Error(describeStartFailure(text))), 200);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
  startFailure.catch(() => {}); // only reported when it wins the race
  return { startFailure };
}

function describeStartFailure(output: string): string {
  if (NATIVE_MODULE_MISMATCH.test(output)) {
    return (
      'better-sqlite3 is compiled for Node, not for Electron: run `npx electron-builder install-app-deps` ' +
      `first (and rebuild for Node before the other tests).\n${output}`
    );
  }
  return `StreetDesk could not start under Electron:\n${output}`;
}
