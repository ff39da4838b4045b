// The result of audit.verify in words: intact (with the count) or where and why the chain breaks.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyResult } from '../../../shared/api/contract';
import { useLanguage } from '../lib/use-language';
import { formatNumber } from '../lib/format';

export function AuditChainStatus({ result }: { result: AuditVerifyResult }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (result.ok) {
    return (
      <div className="chain-status chain-ok">
        <CheckCircleFilled className="chain-icon" />
        <div>
          <div className="chain-title">{t('overview.auditOk')}</div>
          <div className="chain-detail">{t('overview.auditOkDetail', { count: formatNumber(result.checked, lang) })}</div>
        </div>
      </div>
    );
  }
  const broken = result.firstBroken;
  return (
    <div className="chain-status chain-broken">
      <CloseCircleFilled className="chain-icon" />
      <div>
        <div className="chain-title">{t('overview.auditBroken')}</div>
        {broken && (
          <div className="chain-detail">
            {t('overview.auditBrokenDetail', { id: broken.id, reason: t(`auditBreak.${broken.reason}`) })}
          </div>
        )}
      </div>
    </div>
  );
}
