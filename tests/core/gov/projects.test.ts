// Projects through the contract: Zhucheng's figures as the registers give them (396 of 656 first-secretary
// projects done is 60.4 %, 871 of 1,621 priority projects 53.7 %), by type and community; milestones past
// their date flagged; a done project needs its date and every milestone done; budgets in integer fen.
import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../src/shared/api/contract';
import { ADMIN, appsForEachTest, expectError, expectOk, type TestApp } from '../../support/factory';
import { govStreet } from './gov-support';

const app = appsForEachTest();

function project(communityId: number | null, type: ApiInput<'projects.save'>['type'], done: boolean, n: number): ApiInput<'projects.save'> {
  return {
    communityId,
    type,
    year: 2026,
    name: `项目${n}`,
    owner: '王书记',
    budgetFen: 1_250_050,
    status: done ? 'done' : 'in_progress',
    completedOn: done ? '2026-03-01' : null,
  };
}

async function register(t: TestApp, communityId: number | null, type: ApiInput<'projects.save'>['type'], done: number, total: number) {
  for (let i = 0; i < total; i++) await t.app.invoke('projects.save', project(communityId, type, i < done, i), t.adminToken);
}

describe('the completion rate', () => {
  it('is Zhucheng’s 60.4 and 53.7 from the registers, and the street’s from both', async () => {
    const t = await app();
    const happy = await govStreet(t, 0);
    const peace = await govStreet(t, 0, { name: '和平社区', divisionCode: '110101001002' });
    // 656 first-secretary projects over two communities, 396 done; 1,621 priority projects, 871 done.
    await register(t, happy.communityId, 'first_secretary', 200, 300);
    await register(t, peace.communityId, 'first_secretary', 196, 356);
    await register(t, null, 'priority', 871, 1621);
    const stats = await expectOk(t.app, 'projects.stats', { year: 2026 }, t.adminToken);
    expect(stats.byType).toEqual([
      { type: 'secretary', total: 0, done: 0, rate: null },
      { type: 'first_secretary', total: 656, done: 396, rate: '60.4' },
      { type: 'priority', total: 1621, done: 871, rate: '53.7' },
      { type: 'rectification', total: 0, done: 0, rate: null },
    ]);
    expect(stats.street).toEqual({ total: 2277, done: 1267, rate: '55.6' });
    expect(stats.byCommunity).toEqual([
      { communityId: null, communityName: '东华门街道', total: 1621, done: 871, rate: '53.7' },
      { communityId: happy.communityId, communityName: '幸福社区', total: 300, done: 200, rate: '66.7' },
      { communityId: peace.communityId, communityName: '和平社区', total: 356, done: 196, rate: '55.1' },
    ]);
    const firstOnly = await expectOk(t.app, 'projects.stats', { year: 2026, type: 'first_secretary' }, t.adminToken);
    expect(firstOnly.street).toEqual({ total: 656, done: 396, rate: '60.4' });
  }, 120_000);
});

describe('a project', () => {
  it('keeps its budget in fen and flags milestones past their date', async () => {
    const t = await app();
    const { communityId, committeeId } = await govStreet(t, 0);
    const saved = await expectOk(
      t.app,
      'projects.save',
      {
        ...project(communityId, 'secretary', false, 1),
        orgId: committeeId,
        milestones: [
          { title: '春季立项', dueOn: '2026-02-28', doneOn: '2026-02-20' },
          { title: '完成设计', dueOn: '2026-03-05' },
          { title: '年中推进', dueOn: '2026-06-30' },
        ],
      },
      t.adminToken,
    );
    expect(saved).toMatchObject({ budgetFen: 1_250_050, orgName: '幸福社区党委', overdueMilestones: 1 });
    expect(saved.milestones.map((m) => m.overdue)).toEqual([false, true, false]);
    expect((await expectOk(t.app, 'projects.stats', { year: 2026 }, t.adminToken)).overdueMilestones).toBe(1);
  });

  it('is done only with its date, not in the future, and with every milestone done', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    const base = { ...project(communityId, 'rectification', false, 1), milestones: [{ title: '整顿方案', dueOn: '2026-02-28' }] };
    const noDate = await expectError(t.app, 'projects.save', { ...base, status: 'done' }, t.adminToken, 'VALIDATION');
    expect(noDate.details?.issues?.[0]).toMatchObject({ field: 'completedOn', problem: 'required' });
    const open = await expectError(t.app, 'projects.save', { ...base, status: 'done', completedOn: '2026-03-01' }, t.adminToken, 'VALIDATION');
    expect(open.details?.issues?.[0]).toMatchObject({ field: 'milestones.0.doneOn', problem: 'projectMilestoneOpen', params: { name: '整顿方案' } });
    const future = await expectError(t.app, 'projects.save', { ...base, status: 'done', completedOn: '2026-04-01', milestones: [{ title: '整顿方案', dueOn: '2026-02-28', doneOn: '2026-02-27' }] }, t.adminToken, 'VALIDATION');
    expect(future.details?.issues?.[0]).toMatchObject({ field: 'completedOn', problem: 'govDateInFuture' });
    const fen = await expectError(t.app, 'projects.save', { ...base, budgetFen: 12.5 }, t.adminToken, 'VALIDATION');
    expect(fen.details?.issues?.[0]).toMatchObject({ field: 'budgetFen', problem: 'notAnInteger' });
  });
});

