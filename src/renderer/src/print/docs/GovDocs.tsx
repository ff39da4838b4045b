// Community governance's papers (issue 17): the open column's board (四务公开栏 — text masked in core through the
// one masking function), the year's project list with its completion rates, and one matter's 四议两公开 record.
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_STEPS, MEETING_STEPS } from '../../../../shared/gov-rules';
import { localIsoDate } from '../../../../shared/validators/loose-date';
import { PROJECT_TYPES, type ProjectType } from '../../../../shared/api/schemas-gov';
import { useApi } from '../../api/use-api';
import { fenToYuan } from '../../pages/gov/ProjectsTab';
import { PaginatedTable, type TableColumn } from '../PaginatedTable';
import { Sheet } from '../Sheet';
import type { DocProps } from '../doc-types';
import { DocLoading, SignatureLines, formalDate, spacedTitle } from './doc-parts';

const BODY_PT = { A3: 18, A4: 11 } as const;

export function GovBoardDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const community = params.get('community');
  const input = useMemo(() => (community ? { communityId: Number(community) } : {}), [community]);
  const { data, error } = useApi('disclosure.board', input, [params, reloadKey]);
  const columns = useMemo<TableColumn[]>(
    () => [
      { key: 'title', label: t('gov.print.board.columns.title'), weight: 9 },
      { key: 'content', label: t('gov.print.board.columns.content'), weight: 20 },
      { key: 'period', label: t('gov.print.board.columns.period'), weight: 8, align: 'center' },
      { key: 'publishedOn', label: t('gov.print.board.columns.publishedOn'), weight: 6, align: 'center', nowrap: true },
    ],
    [t],
  );
  const groups = useMemo(() => {
    const areas = [...new Set((data?.items ?? []).map((i) => i.area))];
    return areas.map((area) => ({
      title: t(`gov.area.${area}`),
      rows: (data?.items ?? [])
        .filter((i) => i.area === area)
        .map((i) => [
          i.correction ? t('gov.print.board.correction', { title: i.title }) : i.title,
          [i.content, ...(i.attachments.length ? [t('gov.print.board.attachments', { list: i.attachments.join('、') })] : [])].join('\n'),
          `${formalDate(i.periodFrom, i18n.language)}—${formalDate(i.periodTo, i18n.language)}`,
          formalDate(i.publishedOn, i18n.language),
        ]),
    }));
  }, [data, t, i18n.language]);
  const onProgress = useCallback((done: number, total: number) => report({ records: 0, done, total, ready: done === total }), [report]);
  if (!data) return <DocLoading error={error} />;
  const title = t('gov.print.board.title', { unit: data.communityName });
  return (
    <PaginatedTable
      paper={paper}
      className={`doc-board paper-${paper.size}`}
      columns={columns}
      groups={groups}
      onProgress={onProgress}
      bodyPt={paper.size === 'A3' ? BODY_PT.A3 : BODY_PT.A4}
      padMm={3}
      runningHead={<span>{title}</span>}
      title={
        <header className="doc-title-block">
          <div className="doc-kicker">{data.communityName}</div>
          <h1 className="doc-title">{spacedTitle(title)}</h1>
          <div className="doc-note">{t('gov.print.board.note', { on: formalDate(data.on, i18n.language) })}</div>
        </header>
      }
      end={
        <>
          <div className="doc-total">{data.items.length === 0 ? t('gov.print.board.empty') : t('gov.print.board.total', { count: data.items.length })}</div>
          <p className="doc-feedback">{t('gov.print.board.feedback', { unit: data.communityName })}</p>
          <div className="doc-issuer">
            <div>{data.communityName}</div>
            <div>{formalDate(data.on, i18n.language)}</div>
          </div>
        </>
      }
    />
  );
}

