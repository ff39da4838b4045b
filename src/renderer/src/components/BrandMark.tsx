// The program's mark: a small red seal-like square with 党建 in it, and optionally the name.
import { useTranslation } from 'react-i18next';

export function BrandMark({ size = 32, withName = false }: { size?: number; withName?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="brand">
      <span className="brand-seal" style={{ width: size, height: size, fontSize: Math.round(size * 0.36) }} aria-hidden>
        党建
      </span>
      {withName && <span className="brand-name">{t('app.name')}</span>}
    </span>
  );
}
