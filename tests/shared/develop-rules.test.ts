// The development rules engine (src/shared/develop/rules.ts) on its own: every time rule of the 2014 细则 with
// the date it sets, month-end and leap-day arithmetic, the notice counted on the official calendar (the
// counter's), and property tests over generated paths — a valid path passes, and moving any one date across
// its bound fails with that step's code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFrom } from '../../src/core/services/counter/workdays';
import { addDays, addMonths, addYears } from '../../src/shared/develop/dates';
import { checkPath, noticeEnd, probationEnd, type DevelopPath, type RuleOptions } from '../../src/shared/develop/rules';
import { DEVELOP_FIELD_PROBLEMS } from '../../src/shared/i18n/messages-develop';
import { formatIssue, interpolate } from '../../src/shared/i18n/messages';

const calendar = calendarFrom(new Map());
const OPTS: RuleOptions = { noticeWorkdays: 5, approvalMonths: 3, addWorkdays: (from, n) => calendar.addWorkdays(from, n), complete: true };
const PAPER: RuleOptions = { ...OPTS, complete: false };

const codes = (path: DevelopPath, opts = OPTS) => checkPath(path, opts).problems.map((p) => `${p.step}:${p.code}`);

/** A whole valid path, from an application on `applied` by someone born on `birth`. */
function fullPath(birth = '1998-05-20', applied = '2023-03-02'): DevelopPath {
  const activist = '2023-05-10';
  const candidate = '2024-05-20';
  const notice = '2024-07-01';
  const admitted = addDays(noticeEnd(notice, 5, OPTS.addWorkdays), 3);
  return {
    birth,
    applied,
    talked: '2023-03-20',
    activist,
    reviews: ['2023-11-08', '2024-05-06'],
    candidate,
    introducers: 2,
    politicalReview: '2024-06-03',
    training: { on: '2024-06-14', hours: 24 },
    preReview: '2024-06-24',
    notice,
    admitted,
    approved: addMonths(admitted, 2),
    oath: addMonths(admitted, 2),
    full: addYears(admitted, 1),
  };
}

describe('calendar arithmetic', () => {
  it('keeps the day of the month, or the month’s last day where it does not exist', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });
});

