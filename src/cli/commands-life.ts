// Organizational life's commands: record a meeting with its absences, the year's compliance per branch and
// kind, and a branch's democratic appraisal from its tally workbook. Each runs the contract method the
// window calls, as the logged-in user (roles, scope, freeze and audit included).
import path from 'node:path';
import type { Language } from '../shared/api/schemas';
import { MEETING_TYPES, type MeetingType } from '../shared/api/schemas-life';
import { AppError } from '../shared/result';
import { readGrades } from '../core/import/grades-reader';
import { orgOption } from './commands';
import { CliRejection, L, UsageError, dayOption, intOption, sessionOf, str, type Command, type CommandContext } from './declare';
import { orgLabel } from '../shared/org-label';

const TYPE_TEXT: Record<Language, Record<MeetingType, string>> = {
  'zh-CN': { 'branch-meeting': '支部党员大会', committee: '支委会', group: '党小组会', lecture: '党课', 'theme-day': '主题党日', 'life-meeting': '组织生活会', talk: '谈心谈话' },
  en: { 'branch-meeting': 'branch general meeting', committee: 'committee meeting', group: 'Party group meeting', lecture: 'Party lecture', 'theme-day': 'theme Party day', 'life-meeting': 'organizational life meeting', talk: 'heart-to-heart talks' },
};

function lifeText(lang: Language) {
  const zh = lang === 'zh-CN';
  return {
    saved: (org: string, type: MeetingType, day: string, present: number, roster: number, invalid: boolean) =>
      zh
        ? `已登记：${org} ${day} ${TYPE_TEXT[lang][type]}，应到 ${roster} 人，实到 ${present} 人${invalid ? '（不足半数，会议无效）' : ''}`
        : `Recorded: ${org}, ${TYPE_TEXT[lang][type]} on ${day}, ${present} of ${roster} present${invalid ? ' (no quorum: not valid)' : ''}`,
    compliance: (period: string, rate: number | null) => (zh ? `${period.length === 4 ? `${period} 年` : `${period} `}组织生活落实率：${rate === null ? '—' : `${rate}%`}` : `Organizational life ${period}: ${rate === null ? '—' : `${rate}%`} held`),
    missing: (org: string, type: MeetingType, periods: string[]) => (zh ? `  ${org}：${TYPE_TEXT[lang][type]} 缺 ${periods.join('、')}` : `  ${org}: no ${TYPE_TEXT[lang][type]} in ${periods.join(', ')}`),
    appraised: (org: string, year: number, t: Record<string, number>) =>
      zh
        ? `已登记 ${org} ${year} 年民主评议：优秀 ${t.excellent}，合格 ${t.qualified}，基本合格 ${t.basic}，不合格 ${t.unqualified}`
        : `Recorded the ${year} appraisal of ${org}: ${t.excellent} excellent, ${t.qualified} qualified, ${t.basic} basically qualified, ${t.unqualified} unqualified`,
    badAbsent: (item: string) => (zh ? `--absent 的“${item}”应写成 党员编号:原因（如 12:出差）` : `--absent “${item}” should read MEMBER-ID:reason (such as 12:away on business)`),
    needOrg: zh ? '请用 --org 指定党组织' : 'Name the Party organization with --org',
  };
}

/** `--absent 12:出差,15:病假` → the absences; `leave:` before the reason records leave instead of absence. */
function absencesOption(ctx: CommandContext): { memberId: number; state: 'absent' | 'leave'; reason: string }[] {
  const raw = str(ctx.values, 'absent');
  if (raw === undefined) return [];
  return raw
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const m = /^(\d+)(?:[:：](.*))?$/.exec(item);
      if (!m) throw new UsageError(lifeText(ctx.lang).badAbsent(item));
      const reason = (m[2] ?? '').trim();
      const leave = /^(leave|请假)[:：]?/i.exec(reason);
      return { memberId: Number(m[1]), state: leave ? 'leave' : 'absent', reason: leave ? reason.slice(leave[0].length).trim() : reason };
    });
}

