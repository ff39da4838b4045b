// Column widths on paper: a one-line column is never narrower than its widest value (俄罗斯族 and
// 买买提·艾力 stay whole), the columns that may wrap share what is left, and the table fills its width.
import { describe, expect, it } from 'vitest';
import { fitWidths, textMm } from '../../src/renderer/src/print/fit-columns';

describe('fitWidths', () => {
  const columns = [
    { label: '姓名', weight: 17, fit: true },
    { label: '民族', weight: 10, fit: true },
    { label: '出生日期', weight: 21, fit: true },
    { label: '家庭住址', weight: 54 },
    { label: '备注', weight: 18 },
  ];
  const rows = [
    ['买买提·艾力', '俄罗斯族', '1985年10月15日', '幸福社区1区12号楼3单元101室', ''],
    ['王芳', '汉族', '1990年1月1日', '', ''],
  ];

  it('gives a one-line column its widest value, and the rest to the columns that wrap by weight', () => {
    const widths = fitWidths(columns, rows, 273, 9, 2);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(273, 6);
    expect(widths[0]).toBeGreaterThanOrEqual(textMm('买买提·艾力', 9) + 2);
    expect(widths[1]).toBeGreaterThanOrEqual(textMm('俄罗斯族', 9) + 2);
    expect(widths[2]).toBeGreaterThanOrEqual(textMm('1985年10月15日', 9) + 2);
    // 俄罗斯族 is 4 characters of 9 pt: about 13 mm, not the 7 mm a weight of 10 out of 120 would leave it.
    expect(widths[1]).toBeLessThan(18);
    expect(widths[3] / widths[4]).toBeCloseTo(54 / 18, 6);
  });

  it('a long header breaks only where it says ("服务时长\\n（小时）")', () => {
    const [hours] = fitWidths([{ label: '服务时长\n（小时）', weight: 5, fit: true }, { label: '服务特长', weight: 10 }], [['12', '水电维修']], 180, 12, 4);
    expect(hours).toBeGreaterThanOrEqual(textMm('（小时）', 12) * 1.06 + 4);
    expect(hours).toBeLessThan(textMm('服务时长（小时）', 12));
  });

  it('shares the width in proportion when the one-line columns do not fit the paper', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ label: `列${i}`, weight: 1, fit: true }));
    const widths = fitWidths(many, [many.map(() => '公民身份号码一二三四')], 100, 9, 2);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
  });
});
