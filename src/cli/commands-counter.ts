// The service counter's commands: due dates in working days and the override table, the catalog and the
// requests list. Each runs the same contract method the window calls, as the local tool `cli`.
import type { Language } from '../shared/api/schemas';
import { REQUEST_STATUSES } from '../shared/api/schemas-counter';
import { UsageError, intOption, type Command } from './commands';

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

function stringOption(values: Record<string, string | boolean | string[] | undefined>, name: string): string | undefined {
  return typeof values[name] === 'string' ? (values[name] as string) : undefined;
}

export const COUNTER_COMMANDS: Command[] = [
  {
    name: 'workdays due',
    createsDatabase: false,
    required: ['from', 'days'],
    precheck(values, text) {
      intOption(values, 'days', 0, 365, text);
    },
    async run(ctx) {
      const days = intOption(ctx.values, 'days', 0, 365, ctx.text);
      const result = await ctx.app.invokeAsSystem('workdays.due', { from: String(ctx.values.from), days });
      return { value: { due: result.due, from: result.from, days: result.days }, human: counterText(ctx.lang).due(result.from, result.days, result.due) };
    },
  },
  {
    name: 'workdays override',
    createsDatabase: false,
    required: ['date'],
    precheck(values, text) {
      if (values.workday === values.holiday) throw new UsageError(text.needOneOf('--workday', '--holiday'));
    },
    async run(ctx) {
      const kind = ctx.values.workday ? 'workday' : 'holiday';
      const saved = await ctx.app.invokeAsSystem('workdays.overrides.save', { date: String(ctx.values.date), kind, dayName: stringOption(ctx.values, 'name') ?? '' });
      return { value: { override: saved }, human: counterText(ctx.lang).override(saved.date, saved.kind, saved.name) };
    },
  },
  {
    name: 'matters list',
    createsDatabase: false,
    required: [],
    async run(ctx) {
      const matters = await ctx.app.invokeAsSystem('matters.list', {});
      const t = counterText(ctx.lang);
      const lines = matters.map((m) => `  ${CLASS_TEXT[ctx.lang][m.listClass]}\t${m.limitDays}\t${m.name}`);
      return { value: { matters }, human: [t.matters(matters.length), ...lines].join('\n') };
    },
  },
  {
    name: 'requests list',
    createsDatabase: false,
    required: [],
    precheck(values, text) {
      const status = values.status;
      if (status !== undefined && !(REQUEST_STATUSES as readonly unknown[]).includes(status)) {
        throw new UsageError(text.badChoice('--status', String(status), REQUEST_STATUSES.join('|')));
      }
      intOption(values, 'limit', 1, 500, text, 200);
    },
    async run(ctx) {
      const status = stringOption(ctx.values, 'status') as (typeof REQUEST_STATUSES)[number] | undefined;
      const overdue = ctx.values.overdue === true ? true : undefined;
      const limit = intOption(ctx.values, 'limit', 1, 500, ctx.text, 200);
      const result = await ctx.app.invokeAsSystem('requests.list', { status, overdue, limit });
      const t = counterText(ctx.lang);
      const lines = result.requests.map((r) => `  ${r.flag === 'overdue' ? t.overdue : ''}${r.number}\t${r.residentName}\t${r.matterName}\t${r.status}\t${r.dueOn}`);
      return { value: { total: result.total, requests: result.requests }, human: [t.requests(result.total, result.requests.length), ...lines].join('\n') };
    },
  },
];
