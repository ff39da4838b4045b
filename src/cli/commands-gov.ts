// Community governance's commands (issue 17): the year's project completion by type and community, the
// terms due, the open column's areas due in a month, and the year's collective-economy audits. Each runs the
// same contract method the 社区治理 page calls, as the logged-in user; rates are the registers' to one decimal.
import type { Language } from '../shared/api/schemas';
import { PROJECT_TYPES } from '../shared/api/schemas-gov';
import { L, UsageError, dayOption, intOption, sessionOf, str, type Command, type CommandContext } from './declare';

const TYPE_TEXT: Record<Language, Record<string, string>> = {
  'zh-CN': { secretary: '书记项目', first_secretary: '第一书记项目', priority: '重点项目', rectification: '软弱涣散整顿' },
  en: { secretary: 'secretary projects', first_secretary: 'first-secretary projects', priority: 'priority projects', rectification: 'rectification of weak organizations' },
};
const AREA_TEXT: Record<Language, Record<string, string>> = {
  'zh-CN': { party: '党务', affairs: '居务', finance: '财务', service: '服务' },
  en: { party: 'Party affairs', affairs: 'community affairs', finance: 'finances', service: 'services' },
};
const STATE_TEXT: Record<Language, Record<string, string>> = {
  'zh-CN': { onTime: '已公开', due: '待公开', overdue: '【逾期】未公开' },
  en: { onTime: 'published', due: 'due', overdue: '[OVERDUE] not published' },
};
const KIND_TEXT: Record<Language, Record<string, string>> = {
  'zh-CN': { annual: '年度审计', term: '任期审计', leaving: '离任审计', special: '专项审计' },
  en: { annual: 'annual', term: 'term', leaving: 'leaving office', special: 'special' },
};
const REMINDER_TEXT: Record<Language, Record<string, string>> = {
  'zh-CN': { sixMonths: '6 个月内到期', threeMonths: '3 个月内到期', overdue: '【逾期】', unknown: '无换届记录' },
  en: { sixMonths: 'due within 6 months', threeMonths: 'due within 3 months', overdue: '[OVERDUE]', unknown: 'no election on record' },
};

const PHASE_TEXT: Record<Language, Record<string, string>> = {
  'zh-CN': { setting: '春季立项（计划未审定）', working: '年中推进（计划已审定）', closed: '年终已结项' },
  en: { setting: 'set in spring (plan not approved)', working: 'worked mid-year (plan approved)', closed: 'closed' },
};
const rateOf = (rate: string | null) => (rate === null ? '—' : `${rate}%`);

function yearOption(ctx: Pick<CommandContext, 'values' | 'text'>): number {
  return intOption(ctx.values, 'year', 2000, 2999, ctx.text);
}

const YEAR = { type: 'string', required: true, value: L('年度', 'YYYY'), help: L('年度（如 2026）', 'the year (such as 2026)') } as const;

