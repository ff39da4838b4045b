// The UI language as the shared tables name it ('zh-CN' | 'en'), re-rendering when it changes.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/api/schemas';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
