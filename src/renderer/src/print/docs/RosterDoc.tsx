// 党员花名册: the members view on A4 landscape, grouped by branch with a count per group and a total, a
// 序号 running through the whole list, and a running head on every later sheet. The standard columns
// (the organization page's roster) plus those the clerk picks above the sheets; never the grid's 26.
import { Select } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ROSTER_COLUMNS } from '../../../../shared/api/contract-print';
import { MEMBER_FIELDS, MEMBER_FIELD_BY_KEY } from '../../../../shared/members/fields';
import { useApi } from '../../api/use-api';
import { navigate } from '../../app/router';
import { PaginatedTable, type TableColumn } from '../PaginatedTable';
import { printHref, rosterInput } from '../print-location';
import type { DocProps } from '../doc-types';
import { DocLoading, formalDate, SignatureLines } from './doc-parts';
import { contentMm } from '../paper';

/** Relative widths of the columns that may wrap (the one-line columns are as wide as their widest value). */
const WEIGHTS: Record<string, number> = { address: 54, occupation: 30, workUnit: 40, remarks: 40 };
/** Kinds of field kept on one line: a name, a date, an ID number, a code's label never break inside. */
const ONE_LINE_KINDS = new Set(['name', 'sex', 'ethnicity', 'citizenId', 'date', 'education', 'category', 'phone', 'standing', 'flag', 'grid']);
/** The roster's body type (print.css .doc-roster) and a cell's horizontal padding. */
const BODY_PT = 9;
const PAD_MM = 2;
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
        return { key, label: (zh ? field?.zh : field?.en) ?? key, weight: WEIGHTS[key] ?? 22, align: CENTERED.has(key) ? 'center' : undefined, nowrap: ONE_LINE_KINDS.has(field?.kind ?? '') };
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
  // A narrow roster stays narrow (but wide enough for the signature lines under it) and is centred.
  const natural = columns.reduce((n, c) => n + (c.nowrap ? 24 : c.weight), 0);
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
      onProgress={onProgress}
      tableWidthMm={tableWidthMm}
      bodyPt={BODY_PT}
      padMm={PAD_MM}
      runningHead={
        <>
          <span>
            {t('print.roster.title')}（{t('print.continued')}）
          </span>
          <span>{t('print.roster.unit', { unit: h.unit })}</span>
          <span>{t('print.roster.asOf', { date: formalDate(h.printedOn, i18n.language) })}</span>
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
            <span>{t('print.roster.asOf', { date: formalDate(h.printedOn, i18n.language) })}</span>
            <span>{t('print.roster.count', { count: data.total })}</span>
          </div>
        </header>
      }
      end={
        <>
          <div className="doc-total">{t('print.roster.total', { count: data.total, groups: data.groups.length })}</div>
          <div className="doc-stamp">
            {t('print.roster.stamp')}
            <i className="doc-blank wide" />
          </div>
          <SignatureLines date={formalDate(h.printedOn, i18n.language)} />
        </>
      }
    />
  );
}

/** Columns a roster can add to its standard ones (the branch is each group's heading). */
const EXTRA_COLUMNS = MEMBER_FIELDS.filter((f) => f.key !== 'branch' && !DEFAULT_ROSTER_COLUMNS.includes(f.key));

/** Above the sheets: the columns added to the standard ones; picking one lays the roster out again. */
export function RosterOptions({ params }: { params: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  const cols = params.get('cols')?.split(',').filter(Boolean) ?? [];
  const extras = cols.filter((key) => !DEFAULT_ROSTER_COLUMNS.includes(key));
  const pick = (keys: string[]) => {
    const next = Object.fromEntries(params.entries());
    next.cols = keys.length ? [...DEFAULT_ROSTER_COLUMNS, ...keys].join(',') : '';
    navigate(printHref('roster', next));
  };
  return (
    <label className="print-option">
      <span>{t('print.roster.extraColumns')}</span>
      <Select
        mode="multiple"
        allowClear
        aria-label={t('print.roster.extraColumns')}
        placeholder={t('print.roster.standardOnly')}
        value={extras}
        onChange={pick}
        style={{ minWidth: 320, maxWidth: 720 }}
        maxTagCount="responsive"
        optionFilterProp="label"
        options={EXTRA_COLUMNS.map((f) => ({ value: f.key, label: zh ? f.zh : f.en }))}
      />
    </label>
  );
}
