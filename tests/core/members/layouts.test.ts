// Saved grid layouts through the contract: each user keeps their own, by grid and name, and saving a name
// again replaces it (the service behind layouts.list / layouts.save).
import { describe, expect, it } from 'vitest';
import { addUser, appsForEachTest } from '../../support/factory';

const app = appsForEachTest();

describe('grid layouts', () => {
  it('are listed by name for their own user and grid, and a name saved again is replaced', async () => {
    const t = await app();
    const layout = (cols: string[]) => JSON.stringify({ columns: cols });
    await t.app.invoke('layouts.save', { grid: 'members', name: '乙', layout: layout(['name']) }, t.adminToken);
    await t.app.invoke('layouts.save', { grid: 'members', name: '甲', layout: layout(['name', 'phone']) }, t.adminToken);
    t.clock.advance(60_000);
    const again = await t.app.invoke('layouts.save', { grid: 'members', name: '乙', layout: layout(['phone']) }, t.adminToken);
    const listed = await t.app.invoke('layouts.list', { grid: 'members' }, t.adminToken);
    // By name as SQLite orders text (code points: 乙 U+4E59 before 甲 U+7532).
    expect(listed.map((l) => [l.name, l.layout])).toEqual([
      ['乙', layout(['phone'])],
      ['甲', layout(['name', 'phone'])],
    ]);
    expect(listed.find((l) => l.name === '乙')!.updatedAt).toBe(again.updatedAt);

    const clerk = await addUser(t, 'clerk');
    expect(await t.app.invoke('layouts.list', { grid: 'members' }, clerk.token)).toEqual([]);
  });
});
