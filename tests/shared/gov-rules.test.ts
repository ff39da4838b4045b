// The governance rules everyone computes the same way: rates to one decimal with integers only (Zhucheng's
// figures exactly), quorum and majority at their edges, term due days and reminders, the disclosure windows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  defaultTermYears,
  disclosureWindow,
  meetingProblem,
  monthsOverdue,
  moreThan,
  rateText,
  termDueOn,
  termReminder,
} from '../../src/shared/gov-rules';

describe('completion rate to one decimal', () => {
  it('gives Zhucheng’s figures exactly', () => {
    expect(rateText(396, 656)).toBe('60.4');
    expect(rateText(871, 1621)).toBe('53.7');
    expect(rateText(285, 410)).toBe('69.5');
  });

  it('rounds half up, writes whole and empty rates plainly, and has nothing to say of nothing', () => {
    expect(rateText(1, 8)).toBe('12.5'); // exactly 12.5
    expect(rateText(1, 16)).toBe('6.3'); // 6.25 → 6.3
    expect(rateText(1, 3)).toBe('33.3');
    expect(rateText(2, 3)).toBe('66.7');
    expect(rateText(0, 7)).toBe('0.0');
    expect(rateText(7, 7)).toBe('100.0');
    expect(rateText(0, 0)).toBeNull();
  });

  it('refuses counts that cannot be (done over total, negative, fractional)', () => {
    expect(() => rateText(5, 4)).toThrow(RangeError);
    expect(() => rateText(-1, 4)).toThrow(RangeError);
    expect(() => rateText(1.5, 4)).toThrow(RangeError);
  });

  it('parses back within 0.05 of done ÷ total, for any counts a street could have', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }).chain((total) => fc.tuple(fc.integer({ min: 0, max: total }), fc.constant(total))),
        ([done, total]) => {
          const text = rateText(done, total)!;
          expect(text).toMatch(/^\d{1,3}\.\d$/);
          expect(Math.abs(Number(text) - (100 * done) / total)).toBeLessThanOrEqual(0.05 + 1e-9);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('quorum and majority', () => {
  const half = { presentPercent: 50, favourPercent: 50 };

  it('needs more than the share, not the share itself', () => {
    expect(moreThan(5, 10, 50)).toBe(false);
    expect(moreThan(6, 10, 50)).toBe(true);
    // Elections: over four fifths — 8 of 10 is not enough, 9 is; 4 of 5 is not, 5 is.
    expect(moreThan(8, 10, 80)).toBe(false);
    expect(moreThan(9, 10, 80)).toBe(true);
    expect(moreThan(4, 5, 80)).toBe(false);
  });

  it('names the impossible figures first, then the quorum, then the majority', () => {
    expect(meetingProblem(10, 11, 5, half)).toBe('presentOverEntitled');
    expect(meetingProblem(10, 6, 7, half)).toBe('votesOverPresent');
    expect(meetingProblem(10, 5, 5, half)).toBe('quorumNotMet');
    expect(meetingProblem(10, 6, 3, half)).toBe('majorityNotMet');
    expect(meetingProblem(10, 6, 4, half)).toBeNull();
    // A stricter residents' meeting (two thirds present): 6 of 9 is not over 66 %, 7 is.
    expect(meetingProblem(9, 6, 6, { presentPercent: 66, favourPercent: 50 })).toBeNull();
    expect(meetingProblem(9, 5, 5, { presentPercent: 66, favourPercent: 50 })).toBe('quorumNotMet');
  });
});

describe('terms', () => {
  it('runs three years for branches and five for committees, moved by approved months', () => {
    expect(defaultTermYears('branch')).toBe(3);
    expect(defaultTermYears('community_committee')).toBe(5);
    expect(defaultTermYears('general_branch')).toBe(5);
    expect(termDueOn('2023-03-15', 3, 0)).toBe('2026-03-15');
    expect(termDueOn('2021-05-20', 5, 12)).toBe('2027-05-20');
    expect(termDueOn('2021-05-20', 5, -6)).toBe('2025-11-20');
  });

  it('reminds 6 and 3 months before, and counts the months once overdue', () => {
    expect(termReminder('2026-09-15', '2026-03-14')).toBeNull();
    expect(termReminder('2026-09-15', '2026-03-15')).toBe('sixMonths');
    expect(termReminder('2026-09-15', '2026-06-15')).toBe('threeMonths');
    expect(termReminder('2026-09-15', '2026-09-15')).toBe('threeMonths');
    expect(termReminder('2026-09-15', '2026-09-16')).toBe('overdue');
    expect(monthsOverdue('2026-09-15', '2026-10-14')).toBe(0);
    expect(monthsOverdue('2026-09-15', '2026-10-15')).toBe(1);
    expect(monthsOverdue('2026-09-15', '2027-01-20')).toBe(4);
  });

  it('adds months to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-03-09', -3)).toBe('2025-12-09');
  });
});

describe('disclosure windows', () => {
  it('asks finances every month and the routine areas every quarter', () => {
    expect(disclosureWindow('finance', '2026-03')).toEqual({ from: '2026-03', to: '2026-03' });
    expect(disclosureWindow('party', '2026-03')).toEqual({ from: '2026-01', to: '2026-03' });
    expect(disclosureWindow('service', '2026-01')).toEqual({ from: '2025-11', to: '2026-01' });
  });
});
