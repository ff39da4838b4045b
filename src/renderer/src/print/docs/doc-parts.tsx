// Small pieces the printed documents share: the loading state and the preparer/reviewer/date lines.
import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';

export function DocLoading({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error) return <Result status="warning" title={errorText(error)} className="print-message" />;
  return (
    <div className="print-message">
      <Spin /> {t('print.loading')}
    </div>
  );
}

export function SignatureLines({ date }: { date: string }) {
  const { t } = useTranslation();
  return (
    <div className="doc-signatures">
      <span>
        {t('print.preparer')}
        <i className="doc-blank" />
      </span>
      <span>
        {t('print.reviewer')}
        <i className="doc-blank" />
      </span>
      <span>
        {t('print.date')}
        {date}
      </span>
    </div>
  );
}
