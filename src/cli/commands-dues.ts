// Party dues commands (issue 15): the monthly amount and its rule, the month's ledger, a payment, and the
// arrears list. Each runs the same contract method the window calls, as the logged-in user; amounts typed in
// yuan ("15", "15.00", "15元") are turned into fen here, and a value that is not one is named with its option.
import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../shared/api/schemas';
import { AppError } from '../shared/result';
import { readPaymentFile } from '../core/services/dues/read-sheet';
import { DUES_METHODS } from '../shared/api/schemas-dues';
import { formatFen, parsePeriod, parseYuan } from '../shared/dues/money';
import { DUES_CATEGORIES, hasBase, monthlyDues, ruleText, type DuesAmount, type DuesCategory } from '../shared/dues/rates';
import { orgOption } from './commands';
import { CliRejection, L, UsageError, dayOption, intOption, sessionOf, str, type Command, type CommandContext } from './declare';
import type { CliText } from './text';

function duesText(lang: Language) {
  const zh = lang === 'zh-CN';
  return {
    badYuan: (opt: string, value: string) => (zh ? `${opt} 的值“${value}”不是金额，请写元数，如 15 或 15.00` : `${opt}: “${value}” is not an amount; write yuan such as 15 or 15.00`),
    badMonth: (opt: string, value: string) => (zh ? `${opt} 的值“${value}”不是月份，请写如 2026-01 的年月` : `${opt}: “${value}” is not a month; write a year and month such as 2026-01`),
    badChoice: (opt: string, value: string, choices: readonly string[]) => (zh ? `${opt} 的值“${value}”不可用，可选：${choices.join('、')}` : `${opt}: “${value}” is not one of ${choices.join(', ')}`),
    imported: (n: number, total: string, dryRun: boolean) =>
      dryRun ? (zh ? `检查通过：${n} 笔，共 ${total} 元（未登记）` : `All ${n} payments check out, ${total} yuan in all (nothing recorded)`) : zh ? `已登记 ${n} 笔，共 ${total} 元：` : `Recorded ${n} payments, ${total} yuan in all:`,
    noMember: (id: string) => (zh ? `找不到身份证号码为 ${id} 的在册党员` : `No member on the roll has the ID number ${id}`),
    ledger: (period: string, n: number, due: string, paid: string, missing: number) =>
      zh
        ? `${period} 党费台账：${n} 人，应交 ${due} 元，已交 ${paid} 元${missing ? `；另有 ${missing} 人未登记党费基数` : ''}`
        : `Dues ledger ${period}: ${n} members, due ${due} yuan, paid ${paid} yuan${missing ? `; ${missing} more have no dues base recorded` : ''}`,
    paid: (receipt: string, name: string, amount: string, months: string) => (zh ? `已登记：收据 ${receipt}，${name} 交纳 ${amount} 元（${months}）` : `Recorded: receipt ${receipt}, ${name} paid ${amount} yuan (${months})`),
    arrears: (n: number, flagged: number, asOf: string) =>
      n === 0 ? (zh ? `截至 ${asOf} 没有欠交党费的党员。` : `No member owes dues as of ${asOf}.`) : zh ? `截至 ${asOf} 欠交党费 ${n} 人，其中连续 6 个月以上未交 ${flagged} 人：` : `${n} members owe dues as of ${asOf}, ${flagged} of them 6 months or more in a row:`,
    flag: zh ? '【连续6个月未交】' : '[6 MONTHS IN A ROW] ',
    months: (n: number) => (zh ? `欠 ${n} 个月` : `${n} months owed`),
    settled: zh ? '已交清' : 'settled',
    owing: zh ? '未交清' : 'owing',
  };
}

function yuanOption(ctx: { values: CommandContext['values']; lang: Language }, name: string, required: boolean): number | undefined {
  const raw = str(ctx.values, name);
  if (raw === undefined) {
    if (required) throw new UsageError(duesText(ctx.lang).badYuan(`--${name}`, ''));
    return undefined;
  }
  const fen = parseYuan(raw);
  if (fen === null) throw new UsageError(duesText(ctx.lang).badYuan(`--${name}`, raw));
  return fen;
}

