// Printing from the print preview: the system print dialog (webContents.print) and a PDF of the preview
// (webContents.printToPDF with the page's own CSS size) saved where the user picks. Thin, like contract-ipc.
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_PRINT, IPC_SAVE_PDF } from '../shared/api/bridge';
import { isTrustedSender } from './security';

/** Registers the two print handlers; returns the function that removes them. */
export function servePrintOverIpc(): () => void {
  const printPage = (event: IpcMainInvokeEvent) =>
    new Promise<{ ok: boolean; reason: string | null }>((resolve) => {
      if (!isTrustedSender(event.senderFrame)) return resolve({ ok: false, reason: 'forbidden' });
      // The sheets carry their own margins and @page size: the printer adds none.
      event.sender.print({ silent: false, printBackground: true, margins: { marginType: 'none' } }, (ok, reason) => resolve({ ok, reason: ok ? null : reason }));
    });

  const savePdf = async (event: IpcMainInvokeEvent, suggestedName: unknown): Promise<{ path: string | null }> => {
    if (!isTrustedSender(event.senderFrame) || typeof suggestedName !== 'string') return { path: null };
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: suggestedName.replace(/[\\/:*?"<>|]/g, '_'), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { path: null };
    const pdf = await event.sender.printToPDF({ preferCSSPageSize: true, printBackground: true, margins: { marginType: 'none' } });
    await writeFile(choice.filePath, pdf);
    return { path: choice.filePath };
  };

  ipcMain.handle(IPC_PRINT, printPage);
  ipcMain.handle(IPC_SAVE_PDF, savePdf);
  return () => {
    ipcMain.removeHandler(IPC_PRINT);
    ipcMain.removeHandler(IPC_SAVE_PDF);
  };
}