export function GovProjectsDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const typeParam = params.get('type');
  const type = (PROJECT_TYPES as readonly string[]).includes(typeParam ?? '') ? (typeParam as ProjectType) : undefined;
  const input = useMemo(() => ({ year, ...(type ? { type } : {}) }), [year, type]);
  const list = useApi('projects.list', input, [params, reloadKey]);
  const stats = useApi('projects.stats', input, [params, reloadKey]);
  const street = useApi('street.get', {}, []);
  const rate = (r: string | null) => (r === null ? '—' : `${r}%`);
  const columns = useMemo<TableColumn[]>(
    () => [
      { key: 'name', label: t('gov.projects.columns.name'), weight: 14 },
      { key: 'community', label: t('gov.projects.columns.community'), weight: 6, nowrap: true },
      { key: 'owner', label: t('gov.projects.columns.owner'), weight: 5, nowrap: true },
      { key: 'budget', label: t('gov.projects.columns.budget'), weight: 6, align: 'right', nowrap: true },
      { key: 'milestones', label: t('gov.projects.columns.milestones'), weight: 5, align: 'center' },
      { key: 'status', label: t('gov.projects.columns.status'), weight: 4, align: 'center', nowrap: true },
      { key: 'completedOn', label: t('gov.projects.columns.completedOn'), weight: 7, align: 'center', nowrap: true },
    ],
    [t],
  );
  const groups = useMemo(() => {
    const s = stats.data;
    return PROJECT_TYPES.filter((p) => (list.data ?? []).some((x) => x.type === p)).map((p) => {
      const r = s?.byType.find((b) => b.type === p);
      return {
        title: t(`gov.projects.type.${p}`),
        note: r ? t('gov.print.projects.groupRate', { done: r.done, total: r.total, rate: rate(r.rate) }) : undefined,
        rows: (list.data ?? [])
          .filter((x) => x.type === p)
          .map((x) => [
            x.name,
            x.communityName ?? t('gov.street'),
            x.owner,
            fenToYuan(x.budgetFen),
            `${x.milestones.filter((m) => m.doneOn).length}/${x.milestones.length}`,
            // A closed year prints each project's result at the close, which its rate counts.
            x.closeResult ? t(`gov.projects.cycle.result.${x.closeResult}`) : t(`gov.projects.status.${x.status}`),
            x.completedOn ? formalDate(x.completedOn, i18n.language) : '',
          ]),
      };
    });
  }, [list.data, stats.data, t, i18n.language]);
  const onProgress = useCallback((done: number, total: number) => report({ records: 0, done, total, ready: done === total }), [report]);
  if (!list.data || !stats.data || !street.data) return <DocLoading error={list.error ?? stats.error ?? street.error} />;
  const s = stats.data;
  const title = t('gov.print.projects.title', { year });
  return (
    <PaginatedTable
      paper={paper}
      className={`doc-roster paper-${paper.size}`}
      columns={columns}
      groups={groups}
      onProgress={onProgress}
      bodyPt={paper.size === 'A3' ? 14 : 10}
      padMm={2}
      runningHead={<span>{title}</span>}
      title={
        <header className="doc-title-block">
          <div className="doc-kicker">{street.data.name}</div>
          <h1 className="doc-title">{spacedTitle(title)}</h1>
          <div className="doc-note">
            {t('gov.print.projects.summary', { done: s.street.done, total: s.street.total, rate: rate(s.street.rate) })}
            {s.byCommunity.map((c) => t('gov.print.projects.community', { name: c.communityName, rate: rate(c.rate) })).join(t('gov.print.projects.separator'))}
            {s.cycle.closedOn ? t('gov.print.projects.closed', { on: formalDate(s.cycle.closedOn, i18n.language) }) : ''}
          </div>
        </header>
      }
      end={<SignatureLines date={formalDate(localIsoDate(new Date()), i18n.language)} />}
    />
  );
}

export function GovDecisionDoc({ params, reloadKey, paper, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const id = Number(params.get('decision'));
  const { data, error } = useApi('decisions.list', {}, [reloadKey]);
  const matter = data?.find((d) => d.id === id);
  useEffect(() => {
    if (matter) report({ records: 0, done: 1, total: 1, ready: true });
  }, [matter, report]);
  if (!data) return <DocLoading error={error} />;
  if (!matter) return <DocLoading error={new Error(t('gov.print.decision.missing'))} />;
  return (
    <Sheet paper={paper} className="doc-slip">
      <header className="doc-title-block">
        <div className="doc-kicker">{matter.communityName}</div>
        <h1 className="doc-title">{t('gov.print.decision.title')}</h1>
      </header>
      <table className="slip-table">
        <tbody>
          <tr>
            <th>{t('gov.decisions.columns.title')}</th>
            <td>{matter.title}</td>
          </tr>
          {matter.summary && (
            <tr>
              <th>{t('gov.decisions.form.summary')}</th>
              <td>{matter.summary}</td>
            </tr>
          )}
          {DECISION_STEPS.map((step) => {
            const s = matter.steps.find((x) => x.step === step);
            return (
              <tr key={step}>
                <th>{t(`gov.decisions.step.${step}`)}</th>
                <td>
                  {s ? formalDate(s.heldOn, i18n.language) : t('gov.print.decision.notYet')}
                  {s && MEETING_STEPS.includes(step) && t('gov.decisions.attendance', { entitled: s.entitled, present: s.present, inFavour: s.inFavour })}
                  {s?.note ? ` ${s.note}` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <SignatureLines date={formalDate(localIsoDate(new Date()), i18n.language)} />
    </Sheet>
  );
}
