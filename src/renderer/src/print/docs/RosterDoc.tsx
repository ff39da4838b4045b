// 党员花名册: the members view on A4 landscape, grouped by branch with a count per group and a total.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_FIELD_BY_KEY } from '../../../../shared/members/fields';
import { useApi } from '../../api/use-api';
import { PaginatedTable, type TableColumn } from '../PaginatedTable';
import { rosterInput } from '../print-location';
import type { DocProps } from '../doc-types';
import { DocLoading, SignatureLines } from './doc-parts';

/** Column widths in mm at A4 landscape (scaled to the paper): dates, ID and phone fit on one line. */
const WEIGHTS: Record<string, number> = { name: 17, sex: 10, ethnicity: 13, birthDate: 23, education: 22, category: 18, joinDate: 23, fullDate: 23, idNumber: 40, phone: 27, address: 57, standing: 16, occupation: 30, workUnit: 40 };
const ONE_LINE = new Set(['birthDate', 'joinDate', 'fullDate', 'idNumber', 'phone', 'lostContactSince', 'workStartDate']);
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
        return { key, label: (zh ? field?.zh : field?.en) ?? key, weight: WEIGHTS[key] ?? 22, align: CENTERED.has(key) ? 'center' : undefined, nowrap: ONE_LINE.has(key) };
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
