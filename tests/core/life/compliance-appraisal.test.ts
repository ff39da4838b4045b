// Compliance of a seeded year (the grid's cells, the rates, the overdue list), the activity-week calendar,
// and the democratic appraisal with its one-third cap on 优秀 — through the contract on a real SQLite file.
import { describe, expect, it } from 'vitest';
import type { MeetingType } from '../../../src/shared/api/schemas-life';
import { formatError } from '../../../src/shared/i18n/messages';
import { appsForEachTest, expectError, tableSnapshot } from '../../support/factory';
import { lifeStreet } from './life-street';

const app = appsForEachTest();

describe('compliance of a year', () => {
  it('is green where a valid meeting was held, missing where a period ended without one, not yet due ahead; with rates and the overdue list', async () => {
    const t = await app({ start: new Date(2026, 10, 20, 9, 0, 0) });
    const s = await lifeStreet(t);
    const save = (orgId: number, meetingType: MeetingType, heldOn: string, extra: Record<string, unknown> = {}) =>
      t.app.invoke('life.save', { orgId, meetingType, heldOn, topic: '例会', ...extra }, t.adminToken);
    // The first branch: a 支委会 every month to October; the second (its committee: one secretary): none in October.
    await t.app.invoke('orgs.saveOfficer', { orgId: s.otherBranch, post: 'secretary', memberId: s.outsider.id, termStart: '2024-01-01' }, t.adminToken);
    for (let m = 1; m <= 10; m++) {
      const day = `2026-${String(m).padStart(2, '0')}-1${m % 3}`;
      await save(s.branch, 'committee', day);
      if (m !== 10) await save(s.otherBranch, 'committee', day);
    }
    // Two 党员大会 in one quarter count once; one without quorum does not count.
    await save(s.branch, 'branch-meeting', '2026-01-15');
    await save(s.branch, 'branch-meeting', '2026-02-15');
    const away = [...s.full, s.mobile].slice(0, 5).map((m) => ({ memberId: m.id, state: 'leave' as const, reason: '外出' }));
    const invalid = await save(s.branch, 'branch-meeting', '2026-05-15', { absences: away });
    expect(invalid.invalidReason).toBe('noQuorum');
    // A Party group's 党小组会 counts for its branch.
    await save(s.group, 'group', '2026-03-05');

    const grid = await t.app.invoke('life.compliance', { year: 2026 }, t.adminToken);
    const first = grid.rows.find((r) => r.orgId === s.branch)!;
    const second = grid.rows.find((r) => r.orgId === s.otherBranch)!;
    expect(first.cells.committee.slice(0, 11)).toEqual([...Array(10).fill('done'), 'notDue']);
    expect(second.cells.committee[9]).toBe('missing');
    expect(first.cells['branch-meeting']).toEqual(['done', 'missing', 'missing', 'notDue']);
    expect(first.cells.group.slice(0, 4)).toEqual(['missing', 'missing', 'done', 'missing']);
    expect(first.cells['life-meeting']).toEqual(['notDue']);
    expect(grid.types.find((x) => x.meetingType === 'branch-meeting')?.periods).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(grid.overdue).toContainEqual({ orgId: s.otherBranch, orgName: '第二网格党支部', meetingType: 'committee', period: '2026-10' });
    expect(grid.overdue).not.toContainEqual(expect.objectContaining({ orgId: s.branch, meetingType: 'committee' }));
    // Due so far per branch: committee 10, group 10, theme-day 10, branch-meeting 3, lecture 3 = 36.
    expect(first).toMatchObject({ due: 36, done: 10 + 1 + 1 });
    expect(second).toMatchObject({ due: 36, done: 9 });
    expect(grid.street).toMatchObject({ due: 72, done: 21, rate: 29.2 });
    expect(grid.communities).toEqual([{ communityId: s.communityId, communityName: '幸福社区', due: 72, done: 21, rate: 29.2 }]);

    // A quarter holds the periods that end in it: Q1's three months of the monthly kinds and its quarterly ones.
    const q1 = await t.app.invoke('life.compliance', { year: 2026, quarter: 1 }, t.adminToken);
    expect(q1.period).toBe('2026-Q1');
    expect(q1.types.find((x) => x.meetingType === 'committee')?.periods).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(q1.types.find((x) => x.meetingType === 'branch-meeting')?.periods).toEqual(['2026-Q1']);
    expect(q1.types.find((x) => x.meetingType === 'life-meeting')?.periods).toEqual([]);
    const q1First = q1.rows.find((r) => r.orgId === s.branch)!;
    expect(q1First.cells.group).toEqual(['missing', 'missing', 'done']);
    expect(q1First.cells['branch-meeting']).toEqual(['done']);
    expect(q1First.cells.lecture).toEqual(['missing']);
    // Due in Q1: committee 3, group 3, theme-day 3, branch-meeting 1, lecture 1 = 11.
    expect(q1First).toMatchObject({ due: 11, done: 3 + 1 + 1 });
    expect(q1.rows.find((r) => r.orgId === s.otherBranch)).toMatchObject({ due: 11, done: 3 });
    expect(q1.street).toMatchObject({ due: 22, done: 8, rate: 36.4 });
    // The fourth quarter on 20 November: October has ended (its 党小组会 and 主题党日 are missing), the rest is
    // not yet due; the yearly 组织生活会 falls due in it.
    const q4 = await t.app.invoke('life.compliance', { year: 2026, quarter: 4 }, t.adminToken);
    expect(q4.types.find((x) => x.meetingType === 'life-meeting')?.periods).toEqual(['2026']);
    expect(q4.rows.find((r) => r.orgId === s.branch)).toMatchObject({ due: 3, done: 1 });
    expect(q4.overdue).toContainEqual({ orgId: s.otherBranch, orgName: '第二网格党支部', meetingType: 'committee', period: '2026-10' });
    expect(q4.overdue.every((o) => o.period === '2026-10')).toBe(true);
    // The quarters add up to the year: each period is due in the quarter it ends in.
    const quarters = [q1, await t.app.invoke('life.compliance', { year: 2026, quarter: 2 }, t.adminToken), await t.app.invoke('life.compliance', { year: 2026, quarter: 3 }, t.adminToken), q4];
    expect(quarters.reduce((n, q) => n + q.street.due, 0)).toBe(grid.street.due);
    expect(quarters.reduce((n, q) => n + q.street.done, 0)).toBe(grid.street.done);
    expect(quarters.reduce((n, q) => n + q.overdue.length, 0)).toBe(grid.overdue.length);
    // A month: its monthly kinds, and the quarterly ones when it ends their quarter.
    const march = await t.app.invoke('life.compliance', { year: 2026, month: 3 }, t.adminToken);
    expect(march.period).toBe('2026-03');
    expect(march.rows.find((r) => r.orgId === s.branch)).toMatchObject({ due: 5, done: 3 });
    const february = await t.app.invoke('life.compliance', { year: 2026, month: 2 }, t.adminToken);
    expect(february.types.find((x) => x.meetingType === 'branch-meeting')?.periods).toEqual([]);
    // A quarter and a month at once is refused, naming the field.
    const both = await expectError(t.app, 'life.compliance', { year: 2026, quarter: 1, month: 3 }, t.adminToken, 'VALIDATION');
    expect(formatError(both, 'zh-CN', 'life.compliance')).toContain('月份');
    expect(formatError(both, 'en', 'life.compliance')).toContain('Month');

    // The rules are settings: 党课 once a year leaves nothing of it due before the year ends.
    await t.app.invoke('life.saveRules', { frequencies: { lecture: 'year' } }, t.adminToken);
    const yearly = await t.app.invoke('life.compliance', { year: 2026, orgId: s.branch }, t.adminToken);
    expect(yearly.rows).toHaveLength(1);
    expect(yearly.rows[0].cells.lecture).toEqual(['notDue']);
  });

  it('places each branch’s fixed day in the month’s activity week (the second by default)', async () => {
    const t = await app();
    const s = await lifeStreet(t);
    await t.app.invoke('life.saveRules', { orgDays: [{ orgId: s.branch, weekday: 3 }] }, t.adminToken);
    await t.app.invoke('life.save', { orgId: s.branch, meetingType: 'theme-day', heldOn: '2026-04-08', status: 'planned', topic: '主题党日' }, t.adminToken);
    const april = await t.app.invoke('life.calendar', { year: 2026, month: 4 }, t.adminToken);
    // April 2026: the first Monday is the 6th, so the second week runs 13–19 April; Wednesday is the 15th.
    expect(april).toMatchObject({ activityWeek: 2, weekStart: '2026-04-13', weekEnd: '2026-04-19' });
    expect(april.branches.find((b) => b.orgId === s.branch)).toMatchObject({ weekday: 3, date: '2026-04-15', meetings: [expect.objectContaining({ status: 'planned' })] });
    expect(april.branches.find((b) => b.orgId === s.otherBranch)).toMatchObject({ weekday: null, date: null });
  });
});

