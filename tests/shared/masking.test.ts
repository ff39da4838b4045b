// What a posted list shows of a member (PIPL, domain.md §9): one mask for every list, so no two posted
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
});
