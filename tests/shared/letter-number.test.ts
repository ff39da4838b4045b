// The form of the street's letter numbers: the default prefix from the street's name, and a typed number
// read back whatever brackets the clerk had at hand.
import { describe, expect, it } from 'vitest';
import { defaultLetterPrefix, formatLetterNumber, parseLetterNumber } from '../../src/shared/letter-number';

describe('letter numbers', () => {
  it('take the default prefix from the street’s short name', () => {
    expect(defaultLetterPrefix('东华门街道')).toBe('东华门组转');
    expect(defaultLetterPrefix('和平街道办事处')).toBe('和平组转');
    expect(defaultLetterPrefix('龙泉镇')).toBe('龙泉组转');
    // A name that is only its kind keeps it rather than leaving nothing.
    expect(defaultLetterPrefix('街道')).toBe('街道组转');
  });

  it('are written with 〔〕 and three digits, and read back from [], () or （）', () => {
    expect(formatLetterNumber('东华门组转', 2026, 7)).toBe('东华门组转〔2026〕007号');
    for (const typed of ['东华门组转〔2026〕007号', '东华门组转[2026]7', '东华门组转(2026)07号', '东华门组转（2026）7号', '东华门组转 [2026] 007']) {
      expect(parseLetterNumber('东华门组转', typed), typed).toEqual({ year: 2026, n: 7 });
    }
    expect(parseLetterNumber('东华门组转', '西展组转〔2026〕007号')).toBeNull();
    expect(parseLetterNumber('东华门组转', '东华门组转〔26〕007号')).toBeNull();
  });
});
