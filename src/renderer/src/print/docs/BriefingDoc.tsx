// 党建工作月度简报 (issue 18): one A4 page the street takes to its monthly meeting — the month's key figures,
// a short line per area written from the overview's figures, three charts (SVG, crisp in the PDF) and the
// communities' ranking. Every number is overview.get's, the same the home page shows.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../../shared/api/contract-overview';
import { formatFen } from '../../../../shared/dues/money';
import type { OverviewSpan } from '../../../../shared/api/schemas-overview';
import { useApi } from '../../api/use-api';
import { Chart } from '../../components/Chart';
import { agesChart, communityMembersChart, lifeChart, lifePeriodLabel } from '../../pages/overview/overview-charts';
import { Sheet } from '../Sheet';
import type { DocProps } from '../doc-types';
import { DocLoading, formalDate, spacedTitle } from './doc-parts';
import './briefing.css';

const SPANS: readonly OverviewSpan[] = ['month', 'quarter', 'year'];
/** Charts are drawn at their printed size: 1 mm is 96/25.4 CSS pixels. */
const MM = 96 / 25.4;

function useSummary(o: Overview | undefined): { key: string; area: string; text: string }[] {
  const { t } = useTranslation();
  return useMemo(() => {
    if (!o) return [];
    const dash = t('common.empty');
    const pct = (rate: number | null) => (rate === null ? dash : `${rate}%`);
    const when = t(`home.briefing.this.${o.span}`);
    const m = o.members;
    return [
      { key: 'members', text: t('home.briefing.lines.members', { unit: o.communityName ?? t('home.street'), date: m.asOf, total: m.total.count, full: m.full.count, probationary: m.probationary.count, mobile: m.mobile.count, lost: m.lostContact.count, hardship: m.hardship.count }) },
      { key: 'develop', text: t('home.briefing.lines.develop', { when, ...o.develop.steps, total: o.develop.total.count, due: o.develop.dueThisMonth.count }) },
      { key: 'life', text: t('home.briefing.lines.life', { period: lifePeriodLabel(o.life.period, t), total: o.life.street.total, done: o.life.street.done, rate: pct(o.life.street.rate), missing: o.life.missing.count }) },
      { key: 'dues', text: t('home.briefing.lines.dues', { month: o.dues.period, due: formatFen(o.dues.dueFen, true), paid: formatFen(o.dues.paidFen, true), settled: o.dues.settled, members: o.dues.members, arrears: o.dues.arrears.count, six: o.dues.arrearsSixMonths.count }) },
      { key: 'counter', text: t('home.briefing.lines.counter', { when, accepted: o.counter.accepted.count, rate: pct(o.counter.onTime.rate), satisfaction: o.counter.averageSatisfaction ?? dash, overdue: o.counter.overdueNow.count }) },
      { key: 'volunteers', text: t('home.briefing.lines.volunteers', { when, records: o.volunteerHours.records, hours: o.volunteerHours.hours }) },
      { key: 'governance', text: t('home.briefing.lines.governance', { year: o.projects.year, rate: pct(o.projects.street.rate), done: o.projects.street.done, total: o.projects.street.total, when, due: o.elections.dueInPeriod.count, overdue: o.elections.overdue.count, disclosures: o.disclosures.due.count, disclosuresOverdue: o.disclosures.overdue.count }) },
      { key: 'transfers', text: t('home.briefing.lines.transfers', { open: o.transfers.open.count, overdue: o.transfers.overdue.count, attention: o.attentionTotal }) },
    ].map((line) => ({ ...line, area: t(`home.briefing.areas.${line.key}`) }));
  }, [o, t]);
}

