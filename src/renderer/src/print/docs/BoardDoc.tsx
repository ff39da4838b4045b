// Public boards (volunteers, commitments, probationary members): data masked by core, laid out for the wall
// in large type, with the office to send comments to and a dated signature.
import { Fragment, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_KINDS, type BoardKind } from '../../../../shared/api/contract-print';
import { useApi } from '../../api/use-api';
import { PaginatedTable, type TableColumn } from '../PaginatedTable';
import type { DocProps } from '../doc-types';
import { DocLoading, formalDate, spacedTitle } from './doc-parts';

const WEIGHTS: Record<string, number> = { name: 5, volunteerKind: 4, phone: 7, skills: 10, hours: 5, commitment: 30, sex: 4, ethnicity: 5, birthDate: 6, education: 7, occupation: 9, joinDate: 8, address: 6, idNumber: 12, appliedOn: 9, activistOn: 9, candidateOn: 9, admittedOn: 9, probationEnds: 9 };
/** Never broken inside: names (买买提·艾力), 俄罗斯族, dates, phones, hours, the community (all a board shows of an address). */
const ONE_LINE = new Set(['name', 'volunteerKind', 'phone', 'birthDate', 'joinDate', 'hours', 'ethnicity', 'sex', 'education', 'address', 'idNumber', 'appliedOn', 'activistOn', 'candidateOn', 'admittedOn', 'probationEnds']);
/** Body type (print.css .doc-board): A3 is read from 2 m. */
const BODY_PT = { A3: 20, A4: 12 } as const;
const CENTERED = new Set(['volunteerKind', 'hours', 'sex', 'ethnicity', 'birthDate', 'joinDate', 'phone', 'education', 'idNumber', 'appliedOn', 'activistOn', 'candidateOn', 'admittedOn', 'probationEnds']);

export function boardKind(params: URLSearchParams): BoardKind {
  const kind = params.get('kind');
  return (BOARD_KINDS as readonly string[]).includes(kind ?? '') ? (kind as BoardKind) : 'volunteers';
}

export function BoardDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const kind = boardKind(params);
  const org = params.get('org');
  const year = params.get('year');
  const input = useMemo(() => ({ kind, ...(org ? { orgId: Number(org) } : {}), ...(year ? { year: Number(year) } : {}) }), [kind, org, year]);
  const { data, error } = useApi('print.board', input, [params, reloadKey]);
  // A column nobody filled in (no volunteer gave a skill) is left off rather than posted empty.
  const shown = useMemo(() => (data?.columns ?? []).map((key, c) => key === 'name' || (data?.groups ?? []).some((g) => g.rows.some((r) => r[c] !== ''))), [data]);
  const columns = useMemo<TableColumn[]>(
    () =>
      (data?.columns ?? [])
        .filter((_, c) => shown[c])
        .map((key) => ({ key, label: t(`print.board.columns.${key}`), weight: WEIGHTS[key] ?? 6, align: CENTERED.has(key) ? 'center' : undefined, nowrap: ONE_LINE.has(key) })),
    [data, shown, t],
  );
  const groups = useMemo(
    () =>
      (data?.groups ?? []).map((g) => {
        const team = g.team
          ? [t('print.board.teamSkill', { skill: t(`volunteers.skill.${g.team.skill}`) }), g.team.leader ? t('print.board.teamLeader', { leader: g.team.leader }) : ''].filter(Boolean).join('\u3000')
          : '';
        return { title: `${g.title}（${t('print.board.groupCount', { count: g.rows.length })}）`, note: team || undefined, rows: g.rows.map((r) => r.filter((_, c) => shown[c])) };
      }),
    [data, shown, t],
  );
  const onProgress = useCallback((done: number, total: number) => report({ records: data?.total ?? 0, done, total, ready: done === total, missing: data?.missing }), [data, report]);
  if (!data) return <DocLoading error={error} />;
  const h = data.heading;
  const title = t(`print.board.titles.${kind}`, { year: data.year ?? '' });
  const c = data.contact;
  // The phone is kept whole on its line ("010-" at a line's end and "65123456" on the next is misdialled).
  const contactParts = [
    c.phone && <span className="doc-nowrap">{t('print.board.contactPhone', { phone: c.phone })}</span>,
    c.address && t('print.board.contactAddress', { address: c.address }),
  ].filter(Boolean);
  const contacts = contactParts.length > 0 && (
    <>
      {contactParts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && t('print.board.separator')}
          {part}
        </Fragment>
      ))}
      {t('print.board.end')}
    </>
  );
  return (
    <PaginatedTable
      paper={paper}
      className={`doc-board doc-board-${kind} paper-${paper.size}`}
      columns={columns}
      groups={groups}
      onProgress={onProgress}
      bodyPt={paper.size === 'A3' ? BODY_PT.A3 : BODY_PT.A4}
      padMm={4}
      runningHead={
        <>
          <span>{h.unit}</span>
          <span>
            {title}（{t('print.continued')}）
          </span>
        </>
      }
      title={
        <header className="doc-title-block">
          <div className="doc-kicker">{h.unit}</div>
          <h1 className="doc-title">{spacedTitle(title)}</h1>
          <div className="doc-note">{t('print.board.privacy')}</div>
        </header>
      }
      end={
        <>
          <div className="doc-total">{data.total === 0 ? t('print.board.empty') : t('print.board.total', { count: data.total })}</div>
          <p className="doc-feedback">
            {data.noticePeriod &&
              t('print.board.noticePeriod', { from: formalDate(data.noticePeriod.from, i18n.language), to: formalDate(data.noticePeriod.to, i18n.language), workdays: data.noticePeriod.workdays })}
            {t('print.board.feedback', { unit: h.unit })}
            {contacts}
          </p>
          <div className="doc-issuer">
            <div>{t('print.board.signature', { unit: h.unit })}</div>
            <div>{formalDate(h.printedOn, i18n.language)}</div>
          </div>
        </>
      }
    />
  );
}
