// The dues rules as pure functions (src/shared/dues): the official bands with their inclusive upper bounds, the
// whole base at one rate, half-up rounding to the fen in integer arithmetic, the rule text, 大写 on receipts,
// and the parsers that read what other offices' sheets hold. Generated inputs (fast-check) beside the edges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalToFen, fenToCapital } from '../../../src/shared/dues/capital';
import { MAX_FEN, parsePeriod, parseYuan } from '../../../src/shared/dues/money';
import { DUES_CATEGORIES, MAX_BASE_FEN, monthlyDues, permilleFor, rateText, ruleText, shareOf } from '../../../src/shared/dues/rates';

const yuan = (y: number) => y * 100;

describe('the bands', () => {
  it('puts each edge in the band whose upper bound it is, and the next fen in the next band', () => {
    const working: [number, number, number][] = [
      // base in fen, permille, monthly fen
      [yuan(3000), 5, 1500],
      [yuan(3000) + 1, 10, 3000],
      [yuan(5000), 10, 5000],
      [yuan(5000) + 1, 15, 7500],
      [yuan(10000), 15, 15000],
      [yuan(10000) + 1, 20, 20000],
      [0, 5, 0],
    ];
    for (const [base, permille, monthly] of working) {
      expect(monthlyDues('working', base), `working ${base}`).toMatchObject({ permille, monthlyFen: monthly });
    }
    expect(monthlyDues('retired', yuan(5000))).toMatchObject({ permille: 5, monthlyFen: 2500 });
    expect(monthlyDues('retired', yuan(5000) + 1)).toMatchObject({ permille: 10, monthlyFen: 5000 });
    expect(monthlyDues('retired', yuan(4800))).toMatchObject({ permille: 5, monthlyFen: 2400 });
  });

  it('charges farmers the street’s standard and students, the unemployed and members on relief 0.20 yuan', () => {
    expect(monthlyDues('farmer', null).monthlyFen).toBe(50);
    expect(monthlyDues('farmer', null, 80).monthlyFen).toBe(80);
    for (const c of ['student', 'unemployed', 'relief'] as const) expect(monthlyDues(c, yuan(9000)).monthlyFen).toBe(20);
  });

  it('rounds half up to the fen: 0.5% of 3,000.99 yuan is 15.00, of 2,999.90 is 15.00, of 1.00 is 0.01', () => {
    expect(shareOf(300_099, 5)).toBe(1500); // 1500.495 fen
    expect(shareOf(299_990, 5)).toBe(1500); // 1499.95
    expect(shareOf(100, 5)).toBe(1); // 0.5 → 1
    expect(shareOf(99, 5)).toBe(0); // 0.495 → 0
    expect(shareOf(300, 15)).toBe(5); // 4.5 → 5
  });

  it('never gives a fraction of a fen, and within one band never goes down as the base goes up', () => {
    fc.assert(
      fc.property(fc.constantFrom('working', 'retired' as const), fc.integer({ min: 0, max: MAX_BASE_FEN }), fc.integer({ min: 0, max: MAX_BASE_FEN }), (category, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = monthlyDues(category, lo);
        const y = monthlyDues(category, hi);
        expect(Number.isInteger(x.monthlyFen) && Number.isInteger(y.monthlyFen)).toBe(true);
        // The exact share, compared in integers: |monthly × 1000 − base × permille| ≤ 500.
        expect(Math.abs(x.monthlyFen * 1000 - lo * x.permille!)).toBeLessThanOrEqual(500);
        if (permilleFor(category, lo) === permilleFor(category, hi)) expect(y.monthlyFen).toBeGreaterThanOrEqual(x.monthlyFen);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a negative base and one above 1,000,000 yuan a month', () => {
    expect(() => monthlyDues('working', -1)).toThrow(RangeError);
    expect(() => monthlyDues('working', MAX_BASE_FEN + 1)).toThrow(RangeError);
    expect(monthlyDues('working', MAX_BASE_FEN).monthlyFen).toBe(2_000_000);
  });
});

describe('the rule text', () => {
  it('shows the base, the rate and the amount in the user’s language', () => {
    expect(ruleText(monthlyDues('retired', yuan(4800)), 'zh-CN')).toBe('养老金 4,800 元 × 0.5% = 24.00 元');
    expect(ruleText(monthlyDues('working', yuan(3000)), 'zh-CN')).toBe('工资 3,000 元 × 0.5% = 15.00 元');
    expect(ruleText(monthlyDues('working', 500_050), 'en')).toBe('pay 5,000.50 yuan × 1.5% = 75.01 yuan');
    expect(ruleText(monthlyDues('student', null), 'zh-CN')).toBe('学生党员每月 0.20 元');
    expect(rateText(5)).toBe('0.5%');
    expect(rateText(20)).toBe('2%');
    for (const c of DUES_CATEGORIES) expect(ruleText(monthlyDues(c, yuan(100)), 'en')).not.toMatch(/[\u4e00-\u9fff]{3}/);
  });
});

describe('大写', () => {
  it('writes receipts as the settlement rules do', () => {
    expect(fenToCapital(1500)).toBe('人民币壹拾伍元整');
    expect(fenToCapital(0)).toBe('人民币零元整');
    expect(fenToCapital(2400)).toBe('人民币贰拾肆元整');
    expect(fenToCapital(50)).toBe('人民币伍角');
    expect(fenToCapital(7501)).toBe('人民币柒拾伍元零壹分');
    expect(fenToCapital(100_005_005)).toBe('人民币壹佰万零伍拾元零伍分');
    expect(fenToCapital(1_000_000_000)).toBe('人民币壹仟万元整');
    expect(fenToCapital(MAX_FEN)).toBe('人民币玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
  });

  it('reads back to the same fen for every amount from 0 to 99,999,999.99 yuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (fen) => {
        const text = fenToCapital(fen);
        expect(text).toMatch(/^人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万元角分整]+$/);
        expect(capitalToFen(text)).toBe(fen);
      }),
      { numRuns: 5000 },
    );
    for (const fen of [1, 10, 100, 1000, 10_000, 100_000, 1_000_001, 1_010_101, 9_999_999_999]) expect(capitalToFen(fenToCapital(fen))).toBe(fen);
  });
});

