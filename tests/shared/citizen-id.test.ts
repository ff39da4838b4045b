// Citizen ID numbers as clerks type and paste them: the sample numbers pass, Excel's damage is named,
// every generated valid number passes and any one-digit slip in it is caught.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCitizenId, citizenIdCheckDigit, idAgreesWith } from '../../src/shared/validators';

const today = new Date(2025, 5, 15);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A valid number from its parts, with the check digit computed. */
function citizenId(region: number, birth: Date, sequence: number): string {
  const date = `${pad(birth.getUTCFullYear(), 4)}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}`;
  const first17 = `${pad(region, 6)}${date}${pad(sequence, 3)}`;
  return first17 + citizenIdCheckDigit(first17);
}

const validIds = fc.record({
  region: fc.integer({ min: 0, max: 999_999 }),
  birth: fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2025, 5, 15)), noInvalidDate: true }),
  sequence: fc.integer({ min: 0, max: 999 }),
});

describe('checkCitizenId', () => {
  it('accepts the sample numbers and reads birth date, sex and region from them', () => {
    expect(checkCitizenId('53010219200508011X', today)).toEqual({
      ok: true,
      value: '53010219200508011X',
      birthDate: '1920-05-08',
      sex: 1,
      region: '530102',
    });
    expect(checkCitizenId('370101190102039973', today)).toMatchObject({ ok: true, birthDate: '1901-02-03', sex: 1 });
  });

  it('stores the number as typed into Excel: a leading apostrophe, full-width digits, inner spaces, lower-case x', () => {
    for (const typed of ["'53010219200508011X", " '530102 1920 0508 011x", '＇５３０１０２１９２００５０８０１１Ｘ', '\u201853010219200508011X', '\uFEFF530102\u200B19200508011X']) {
      expect(checkCitizenId(typed, today)).toMatchObject({ ok: true, value: '53010219200508011X' });
    }
    // The check digit still decides: an apostrophe does not make a wrong number right.
    expect(checkCitizenId("'530102192005080110", today)).toMatchObject({ ok: false, problem: 'idChecksum' });
  });

  it('any valid number typed with an apostrophe, spaces, full-width digits or lower-case x is the same number', () => {
    const toFull = (text: string) => text.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(
        validIds,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(18), { maxLength: 4 }),
        ({ region, birth, sequence }, apostrophe, fullWidth, lower, spaces) => {
          const id = citizenId(region, birth, sequence);
          let typed = lower ? id.toLowerCase() : id;
          if (fullWidth) typed = toFull(typed.toUpperCase());
          for (const at of spaces) typed = typed.slice(0, at) + ' ' + typed.slice(at);
          if (apostrophe) typed = `'${typed}`;
          expect(checkCitizenId(typed, today)).toMatchObject({ ok: true, value: id });
        },
      ),
    );
  });

  it('stores pasted variants in one form: full-width, spaces, lower-case x', () => {
    for (const typed of ['53010219200508011x', ' 530102 19200508 011X ', '５３０１０２１９２００５０８０１１ｘ', '530102\u300019200508011X']) {
      expect(checkCitizenId(typed, today)).toMatchObject({ ok: true, value: '53010219200508011X' });
    }
  });

  it("names Excel's number form instead of calling it a wrong length", () => {
    for (const typed of ['3.70102E+17', '3.70102e17', '3.70101190102039E+17', '370101190102039000.0', '３.７０１０２Ｅ＋１７']) {
      expect(checkCitizenId(typed, today)).toEqual({ ok: false, problem: 'idLostDigits' });
    }
  });

  it('tells each other mistake apart', () => {
    expect(checkCitizenId('', today)).toEqual({ ok: false, problem: 'required' });
    expect(checkCitizenId('370101010203997', today)).toEqual({ ok: false, problem: 'idOldFormat' });
    expect(checkCitizenId('37010119010203997', today)).toEqual({ ok: false, problem: 'idLength', params: { length: 17 } });
    expect(checkCitizenId('3701011901020399731', today)).toMatchObject({ problem: 'idLength', params: { length: 19 } });
    expect(checkCitizenId('37010119010203997A', today)).toEqual({ ok: false, problem: 'idChars' });
    expect(checkCitizenId('3701011901020399X3', today)).toEqual({ ok: false, problem: 'idChars' });
    expect(checkCitizenId('370101-1901-0203-9973', today)).toEqual({ ok: false, problem: 'idChars' });
    expect(checkCitizenId('370101190102039974', today)).toEqual({ ok: false, problem: 'idChecksum' });
  });

  it('refuses a birth date that does not exist, is before 1900 or after today', () => {
    for (const date of ['19010230', '19001301', '20230229', '18991231', '20250616']) {
      const first17 = `370101${date}397`;
      expect(checkCitizenId(first17 + citizenIdCheckDigit(first17), today)).toEqual({ ok: false, problem: 'idBirthDate' });
    }
    const born2024LeapDay = '37010120240229397';
    expect(checkCitizenId(born2024LeapDay + citizenIdCheckDigit(born2024LeapDay), today)).toMatchObject({ ok: true });
  });

  it('reads sex from the 17th digit: odd male, even female', () => {
    const female = '53010219200508012';
    expect(checkCitizenId(female + citizenIdCheckDigit(female), today)).toMatchObject({ ok: true, sex: 2 });
  });

  it('passes every valid generated number and catches any single changed character', () => {
    fc.assert(
      fc.property(validIds, fc.nat(17), fc.nat(8), ({ region, birth, sequence }, position, shift) => {
        const id = citizenId(region, birth, sequence);
        const checked = checkCitizenId(id, today);
        expect(checked).toMatchObject({ ok: true, value: id, sex: sequence % 2 === 1 ? 1 : 2 });
        expect(checked.ok && checked.birthDate.replaceAll('-', '')).toBe(id.slice(6, 14));

        const alphabet = position === 17 ? '0123456789X' : '0123456789';
        const changed = alphabet[(alphabet.indexOf(id[position]) + 1 + shift) % alphabet.length];
        const typo = id.slice(0, position) + changed + id.slice(position + 1);
        expect(checkCitizenId(typo, today).ok).toBe(false);
      }),
    );
  });
});

