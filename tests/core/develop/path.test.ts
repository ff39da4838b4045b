// Developing new members through the contract, on a real SQLite file: one person from the application to full
// membership, each refusal naming the rule and the date (and writing nothing), admission putting the person
// on the roll without retyping, 转正 making them full, the board's due dates, and a clerk limited to one
// community kept to it.
import { describe, expect, it } from 'vitest';
import { addDays, addYears } from '../../../src/shared/develop/dates';
import { formatError } from '../../../src/shared/i18n/messages';
import { calendarFrom } from '../../../src/core/services/counter/workdays';
import { noticeEnd } from '../../../src/shared/develop/rules';
import type { DevelopPersonRow } from '../../../src/shared/api/contract-develop';
import { USER_PASSWORD, appsForEachTest, expectError, expectOk, tableSnapshot, type TestApp } from '../../support/factory';
import { developStreet, idFor } from './develop-support';

const app = appsForEachTest();
/** Late enough for a whole path (two years and more) to lie in the past. */
const TODAY = new Date(2027, 0, 11, 9, 0, 0);
const calendar = calendarFrom(new Map());

type StepInput = { step: string; on: string } & Record<string, unknown>;

async function step(t: TestApp, person: DevelopPersonRow, input: StepInput, token = t.adminToken): Promise<DevelopPersonRow> {
  return expectOk(t.app, 'develop.recordStep', { id: person.id, version: person.version, ...input } as never, token);
}

/** Refused as VALIDATION with an issue of `problem` on `field`, and nothing in the file changed. */
async function refusedStep(t: TestApp, person: DevelopPersonRow, input: StepInput, field: string, problem: string) {
  const before = tableSnapshot(t.app.sqlite);
  const error = await expectError(t.app, 'develop.recordStep', { id: person.id, version: person.version, ...input }, t.adminToken, 'VALIDATION');
  expect(error.details?.issues).toContainEqual(expect.objectContaining({ field, problem }));
  expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  return error;
}

