// One community's roster into a street where every community has a 第1网格党支部: the 所在社区 column, the
// community chosen for the file (--community, the wizard) or a full path tell the branches apart; a name
// that is still ambiguous is refused with an example that exists; missing branches go under the community.
import { describe, expect, it } from 'vitest';
import { importMembers } from '../../../src/core/import/import-members';
import { appsForEachTest, type TestApp } from '../../support/factory';
import { TODAY, citizenId, importOptions, writeWorkbook } from './roster-workbooks';

const app = appsForEachTest();

async function street(): Promise<TestApp> {
  const t = await app({ start: TODAY });
  const root = (await t.app.invoke('orgs.tree', {}, t.adminToken))[0];
  for (const [name, code] of [
    ['和平社区', '110101001001'],
    ['幸福社区', '110101001002'],
  ]) {
    const community = await t.app.invoke('communities.save', { name, divisionCode: code }, t.adminToken);
    const committee = await t.app.invoke('orgs.create', { parentId: root.id, name: `${name}党委`, level: 'community_committee', communityId: community.id }, t.adminToken);
    await t.app.invoke('orgs.create', { parentId: committee.id, name: '第1网格党支部', level: 'branch' }, t.adminToken);
  }
  return t;
}

const options = importOptions;

const placed = (t: TestApp) =>
  t.app.database
    .prepare('SELECT m.name, c.name AS community, o.name AS branch FROM members m JOIN organizations o ON o.id = m.org_id JOIN communities c ON c.id = o.community_id ORDER BY m.name')
    .all();

const member = (n: number, branch: string, community?: string) => [
  `党员${'甲乙丙丁'[n]}`,
  citizenId('19800102', String(101 + 2 * n)),
  branch,
  '正式党员',
  ...(community === undefined ? [] : [community]),
];

describe('importing into a street whose communities share branch names', () => {
  it('places each row by its 所在社区 cell, written as clerks write it', async () => {
    const t = await street();
    const file = await writeWorkbook({
      rows: [['姓名', '公民身份号码', '所在党支部', '人员类别', '所在社区'], member(0, '第1网格党支部', '和平社区'), member(1, '第1网格党支部', '幸福'), member(2, '第1网格党支部', '幸福社区居委会')],
    });
    const report = await importMembers(t.app.database, file, options());
    expect(report.rejected).toEqual([]);
    expect(placed(t)).toEqual([
      { name: '党员丙', community: '幸福社区', branch: '第1网格党支部' },
      { name: '党员乙', community: '幸福社区', branch: '第1网格党支部' },
      { name: '党员甲', community: '和平社区', branch: '第1网格党支部' },
    ]);
  });

  it('without a community says which, with an example that exists; the community chosen for the file or a full path settle it', async () => {
    const t = await street();
    const file = await writeWorkbook({ rows: [['姓名', '公民身份号码', '所在党支部', '人员类别'], member(0, '第1网格党支部'), member(1, '幸福社区党委/第1网格党支部')] });
    const ambiguous = await importMembers(t.app.database, file, options({ dryRun: true }));
    expect(ambiguous.rejected).toEqual([expect.objectContaining({ row: 2, column: '所在党支部', code: 'branchAmbiguous', message: expect.stringContaining('和平社区党委/第1网格党支部') })]);
    expect(ambiguous.rejected[0].message).toContain('--community');

    await importMembers(t.app.database, file, options({ community: '和平' }));
    expect(placed(t)).toEqual([
      { name: '党员乙', community: '幸福社区', branch: '第1网格党支部' },
      { name: '党员甲', community: '和平社区', branch: '第1网格党支部' },
    ]);
  });

  it('refuses a community the street does not have, naming the ones it has', async () => {
    const t = await street();
    const file = await writeWorkbook({ rows: [['姓名', '公民身份号码', '所在党支部', '人员类别', '社区'], member(0, '第1网格党支部', '光明社区'), member(1, '第1网格党支部', '和平社区')] });
    const report = await importMembers(t.app.database, file, options({ dryRun: true }));
    expect(report.rejected).toEqual([expect.objectContaining({ row: 2, column: '社区', value: '光明社区', code: 'communityUnknown', message: expect.stringContaining('和平社区、幸福社区') })]);
    expect(report.created).toBe(1);
    await expect(importMembers(t.app.database, file, options({ community: '光明' }))).rejects.toMatchObject({ details: { issues: [expect.objectContaining({ field: 'community', problem: 'communityUnknown' })] } });
  });

  it('creates a missing branch under the community’s own committee', async () => {
    const t = await street();
    const file = await writeWorkbook({ rows: [['姓名', '公民身份号码', '所在党支部', '人员类别'], member(0, '第2网格党支部'), member(1, '第1网格党支部')] });
    const refused = await importMembers(t.app.database, file, options({ dryRun: true, community: '幸福社区' }));
    expect(refused.rejected).toEqual([expect.objectContaining({ row: 2, code: 'branchUnknown' })]);
    const report = await importMembers(t.app.database, file, options({ community: '幸福社区', createMissingBranches: true }));
    expect(report.createdBranches).toEqual(['幸福社区/第2网格党支部']);
    expect(placed(t)).toEqual([
      { name: '党员乙', community: '幸福社区', branch: '第1网格党支部' },
      { name: '党员甲', community: '幸福社区', branch: '第2网格党支部' },
    ]);
    const parent = t.app.database.prepare("SELECT p.name FROM organizations o JOIN organizations p ON p.id = o.parent_id WHERE o.name = '第2网格党支部'").pluck().get();
    expect(parent).toBe('幸福社区党委');
  });
});
