// The application menu, built from Electron's roles so shortcuts and behaviour are the platform's, with its
// words from the shared catalog (shared/i18n/app-menu.ts). It starts in Chinese, the default, and is built
// again whenever the logged-in user's language becomes known or changes (see contract-ipc's onLanguage).
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../shared/api/schemas';
import { APP_MENU_TEXT, type AppMenuTextKey } from '../shared/i18n/app-menu';
import { interpolate } from '../shared/i18n/messages';

type Text = (key: AppMenuTextKey, params?: Record<string, string>) => string;

const textIn =
  (lang: Language): Text =>
  (key, params) =>
    interpolate(APP_MENU_TEXT[lang][key], params);

/** Returns the function that builds the menu again in another language (a no-op when it is already in it). */
export function installAppMenu(getWindow: () => BrowserWindow | null, initial: Language = 'zh-CN'): (lang: Language) => void {
  let current: Language | null = null;
  const build = (lang: Language) => {
    if (lang === current) return;
    current = lang;
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(textIn(lang), getWindow)));
  };
  build(initial);
  return build;
}

function menuTemplate(t: Text, getWindow: () => BrowserWindow | null): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: t('resetZoom') },
    { role: 'zoomIn', label: t('zoomIn') },
    { role: 'zoomOut', label: t('zoomOut') },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t('fullScreen') },
  ];
  if (!app.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: t('devTools') });
  const product = t('productName');

  return [
    { label: t('file'), submenu: [{ role: 'quit', label: t('quit') }] },
    {
      label: t('edit'),
      submenu: [
        { role: 'undo', label: t('undo') },
        { role: 'redo', label: t('redo') },
        { type: 'separator' },
        { role: 'cut', label: t('cut') },
        { role: 'copy', label: t('copy') },
        { role: 'paste', label: t('paste') },
        { role: 'selectAll', label: t('selectAll') },
      ],
    },
    { label: t('view'), submenu: view },
    {
      label: t('help'),
      submenu: [{ label: t('about', { product }), click: () => void showAbout(t, getWindow()) }],
    },
  ];
}

async function showAbout(t: Text, parent: BrowserWindow | null): Promise<void> {
  const product = t('productName');
  const options = {
    type: 'info' as const,
    title: t('about', { product }),
    message: product,
    detail: t('aboutVersion', { version: app.getVersion() }),
    buttons: [t('ok')],
    noLink: true,
  };
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}
