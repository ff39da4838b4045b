// 发展党员登记表: the register a branch keeps of its applicants, activists and candidates — by branch, each
// person's stage and the days of the steps that make it, and the next step due. An internal paper (not
// posted): the ID number is printed whole.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/api/contract-print';
import { DEVELOP_STAGE_NAMES, DEVELOP_STEP_NAMES } from '../../../../shared/i18n/messages-develop';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../lib/use-language';
import { PaginatedTable, type TableColumn } from '../PaginatedTable';
import type { DocProps } from '../doc-types';
import { DocLoading, formalDate, spacedTitle } from './doc-parts';

/** Who the register lists: everyone not yet admitted. */
const LISTED = new Set(['applicant', 'activist', 'candidate']);

export function DevelopRegisterDoc({ paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const k = (key: string, o?: Record<string, unknown>) => t(`print.developRegister.${key}`, o ?? {});
  const { data, error } = useApi('develop.list', {}, [reloadKey]);
  const people = useMemo(() => (data?.people ?? []).filter((p) => LISTED.has(p.stage)), [data]);
  const columns = useMemo<TableColumn[]>(
    () =>
      (['name', 'idNumber', 'stage', 'appliedOn', 'lastStepOn', 'next', 'due'] as const).map((key) => ({
        key,
        label: k(key),
        weight: key === 'next' ? 12 : key === 'idNumber' ? 11 : 7,
        nowrap: key !== 'next',
        align: key === 'stage' || key.endsWith('On') || key === 'due' ? 'center' : undefined,
      })),
    [t],
  );
  const groups = useMemo(() => {
    const byOrg = new Map<number, { title: string; rows: string[][] }>();
    for (const p of people) {
      const g = byOrg.get(p.orgId) ?? { title: p.communityName ? `${p.communityName} ${p.orgName}` : p.orgName, rows: [] };
      g.rows.push([
        p.name,
        p.idNumber,
        DEVELOP_STAGE_NAMES[lang][p.stage],
        paperDate(p.appliedOn, i18n.language),
        paperDate(p.lastStepOn, i18n.language),
        p.next ? DEVELOP_STEP_NAMES[lang][p.next.step] : '',
        p.next ? [p.next.earliest, p.next.latest].map((d) => (d ? paperDate(d, i18n.language) : '—')).join(' ~ ') : '',
      ]);
      byOrg.set(p.orgId, g);
    }
    return [...byOrg.values()].map((g) => ({ ...g, title: `${g.title}（${k('count', { count: g.rows.length })}）` }));
  }, [people, lang, i18n.language]);
  const onProgress = useCallback((done: number, total: number) => report({ records: people.length, done, total, ready: done === total }), [people, report]);
  if (!data) return <DocLoading error={error} />;
  return (
    <PaginatedTable
      paper={paper}
      className={`doc-board paper-${paper.size}`}
      columns={columns}
      groups={groups}
      onProgress={onProgress}
      bodyPt={paper.size === 'A3' ? 20 : 12}
      padMm={4}
      runningHead={<span>{k('title')}（{t('print.continued')}）</span>}
      title={
        <header className="doc-title-block">
          <h1 className="doc-title">{spacedTitle(k('title'))}</h1>
        </header>
      }
      end={
        <>
          <div className="doc-total">{k('total', { count: people.length })}</div>
          <div className="doc-issuer">
            <div>{formalDate(new Date().toISOString().slice(0, 10), i18n.language)}</div>
          </div>
        </>
      }
    />
  );
}
