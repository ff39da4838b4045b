// The Electron shell: one instance, one window, the application core in a worker thread, and a clean close
// of the database on quit. Everything a clerk does is served by core through the contract (see contract-ipc).
import { dirname, join, resolve } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { CoreClient } from '../core/worker/core-client';
import { CommunityServer } from '../host/community-server';
import { RotatingLog } from '../host/log';
import { formatError } from '../shared/i18n/messages';
import { AppError } from '../shared/result';
import { installAppMenu } from './app-menu';
import { desktopAuditKey } from './audit-key';
import { PRODUCT_TITLE, coreWorkerUrl, databasePath, rendererFile } from './app-paths';
import { serveContractOverIpc } from './contract-ipc';
import { servePrintOverIpc } from './print-ipc';
import { serveFolderChooserOverIpc } from './folder-ipc';
import { serveCommunityServerOverIpc } from './server-ipc';
import { createMainWindow, focusWindow } from './main-window';
import { guardWebContents, hardenSession } from './security';

/** How long a quit waits for core to finish its calls and checkpoint the database; SQLite's WAL covers the rest. */
const CORE_CLOSE_TIMEOUT_MS = 15_000;

// A separate user-data folder (window state, single-instance lock) for the smoke test and side-by-side runs.
if (process.env.STREETDESK_USER_DATA) app.setPath('userData', resolve(process.env.STREETDESK_USER_DATA));

if (app.requestSingleInstanceLock()) {
  void runShell();
} else {
  app.quit(); // the running instance comes to the front (see 'second-instance')
}

async function runShell(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  let client: CoreClient | null = null;
  let server: CommunityServer | null = null;
  let serverLog: RotatingLog | null = null;
  let coreClosing: Promise<void> | null = null;
  let coreClosed = false;

  app.enableSandbox();
  app.setAppUserModelId('cn.streetdesk.app');
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('second-instance', () => {
    if (mainWindow && !mainWindow.isDestroyed()) focusWindow(mainWindow);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!client || coreClosed) return;
    event.preventDefault();
    const core = client;
    // The server for the communities first (it lets an upload in flight finish), then the core it served from.
    coreClosing ??= stopServer(server, serverLog)
      .then(() => closeCore(core))
      .finally(() => {
        coreClosed = true;
        app.quit();
      });
  });

  // The database opens once Electron is ready: the audit key comes from the OS's protected storage, which
  // on Linux is only there after 'ready'.
  const starting = app.whenReady().then(() => {
    const auditKey = desktopAuditKey();
    return CoreClient.start({ dbPath: databasePath(), workerUrl: coreWorkerUrl(), appVersion: app.getVersion(), ...(auditKey ? { auditKey } : {}) });
  });
  const [, started] = await Promise.all([
    app.whenReady(),
    starting.then(
      (core) => ({ core }),
      (error: unknown) => ({ error }),
    ),
  ]);
  if ('error' in started) {
    reportStartFailure(started.error);
    app.quit();
    return;
  }

  client = started.core;
  hardenSession();
  // The menu speaks the language of the user logged in, as the window does.
  const setMenuLanguage = installAppMenu(() => mainWindow);
  serveContractOverIpc(started.core, setMenuLanguage);
  servePrintOverIpc();
  serveFolderChooserOverIpc();
  // Serving the communities on the network, when an administrator turned it on (settings → 联网服务).
  serverLog = new RotatingLog(join(app.getPath('userData'), 'logs', 'server.log'));
  server = new CommunityServer({ client, dbPath: databasePath(), rendererDir: dirname(rendererFile()), appVersion: app.getVersion(), log: serverLog.write });
  serveCommunityServerOverIpc(server);
  void server.apply().then((status) => {
    if (status.state === 'failed') console.error(`StreetDesk server did not start: ${status.error}`);
  });
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function stopServer(server: CommunityServer | null, log: RotatingLog | null): Promise<void> {
  try {
    await server?.stop();
  } catch (error) {
    console.error('StreetDesk server did not stop cleanly:', error);
  } finally {
    log?.close();
  }
}

async function closeCore(client: CoreClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((done) => {
    timer = setTimeout(() => {
      console.error(`StreetDesk core did not close within ${CORE_CLOSE_TIMEOUT_MS} ms; quitting anyway`);
      done();
    }, CORE_CLOSE_TIMEOUT_MS);
  });
  try {
    await Promise.race([client.close(), timeout]);
  } catch (error) {
    console.error('StreetDesk core did not close cleanly:', error);
  } finally {
    clearTimeout(timer);
  }
}

/** The refused database (or a core that cannot start) in the clerk's words; the technical cause goes to stderr. */
function reportStartFailure(error: unknown): void {
  console.error('StreetDesk could not start its core:', error);
  const text =
    error instanceof AppError
      ? formatError(error, 'zh-CN')
      : formatError({ code: 'INTERNAL', details: { ref: firstLine(error) } }, 'zh-CN');
  dialog.showErrorBox(PRODUCT_TITLE, text);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 200);
}
