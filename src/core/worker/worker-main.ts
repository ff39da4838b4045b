// The worker thread that owns the database: opens it, answers calls from the CoreClient one message at a
// time (better-sqlite3 is synchronous, so each transaction runs whole), pushes events, runs daily backups.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/result';
import { StreetDeskApp } from '../app';
import { givenAuditKey } from '../services/audit-key';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

const port = parentPort;
if (!port) throw new Error('worker-main must run in a worker thread');
const init = workerData as WorkerInit;
const post = (msg: FromWorker) => port.postMessage(msg);
const HOUR = 60 * 60 * 1000;

let app: StreetDeskApp;
try {
  const auditKey = init.auditKey ? givenAuditKey(init.auditKey.secret, init.auditKey.folder) : undefined;
  app = new StreetDeskApp({ dbPath: init.dbPath, ...(init.pgUrl ? { pgUrl: init.pgUrl } : {}), appVersion: init.appVersion, ...(auditKey ? { auditKey } : {}) });
} catch (err) {
  const error =
    err instanceof AppError ? err.toApiError() : { code: 'INTERNAL' as const, message: err instanceof Error ? err.message : String(err) };
  post({ type: 'failed', error });
  process.exit(0);
}

app.onEvent((token, event) => post({ type: 'event', token, event }));
post({ type: 'ready' });

let backupTimer: NodeJS.Timeout | null = null;
if (init.dailyBackups) {
  const check = () =>
    app.runDailyBackup().catch((err: unknown) => console.error('[streetdesk] daily backup failed:', err));
  void check();
  backupTimer = setInterval(check, HOUR);
  backupTimer.unref();
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'call') {
    void app.call(msg.method, msg.input, msg.token).then((result) => post({ type: 'result', id: msg.id, result }));
  } else if (msg.type === 'close') {
    if (backupTimer) clearInterval(backupTimer);
    app.close();
    post({ type: 'closed' });
    port.close();
  }
});
