// The desktop application menu's words (Electron main builds the menu from them), and which calls tell main
// the language the logged-in user reads, so the menu follows the user's language as the window does.
import type { ApiOutputs, Method } from '../api/contract';
import { LANGUAGES, type Language } from '../api/schemas';
import { labelTable } from './label-table';

export const APP_MENU_TEXT = labelTable({
  'zh-CN': {
    productName: '街道党建工作台',
    file: '文件',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    devTools: '开发者工具',
    help: '帮助',
    about: '关于 {{product}}',
    aboutVersion: 'StreetDesk 版本 {{version}}',
    ok: '确定',
  },
  en: {
    productName: 'StreetDesk',
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    devTools: 'Developer Tools',
    help: 'Help',
    about: 'About {{product}}',
    aboutVersion: 'StreetDesk version {{version}}',
    ok: 'OK',
  },
});

export type AppMenuTextKey = keyof (typeof APP_MENU_TEXT)['zh-CN'];

/** The calls whose answer names the user's language: logging in, the session at start, and changing it. */
type LanguageCall = 'auth.login' | 'auth.session' | 'auth.unlock' | 'setup.initialize' | 'setup.initializeDistrict' | 'account.setLanguage';

const USER_OF: { [M in LanguageCall]: (value: ApiOutputs[M]) => { language: Language } | null } = {
  'auth.login': (v) => v.user,
  'auth.session': (v) => v?.user ?? null,
  'auth.unlock': (v) => v.user,
  'setup.initialize': (v) => v.user,
  'setup.initializeDistrict': (v) => v.user,
  'account.setLanguage': (v) => v,
};

/** The language a successful call's answer gives the logged-in user, or null when the call says nothing of it. */
export function languageOfAnswer(method: Method | string, value: unknown): Language | null {
  if (!Object.prototype.hasOwnProperty.call(USER_OF, method)) return null;
  const user = (USER_OF[method as LanguageCall] as (v: unknown) => { language: unknown } | null)(value);
  const language = user?.language;
  return typeof language === 'string' && (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : null;
}
