// The monthly return's governance table: by community, the four areas published in their window by the month's
// end, the year's projects and audits done by then (rates from the sums), elections due; the district sums the
// streets' tables like every other table of the return.
import { describe, expect, it } from 'vitest';
import { PERIOD, buildPackage, pair, sitesForEachTest, type Site } from '../../support/exchange';

const sites = sitesForEachTest();

async function governanceRecords(s: Site): Promise<number> {
  const call = <T>(method: string, input: unknown) => s.app.invoke(method as never, input as never, s.token) as Promise<T>;
  const communities = await call<{ id: number; divisionCode: string }[]>('communities.list', {});
  const communityId = communities.sort((a, b) => a.divisionCode.localeCompare(b.divisionCode))[0].id;
  const publish = async (area: string, on: string) => {
    let item = await call<{ id: number; version: number }>('disclosure.save', { communityId, area, title: `${area}公开`, content: '公开内容', periodFrom: on, periodTo: '2026-12-31', draftedBy: '李文书', draftedOn: on });
    for (const step of ['review', 'approve', 'publish']) item = await call('disclosure.advance', { id: item.id, version: item.version, step, by: '王书记', on });
  };
  await publish('finance', '2026-10-09'); // October's finances: on time
  await publish('party', '2026-08-09'); // within the quarter Aug–Oct: on time
  await publish('affairs', '2026-07-09'); // before the quarter: not on time
  const project = (n: number, completedOn: string | null) =>
    call('projects.save', { communityId, type: 'secretary', year: 2026, name: `项目${n}`, owner: '王书记', status: completedOn ? 'done' : 'in_progress', completedOn });
  await project(1, '2026-09-30');
  await project(2, '2026-10-20');
  await project(3, null);
  await project(4, '2026-11-02'); // done after October: not done in October's return
  await call('audits.save', { communityId, year: 2026, kind: 'annual', subject: '股份经济合作社', plannedOn: '2026-06-01', doneOn: '2026-10-10' });
  await call('audits.save', { communityId, year: 2026, kind: 'leaving', subject: '原会计离任', plannedOn: '2026-12-01' });
  const branch = (await call<{ id: number; level: string; communityId: number | null }[]>('orgs.tree', {})).find((o) => o.level === 'branch' && o.communityId === communityId)!;
  await call('terms.save', { orgId: branch.id, electedOn: '2023-09-01' }); // due 2026-09-01
  return communityId;
}

describe('the governance table of the monthly return', () => {
  it('counts areas on time, projects and audits done by the month’s end and elections due; the district sums it', async () => {
    const district = await sites.district();
    const streets = [await sites.street(1, 30), await sites.street(2, 30)];
    for (const s of streets) {
      await pair(s, district);
      await governanceRecords(s);
    }
    const own = await streets[0].app.invoke('returns.get', { period: PERIOD }, streets[0].token);
    expect(own.tables.map((t) => t.id)).toContain('governance');
    const table = own.tables.find((t) => t.id === 'governance')!;
    expect(table.rows[0].values).toEqual({
      partyOnTime: 1,
      affairsOnTime: 0,
      financeOnTime: 1,
      serviceOnTime: 0,
      projects: 4,
      projectsDone: 2,
      projectsRate: 50,
      audits: 2,
      auditsDone: 1,
      auditsRate: 50,
      electionsDue: 1,
    });
    // Every open community has its row; the others have nothing on record yet.
    expect(table.rows.slice(1).every((r) => r.values.projects === 0 && r.values.financeOnTime === 0)).toBe(true);
    expect(table.total).toMatchObject({ financeOnTime: 1, projects: 4, projectsDone: 2, projectsRate: 50, electionsDue: 1 });

    const files = [];
    for (const s of streets) files.push({ fileName: `${s.code}.zip`, bytes: new Uint8Array((await buildPackage(s)).bytes) });
    await district.app.invoke('district.import', { files }, district.token);
    const c = await district.app.invoke('district.consolidate', { period: PERIOD }, district.token);
    const sum = c.tables.find((t) => t.id === 'governance')!;
    expect(sum.rows.map((r) => r.key)).toEqual(streets.map((s) => s.code));
    expect(sum.total).toMatchObject({ financeOnTime: 2, partyOnTime: 2, projects: 8, projectsDone: 4, projectsRate: 50, audits: 4, auditsDone: 2, electionsDue: 2 });
  }, 120_000);
});
