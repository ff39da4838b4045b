// The secretary's overview (issue 18). Each tile is read through the handler of the page it links to, with
// the same input that page sends for the filter the link opens: the figure and the page's count agree by
// construction, and a user limited to one community gets that community's figures (the handlers read the scope).
import type { CallContext, Handler, Handlers } from '../context';
import { contract, type ApiInput, type ApiOutputs, type Method } from '../../shared/api/contract';
import type { Overview, OverviewRate, RankingRow } from '../../shared/api/contract-overview';
import type { OverviewSpan } from '../../shared/api/schemas-overview';
import { localIsoDate } from '../../shared/validators';
import { scopedCommunity } from '../scope';
import { counterStats } from '../services/counter/stats';
import { counterRequestHandlers } from './counter-requests';
import { counterResourceHandlers } from './counter-resources';
import { developHandlers } from './develop';
import { duesHandlers } from './dues';
import { govHandlers } from './gov';
import { lifeHandlers } from './life';
import { transferHandlers } from './transfers';
import { memberTiles } from '../services/overview/members';
import { attentionItems } from '../services/overview/attention';
import { lastDayOf, periodBounds } from '../services/overview/period';
import { developSteps, pipelineAt } from '../services/overview/develop';
import { rankingRows } from '../services/overview/ranking';

const pages = { ...counterRequestHandlers, ...counterResourceHandlers, ...developHandlers, ...duesHandlers, ...govHandlers, ...lifeHandlers, ...transferHandlers };
type PageMethod = keyof typeof pages;

/** Calls a page's handler as the page would: its input parsed by the contract (defaults and all). */
export async function readPage<M extends PageMethod & Method>(ctx: CallContext, method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
  const handler = pages[method] as unknown as Handler<M>;
  return handler(ctx, contract[method].input.parse(input) as never);
}

const attention = ({ items, total }: { items: Overview['attention']; total: number }) => ({ attention: items, attentionTotal: total });
const rate = (done: number, total: number): OverviewRate => ({ done, total, rate: total ? Math.round((done / total) * 1000) / 10 : null });

