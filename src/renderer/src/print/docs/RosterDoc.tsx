// 党员花名册: the members view on A4 landscape, grouped by branch with a count per group and a total, a
// 序号 running through the whole list, and a running head on every later sheet.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_FIELD_BY_KEY } from '../../../../shared/members/fields';
import { useApi } from '../../api/use-api';
import { PaginatedTable, type TableColumn } from '../PaginatedTable';
import { rosterInput } from '../print-location';
import type { DocProps } from '../doc-types';
import { DocLoading, SignatureLines } from './doc-parts';
import { contentMm } from '../paper';

/** Column widths in mm at A4 landscape (scaled to the paper): dates, ID and phone fit on one line. */
const WEIGHTS: Record<string, number> = { name: 17, sex: 10, ethnicity: 14, birthDate: 21, education: 20, category: 17, joinDate: 21, fullDate: 21, idNumber: 40, phone: 26, address: 54, standing: 16, occupation: 30, workUnit: 40 };
const ONE_LINE = new Set(['birthDate', 'joinDate', 'fullDate', 'idNumber', 'phone', 'lostContactSince', 'workStartDate']);
const CENTERED = new Set(['sex', 'ethnicity', 'birthDate', 'category', 'joinDate', 'fullDate', 'standing', 'education', 'phone', 'idNumber']);
const SEQ_WEIGHT = 10;
/** A roster of a few columns is not stretched over the whole sheet: its columns grow at most this much. */
const MAX_STRETCH = 1.6;

export function RosterDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  const input = useMemo(() => rosterInput(params), [params]);
  const { data, error } = useApi('print.roster', input, [params, reloadKey]);
  const columns = useMemo<TableColumn[]>(
    () => [
      { key: 'seq', label: t('print.roster.seq'), weight: SEQ_WEIGHT, align: 'center', nowrap: true },
      ...(data?.columns ?? []).map((key): TableColumn => {
        const field = MEMBER_FIELD_BY_KEY.get(key);
        return { key, label: (zh ? field?.zh : field?.en) ?? key, weight: WEIGHTS[key] ?? 22, align: CENTERED.has(key) ? 'center' : undefined, nowrap: ONE_LINE.has(key) };
      }),
    ],
    [data, zh, t],
  );
  const groups = useMemo(() => {
    let seq = 0;
    return (data?.groups ?? []).map((g) => ({
      title: g.branch,
      rows: g.rows.map((row) => [String(++seq), ...row]),
      subtotal: t('print.roster.subtotal', { count: g.rows.length }),
    }));
  }, [data, t]);
  // The weights are millimetres on A4 landscape: a narrow roster stays narrow (but wide enough for the
  // signature lines under it) and is centred.
  const natural = columns.reduce((n, c) => n + c.weight, 0);
  const tableWidthMm = Math.max(natural * MAX_STRETCH, contentMm(paper).width * 0.6);
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
      tableWidthMm={tableWidthMm}
      runningHead={
        <>
          <span>
            {t('print.roster.title')}（{t('print.continued')}）
          </span>
          <span>{t('print.roster.unit', { unit: h.unit })}</span>
          <span>{t('print.roster.asOf', { date: h.printedOn })}</span>
        </>
      }
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
