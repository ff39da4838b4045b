// Serves the contract over IPC: one invoke channel into core, one event channel back to the windows.
// Each window's session token stays here, keyed by webContents id; the page never sees it.
import { BrowserWindow, ipcMain, webContents, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../shared/api/bridge';
import { SESSION_OPENING_METHODS, type ApiEvent } from '../shared/api/contract';
import type { Language } from '../shared/api/schemas';
import { languageOfAnswer } from '../shared/i18n/app-menu';
import type { Result } from '../shared/result';
import type { CoreClient } from '../core/worker/core-client';
import { isTrustedSender } from './security';

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Only the StreetDesk window may call the application' },
};

/**
 * Registers the IPC handler and the event routing; returns the function that removes both. `onLanguage` hears
 * the language of the logged-in user whenever an answer names it (login, session, a change of language).
 */
export function serveContractOverIpc(client: CoreClient, onLanguage: (lang: Language) => void = () => undefined): () => void {
  const tokens = new Map<number, string>();
  const watched = new Set<number>();

  const invoke = async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame) || typeof method !== 'string') return REFUSED;
    const id = event.sender.id;
    const result = await client.call(method, input, tokens.get(id) ?? null);
    if (method === 'auth.logout') tokens.delete(id);
    const language = result.ok ? languageOfAnswer(method, result.value) : null;
    if (language) onLanguage(language);
    if (!result.ok || !(SESSION_OPENING_METHODS as readonly string[]).includes(method)) return result;
    const token = takeToken(result.value);
    if (token === null) return result;
    if (event.sender.isDestroyed()) {
      void client.call('auth.logout', {}, token.token);
      return REFUSED;
    }
    endSessionWithWindow(event.sender);
    tokens.set(id, token.token);
    return { ok: true, value: token.rest };
  };

  /** A closed window's session ends in core too, so it cannot outlive the window. */
  const endSessionWithWindow = (contents: WebContents) => {
    const id = contents.id;
    if (watched.has(id)) return;
    watched.add(id);
    contents.once('destroyed', () => {
      watched.delete(id);
      const token = tokens.get(id);
      tokens.delete(id);
      if (token) void client.call('auth.logout', {}, token);
    });
  };

  const route = (token: string | null, event: ApiEvent) => {
    const owners = [...tokens].filter(([, t]) => token === null || t === token).map(([id]) => id);
    if (event.type === 'session-ended') for (const id of owners) tokens.delete(id);
    const targets =
      token === null ? BrowserWindow.getAllWindows().map((win) => win.webContents) : owners.map((id) => webContents.fromId(id));
    for (const contents of targets) {
      if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT, event);
    }
  };

  ipcMain.handle(IPC_INVOKE, invoke);
  const stopEvents = client.onEvent(route);
  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    stopEvents();
  };
}

/** Splits a session-opening result into the token (kept here) and the rest (for the page). */
function takeToken(value: unknown): { token: string; rest: Record<string, unknown> } | null {
  if (!value || typeof value !== 'object') return null;
  const { token, ...rest } = value as Record<string, unknown>;
  return typeof token === 'string' ? { token, rest } : null;
}
