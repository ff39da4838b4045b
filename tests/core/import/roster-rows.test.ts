// Checking roster rows as Excel leaves them: ID numbers typed as numbers, lowercase x, full-width digits,
// padded names, a dozen ways of writing a date, and the rules between fields, each named by row and column.
import { describe, expect, it } from 'vitest';
import { checkRosterRows } from '../../../src/core/import/roster-check';
import { readRoster } from '../../../src/core/import/roster-reader';
import { MEMBER_FIELDS } from '../../../src/shared/members/fields';
import { checkMemberRow } from '../../../src/shared/members/draft';
import { TODAY, citizenId, memberRow, nationalRoster, writeWorkbook } from './roster-workbooks';

async function checkedRoster(members: unknown[][], extra = {}) {
  const roster = await readRoster(await writeWorkbook(nationalRoster(members, extra)));
  return checkRosterRows(roster, { today: TODAY });
}

describe('ID numbers', () => {
  it('rejects an ID number typed as a number (digits lost), naming the Excel row and the column', async () => {
    const [ok, asNumber, asScientificText] = await checkedRoster([
      memberRow(1),
      memberRow(2, { idNumber: 370101190102040000 }),
      memberRow(3, { idNumber: '3.70102E+17' }),
    ]);

    expect(ok.problems).toEqual([]);
    expect(asNumber.excelRow).toBe(5);
    expect(asNumber.draft).toBeNull();
    expect(asNumber.problems).toEqual([
      expect.objectContaining({ field: 'idNumber', problem: 'idLostDigits', value: 370101190102040000, column: expect.objectContaining({ letter: 'E', header: '公民身份号码' }) }),
    ]);
    expect(asScientificText).toMatchObject({ excelRow: 6, draft: null, problems: [expect.objectContaining({ problem: 'idLostDigits', value: '3.70102E+17' })] });
  });

  it('accepts a lowercase x and stores it upper-case', async () => {
    const id = citizenId('19200508', '011', '530102');
    expect(id).toBe('53010219200508011X');

    const [row] = await checkedRoster([memberRow(1, { idNumber: id.toLowerCase(), sex: '男' })]);

    expect(row.problems).toEqual([]);
    expect(row.draft?.idNumber).toBe('53010219200508011X');
  });

  it('names a wrong check digit', async () => {
    const id = citizenId('19800102');
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

    const [row] = await checkedRoster([memberRow(1, { idNumber: wrong })]);

    expect(row.problems).toEqual([expect.objectContaining({ field: 'idNumber', problem: 'idChecksum', value: wrong })]);
  });

  it('takes birth date and sex from the ID number when the roster leaves them blank', async () => {
    const [row] = await checkedRoster([memberRow(1, { idNumber: citizenId('19850312', '124'), sex: null, birthDate: null })]);

    expect(row.draft).toMatchObject({ birthDate: '1985-03-12', sex: 2 });
  });

  it('rejects a birth date or sex that disagrees with the ID number', async () => {
    const id = citizenId('19850312', '124'); // a woman born 1985-03-12
    const [wrongSex, wrongBirth, monthOnly] = await checkedRoster([
      memberRow(1, { idNumber: id, sex: '男' }),
      memberRow(2, { idNumber: id, sex: '女', birthDate: '1985-03-21' }),
      memberRow(3, { idNumber: id, sex: '女', birthDate: '1985.03' }),
    ]);

    expect(wrongSex.problems).toEqual([expect.objectContaining({ field: 'sex', problem: 'idSexMismatch', value: '男', column: expect.objectContaining({ letter: 'D' }) })]);
    expect(wrongBirth.problems).toEqual([expect.objectContaining({ field: 'birthDate', problem: 'idBirthDateMismatch', params: { idBirthDate: '1985-03-12' } })]);
    // Agreeing with the number to the month, the birth date is the number's: the day comes from the ID.
    expect(monthOnly.draft?.birthDate).toBe('1985-03-12');
  });
});

