// The monthly return's organizational-life table: by community, branches and how many held each kind of
// meeting in its period, what fell due with the month and how much of it was met; summed at the district
// from the streets' packages like every table.
import { describe, expect, it } from 'vitest';
import type { ReturnTable } from '../../../src/shared/returns/tables';
import { buildPackage, pair, PERIOD, sitesForEachTest, type Site } from '../../support/exchange';

const sites = sitesForEachTest();

async function themeDays(site: Site, count: number): Promise<number> {
  const tree = await site.app.invoke('orgs.tree', {}, site.token);
  const branches = tree.filter((o) => o.level === 'branch' && o.closedOn === null);
  for (const b of branches.slice(0, count)) await site.app.invoke('life.save', { orgId: b.id, meetingType: 'theme-day', heldOn: '2026-10-13', topic: '主题党日' }, site.token);
  return branches.length;
}

const orgLife = (tables: ReturnTable[]) => tables.find((t) => t.id === 'orgLife')!;

describe('the orgLife table of the monthly return', () => {
  it('counts the month’s meetings by community, what fell due and the rate; the district sums the streets', async () => {
    const one = await sites.street(1, 40);
    const two = await sites.street(2, 30);
    const branchesOne = await themeDays(one, 2);
    const branchesTwo = await themeDays(two, 1);

    const info = await one.app.invoke('returns.get', { period: PERIOD }, one.token);
    const table = orgLife(info.tables);
    expect(table.total.lifeBranches).toBe(branchesOne);
    expect(table.total.lifeThemeDay).toBe(2);
    expect(table.total.lifeCommittee).toBe(0);
    // October ends no quarter and no year: the monthly kinds (支委会, 党小组会, 主题党日) fall due.
    expect(table.total.lifeDue).toBe(branchesOne * 3);
    expect(table.total.lifeDone).toBe(2);
    expect(table.total.lifeRate).toBe(Math.round((2 / (branchesOne * 3)) * 1000) / 10);
    expect(table.rows.reduce((n, r) => n + (r.values.lifeThemeDay ?? 0), 0)).toBe(2);

    const district = await sites.district();
    for (const s of [one, two]) await pair(s, district);
    const files = [];
    for (const s of [one, two]) files.push({ fileName: `${s.code}.zip`, bytes: new Uint8Array((await buildPackage(s)).bytes) });
    await district.app.invoke('district.import', { files }, district.token);
    const c = await district.app.invoke('district.consolidate', { period: PERIOD }, district.token);
    const summed = orgLife(c.tables);
    expect(summed.rows.map((r) => r.values.lifeThemeDay)).toEqual([2, 1]);
    expect(summed.total).toMatchObject({ lifeBranches: branchesOne + branchesTwo, lifeThemeDay: 3, lifeDone: 3, lifeDue: (branchesOne + branchesTwo) * 3 });
  }, 120_000);
});
