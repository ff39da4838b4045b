// Shared set-up for the governance tests: a community with its Party committee and a branch whose roll has
// full members (so an election has voters), all made through the contract.
import { citizenId } from '../import/roster-workbooks';
import type { TestApp } from '../../support/factory';

export interface GovStreet {
  communityId: number;
  committeeId: number;
  branchId: number;
}

/** A community, its Party committee under the street's and a branch with `fullMembers` full members. */
export async function govStreet(t: TestApp, fullMembers = 5, community = { name: '幸福社区', divisionCode: '110101001001' }, token = t.adminToken): Promise<GovStreet> {
  const communityId = (await t.app.invoke('communities.save', { ...community, households: 3200 }, token)).id;
  const root = (await t.app.invoke('orgs.tree', {}, token)).find((o) => o.level === 'street_committee')!;
  const committeeId = (await t.app.invoke('orgs.create', { parentId: root.id, name: `${community.name}党委`, level: 'community_committee', communityId }, token)).id;
  const branchId = (await t.app.invoke('orgs.create', { parentId: committeeId, name: `${community.name}第一党支部`, level: 'branch' }, token)).id;
  await addFullMembers(t, branchId, fullMembers, community.divisionCode.slice(9, 12), token);
  return { communityId, committeeId, branchId };
}

const NAMES = ['王建国', '李秀英', '张志强', '刘桂兰', '陈明', '杨丽', '赵国庆', '黄敏', '周磊', '吴芳'];

export async function addFullMembers(t: TestApp, orgId: number, n: number, tag = '001', token = t.adminToken): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const idNumber = citizenId(`19${60 + i}0${(i % 9) + 1}15`, `${tag.slice(-1)}${String(i).padStart(2, '0')}`.slice(0, 3), '110101');
    const member = await t.app.invoke(
      'members.create',
      { orgId, fields: { name: NAMES[i % NAMES.length], idNumber, category: '正式党员', joinDate: '2000-07-01', fullDate: '2001-07-01' } },
      token,
    );
    ids.push(member.id);
  }
  return ids;
}

/** A disclosure draft of the street's community, for `period` (a month) drafted on `on`. */
export function draft(communityId: number | null, on: string, extra: Record<string, unknown> = {}) {
  return {
    communityId,
    area: 'finance' as const,
    title: '2026年2月社区财务收支公开',
    content: '本月收入 12,000.00 元，支出 8,500.00 元。联系人王会计 13912345678。',
    periodFrom: `${on.slice(0, 7)}-01`,
    periodTo: `${on.slice(0, 7)}-28`,
    draftedBy: '李文书',
    draftedOn: on,
    ...extra,
  };
}
