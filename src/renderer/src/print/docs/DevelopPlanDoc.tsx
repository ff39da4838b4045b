// 年度发展党员计划完成情况: the street's yearly development plan against what was done, per community — the
// planned number, the admissions by the branch meetings of the year (the day each person joined), what is
// still short and the rate. The figures are develop.plans', the same the plan tab shows; no personal data.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { PaginatedTable, type TableColumn } from '../PaginatedTable';
import type { DocProps } from '../doc-types';
import { DocLoading, formalDate, spacedTitle } from './doc-parts';

const rate = (done: number, planned: number) => (planned > 0 ? `${Math.round((done / planned) * 100)}%` : '—');

export function DevelopPlanDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const k = (key: string, o?: Record<string, unknown>) => t(`print.developPlan.${key}`, o ?? {});
  const year = Number(params.get('year')) || new Date().getFullYear();
  const { data, error } = useApi('develop.plans', { year }, [year, reloadKey]);
  const columns = useMemo<TableColumn[]>(
    () =>
      (['community', 'planned', 'admitted', 'short', 'rate'] as const).map((key) => ({
        key,
        label: k(key),
        weight: key === 'community' ? 14 : 6,
        nowrap: true,
        align: key === 'community' ? undefined : 'right',
      })),
    [t],
  );
  const rows = data ?? [];
  const planned = rows.reduce((n, r) => n + r.planned, 0);
  const admitted = rows.reduce((n, r) => n + r.admitted, 0);
  const groups = useMemo(
    () => [
      {
        title: k('group', { year }),
        rows: rows.map((r) => [r.communityName, String(r.planned), String(r.admitted), String(Math.max(r.planned - r.admitted, 0)), rate(r.admitted, r.planned)]),
        subtotal: k('total', { planned, admitted, rate: rate(admitted, planned) }),
      },
    ],
    [data, year, t],
  );
  const onProgress = useCallback((done: number, total: number) => report({ records: 0, done, total, ready: done === total }), [report]);
  if (!data) return <DocLoading error={error} />;
  return (
    <PaginatedTable
      paper={paper}
      className={`doc-board paper-${paper.size}`}
      columns={columns}
      groups={groups}
      onProgress={onProgress}
      bodyPt={paper.size === 'A3' ? 18 : 12}
      padMm={4}
      runningHead={<span>{k('title', { year })}（{t('print.continued')}）</span>}
      title={
        <header className="doc-title-block">
          <h1 className="doc-title">{spacedTitle(k('title', { year }))}</h1>
        </header>
      }
      end={
        <>
          <div className="doc-total">{k('note')}</div>
          <div className="doc-issuer">
            <div>{k('issuer')}</div>
            <div>{formalDate(new Date().toISOString().slice(0, 10), i18n.language)}</div>
          </div>
        </>
      }
    />
  );
}