describe('each rule, with the date it sets', () => {
  it('an applicant is 18 on the day of the application (a leap-day birthday counts from 28 February)', () => {
    expect(codes({ birth: '2008-02-29', applied: '2026-02-27' })).toEqual(['applied:under18']);
    expect(codes({ birth: '2008-02-29', applied: '2026-02-28' })).toEqual([]);
    expect(checkPath({ birth: '2008-03-01', applied: '2026-02-28' }, OPTS).problems[0].params).toMatchObject({ earliest: '2026-03-01' });
  });

  it('the talk falls within one month of the application, counted to the month’s end', () => {
    expect(codes({ birth: '1990-01-01', applied: '2026-01-31', talked: '2026-02-28' })).toEqual([]);
    expect(codes({ birth: '1990-01-01', applied: '2026-01-31', talked: '2026-03-01' })).toEqual(['talked:talkLate']);
    expect(codes({ birth: '1990-01-01', applied: '2026-01-31', talked: '2026-01-30' })).toEqual(['talked:talkBeforeApplication']);
  });

  it('a candidate has been an activist a full year: the message names the first possible day', () => {
    const path = { ...fullPath(), candidate: '2024-05-09', admitted: undefined, approved: undefined, oath: undefined, full: undefined, notice: undefined, preReview: undefined, politicalReview: undefined, training: undefined };
    const problem = checkPath(path, OPTS).problems.find((p) => p.code === 'candidateTooEarly')!;
    expect(problem).toMatchObject({ step: 'candidate', params: { earliest: '2024-05-10', date: '2024-05-09' } });
    const text = formatIssue({ field: 'candidateOn', problem: problem.code, value: '2024-05-09', params: problem.params }, 'zh-CN', 'develop');
    expect(text).toBe('确定为发展对象日期：成为发展对象须在列为积极分子满一年后（2024-05-10 及以后）（填写的是“2024-05-09”）');
    expect(formatIssue({ field: 'candidateOn', problem: problem.code, value: '2024-05-09', params: problem.params }, 'en', 'develop')).toContain('2024-05-10');
  });

  it('the branch reviews the activist every half year', () => {
    const path: DevelopPath = { ...fullPath(), reviews: ['2023-11-08'] };
    expect(checkPath(path, OPTS).problems).toEqual([expect.objectContaining({ step: 'candidate', code: 'reviewMissing', params: expect.objectContaining({ since: '2023-11-08', latest: '2024-05-08' }) })]);
    // A paper file that states no reviews is not held to them; one that states some is.
    expect(codes({ ...path, reviews: undefined }, PAPER)).toEqual([]);
    expect(codes(path, PAPER)).toEqual(['candidate:reviewMissing']);
  });

  it('two full members introduce; the 政审 is valid one year; the training is 3 days or 24 hours', () => {
    expect(codes({ ...fullPath(), introducers: 1 })).toEqual(['admitted:introducersTooFew']);
    expect(codes({ ...fullPath(), training: { on: '2024-06-14', hours: 23, days: 2 } })).toEqual(['training:trainingShort']);
    expect(codes({ ...fullPath(), training: { on: '2024-06-14', days: 3 } })).toEqual([]);
    const late = fullPath();
    const stale = { ...late, politicalReview: addDays(addYears(late.admitted!, -1), -1) };
    expect(codes(stale)).toContain('admitted:politicalReviewExpired');
  });

  it('the notice runs its working days on the official calendar: the meeting comes after it, holidays not counted', () => {
    // Five working days from Monday 28 September 2026 run past the National Day holiday.
    expect(noticeEnd('2026-09-28', 5, OPTS.addWorkdays)).toBe('2026-10-09');
    const base = { ...fullPath('1995-01-01', '2025-01-06'), talked: '2025-01-20', activist: '2025-03-02', reviews: ['2025-08-30', '2026-02-20'], candidate: '2026-08-20', politicalReview: '2026-09-01', training: { on: '2026-09-10', hours: 30 }, preReview: '2026-09-20', notice: '2026-09-28', approved: undefined, oath: undefined, full: undefined };
    expect(codes({ ...base, admitted: '2026-10-09' })).toEqual(['admitted:admittedDuringNotice']);
    expect(checkPath({ ...base, admitted: '2026-10-09' }, OPTS).problems[0].params).toMatchObject({ earliest: '2026-10-10', noticeEnds: '2026-10-09' });
    expect(codes({ ...base, admitted: '2026-10-10' })).toEqual([]);
    // A longer notice (the street's setting) moves the first possible day.
    expect(codes({ ...base, admitted: '2026-10-10' }, { ...OPTS, noticeWorkdays: 7 })).toEqual(['admitted:admittedDuringNotice']);
  });

  it('approval within the limit (3 months by default, up to 6 by setting), probation one year, extension 6–12 months once', () => {
    const p = fullPath();
    expect(codes({ ...p, approved: addDays(addMonths(p.admitted!, 3), 1), oath: undefined })).toEqual(['approved:approvalLate']);
    expect(codes({ ...p, approved: addDays(addMonths(p.admitted!, 3), 1), oath: undefined }, { ...OPTS, approvalMonths: 6 })).toEqual([]);
    expect(codes({ ...p, full: addDays(addYears(p.admitted!, 1), -1) })).toEqual(['full:fullTooEarly']);
    const extended = { ...p, extended: { on: addYears(p.admitted!, 1), months: 6 }, full: addYears(p.admitted!, 1) };
    expect(codes(extended)).toEqual(['full:fullTooEarly']);
    expect(probationEnd(extended)).toBe(addMonths(addYears(p.admitted!, 1), 6));
    expect(codes({ ...extended, full: probationEnd(extended)! })).toEqual([]);
    expect(codes({ ...extended, extended: { on: addYears(p.admitted!, 1), months: 13 }, full: undefined })).toEqual(['extended:extensionMonths']);
  });

  it('a step without its prerequisite is refused by what is missing', () => {
    expect(codes({ birth: '1990-01-01', candidate: '2026-01-01' }, PAPER)).toEqual(['candidate:needsActivist']);
    expect(codes({ birth: '1990-01-01', applied: '2025-01-01', activist: '2025-02-01' })).toEqual(['activist:needsTalk']);
    const { notice: _n, ...noNotice } = fullPath();
    expect(codes(noNotice)).toEqual(['admitted:needsNotice']);
  });

  it('says what is due next with its earliest and latest day', () => {
    expect(checkPath({ birth: '1990-01-01', applied: '2026-01-31' }, OPTS).next).toEqual({ step: 'talked', earliest: '2026-01-31', latest: '2026-02-28' });
    const activist = checkPath({ birth: '1990-01-01', applied: '2025-03-01', talked: '2025-03-10', activist: '2025-03-02' }, OPTS);
    expect(activist.next).toEqual({ step: 'candidate', earliest: '2026-03-02', latest: null });
    expect(activist.due).toContainEqual({ step: 'review', earliest: null, latest: '2025-09-02' });
    const p = fullPath();
    expect(checkPath({ ...p, approved: undefined, oath: undefined, full: undefined }, OPTS).next).toEqual({ step: 'approved', earliest: p.admitted, latest: addMonths(p.admitted!, 3) });
    expect(checkPath({ ...p, full: undefined }, OPTS).next).toMatchObject({ step: 'full', earliest: addYears(p.admitted!, 1) });
    expect(checkPath(p, OPTS).next).toBeNull();
  });

  it('every problem code has its text in both languages', () => {
    const p = fullPath();
    const broken: DevelopPath[] = [
      { birth: '2010-01-01', applied: '2026-01-01', talked: '2026-03-01', activist: '2025-01-01', candidate: '2025-06-01', reviews: ['2024-01-01'] },
      { ...p, introducers: 0, training: { on: addDays(p.admitted!, 5), hours: 1 }, preReview: addDays(p.admitted!, 4), extended: { on: p.admitted!, months: 3 }, oath: p.admitted, approved: addMonths(p.admitted!, 9) },
    ];
    for (const path of broken) {
      for (const problem of checkPath(path, OPTS).problems) {
        for (const lang of ['zh-CN', 'en'] as const) {
          const text = DEVELOP_FIELD_PROBLEMS[lang][problem.code];
          expect(text, problem.code).toBeTruthy();
          expect(interpolate(text, problem.params), problem.code).not.toContain('{{');
        }
      }
    }
  });
});

