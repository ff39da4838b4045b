// Unified social credit codes: the sample codes pass, a wrong check character only warns, characters
// outside the standard's alphabet are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar } from '../../src/shared/validators';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('checkCreditCode', () => {
  it('accepts the sample codes with a good checksum', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43', checksumOk: true });
    expect(checkCreditCode('91512081MA62K0260E')).toEqual({ ok: true, value: '91512081MA62K0260E', checksumOk: true });
  });

  it('normalizes lower case, full-width characters and spaces', () => {
    expect(checkCreditCode(' 91512081ma62k0260e ')).toMatchObject({ ok: true, value: '91512081MA62K0260E' });
    expect(checkCreditCode('９１５１２０８１ＭＡ６２Ｋ０２６０Ｅ')).toMatchObject({ ok: true, checksumOk: true });
    expect(checkCreditCode('9151 2081 MA62 K026 0E')).toMatchObject({ ok: true, checksumOk: true });
  });

  it('accepts a code whose check character is wrong, flagged for a warning', () => {
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ ok: true, value: '91350100M000100Y44', checksumOk: false });
  });

  it('refuses a wrong length or a letter the standard does not use', () => {
    expect(checkCreditCode('')).toEqual({ ok: false, problem: 'required' });
    for (const code of ['91350100M000100Y4', '91350100M000100Y433', '91350100MO00100Y43', '91350100M000100I43', '91350100M000100Z43', '91350100M000100S43', '91350100M000100V43', '91350100-000100Y43']) {
      expect(checkCreditCode(code)).toEqual({ ok: false, problem: 'creditCodeChars' });
    }
  });

  it('checks any generated code and notices any single changed character', () => {
    const chars = fc.constantFrom(...ALPHABET);
    fc.assert(
      fc.property(fc.array(chars, { minLength: 17, maxLength: 17 }), fc.nat(17), fc.nat(29), (first, position, shift) => {
        const code = first.join('') + creditCodeCheckChar(first.join(''));
        expect(checkCreditCode(code)).toEqual({ ok: true, value: code, checksumOk: true });
        const changed = ALPHABET[(ALPHABET.indexOf(code[position]) + 1 + shift) % ALPHABET.length];
        const typo = code.slice(0, position) + changed + code.slice(position + 1);
        expect(checkCreditCode(typo)).toMatchObject({ ok: true, checksumOk: false });
      }),
    );
  });
});
