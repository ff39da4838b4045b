// 三张清单公示: the service catalog for the station wall, three sections in large type, A3 by default. Each
// sheet is posted on its own, so every later sheet names the board again and every foot carries the hotline.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { PaginatedTable, type TableColumn } from '../PaginatedTable';
import type { DocProps } from '../doc-types';
import { DocLoading, formalDate, HandBlank } from './doc-parts';

/** Body type on the wall: A3 is read from 2 m (≥ 20 pt), A4 from a step away (see print.css). */
const BODY_PT = { A3: 20, A4: 12 } as const;

export function ThreeListsDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const { data, error } = useApi('print.threeLists', {}, [params, reloadKey]);
  const k = (key: string, o?: Record<string, unknown>) => t(`print.threeLists.${key}`, o ?? {});
  const columns = useMemo<TableColumn[]>(
    () => [
      { key: 'no', label: k('no'), weight: 4, align: 'center', nowrap: true },
      { key: 'matter', label: k('matter'), weight: 15 },
      { key: 'materials', label: k('materials'), weight: 22 },
      { key: 'limit', label: k('limit'), weight: 9, align: 'center', nowrap: true },
      { key: 'post', label: k('post'), weight: 9, align: 'center' },
    ],
    [t],
  );
  const groups = useMemo(
    () =>
      (data?.sections ?? []).map((s) => ({
        title: k(`sections.${s.listClass}`),
        rows: s.matters.map((m, i) => [
          String(i + 1),
          m.name,
          m.materials.length ? m.materials.map((x, j) => `${j + 1}. ${x}`).join('\n') : k('none'),
          m.limitDays === 0 ? k('onTheSpot') : k('days', { days: m.limitDays }),
          m.responsiblePost,
        ]),
      })),
    [data, t],
  );
  const missing = data?.missing;
  const onProgress = useCallback((done: number, total: number) => report({ records: 0, done, total, ready: done === total, missing }), [report, missing]);
  if (!data) return <DocLoading error={error} />;
  const s = data.station;
  // Not set: a line to write on by hand (the preview has said what is missing and offered to fill it in).
  const orBlank = (v: string) => v || <HandBlank wide />;
  return (
    <PaginatedTable
      paper={paper}
      className={`doc-three-lists paper-${paper.size}`}
      columns={columns}
      groups={groups}
      pageLabel={(page, pages) => [s.phone ? `${k('hotline')}：${s.phone}` : '', t('print.pageLabel', { page, pages })].filter(Boolean).join('\u3000\u3000')}
      onProgress={onProgress}
      bodyPt={paper.size === 'A3' ? BODY_PT.A3 : BODY_PT.A4}
      padMm={4}
      runningHead={
        <>
          <span>{s.stationName || data.heading.street}</span>
          <span>
            {k('title')}（{t('print.continued')}）
          </span>
        </>
      }
      title={
        <header className="doc-title-block">
          <div className="doc-kicker">{s.stationName || data.heading.street}</div>
          <h1 className="doc-title">{k('title')}</h1>
          <div className="doc-meta">
            <span>{k('subtitle')}</span>
          </div>
        </header>
      }
      end={
        <footer className="station-block">
          <div>
            <b>{k('address')}</b>
            {orBlank(s.address)}
          </div>
          <div className="station-hotline">
            <b>{k('hotline')}</b>
            {orBlank(s.phone)}
          </div>
          <div>
            <b>{k('hours')}</b>
            {orBlank(s.hours)}
          </div>
          <div>
            <b>{k('published')}</b>
            {formalDate(data.heading.printedOn, i18n.language)}
          </div>
          <div className="station-motto">{k('footer')}</div>
        </footer>
      }
    />
  );
}
