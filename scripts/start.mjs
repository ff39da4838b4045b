// `npm start`: the desktop app. Without the Electron binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1,
// or its download failed) there is no window to open: say so in one line and point to the browser host,
// instead of spending minutes rebuilding native modules for an Electron that is not there.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const p = require('electron'); // the binary's path, or throws when it was never downloaded
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.error(
    'npm start: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or no download), so no window can open — use `npm run serve -- --db ./street.db` and open http://127.0.0.1:5178/ in a browser.',
  );
  process.exit(1);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
for (const args of [['electron-builder', 'install-app-deps'], ['electron-vite', 'preview']]) {
  const r = spawnSync(npx, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