describe('names, phones and text', () => {
  it('normalizes full-width digits and padded names: ＩＤ and phone in full width, 张 三', async () => {
    const id = citizenId('19800102');
    const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

    const [row] = await checkedRoster([memberRow(1, { name: ' 张　三 ', idNumber: fullWidth(id), phone: `${fullWidth('138')} ${fullWidth('1234')}-5678`, branch: '第１网格党支部' })]);

    expect(row.problems).toEqual([]);
    expect(row.draft).toMatchObject({ name: '张三', idNumber: id, phone: '13812345678', branch: '第1网格党支部' });
  });

  it('rejects a phone number that is neither a mobile nor a landline', async () => {
    const [row] = await checkedRoster([memberRow(1, { phone: '1381234567' })]);

    expect(row.problems).toEqual([expect.objectContaining({ field: 'phone', problem: 'phoneFormat', value: '1381234567', column: expect.objectContaining({ letter: 'J' }) })]);
  });

  it('lists every required field that is missing', async () => {
    const [row] = await checkedRoster([memberRow(1, { name: null, idNumber: null, branch: null })]);

    expect(row.problems.map((p) => [p.field, p.problem, p.column?.letter])).toEqual([
      ['name', 'required', 'C'],
      ['idNumber', 'required', 'E'],
      ['branch', 'required', 'B'],
    ]);
  });
});

describe('dates', () => {
  const forms: [string, unknown, string][] = [
    ['an Excel date', new Date(Date.UTC(2019, 6, 1)), '2019-07-01'],
    ['an Excel serial number', 43647, '2019-07-01'],
    ['2019.07', '2019.07', '2019-07'],
    ['2019年7月', '2019年7月', '2019-07'],
    ['2019年7月1日', '2019年7月1日', '2019-07-01'],
    ['2019-7-1', '2019-7-1', '2019-07-01'],
    ['2019/07/01', '2019/07/01', '2019-07-01'],
    ['201907', '201907', '2019-07'],
  ];

  it.each(forms)('reads a joining date written as %s, to the day or to the month as given', async (_label, written, stored) => {
    const [row] = await checkedRoster([memberRow(1, { joinDate: written, fullDate: '2020-07-02' })]);

    expect(row.problems).toEqual([]);
    expect(row.draft?.joinDate).toBe(stored);
  });

  it('rejects a date in the future and one that does not exist', async () => {
    const [future, impossible] = await checkedRoster([memberRow(1, { fullDate: '2026-12-01' }), memberRow(2, { fullDate: '2006-02-30' })]);

    expect(future.problems).toEqual([expect.objectContaining({ field: 'fullDate', problem: 'dateInFuture', column: expect.objectContaining({ letter: 'I' }) })]);
    expect(impossible.problems).toEqual([expect.objectContaining({ field: 'fullDate', problem: 'dateInvalid', value: '2006-02-30' })]);
  });

  it('rejects a full-member date that is not after the joining date', async () => {
    const [before, sameMonth] = await checkedRoster([
      memberRow(1, { joinDate: '2006-07-01', fullDate: '2005-07-01' }),
      memberRow(2, { joinDate: '2006-07', fullDate: '2006-07-15' }),
    ]);

    expect(before.problems).toEqual([expect.objectContaining({ field: 'fullDate', problem: 'fullDateNotAfterJoinDate', params: { joinDate: '2006-07-01' } })]);
    // Joined "July 2006" and made full on 15 July 2006 may both be true: not refused.
    expect(sameMonth.problems).toEqual([]);
  });

  it('rejects a full-member date on a probationary member', async () => {
    const [withDate, without] = await checkedRoster([
      memberRow(1, { category: '预备党员', joinDate: '2025-07-01', fullDate: '2026-01-01' }),
      memberRow(2, { category: '预备', joinDate: '2025-07-01', fullDate: null }),
    ]);

    expect(withDate.problems).toEqual([expect.objectContaining({ field: 'fullDate', problem: 'probationaryHasFullDate' })]);
    expect(without.draft).toMatchObject({ category: 'probationary' });
    expect(without.draft).not.toHaveProperty('fullDate');
  });
});