describe('a person from application to full membership', () => {
  it('takes every step in order, refuses each out-of-order or too-early one with its rule, and changes the roll itself', async () => {
    const t = await app({ start: TODAY });
    const street = await developStreet(t);
    let p = await expectOk(t.app, 'develop.create', { name: '孙晓明', idNumber: idFor('2000-04-12', 7), phone: '13800001111', orgId: street.branchId, appliedOn: '2024-09-02' }, t.adminToken);
    expect(p).toMatchObject({ stage: 'applicant', birthDate: '2000-04-12', sex: 1, next: { step: 'talked', earliest: '2024-09-02', latest: '2024-10-02' } });

    // A talk more than a month after the application.
    const late = await refusedStep(t, p, { step: 'talked', on: '2024-10-03' }, 'on', 'talkLate');
    expect(formatError(late, 'zh-CN', 'develop.recordStep')).toContain('最迟 2024-10-02');
    // Out of order: a candidate before ever being an activist.
    await refusedStep(t, p, { step: 'candidate', on: '2024-09-20' }, 'on', 'needsActivist');
    p = await step(t, p, { step: 'talked', on: '2024-09-20', people: '王建国', orgName: '东华社区第一党支部' });
    // An activist needs a 培养联系人 (a full member of the roll).
    await refusedStep(t, p, { step: 'activist', on: '2024-11-04' }, 'memberIds', 'required');
    p = await step(t, p, { step: 'activist', on: '2024-11-04', memberIds: [street.members[0]], documentNumber: '东华支〔2024〕3号' });
    expect(p).toMatchObject({ stage: 'activist', next: { step: 'candidate', earliest: '2025-11-04' } });
    p = await step(t, p, { step: 'review', on: '2025-05-03', people: '支部委员会' });
    p = await step(t, p, { step: 'review', on: '2025-10-30', people: '支部委员会' });

    // A day short of a full year as an activist: the message names the rule and the first possible day.
    const early = await refusedStep(t, p, { step: 'candidate', on: '2025-11-03', memberIds: street.members.slice(0, 2) }, 'on', 'candidateTooEarly');
    expect(formatError(early, 'zh-CN', 'develop.recordStep')).toBe(
      '填写的内容有误：日期：成为发展对象须在列为积极分子满一年后（2025-11-04 及以后）（填写的是“2025-11-03”）',
    );
    expect(formatError(early, 'en', 'develop.recordStep')).toContain('2025-11-04');
    p = await step(t, p, { step: 'candidate', on: '2025-11-05', memberIds: street.members.slice(0, 2) });
    p = await step(t, p, { step: 'politicalReview', on: '2025-11-20', orgName: '街道党工委' });
    await refusedStep(t, p, { step: 'training', on: '2025-12-05', hours: 16, days: 2 }, 'hours', 'trainingShort');
    p = await step(t, p, { step: 'training', on: '2025-12-05', hours: 24 });
    // No notice without the pre-review; no meeting without the notice.
    await refusedStep(t, p, { step: 'notice', on: '2025-12-16' }, 'on', 'needsPreReview');
    p = await step(t, p, { step: 'preReview', on: '2025-12-15', orgName: '街道党工委' });
    p = await step(t, p, { step: 'notice', on: '2025-12-16' });
    const ends = noticeEnd('2025-12-16', 5, (from, n) => calendar.addWorkdays(from, n));
    expect(ends).toBe('2025-12-22');
    await refusedStep(t, p, { step: 'admitted', on: ends, attendance: 9, votesFor: 9, votesAgainst: 0 }, 'on', 'admittedDuringNotice');
    // Approval before the meeting: out of order.
    await refusedStep(t, p, { step: 'approved', on: '2025-12-30' }, 'on', 'needsAdmission');
    expect(await t.app.invoke('members.list', { query: '孙晓明' }, t.adminToken)).toMatchObject({ total: 0 });

    const admittedOn = addDays(ends, 1);
    p = await step(t, p, { step: 'admitted', on: admittedOn, attendance: 9, votesFor: 9, votesAgainst: 0, documentNumber: '东华支〔2025〕12号' });
    expect(p.stage).toBe('probationary');
    // On the roll without retyping: a probationary member of the branch from the meeting's day.
    const joined = await t.app.invoke('members.get', { id: p.memberId! }, t.adminToken);
    expect(joined.member).toMatchObject({ name: '孙晓明', category: 'probationary', joinDate: admittedOn, fullDate: null, orgId: street.branchId, phone: '13800001111' });
    const pathEvent = joined.events.find((e) => e.kind === 'developPath');
    expect(pathEvent?.detail).toMatchObject({ steps: expect.arrayContaining([{ step: 'applied', on: '2024-09-02' }, { step: 'candidate', on: '2025-11-05' }]) });

    await refusedStep(t, p, { step: 'approved', on: '2026-03-24' }, 'on', 'approvalLate');
    p = await step(t, p, { step: 'approved', on: '2026-01-20', orgName: '街道党工委', documentNumber: '东华党〔2026〕2号' });
    p = await step(t, p, { step: 'oath', on: '2026-01-20' });
    const probationEnds = addYears(admittedOn, 1);
    expect(p.next).toMatchObject({ step: 'full', earliest: probationEnds });
    await refusedStep(t, p, { step: 'full', on: addDays(probationEnds, -1) }, 'on', 'fullTooEarly');
    p = await step(t, p, { step: 'full', on: addDays(probationEnds, 2), attendance: 10, votesFor: 10, votesAgainst: 0 });
    expect(p).toMatchObject({ stage: 'full', next: null });
    const full = await t.app.invoke('members.get', { id: p.memberId! }, t.adminToken);
    expect(full.member).toMatchObject({ category: 'full', fullDate: probationEnds, joinDate: admittedOn });

    // The path is complete: nothing more is recorded.
    await refusedStep(t, p, { step: 'review', on: '2027-01-05' }, 'step', 'developPersonFull');
    const detail = await t.app.invoke('develop.get', { id: p.id }, t.adminToken);
    expect(detail.steps.map((s) => s.step)).toEqual(['applied', 'talked', 'activist', 'review', 'review', 'candidate', 'politicalReview', 'training', 'preReview', 'notice', 'admitted', 'approved', 'oath', 'full']);
    expect(detail.contacts).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'introducer' }), expect.objectContaining({ role: 'contact' })]));
    // Every write audited: the steps, and the roll's own entries for the admission and 转正.
    const actions = (t.app.database.prepare("SELECT action FROM audit_log WHERE action LIKE 'develop.%' OR action LIKE 'members.%'").pluck().all() as string[]);
    expect(actions.filter((a) => a === 'develop.recordStep')).toHaveLength(13);
    expect(actions).toEqual(expect.arrayContaining(['develop.create', 'members.create', 'members.update']));
  });

  it('取消预备党员资格: decided by the branch meeting with its vote on record, it takes the member off the roll and ends the path', async () => {
    const t = await app({ start: TODAY });
    const street = await developStreet(t);
    let p = await expectOk(t.app, 'develop.create', { name: '周立新', idNumber: idFor('1998-03-15', 21), orgId: street.branchId, appliedOn: '2023-09-04' }, t.adminToken);
    for (const s of [
      { step: 'talked', on: '2023-09-20' },
      { step: 'activist', on: '2023-11-06', memberIds: [street.members[0]] },
      { step: 'review', on: '2024-05-06' },
      { step: 'review', on: '2024-11-04' },
      { step: 'candidate', on: '2024-11-11', memberIds: street.members.slice(0, 2) },
      { step: 'politicalReview', on: '2024-11-20' },
      { step: 'training', on: '2024-12-02', hours: 24 },
      { step: 'preReview', on: '2024-12-09' },
      { step: 'notice', on: '2024-12-10' },
      { step: 'admitted', on: '2024-12-23', attendance: 9, votesFor: 9, votesAgainst: 0 },
      { step: 'approved', on: '2025-01-20' },
    ]) p = await step(t, p, s);
    const memberId = p.memberId!;
    // Not before the approval; the meeting's vote on record and consistent with the people present.
    await refusedStep(t, p, { step: 'disqualified', on: '2025-01-19', attendance: 9, votesFor: 7, votesAgainst: 2 }, 'on', 'disqualifiedTooEarly');
    await refusedStep(t, p, { step: 'disqualified', on: '2025-09-15' }, 'attendance', 'required');
    const over = await refusedStep(t, p, { step: 'disqualified', on: '2025-09-15', attendance: 9, votesFor: 8, votesAgainst: 3 }, 'votesFor', 'developVotesOverAttendance');
    expect(formatError(over, 'zh-CN', 'develop.recordStep')).toContain('赞成票与反对票合计 11 票，超过到会人数 9 人');
    await refusedStep(t, p, { step: 'disqualified', on: '2025-09-15', attendance: 9, votesFor: 4, votesAgainst: 1 }, 'votesFor', 'developVotesNoMajority');
    // Past the probation's end (2025-12-23) and the 3 months the approval has after it.
    await refusedStep(t, p, { step: 'disqualified', on: '2026-03-24', attendance: 9, votesFor: 7, votesAgainst: 2 }, 'on', 'disqualifiedLate');

    p = await step(t, p, { step: 'disqualified', on: '2025-09-15', attendance: 9, votesFor: 7, votesAgainst: 2, orgName: '东华社区第一党支部', documentNumber: '东华党〔2025〕9号' });
    expect(p).toMatchObject({ stage: 'disqualified', next: null, due: [] });
    // Off the roll on the decision's day, its document in the note; the record stays in history.
    const gone = await t.app.invoke('members.get', { id: memberId }, t.adminToken);
    expect(gone.member).toMatchObject({ status: 'history', leftOn: '2025-09-15', leftReason: 'other', category: 'probationary' });
    expect(gone.events.find((e) => e.kind === 'left')?.detail).toMatchObject({ developStep: 'disqualified', note: '东华党〔2025〕9号' });
    expect(await t.app.invoke('members.list', { query: '周立新' }, t.adminToken)).toMatchObject({ total: 0 });
    // Once: the path has ended, no 转正, no second decision.
    await refusedStep(t, p, { step: 'full', on: '2025-12-24', attendance: 9, votesFor: 9, votesAgainst: 0 }, 'step', 'developPersonDisqualified');
    const board = await t.app.invoke('develop.list', { stage: 'disqualified' }, t.adminToken);
    expect(board.people.map((x) => x.name)).toEqual(['周立新']);
    // Audited as a step, and as the roll's own leaving entry.
    const audit = t.app.database.prepare("SELECT action, after FROM audit_log WHERE action IN ('develop.recordStep', 'members.leave') ORDER BY id DESC LIMIT 2").all() as { action: string; after: string }[];
    expect(audit.map((a) => a.action).sort()).toEqual(['develop.recordStep', 'members.leave']);
    expect(audit.find((a) => a.action === 'members.leave')!.after).toContain('"leftOn":"2025-09-15"');
  });

  it('corrects a recorded step: a later rule it would break is refused on that step; the roll follows the meeting; audited before/after', async () => {
    const t = await app({ start: TODAY });
    const street = await developStreet(t);
    let p = await expectOk(t.app, 'develop.create', { name: '郑雨桐', idNumber: idFor('1997-07-07', 31, 2), orgId: street.branchId, appliedOn: '2023-09-04' }, t.adminToken);
    for (const s of [
      { step: 'talked', on: '2023-09-20' },
      { step: 'activist', on: '2023-11-06', memberIds: [street.members[0]] },
      { step: 'review', on: '2024-05-06' },
      { step: 'review', on: '2024-11-04' },
      { step: 'candidate', on: '2024-11-11', memberIds: street.members.slice(0, 2) },
      { step: 'politicalReview', on: '2024-11-20' },
      { step: 'training', on: '2024-12-02', hours: 24 },
      { step: 'preReview', on: '2024-12-09' },
      { step: 'notice', on: '2024-12-10' },
      { step: 'admitted', on: '2024-12-23', attendance: 9, votesFor: 9, votesAgainst: 0 },
    ]) p = await step(t, p, s);
    const stepId = (name: string) => (t.app.database.prepare('SELECT id FROM develop_steps WHERE person_id = ? AND step = ?').pluck().get(p.id, name) as number);
    const correct = (input: { stepId: number } & Record<string, unknown>) => ({ id: p.id, version: p.version, ...input });

    // The activist's day moved later: the candidate (2024-11-11) would come before a full year — refused on the candidate's date.
    const before = tableSnapshot(t.app.sqlite);
    const broken = await expectError(t.app, 'develop.correctStep', correct({ stepId: stepId('activist'), on: '2023-12-06' }), t.adminToken, 'VALIDATION');
    expect(broken.details?.issues).toContainEqual(expect.objectContaining({ field: 'candidateOn', problem: 'candidateTooEarly', value: '2024-11-11' }));
    expect(formatError(broken, 'zh-CN', 'develop.correctStep')).toContain('确定为发展对象日期：成为发展对象须在列为积极分子满一年后（2024-12-06 及以后）');
    // Training hours typed 24 for 12: refused by the training rule; a vote that does not add up: refused.
    const short = await expectError(t.app, 'develop.correctStep', correct({ stepId: stepId('training'), hours: 12 }), t.adminToken, 'VALIDATION');
    expect(short.details?.issues).toContainEqual(expect.objectContaining({ field: 'hours', problem: 'trainingShort' }));
    const votes = await expectError(t.app, 'develop.correctStep', correct({ stepId: stepId('admitted'), votesAgainst: 3 }), t.adminToken, 'VALIDATION');
    expect(votes.details?.issues).toContainEqual(expect.objectContaining({ field: 'votesFor', problem: 'developVotesOverAttendance' }));
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);

    // A talk typed a day late is put right; the meeting's day moved, and the member's join date with it.
    p = await expectOk(t.app, 'develop.correctStep', correct({ stepId: stepId('talked'), on: '2023-09-19', people: '王建国、李秀英' }), t.adminToken);
    p = await expectOk(t.app, 'develop.correctStep', correct({ stepId: stepId('admitted'), on: '2024-12-24', documentNumber: '东华支〔2024〕15号' }), t.adminToken);
    expect(p.probationEnds).toBe('2025-12-24');
    const detail = await t.app.invoke('develop.get', { id: p.id }, t.adminToken);
    expect(detail.steps.find((x) => x.step === 'talked')).toMatchObject({ on: '2023-09-19', people: '王建国、李秀英' });
    expect(detail.steps.find((x) => x.step === 'admitted')).toMatchObject({ on: '2024-12-24', documentNumber: '东华支〔2024〕15号', detail: { attendance: 9, votesFor: 9 } });
    expect((await t.app.invoke('members.get', { id: p.memberId! }, t.adminToken)).member.joinDate).toBe('2024-12-24');
    const audit = t.app.database.prepare("SELECT action, before, after FROM audit_log WHERE action IN ('develop.correctStep', 'members.update') ORDER BY id").all() as { action: string; before: string; after: string }[];
    expect(audit.map((a) => a.action)).toEqual(['develop.correctStep', 'develop.correctStep', 'members.update']);
    expect(JSON.parse(audit[0].before)).toMatchObject({ step: 'talked', on: '2023-09-20', people: null });
    expect(JSON.parse(audit[0].after)).toMatchObject({ step: 'talked', on: '2023-09-19', people: '王建国、李秀英' });
    expect(JSON.parse(audit[2].after)).toEqual({ join_date: '2024-12-24' });
  });

  it('refuses an applicant under 18, an ID number with a wrong check digit, and one already on the roll', async () => {
    const t = await app({ start: TODAY });
    const street = await developStreet(t);
    const young = await expectError(t.app, 'develop.create', { name: '小周', idNumber: idFor('2009-02-01', 3), orgId: street.branchId, appliedOn: '2027-01-05' }, t.adminToken, 'VALIDATION');
    expect(young.details?.issues).toEqual([expect.objectContaining({ field: 'appliedOn', problem: 'under18', params: expect.objectContaining({ earliest: '2027-02-01' }) })]);
    const good = idFor('1999-06-01', 4);
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const bad = await expectError(t.app, 'develop.create', { name: '小吴', idNumber: wrong, orgId: street.branchId, appliedOn: '2027-01-05' }, t.adminToken, 'VALIDATION');
    expect(bad.details?.issues).toEqual([expect.objectContaining({ field: 'idNumber', problem: 'idChecksum' })]);
    const member = await t.app.invoke('members.get', { id: street.members[0] }, t.adminToken);
    const onRoll = await expectError(t.app, 'develop.create', { name: '王建国', idNumber: member.member.idNumber, orgId: street.branchId, appliedOn: '2027-01-05' }, t.adminToken, 'VALIDATION');
    expect(formatError(onRoll, 'zh-CN', 'develop.create')).toContain('已在党员名册中（王建国）');
    expect(await t.app.invoke('develop.list', {}, t.adminToken)).toMatchObject({ people: [] });
  });
});

