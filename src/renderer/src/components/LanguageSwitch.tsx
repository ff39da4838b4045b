// Language choice before login: kept in this browser/PC only (after login the user's own setting wins).
import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/api/schemas';
import { LANGUAGES } from '../../../shared/api/schemas';
import { rememberLanguage, setUiLanguage } from '../i18n';
import { useLanguage } from '../lib/use-language';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Select<Language>
      className="language-switch"
      aria-label={t('common.language')}
      value={lang}
      variant="borderless"
      size="small"
      prefix={<GlobalOutlined />}
      popupMatchSelectWidth={false}
      options={LANGUAGES.map((value) => ({ value, label: t(`languages.${value}`) }))}
      onChange={(value) => {
        rememberLanguage(value);
        void setUiLanguage(value);
      }}
    />
  );
}
