// Projects through the contract: Zhucheng's figures as the registers give them (396 of 656 first-secretary
// projects done is 60.4 %, 871 of 1,621 priority projects 53.7 %), by type and community; milestones past
// their date flagged; a done project needs its date and every milestone done; budgets in integer fen.
import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../src/shared/api/contract';
import { appsForEachTest, expectError, expectOk, type TestApp } from '../../support/factory';
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
    expect(open.details?.issues?.[0]).toMatchObject({ field: 'milestones.0.doneOn', problem: 'projectMilestoneOpen', value: '整顿方案' });
    const future = await expectError(t.app, 'projects.save', { ...base, status: 'done', completedOn: '2026-04-01', milestones: [{ title: '整顿方案', dueOn: '2026-02-28', doneOn: '2026-02-27' }] }, t.adminToken, 'VALIDATION');
    expect(future.details?.issues?.[0]).toMatchObject({ field: 'completedOn', problem: 'govDateInFuture' });
    const fen = await expectError(t.app, 'projects.save', { ...base, budgetFen: 12.5 }, t.adminToken, 'VALIDATION');
    expect(fen.details?.issues?.[0]).toMatchObject({ field: 'budgetFen', problem: 'notAnInteger' });
  });
});
