// Where the shell finds its own built pieces (resolved from the built main file, out/main/index.js) and the
// user's files. In a packaged build the core worker runs from app.asar.unpacked (see electron-builder.yml).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';

export const PRODUCT_TITLE = '街道党建工作台';

/** The database: `userData/streetdesk.db`, or the file named by STREETDESK_DB (the smoke test uses it). */
export function databasePath(): string {
  const override = process.env.STREETDESK_DB;
  return override ? resolve(override) : join(app.getPath('userData'), 'streetdesk.db');
}

export function windowStateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

export function preloadFile(): string {
  return fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
}

export function rendererFile(): string {
  return fileURLToPath(new URL('../renderer/index.html', import.meta.url));
}

export function windowIconFile(): string | undefined {
  const icon = fileURLToPath(new URL('../../resources/icon.png', import.meta.url));
  return existsSync(icon) ? icon : undefined;
}

/** The dev server electron-vite starts for `npm run dev`; a packaged build never loads a URL from the environment. */
export function devRendererUrl(): string | null {
  const url = process.env.ELECTRON_RENDERER_URL;
  return !app.isPackaged && url ? url : null;
}

/**
 * The core worker script. Packaged, it is loaded from app.asar.unpacked: a worker thread resolving ES modules
 * and a native module from inside the asar archive is not something we can test here, real files always work.
 */
export function coreWorkerUrl(): URL {
  const inArchive = new URL('./worker.js', import.meta.url);
  const unpacked = new URL(inArchive.href.replace(/\/app\.asar\//, '/app.asar.unpacked/'));
  return unpacked.href !== inArchive.href && existsSync(fileURLToPath(unpacked)) ? unpacked : inArchive;
}
