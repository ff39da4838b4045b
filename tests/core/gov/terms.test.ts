// Terms and elections through the contract: the due day from the last election and the term (approved
// moves at most a year), reminders 6 and 3 months before and monthly once overdue; an election checked
// against the roll's full members (over four fifths present, the elected with more than half the votes)
// which ends the outgoing officers' terms and starts the elected committee's on the organization.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/shared/i18n/messages';
import { appsForEachTest, expectError, expectOk, tableSnapshot } from '../../support/factory';
import { govStreet } from './gov-support';

const app = appsForEachTest();

describe('the term register', () => {
  it('counts the due day and reminds 6 and 3 months before and once overdue', async () => {
    const t = await app();
    const { committeeId, branchId } = await govStreet(t, 0);
    // Clock: 2026-03-10. Branch elected 2023-05-20 (3 years: due 2026-05-20, within 3 months).
    await expectOk(t.app, 'terms.save', { orgId: branchId, electedOn: '2023-05-20' }, t.adminToken);
    // Committee elected 2021-01-05 (5 years: due 2026-01-05, two months overdue).
    await expectOk(t.app, 'terms.save', { orgId: committeeId, electedOn: '2021-01-05', direct: true }, t.adminToken);
    const terms = await expectOk(t.app, 'terms.list', {}, t.adminToken);
    const byOrg = new Map(terms.map((x) => [x.orgId, x]));
    expect(byOrg.get(branchId)).toMatchObject({ termYears: 3, dueOn: '2026-05-20', reminder: 'threeMonths', monthsOverdue: 0 });
    expect(byOrg.get(committeeId)).toMatchObject({ termYears: 5, dueOn: '2026-01-05', reminder: 'overdue', monthsOverdue: 2, direct: true });
    // The street's own committee has no election on record yet.
    expect(terms.find((x) => x.level === 'street_committee')).toMatchObject({ dueOn: null, reminder: 'unknown' });
    const due = await expectOk(t.app, 'terms.list', { before: '2026-04-30' }, t.adminToken);
    expect(due.map((x) => x.orgId)).toEqual([committeeId]);
  });

  it('moves the due day by at most a year, and only with the approval named', async () => {
    const t = await app();
    const { branchId } = await govStreet(t, 0);
    const refused = await expectError(t.app, 'terms.save', { orgId: branchId, electedOn: '2023-05-20', adjustMonths: 6 }, t.adminToken, 'VALIDATION');
    expect(formatError(refused, 'zh-CN', 'terms.save')).toContain('批准文件：延期或提前换届须经上级党组织批准');
    const tooFar = await expectError(t.app, 'terms.save', { orgId: branchId, electedOn: '2023-05-20', adjustMonths: 13, adjustApproval: '街道党工委〔2026〕3号' }, t.adminToken, 'VALIDATION');
    expect(tooFar.details?.issues?.[0]).toMatchObject({ field: 'adjustMonths', problem: 'tooBig' });
    const moved = await expectOk(t.app, 'terms.save', { orgId: branchId, electedOn: '2023-05-20', adjustMonths: 6, adjustApproval: '街道党工委〔2026〕3号' }, t.adminToken);
    expect(moved).toMatchObject({ dueOn: '2026-11-20', reminder: null, adjustApproval: '街道党工委〔2026〕3号' });
  });
});

describe('an election', () => {
  const ballot = (present: number, votes = present) => ({
    heldOn: '2026-03-08',
    present,
    direct: true,
    candidates: [
      { name: '王建国', votes },
      { name: '李秀英', votes },
      { name: '张志强', votes: 1 },
    ],
    elected: [
      { name: '王建国', post: 'secretary' as const, votes },
      { name: '李秀英', post: 'committee_member' as const, duty: '组织委员', votes },
    ],
  });

  it('needs over four fifths of the full members present and more than half the votes to be elected', async () => {
    const t = await app();
    const { branchId } = await govStreet(t, 10);
    const before = tableSnapshot(t.app.sqlite);
    const quorum = await expectError(t.app, 'terms.elect', { orgId: branchId, ...ballot(8) }, t.adminToken, 'VALIDATION');
    expect(formatError(quorum, 'zh-CN', 'terms.elect')).toBe('填写的内容有误：实到人数：有选举权的正式党员 10 人，实到须超过五分之四，选举才有效（填写的是“8”）');
    const over = await expectError(t.app, 'terms.elect', { orgId: branchId, ...ballot(11) }, t.adminToken, 'VALIDATION');
    expect(over.details?.issues?.[0]).toMatchObject({ field: 'present', problem: 'presentOverEntitled' });
    const votes = await expectError(t.app, 'terms.elect', { orgId: branchId, ...ballot(9, 10) }, t.adminToken, 'VALIDATION');
    expect(votes.details?.issues?.[0]).toMatchObject({ field: 'candidates.0.votes', problem: 'votesOverPresent' });
    const half = await expectError(t.app, 'terms.elect', { orgId: branchId, ...ballot(9), elected: [{ name: '张志强', post: 'secretary', votes: 1 }] }, t.adminToken, 'VALIDATION');
    expect(formatError(half, 'en', 'terms.elect')).toContain('needs more than half the votes of the 9 present');
    const future = await expectError(t.app, 'terms.elect', { orgId: branchId, ...ballot(9), heldOn: '2026-03-11' }, t.adminToken, 'VALIDATION');
    expect(future.details?.issues?.[0]).toMatchObject({ field: 'heldOn', problem: 'govDateInFuture' });
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });

  it('ends the outgoing officers’ terms the day before and starts the elected committee’s', async () => {
    const t = await app();
    const { branchId } = await govStreet(t, 10);
    await expectOk(t.app, 'orgs.saveOfficer', { orgId: branchId, post: 'secretary', personName: '赵老书记', termStart: '2023-03-01' }, t.adminToken);
    await expectOk(t.app, 'terms.save', { orgId: branchId, electedOn: '2023-03-01' }, t.adminToken);
    const result = await expectOk(t.app, 'terms.elect', { orgId: branchId, ...ballot(9) }, t.adminToken);
    expect(result).toMatchObject({ officersEnded: 1, officersStarted: 2 });
    expect(result.election).toMatchObject({ entitled: 10, present: 9, direct: true });
    expect(result.term).toMatchObject({ electedOn: '2026-03-08', dueOn: '2029-03-08', reminder: null, direct: true });
    const officers = await expectOk(t.app, 'orgs.officers', { orgId: branchId }, t.adminToken);
    expect(officers.map((o) => [o.personName, o.post, o.termStart, o.termEnd, o.state])).toEqual([
      ['王建国', 'secretary', '2026-03-08', '2029-03-07', 'current'],
      ['李秀英', 'committee_member', '2026-03-08', '2029-03-07', 'current'],
      ['赵老书记', 'secretary', '2023-03-01', '2026-03-07', 'past'],
    ]);
    expect((await expectOk(t.app, 'terms.elections', { orgId: branchId }, t.adminToken)).length).toBe(1);
  });
});