// ——— property tests ———

const day = (from: string, to: string) => fc.integer({ min: 0, max: daysBetween(from, to) }).map((n) => addDays(from, n));
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Valid paths: every date a random distance inside its bounds, month ends and leap days included. */
const validPath = fc
  .record({
    birth: day('1960-01-01', '2006-12-31'),
    ageDays: fc.integer({ min: 0, max: 6000 }),
    talk: fc.integer({ min: 0, max: 27 }),
    toActivist: fc.integer({ min: 0, max: 400 }),
    reviewSlack: fc.integer({ min: 0, max: 25 }),
    extraYear: fc.integer({ min: 0, max: 40 }),
    gaps: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 5, maxLength: 5 }),
    hours: fc.integer({ min: 24, max: 80 }),
    afterNotice: fc.integer({ min: 1, max: 40 }),
    approveIn: fc.integer({ min: 0, max: 88 }),
    extension: fc.option(fc.integer({ min: 6, max: 12 }), { nil: undefined }),
    fullAfter: fc.integer({ min: 0, max: 60 }),
  })
  .map((g): DevelopPath => {
    const applied = addDays(addYears(g.birth, 18), g.ageDays);
    const talked = addDays(applied, g.talk);
    const activist = addDays(talked, g.toActivist);
    const reviews = [addDays(addMonths(activist, 5), -g.reviewSlack), addDays(addMonths(activist, 10), -g.reviewSlack)];
    const candidate = addDays(addYears(activist, 1), g.extraYear);
    const politicalReview = addDays(candidate, g.gaps[0]);
    const training = { on: addDays(candidate, g.gaps[1]), hours: g.hours };
    const preReview = addDays(politicalReview > training.on ? politicalReview : training.on, g.gaps[2]);
    const notice = addDays(preReview, g.gaps[3]);
    const admitted = addDays(noticeEnd(notice, OPTS.noticeWorkdays, OPTS.addWorkdays), g.afterNotice);
    const approved = addDays(admitted, Math.min(g.approveIn, daysBetween(admitted, addMonths(admitted, 3))));
    const oath = addDays(approved, g.gaps[4]);
    const extended = g.extension === undefined ? undefined : { on: addYears(admitted, 1), months: g.extension };
    const full = addDays(probationEnd({ admitted, extended })!, g.fullAfter);
    return { birth: g.birth, applied, talked, activist, reviews, candidate, introducers: 2, politicalReview, training, preReview, notice, admitted, approved, oath, extended, full };
  });

