// What the preload exposes on `window.streetdesk`, and what the browser host's HTTP transport mimics.
import type { ApiEvent } from './contract';
import type { Result } from '../result';
import type { ServerStatus } from './contract-server';

export interface StreetDeskBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Returns the function that unsubscribes. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Electron only: the system print dialog for this window's print preview. */
  printPage?(): Promise<{ ok: boolean; reason: string | null }>;
  /** Electron only: the preview as a PDF, saved where the user picks; `path` null when cancelled. */
  savePdf?(suggestedName: string): Promise<{ path: string | null }>;
  /** Electron only: the system's folder dialog; `path` null when cancelled. */
  chooseFolder?(title: string): Promise<{ path: string | null }>;
  /** Electron only: the server this PC runs for its communities (or, on a district, its streets). */
  serverStatus?(): Promise<ServerStatus>;
  /** Electron only: makes the server match the settings saved with `server.saveSettings`, and says how it stands. */
  applyServer?(): Promise<ServerStatus>;
}

/** The single IPC channel names used by main and preload. */
export const IPC_INVOKE = 'streetdesk:invoke';
export const IPC_EVENT = 'streetdesk:event';
export const IPC_PRINT = 'streetdesk:print';
export const IPC_SAVE_PDF = 'streetdesk:save-pdf';
export const IPC_CHOOSE_FOLDER = 'streetdesk:choose-folder';
export const IPC_SERVER_STATUS = 'streetdesk:server-status';
export const IPC_SERVER_APPLY = 'streetdesk:server-apply';

/** Browser host routes: POST {method, input} → Result, and a server-sent event stream. */
export const HTTP_CALL_PATH = '/api/call';
export const HTTP_EVENTS_PATH = '/api/events';
export const SESSION_COOKIE = 'streetdesk_session';
