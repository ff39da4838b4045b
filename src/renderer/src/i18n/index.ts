// i18next set-up: zh-CN by default, English on request. The language before login is kept in
// localStorage; after login it is the user's own (account.setLanguage) and the shell applies it.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { Language } from '../../../shared/api/schemas';
import { LANGUAGES } from '../../../shared/api/schemas';
import { zhCN } from './zh-CN';
import { en } from './en';
import { importZhCN } from './import.zh-CN';
import { importEn } from './import.en';
import { transfersZhCN } from './transfers.zh-CN';
import { transfersEn } from './transfers.en';
import { memberEditZhCN } from './member-edit.zh-CN';
import { memberEditEn } from './member-edit.en';
import { counterZhCN } from './counter.zh-CN';
import { counterEn } from './counter.en';
import { officersZhCN } from './officers.zh-CN';
import { officersEn } from './officers.en';
import { printZhCN } from './print.zh-CN';
import { printEn } from './print.en';
import { returnsZhCN } from './returns.zh-CN';
import { returnsEn } from './returns.en';
import { lifeZhCN } from './life.zh-CN';
import { lifeEn } from './life.en';
import { duesZhCN } from './dues.zh-CN';
import { duesEn } from './dues.en';
import { developZhCN } from './develop.zh-CN';
import { developEn } from './develop.en';
import { govZhCN } from './gov.zh-CN';
import { govEn } from './gov.en';
import { cityZhCN } from './city.zh-CN';
import { cityEn } from './city.en';
import { homeZhCN } from './home.zh-CN';
import { homeEn } from './home.en';
import { levelZhCN } from './level.zh-CN';
import { levelEn } from './level.en';

const STORAGE_KEY = 'streetdesk.language';

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value && (LANGUAGES as readonly string[]).includes(value)) return value as Language;
  } catch {
    // Storage can be unavailable (privacy settings); the default language then applies.
  }
  return 'zh-CN';
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is harmless.
  }
}

function applySideEffects(language: Language): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = language;
  document.title = language === 'zh-CN' ? zhCN.app.name : en.app.name;
}

export async function setUiLanguage(language: Language): Promise<void> {
  if (i18n.language !== language) await i18n.changeLanguage(language);
  applySideEffects(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: { ...zhCN, ...importZhCN, ...transfersZhCN, ...memberEditZhCN, ...counterZhCN, ...officersZhCN, ...printZhCN, ...returnsZhCN, ...lifeZhCN, ...duesZhCN, ...developZhCN, ...govZhCN, ...cityZhCN, ...homeZhCN, ...levelZhCN } },
    en: { translation: { ...en, ...importEn, ...transfersEn, ...memberEditEn, ...counterEn, ...officersEn, ...printEn, ...returnsEn, ...lifeEn, ...duesEn, ...developEn, ...govEn, ...cityEn, ...homeEn, ...levelEn } },
  },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applySideEffects(initial);

export default i18n;