describe('amounts and months as other offices write them', () => {
  it('reads 15元, 15.00, 15, "1,500.5" and full-width forms as fen, and nothing else', () => {
    expect(parseYuan('15元')).toBe(1500);
    expect(parseYuan('15.00')).toBe(1500);
    expect(parseYuan(15)).toBe(1500);
    expect(parseYuan(15.5)).toBe(1550);
    expect(parseYuan(' 1,500.5 ')).toBe(150050);
    expect(parseYuan('￥24')).toBe(2400);
    expect(parseYuan('0.2')).toBe(20);
    for (const bad of ['', '十五元', '-15', '15.001', '1e3', 'abc', null, Number.NaN, '1,50']) expect(parseYuan(bad), String(bad)).toBeNull();
  });

  it('reads any amount written with or without 元, decimals, grouping or spaces back to its fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), fc.boolean(), fc.boolean(), fc.boolean(), (fen, unit, grouped, spaced) => {
        const whole = Math.floor(fen / 100);
        const cents = String(fen % 100).padStart(2, '0');
        const number = grouped ? whole.toLocaleString('en-US') : String(whole);
        const text = `${spaced ? ' ' : ''}${number}.${cents}${unit ? '元' : ''}${spaced ? ' ' : ''}`;
        expect(parseYuan(text)).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads months as 2026-01, 2026年1月, 202601, 2026.1 and 2026/01', () => {
    for (const m of ['2026-01', '2026年1月', '202601', 202601, '2026.1', '2026/01', ' 2026 年 1 月 ']) expect(parsePeriod(m), String(m)).toBe('2026-01');
    for (const bad of ['2026-13', '2026', '26-01', '2026年', 'January', 2026]) expect(parsePeriod(bad), String(bad)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('-', '年', '.', '/', ''), (y, m, sep) => {
        const mm = sep === '' ? String(m).padStart(2, '0') : String(m);
        const text = `${y}${sep}${mm}${sep === '年' ? '月' : ''}`;
        expect(parsePeriod(text)).toBe(`${y}-${String(m).padStart(2, '0')}`);
      }),
    );
  });
});
