// Due dates in working days: the official calendar (statutory holidays and make-up workdays of 2026, from
// chinese-days), a year the package does not know (weekends only), and the override table winning over both.
import { describe, expect, it } from 'vitest';
import { appsForEachTest, expectError, type TestApp } from '../../support/factory';
import { officialIsWorkday, packageKnowsYear } from '../../../src/core/services/counter/workdays';
import { formatError } from '../../../src/shared/i18n/messages';

const app = appsForEachTest();

const due = async (t: TestApp, from: string, days: number) => (await t.app.invoke('workdays.due', { from, days }, t.adminToken)).due;

describe('the official 2026 calendar', () => {
  it('skips the Spring Festival holiday (Feb 15–23) and counts the make-up Saturdays Feb 14 and Feb 28', async () => {
    const t = await app();
    expect(await due(t, '2026-02-13', 1)).toBe('2026-02-14');
    expect(await due(t, '2026-02-12', 3)).toBe('2026-02-24');
    expect(await due(t, '2026-02-14', 1)).toBe('2026-02-24');
    expect(await due(t, '2026-02-27', 1)).toBe('2026-02-28');
    expect(await due(t, '2026-02-27', 2)).toBe('2026-03-02');
  });

  it('skips National Day (Oct 1–7) and counts the make-up Sunday Sep 20 and Saturday Oct 10', async () => {
    const t = await app();
    expect(await due(t, '2026-09-18', 1)).toBe('2026-09-20');
    expect(await due(t, '2026-09-30', 1)).toBe('2026-10-08');
    expect(await due(t, '2026-09-30', 3)).toBe('2026-10-10');
    expect(await due(t, '2026-09-30', 5)).toBe('2026-10-13');
  });

  it('the acceptance day is day 0: zero days is the same day, one day is the next working day', async () => {
    const t = await app();
    expect(await due(t, '2026-03-10', 0)).toBe('2026-03-10');
    expect(await due(t, '2026-03-13', 1)).toBe('2026-03-16');
    expect(await due(t, '2026-03-10', 5)).toBe('2026-03-17');
  });
});

describe('a year the package does not know', () => {
  it('is recognised as unknown, and rests on weekends only', async () => {
    expect(packageKnowsYear(2026)).toBe(true);
    expect(packageKnowsYear(2028)).toBe(false);
    expect(officialIsWorkday('2028-10-02')).toBe(true);
    expect(officialIsWorkday('2028-10-07')).toBe(false);
    const t = await app();
    expect(await due(t, '2028-09-29', 3)).toBe('2028-10-04');
  });

  it('follows the override table once the calendar is published: holidays and a make-up Saturday', async () => {
    const t = await app();
    for (const date of ['2028-10-02', '2028-10-03', '2028-10-04', '2028-10-05', '2028-10-06']) {
      await t.app.invoke('workdays.overrides.save', { date, kind: 'holiday', dayName: '国庆节' }, t.adminToken);
    }
    await t.app.invoke('workdays.overrides.save', { date: '2028-10-07', kind: 'workday', dayName: '国庆节调休上班' }, t.adminToken);
    // 9-30 and 10-1 weekend, 10-2..6 holiday, 10-7 make-up Saturday (1), 10-9 (2), 10-10 (3).
    expect(await due(t, '2028-09-29', 3)).toBe('2028-10-10');
    const list = await t.app.invoke('workdays.overrides.list', { year: 2028 }, t.adminToken);
    expect(list.map((o) => [o.date, o.kind])).toContainEqual(['2028-10-07', 'workday']);
  });

  it('is reported so the pages can ask for it: this year and next, built in or entered by hand', async () => {
    const t = await app({ start: new Date(2027, 10, 20, 9) });
    expect(packageKnowsYear(2027)).toBe(false);
    expect((await t.app.invoke('workdays.calendar', {}, t.adminToken)).years).toEqual([
      { year: 2027, builtIn: false, overrides: 0 },
      { year: 2028, builtIn: false, overrides: 0 },
    ]);
    await t.app.invoke('workdays.overrides.save', { date: '2028-01-01', kind: 'holiday', dayName: '元旦' }, t.adminToken);
    expect((await t.app.invoke('workdays.calendar', {}, t.adminToken)).years[1]).toEqual({ year: 2028, builtIn: false, overrides: 1 });
  });
});

describe('the override table', () => {
  it('wins over the official calendar in a known year, and deleting the entry restores it', async () => {
    const t = await app();
    const entry = await t.app.invoke('workdays.overrides.save', { date: '2026-10-08', kind: 'holiday', dayName: '本地安排' }, t.adminToken);
    expect(await due(t, '2026-09-30', 5)).toBe('2026-10-14');
    await t.app.invoke('workdays.overrides.delete', { id: entry.id }, t.adminToken);
    expect(await due(t, '2026-09-30', 5)).toBe('2026-10-13');
  });

  it('refuses a date twice, naming the date and the entry already there', async () => {
    const t = await app();
    await t.app.invoke('workdays.overrides.save', { date: '2027-02-06', kind: 'workday', dayName: '春节调休' }, t.adminToken);
    const error = await expectError(t.app, 'workdays.overrides.save', { date: '2027-02-06', kind: 'holiday' }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues).toEqual([expect.objectContaining({ field: 'date', problem: 'overrideDateTakenWorkday', value: '2027-02-06' })]);
    expect(formatError(error, 'zh-CN')).toContain('日期：这一天已在调整表中（上班：春节调休）');
    expect(await t.app.invoke('workdays.overrides.list', {}, t.adminToken)).toHaveLength(1);
  });

  it('refuses a date that does not exist', async () => {
    const t = await app();
    const error = await expectError(t.app, 'workdays.overrides.save', { date: '2027-02-30', kind: 'holiday' }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'date', problem: 'dateInvalid' });
  });
});
