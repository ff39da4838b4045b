// Two dues sheets for the higher committee and the branch: the month's remittance sheet (per branch: members,
// due, collected, voluntary payments) and the year's statement per member (or one member), month by month.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { yuan } from '../../pages/dues/dues-format';
import { Sheet } from '../Sheet';
import type { DocProps } from '../doc-types';
import { DocLoading, formalDate, SignatureLines, spacedTitle } from './doc-parts';
import './dues-docs.css';

const orgParam = (params: URLSearchParams) => (params.get('org') ? { orgId: Number(params.get('org')) } : {});

export function DuesRemittanceDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const period = params.get('period') ?? '';
  const { data: r, error } = useApi('dues.remittance', { period, ...orgParam(params) }, [period, reloadKey]);
  useEffect(() => {
    if (r) report({ records: 0, done: 1, total: 1, ready: true });
  }, [r, report]);
  if (!r) return <DocLoading error={error} />;
  const k = (key: string, o?: Record<string, unknown>) => t(`dues.sheets.${key}`, o ?? {});
  return (
    <Sheet paper={paper} className="doc-dues-board">
      <header className="doc-title-block">
        <h1 className="doc-title">{spacedTitle(k('remittanceTitle', { month: formalDate(period, i18n.language) }))}</h1>
      </header>
      <table className="dues-board-table">
        <thead>
          <tr>
            <th>{k('branch')}</th>
            <th>{k('community')}</th>
            <th>{k('members')}</th>
            <th>{k('due')}</th>
            <th>{k('paid')}</th>
            <th>{k('voluntary')}</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((row) => (
            <tr key={row.orgId}>
              <td>{row.branch}</td>
              <td>{row.community ?? ''}</td>
              <td className="num">{row.members}</td>
              <td className="num">{yuan(row.dueFen)}</td>
              <td className="num">{yuan(row.paidFen)}</td>
              <td className="num">{yuan(row.voluntaryFen)}</td>
            </tr>
          ))}
          <tr className="dues-board-total">
            <td colSpan={2}>{k('total')}</td>
            <td className="num">{r.totals.members}</td>
            <td className="num">{yuan(r.totals.dueFen)}</td>
            <td className="num">{yuan(r.totals.paidFen)}</td>
            <td className="num">{yuan(r.totals.voluntaryFen)}</td>
          </tr>
        </tbody>
      </table>
      <SignatureLines date={formalDate(new Date().toISOString().slice(0, 10), i18n.language)} />
    </Sheet>
  );
}

export function DuesStatementDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t } = useTranslation();
  const year = Number(params.get('year'));
  const memberId = params.get('member') ? Number(params.get('member')) : undefined;
  const { data: s, error } = useApi('dues.statement', { year, ...(memberId ? { memberId } : {}), ...orgParam(params) }, [year, memberId, reloadKey]);
  useEffect(() => {
    if (s) report({ records: s.rows.length, done: 1, total: 1, ready: true });
  }, [s, report]);
  if (!s) return <DocLoading error={error} />;
  const k = (key: string, o?: Record<string, unknown>) => t(`dues.sheets.${key}`, o ?? {});
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return (
    <Sheet paper={paper} className="doc-dues-board">
      <header className="doc-title-block">
        <h1 className="doc-title">{spacedTitle(k('statementTitle', { year }))}</h1>
      </header>
      <table className="dues-board-table dues-statement-table">
        <thead>
          <tr>
            <th>{k('name')}</th>
            {months.map((m) => (
              <th key={m}>{k('monthShort', { month: Number(m.slice(5)) })}</th>
            ))}
            <th>{k('due')}</th>
            <th>{k('paid')}</th>
          </tr>
        </thead>
        <tbody>
          {s.rows.map((row) => (
            <tr key={row.memberId}>
              <td>{row.name}</td>
              {months.map((m) => {
                const month = row.months.find((x) => x.period === m);
                return (
                  <td key={m} className="num">
                    {month ? yuan(month.paidFen) : ''}
                  </td>
                );
              })}
              <td className="num">{yuan(row.dueFen)}</td>
              <td className="num">{yuan(row.paidFen)}</td>
            </tr>
          ))}
          <tr className="dues-board-total">
            <td colSpan={13}>{k('total')}</td>
            <td className="num">{yuan(s.totals.dueFen)}</td>
            <td className="num">{yuan(s.totals.paidFen)}</td>
          </tr>
        </tbody>
      </table>
    </Sheet>
  );
}
