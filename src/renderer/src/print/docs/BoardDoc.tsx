// Public boards (volunteers, commitments, probationary members): data masked by core, laid out for the wall.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_KINDS, type BoardKind } from '../../../../shared/api/contract-print';
import { useApi } from '../../api/use-api';
import { PaginatedTable, type TableColumn } from '../PaginatedTable';
import type { DocProps } from '../doc-types';
import { DocLoading } from './doc-parts';

const WEIGHTS: Record<string, number> = { name: 5, volunteerKind: 4, phone: 7, skills: 10, hours: 6, commitment: 30, sex: 4, ethnicity: 4, birthDate: 6, education: 7, occupation: 8, joinDate: 6, address: 9 };
const CENTERED = new Set(['volunteerKind', 'hours', 'sex', 'ethnicity', 'birthDate', 'joinDate', 'phone', 'education']);

export function boardKind(params: URLSearchParams): BoardKind {
  const kind = params.get('kind');
  return (BOARD_KINDS as readonly string[]).includes(kind ?? '') ? (kind as BoardKind) : 'volunteers';
}

export function BoardDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t } = useTranslation();
  const kind = boardKind(params);
  const org = params.get('org');
  const year = params.get('year');
  const input = useMemo(() => ({ kind, ...(org ? { orgId: Number(org) } : {}), ...(year ? { year: Number(year) } : {}) }), [kind, org, year]);
  const { data, error } = useApi('print.board', input, [params, reloadKey]);
  const columns = useMemo<TableColumn[]>(
    () => (data?.columns ?? []).map((key) => ({ key, label: t(`print.board.columns.${key}`), weight: WEIGHTS[key] ?? 6, align: CENTERED.has(key) ? 'center' : undefined })),
    [data, t],
  );
  const groups = useMemo(() => (data?.groups ?? []).map((g) => ({ title: `${g.title}（${t('print.board.groupCount', { count: g.rows.length })}）`, rows: g.rows })), [data, t]);
  const onProgress = useCallback((done: number, total: number) => report({ records: data?.total ?? 0, done, total, ready: done === total }), [data, report]);
  if (!data) return <DocLoading error={error} />;
  const h = data.heading;
  return (
    <PaginatedTable
      paper={paper}
      className={`doc-board doc-board-${kind}`}
      columns={columns}
      groups={groups}
      pageLabel={(page, pages) => t('print.pageLabel', { page, pages })}
      continuedLabel={t('print.continued')}
      onProgress={onProgress}
      title={
        <header className="doc-title-block">
          <div className="doc-kicker">{h.unit}</div>
          <h1 className="doc-title">{t(`print.board.titles.${kind}`, { year: data.year ?? '' })}</h1>
          <div className="doc-note">{t('print.board.privacy')}</div>
        </header>
      }
      end={
        <>
          <div className="doc-total">{data.total === 0 ? t('print.board.empty') : t('print.board.total', { count: data.total })}</div>
          <p className="doc-feedback">{t('print.board.feedback', { unit: h.unit })}</p>
          <div className="doc-issuer">
            <div>{t('print.board.signature', { unit: h.unit })}</div>
            <div>{h.printedOn}</div>
          </div>
        </>
      }
    />
  );
}
