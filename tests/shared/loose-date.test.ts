// Dates the way they come out of Excel sheets and off paper: cells, serials, 2019.07, 2019年7月1日.
// A month stays a month, impossible and future dates are refused, Excel's habits are named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLooseDate } from '../../src/shared/validators';

const today = new Date(2025, 5, 15);
const opts = { today };
const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const toFullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** Excel's serial for a UTC-midnight date, counting the fictional 1900-02-29. */
function excelSerial(date: Date): number {
  const days = Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / DAY_MS);
  return date.getTime() < Date.UTC(1900, 2, 1) ? days - 1 : days;
}

const pastDays = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2025, 5, 15)), noInvalidDate: true })
  .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));

describe('parseLooseDate', () => {
  it('reads exceljs date cells by their UTC day', () => {
    expect(parseLooseDate(new Date(Date.UTC(2019, 6, 1)), opts)).toEqual({ ok: true, value: '2019-07-01', precision: 'day' });
    expect(parseLooseDate(new Date(Number.NaN), opts)).toEqual({ ok: false, problem: 'dateInvalid' });
  });

  it("reads Excel serials, including the fictional 29 February 1900", () => {
    expect(parseLooseDate(43466, opts)).toMatchObject({ ok: true, value: '2019-01-01' });
    expect(parseLooseDate('43466', opts)).toMatchObject({ ok: true, value: '2019-01-01' });
    expect(parseLooseDate(43466.75, opts)).toMatchObject({ ok: true, value: '2019-01-01' });
    expect(parseLooseDate(1, opts)).toMatchObject({ ok: true, value: '1900-01-01' });
    expect(parseLooseDate(59, opts)).toMatchObject({ ok: true, value: '1900-02-28' });
    expect(parseLooseDate(60, opts)).toEqual({ ok: false, problem: 'dateInvalid' });
    expect(parseLooseDate(61, opts)).toMatchObject({ ok: true, value: '1900-03-01' });
    expect(parseLooseDate(2958465, { allowFuture: true })).toMatchObject({ ok: true, value: '9999-12-31' });
    // Typed into a General cell, 201907 and 20190701 are numbers: a month and a day, not serials.
    expect(parseLooseDate(201907, opts)).toEqual({ ok: true, value: '2019-07', precision: 'month' });
    expect(parseLooseDate(20190701, opts)).toEqual({ ok: true, value: '2019-07-01', precision: 'day' });
    expect(parseLooseDate(20190231, opts)).toEqual({ ok: false, problem: 'dateInvalid' });
    for (const outOfRange of [0, -5, 2958466, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(parseLooseDate(outOfRange, opts)).toEqual({ ok: false, problem: 'dateFormat' });
    }
  });

  it('reads the shapes people write, keeping a month a month', () => {
    const cases: [string, string][] = [
      ['2019.07', '2019-07'],
      ['2019.7', '2019-07'],
      ['2019.1', '2019-01'],
      ['2019.10', '2019-10'],
      ['2019年7月', '2019-07'],
      ['2019-07', '2019-07'],
      ['201907', '2019-07'],
      ['２０１９年 ７ 月', '2019-07'],
      ['2019.7.1', '2019-07-01'],
      ['2019年7月1日', '2019-07-01'],
      ['2019-7-1', '2019-07-01'],
      ['2019/07/01', '2019-07-01'],
      ['20190701', '2019-07-01'],
      [' 2019 - 07 - 01 ', '2019-07-01'],
      ['2019/7/1 0:00', '2019-07-01'],
      ['2019-07-01T00:00:00.000Z', '2019-07-01'],
    ];
    for (const [typed, value] of cases) {
      expect(parseLooseDate(typed, opts), typed).toEqual({ ok: true, value, precision: value.length === 7 ? 'month' : 'day' });
    }
  });

  it('reads a General-format number cell such as 2019.07 as a month, and asks about 2019.1', () => {
    expect(parseLooseDate(2019.07, opts)).toEqual({ ok: true, value: '2019-07', precision: 'month' });
    expect(parseLooseDate(2019.12, opts)).toEqual({ ok: true, value: '2019-12', precision: 'month' });
    expect(parseLooseDate(2019.1, opts)).toEqual({ ok: false, problem: 'dateMonthAmbiguous', params: { year: '2019' } });
    expect(parseLooseDate(2019.13, opts)).toEqual({ ok: false, problem: 'dateInvalid' });
  });

  it('refuses a year typed alone rather than reading it as a serial in 1905', () => {
    expect(parseLooseDate(2019, opts)).toEqual({ ok: false, problem: 'dateYearOnly', params: { year: 2019 } });
    expect(parseLooseDate('2019', opts)).toEqual({ ok: false, problem: 'dateYearOnly', params: { year: 2019 } });
  });

  it('refuses dates that do not exist or are before 1900', () => {
    for (const typed of ['2019-02-29', '2019-13', '2019.0', '2019-04-31', '20190230', '1899-12-31', '2019-00-10']) {
      expect(parseLooseDate(typed, opts), typed).toEqual({ ok: false, problem: 'dateInvalid' });
    }
    expect(parseLooseDate('2020-02-29', opts)).toMatchObject({ ok: true });
  });

  it('refuses what it cannot read, and says an empty cell is empty', () => {
    for (const typed of ['abc', '19.7.1', '01/07/2019', '2019-07-01-02', true, {}]) {
      expect(parseLooseDate(typed, opts)).toEqual({ ok: false, problem: 'dateFormat' });
    }
    for (const empty of [null, undefined, '', '  ', '\u3000']) {
      expect(parseLooseDate(empty, opts)).toEqual({ ok: false, problem: 'required' });
    }
  });

  it('refuses a date after today unless the caller allows the future', () => {
    expect(parseLooseDate('2025-06-15', opts)).toMatchObject({ ok: true });
    expect(parseLooseDate('2025-06-16', opts)).toEqual({ ok: false, problem: 'dateInFuture' });
    expect(parseLooseDate('2025-06', opts)).toMatchObject({ ok: true, value: '2025-06' });
    expect(parseLooseDate('2025-07', opts)).toEqual({ ok: false, problem: 'dateInFuture' });
    expect(parseLooseDate('2025-06-16', { today, allowFuture: true })).toMatchObject({ ok: true, value: '2025-06-16' });
    expect(parseLooseDate('9999-12-31')).toEqual({ ok: false, problem: 'dateInFuture' });
  });

  it('reads back any real day written in every accepted shape', () => {
    fc.assert(
      fc.property(pastDays, (date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const iso = `${y}-${pad(m)}-${pad(d)}`;
        const shapes: unknown[] = [
          date,
          iso,
          `${y}-${m}-${d}`,
          `${y}/${pad(m)}/${pad(d)}`,
          `${y}.${m}.${d}`,
          `${y}年${m}月${d}日`,
          `${y}${pad(m)}${pad(d)}`,
          toFullWidth(` ${y}年 ${m}月${d}日 `),
        ];
        const serial = excelSerial(date);
        if (serial < 1900 || serial > 2100) shapes.push(serial, String(serial));
        for (const shape of shapes) {
          expect(parseLooseDate(shape, opts)).toEqual({ ok: true, value: iso, precision: 'day' });
        }
      }),
    );
  });

  it('reads back any month written in every accepted shape, without inventing a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2024 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const value = `${y}-${pad(m)}`;
        const shapes: unknown[] = [value, `${y}.${pad(m)}`, `${y}.${m}`, `${y}年${m}月`, `${y}/${m}`, `${y}${pad(m)}`, toFullWidth(`${y}年${m}月`)];
        if (m !== 1 && m !== 10) shapes.push(Number(`${y}.${pad(m)}`));
        for (const shape of shapes) {
          expect(parseLooseDate(shape, opts)).toEqual({ ok: true, value, precision: 'month' });
        }
      }),
    );
  });

  it('refuses every day after today by default', () => {
    const future = fc.date({ min: new Date(2025, 5, 16), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(future, (date) => {
        const iso = date.toISOString().slice(0, 10);
        if (iso <= '2025-06-15') return;
        expect(parseLooseDate(iso, opts)).toEqual({ ok: false, problem: 'dateInFuture' });
      }),
    );
  });
});
