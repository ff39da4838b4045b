// A small street for organizational-life tests, made through the contract: a community with two branches,
// a Party group, members full and probationary (one mobile, one joining late, one gone), a committee.
import type { TestApp } from '../../support/factory';
import { citizenId } from '../import/roster-workbooks';

export interface LifeStreet {
  t: TestApp;
  communityId: number;
  branch: number;
  otherBranch: number;
  group: number;
  /** 7 full members of the branch (the first three sit on the committee), in creation order. */
  full: { id: number; name: string }[];
  /** 2 probationary members of the branch. */
  probationary: { id: number; name: string }[];
  /** A full member of the branch on the move (流动党员). */
  mobile: { id: number; name: string };
  /** Joined the branch on 2026-02-20: not on the roster of a meeting before. */
  lateJoiner: { id: number; name: string };
  /** Full member of the other branch. */
  outsider: { id: number; name: string };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱'];

export async function lifeStreet(t: TestApp): Promise<LifeStreet> {
  const admin = t.adminToken;
  const community = await t.app.invoke('communities.save', { name: '幸福社区', divisionCode: '110101001001' }, admin);
  const root = (await t.app.invoke('orgs.tree', {}, admin))[0];
  const committee = await t.app.invoke('orgs.create', { parentId: root.id, name: '幸福社区党委', level: 'community_committee', communityId: community.id }, admin);
  const branch = await t.app.invoke('orgs.create', { parentId: committee.id, name: '第一网格党支部', level: 'branch', communityId: community.id }, admin);
  const otherBranch = await t.app.invoke('orgs.create', { parentId: committee.id, name: '第二网格党支部', level: 'branch', communityId: community.id }, admin);
  const group = await t.app.invoke('orgs.create', { parentId: branch.id, name: '第一党小组', level: 'party_group' }, admin);
  let seq = 100;
  const add = async (orgId: number, name: string, fields: Record<string, unknown>) => {
    const m = await t.app.invoke('members.create', { orgId, fields: { name, idNumber: citizenId('19700101', String(seq++), '110101'), ...fields } }, admin);
    return { id: m.id, name: m.name };
  };
  const full = [];
  for (let i = 0; i < 7; i++) full.push(await add(i === 6 ? group.id : branch.id, `${SURNAMES[i]}正式`, { category: '正式党员', joinDate: '2000-07-01', fullDate: '2001-07-01' }));
  const probationary = [await add(branch.id, '钱预备', { category: '预备党员', joinDate: '2025-07-01' }), await add(branch.id, '郑预备', { category: '预备党员', joinDate: '2025-09-01' })];
  const mobile = await add(branch.id, '冯流动', { category: '正式党员', joinDate: '2010-07-01', fullDate: '2011-07-01', mobile: true, mobileDestination: '广东省深圳市' });
  const lateJoiner = await add(branch.id, '褚新来', { category: '预备党员', joinDate: '2026-02-20' });
  const outsider = await add(otherBranch.id, '卫他支', { category: '正式党员', joinDate: '2000-07-01', fullDate: '2001-07-01' });
  for (const [post, m] of [['secretary', full[0]], ['deputy_secretary', full[1]], ['committee_member', full[2]]] as const) {
    await t.app.invoke('orgs.saveOfficer', { orgId: branch.id, post, memberId: m.id, termStart: '2024-01-01' }, admin);
  }
  return { t, communityId: community.id, branch: branch.id, otherBranch: otherBranch.id, group: group.id, full, probationary, mobile, lateJoiner, outsider };
}
