// Developing new members' commands: `develop check` runs the rules engine on a paper file's dates alone (no
// database, no login), `develop list` the board through the contract as the logged-in user.
import type { Language } from '../shared/api/schemas';
import { checkPath, DEVELOP_STAGES, APPROVAL_MONTHS, NOTICE_WORKDAYS, type DevelopPath, type DevelopStage } from '../shared/develop/rules';
import { addYears } from '../shared/develop/dates';
import { DEVELOP_STAGE_NAMES, DEVELOP_STEP_NAMES, stepDateField } from '../shared/i18n/messages-develop';
import { formatIssue } from '../shared/i18n/messages';
import { calendarFrom } from '../core/services/counter/workdays';
import fs from 'node:fs';
import path from 'node:path';
import { CliRejection, L, UsageError, dayOption, intOption, sessionOf, str, writeOutFile, type Command, type OptionSpec } from './declare';

function developText(lang: Language) {
  const zh = lang === 'zh-CN';
  return {
    ok: zh ? '符合发展党员工作细则的各项时间要求。' : 'Every time rule of the regulations is met.',
    problems: (n: number) => (zh ? `有 ${n} 处不符合：` : `${n} problems:`),
    next: (step: string, earliest: string | null, latest: string | null) =>
      zh ? `下一步：${step}${earliest ? `，最早 ${earliest}` : ''}${latest ? `，最迟 ${latest}` : ''}` : `Next: ${step}${earliest ? `, from ${earliest}` : ''}${latest ? `, by ${latest}` : ''}`,
    imported: (rows: number, accepted: number, created: number, admitted: number, rejected: number, dryRun: boolean) =>
      zh
        ? `${dryRun ? '（试导入，未写入）' : ''}共 ${rows} 行：可导入 ${accepted} 人${dryRun ? '' : `，已登记 ${created} 人，其中 ${admitted} 人列入党员名册`}；${rejected} 处问题`
        : `${dryRun ? '(dry run, nothing written) ' : ''}${rows} rows: ${accepted} accepted${dryRun ? '' : `, ${created} entered, ${admitted} put on the roll`}; ${rejected} problems`,
    people: (n: number) => (zh ? `发展党员名册共 ${n} 人：` : `${n} people in the development register:`),
  };
}

const day = (zh: string, en: string): OptionSpec => ({ type: 'string', value: L('日期', 'DATE'), help: L(`${zh}（YYYY-MM-DD）`, `${en} (YYYY-MM-DD)`) });

const CHECK_DAYS = {
  birth: 'birth',
  applied: 'applied',
  talked: 'talked',
  activist: 'activist',
  candidate: 'candidate',
  'political-review': 'politicalReview',
  'pre-review': 'preReview',
  notice: 'notice',
  admitted: 'admitted',
  approved: 'approved',
  full: 'full',
  disqualified: 'disqualified',
} as const;

