// Small pieces the printed documents share: the loading state and the preparer/reviewer/date lines.
import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/api/contract-print';
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

/** 2026-03-07 → 2026年3月7日, as official papers are dated (kept as it is in English). */
export function formalDate(iso: string, language = 'zh-CN'): string {
  return paperDate(iso, language);
}

/** A line left to write on by hand, where a value is not set (never an instruction to the clerk). */
export function HandBlank({ wide = false }: { wide?: boolean }) {
  return <i className={wide ? 'doc-blank wide' : 'doc-blank'} aria-label="" />;
}

/** A title with its runs of digits kept together (a spaced-out title must not read "2 0 2 6 年度"). */
export function spacedTitle(title: string) {
  return title.split(/(\d+)/).map((part, i) => (i % 2 === 1 ? <span key={i} className="doc-title-digits">{part}</span> : part));
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
