// The server for the communities in the desktop shell: started at launch from the saved settings, and
// again whenever an administrator saves them (the page asks main to apply what core holds; the page itself
// never passes a port or a name, so only what an administrator saved through the contract is served).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_SERVER_APPLY, IPC_SERVER_STATUS } from '../shared/api/bridge';
import type { ServerStatus } from '../shared/api/contract-server';
import type { CommunityServer } from '../host/community-server';
import { isTrustedSender } from './security';

/** Registers the two invokes; returns the function that removes them. */
export function serveCommunityServerOverIpc(server: CommunityServer): () => void {
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event.senderFrame);
  ipcMain.handle(IPC_SERVER_STATUS, (event): ServerStatus => (trusted(event) ? server.status() : { state: 'off', urls: [], fingerprint: null, error: null }));
  ipcMain.handle(IPC_SERVER_APPLY, (event): Promise<ServerStatus> | ServerStatus => (trusted(event) ? server.apply() : server.status()));
  return () => {
    ipcMain.removeHandler(IPC_SERVER_STATUS);
    ipcMain.removeHandler(IPC_SERVER_APPLY);
  };
}
