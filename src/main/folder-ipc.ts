// Choosing a folder (the USB stick or any folder a package is written to) with the system's own dialog.
// The page only gets the chosen path back; writing happens in the core, which checks the folder again.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHOOSE_FOLDER } from '../shared/api/bridge';
import { isTrustedSender } from './security';

/** Registers the folder chooser; returns the function that removes it. */
export function serveFolderChooserOverIpc(): () => void {
  const choose = async (event: IpcMainInvokeEvent, title: unknown): Promise<{ path: string | null }> => {
    if (!isTrustedSender(event.senderFrame)) return { path: null };
    const window = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = { title: typeof title === 'string' ? title : undefined, properties: ['openDirectory', 'createDirectory'] };
    const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return { path: choice.canceled || choice.filePaths.length === 0 ? null : choice.filePaths[0] };
  };
  ipcMain.handle(IPC_CHOOSE_FOLDER, choose);
  return () => ipcMain.removeHandler(IPC_CHOOSE_FOLDER);
}