describe('the democratic appraisal', () => {
  it('refuses a fourth 优秀 of nine with the rule in the message, and records three', async () => {
    const t = await app({ start: new Date(2026, 11, 20, 9, 0, 0) });
    const s = await lifeStreet(t);
    const nine = [...s.full, ...s.probationary];
    const grades = (excellent: number) => nine.map((m, i) => ({ memberId: m.id, grade: i < excellent ? ('excellent' as const) : ('qualified' as const) }));
    const before = tableSnapshot(t.app.sqlite);
    const four = await expectError(t.app, 'appraisal.save', { orgId: s.branch, year: 2026, heldOn: '2026-12-15', grades: grades(4) }, t.adminToken, 'VALIDATION');
    expect(formatError(four, 'zh-CN', 'appraisal.save')).toContain('评为优秀的不能超过参评人数的三分之一：9 人参评，最多 3 人评为优秀，现为 4 人');
    expect(formatError(four, 'en', 'appraisal.save')).toContain('at most one third of those appraised may be excellent');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
    const saved = await t.app.invoke('appraisal.save', { orgId: s.branch, year: 2026, heldOn: '2026-12-15', grades: grades(3) }, t.adminToken);
    expect(saved.tally).toEqual({ excellent: 3, qualified: 6, basic: 0, unqualified: 0 });
    expect(saved.excellentCap).toBe(3);
    // The roster of the day: the mobile member and the late joiner are listed without a grade yet.
    expect(saved.members.filter((m) => m.grade === null).map((m) => m.name).sort()).toEqual([s.mobile.name, s.lateJoiner.name].sort());
  });

  it('needs the follow-up of a 不合格 member, and takes only members of the branch on the day', async () => {
    const t = await app({ start: new Date(2026, 11, 20, 9, 0, 0) });
    const s = await lifeStreet(t);
    const error = await expectError(
      t.app,
      'appraisal.save',
      { orgId: s.branch, year: 2026, heldOn: '2026-12-15', grades: [{ memberId: s.full[0].id, grade: 'unqualified' }, { memberId: s.outsider.id, grade: 'qualified' }] },
      t.adminToken,
      'VALIDATION',
    );
    const zh = formatError(error, 'zh-CN', 'appraisal.save');
    expect(zh).toContain(`组织处置意见：第 1 项（${s.full[0].name}）评为不合格，须登记组织处置意见`);
    expect(zh).toContain(`参评党员：第 2 项不是该支部 2026-12-15 名册上的党员（填写的是“${s.outsider.name}”）`);
    const saved = await t.app.invoke('appraisal.save', { orgId: s.branch, year: 2026, heldOn: '2026-12-15', grades: [{ memberId: s.full[0].id, grade: 'unqualified', followUp: '限期改正' }] }, t.adminToken);
    expect(saved.members.find((m) => m.memberId === s.full[0].id)).toMatchObject({ grade: 'unqualified', followUp: '限期改正' });
  });
});