export async function overview(ctx: CallContext, period: string | undefined, span: OverviewSpan): Promise<Overview> {
  const today = localIsoDate(ctx.now());
  const thisMonth = today.slice(0, 7);
  const month = period ?? thisMonth;
  const bounds = periodBounds(month, span, today);
  const { months } = bounds;
  const year = Number(month.slice(0, 4));
  // Months still to come count nothing; the counter's monthly figures are read up to this month.
  const counted = months.filter((m) => m <= thisMonth);

  // A month is the counter.stats page's own read; a quarter or a year the same query over its months in one
  // pass (the months' sums: twelve passes made a year's overview 1 s on 100,000 requests).
  const counterMonths =
    counted.length <= 1
      ? await Promise.all(counted.map((m) => readPage(ctx, 'counter.stats', { period: m })))
      : [counterStats(ctx.db, counted[0], scopedCommunity(ctx.scope, undefined), today, counted[counted.length - 1])];
  const accepted = counterMonths.reduce((n, c) => n + c.accepted, 0);
  const closed = counterMonths.reduce((n, c) => n + c.closed, 0);
  const onTime = counterMonths.reduce((n, c) => n + c.closedOnTime, 0);
  const rated = counterMonths.reduce((n, c) => n + c.rated, 0);
  const satisfactionSum = counterMonths.reduce((n, c) => n + (c.averageSatisfaction ?? 0) * c.rated, 0);
  const byList = (counterMonths[0]?.byList ?? []).map((l) => ({ listClass: l.listClass, count: counterMonths.reduce((n, c) => n + (c.byList.find((x) => x.listClass === l.listClass)?.count ?? 0), 0) }));
  const hours = counterMonths.flatMap((c) => c.volunteerHoursByTeam);
  const overdueRequests = await readPage(ctx, 'requests.list', { overdue: true, limit: 50 });

  const develop = await readPage(ctx, 'develop.list', {});
  const monthEnd = lastDayOf(thisMonth);
  const developDue = await readPage(ctx, 'develop.list', { dueBefore: monthEnd });
  const stages = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const;
  // The board lists today's register; a past period's stages are read from the steps' dates.
  const pipeline = bounds.current ? null : pipelineAt(ctx.db, ctx.scope, bounds.asOf);
  const stageCount = (stage: (typeof stages)[number] | 'disqualified') => (pipeline ? (pipeline.get(stage) ?? 0) : develop.counts.filter((c) => c.stage === stage).reduce((n, c) => n + c.count, 0));

  const life = await readPage(ctx, 'life.compliance', { year });
  // The tile, its chart and the ranking read the span's own period (this quarter, this month), as the compliance
  // page does at its address; what needs attention today reads the whole year.
  const monthNumber = Number(month.slice(5, 7));
  const lifeSpan = span === 'year' ? life : await readPage(ctx, 'life.compliance', span === 'quarter' ? { year, quarter: Math.ceil(monthNumber / 3) } : { year, month: monthNumber });
  const ledgerMonth = months[months.length - 1] > thisMonth ? thisMonth : months[months.length - 1];
  const ledger = await readPage(ctx, 'dues.ledger', { period: ledgerMonth });
  const arrears = await readPage(ctx, 'dues.arrears', { minMonths: 1, asOf: ledgerMonth });
  // "Needs attention today" reads today's six months in a row; the tile the period's.
  const arrears6Then = await readPage(ctx, 'dues.arrears', { minMonths: 6, asOf: ledgerMonth });
  const arrears6 = ledgerMonth === thisMonth ? arrears6Then : await readPage(ctx, 'dues.arrears', { minMonths: 6 });
  const projects = await readPage(ctx, 'projects.stats', { year });
  const terms = await readPage(ctx, 'terms.list', {});
  const disclosures = await readPage(ctx, 'disclosure.due', { period: thisMonth });
  const openTransfers = await readPage(ctx, 'transfers.list', { open: true, limit: 1 });
  const overdueTransfers = await readPage(ctx, 'transfers.list', { overdue: true, limit: 50 });

  const members = memberTiles(ctx.db, ctx.scope, today, bounds);
  const termsDue = terms.filter((t) => t.dueOn !== null && t.dueOn >= bounds.from && t.dueOn <= bounds.end);
  const termsOverdue = terms.filter((t) => t.dueOn !== null && t.dueOn < bounds.asOf);
  const projectRate = (p: { done: number; total: number }) => rate(p.done, p.total);
  const ranking: RankingRow[] = rankingRows(ctx.db, members.byCommunity, lifeSpan.communities, projects.byCommunity, counted);

  return {
    span,
    period: month,
    fromMonth: months[0],
    toMonth: months[months.length - 1],
    today,
    asOf: bounds.asOf,
    current: bounds.current,
    communityName: ctx.scope?.communityName ?? null,
    members,
    develop: {
      total: pipeline ? { count: [...pipeline.values()].reduce((n, c) => n + c, 0), link: null } : { count: develop.people.length, link: '/develop' },
      byStage: stages.map((stage) => ({ stage, count: stageCount(stage) })),
      dueThisMonth: { count: developDue.people.length, link: '/develop' },
      steps: developSteps(ctx.db, ctx.scope, bounds),
      stepsLink: `/returns/${bounds.asOf.slice(0, 7)}`,
    },
    life: {
      year,
      period: lifeSpan.period,
      link: `/life/compliance/${lifeSpan.period}`,
      street: rate(lifeSpan.street.done, lifeSpan.street.due),
      byCommunity: lifeSpan.communities.map((c) => ({ ...rate(c.done, c.due), communityName: c.communityName })),
      missing: { count: lifeSpan.overdue.length, link: `/life/compliance/${lifeSpan.period}` },
    },
    dues: {
      period: ledgerMonth,
      dueFen: ledger.totals.dueFen,
      paidFen: ledger.totals.paidFen,
      members: ledger.totals.members,
      settled: ledger.totals.settled,
      link: '/dues',
      // The arrears page as of the same month, owing at least one or six months.
      arrears: { count: arrears.rows.length, link: `/dues/arrears/${ledgerMonth}/1` },
      arrearsSixMonths: { count: arrears6Then.rows.length, link: `/dues/arrears/${ledgerMonth}/6` },
    },
    counter: {
      accepted: { count: accepted, link: '/service-stats' },
      byList,
      onTime: rate(onTime, closed),
      averageSatisfaction: rated ? Math.round((satisfactionSum / rated) * 100) / 100 : null,
      overdueNow: { count: overdueRequests.total, link: '/counter/overdue' },
    },
    volunteerHours: { hours: Math.round(hours.reduce((n, h) => n + h.hours, 0) * 10) / 10, records: hours.reduce((n, h) => n + h.records, 0), link: '/volunteers/records' },
    projects: { year, street: projectRate(projects.street), byType: projects.byType.map((t) => ({ ...projectRate(t), type: t.type })), link: '/gov/projects' },
    elections: {
      dueInPeriod: { count: termsDue.length, link: '/gov/terms' },
      overdue: { count: termsOverdue.length, link: '/gov/terms' },
    },
    disclosures: {
      due: { count: disclosures.rows.filter((r) => r.state === 'due').length, link: '/gov/disclosure' },
      overdue: { count: disclosures.rows.filter((r) => r.state === 'overdue').length, link: '/gov/disclosure' },
    },
    transfers: { open: { count: openTransfers.total, link: '/transfers/open' }, overdue: { count: overdueTransfers.total, link: '/transfers/overdue' } },
    ranking,
    ...attention(attentionItems({ today, requests: overdueRequests.requests, transfers: overdueTransfers.transfers, life, develop: develop.people, terms, disclosures: disclosures.rows, arrears: arrears6.rows })),
  };
}

export const overviewHandlers: Pick<Handlers, 'overview.get'> = {
  'overview.get'(ctx, input) {
    return overview(ctx, input.period, input.span);
  },
};
