// 党费收据: the receipt handed to a member for a payment — number, member, months, the amount in figures and
// in 大写 (so it cannot be altered with one stroke), how it was paid, the clerk and the date.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { Sheet } from '../Sheet';
import type { DocProps } from '../doc-types';
import { DocLoading } from './doc-parts';
import './dues-docs.css';

export function DuesReceiptDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t } = useTranslation();
  const paymentId = Number(params.get('payment'));
  const { data: r, error } = useApi('dues.receipt', { paymentId }, [paymentId, reloadKey]);
  useEffect(() => {
    if (r) report({ records: 1, done: 1, total: 1, ready: true });
  }, [r, report]);
  if (!r) return <DocLoading error={error} />;
  const p = r.payment;
  const k = (key: string, o?: Record<string, unknown>) => t(`dues.receiptDoc.${key}`, o ?? {});
  return (
    <Sheet paper={paper} className="doc-dues-receipt">
      <header className="doc-title-block">
        <div className="doc-kicker">{r.streetName}</div>
        <h1 className="doc-title">{p.reversalOf !== null ? k('reversalTitle') : k('title')}</h1>
        <div className="dues-receipt-number">
          {k('number')}
          {p.receiptNumber}
        </div>
      </header>
      <table className="dues-receipt-table">
        <tbody>
          <tr>
            <th>{k('member')}</th>
            <td>{p.memberName}</td>
            <th>{k('branch')}</th>
            <td>{p.branch}</td>
          </tr>
          <tr>
            <th>{k('months')}</th>
            <td colSpan={3}>{p.periods.map((m) => k('month', { year: m.slice(0, 4), month: Number(m.slice(5, 7)) })).join('、')}</td>
          </tr>
          <tr>
            <th>{k('capital')}</th>
            <td colSpan={3} className="dues-receipt-capital">
              {r.capital}
            </td>
          </tr>
          <tr>
            <th>{k('figures')}</th>
            <td className="dues-receipt-figure">¥{r.amount}</td>
            <th>{k('method')}</th>
            <td>
              {t(`dues.methods.${p.method}`)}
              {p.reference ? k('reference', { ref: p.reference }) : ''}
            </td>
          </tr>
          {p.reversalOf !== null && (
            <tr>
              <th>{k('reason')}</th>
              <td colSpan={3}>{p.note}</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="dues-receipt-foot">
        <span>
          {k('clerk')}
          {p.recordedBy}
        </span>
        <span>
          {k('date')}
          {r.paidOnText}
        </span>
      </div>
    </Sheet>
  );
}
