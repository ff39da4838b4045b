// What the clerk reads before 定稿: the month's main figures and what looks wrong (an all-zero table,
// late work). Finalizing freezes the month, so it is never one click.
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReturnInfo } from '../../../../shared/api/contract-exchange';
import { returnHeadlines, returnWarnings } from '../../../../shared/returns/headlines';
import { COLUMN_LABELS, TABLE_TITLES } from '../../../../shared/returns/tables';
import { currentLanguage } from '../../i18n';
import { formatMonth, formatNumber } from '../../lib/format';

export function FinalizeConfirm({ info }: { info: ReturnInfo }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const zh = lang === 'zh-CN';
  const label = (key: string) => (zh ? COLUMN_LABELS[key]?.zh : COLUMN_LABELS[key]?.en) ?? key;
  const title = (id: keyof typeof TABLE_TITLES) => (zh ? TABLE_TITLES[id].zh : TABLE_TITLES[id].en);
  const headlines = returnHeadlines(info.tables);
  const warnings = returnWarnings(info.tables);
  return (
    <div className="finalize-confirm">
      <p>{t('returns.finalizeConfirm.body')}</p>
      <table className="finalize-figures" aria-label={t('returns.finalizeConfirm.title', { month: formatMonth(info.period, lang) })}>
        <tbody>
          {headlines.map((h) => (
            <tr key={`${h.table}.${h.column}`}>
              <th scope="row">{label(h.column)}</th>
              <td>{formatNumber(h.value, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {warnings.length > 0 && (
        <div className="finalize-warnings" role="alert">
          <div>
            <WarningOutlined /> {t('returns.finalizeConfirm.warnings')}
          </div>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.kind}.${w.table}.${w.kind === 'late' ? w.column : ''}`}>
                {w.kind === 'allZero'
                  ? t('returns.finalizeConfirm.allZero', { table: title(w.table) })
                  : t('returns.finalizeConfirm.late', { table: title(w.table), column: label(w.column), value: w.value })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
