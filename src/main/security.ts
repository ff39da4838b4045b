// What the window may load, open and ask for: only the app's own renderer, nothing else.
// Every webContents gets the same guards, so a page can never leave the app or gain a permission.
import { normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { session, type Session, type WebContents, type WebFrameMain } from 'electron';
import { devRendererUrl, rendererFile } from './app-paths';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True for the app's own renderer page: out/renderer/index.html, or the dev server in `npm run dev`. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const devUrl = devRendererUrl();
  if (devUrl) return parsed.origin === new URL(devUrl).origin;
  if (parsed.protocol !== 'file:') return false;
  parsed.hash = '';
  parsed.search = '';
  return samePath(fileURLToPath(parsed), rendererFile());
}

function samePath(a: string, b: string): boolean {
  const [x, y] = [normalize(a), normalize(b)];
  return process.platform === 'win32' ? x.toLowerCase() === y.toLowerCase() : x === y;
}

/** Only the top frame of the app's own page may call the contract. */
export function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** The CSP header on every response and no permission for anything (camera, notifications, clipboard, ...). */
export function hardenSession(ses: Session = session.defaultSession): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/** Applied to every webContents the app creates (see `app.on('web-contents-created')`). */
export function guardWebContents(contents: WebContents): void {
  const refuseForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-redirect', (event) => refuseForeign(event, event.url));
  // Links never open a browser window from inside the app: a clerk's data stays in the app.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
