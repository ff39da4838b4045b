// What a posted list shows of a member (PIPL, docs/domain.md §9): one mask for every list, so no two posted
// lists can be combined to rebuild a number, and addresses only down to the street or community.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenIdCheckDigit, maskAddress, maskCitizenId, maskPhone, scrubPersonalData } from '../../src/shared/validators';

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

describe('maskPhone', () => {
  it('shows a mobile as 138****5678 and a landline with its area code and last 2 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0536-1234567')).toBe('0536-*****67');
    expect(maskPhone('010-88886666-123')).toBe('010-******66');
  });

  it('gives one mask for one number however it was written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), digits(9), (second, rest) => {
        const mobile = `1${second}${rest}`;
        const masked = maskPhone(mobile);
        expect(masked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
        expect(maskPhone(`+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`)).toBe(masked);
      }),
    );
  });

  it('masks a landline however it was written, with or without its area code, the same way', () => {
    for (const written of ['0531-82345678', '(0531)82345678', '0531 8234 5678', '０５３１－８２３４５６７８'])
      expect(maskPhone(written)).toBe('0531-******78');
    for (const written of ['82345678', '8234 5678', '8234-5678', '８２３４５６７８']) expect(maskPhone(written)).toBe('******78');
    expect(maskPhone('86-138-1234-5678')).toBe('138****5678');
  });

  it('never shows more than the last 2 digits of a landline, whatever its area code and separators', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('010', '021', '0531', '0536'),
        fc.integer({ min: 2, max: 9 }),
        digits(7),
        fc.constantFrom('-', ' ', ''),
        fc.boolean(),
        (area, first, rest, separator, parenthesised) => {
          const local = `${first}${rest}`;
          const written = parenthesised ? `(${area})${local.slice(0, 4)}${separator}${local.slice(4)}` : `${area}-${local}`;
          const masked = maskPhone(written);
          expect(masked).toBe(`${area}-******${local.slice(-2)}`);
          expect(maskPhone(local)).toBe(`******${local.slice(-2)}`);
        },
      ),
    );
  });

  it('hides every digit of something that is not a phone number', () => {
    expect(maskPhone('13812345678/13912345678')).toBe('***********/***********');
    expect(maskPhone('１２３４')).toBe('****');
  });
});

describe('maskCitizenId', () => {
  it('keeps the first 2 and last 3 characters only', () => {
    expect(maskCitizenId('53010219200508011X')).toBe('53*************11X');
    expect(maskCitizenId('53010219200508011x')).toBe('53*************11X');
    expect(maskCitizenId('370101010203997')).toBe('37**********997');
    expect(maskCitizenId('370101')).toBe('******');
  });

  it('never shows the birth date or more than 5 characters of any number', () => {
    fc.assert(
      fc.property(digits(17), (first17) => {
        const masked = maskCitizenId(first17 + citizenIdCheckDigit(first17));
        expect(masked).toHaveLength(18);
        expect(masked.replaceAll('*', '')).toHaveLength(5);
        expect(masked.slice(2, 15)).toBe('*'.repeat(13));
      }),
    );
  });
});

describe('maskAddress', () => {
  const address = '山东省诸城市密州街道东关社区幸福路 18 号 3 单元 201';

  it('cuts after the street or the community', () => {
    expect(maskAddress(address, 'street')).toBe('山东省诸城市密州街道');
    expect(maskAddress(address, 'community')).toBe('山东省诸城市密州街道东关社区');
    expect(maskAddress('诸城市昌城镇李家庄村 5 号', 'street')).toBe('诸城市昌城镇');
    expect(maskAddress('诸城市昌城镇李家庄村 5 号', 'community')).toBe('诸城市昌城镇李家庄村');
  });

  it('cuts after a marker word or a place name the caller gives', () => {
    expect(maskAddress(address, '东关社区')).toBe('山东省诸城市密州街道东关社区');
    expect(maskAddress(address, ['居委会', '社区'])).toBe('山东省诸城市密州街道东关社区');
  });

  it('shows only the community name when the address names neither, never the house number', () => {
    expect(maskAddress('幸福路 18 号 3 单元 201', 'community', '东关社区')).toBe('东关社区');
    expect(maskAddress('幸福路 18 号 3 单元 201', 'street')).toBe('');
  });
});

describe('scrubPersonalData', () => {
  it('masks phone and ID numbers inside free text with the one mask, and leaves other numbers', () => {
    expect(scrubPersonalData('电话 138 1234 5678，身份证 53010219200508011X，门牌 12 号，编号 2026001')).toBe(
      '电话 138****5678，身份证 53*************11X，门牌 12 号，编号 2026001',
    );
    expect(scrubPersonalData('１３８１２３４５６７８')).toBe('138****5678');
  });

  it('keeps the rest of the text as written: full-width brackets and dashes outside a number stay full-width', () => {
    expect(scrubPersonalData('幸福社区（东区）——为民服务，电话（０５３１）８２３４５６７８')).toBe('幸福社区（东区）——为民服务，电话0531-******78');
    expect(scrubPersonalData('承诺：每月走访（不少于 4 户）')).toBe('承诺：每月走访（不少于 4 户）');
  });

  it('masks numbers written with +86, spaces, dashes or parentheses, and landlines with their area code', () => {
    expect(scrubPersonalData('手机 +86 138-1234-5678；座机 0531-82345678、(0531) 8234 5678')).toBe(
      '手机 138****5678；座机 0531-******78、0531-******78',
    );
    expect(scrubPersonalData('身份证 370102 19800101 123X 或 370102-800101-123')).toBe(
      '身份证 37*************23X 或 37**********123',
    );
  });

  it('leaves none of the hidden digits of a mobile or ID number in the text, however it was written', () => {
    const separator = fc.constantFrom('', ' ', '-');
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        digits(9),
        fc.integer({ min: 1, max: 6 }),
        digits(16),
        separator,
        fc.constantFrom('', '+86 ', '0086', '86-'),
        fc.boolean(),
        (second, rest, province, idRest, sep, prefix, fullWidth) => {
          const mobile = `1${second}${rest}`;
          const first17 = `${province}${idRest}`;
          const id = first17 + citizenIdCheckDigit(first17);
          const widen = (s: string) =>
            fullWidth ? s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : s;
          const text = widen(
            `联系 ${prefix}${mobile.slice(0, 3)}${sep}${mobile.slice(3, 7)}${sep}${mobile.slice(7)}，证号 ${id.slice(0, 6)}${sep}${id.slice(6, 14)}${sep}${id.slice(14)}。`,
          );
          const scrubbed = scrubPersonalData(text);
          expect(scrubbed).toContain(maskPhone(mobile));
          expect(scrubbed).toContain(maskCitizenId(id));
          expect(scrubbed.replace(/[^0-9X]/g, '')).toHaveLength(3 + 4 + 5);
        },
      ),
    );
  });
});
