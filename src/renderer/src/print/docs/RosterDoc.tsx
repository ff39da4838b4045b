// 党员花名册: the members view on A4 landscape, grouped by branch with a count per group and a total.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_FIELD_BY_KEY } from '../../../../shared/members/fields';
import { useApi } from '../../api/use-api';
import { PaginatedTable, type TableColumn } from '../PaginatedTable';
import { rosterInput } from '../print-location';
import type { DocProps } from '../doc-types';
import { DocLoading, SignatureLines } from './doc-parts';

const WEIGHTS: Record<string, number> = { name: 6, sex: 3, ethnicity: 4, birthDate: 7, education: 6, category: 6, joinDate: 7, fullDate: 7, idNumber: 14, phone: 9.5, address: 18, standing: 5, occupation: 9, workUnit: 12 };
const CENTERED = new Set(['sex', 'ethnicity', 'birthDate', 'category', 'joinDate', 'fullDate', 'standing', 'education']);

export function RosterDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  const input = useMemo(() => rosterInput(params), [params]);
  const { data, error } = useApi('print.roster', input, [params, reloadKey]);
  const columns = useMemo<TableColumn[]>(
    () =>
      (data?.columns ?? []).map((key) => {
        const field = MEMBER_FIELD_BY_KEY.get(key);
        return { key, label: (zh ? field?.zh : field?.en) ?? key, weight: WEIGHTS[key] ?? 8, align: CENTERED.has(key) ? 'center' : undefined };
      }),
    [data, zh],
  );
  const groups = useMemo(
    () => (data?.groups ?? []).map((g) => ({ title: g.branch, rows: g.rows, subtotal: t('print.roster.subtotal', { count: g.rows.length }) })),
    [data, t],
  );
  const onProgress = useCallback((done: number, total: number) => report({ records: data?.total ?? 0, done, total, ready: done === total }), [data, report]);
  if (!data) return <DocLoading error={error} />;
  const h = data.heading;
  return (
    <PaginatedTable
      paper={paper}
      className="doc-roster"
      columns={columns}
      groups={groups}
      pageLabel={(page, pages) => t('print.pageLabel', { page, pages })}
      continuedLabel={t('print.continued')}
      onProgress={onProgress}
      title={
        <header className="doc-title-block">
          <div className="doc-kicker">
            {h.street}
            {h.community && h.community !== h.street ? ` · ${h.community}` : ''}
          </div>
          <h1 className="doc-title">{t('print.roster.title')}</h1>
          <div className="doc-meta">
            <span>{t('print.roster.unit', { unit: h.unit })}</span>
            <span>{t('print.roster.asOf', { date: h.printedOn })}</span>
            <span>{t('print.roster.count', { count: data.total })}</span>
          </div>
        </header>
      }
      end={
        <>
          <div className="doc-total">{t('print.roster.total', { count: data.total, groups: data.groups.length })}</div>
          <SignatureLines date={h.printedOn} />
        </>
      }
    />
  );
}
