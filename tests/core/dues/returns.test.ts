// The monthly return's dues and funds tables: by community, in integer fen, frozen with the finalized month,
// and summed by the district across the streets that sent them.
import { describe, expect, it } from 'vitest';
import { buildPackage, pair, PERIOD, sitesForEachTest, type Site } from '../../support/exchange';
import { expectError } from '../../support/factory';

const sites = sitesForEachTest();

/** Two members of the street's first community pay October; a third owes it; the community spends on an activity. */
async function duesOf(s: Site, base: number): Promise<{ collected: number; owed: number; spent: number; community: string }> {
  const communities = await s.app.invoke('communities.list', {}, s.token);
  const community = communities[0];
  const members = (await s.app.invoke('members.list', { communityId: community.id, limit: 20 }, s.token)).members.filter((m) => m.joinDate && m.joinDate < '2026-10');
  const three = members.slice(0, 3);
  for (const m of three) await s.app.invoke('dues.saveBase', { memberId: m.id, category: 'working', baseFen: base, effectiveMonth: '2026-10' }, s.token);
  await s.app.invoke('dues.generate', { period: PERIOD }, s.token);
  const due = (await s.app.invoke('dues.rate', { category: 'working', baseFen: base }, s.token)).monthlyFen;
  for (const m of three.slice(0, 2)) await s.app.invoke('dues.pay', { memberId: m.id, periods: [PERIOD], amountFen: due, method: 'cash', paidOn: '2026-10-20' }, s.token);
  await s.app.invoke('funds.saveEntry', { communityId: community.id, direction: 'out', amountFen: 123_456, onDate: '2026-10-15', purpose: '七一慰问困难党员' }, s.token);
  return { collected: 2 * due, owed: due, spent: 123_456, community: community.divisionCode };
}

describe('the return’s dues and funds tables', () => {
  it('count the month by community in fen, are frozen once finalized, and the district sums them', async () => {
    const district = await sites.district();
    const streets = [await sites.street(1, 40), await sites.street(2, 30)];
    const expected = [await duesOf(streets[0], 300_000), await duesOf(streets[1], 650_000)];
    for (const s of streets) await pair(s, district);

    const own = await streets[0].app.invoke('returns.get', { period: PERIOD }, streets[0].token);
    const dues = own.tables.find((t) => t.id === 'dues')!;
    const row = dues.rows.find((r) => r.key === expected[0].community)!;
    expect(row.values).toMatchObject({ duesMembers: 3, duesCollected: 3000, duesOwed: 1500, duesInArrears: 1 });
    expect(own.tables.find((t) => t.id === 'funds')!.total).toEqual({ fundsReceived: 0, fundsSpent: 123_456 });

    const files = [];
    for (const s of streets) files.push({ fileName: `${s.code}.zip`, bytes: new Uint8Array((await buildPackage(s)).bytes) });
    // Finalized: October's dues are frozen for a payment as for any dated record.
    const member = (await streets[0].app.invoke('dues.arrears', { asOf: PERIOD }, streets[0].token)).rows[0];
    await expectError(streets[0].app, 'dues.pay', { memberId: member.memberId, periods: [PERIOD], amountFen: 1500, method: 'cash' }, streets[0].token, 'VALIDATION');

    await district.app.invoke('district.import', { files }, district.token);
    const c = await district.app.invoke('district.consolidate', { period: PERIOD }, district.token);
    const total = c.tables.find((t) => t.id === 'dues')!.total;
    expect(total).toMatchObject({ duesCollected: expected[0].collected + expected[1].collected, duesOwed: expected[0].owed + expected[1].owed, duesInArrears: 2, duesMembers: 6 });
    expect(c.tables.find((t) => t.id === 'funds')!.total.fundsSpent).toBe(2 * 123_456);
  });
});