export const GOV_COMMANDS: Command[] = [
  {
    name: 'projects stats',
    writes: false,
    summary: L('一年的项目完成率（完成数 ÷ 总数，保留一位小数），按类别和社区', "a year's project completion (done ÷ total, to one decimal) by type and community"),
    options: {
      year: YEAR,
      type: { type: 'string', value: L('类别', 'TYPE'), help: L(`只统计一类：${PROJECT_TYPES.join('、')}`, `one type only: ${PROJECT_TYPES.join(', ')}`) },
    },
    precheck(values, text) {
      yearOption({ values, text });
      const type = str(values, 'type');
      if (type !== undefined && !(PROJECT_TYPES as readonly string[]).includes(type)) throw new UsageError(text.badChoice('--type', type, PROJECT_TYPES.join('|')));
    },
    async run(ctx) {
      const type = str(ctx.values, 'type') as (typeof PROJECT_TYPES)[number] | undefined;
      const stats = await sessionOf(ctx).call('projects.stats', { year: yearOption(ctx), ...(type ? { type } : {}) });
      const zh = ctx.lang === 'zh-CN';
      const line = (name: string, r: { total: number; done: number; rate: string | null }) => (zh ? `  ${name}：${r.done}/${r.total}，完成率 ${rateOf(r.rate)}` : `  ${name}: ${r.done}/${r.total}, ${rateOf(r.rate)} done`);
      const human = [
        zh ? `${stats.year} 年项目完成情况：${stats.street.done}/${stats.street.total}，完成率 ${rateOf(stats.street.rate)}` : `Projects of ${stats.year}: ${stats.street.done}/${stats.street.total}, ${rateOf(stats.street.rate)} done`,
        ...stats.byType.filter((r) => r.total > 0).map((r) => line(TYPE_TEXT[ctx.lang][r.type], r)),
        ...stats.byCommunity.map((r) => line(r.communityName, r)),
        ...(stats.overdueMilestones > 0 ? [zh ? `逾期未完成的进度节点 ${stats.overdueMilestones} 个` : `${stats.overdueMilestones} milestones overdue`] : []),
        // A closed year's rate is the closed one: say so, with the day.
        zh ? `年度进程：${PHASE_TEXT[ctx.lang][stats.cycle.phase]}${stats.cycle.closedOn ? `，${stats.cycle.closedOn}` : ''}` : `The year: ${PHASE_TEXT[ctx.lang][stats.cycle.phase]}${stats.cycle.closedOn ? `, ${stats.cycle.closedOn}` : ''}`,
      ].join('\n');
      const { phase, approvedOn, closedOn } = stats.cycle;
      return { value: { year: stats.year, ...stats.street, byType: stats.byType, byCommunity: stats.byCommunity, overdueMilestones: stats.overdueMilestones, phase, approvedOn, closedOn }, human };
    },
  },
  {
    name: 'terms due',
    writes: false,
    summary: L('到期或将到期换届的党组织（提前 6 个月、3 个月提醒，逾期按月提醒）', 'organizations whose election is due (reminded 6 and 3 months before, monthly once overdue)'),
    options: { before: { type: 'string', value: L('日期', 'DATE'), help: L('只列出此日期（含）前到期的（YYYY-MM-DD）；默认列出所有有提醒的', 'only those due by this day (YYYY-MM-DD); by default every one with a reminder') } },
    precheck(values, text) {
      dayOption(values, 'before', text);
    },
    async run(ctx) {
      const before = dayOption(ctx.values, 'before', ctx.text);
      const all = await sessionOf(ctx).call('terms.list', before ? { before } : {});
      const terms = before ? all : all.filter((x) => x.reminder !== null);
      const zh = ctx.lang === 'zh-CN';
      const human = [
        terms.length === 0 ? (zh ? '没有需要换届的党组织。' : 'No organization has an election due.') : zh ? `需要换届的党组织 ${terms.length} 个：` : `${terms.length} organizations with an election due:`,
        ...terms.map((x) => {
          const when = x.dueOn ?? '—';
          const late = x.monthsOverdue > 0 ? (zh ? `（已逾期 ${x.monthsOverdue} 个月）` : ` (${x.monthsOverdue} months overdue)`) : '';
          return `  ${x.orgName}  ${when}  ${REMINDER_TEXT[ctx.lang][x.reminder ?? 'unknown'] ?? ''}${late}`;
        }),
      ].join('\n');
      return { value: { before: before ?? null, terms }, human };
    },
  },
  {
    name: 'disclosure due',
    writes: false,
    summary: L('某月各社区四务公开的情况（财务每月、其他每季度，固定公开日前后）', "a month's open-column areas by community (finances monthly, the rest quarterly, around the fixed day)"),
    options: { period: { type: 'string', required: true, value: L('月份', 'YYYY-MM'), help: L('月份（YYYY-MM）', 'the month (YYYY-MM)') } },
    precheck(values, text) {
      if (typeof values.period === 'string' && !/^[12]\d{3}-(0[1-9]|1[0-2])$/.test(values.period)) throw new UsageError(text.badChoice('--period', values.period, 'YYYY-MM'));
    },
    async run(ctx) {
      const due = await sessionOf(ctx).call('disclosure.due', { period: String(ctx.values.period) });
      const zh = ctx.lang === 'zh-CN';
      const late = due.rows.filter((r) => r.state !== 'onTime');
      const human = [
        zh ? `${due.period} 固定公开日 ${due.fixedDay}；未按时公开 ${late.length} 项：` : `${due.period}, fixed day ${due.fixedDay}; ${late.length} not published on time:`,
        ...late.map((r) => `  ${r.communityName}  ${AREA_TEXT[ctx.lang][r.area]}  ${STATE_TEXT[ctx.lang][r.state]}${r.lastPublishedOn ? (zh ? `（上次 ${r.lastPublishedOn}）` : ` (last ${r.lastPublishedOn})`) : ''}`),
      ].join('\n');
      return { value: { period: due.period, fixedDay: due.fixedDay, rows: due.rows }, human };
    },
  },
  {
    name: 'audits stats',
    writes: false,
    summary: L('一年的集体经济审计：计划数、完成数、完成率（按审计类型）和整改情况', "a year's collective-economy audits: planned, done and the rate (by kind), and rectifications"),
    options: { year: YEAR },
    precheck(values, text) {
      yearOption({ values, text });
    },
    async run(ctx) {
      const stats = await sessionOf(ctx).call('audits.stats', { year: yearOption(ctx) });
      const zh = ctx.lang === 'zh-CN';
      const human = [
        zh
          ? `${stats.year} 年集体经济审计：计划 ${stats.street.planned} 项，完成 ${stats.street.done} 项，完成率 ${rateOf(stats.street.rate)}`
          : `Collective-economy audits of ${stats.year}: ${stats.street.planned} planned, ${stats.street.done} done, ${rateOf(stats.street.rate)}`,
        ...stats.byKind.filter((k) => k.total > 0).map((k) => `  ${KIND_TEXT[ctx.lang][k.kind]}  ${k.done}/${k.total}  ${rateOf(k.rate)}`),
        zh
          ? `整改事项 ${stats.rectifications.total} 项，已完成 ${stats.rectifications.done} 项，逾期 ${stats.rectifications.overdue} 项`
          : `${stats.rectifications.total} rectifications, ${stats.rectifications.done} done, ${stats.rectifications.overdue} overdue`,
      ].join('\n');
      return { value: { year: stats.year, ...stats.street, byKind: stats.byKind, rectifications: stats.rectifications }, human };
    },
  },
];