describe('generated paths', () => {
  it('a path inside every bound passes', () => {
    fc.assert(
      fc.property(validPath, (path) => {
        expect(checkPath(path, OPTS).problems).toEqual([]);
        expect(checkPath(path, PAPER).problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  /** step → moves one date of a valid path just across its bound, and the code that must then be reported. */
  const shifts: Record<string, { code: string; shift: (p: DevelopPath) => DevelopPath }> = {
    'applied:under18': { code: 'under18', shift: (p) => ({ ...p, applied: addDays(addYears(p.birth, 18), -1), talked: addDays(addYears(p.birth, 18), -1) }) },
    'talked:talkLate': { code: 'talkLate', shift: (p) => ({ ...p, talked: addDays(addMonths(p.applied!, 1), 1), activist: laterDay(p.activist!, addDays(addMonths(p.applied!, 1), 1)) }) },
    'candidate:candidateTooEarly': { code: 'candidateTooEarly', shift: (p) => ({ ...p, candidate: addDays(addYears(p.activist!, 1), -1) }) },
    'admitted:admittedDuringNotice': { code: 'admittedDuringNotice', shift: (p) => ({ ...p, admitted: noticeEnd(p.notice!, OPTS.noticeWorkdays, OPTS.addWorkdays) }) },
    'approved:approvalLate': { code: 'approvalLate', shift: (p) => ({ ...p, approved: addDays(addMonths(p.admitted!, 3), 1) }) },
    'full:fullTooEarly': { code: 'fullTooEarly', shift: (p) => ({ ...p, full: addDays(probationEnd(p)!, -1) }) },
    'training:trainingShort': { code: 'trainingShort', shift: (p) => ({ ...p, training: { ...p.training, hours: 23, days: 2 } }) },
    'admitted:introducersTooFew': { code: 'introducersTooFew', shift: (p) => ({ ...p, introducers: 1 }) },
  };

  for (const [name, { code, shift }] of Object.entries(shifts)) {
    it(`moving one date across its bound fails with that step's code (${name})`, () => {
      const [step] = name.split(':');
      fc.assert(
        fc.property(validPath, (path) => {
          const problems = checkPath(shift(path), OPTS).problems;
          expect(problems).toContainEqual(expect.objectContaining({ step, code }));
        }),
        { numRuns: 120 },
      );
    });
  }

  it('the 政审 one day past a year voids the meeting; on the last valid day it stands', () => {
    fc.assert(
      fc.property(validPath, (path) => {
        const lastValid = addYears(path.politicalReview!, 1);
        const base = { ...path, approved: undefined, oath: undefined, extended: undefined, full: undefined };
        expect(codes({ ...base, admitted: laterDay(base.admitted!, lastValid) === lastValid ? lastValid : base.admitted })).not.toContain('admitted:politicalReviewExpired');
        expect(codes({ ...base, admitted: addDays(lastValid, 1) })).toContain('admitted:politicalReviewExpired');
      }),
      { numRuns: 120 },
    );
  });
});

function laterDay(a: string, b: string): string {
  return a > b ? a : b;
}

describe('取消预备党员资格 (disqualified), the third outcome of the probation', () => {
  /** A valid path up to the oath (perhaps extended), its outcome still open, and a day of the probation for the decision. */
  const openProbation = fc.tuple(validPath, fc.integer({ min: 0, max: 500 })).map(([p, n]) => {
    const path: DevelopPath = { ...p, full: undefined };
    const last = addMonths(probationEnd(path)!, OPTS.approvalMonths);
    // After an extension, the decision comes on or after it (it cannot cut the extension short).
    const first = p.extended?.on ?? p.approved!;
    return { path, on: addDays(first, Math.min(n, daysBetween(first, last))), last };
  });

  it('from the approval to the approval limit after the probation ends it stands, ends the path and leaves nothing due', () => {
    fc.assert(
      fc.property(openProbation, ({ path, on }) => {
        const check = checkPath({ ...path, disqualified: on }, OPTS);
        expect(check.problems).toEqual([]);
        expect(check.stage).toBe('disqualified');
        expect(check.due).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('a day before the approval, a day past the limit, beside 转正, or before an extension it would cut short, it is refused', () => {
    fc.assert(
      fc.property(openProbation, ({ path, last }) => {
        expect(codes({ ...path, disqualified: addDays(path.approved!, -1) })).toContain('disqualified:disqualifiedTooEarly');
        expect(codes({ ...path, disqualified: addDays(last, 1) })).toContain('disqualified:disqualifiedLate');
        expect(codes({ ...path, full: probationEnd(path)!, disqualified: probationEnd(path)! })).toContain('disqualified:disqualifiedAndFull');
        if (path.extended) expect(codes({ ...path, disqualified: addDays(path.extended.on, -1) })).toContain('extended:extendedAfterDisqualified');
      }),
      { numRuns: 120 },
    );
    // Out of order: never approved, never a probationary member.
    expect(codes({ birth: '2000-04-12', applied: '2024-09-02', disqualified: '2025-01-01' }, PAPER)).toEqual(['disqualified:needsApproval']);
  });

  it('has its texts in both languages', () => {
    const p = fullPath();
    const problems = checkPath({ ...p, extended: { on: addYears(p.admitted!, 1), months: 6 }, disqualified: addDays(p.approved!, -1) }, OPTS).problems;
    expect(problems.map((x) => x.code)).toEqual(expect.arrayContaining(['disqualifiedTooEarly', 'disqualifiedAndFull', 'extendedAfterDisqualified']));
    for (const problem of problems) {
      for (const lang of ['zh-CN', 'en'] as const) {
        expect(interpolate(DEVELOP_FIELD_PROBLEMS[lang][problem.code], problem.params), problem.code).not.toContain('{{');
      }
    }
    expect(formatIssue({ field: 'disqualifiedOn', problem: 'disqualifiedLate', value: '2027-03-24', params: { latest: '2027-03-23', months: 3, date: '2027-03-24' } }, 'en', 'develop')).toContain('by 2027-03-23');
  });
});
