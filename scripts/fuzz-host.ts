// The browser host `npm run fuzz` sends its request cases to: the host of src/host/index.ts (district mode,
// so the upload endpoint listens too) on a free port, serving the built renderer when there is one and a
// one-page stand-in otherwise (the fuzz tests the server, not the pages; a build takes minutes).
//   node --import tsx scripts/fuzz-host.ts DB RENDERER-DIR
import path from 'node:path';
import { readAppVersion } from '../src/core/app-version';
import { startHost } from '../src/host/server';

const [db, rendererDir] = process.argv.slice(2);
const host = await startHost({
  dbPath: path.resolve(db),
  port: 0,
  rendererDir,
  workerUrl: new URL('../src/core/worker/tsx-worker.mjs', import.meta.url),
  appVersion: readAppVersion(),
  dailyBackups: false,
  district: true,
  // The fuzz sends every hostile package as one street: the rate limit would answer most with 429 unread.
  uploadLimits: { uploadsPerMinute: 1_000_000 },
});
console.log(`StreetDesk is serving ${host.url}`);
process.on('SIGTERM', () => void host.close().then(() => process.exit(0)));
