// Phone numbers as typed into forms and sheets: every way of writing one number is stored the same way,
// and what is not a single mobile or landline number is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../src/shared/validators';

const toFullWidth = (text: string) =>
  text.replace(/[0-9()+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

const mobiles = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9, 9)).map(([second, rest]) => `1${second}${rest}`);
// Area codes follow the national plan: 010 and 02x are short, every other one is 0 + three digits.
const areaCodes = fc.oneof(
  fc.constant('010'),
  fc.integer({ min: 0, max: 9 }).map((d) => `02${d}`),
  fc.tuple(fc.integer({ min: 3, max: 9 }), digits(2, 2)).map(([d, rest]) => `0${d}${rest}`),
);

describe('normalizePhone', () => {
  it('stores a mobile number as 11 digits however it was written', () => {
    for (const typed of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '+8613812345678', '0086-13812345678', '(+86)13812345678', '１３８１２３４５６７８']) {
      expect(normalizePhone(typed), typed).toEqual({ ok: true, value: '13812345678', kind: 'mobile' });
    }
  });

  it('stores a landline as area code, dash, number, keeping an extension', () => {
    const cases: [string, string][] = [
      ['0536-1234567', '0536-1234567'],
      ['0536 1234567', '0536-1234567'],
      ['(0536)1234567', '0536-1234567'],
      ['（０５３６）１２３４５６７', '0536-1234567'],
      ['05361234567', '0536-1234567'],
      ['010-88886666', '010-88886666'],
      ['01088886666', '010-88886666'],
      ['010 8888 6666', '010-88886666'],
      ['0536-1234567转123', '0536-1234567-123'],
      ['0536-1234567 转 8', '0536-1234567-8'],
      ['0536-1234567-123', '0536-1234567-123'],
      ['0536－1234567', '0536-1234567'],
    ];
    for (const [typed, value] of cases) {
      expect(normalizePhone(typed), typed).toEqual({ ok: true, value, kind: 'landline' });
    }
  });

  it('refuses what is not one mobile or one landline number', () => {
    for (const typed of [
      '1234567',
      '12812345678',
      '1381234567',
      '138123456789',
      '13812345678/13912345678',
      '13812345678、0536-1234567',
      '0536-123456',
      '0536-123456789',
      '0536-1234567转',
      '0536-1234567转1234567',
      '0536-1234567-12-34',
      '电话13812345678',
    ]) {
      expect(normalizePhone(typed), typed).toEqual({ ok: false, problem: 'phoneFormat' });
    }
    expect(normalizePhone('  ')).toEqual({ ok: false, problem: 'required' });
  });

  it('stores any mobile the same way in every accepted writing', () => {
    fc.assert(
      fc.property(mobiles, (mobile) => {
        const spaced = `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`;
        for (const typed of [mobile, spaced, spaced.replaceAll(' ', '-'), `+86 ${spaced}`, `0086${mobile}`, toFullWidth(spaced)]) {
          expect(normalizePhone(typed)).toEqual({ ok: true, value: mobile, kind: 'mobile' });
        }
      }),
    );
  });

  it('stores any landline the same way in every accepted writing', () => {
    fc.assert(
      fc.property(areaCodes, digits(7, 8), digits(1, 4), (area, local, extension) => {
        const value = `${area}-${local}`;
        for (const typed of [value, `${area} ${local}`, `(${area})${local}`, `${area}${local}`, toFullWidth(`(${area}) ${local}`)]) {
          expect(normalizePhone(typed)).toEqual({ ok: true, value, kind: 'landline' });
        }
        for (const typed of [`${value}转${extension}`, `${value}-${extension}`]) {
          expect(normalizePhone(typed)).toEqual({ ok: true, value: `${value}-${extension}`, kind: 'landline' });
        }
      }),
    );
  });
});
