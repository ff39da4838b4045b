import { describe, expect, it } from 'vitest';
import { toChineseUpper, yearMonthToChineseUpper } from '../../src/shared/validators/chinese-upper';

describe('formal Chinese numerals', () => {
  it('write numbers as letters and cheques do', () => {
    const cases: [number, string][] = [
      [0, '零'], [7, '柒'], [10, '壹拾'], [15, '壹拾伍'], [30, '叁拾'], [92, '玖拾贰'], [100, '壹佰'], [105, '壹佰零伍'],
      [1010, '壹仟零壹拾'], [10_000, '壹万'], [10_010, '壹万零壹拾'], [100_100, '壹拾万零壹佰'], [20_260_315, '贰仟零贰拾陆万零叁佰壹拾伍'],
    ];
    for (const [n, text] of cases) expect(toChineseUpper(n), String(n)).toBe(text);
    expect(() => toChineseUpper(-1)).toThrow(RangeError);
    expect(() => toChineseUpper(1.5)).toThrow(RangeError);
  });

  it('write a year-month with the year digit by digit', () => {
    expect(yearMonthToChineseUpper('2026-03')).toBe('贰零贰陆年叁月');
    expect(yearMonthToChineseUpper('2025-10')).toBe('贰零贰伍年拾月');
    expect(yearMonthToChineseUpper('2025-12')).toBe('贰零贰伍年拾贰月');
    expect(() => yearMonthToChineseUpper('2026-13')).toThrow(RangeError);
  });
});
