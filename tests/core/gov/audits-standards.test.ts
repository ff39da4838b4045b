// Collective-economy audits and the standards table through the contract, and a clerk limited to one
// community: sees and changes only its own governance records, never the street's own, nothing written.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/shared/i18n/messages';
import { USER_PASSWORD, appsForEachTest, expectError, expectOk, tableSnapshot } from '../../support/factory';
import { draft, govStreet } from './gov-support';

const app = appsForEachTest();

describe('collective-economy audits', () => {
  it('count the plan’s completion by kind, and rectifications due and overdue', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    const audit = (kind: 'annual' | 'term' | 'leaving' | 'special', doneOn: string | null, extra: Record<string, unknown> = {}) =>
      expectOk(t.app, 'audits.save', { communityId, year: 2026, kind, subject: '幸福社区股份经济合作社', plannedOn: '2026-02-01', doneOn, ...extra }, t.adminToken);
    await audit('annual', '2026-02-20', {
      findings: '往来款长期挂账',
      disclosedOn: '2026-03-09',
      rectifications: [
        { item: '清理往来款', dueOn: '2026-03-01' },
        { item: '完善报销审批', dueOn: '2026-06-30', doneOn: '2026-03-05' },
      ],
    });
    await audit('annual', null);
    await audit('leaving', '2026-03-01');
    const stats = await expectOk(t.app, 'audits.stats', { year: 2026 }, t.adminToken);
    expect(stats.street).toEqual({ planned: 3, total: 3, done: 2, rate: '66.7' });
    expect(stats.byKind.find((k) => k.kind === 'annual')).toEqual({ kind: 'annual', total: 2, done: 1, rate: '50.0' });
    expect(stats.rectifications).toEqual({ total: 2, done: 1, overdue: 1 });
  });

  it('refuse a disclosure before the audit is done and dates in the future', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    const base = { communityId, year: 2026, kind: 'special' as const, subject: '土地补偿款', plannedOn: '2026-02-01' };
    const early = await expectError(t.app, 'audits.save', { ...base, disclosedOn: '2026-03-01' }, t.adminToken, 'VALIDATION');
    expect(formatError(early, 'zh-CN', 'audits.save')).toContain('结果公开日期：审计尚未完成');
    const future = await expectError(t.app, 'audits.save', { ...base, doneOn: '2026-03-20' }, t.adminToken, 'VALIDATION');
    expect(future.details?.issues?.[0]).toMatchObject({ field: 'doneOn', problem: 'govDateInFuture' });
  });
});

describe('the standards table', () => {
  it('sets each community’s space and workers against the settings and their source', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    // 3,200 households: 30 m² per 100 households asks 960 m² (over the 300 m² minimum); 11 workers at 300 each.
    const row = await expectOk(t.app, 'standards.save', { communityId, households: 3200, officeArea: 400, activityArea: 500, workers: 11 }, t.adminToken);
    expect(row).toMatchObject({ space: 900, spaceRequired: 960, spaceMet: false, workers: 11, workersRequired: 11, workersMet: true });
    const settings = await expectOk(t.app, 'gov.settings', {}, t.adminToken);
    await expectOk(t.app, 'gov.saveSettings', { ...settings, spacePer100Households: 20, standardsSource: '某市社区建设标准（2025）' }, t.adminToken);
    const table = await expectOk(t.app, 'standards.table', {}, t.adminToken);
    expect(table.settings.standardsSource).toBe('某市社区建设标准（2025）');
    expect(table.rows.find((r) => r.communityId === communityId)).toMatchObject({ spaceRequired: 640, spaceMet: true });
    // The funds column is the funds module's: 10,000 yuan per 1,000 households gives 3,200 households 32,000 yuan.
    const year = t.clock.now().getFullYear();
    await expectOk(t.app, 'funds.saveStandard', { parameter: 'officePer1000Households', value: 1_000_000, source: '街道党建经费标准', year }, t.adminToken);
    await expectOk(t.app, 'funds.saveEntry', { communityId, direction: 'out', amountFen: 50_000, onDate: `${year}-01-15`, purpose: '七一党员活动' }, t.adminToken);
    const withFunds = (await expectOk(t.app, 'standards.table', {}, t.adminToken)).rows.find((r) => r.communityId === communityId);
    expect(withFunds).toMatchObject({ fundsEntitlementFen: 3_200_000, fundsSpentFen: 50_000 });
  });
});

describe('a clerk limited to one community', () => {
  it('reads only its own community’s records and is refused the other’s and the street’s, with nothing written', async () => {
    const t = await app();
    const happy = await govStreet(t, 0);
    const peace = await govStreet(t, 0, { name: '和平社区', divisionCode: '110101001002' });
    await expectOk(t.app, 'disclosure.save', draft(happy.communityId, '2026-03-02'), t.adminToken);
    await expectOk(t.app, 'disclosure.save', draft(peace.communityId, '2026-03-02'), t.adminToken);
    await expectOk(t.app, 'users.create', { username: 'happyclerk', displayName: '幸福文书', role: 'clerk', password: USER_PASSWORD, scopeCommunityCode: '110101001001' }, t.adminToken);
    const clerk = (await t.app.invoke('auth.login', { username: 'happyclerk', password: USER_PASSWORD })).token;

    const list = await expectOk(t.app, 'disclosure.list', {}, clerk);
    expect(list.map((d) => d.communityName)).toEqual(['幸福社区']);
    await expectError(t.app, 'disclosure.list', { communityId: peace.communityId }, clerk, 'FORBIDDEN');

    const before = tableSnapshot(t.app.sqlite);
    const other = await expectError(t.app, 'projects.save', { communityId: peace.communityId, type: 'secretary', year: 2026, name: '红色物业', owner: '王书记', status: 'planned' }, clerk, 'FORBIDDEN');
    expect(formatError(other, 'zh-CN', 'projects.save')).toContain('您的账号限定在幸福社区');
    const street = await expectError(t.app, 'disclosure.save', draft(null, '2026-03-02'), clerk, 'FORBIDDEN');
    expect(street.details?.issues?.[0]).toMatchObject({ field: 'communityId', problem: 'govStreetLevel' });
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);

    await expectOk(t.app, 'projects.save', { communityId: happy.communityId, type: 'secretary', year: 2026, name: '红色物业', owner: '王书记', status: 'planned' }, clerk);
    const terms = await expectOk(t.app, 'terms.list', {}, clerk);
    expect(terms.map((x) => x.orgId).sort()).toEqual([happy.committeeId, happy.branchId].sort());
  });
});