describe('the board', () => {
  it('counts by stage per branch, and lists what falls due by a day', async () => {
    const t = await app({ start: new Date(2026, 4, 10, 9, 0, 0) });
    const street = await developStreet(t);
    const a = await expectOk(t.app, 'develop.create', { name: '甲', idNumber: idFor('1998-01-01', 11), orgId: street.branchId, appliedOn: '2026-05-04' }, t.adminToken);
    let b = await expectOk(t.app, 'develop.create', { name: '乙', idNumber: idFor('1997-01-01', 12), orgId: street.branchId, appliedOn: '2025-04-01' }, t.adminToken);
    b = await step(t, b, { step: 'talked', on: '2025-04-10' });
    b = await step(t, b, { step: 'activist', on: '2025-06-01', memberIds: [street.members[2]] });
    b = await step(t, b, { step: 'review', on: '2025-11-28' });
    const board = await t.app.invoke('develop.list', {}, t.adminToken);
    expect(board.counts).toEqual(expect.arrayContaining([expect.objectContaining({ orgId: street.branchId, stage: 'applicant', count: 1 }), expect.objectContaining({ stage: 'activist', count: 1 })]));
    // 甲's talk is due by 2026-06-04; 乙's next review by 2026-05-28.
    expect(board.people.find((p) => p.id === a.id)?.next).toEqual({ step: 'talked', earliest: '2026-05-04', latest: '2026-06-04' });
    expect(board.people.find((p) => p.id === b.id)?.due).toContainEqual({ step: 'review', earliest: null, latest: '2026-05-28' });
    const june = await t.app.invoke('develop.list', { dueBefore: '2026-06-04' }, t.adminToken);
    expect(june.people.map((p) => p.name).sort()).toEqual(['乙', '甲'].sort());
    const soon = await t.app.invoke('develop.list', { dueBefore: '2026-06-03' }, t.adminToken);
    expect(soon.people.map((p) => p.name)).toEqual(['乙']);
    expect((await t.app.invoke('develop.list', { stage: 'activist' }, t.adminToken)).people.map((p) => p.name)).toEqual(['乙']);
  });
});

