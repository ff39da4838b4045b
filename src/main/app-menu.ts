// The application menu in Chinese, built from Electron's roles so shortcuts and behaviour are the platform's.
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { PRODUCT_TITLE } from './app-paths';

export function installAppMenu(getWindow: () => BrowserWindow | null): void {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!app.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });

  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '帮助',
      submenu: [{ label: `关于 ${PRODUCT_TITLE}`, click: () => void showAbout(getWindow()) }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function showAbout(parent: BrowserWindow | null): Promise<void> {
  const options = {
    type: 'info' as const,
    title: `关于 ${PRODUCT_TITLE}`,
    message: PRODUCT_TITLE,
    detail: `StreetDesk 版本 ${app.getVersion()}`,
    buttons: ['确定'],
    noLink: true,
  };
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}
