// `npm start`: the desktop app. Where the Electron binary was never downloaded (installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, or its download from GitHub failed), no window can open: say so in one
// line and point at the browser host, instead of a minute of rebuilding and a stack trace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.error(
    'StreetDesk cannot open its window here: the Electron binary is not installed (npm was run with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or its download failed). Use the browser host instead: npm run serve -- --db ./street.db, then open http://127.0.0.1:5178/',
  );
  process.exit(1);
}

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
// better-sqlite3 built for Electron's Node (the tests rebuild it for plain Node: scripts/ensure-native.mjs).
const rebuilt = run('npx', ['electron-builder', 'install-app-deps']);
if (rebuilt !== 0) process.exit(rebuilt);
process.exit(run('npx', ['electron-vite', 'preview']));
