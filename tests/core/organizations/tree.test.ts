// Moving organizations in the tree: under another parent, among their siblings, refused where the level rules
// or history forbid it; closed organizations stay in the tree's history.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/shared/i18n/messages';
import { CHILD_LEVELS } from '../../../src/shared/org-rules';
import { appsForEachTest, expectError, type TestApp } from '../../support/factory';

const app = appsForEachTest();

async function street(): Promise<TestApp & { root: number; east: number; west: number; branches: number[] }> {
  const t = await app();
  const root = (await t.app.invoke('orgs.tree', {}, t.adminToken))[0].id;
  const east = (await t.app.invoke('orgs.create', { parentId: root, name: '东华社区党委', level: 'community_committee' }, t.adminToken)).id;
  const west = (await t.app.invoke('orgs.create', { parentId: root, name: '西华社区党委', level: 'community_committee' }, t.adminToken)).id;
  const branches: number[] = [];
  for (const name of ['第一网格党支部', '第二网格党支部', '第三网格党支部']) {
    branches.push((await t.app.invoke('orgs.create', { parentId: east, name, level: 'branch' }, t.adminToken)).id);
  }
  return Object.assign(t, { root, east, west, branches });
}

async function childrenOf(t: TestApp, parentId: number, includeClosed = false): Promise<string[]> {
  const tree = await t.app.invoke('orgs.tree', { includeClosed }, t.adminToken);
  return tree
    .filter((o) => o.parentId === parentId)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
    .map((o) => o.name);
}

describe('orgs.move', () => {
  it('reorders among siblings by position', async () => {
    const t = await street();
    await t.app.invoke('orgs.move', { id: t.branches[2], parentId: t.east, position: 0 }, t.adminToken);
    expect(await childrenOf(t, t.east)).toEqual(['第三网格党支部', '第一网格党支部', '第二网格党支部']);
    await t.app.invoke('orgs.move', { id: t.branches[2], parentId: t.east, position: 1 }, t.adminToken);
    expect(await childrenOf(t, t.east)).toEqual(['第一网格党支部', '第三网格党支部', '第二网格党支部']);
    await t.app.invoke('orgs.move', { id: t.branches[0], parentId: t.east, position: 99 }, t.adminToken);
    expect(await childrenOf(t, t.east)).toEqual(['第三网格党支部', '第二网格党支部', '第一网格党支部']);
  });

  it('moves under another parent at a place, or last when no position is given', async () => {
    const t = await street();
    const other = (await t.app.invoke('orgs.create', { parentId: t.west, name: '西华第一党支部', level: 'branch' }, t.adminToken)).id;
    await t.app.invoke('orgs.move', { id: t.branches[1], parentId: t.west, position: 0 }, t.adminToken);
    await t.app.invoke('orgs.move', { id: t.branches[0], parentId: t.west }, t.adminToken);
    expect(await childrenOf(t, t.west)).toEqual(['第二网格党支部', '西华第一党支部', '第一网格党支部']);
    expect(await childrenOf(t, t.east)).toEqual(['第三网格党支部']);
    expect(other).toBeGreaterThan(0);
  });

  it('refuses a move that breaks the level rules, into its own subtree, or of a closed organization, naming why', async () => {
    const t = await street();
    const group = (await t.app.invoke('orgs.create', { parentId: t.branches[0], name: '第一党小组', level: 'party_group' }, t.adminToken)).id;
    const refusal = async (input: { id: number; parentId: number }) =>
      formatError(await expectError(t.app, 'orgs.move', input, t.adminToken, 'VALIDATION'), 'zh-CN');

    expect(await refusal({ id: t.west, parentId: t.branches[1] })).toContain('上级组织：这一层级不能设在该上级组织之下');
    expect(await refusal({ id: t.branches[0], parentId: t.branches[1] })).toContain('这一层级不能设在该上级组织之下');
    expect(await refusal({ id: group, parentId: t.east })).toContain('这一层级不能设在该上级组织之下');
    expect(await refusal({ id: t.east, parentId: group })).toContain('不能移到它自己或它的下级组织之下');
    expect(await refusal({ id: t.root, parentId: t.east })).toContain('街道党工委是组织树的根');

    await t.app.invoke('orgs.close', { id: t.branches[2], closedOn: '2026-03-10', reason: '网格调整' }, t.adminToken);
    expect(await refusal({ id: t.branches[2], parentId: t.west })).toContain('该组织已撤销');
  });

  it('keeps closed organizations in history after the open ones, shown with includeClosed', async () => {
    const t = await street();
    await t.app.invoke('orgs.close', { id: t.branches[0], closedOn: '2026-03-10', reason: '网格调整' }, t.adminToken);
    expect(await childrenOf(t, t.east)).toEqual(['第二网格党支部', '第三网格党支部']);
    await t.app.invoke('orgs.move', { id: t.branches[2], parentId: t.east, position: 0 }, t.adminToken);
    expect(await childrenOf(t, t.east, true)).toEqual(['第三网格党支部', '第二网格党支部', '第一网格党支部']);
    const closed = (await t.app.invoke('orgs.tree', { includeClosed: true }, t.adminToken)).find((o) => o.id === t.branches[0]);
    expect(closed).toMatchObject({ closedOn: '2026-03-10', closedReason: '网格调整' });
  });

  it('the shared level rules are the ones the core applies', async () => {
    const t = await street();
    const levels = Object.keys(CHILD_LEVELS) as (keyof typeof CHILD_LEVELS)[];
    expect(CHILD_LEVELS.branch).toEqual(['party_group']);
    expect(levels.every((l) => !CHILD_LEVELS[l].includes('street_committee'))).toBe(true);
    await expectError(t.app, 'orgs.create', { parentId: t.branches[0], name: '错层党支部', level: 'branch' }, t.adminToken, 'VALIDATION');
  });
});
