// 四议两公开 through the contract: six steps strictly in order (a step out of order refused with the step that
// is due), dates in order and not in the future, votes ≤ present ≤ entitled, quorum and majority checked with
// the residents' meeting shares from the settings; nothing written when refused.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/shared/i18n/messages';
import { appsForEachTest, expectError, expectOk, tableSnapshot } from '../../support/factory';
import { govStreet } from './gov-support';

const app = appsForEachTest();
const meeting = (heldOn: string, entitled: number, present: number, inFavour: number) => ({ heldOn, entitled, present, inFavour });

describe('a matter decided by 四议两公开', () => {
  it('goes through the six steps in order and is then finished', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    const matter = await expectOk(t.app, 'decisions.save', { communityId, title: '老旧小区加装电梯', summary: '3号楼加装电梯，费用按楼层分摊' }, t.adminToken);
    expect(matter.next).toBe('proposal');
    const steps = [
      { step: 'proposal', ...meeting('2026-02-02', 7, 7, 7) },
      { step: 'committees', ...meeting('2026-02-05', 11, 10, 9) },
      { step: 'members', ...meeting('2026-02-12', 86, 61, 58) },
      { step: 'residents', ...meeting('2026-02-20', 120, 95, 80) },
      { step: 'publishDecision', heldOn: '2026-02-21' },
      { step: 'publishResult', heldOn: '2026-03-09' },
    ] as const;
    let info = matter;
    for (const s of steps) {
      // Until the decision is published the matter's title and description are edited; after, never.
      if (s.step === 'publishDecision') {
        const edited = await expectOk(t.app, 'decisions.save', { id: matter.id, communityId, title: '老旧小区加装电梯', summary: '3号楼、5号楼加装电梯，费用按楼层分摊' }, t.adminToken);
        expect(edited.summary).toBe('3号楼、5号楼加装电梯，费用按楼层分摊');
      }
      info = await expectOk(t.app, 'decisions.step', { decisionId: matter.id, ...s }, t.adminToken);
    }
    const late = await expectError(t.app, 'decisions.save', { id: matter.id, communityId, title: '老旧小区加装电梯（改）' }, t.adminToken, 'VALIDATION');
    expect(formatError(late, 'zh-CN', 'decisions.save')).toContain('“老旧小区加装电梯”的决议已于 2026-02-21 公开');
    expect(info.summary).toBe('3号楼、5号楼加装电梯，费用按楼层分摊');
    expect(info.steps.map((s) => [s.step, s.heldOn, s.present])).toEqual([
      ['proposal', '2026-02-02', 7],
      ['committees', '2026-02-05', 10],
      ['members', '2026-02-12', 61],
      ['residents', '2026-02-20', 95],
      ['publishDecision', '2026-02-21', null],
      ['publishResult', '2026-03-09', null],
    ]);
    expect(info.next).toBeNull();
    const done = await expectError(t.app, 'decisions.step', { decisionId: matter.id, step: 'publishResult', heldOn: '2026-03-10' }, t.adminToken, 'VALIDATION');
    expect(formatError(done, 'zh-CN', 'decisions.step')).toContain('六个步骤已全部完成');
  });

  it('refuses a step out of order with the rule, naming the step that is due, and writes nothing', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    const matter = await expectOk(t.app, 'decisions.save', { communityId, title: '停车场改造' }, t.adminToken);
    await expectOk(t.app, 'decisions.step', { decisionId: matter.id, step: 'proposal', ...meeting('2026-02-02', 7, 7, 7) }, t.adminToken);
    const before = tableSnapshot(t.app.sqlite);
    const skip = await expectError(t.app, 'decisions.step', { decisionId: matter.id, step: 'residents', ...meeting('2026-02-20', 120, 95, 80) }, t.adminToken, 'VALIDATION');
    expect(formatError(skip, 'zh-CN', 'decisions.step')).toBe('填写的内容有误：步骤：“停车场改造”下一步应是：“两委”会议商议，须按顺序办理');
    expect(formatError(skip, 'en', 'decisions.step')).toContain('“停车场改造” next needs the two committees’ discussion');
    // Earlier than the step before, and in the future.
    const early = await expectError(t.app, 'decisions.step', { decisionId: matter.id, step: 'committees', ...meeting('2026-02-01', 11, 10, 9) }, t.adminToken, 'VALIDATION');
    expect(early.details?.issues?.[0]).toMatchObject({ field: 'heldOn', problem: 'govDateBefore', params: { earlier: '2026-02-02' } });
    const future = await expectError(t.app, 'decisions.step', { decisionId: matter.id, step: 'committees', ...meeting('2026-03-11', 11, 10, 9) }, t.adminToken, 'VALIDATION');
    expect(future.details?.issues?.[0]).toMatchObject({ field: 'heldOn', problem: 'govDateInFuture' });
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });

  it('checks votes ≤ present ≤ entitled, the quorum and the majority; the residents’ shares are settings', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    const matter = await expectOk(t.app, 'decisions.save', { communityId, title: '公共收益使用' }, t.adminToken);
    const at = (step: string, m: ReturnType<typeof meeting>) => t.app.call('decisions.step', { decisionId: matter.id, step, ...m }, t.adminToken);
    const problem = async (step: string, m: ReturnType<typeof meeting>) => {
      const r = await at(step, m);
      return r.ok ? null : r.error.details?.issues?.[0]?.problem;
    };
    expect(await problem('proposal', meeting('2026-02-02', 7, 8, 7))).toBe('presentOverEntitled');
    expect(await problem('proposal', meeting('2026-02-02', 7, 6, 7))).toBe('votesOverPresent');
    expect(await problem('proposal', meeting('2026-02-02', 8, 4, 4))).toBe('quorumNotMet');
    expect(await problem('proposal', meeting('2026-02-02', 8, 6, 3))).toBe('majorityNotMet');
    const missing = await at('proposal', { heldOn: '2026-02-02' } as never);
    expect(missing.ok ? null : missing.error.details?.issues?.[0]).toMatchObject({ field: 'entitled', problem: 'required' });
    await expectOk(t.app, 'decisions.step', { decisionId: matter.id, step: 'proposal', ...meeting('2026-02-02', 8, 5, 3) }, t.adminToken);
    await expectOk(t.app, 'decisions.step', { decisionId: matter.id, step: 'committees', ...meeting('2026-02-03', 11, 10, 9) }, t.adminToken);
    await expectOk(t.app, 'decisions.step', { decisionId: matter.id, step: 'members', ...meeting('2026-02-04', 60, 40, 30) }, t.adminToken);

    // A residents' meeting needing more than 67 % present: 80 of 120 (66.7 %) is not enough, 81 is.
    const settings = await expectOk(t.app, 'gov.settings', {}, t.adminToken);
    await expectOk(t.app, 'gov.saveSettings', { ...settings, residentsPresentPercent: 67 }, t.adminToken);
    const quorum = await expectError(t.app, 'decisions.step', { decisionId: matter.id, step: 'residents', ...meeting('2026-02-20', 120, 80, 80) }, t.adminToken, 'VALIDATION');
    expect(formatError(quorum, 'zh-CN', 'decisions.step')).toBe('填写的内容有误：实到人数：应到 120 人，实到须超过 67%，会议才有效（填写的是“80”）');
    await expectOk(t.app, 'decisions.step', { decisionId: matter.id, step: 'residents', ...meeting('2026-02-20', 120, 81, 41) }, t.adminToken);
  });
});
