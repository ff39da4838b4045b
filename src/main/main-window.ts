// The one application window: locked-down web preferences, remembered bounds, the renderer page.
import { app, BrowserWindow } from 'electron';
import {
  PRODUCT_TITLE,
  devRendererUrl,
  preloadFile,
  rendererFile,
  windowIconFile,
  windowStateFile,
} from './app-paths';
import { MINIMUM_SIZE, loadWindowState, rememberWindowState } from './window-state';

export function createMainWindow(): BrowserWindow {
  const stateFile = windowStateFile();
  const state = loadWindowState(stateFile);
  const icon = windowIconFile();
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: MINIMUM_SIZE.width,
    minHeight: MINIMUM_SIZE.height,
    title: PRODUCT_TITLE,
    show: false,
    backgroundColor: '#ffffff',
    ...(icon ? { icon } : {}),
    webPreferences: {
      preload: preloadFile(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !app.isPackaged,
      spellcheck: false,
    },
  });
  rememberWindowState(win, stateFile);
  // The taskbar always names the product, whatever the page calls itself.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });

  const devUrl = devRendererUrl();
  const loading = devUrl ? win.loadURL(devUrl) : win.loadFile(rendererFile());
  loading.catch((error: unknown) => console.error('Could not load the StreetDesk page:', error));
  return win;
}

/** Brings the window to the front (a second start of the program lands here). */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
