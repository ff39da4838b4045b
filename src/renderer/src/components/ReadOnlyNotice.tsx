// The small notice over a form the current user may look at but not change.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/api/schemas';

export function ReadOnlyNotice({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Alert
      className="read-only-notice"
      type="info"
      showIcon
      title={role === 'viewer' ? t('common.readOnlyViewer') : t('common.readOnlyAdminOnly')}
    />
  );
}