async function requiredOrg(ctx: CommandContext): Promise<number> {
  const org = await orgOption(ctx);
  if (org === undefined) throw new UsageError(lifeText(ctx.lang).needOrg);
  return org;
}

export const LIFE_COMMANDS: Command[] = [
  {
    name: 'life add',
    writes: true,
    summary: L('登记一次组织生活会议（名册当天的党员默认出席，只需列出缺席的）', "record a meeting of organizational life (the day's roster is present but for the absences given)"),
    options: {
      org: { type: 'string', required: true, value: L('组织', 'ORG'), help: L('党组织名称，或“上级/组织”', 'a Party organization: NAME, or PARENT/NAME') },
      type: { type: 'string', required: true, value: L('类型', 'TYPE'), help: L(`会议类型（${MEETING_TYPES.join('|')}）`, `the kind of meeting (${MEETING_TYPES.join('|')})`) },
      date: { type: 'string', required: true, value: L('日期', 'DATE'), help: L('会议日期（YYYY-MM-DD）', 'the day it was held (YYYY-MM-DD)') },
      topic: { type: 'string', value: L('主题', 'TEXT'), help: L('会议主题（默认为会议类型）', 'the topic (default: the kind of meeting)') },
      place: { type: 'string', value: L('地点', 'TEXT'), help: L('会议地点', 'where it was held') },
      absent: {
        type: 'string',
        value: L('编号:原因,…', 'ID:REASON,…'),
        help: L('缺席的党员：党员编号:原因，逗号分隔；原因写“请假:…”记为请假', 'absent members: MEMBER-ID:reason, comma-separated; a reason “leave:…” records leave'),
      },
    },
    precheck(values, text) {
      if (!(MEETING_TYPES as readonly unknown[]).includes(values.type)) throw new UsageError(text.badChoice('--type', String(values.type), MEETING_TYPES.join('|')));
      dayOption(values, 'date', text);
    },
    async run(ctx) {
      const orgId = await requiredOrg(ctx);
      const meetingType = String(ctx.values.type) as MeetingType;
      const heldOn = dayOption(ctx.values, 'date', ctx.text)!;
      const saved = await sessionOf(ctx).call('life.save', {
        orgId,
        meetingType,
        heldOn,
        topic: str(ctx.values, 'topic') ?? TYPE_TEXT[ctx.lang][meetingType],
        place: str(ctx.values, 'place') ?? '',
        absences: absencesOption(ctx),
      });
      return {
        value: { meeting: saved },
        human: lifeText(ctx.lang).saved(saved.orgName, saved.meetingType, saved.heldOn, saved.totals.present, saved.totals.roster, saved.invalidReason !== null),
      };
    },
  },
  {
    name: 'life compliance',
    writes: false,
    summary: L('一年的组织生活落实情况：每个支部每类会议已开和缺开的期间', "a year's organizational life: for each branch and kind of meeting, the periods held and missing"),
    options: {
      year: { type: 'string', required: true, value: L('年份', 'YEAR'), help: L('年度（如 2026）', 'the year (such as 2026)') },
      org: { type: 'string', value: L('组织', 'ORG'), help: L('只看这个支部（名称或“上级/组织”）', 'only this branch (NAME or PARENT/NAME)') },
      quarter: { type: 'string', value: L('季度', 'N'), help: L('只看这一季度（1–4）到期的会议', 'only the meetings due in this quarter (1–4)') },
    },
    precheck(values, text) {
      intOption(values, 'year', 1949, 2999, text);
      if (values.quarter !== undefined) intOption(values, 'quarter', 1, 4, text);
    },
    async run(ctx) {
      const year = intOption(ctx.values, 'year', 1949, 2999, ctx.text);
      const quarter = ctx.values.quarter === undefined ? undefined : intOption(ctx.values, 'quarter', 1, 4, ctx.text);
      const orgId = await orgOption(ctx);
      const grid = await sessionOf(ctx).call('life.compliance', { year, quarter, orgId });
      const t = lifeText(ctx.lang);
      const organizations = grid.rows.map((r) => ({
        orgId: r.orgId,
        orgName: r.orgName,
        communityName: r.communityName,
        types: Object.fromEntries(
          grid.types.map((type) => {
            const cells = r.cells[type.meetingType];
            const pick = (state: string) => type.periods.filter((_, i) => cells[i] === state);
            return [type.meetingType, { frequency: type.frequency, done: pick('done'), missing: pick('missing'), notDue: pick('notDue') }];
          }),
        ) as Record<MeetingType, { frequency: string; done: string[]; missing: string[]; notDue: string[] }>,
      }));
      const lines = organizations.flatMap((o) => MEETING_TYPES.filter((type) => o.types[type].missing.length > 0).map((type) => t.missing(orgLabel({ name: o.orgName, communityName: o.communityName }), type, o.types[type].missing)));
      return { value: { year, period: grid.period, street: grid.street, communities: grid.communities, organizations }, human: [t.compliance(grid.period, grid.street.rate), ...lines].join('\n') };
    },
  },
  {
    name: 'appraisal add',
    writes: true,
    summary: L('从等次表（xlsx）登记一个支部一年的民主评议党员结果', "record a branch's democratic appraisal of a year from its tally workbook (xlsx)"),
    options: {
      org: { type: 'string', required: true, value: L('组织', 'ORG'), help: L('党支部名称，或“上级/组织”', 'the branch: NAME, or PARENT/NAME') },
      year: { type: 'string', required: true, value: L('年份', 'YEAR'), help: L('评议年度', 'the year appraised') },
      grades: { type: 'string', required: true, value: L('文件', 'FILE'), help: L('等次表：姓名、评议等次（优秀/合格/基本合格/不合格），可有处置意见列', 'the tally workbook: name and grade columns (excellent/qualified/basic/unqualified), a follow-up column if any') },
      date: { type: 'string', value: L('日期', 'DATE'), help: L('评议日期（默认该年 12 月 31 日）', 'the day of the appraisal (default: 31 December of the year)') },
    },
    precheck(values, text) {
      intOption(values, 'year', 1949, 2999, text);
      dayOption(values, 'date', text);
    },
    async run(ctx) {
      const year = intOption(ctx.values, 'year', 1949, 2999, ctx.text);
      const orgId = await requiredOrg(ctx);
      const heldOn = dayOption(ctx.values, 'date', ctx.text) ?? `${year}-12-31`;
      const file = path.resolve(String(ctx.values.grades));
      const rows = await readGrades(file).catch((err: unknown) => {
        if (err instanceof AppError) throw err;
        throw new CliRejection('VALIDATION', `${file}: ${err instanceof Error ? err.message : String(err)}`, { file });
      });
      // Names of the sheet matched to the branch's roster of the day: a name not on it, or on it twice, is refused by row.
      const session = sessionOf(ctx);
      const roster = (await session.call('life.roster', { orgId, heldOn })).members;
      const issues = [];
      const grades = [];
      for (const r of rows) {
        const same = roster.filter((m) => m.name.replace(/\s+/g, '') === r.name);
        if (same.length !== 1) issues.push({ field: 'grades', problem: same.length === 0 ? 'gradeNameUnknown' : 'gradeNameAmbiguous', value: r.name, params: { row: r.excelRow } });
        else grades.push({ memberId: same[0].memberId, grade: r.grade, followUp: r.followUp });
      }
      if (issues.length) throw new AppError('VALIDATION', issues.map((i) => `${i.field}: ${i.problem}`).join('; '), { issues });
      const saved = await session.call('appraisal.save', { orgId, year, heldOn, grades });
      return { value: { appraisal: saved }, human: lifeText(ctx.lang).appraised(saved.orgName, year, saved.tally) };
    },
  },
];