export function BriefingDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t, i18n } = useTranslation();
  const spanParam = params.get('span') as OverviewSpan | null;
  const span = spanParam && SPANS.includes(spanParam) ? spanParam : 'month';
  const period = params.get('period') ?? undefined;
  const input = useMemo(() => ({ ...(period ? { period } : {}), span }), [period, span]);
  const { data: o, error } = useApi('overview.get', input, [params, reloadKey]);
  const status = useApi('app.status', undefined, []);
  const lines = useSummary(o);
  const charts = useMemo(() => (o ? { byCommunity: communityMembersChart(o, t), ages: agesChart(o, t, true), life: lifeChart(o, t) } : null), [o, t]);
  useEffect(() => {
    // The charts draw on setOption (no animation), so the page is complete once the data is in.
    if (o && status.data) report({ records: 0, done: 1, total: 1, ready: true });
  }, [o, status.data, report]);
  if (!o || !status.data || !charts) return <DocLoading error={error ?? status.error} />;

  const unit = o.communityName ?? status.data.street?.name ?? '';
  const dash = t('common.empty');
  const pct = (rate: number | null) => (rate === null ? dash : `${rate}%`);
  const duesRate = o.dues.dueFen > 0 ? `${Math.round((o.dues.paidFen / o.dues.dueFen) * 1000) / 10}%` : dash;
  const periodText = o.span === 'month' ? t('home.briefing.periodMonth', { year: o.period.slice(0, 4), month: Number(o.period.slice(5, 7)) }) : t('home.range', { from: o.fromMonth, to: o.toMonth });
  const figures = [
    { label: t('home.tiles.members'), value: o.members.total.count.toLocaleString(i18n.language) },
    { label: t('home.briefing.figures.accepted', { when: t(`home.briefing.this.${o.span}`) }), value: o.counter.accepted.count.toLocaleString(i18n.language) },
    { label: t('home.tiles.onTime'), value: pct(o.counter.onTime.rate) },
    { label: t('home.tiles.life'), value: pct(o.life.street.rate) },
    { label: t('home.briefing.figures.duesRate'), value: duesRate },
    { label: t('home.briefing.figures.attention'), value: String(o.attentionTotal) },
  ];
  const chartHeight = Math.round(52 * MM);

  return (
    <Sheet paper={paper} className="doc-briefing">
      <header className="briefing-head">
        <div className="briefing-masthead">{spacedTitle(t('home.briefing.title'))}</div>
        <div className="briefing-issue">
          <span>{unit}</span>
          <span>{periodText}</span>
          <span>{t('home.briefing.issuedOn', { date: formalDate(o.today, i18n.language) })}</span>
        </div>
      </header>

      <div className="briefing-figures">
        {figures.map((f) => (
          <div key={f.label} className="briefing-figure">
            <div className="briefing-figure-value">{f.value}</div>
            <div className="briefing-figure-label">{f.label}</div>
          </div>
        ))}
      </div>

      <h2 className="briefing-section">{t('home.briefing.summary')}</h2>
      <ul className="briefing-lines">
        {lines.map((line) => (
          <li key={line.key}>
            <b>{line.area}</b>
            {line.text}
          </li>
        ))}
      </ul>

      <div className="briefing-charts">
        <figure>
          <figcaption>{t('home.charts.byCommunity')}</figcaption>
          <Chart label={t('home.charts.byCommunity')} option={charts.byCommunity} height={chartHeight} animation={false} />
        </figure>
        <figure>
          <figcaption>{t('home.charts.ages')}</figcaption>
          <Chart label={t('home.charts.ages')} option={charts.ages} height={chartHeight} animation={false} />
        </figure>
        <figure>
          <figcaption>{t('home.charts.life')}</figcaption>
          <Chart label={t('home.charts.life')} option={charts.life} height={chartHeight} animation={false} />
        </figure>
      </div>

      <h2 className="briefing-section">{t('home.ranking.title')}</h2>
      <table className="briefing-ranking">
        <thead>
          <tr>
            <th>{t('home.ranking.community')}</th>
            <th>{t('home.ranking.members')}</th>
            <th>{t('home.ranking.lifeRate')}</th>
            <th>{t('home.ranking.onTimeRate')}</th>
            <th>{t('home.ranking.projectRate')}</th>
          </tr>
        </thead>
        <tbody>
          {o.ranking.slice(0, 12).map((r) => (
            <tr key={r.communityId}>
              <td>{r.communityName}</td>
              <td>{r.members}</td>
              <td>{pct(r.lifeRate)}</td>
              <td>{pct(r.onTimeRate)}</td>
              <td>{pct(r.projectRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <footer className="briefing-foot">
        <span>{t('home.briefing.issuer', { unit })}</span>
        <span>{t('home.briefing.source')}</span>
      </footer>
    </Sheet>
  );
}
