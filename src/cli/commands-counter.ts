// The service counter's commands: due dates in working days and the override table, the catalog and the
// requests list. Each runs the same contract method the window calls, as the logged-in user.
import type { Language } from '../shared/api/schemas';
import { REQUEST_STATUSES } from '../shared/api/schemas-counter';
import { L, UsageError, intOption, sessionOf, str, type Command } from './declare';

const CLASS_TEXT: Record<Language, Record<string, string>> = {
  'zh-CN': { immediate: '即办', agency: '代办', guidance: '指导' },
  en: { immediate: 'immediate', agency: 'agency', guidance: 'guidance' },
};

function counterText(lang: Language) {
  const zh = lang === 'zh-CN';
  return {
    due: (from: string, days: number, due: string) => (zh ? `${from} 受理，${days} 个工作日，到期日 ${due}` : `Accepted ${from}, ${days} working days: due ${due}`),
    override: (date: string, kind: string, name: string) =>
      zh ? `已登记：${date} ${kind === 'workday' ? '上班' : '休息'}${name ? `（${name}）` : ''}` : `Recorded: ${date} is a ${kind === 'workday' ? 'working day' : 'holiday'}${name ? ` (${name})` : ''}`,
    matters: (n: number) => (zh ? `服务事项共 ${n} 项：` : `${n} service matters:`),
    requests: (total: number, shown: number) => (zh ? `受理单共 ${total} 件（显示 ${shown} 件）：` : `${total} requests (${shown} shown):`),
    overdue: zh ? '【逾期】' : '[OVERDUE] ',
  };
}

export const COUNTER_COMMANDS: Command[] = [
  {
    name: 'workdays due',
    writes: false,
    summary: L(
      '受理日加若干工作日的到期日（受理次日起算，含法定节假日、调休和本库的调整表）',
      "the due date N working days after DATE (the clock starts the next day; statutory holidays, make-up workdays and the database's override table)",
    ),
    options: {
      from: { type: 'string', required: true, value: L('日期', 'DATE'), help: L('受理日（YYYY-MM-DD）', 'the day accepted (YYYY-MM-DD)') },
      days: { type: 'string', required: true, value: L('天数', 'N'), help: L('办理时限，工作日（0 到 365）', 'the time limit in working days (0 to 365)') },
    },
    precheck(values, text) {
      intOption(values, 'days', 0, 365, text);
    },
    async run(ctx) {
      const days = intOption(ctx.values, 'days', 0, 365, ctx.text);
      const result = await sessionOf(ctx).call('workdays.due', { from: String(ctx.values.from), days });
      return { value: { due: result.due, from: result.from, days: result.days }, human: counterText(ctx.lang).due(result.from, result.days, result.due) };
    },
  },
  {
    name: 'workdays override',
    writes: true,
    summary: L('在工作日调整表中登记一天（如次年放假安排公布后）', "record one day in the working-day override table (once next year's holidays are announced)"),
    options: {
      date: { type: 'string', required: true, value: L('日期', 'DATE'), help: L('要登记的一天（YYYY-MM-DD）', 'the day to record (YYYY-MM-DD)') },
      workday: { type: 'boolean', help: L('这一天上班（调休）', 'the day is a working day (a make-up day)') },
      holiday: { type: 'boolean', help: L('这一天放假', 'the day is a holiday') },
      name: { type: 'string', value: L('名称', 'TEXT'), help: L('这一天的名称（如 国庆节）', "the day's name (such as 国庆节)") },
    },
    precheck(values, text) {
      if (values.workday === values.holiday) throw new UsageError(text.needOneOf('--workday', '--holiday'));
    },
    async run(ctx) {
      const kind = ctx.values.workday ? 'workday' : 'holiday';
      const saved = await sessionOf(ctx).call('workdays.overrides.save', { date: String(ctx.values.date), kind, dayName: str(ctx.values, 'name') ?? '' });
      return { value: { override: saved }, human: counterText(ctx.lang).override(saved.date, saved.kind, saved.name) };
    },
  },
  {
    name: 'matters list',
    writes: false,
    summary: L('列出服务事项清单（即办、代办、指导）', 'list the service-matter catalog (immediate, agency, guidance)'),
    options: {},
    async run(ctx) {
      const matters = await sessionOf(ctx).call('matters.list', {});
      const t = counterText(ctx.lang);
      const lines = matters.map((m) => `  ${CLASS_TEXT[ctx.lang][m.listClass]}\t${m.limitDays}\t${m.name}`);
      return { value: { matters }, human: [t.matters(matters.length), ...lines].join('\n') };
    },
  },
  {
    name: 'requests list',
    writes: false,
    summary: L('列出一站式受理单', 'list one-stop requests'),
    options: {
      status: { type: 'string', value: L('状态', 'STATUS'), help: L(`只列这个状态的（${REQUEST_STATUSES.join('|')}）`, `only requests in this status (${REQUEST_STATUSES.join('|')})`) },
      overdue: { type: 'boolean', help: L('只列逾期未办结的', 'only the open ones past due') },
      limit: { type: 'string', value: L('条数', 'N'), help: L('最多列出的条数（1 到 500，默认 200）', 'at most this many (1 to 500, default 200)') },
    },
    precheck(values, text) {
      const status = values.status;
      if (status !== undefined && !(REQUEST_STATUSES as readonly unknown[]).includes(status)) {
        throw new UsageError(text.badChoice('--status', String(status), REQUEST_STATUSES.join('|')));
      }
      intOption(values, 'limit', 1, 500, text, 200);
    },
    async run(ctx) {
      const status = str(ctx.values, 'status') as (typeof REQUEST_STATUSES)[number] | undefined;
      const overdue = ctx.values.overdue === true ? true : undefined;
      const limit = intOption(ctx.values, 'limit', 1, 500, ctx.text, 200);
      const result = await sessionOf(ctx).call('requests.list', { status, overdue, limit });
      const t = counterText(ctx.lang);
      const lines = result.requests.map((r) => `  ${r.flag === 'overdue' ? t.overdue : ''}${r.number}\t${r.residentName}\t${r.matterName}\t${r.status}\t${r.dueOn}`);
      return { value: { total: result.total, requests: result.requests }, human: [t.requests(result.total, result.requests.length), ...lines].join('\n') };
    },
  },
];
