// The only bridge between the page and the app: `window.streetdesk`, one typed invoke and one event feed.
// Sandboxed preload (bundled to CommonJS): nothing else of Electron or Node reaches the page (printing the
// preview goes through two more invokes, handled in main/print-ipc; choosing a folder through one, in
// main/folder-ipc; the community server's status and applying its saved settings through two, in main/server-ipc).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHOOSE_FOLDER, IPC_EVENT, IPC_INVOKE, IPC_PRINT, IPC_SAVE_PDF, IPC_SERVER_APPLY, IPC_SERVER_STATUS, type StreetDeskBridge } from '../shared/api/bridge';
import type { ServerStatus } from '../shared/api/contract-server';
import type { ApiEvent } from '../shared/api/contract';
import type { Result } from '../shared/result';

const bridge: StreetDeskBridge = {
  invoke(method: string, input: unknown): Promise<Result<unknown>> {
    return ipcRenderer.invoke(IPC_INVOKE, method, input) as Promise<Result<unknown>>;
  },
  onEvent(listener: (event: ApiEvent) => void): () => void {
    // The IPC event object (with its sender) never reaches the page: only the ApiEvent does.
    const forward = (_event: IpcRendererEvent, apiEvent: ApiEvent) => listener(apiEvent);
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward);
    };
  },
  printPage(): Promise<{ ok: boolean; reason: string | null }> {
    return ipcRenderer.invoke(IPC_PRINT) as Promise<{ ok: boolean; reason: string | null }>;
  },
  savePdf(suggestedName: string): Promise<{ path: string | null }> {
    return ipcRenderer.invoke(IPC_SAVE_PDF, suggestedName) as Promise<{ path: string | null }>;
  },
  chooseFolder(title: string): Promise<{ path: string | null }> {
    return ipcRenderer.invoke(IPC_CHOOSE_FOLDER, title) as Promise<{ path: string | null }>;
  },
  serverStatus(): Promise<ServerStatus> {
    return ipcRenderer.invoke(IPC_SERVER_STATUS) as Promise<ServerStatus>;
  },
  applyServer(): Promise<ServerStatus> {
    return ipcRenderer.invoke(IPC_SERVER_APPLY) as Promise<ServerStatus>;
  },
};

contextBridge.exposeInMainWorld('streetdesk', bridge);
