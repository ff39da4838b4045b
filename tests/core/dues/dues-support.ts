// A small street for the dues tests, built through the contract: one community, one branch, and members of
// each kind with their dues bases (the clock starts on 10 March 2026).
import { citizenId } from '../import/roster-workbooks';
import { type TestApp } from '../../support/factory';

export interface DuesStreet {
  community: number;
  branch: number;
  /** 3,000 yuan pay from January 2025: 15.00 a month. */
  worker: number;
  /** 4,800 yuan pension from January 2025: 24.00 a month. */
  retiree: number;
  /** Admitted on 15 February 2026, a student: 0.20 a month from February. */
  probationer: number;
  /** On the roll with no dues base recorded. */
  unrecorded: number;
}

export async function duesStreet(t: TestApp): Promise<DuesStreet> {
  const admin = t.adminToken;
  const community = (await t.app.invoke('communities.save', { name: '幸福社区', divisionCode: '110101001001', households: 2400 }, admin)).id;
  const root = (await t.app.invoke('orgs.tree', {}, admin))[0];
  const branch = (await t.app.invoke('orgs.create', { parentId: root.id, name: '幸福社区第一党支部', level: 'branch', communityId: community }, admin)).id;
  const member = async (name: string, birth: string, seq: string, joinDate: string, category: '正式党员' | '预备党员' = '正式党员') =>
    (await t.app.invoke('members.create', { orgId: branch, fields: { name, idNumber: citizenId(birth, seq, '110101'), category, joinDate, phone: '13812345678' } }, admin)).id;
  const worker = await member('张在职', '19850312', '011', '2010-07-01');
  const retiree = await member('王退休', '19550101', '021', '1980-07-01');
  const probationer = await member('刘预备', '20030909', '031', '2026-02-15', '预备党员');
  const unrecorded = await member('赵未登', '19900505', '041', '2015-07-01');
  await t.app.invoke('dues.saveBase', { memberId: worker, category: 'working', baseFen: 300000, effectiveMonth: '2025-01' }, admin);
  await t.app.invoke('dues.saveBase', { memberId: retiree, category: 'retired', baseFen: 480000, effectiveMonth: '2025-01' }, admin);
  await t.app.invoke('dues.saveBase', { memberId: probationer, category: 'student', effectiveMonth: '2026-02' }, admin);
  return { community, branch, worker, retiree, probationer, unrecorded };
}