describe('a clerk limited to one community', () => {
  it('sees and changes only the community’s people', async () => {
    const t = await app({ start: new Date(2026, 4, 10, 9, 0, 0) });
    const east = await developStreet(t, '东华社区', '110101001001');
    const west = await developStreet(t, '西华社区', '110101001002');
    await expectOk(t.app, 'develop.create', { name: '东一', idNumber: idFor('1998-01-01', 21), orgId: east.branchId, appliedOn: '2026-05-04' }, t.adminToken);
    const w = await expectOk(t.app, 'develop.create', { name: '西一', idNumber: idFor('1998-01-01', 22), orgId: west.branchId, appliedOn: '2026-05-04' }, t.adminToken);
    await t.app.invoke('users.create', { username: 'eastclerk', displayName: '东华文书', role: 'clerk', password: USER_PASSWORD, scopeCommunityCode: '110101001001' }, t.adminToken);
    const token = (await t.app.invoke('auth.login', { username: 'eastclerk', password: USER_PASSWORD })).token;
    expect((await t.app.invoke('develop.list', {}, token)).people.map((p) => p.name)).toEqual(['东一']);
    await expectError(t.app, 'develop.get', { id: w.id }, token, 'FORBIDDEN');
    const before = tableSnapshot(t.app.sqlite);
    const refused = await expectError(t.app, 'develop.recordStep', { id: w.id, version: w.version, step: 'talked', on: '2026-05-08' }, token, 'FORBIDDEN');
    expect(refused.details?.community).toBe('东华社区');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
    expect((await t.app.invoke('develop.plans', { year: 2026 }, token)).map((r) => r.communityName)).toEqual(['东华社区']);
  });
});
