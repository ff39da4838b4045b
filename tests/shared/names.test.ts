// Names as clerks type and paste them: stray spaces and look-alike dots are cleaned up, so one person is
// written one way; digits and symbols are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePersonName, toHalfWidth } from '../../src/shared/validators';

const hanChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code));
const hanWord = (min: number, max: number) => fc.array(hanChar, { minLength: min, maxLength: max }).map((c) => c.join(''));
const gaps = fc.constantFrom(' ', '  ', '\u3000', ' \u3000 ', '\t');

describe('toHalfWidth', () => {
  it('turns full-width ASCII and the ideographic space into their plain forms, and leaves Chinese alone', () => {
    expect(toHalfWidth('ＡＢＣ　１２３＋（）－，')).toBe('ABC 123+()-,');
    expect(toHalfWidth('张三，密州街道')).toBe('张三,密州街道');
  });
});

describe('normalizePersonName', () => {
  it('removes spaces between Chinese characters', () => {
    expect(normalizePersonName('张 三')).toEqual({ ok: true, value: '张三' });
    expect(normalizePersonName('张　三')).toEqual({ ok: true, value: '张三' });
    expect(normalizePersonName(' 欧阳 修文 ')).toEqual({ ok: true, value: '欧阳修文' });
  });

  it('writes every look-alike middle dot in a minority name as ·', () => {
    for (const typed of ['阿依古丽·买买提', '阿依古丽•买买提', '阿依古丽・买买提', '阿依古丽‧买买提', '阿依古丽．买买提', '阿依古丽 . 买买提', '阿依古丽 · 买买提']) {
      expect(normalizePersonName(typed), typed).toEqual({ ok: true, value: '阿依古丽·买买提' });
    }
  });

  it('keeps single spaces in Latin names and folds full-width letters', () => {
    expect(normalizePersonName('  John   Smith ')).toEqual({ ok: true, value: 'John Smith' });
    expect(normalizePersonName('Ｍａｒｙ　Ａｎｎ')).toEqual({ ok: true, value: 'Mary Ann' });
    expect(normalizePersonName("Jean-Luc O'Neil")).toEqual({ ok: true, value: "Jean-Luc O'Neil" });
  });

  it('refuses empty names, digits, symbols and stray dots', () => {
    expect(normalizePersonName(' \u3000 ')).toEqual({ ok: false, problem: 'required' });
    for (const typed of ['张3', '张三（退休）', '李四/王五', '·张三', '张三·', '张··三', '---']) {
      expect(normalizePersonName(typed), typed).toEqual({ ok: false, problem: 'nameChars' });
    }
  });

  it('allows 40 characters, counting rare characters once', () => {
    expect(normalizePersonName('𠀀'.repeat(40))).toMatchObject({ ok: true });
    expect(normalizePersonName('张'.repeat(41))).toEqual({ ok: false, problem: 'tooLong', params: { max: 40 } });
  });

  it('writes any Chinese name the same way whatever spaces were typed between its characters', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hanChar, gaps), { minLength: 1, maxLength: 6 }), (parts) => {
        const name = parts.map(([c]) => c).join('');
        const typed = parts.map(([c, gap]) => c + gap).join('');
        expect(normalizePersonName(typed)).toEqual({ ok: true, value: name });
      }),
    );
  });

  it('writes any two-part minority name with one middle dot', () => {
    fc.assert(
      fc.property(hanWord(1, 6), hanWord(1, 6), fc.constantFrom('·', '•', '・', '‧', '．'), gaps, (given, family, dot, gap) => {
        expect(normalizePersonName(`${given}${gap}${dot}${gap}${family}`)).toEqual({ ok: true, value: `${given}·${family}` });
      }),
    );
  });
});
