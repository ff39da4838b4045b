// The monthly return's development table: by community, each step counted in the month of its own date, the
// year's admissions against the plan; a community with only a plan still shows it.
import { describe, expect, it } from 'vitest';
import { appsForEachTest, type TestApp } from '../../support/factory';
import { developStreet, idFor } from './develop-support';

const app = appsForEachTest();

async function step(t: TestApp, id: number, input: Record<string, unknown>) {
  const p = await t.app.invoke('develop.get', { id }, t.adminToken);
  return t.app.invoke('develop.recordStep', { id, version: p.person.version, ...input } as never, t.adminToken);
}

describe('the development table of the return', () => {
  it('counts applications, activists and admissions in their month, and the year against the plan', async () => {
    const t = await app({ start: new Date(2026, 10, 5, 9, 0, 0) });
    const east = await developStreet(t, '东华社区', '110101001001');
    const west = await developStreet(t, '西华社区', '110101001002');
    await t.app.invoke('develop.savePlan', { year: 2026, communityId: east.communityId, planned: 3 }, t.adminToken);
    await t.app.invoke('develop.savePlan', { year: 2026, communityId: west.communityId, planned: 2 }, t.adminToken);
    // 东华: two applications in October, one in September (talked and made an activist in October).
    const a = await t.app.invoke('develop.create', { name: '甲', idNumber: idFor('1998-01-01', 51), orgId: east.branchId, appliedOn: '2026-10-08' }, t.adminToken);
    await t.app.invoke('develop.create', { name: '乙', idNumber: idFor('1998-01-02', 52), orgId: east.branchId, appliedOn: '2026-10-20' }, t.adminToken);
    const c = await t.app.invoke('develop.create', { name: '丙', idNumber: idFor('1998-01-03', 53), orgId: east.branchId, appliedOn: '2026-09-20' }, t.adminToken);
    await step(t, c.id, { step: 'talked', on: '2026-10-10' });
    await step(t, c.id, { step: 'activist', on: '2026-10-15', memberIds: [east.members[0]] });
    void a;
    const october = (await t.app.invoke('returns.get', { period: '2026-10' }, t.adminToken)).tables.find((x) => x.id === 'development')!;
    const row = (code: string) => october.rows.find((r) => r.key === code)!.values;
    expect(row('110101001001')).toMatchObject({ applications: 2, activists: 1, candidates: 0, admissions: 0, madeFull: 0, yearAdmissions: 0, planned: 3 });
    expect(row('110101001002')).toMatchObject({ applications: 0, planned: 2 });
    expect(october.total).toMatchObject({ applications: 2, activists: 1, planned: 5 });
    const september = (await t.app.invoke('returns.get', { period: '2026-09' }, t.adminToken)).tables.find((x) => x.id === 'development')!;
    expect(september.total).toMatchObject({ applications: 1, activists: 0 });
  });
});