describe('the year’s cycle', () => {
  it('is set in spring, reviewed mid-year and closed at year end, refusing each step out of its phase', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    let token = t.adminToken;
    // The clock moves through the year; a jump of months locks the workbench, so sign in again.
    const moveTo = async (at: Date) => {
      t.clock.set(at);
      token = (await t.app.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password })).token;
    };
    const cycle = async () => (await expectOk(t.app, 'projects.stats', { year: 2026 }, token)).cycle;
    expect(await cycle()).toMatchObject({ phase: 'setting', approveBy: '2026-04-30', approvalLate: false, approvedOn: null, total: 0 });
    const problem = async (method: string, input: unknown) => (await expectError(t.app, method, input, token, 'VALIDATION')).details?.issues?.[0];

    // Spring: nothing to approve yet; no review before the plan is approved.
    expect(await problem('projects.approveYear', { year: 2026, on: '2026-03-10', by: '王书记' })).toMatchObject({ field: 'year', problem: 'projectYearEmpty' });
    const done = await expectOk(t.app, 'projects.save', { ...project(communityId, 'secretary', true, 1), status: 'in_progress', completedOn: null }, token);
    const open = await expectOk(t.app, 'projects.save', project(communityId, 'priority', false, 2), token);
    expect(await problem('projects.review', { id: open.id, version: open.version, progress: 30, note: '', on: '2026-03-10' })).toMatchObject({ field: 'on', problem: 'projectReviewBeforeApproval' });
    expect(await problem('projects.closeYear', { year: 2026, on: '2026-03-10', by: '王书记', results: [] })).toMatchObject({ field: 'year', problem: 'projectCloseBeforeApproval' });
    // The approval day is a setting; past it, a plan not yet approved shows as late.
    const settings = await expectOk(t.app, 'gov.settings', {}, token);
    await expectOk(t.app, 'gov.saveSettings', { ...settings, projectApproveBy: '03-01' }, token);
    expect(await cycle()).toMatchObject({ approveBy: '2026-03-01', approvalLate: true });
    expect(await problem('gov.saveSettings', { ...settings, projectApproveBy: '4月30日' })).toMatchObject({ field: 'projectApproveBy', problem: 'monthDayFormat' });
    await expectOk(t.app, 'projects.approveYear', { year: 2026, on: '2026-03-10', by: '王书记' }, token);
    expect(await cycle()).toMatchObject({ phase: 'working', approvedOn: '2026-03-10', approvedBy: '王书记', approvalLate: false, total: 2, reviewed: 0 });

    // Mid-year: no project is added to the approved plan, nor moved out of it; the existing ones are worked.
    expect(await problem('projects.save', project(communityId, 'secretary', false, 3))).toMatchObject({ field: 'year', problem: 'projectYearApproved', value: 2026 });
    expect(await problem('projects.save', { ...project(communityId, 'priority', false, 2), id: open.id, version: open.version, year: 2027 })).toMatchObject({ problem: 'projectYearApproved' });
    expect(await problem('projects.approveYear', { year: 2026, on: '2026-03-10', by: '王书记' })).toMatchObject({ problem: 'projectYearApproved' });
    await moveTo(new Date(2026, 6, 1, 9));
    expect(await problem('projects.review', { id: open.id, version: open.version, progress: 30, note: '', on: '2026-03-09' })).toMatchObject({ field: 'on', problem: 'govDateBefore' });
    const reviewed = await expectOk(t.app, 'projects.review', { id: open.id, version: open.version, progress: 45, note: '设计已完成，施工招标中', on: '2026-06-30' }, token);
    expect(reviewed).toMatchObject({ reviewProgress: 45, reviewNote: '设计已完成，施工招标中', reviewedOn: '2026-06-30' });
    expect(await cycle()).toMatchObject({ reviewed: 1, total: 2 });
    const finished = await expectOk(t.app, 'projects.save', { ...project(communityId, 'secretary', true, 1), id: done.id, version: done.version, completedOn: '2026-06-20' }, token);

    // Year end: every project has its result; "done" only for a project recorded done; a reason for "not done".
    await moveTo(new Date(2026, 11, 28, 9));
    const close = (results: ApiInput<'projects.closeYear'>['results']) => ({ year: 2026, on: '2026-12-28', by: '王书记', results });
    expect(await problem('projects.closeYear', close([{ id: finished.id, result: 'done' }]))).toMatchObject({ field: 'results', problem: 'projectCloseMissing', params: { name: '项目2' } });
    expect(await problem('projects.closeYear', close([{ id: finished.id, result: 'done' }, { id: reviewed.id, result: 'done' }]))).toMatchObject({ field: 'results.1.result', problem: 'projectCloseNotDone', params: { name: '项目2' } });
    expect(await problem('projects.closeYear', close([{ id: finished.id, result: 'done' }, { id: reviewed.id, result: 'not_done' }]))).toMatchObject({ field: 'results.1.reason', problem: 'projectCloseNeedsReason', params: { name: '项目2' } });
    expect(await problem('projects.closeYear', close([{ id: finished.id, result: 'not_done', reason: '无' }, { id: reviewed.id, result: 'not_done', reason: '资金未到位' }]))).toMatchObject({ field: 'results.0.result', problem: 'projectCloseIsDone' });
    // The refused closes wrote nothing.
    expect(await cycle()).toMatchObject({ phase: 'working', closedOn: null });
    expect((await expectOk(t.app, 'projects.list', { year: 2026 }, token)).map((p) => p.closeResult)).toEqual([null, null]);
    await expectOk(t.app, 'projects.closeYear', close([{ id: finished.id, result: 'done' }, { id: reviewed.id, result: 'not_done', reason: '资金未到位，转入下年度' }]), token);
    const stats = await expectOk(t.app, 'projects.stats', { year: 2026 }, token);
    expect(stats.cycle).toMatchObject({ phase: 'closed', closedOn: '2026-12-28', closedBy: '王书记' });
    expect(stats.street).toEqual({ total: 2, done: 1, rate: '50.0' });
    const list = await expectOk(t.app, 'projects.list', { year: 2026 }, token);
    // The list goes by type: the priority project first.
    expect(list.map((p) => [p.name, p.closeResult, p.closeReason])).toEqual([
      ['项目2', 'not_done', '资金未到位，转入下年度'],
      ['项目1', 'done', ''],
    ]);

    // After the close the year is read-only: no edit, no review, no second close.
    const after = list[0]!;
    expect(await problem('projects.save', { ...project(communityId, 'priority', false, 2), id: after.id, version: after.version, evidence: '补充材料' })).toMatchObject({ field: 'year', problem: 'projectYearClosed' });
    expect(await problem('projects.review', { id: after.id, version: after.version, progress: 60, note: '', on: '2026-12-28' })).toMatchObject({ problem: 'projectYearClosed' });
    expect(await problem('projects.closeYear', close([]))).toMatchObject({ problem: 'projectYearClosed' });
    // The next year starts its own cycle.
    expect((await expectOk(t.app, 'projects.stats', { year: 2027 }, token)).cycle).toMatchObject({ phase: 'setting', approveBy: '2027-03-01' });
  });
});
