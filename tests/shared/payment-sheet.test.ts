// The payment sheet reader against sheets written to many treasurers' habits (generated, not our one file):
// titles above the header, headers spelled with spaces, full-width letters and 金额（元）, columns in any order
// with others between, months as 2026-01, 2026年1月, 2026.1, 202601 or ranges, amounts as numbers, 15.00, ￥15
// or 15元, the method in words or left blank, blank rows between. Every row comes back as written, numbered as
// in the sheet; a row it cannot read is named by row, column and value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPaymentSheet, readPeriods } from '../../src/shared/dues/payment-sheet';
import { addMonths } from '../../src/shared/dues/money';
import { formatIssue } from '../../src/shared/i18n/messages';

const widen = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const HEADER_SPELLINGS = {
  idNumber: ['身份证号码', '身份证号', '公民身份号码', ' 身份证 号码 '],
  name: ['姓名', '姓 名', '党员姓名'],
  periods: ['缴纳月份', '所属月份', '月份', '所交月份'],
  amount: ['金额', '金额（元）', '实缴金额', '缴纳金额(元)'],
  method: ['缴纳方式', '方式', '交纳方式'],
  reference: ['凭证号', '流水号'],
} as const;

const monthText = (period: string, style: number): string | number => {
  const [y, m] = [period.slice(0, 4), Number(period.slice(5))];
  return [period, `${y}年${m}月`, `${y}.${m}`, Number(`${y}${String(m).padStart(2, '0')}`), `${y}/${m}`][style];
};

const row = fc.record({
  idNumber: fc.stringMatching(/^[1-9]\d{16}[\dX]$/),
  name: fc.constantFrom('张三', '李 四', '王五', ''),
  start: fc.integer({ min: 0, max: 40 }),
  months: fc.integer({ min: 1, max: 6 }),
  monthStyle: fc.integer({ min: 0, max: 4 }),
  rangeStyle: fc.constantFrom('list', 'range', 'rangeShort'),
  fen: fc.integer({ min: 1, max: 9_999_99 }),
  amountStyle: fc.integer({ min: 0, max: 4 }),
  method: fc.constantFrom(['现金', 'cash'], ['微信', 'wechat'], ['银行转账', 'transfer'], ['', 'cash'], ['转账', 'transfer']),
  reference: fc.constantFrom('', 'WX0001', 'ZZ-2026-01'),
});

function periodsCell(periods: string[], monthStyle: number, rangeStyle: string): string | number {
  if (periods.length === 1) return monthText(periods[0], monthStyle);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (rangeStyle === 'range') return `${monthText(first, monthStyle === 3 ? 0 : monthStyle)}至${monthText(last, monthStyle === 3 ? 0 : monthStyle)}`;
  if (rangeStyle === 'rangeShort' && first.slice(0, 4) === last.slice(0, 4)) return `${first.slice(0, 4)}年${Number(first.slice(5))}月至${Number(last.slice(5))}月`;
  return periods.map((p) => String(monthText(p, monthStyle === 3 ? 0 : monthStyle))).join('、');
}

function amountCell(fen: number, style: number): string | number {
  const yuan = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
  return [fen / 100, yuan, `￥${yuan}`, `${yuan}元`, widen(yuan)][style];
}

describe('the payment sheet reader', () => {
  it('reads every row back as written, whatever the treasurer’s habits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.shuffledSubarray(['idNumber', 'name', 'periods', 'amount', 'method', 'reference', 'extra'] as const, { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (titles, order, spelling, rows, blankBetween) => {
          const header = order.map((c) => (c === 'extra' ? '备注' : HEADER_SPELLINGS[c][spelling % HEADER_SPELLINGS[c].length]));
          const sheet: { row: number; cells: unknown[] }[] = [];
          let n = 1;
          for (let i = 0; i < titles; i++) sheet.push({ row: n++, cells: [i === 0 ? '党费收缴登记表' : '填表日期：2026年3月'] });
          sheet.push({ row: n++, cells: header });
          const expected: { sheetRow: number; idNumber: string; periods: string[]; amountFen: number; method: string; reference: string; name: string }[] = [];
          for (const r of rows) {
            const periods = Array.from({ length: r.months }, (_, i) => addMonths(addMonths('2024-01', r.start), i));
            const cells = order.map((c) => {
              switch (c) {
                case 'idNumber':
                  return r.idNumber.toLowerCase();
                case 'name':
                  return r.name;
                case 'periods':
                  return periodsCell(periods, r.monthStyle, r.rangeStyle);
                case 'amount':
                  return amountCell(r.fen, r.amountStyle);
                case 'method':
                  return r.method[0];
                case 'reference':
                  return r.reference;
                default:
                  return '按时';
              }
            });
            if (blankBetween) sheet.push({ row: n++, cells: ['', '', ''] });
            expected.push({ sheetRow: n, idNumber: r.idNumber, periods, amountFen: r.fen, method: r.method[1], reference: r.reference, name: r.name.replace(/\s/g, '') });
            sheet.push({ row: n++, cells });
          }
          const read = readPaymentSheet(sheet);
          expect(read.issues).toEqual([]);
          expect(read.rows.map(({ paidOn: _p, ...r }) => r)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the row, the column and the value it cannot read, in both languages', () => {
    const read = readPaymentSheet([
      { row: 1, cells: ['身份证号码', '缴纳月份', '金额', '缴纳方式', '缴纳日期'] },
      { row: 2, cells: ['110101198503120113', '2026-13', '15', '支付宝', ''] },
      { row: 3, cells: ['110101198503120113', '2026-01', '十五元', '现金', '2026-02-30'] },
    ]);
    expect(read.rows).toEqual([]);
    const zh = read.issues.map((i) => formatIssue(i, 'zh-CN', 'dues'));
    expect(zh).toContain('第 2 行 所交月份：读不出月份，请写成 2026-01、2026年1月、2026-01至2026-03 或用顿号分隔的几个月（填写的是“2026-13”）');
    expect(zh).toContain('第 2 行 缴纳方式：缴纳方式只能是现金、转账或微信（填写的是“支付宝”）');
    expect(zh.some((t) => t.startsWith('第 3 行 金额：') && t.includes('十五元'))).toBe(true);
    expect(zh.some((t) => t.startsWith('第 3 行 缴纳日期：') && t.includes('2026-02-30'))).toBe(true);
    expect(formatIssue(read.issues[0], 'en', 'dues')).toMatch(/^Row 2: Months paid /);
  });

  it('refuses a sheet without the three columns it needs, and one with nothing under the header', () => {
    expect(readPaymentSheet([{ row: 1, cells: ['姓名', '金额'] }]).issues).toEqual([{ field: 'payments', problem: 'duesSheetNoHeader' }]);
    expect(readPaymentSheet([{ row: 1, cells: ['身份证号码', '月份', '金额'] }, { row: 2, cells: [] }]).issues).toEqual([{ field: 'payments', problem: 'duesSheetEmpty' }]);
  });

  it('reads a range over the new year and refuses one that runs backwards or past two years', () => {
    expect(readPeriods('2025-11至2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(readPeriods('2026.1-3')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(readPeriods('2026-03至2026-01')).toBeNull();
    expect(readPeriods('2024-01至2026-12')).toBeNull();
  });
});