describe('citizenIdCheckDigit', () => {
  it('computes X for a remainder of 2 and refuses anything but 17 digits', () => {
    expect(citizenIdCheckDigit('53010219200508011')).toBe('X');
    expect(citizenIdCheckDigit('37010119010203997')).toBe('3');
    expect(() => citizenIdCheckDigit('5301021920050801')).toThrow(RangeError);
  });
});

describe('idAgreesWith', () => {
  it('is quiet when the entered birth date and sex match the number', () => {
    expect(idAgreesWith('53010219200508011X', { birthDate: '1920-05-08', sex: 1 }, today)).toEqual([]);
    expect(idAgreesWith('53010219200508011X', { birthDate: '1920-05', sex: null }, today)).toEqual([]);
    expect(idAgreesWith('53010219200508011X', {}, today)).toEqual([]);
  });

  it('names the birth date the number holds, and a sex that disagrees', () => {
    expect(idAgreesWith('53010219200508011X', { birthDate: '1920-08-05', sex: 2 }, today)).toEqual([
      { problem: 'idBirthDateMismatch', params: { idBirthDate: '1920-05-08' } },
      { problem: 'idSexMismatch' },
    ]);
    expect(idAgreesWith('53010219200508011X', { birthDate: '1920年6月' }, today)).toMatchObject([
      { problem: 'idBirthDateMismatch' },
    ]);
  });

  it('leaves an invalid number to checkCitizenId', () => {
    expect(idAgreesWith('530102192005080110', { birthDate: '1999-01-01', sex: 2 }, today)).toEqual([]);
  });
});