export const DEVELOP_COMMANDS: Command[] = [
  {
    name: 'develop check',
    writes: false,
    summary: L(
      '按《中国共产党发展党员工作细则》检查一份发展材料的各个日期（只用规则，不打开数据库、无需登录）',
      "check the dates of one person's development file against the regulations (the rules alone: no database, no login)",
    ),
    options: {
      birth: { ...day('出生日期', 'date of birth'), required: true },
      applied: { ...day('递交入党申请书日期', 'the application'), required: true },
      talked: day('党组织派人谈话日期', 'the talk with the applicant'),
      activist: day('确定为入党积极分子日期', 'made an activist'),
      candidate: day('确定为发展对象日期', 'made a candidate'),
      'political-review': day('政治审查日期', 'the political review'),
      'pre-review': day('上级党委预审日期', "the higher committee's pre-review"),
      notice: day('公示开始日期', 'the first day of the public notice'),
      'trained-hours': { type: 'string', value: L('学时', 'N'), help: L('集中培训学时（不少于 24）', 'hours of concentrated training (at least 24)') },
      'trained-days': { type: 'string', value: L('天数', 'N'), help: L('集中培训天数（不少于 3）', 'days of concentrated training (at least 3)') },
      admitted: day('支部大会讨论接收为预备党员日期', 'the branch meeting that admitted'),
      approved: day('上级党委审批日期', "the higher committee's approval"),
      full: day('转为正式党员日期', 'full membership'),
      disqualified: day('取消预备党员资格日期', 'the probationary membership cancelled'),
      'extended-months': { type: 'string', value: L('月数', 'N'), help: L('预备期延长的月数（6 到 12）', 'months the probation was extended (6 to 12)') },
      'notice-days': { type: 'string', value: L('天数', 'N'), help: L(`公示期，工作日（默认 ${NOTICE_WORKDAYS.default}）`, `the notice period in working days (default ${NOTICE_WORKDAYS.default})`) },
      'approval-months': { type: 'string', value: L('月数', 'N'), help: L(`审批时限，月（默认 ${APPROVAL_MONTHS.default}，最多 ${APPROVAL_MONTHS.max}）`, `the approval limit in months (default ${APPROVAL_MONTHS.default}, at most ${APPROVAL_MONTHS.max})`) },
    },
    precheck(values, text) {
      for (const option of Object.keys(CHECK_DAYS)) dayOption(values, option, text);
      if (values['trained-hours'] !== undefined) intOption(values, 'trained-hours', 0, 1000, text);
      if (values['trained-days'] !== undefined) intOption(values, 'trained-days', 0, 365, text);
      if (values['extended-months'] !== undefined) intOption(values, 'extended-months', 1, 24, text);
      intOption(values, 'notice-days', NOTICE_WORKDAYS.min, NOTICE_WORKDAYS.max, text, NOTICE_WORKDAYS.default);
      intOption(values, 'approval-months', APPROVAL_MONTHS.min, APPROVAL_MONTHS.max, text, APPROVAL_MONTHS.default);
    },
    run() {
      throw new Error('develop check runs without a database (runPure)');
    },
    async runPure(ctx) {
      const { values, text, lang } = ctx;
      const path: DevelopPath = { birth: dayOption(values, 'birth', text)! };
      for (const [option, key] of Object.entries(CHECK_DAYS)) {
        const value = dayOption(values, option, text);
        if (value !== undefined && key !== 'birth') path[key] = value;
      }
      const hours = values['trained-hours'] === undefined ? undefined : intOption(values, 'trained-hours', 0, 1000, text);
      const days = values['trained-days'] === undefined ? undefined : intOption(values, 'trained-days', 0, 365, text);
      if (hours !== undefined || days !== undefined) path.training = { hours, days };
      if (values['extended-months'] !== undefined) {
        if (!path.admitted) throw new UsageError(text.missingOption('--admitted'));
        // The extension is decided when the probation ends: a paper file states its months, not its day.
        path.extended = { on: addYears(path.admitted, 1), months: intOption(values, 'extended-months', 1, 24, text) };
      }
      // The official calendar (statutory holidays and make-up days); a street's own override table is in its database.
      const calendar = calendarFrom(new Map());
      const check = checkPath(path, {
        noticeWorkdays: intOption(values, 'notice-days', NOTICE_WORKDAYS.min, NOTICE_WORKDAYS.max, text, NOTICE_WORKDAYS.default),
        approvalMonths: intOption(values, 'approval-months', APPROVAL_MONTHS.min, APPROVAL_MONTHS.max, text, APPROVAL_MONTHS.default),
        addWorkdays: (from, n) => calendar.addWorkdays(from, n),
        complete: false,
      });
      const problems = check.problems.map((p) => {
        const field = p.code === 'trainingShort' ? 'trainingHours' : p.code === 'extensionMonths' ? 'extendedMonths' : stepDateField(p.step);
        const value = p.code === 'extensionMonths' ? p.params.months : p.code === 'trainingShort' ? (hours ?? days) : p.params.date;
        return { step: p.step, code: p.code, message: formatIssue({ field, problem: p.code, value, params: p.params }, lang, 'develop') };
      });
      const t = developText(lang);
      const human = [
        problems.length ? t.problems(problems.length) : t.ok,
        ...problems.map((p) => `  ${p.message}`),
        ...(check.next ? [t.next(DEVELOP_STEP_NAMES[lang][check.next.step], check.next.earliest, check.next.latest)] : []),
      ].join('\n');
      return { value: { ok: check.ok, problems, next: check.next }, human, exitCode: check.ok ? 0 : 1 };
    },
  },
  {
    name: 'develop list',
    writes: false,
    summary: L('列出发展党员名册（按阶段、到期日筛选）', 'list the development register (by stage, by what falls due)'),
    options: {
      stage: { type: 'string', value: L('阶段', 'STAGE'), help: L(`只列这个阶段的（${DEVELOP_STAGES.join('|')}）`, `only this stage (${DEVELOP_STAGES.join('|')})`) },
      'due-before': day('只列有环节在此日或之前到期的', 'only people with a step due on or before this day'),
    },
    precheck(values, text) {
      const stage = values.stage;
      if (stage !== undefined && !(DEVELOP_STAGES as readonly unknown[]).includes(stage)) throw new UsageError(text.badChoice('--stage', String(stage), DEVELOP_STAGES.join('|')));
      dayOption(values, 'due-before', text);
    },
    async run(ctx) {
      const stage = str(ctx.values, 'stage') as DevelopStage | undefined;
      const dueBefore = dayOption(ctx.values, 'due-before', ctx.text);
      const board = await sessionOf(ctx).call('develop.list', { stage, dueBefore });
      const t = developText(ctx.lang);
      const lines = board.people.map((p) => {
        const next = p.next ? `${DEVELOP_STEP_NAMES[ctx.lang][p.next.step]} ${p.next.earliest ?? ''}${p.next.latest ? `~${p.next.latest}` : ''}` : '';
        return `  ${p.name}\t${DEVELOP_STAGE_NAMES[ctx.lang][p.stage]}\t${p.orgName}\t${next}`;
      });
      return { value: { people: board.people, counts: board.counts }, human: [t.people(board.people.length), ...lines].join('\n') };
    },
  },
  {
    name: 'develop import',
    args: [L('文件.xlsx', 'FILE.xlsx')],
    // A dry run only reads.
    writes: (values) => values['dry-run'] !== true,
    summary: L(
      '从 Excel 导入支部现有的发展党员台账（每人一行，每个环节一列日期），逐行按同样的规则检查；有被拒绝的行时退出码为 1',
      "import a branch's existing pipeline from Excel (a row per person, a date column per step), each row checked by the same rules; exit 1 when any row was rejected",
    ),
    options: {
      'dry-run': { type: 'boolean', help: L('只检查，不写入（不需要密码）', 'check without writing (needs no password)') },
      rejected: { type: 'string', value: L('文件.xlsx', 'OUT.xlsx'), help: L('把未导入的行连同原因写入这个文件，改好后可再导入', 'write the rows not imported, with the reason, to this file to fix and import again') },
    },
    async run(ctx) {
      const file = path.resolve(ctx.args[0]);
      if (!fs.existsSync(file)) throw new CliRejection('NOT_FOUND', ctx.text.fileMissing(file), { file });
      const dryRun = ctx.values['dry-run'] === true;
      const input = { fileName: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)), dryRun };
      const session = sessionOf(ctx);
      const report = dryRun ? await session.call('develop.importPreview', input) : await session.call('develop.importCommit', input);
      const t = developText(ctx.lang);
      const { rejectedWorkbook, ...shown } = report;
      const rejectedOut = str(ctx.values, 'rejected');
      if (rejectedOut !== undefined && rejectedWorkbook) writeOutFile(rejectedOut, rejectedWorkbook);
      return {
        value: { ...shown, ok: report.rejected.length === 0 },
        human: [t.imported(report.rows, report.accepted, report.created, report.admitted, report.rejected.length, report.dryRun), ...report.rejected.map((r) => `  ${r.message}`)].join('\n'),
        exitCode: report.rejected.length > 0 ? 1 : 0,
      };
    },
  },
];
