// The secretary's overview (issue 18) on the command line: the same contract method the home page calls,
// as the logged-in user (a user limited to one community gets that community's figures).
import { OVERVIEW_SPANS, type OverviewSpan } from '../shared/api/schemas-overview';
import { L, UsageError, sessionOf, str, type Command } from './declare';

const MONTH = /^[12]\d{3}-(0[1-9]|1[0-2])$/;
const pct = (rate: number | null) => (rate === null ? '—' : `${rate}%`);

export const OVERVIEW_COMMANDS: Command[] = [
  {
    name: 'overview',
    writes: false,
    summary: L('工作台总览：党员、发展、组织生活、党费、服务、治理的主要数字和今日待办', 'the overview: members, development, organizational life, dues, the counter, governance and what needs attention today'),
    options: {
      period: { type: 'string', value: L('年-月', 'YYYY-MM'), help: L('统计的月份（默认本月）', 'the month (default: this month)') },
      span: { type: 'string', value: L('month|quarter|year', 'month|quarter|year'), help: L('统计周期：月、所在季度或所在年度（默认月）', 'the period: the month, its quarter or its year (default month)') },
    },
    precheck(values, text) {
      const period = str(values, 'period');
      if (period !== undefined && !MONTH.test(period)) throw new UsageError(text.badChoice('--period', period, 'YYYY-MM'));
      const span = str(values, 'span');
      if (span !== undefined && !(OVERVIEW_SPANS as readonly string[]).includes(span)) throw new UsageError(text.badChoice('--span', span, OVERVIEW_SPANS.join('|')));
    },
    async run(ctx) {
      const period = str(ctx.values, 'period');
      const span = (str(ctx.values, 'span') ?? 'month') as OverviewSpan;
      const o = await sessionOf(ctx).call('overview.get', { ...(period ? { period } : {}), span });
      const zh = ctx.lang === 'zh-CN';
      const m = o.members;
      const human = [
        zh ? `${o.communityName ?? '全街道'} ${o.fromMonth}～${o.toMonth}` : `${o.communityName ?? 'The whole street'}, ${o.fromMonth} to ${o.toMonth}`,
        zh
          ? `党员 ${m.total.count} 名（正式 ${m.full.count}，预备 ${m.probationary.count}）；流动 ${m.mobile.count}，失联 ${m.lostContact.count}，困难 ${m.hardship.count}`
          : `${m.total.count} members (${m.full.count} full, ${m.probationary.count} probationary); ${m.mobile.count} mobile, ${m.lostContact.count} lost contact, ${m.hardship.count} in hardship`,
        zh
          ? `受理 ${o.counter.accepted.count} 件，按时办结率 ${pct(o.counter.onTime.rate)}，当前超期 ${o.counter.overdueNow.count} 件`
          : `${o.counter.accepted.count} requests accepted, ${pct(o.counter.onTime.rate)} closed on time, ${o.counter.overdueNow.count} overdue now`,
        zh ? `组织生活落实率 ${pct(o.life.street.rate)}；项目完成率 ${pct(o.projects.street.rate)}` : `Organizational life ${pct(o.life.street.rate)} held; projects ${pct(o.projects.street.rate)} done`,
        zh ? `转接未办结 ${o.transfers.open.count}，逾期 ${o.transfers.overdue.count}；今日待办 ${o.attentionTotal} 项` : `${o.transfers.open.count} transfers open, ${o.transfers.overdue.count} overdue; ${o.attentionTotal} items need attention today`,
      ].join('\n');
      return { value: { ...o }, human };
    },
  },
];
