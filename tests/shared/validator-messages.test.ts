// Every problem a validator can report reads as a sentence in both languages: a clerk never sees a raw
// code or an unfilled {{placeholder}}.
import { describe, expect, it } from 'vitest';
import { FIELD_PROBLEMS, formatIssue } from '../../src/shared/i18n/messages';
import {
  CITIZEN_ID_PROBLEMS,
  CREDIT_CODE_CHECKSUM_WARNING,
  CREDIT_CODE_PROBLEMS,
  ID_MISMATCH_PROBLEMS,
  LOOSE_DATE_PROBLEMS,
  NAME_PROBLEMS,
  PHONE_PROBLEMS,
  checkCitizenId,
  idAgreesWith,
  normalizePersonName,
  parseLooseDate,
} from '../../src/shared/validators';

const everyProblem = [
  ...CITIZEN_ID_PROBLEMS,
  ...ID_MISMATCH_PROBLEMS,
  ...PHONE_PROBLEMS,
  ...CREDIT_CODE_PROBLEMS,
  CREDIT_CODE_CHECKSUM_WARNING,
  ...LOOSE_DATE_PROBLEMS,
  ...NAME_PROBLEMS,
];

describe('validator problems in FIELD_PROBLEMS', () => {
  it('have a zh-CN and an English text', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const missing = everyProblem.filter((problem) => !FIELD_PROBLEMS[lang][problem]);
      expect(missing, lang).toEqual([]);
    }
  });

  it('fill every placeholder from the params the validators give', () => {
    const failures = [
      checkCitizenId('37010119010203997'),
      ...idAgreesWith('53010219200508011X', { birthDate: '1921-05-08', sex: 2 }),
      parseLooseDate(2019),
      parseLooseDate(2019.1),
      normalizePersonName('张'.repeat(41)),
    ];
    for (const failure of failures) {
      if (!('problem' in failure)) throw new Error(`expected a problem, got ${JSON.stringify(failure)}`);
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = formatIssue({ field: 'citizenId', problem: failure.problem, params: failure.params }, lang);
        expect(text).not.toMatch(/\{\{|\}\}/);
      }
    }
    const zh = formatIssue({ field: 'joinedOn', problem: 'dateMonthAmbiguous', params: { year: '2019' }, value: 2019.1 }, 'zh-CN');
    expect(zh).toContain('2019-01 或 2019-10');
  });
});
