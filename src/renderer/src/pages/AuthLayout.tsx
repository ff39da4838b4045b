// The frame of the pages shown before login (setup, login): a quiet backdrop, a card, the language switch.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../components/BrandMark';
import { LanguageSwitch } from '../components/LanguageSwitch';

export function AuthLayout({
  heading,
  subheading,
  wide = false,
  children,
}: {
  heading: ReactNode;
  subheading?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-topbar">
        <BrandMark size={28} withName />
        <LanguageSwitch />
      </div>
      <div className="auth-center">
        <div className={wide ? 'auth-card auth-card-wide' : 'auth-card'}>
          <div className="auth-card-head">
            <h1 className="auth-heading">{heading}</h1>
            {subheading && <div className="auth-subheading">{subheading}</div>}
          </div>
          <div className="auth-card-body">{children}</div>
        </div>
      </div>
      <div className="auth-footer">{t('login.footer')}</div>
    </div>
  );
}
