// `npm run serve -- --db FILE [--port N] [--no-daily-backup]`: the full app in a browser on 127.0.0.1.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatError } from '../shared/i18n/messages';
import { AppError } from '../shared/result';
import { readAppVersion } from '../core/app-version';
import { startHost } from './server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        db: { type: 'string' },
        port: { type: 'string', default: '5178' },
        'no-daily-backup': { type: 'boolean', default: false },
        district: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\nUsage: npm run serve -- --db FILE [--port N] [--no-daily-backup] [--district]`);
    return 2;
  }
  if (values.help || !values.db) {
    console.error('Usage: npm run serve -- --db FILE [--port N] [--no-daily-backup] [--district]');
    return values.help ? 0 : 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
    return 2;
  }
  try {
    const host = await startHost({
      dbPath: path.resolve(values.db),
      port,
      rendererDir: path.join(root, 'out/renderer'),
      workerUrl: new URL('../core/worker/tsx-worker.mjs', import.meta.url),
      appVersion: readAppVersion(),
      dailyBackups: !values['no-daily-backup'],
      district: values.district,
    });
    console.log(`StreetDesk is serving ${host.url}`);
    const stop = () => {
      void host.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return -1;
  } catch (err) {
    if (err instanceof AppError) console.error(formatError(err.toApiError(), 'zh-CN'));
    else console.error((err as Error).message);
    return 1;
  }
}

void main().then((code) => {
  if (code >= 0) process.exit(code);
});