describe('words for categories, sex and yes/no', () => {
  it.each([
    ['正式党员', 'full'],
    ['正式', 'full'],
    ['预备党员', 'probationary'],
    ['预备', 'probationary'],
    ['full', 'full'],
    ['Probationary', 'probationary'],
  ])('reads the category %s', (word, category) => {
    const { draft } = checkMemberRow({ name: '张三', idNumber: citizenId('19800102'), branch: '第一网格党支部', category: word }, { today: TODAY });

    expect(draft?.category).toBe(category);
  });

  it.each([
    ['男', 1],
    ['女', 2],
    [1, 1],
    ['2', 2],
  ])('reads the sex %s', (word, sex) => {
    const id = citizenId('19800102', sex === 1 ? '123' : '124');
    const { draft } = checkMemberRow({ name: '张三', idNumber: id, branch: '第一网格党支部', sex: word }, { today: TODAY });

    expect(draft?.sex).toBe(sex);
  });

  it('reads yes/no flags as clerks tick them, and a blank flag as not given', () => {
    const words: [unknown, boolean | undefined][] = [
      ['是', true],
      ['否', false],
      ['√', true],
      ['✓', true],
      ['Y', true],
      ['n', false],
      [1, true],
      [0, false],
      ['', undefined],
      [null, undefined],
    ];
    for (const [word, flag] of words) {
      const { draft } = checkMemberRow({ name: '张三', idNumber: citizenId('19800102'), branch: '一支部', mobile: word }, { today: TODAY });
      expect(draft?.mobile, `流动党员 "${String(word)}"`).toBe(flag);
    }
  });

  it('names a word it does not know instead of guessing', () => {
    const { draft, problems } = checkMemberRow(
      { name: '张三', idNumber: citizenId('19800102'), branch: '一支部', category: '入党积极分子', sex: '未知', hardship: '有点' },
      { today: TODAY },
    );

    expect(draft).toBeNull();
    expect(problems.map((p) => [p.field, p.problem, p.value])).toEqual([
      ['category', 'categoryUnknown', '入党积极分子'],
      ['sex', 'sexUnknown', '未知'],
      ['hardship', 'flagUnknown', '有点'],
    ]);
  });
});

describe('the draft', () => {
  it('leaves a blank cell out of the draft, so it can never overwrite a stored value', async () => {
    const [row] = await checkedRoster([memberRow(1, { phone: '   ', fullDate: null })]);

    expect(row.draft).not.toHaveProperty('phone');
    expect(row.draft).not.toHaveProperty('fullDate');
  });

  it('reads every field of the member record', () => {
    const given: Record<string, unknown> = {
      name: '阿依古丽·买买提',
      sex: '女',
      ethnicity: '维吾尔族',
      idNumber: citizenId('19900215', '124', '650102'),
      birthDate: '1990-02-15',
      education: '大学本科',
      category: '正式党员',
      branch: '第一网格党支部',
      joinDate: '2012-06',
      fullDate: '2013-06',
      occupation: '社区工作者',
      phone: '0536-1234567',
      address: '东华门街道XX路1号',
      standing: '正常',
      lostContactSince: '2024年5月',
      mobileDestination: '广东省深圳市南山区',
      lostContact: '是',
      mobile: '是',
      grid: '第一网格',
      building: 3,
      unit: '2',
      room: '301',
      workUnit: 'XX公司',
      inServiceRegistered: '√',
      employerOrg: 'XX公司党支部',
      hardship: '否',
      skills: '书法',
      volunteer: 'Y',
      nativePlace: '新疆乌鲁木齐',
      workStartDate: new Date(Date.UTC(2012, 6, 1)),
    };
    expect(Object.keys(given).sort()).toEqual(MEMBER_FIELDS.map((f) => f.key).sort());

    const { draft, problems } = checkMemberRow(given, { today: TODAY });

    expect(problems).toEqual([]);
    expect(Object.keys(draft ?? {}).sort()).toEqual(Object.keys(given).sort());
    expect(draft).toMatchObject({ sex: 2, standing: 'normal', lostContactSince: '2024-05', building: '3', volunteer: true, workStartDate: '2012-07-01' });
  });
});
