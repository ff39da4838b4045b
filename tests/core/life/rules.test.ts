// The pure rules of organizational life at their edges: periods, cells, quorum, the one-third cap, the
// activity week, six months' absence.
import { describe, expect, it } from 'vitest';
import { absentSixMonths, activityWeek, cellState, excellentAllowed, excellentCap, fixedDay, hasQuorum, monthsBefore, periodEnd, periodOf, periodStart, periodsDueIn, periodsOfYear } from '../../../src/shared/life-rules';

describe('periods', () => {
  it('name the month, quarter or year a day falls in, with their first and last days', () => {
    expect(periodOf('2026-03-31', 'month')).toBe('2026-03');
    expect(periodOf('2026-03-31', 'quarter')).toBe('2026-Q1');
    expect(periodOf('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodOf('2026-12-31', 'year')).toBe('2026');
    expect(periodEnd('2028-02')).toBe('2028-02-29');
    expect(periodEnd('2026-02')).toBe('2026-02-28');
    expect(periodEnd('2026-Q3')).toBe('2026-09-30');
    expect(periodStart('2026-Q4')).toBe('2026-10-01');
    expect(periodEnd('2026')).toBe('2026-12-31');
    expect(periodsOfYear(2026, 'month')).toHaveLength(12);
    expect(periodsOfYear(2026, 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('due within a quarter or a month: the periods that end in it, so the parts add up to the year', () => {
    expect(periodsDueIn('2026-Q2', 'month')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(periodsDueIn('2026-Q2', 'quarter')).toEqual(['2026-Q2']);
    expect(periodsDueIn('2026-Q2', 'year')).toEqual([]);
    expect(periodsDueIn('2026-Q4', 'year')).toEqual(['2026']);
    expect(periodsDueIn('2026-05', 'quarter')).toEqual([]);
    expect(periodsDueIn('2026-06', 'quarter')).toEqual(['2026-Q2']);
    expect(periodsDueIn('2026-12', 'year')).toEqual(['2026']);
    expect(periodsDueIn('2026', 'month')).toEqual(periodsOfYear(2026, 'month'));
    for (const f of ['month', 'quarter', 'year'] as const) {
      expect([1, 2, 3, 4].flatMap((q) => periodsDueIn(`2026-Q${q}`, f)), f).toEqual(periodsOfYear(2026, f));
    }
  });

  it('a cell is not yet due until its period has ended, done whenever met', () => {
    expect(cellState(false, '2026-03', '2026-03-31')).toBe('notDue');
    expect(cellState(false, '2026-03', '2026-04-01')).toBe('missing');
    expect(cellState(true, '2026-12', '2026-01-01')).toBe('done');
  });
});

describe('quorum and the cap', () => {
  it('needs more than half, and nobody to count is no quorum', () => {
    expect(hasQuorum(4, 8)).toBe(false);
    expect(hasQuorum(5, 8)).toBe(true);
    expect(hasQuorum(2, 3)).toBe(true);
    expect(hasQuorum(1, 3)).toBe(false);
    expect(hasQuorum(0, 0)).toBe(false);
  });

  it('allows 优秀 for at most one third: 3 of 9, not 4; none of 2', () => {
    expect(excellentAllowed(3, 9)).toBe(true);
    expect(excellentAllowed(4, 9)).toBe(false);
    expect(excellentAllowed(1, 2)).toBe(false);
    expect(excellentAllowed(0, 2)).toBe(true);
    expect(excellentCap(10)).toBe(3);
    expect(excellentCap(12)).toBe(4);
  });
});

describe('the activity week', () => {
  it('starts on the month’s n-th Monday, also when the month begins on a Monday or a Sunday', () => {
    expect(activityWeek(2026, 6, 2)).toEqual({ start: '2026-06-08', end: '2026-06-14' }); // 1 June 2026 is a Monday
    expect(activityWeek(2026, 3, 2)).toEqual({ start: '2026-03-09', end: '2026-03-15' }); // 1 March 2026 is a Sunday
    expect(activityWeek(2026, 12, 1)).toEqual({ start: '2026-12-07', end: '2026-12-13' });
    expect(fixedDay({ start: '2026-06-08' }, 7)).toBe('2026-06-14');
  });
});

describe('six months absent', () => {
  const rows = (states: ('present' | 'absent' | 'leave')[]) => states.map((state, i) => ({ heldOn: `2026-0${i + 3}-10`, state }));
  it('flags a member present at no meeting of the last six months, not one who joined within them or came once', () => {
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(absentSixMonths(rows(['absent', 'absent', 'leave', 'absent', 'absent', 'absent']), '2010-01-01', '2026-08-31')).toBe(true);
    expect(absentSixMonths(rows(['absent', 'absent', 'present', 'absent', 'absent', 'absent']), '2010-01-01', '2026-08-31')).toBe(false);
    expect(absentSixMonths(rows(['absent', 'absent']), '2026-04-01', '2026-08-31')).toBe(false);
    expect(absentSixMonths([], '2010-01-01', '2026-08-31')).toBe(false);
  });
});
