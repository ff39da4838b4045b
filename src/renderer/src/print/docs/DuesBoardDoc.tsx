// 党费收缴公示: the branch's dues for a month posted in public — names and amounts only, through the one
// public-board mask (no ID number, no phone), with the totals.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { yuan } from '../../pages/dues/dues-format';
import { Sheet } from '../Sheet';
import type { DocProps } from '../doc-types';
import { DocLoading, formalDate, spacedTitle } from './doc-parts';
import './dues-docs.css';

export function DuesBoardDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const orgId = Number(params.get('org'));
  const period = params.get('period') ?? '';
  const { data: b, error } = useApi('dues.board', { orgId, period }, [orgId, period, reloadKey]);
  useEffect(() => {
    if (b) report({ records: b.rows.length, done: 1, total: 1, ready: true });
  }, [b, report]);
  if (!b) return <DocLoading error={error} />;
  const k = (key: string, o?: Record<string, unknown>) => t(`dues.boardDoc.${key}`, o ?? {});
  return (
    <Sheet paper={paper} className="doc-dues-board">
      <header className="doc-title-block">
        <div className="doc-kicker">{b.branch}</div>
        <h1 className="doc-title">{spacedTitle(k('title', { month: formalDate(period, i18n.language) }))}</h1>
      </header>
      <table className="dues-board-table">
        <thead>
          <tr>
            <th>{k('no')}</th>
            <th>{k('name')}</th>
            <th>{k('category')}</th>
            <th>{k('due')}</th>
            <th>{k('paid')}</th>
            <th>{k('state')}</th>
          </tr>
        </thead>
        <tbody>
          {b.rows.map((r, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{r.name}</td>
              <td>{t(`dues.categories.${r.category}`)}</td>
              <td className="num">{yuan(r.dueFen)}</td>
              <td className="num">{yuan(r.paidFen)}</td>
              <td>{r.settled ? t('dues.state.settled') : r.paidFen > 0 ? t('dues.state.partial') : t('dues.state.owing')}</td>
            </tr>
          ))}
          <tr className="dues-board-total">
            <td colSpan={3}>{k('total', { count: b.rows.length })}</td>
            <td className="num">{yuan(b.totals.dueFen)}</td>
            <td className="num">{yuan(b.totals.paidFen)}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <p className="dues-board-note">{k('note')}</p>
    </Sheet>
  );
}