function monthOption(values: CommandContext['values'], name: string, lang: Language): string | undefined {
  const raw = str(values, name);
  if (raw === undefined) return undefined;
  const period = parsePeriod(raw);
  if (!period) throw new UsageError(duesText(lang).badMonth(`--${name}`, raw));
  return period;
}

function choice<T extends string>(values: CommandContext['values'], name: string, choices: readonly T[], lang: Language): T {
  const raw = String(values[name]);
  if (!(choices as readonly string[]).includes(raw)) throw new UsageError(duesText(lang).badChoice(`--${name}`, raw, choices));
  return raw as T;
}

/**
 * The rule in the CLI's language (--lang), which may differ from the user's own that the answer was written in:
 * rebuilt from the figures with the same pure rule.
 */
function ruleIn(lang: Language, category: DuesCategory, baseFen: number | null, monthlyFen: number): string {
  const amount: DuesAmount = hasBase(category) && baseFen !== null ? monthlyDues(category, baseFen) : { category, baseFen: null, permille: null, monthlyFen };
  return ruleText(amount, lang);
}

/** A precheck answers in the language of the CLI's texts. */
const langOf = (text: CliText): Language => text.lang;

export const DUES_COMMANDS: Command[] = [
  {
    name: 'dues rate',
    writes: false,
    summary: L('按党费标准计算每月党费，并给出计算依据', 'the monthly dues on the official rates, with the rule behind them'),
    options: {
      category: { type: 'string', required: true, value: L('类别', 'CATEGORY'), help: L(`党费类别：${DUES_CATEGORIES.join('|')}`, `the dues category: ${DUES_CATEGORIES.join('|')}`) },
      base: { type: 'string', value: L('元', 'YUAN'), help: L('每月基数，元（在职为税后固定工资，离退休为基本养老金）', 'the monthly base in yuan (after-tax fixed pay, or the basic pension)') },
    },
    precheck(values, text) {
      const lang = langOf(text);
      choice(values, 'category', DUES_CATEGORIES, lang);
      yuanOption({ values, lang }, 'base', false);
    },
    async run(ctx) {
      const category = choice<DuesCategory>(ctx.values, 'category', DUES_CATEGORIES, ctx.lang);
      const baseFen = yuanOption(ctx, 'base', false);
      const r = await sessionOf(ctx).call('dues.rate', { category, ...(baseFen !== undefined ? { baseFen } : {}) });
      const rule = ruleIn(ctx.lang, r.category, r.baseFen, r.monthlyFen);
      return { value: { monthly: r.monthly, rate: r.rate, rule, category: r.category, monthlyFen: r.monthlyFen }, human: `${r.monthly}\t${rule}` };
    },
  },
  {
    name: 'dues ledger',
    writes: false,
    summary: L('一个月的党费台账（按支部）', "a month's dues ledger (by branch)"),
    options: {
      period: { type: 'string', required: true, value: L('年月', 'YYYY-MM'), help: L('月份，如 2026-03', 'the month, such as 2026-03') },
      org: { type: 'string', value: L('组织', 'ORG'), help: L('只看这个组织及其下级（名称，或 上级/名称）', 'only this organization and those below it (NAME or PARENT/NAME)') },
    },
    precheck(values, text) {
      monthOption(values, 'period', langOf(text));
    },
    async run(ctx) {
      const period = monthOption(ctx.values, 'period', ctx.lang)!;
      const orgId = await orgOption(ctx);
      const ledger = await sessionOf(ctx).call('dues.ledger', { period, ...(orgId !== undefined ? { orgId } : {}) });
      const t = duesText(ctx.lang);
      const rows = ledger.rows.map((r) => ({ name: r.name, idNumber: r.idNumber, branch: r.branch, category: r.category, due: formatFen(r.dueFen), paid: formatFen(r.paidFen), settled: r.settled, rule: ruleIn(ctx.lang, r.category, r.baseFen, r.dueFen) }));
      const lines = ledger.rows.map((r) => `  ${r.branch}\t${r.name}\t${formatFen(r.dueFen)}\t${formatFen(r.paidFen)}\t${r.settled ? t.settled : t.owing}`);
      return {
        value: { period, rows, totals: { due: formatFen(ledger.totals.dueFen), paid: formatFen(ledger.totals.paidFen), members: ledger.totals.members, settled: ledger.totals.settled }, missing: ledger.missing },
        human: [t.ledger(period, ledger.totals.members, formatFen(ledger.totals.dueFen, true), formatFen(ledger.totals.paidFen, true), ledger.missing), ...lines].join('\n'),
      };
    },
  },
  {
    name: 'dues pay',
    writes: true,
    summary: L('登记一笔党费缴纳（可按月、按季、预交或补交；补交一次最多 6 个月）', 'record a dues payment (monthly, quarterly, ahead, or back payment of at most 6 months at a time)'),
    options: {
      id: { type: 'string', required: true, value: L('身份证号', 'ID_NUMBER'), help: L('交费党员的公民身份号码', "the paying member's citizen ID number") },
      months: { type: 'string', required: true, value: L('年月,…', 'YYYY-MM[,…]'), help: L('所交月份，逗号分隔，如 2026-01,2026-02,2026-03', 'the months paid, comma-separated, such as 2026-01,2026-02,2026-03') },
      amount: { type: 'string', required: true, value: L('元', 'YUAN'), help: L('金额，元（如 45 或 45.00）', 'the amount in yuan (such as 45 or 45.00)') },
      method: { type: 'string', required: true, value: L('方式', 'METHOD'), help: L('缴纳方式：cash（现金）|transfer（转账）|wechat（微信）', 'how it was paid: cash|transfer|wechat') },
      reference: { type: 'string', value: L('凭证号', 'TEXT'), help: L('转账或微信的凭证号', 'the transfer or WeChat reference') },
      on: { type: 'string', value: L('日期', 'DATE'), help: L('缴纳日期（YYYY-MM-DD，默认今天）', 'the day paid (YYYY-MM-DD, default today)') },
    },
    precheck(values, text) {
      const lang = langOf(text);
      yuanOption({ values, lang }, 'amount', true);
      choice(values, 'method', DUES_METHODS, lang);
      for (const m of String(values.months).split(/[,，]/)) if (!parsePeriod(m)) throw new UsageError(duesText(lang).badMonth('--months', m));
      dayOption(values, 'on', text);
    },
    async run(ctx) {
      const idNumber = String(ctx.values.id).trim().toUpperCase();
      const session = sessionOf(ctx);
      const found = (await session.call('members.list', { query: idNumber, limit: 5 })).members.find((m) => m.idNumber === idNumber);
      if (!found) throw new CliRejection('NOT_FOUND', duesText(ctx.lang).noMember(idNumber), { idNumber });
      const periods = String(ctx.values.months)
        .split(/[,，]/)
        .map((m) => parsePeriod(m)!);
      const paidOn = dayOption(ctx.values, 'on', ctx.text);
      const payment = await session.call('dues.pay', {
        memberId: found.id,
        periods,
        amountFen: yuanOption(ctx, 'amount', true)!,
        method: choice(ctx.values, 'method', DUES_METHODS, ctx.lang),
        ...(str(ctx.values, 'reference') ? { reference: str(ctx.values, 'reference') } : {}),
        ...(paidOn ? { paidOn } : {}),
      });
      return {
        value: { payment: { ...payment, amount: formatFen(payment.amountFen) } },
        human: duesText(ctx.lang).paid(payment.receiptNumber, payment.memberName, formatFen(payment.amountFen, true), payment.periods.join(', ')),
      };
    },
  },
  {
    name: 'dues import',
    args: [L('文件', 'FILE')],
    writes: true,
    summary: L(
      '从支部的党费收缴表（.xlsx，或 UTF-8/GBK 编码的 CSV）登记多笔缴纳：身份证号码、缴纳月份、金额，可有姓名、方式、凭证号、日期；有一行不对就一笔也不登记，并指出行号',
      "record the payments of a branch's dues sheet (.xlsx, or CSV in UTF-8 or GBK): ID number, months, amount, and name, method, reference, day if given; one wrong row records none and is named by its row",
    ),
    options: {
      'dry-run': { type: 'boolean', help: L('只检查每一行，不登记', 'check every row and record nothing') },
    },
    async run(ctx) {
      const file = path.resolve(ctx.args[0]);
      if (!fs.existsSync(file)) throw new CliRejection('NOT_FOUND', ctx.text.fileMissing(file), { file });
      const read = await readPaymentFile(file, path.basename(file));
      if (read.issues.length) throw new AppError('VALIDATION', read.issues.map((i) => `${i.field}: ${i.problem}`).join('; '), { issues: read.issues });
      const dryRun = ctx.values['dry-run'] === true;
      const result = await sessionOf(ctx).call('dues.payMany', { dryRun, payments: read.rows.map(({ name, reference, ...row }) => ({ ...row, ...(name ? { name } : {}), ...(reference ? { reference } : {}) })) });
      const t = duesText(ctx.lang);
      return {
        value: { ...result, total: formatFen(result.totalFen) },
        human: [t.imported(result.count, formatFen(result.totalFen, true), result.dryRun), ...result.payments.map((p) => `  ${p.receiptNumber}\t${p.memberName}\t${formatFen(p.amountFen, true)}\t${p.periods.join(', ')}`)].join('\n'),
      };
    },
  },
  {
    name: 'dues arrears',
    writes: false,
    summary: L('欠交党费的党员，标出连续 6 个月未交的', 'members who owe dues, flagging 6 months in a row unpaid'),
    options: {
      'min-months': { type: 'string', value: L('月数', 'N'), help: L('只列欠交至少这么多个月的（默认 1）', 'only those owing at least N months (default 1)') },
      org: { type: 'string', value: L('组织', 'ORG'), help: L('只看这个组织及其下级（名称，或 上级/名称）', 'only this organization and those below it (NAME or PARENT/NAME)') },
      'as-of': { type: 'string', value: L('年月', 'YYYY-MM'), help: L('截至月份（默认本月）', 'up to this month (default this month)') },
    },
    precheck(values, text) {
      intOption(values, 'min-months', 1, 600, text, 1);
      monthOption(values, 'as-of', langOf(text));
    },
    async run(ctx) {
      const orgId = await orgOption(ctx);
      const asOf = monthOption(ctx.values, 'as-of', ctx.lang);
      const result = await sessionOf(ctx).call('dues.arrears', { minMonths: intOption(ctx.values, 'min-months', 1, 600, ctx.text, 1), ...(orgId !== undefined ? { orgId } : {}), ...(asOf ? { asOf } : {}) });
      const t = duesText(ctx.lang);
      const rows = result.rows.map((r) => ({ name: r.name, branch: r.branch, community: r.community, monthsOwed: r.monthsOwed, monthsInRow: r.monthsInRow, owed: formatFen(r.owedFen), firstOwed: r.firstOwed, lastOwed: r.lastOwed, flagged: r.flagged }));
      const lines = result.rows.map((r) => `  ${r.flagged ? t.flag : ''}${r.branch}\t${r.name}\t${t.months(r.monthsOwed)}\t${formatFen(r.owedFen)}\t${r.firstOwed}–${r.lastOwed}`);
      return { value: { asOf: result.asOf, rows }, human: [t.arrears(rows.length, rows.filter((r) => r.flagged).length, result.asOf), ...lines].join('\n') };
    },
  },
];
