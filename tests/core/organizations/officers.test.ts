// Officers of an organization as a clerk records them: the secretary and committee with their terms, part-time
// members from outside the roll, a term ended and kept on record, and the refusals a clerk would meet.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/shared/i18n/messages';
import { citizenIdCheckDigit } from '../../../src/shared/validators';
import { ADMIN, DAY, appsForEachTest, expectError, tableSnapshot, type TestApp } from '../../support/factory';

const app = appsForEachTest();

interface Street extends TestApp {
  committee: number;
  branch: number;
  group: number;
  liSi: { id: number; name: string };
}

async function street(): Promise<Street> {
  const t = await app();
  const root = (await t.app.invoke('orgs.tree', {}, t.adminToken))[0];
  const committee = await t.app.invoke('orgs.create', { parentId: root.id, name: '东华社区党委', level: 'community_committee' }, t.adminToken);
  const branch = await t.app.invoke('orgs.create', { parentId: committee.id, name: '第一网格党支部', level: 'branch' }, t.adminToken);
  const group = await t.app.invoke('orgs.create', { parentId: branch.id, name: '第一党小组', level: 'party_group' }, t.adminToken);
  const liSi = await t.app.invoke(
    'members.create',
    { orgId: branch.id, fields: { name: '李四', idNumber: '370101190102039973', category: '正式党员', joinDate: '1950-07-01', fullDate: '1951-07-01' } },
    t.adminToken,
  );
  return Object.assign(t, { committee: committee.id, branch: branch.id, group: group.id, liSi: { id: liSi.id, name: liSi.name } });
}

const nodeOf = async (t: TestApp, id: number) => (await t.app.invoke('orgs.tree', { includeClosed: true }, t.adminToken)).find((o) => o.id === id)!;

async function refusal(t: TestApp, method: string, input: unknown): Promise<string> {
  const error = await expectError(t.app, method, input, t.adminToken, 'VALIDATION');
  return formatError(error, 'zh-CN');
}

describe('officers of an organization', () => {
  it('records a member as secretary under the name the roll has, and the tree shows the secretary in office', async () => {
    const t = await street();
    const secretary = await t.app.invoke('orgs.saveOfficer', { orgId: t.branch, post: 'secretary', memberId: t.liSi.id, personName: '别的名字', termStart: '2024-01-01', termEnd: '2028-12-31' }, t.adminToken);

    expect(secretary).toMatchObject({ post: 'secretary', personName: '李四', memberId: t.liSi.id, state: 'current', termStart: '2024-01-01', termEnd: '2028-12-31' });
    expect((await nodeOf(t, t.branch)).secretary).toBe('李四');
    // A later change of the member's name is what the officer list and the tree show.
    const member = await t.app.invoke('members.get', { id: t.liSi.id }, t.adminToken);
    await t.app.invoke('members.update', { id: t.liSi.id, version: member.member.version, fields: { name: '李 思' } }, t.adminToken);
    expect((await t.app.invoke('orgs.officers', { orgId: t.branch }, t.adminToken))[0].personName).toBe('李思');
    expect((await nodeOf(t, t.branch)).secretary).toBe('李思');
  });

  it('ends a term and keeps the officer on record; the next secretary takes over in the tree', async () => {
    const t = await street();
    const first = await t.app.invoke('orgs.saveOfficer', { orgId: t.branch, post: 'secretary', personName: '王 芳', termStart: '2021-01-01' }, t.adminToken);
    // A second secretary for the same time is refused until the first one's term is ended.
    expect(await refusal(t, 'orgs.saveOfficer', { orgId: t.branch, post: 'secretary', personName: '赵强', termStart: '2026-03-01' })).toContain(
      '与王芳的任期（2021-01-01 – …）重叠，同一时间只能有一人担任这一职务',
    );
    const ended = await t.app.invoke('orgs.endOfficerTerm', { id: first.id, updatedAt: first.updatedAt, termEnd: '2026-02-28' }, t.adminToken);
    expect(ended).toMatchObject({ termEnd: '2026-02-28', state: 'past' });
    await t.app.invoke('orgs.saveOfficer', { orgId: t.branch, post: 'secretary', personName: '赵强', termStart: '2026-03-01' }, t.adminToken);

    const officers = await t.app.invoke('orgs.officers', { orgId: t.branch }, t.adminToken);
    expect(officers.map((o) => [o.personName, o.state, o.termEnd])).toEqual([
      ['赵强', 'current', null],
      ['王芳', 'past', '2026-02-28'],
    ]);
    expect((await nodeOf(t, t.branch)).secretary).toBe('赵强');
    // An ended term cannot be ended again.
    expect(await refusal(t, 'orgs.endOfficerTerm', { id: first.id, updatedAt: ended.updatedAt, termEnd: '2026-03-01' })).toContain('任期已于 2026-02-28 结束');
  });

  it('a term ending later today or in the future is still in office; the day after it is history', async () => {
    const t = await street();
    const officer = await t.app.invoke('orgs.saveOfficer', { orgId: t.branch, post: 'secretary', personName: '王芳', termEnd: '2026-03-11' }, t.adminToken);
    expect(officer.state).toBe('current');
    t.clock.advance(DAY);
    await t.app.invoke('auth.unlock', { password: ADMIN.password }, t.adminToken);
    expect((await t.app.invoke('orgs.officers', { orgId: t.branch }, t.adminToken))[0].state).toBe('current');
    t.clock.advance(DAY);
    await t.app.invoke('auth.unlock', { password: ADMIN.password }, t.adminToken);
    expect((await t.app.invoke('orgs.officers', { orgId: t.branch }, t.adminToken))[0].state).toBe('past');
    expect((await nodeOf(t, t.branch)).secretary).toBeNull();
  });

  it('part-time members of a community committee: a police officer and a unit leader from outside the roll', async () => {
    const t = await street();
    await t.app.invoke('orgs.saveOfficer', { orgId: t.committee, post: 'part_time', personName: '孙警官', partTimeKind: 'police', duty: '社区民警', termStart: '2024-01-01' }, t.adminToken);
    await t.app.invoke('orgs.saveOfficer', { orgId: t.committee, post: 'part_time', personName: '周明', partTimeKind: 'unit_leader', duty: '辖区单位党组织书记' }, t.adminToken);
    const officers = await t.app.invoke('orgs.officers', { orgId: t.committee }, t.adminToken);
    expect(officers.map((o) => [o.personName, o.partTimeKind, o.duty])).toEqual([
      ['周明', 'unit_leader', '辖区单位党组织书记'],
      ['孙警官', 'police', '社区民警'],
    ]);
    // Recording committee posts gives the committee: the organization now shows it.
    expect((await nodeOf(t, t.committee)).hasCommittee).toBe(true);
  });

  it('refuses what does not fit: the post at this level, a missing kind, dates, a member off the roll, the same person twice', async () => {
    const t = await street();
    expect(await refusal(t, 'orgs.saveOfficer', { orgId: t.branch, post: 'part_time', personName: '孙警官', partTimeKind: 'police' })).toContain('职务：该组织不设这一职务');
    expect(await refusal(t, 'orgs.saveOfficer', { orgId: t.group, post: 'secretary', personName: '王芳' })).toContain('党小组设党小组长');
    expect(await refusal(t, 'orgs.saveOfficer', { orgId: t.committee, post: 'part_time', personName: '孙警官' })).toContain('兼职委员类别：不能为空');
    expect(await refusal(t, 'orgs.saveOfficer', { orgId: t.branch, post: 'committee_member', personName: '王芳', partTimeKind: 'cadre' })).toContain('只有兼职委员填写这一项');
    expect(await refusal(t, 'orgs.saveOfficer', { orgId: t.branch, post: 'secretary', personName: '王芳', termStart: '2026-03-01', termEnd: '2026-02-01' })).toContain(
      '任期结束：任期结束不能早于任期开始（2026-03-01）（填写的是“2026-02-01”）',
    );
    expect(await refusal(t, 'orgs.saveOfficer', { orgId: t.branch, post: 'secretary', personName: '' })).toContain('姓名：不能为空');
    expect(await refusal(t, 'orgs.saveOfficer', { orgId: t.branch, post: 'secretary', personName: '王芳3' })).toContain('姓名：只能包含汉字');
    expect(await refusal(t, 'orgs.saveOfficer', { orgId: t.branch, post: 'secretary', personName: '王芳', termStart: '2026-02-30' })).toContain('任期开始');

    const member = await t.app.invoke('members.get', { id: t.liSi.id }, t.adminToken);
    await t.app.invoke('members.leave', { id: t.liSi.id, version: member.member.version, on: '2026-03-01', reason: 'death' }, t.adminToken);
    expect(await refusal(t, 'orgs.saveOfficer', { orgId: t.branch, post: 'secretary', memberId: t.liSi.id })).toContain('党员：该党员已不在党员名册中，不能担任职务（填写的是“李四”）');
    await expectError(t.app, 'orgs.saveOfficer', { orgId: t.branch, post: 'secretary', memberId: 99999 }, t.adminToken, 'VALIDATION');

    await t.app.invoke('orgs.saveOfficer', { orgId: t.branch, post: 'committee_member', personName: '王芳', duty: '组织委员' }, t.adminToken);
    expect(await refusal(t, 'orgs.saveOfficer', { orgId: t.branch, post: 'deputy_secretary', personName: '王芳' })).toContain('此人在这段任期内已在该组织任职');

    // Nothing of the refused saves was written.
    expect(tableSnapshot(t.app.sqlite).org_officers).toHaveLength(1);
  });

  it('a change needs the record as last read: a stale one is refused and nothing is overwritten', async () => {
    const t = await street();
    const officer = await t.app.invoke('orgs.saveOfficer', { orgId: t.branch, post: 'committee_member', personName: '王芳', duty: '组织委员' }, t.adminToken);
    t.clock.advance(1000);
    const changed = await t.app.invoke('orgs.saveOfficer', { id: officer.id, updatedAt: officer.updatedAt, orgId: t.branch, post: 'committee_member', personName: '王芳', duty: '宣传委员' }, t.adminToken);
    expect(changed.duty).toBe('宣传委员');
    await expectError(t.app, 'orgs.saveOfficer', { id: officer.id, updatedAt: officer.updatedAt, orgId: t.branch, post: 'committee_member', personName: '王芳', duty: '纪检委员' }, t.adminToken, 'STALE_RECORD');
    await expectError(t.app, 'orgs.endOfficerTerm', { id: officer.id, updatedAt: officer.updatedAt, termEnd: '2026-03-10' }, t.adminToken, 'STALE_RECORD');
    expect((await t.app.invoke('orgs.officers', { orgId: t.branch }, t.adminToken))[0].duty).toBe('宣传委员');
  });
});

describe('a branch committee and the flags', () => {
  async function sevenFullMembers(t: Street): Promise<void> {
    for (let i = 0; i < 6; i++) {
      const first17 = `11010119800101${String(100 + i * 2 + 1).padStart(3, '0')}`;
      await t.app.invoke('members.create', { orgId: t.branch, fields: { name: `党员${'甲乙丙丁戊己'[i]}`, idNumber: first17 + citizenIdCheckDigit(first17), category: '正式党员' } }, t.adminToken);
    }
  }

  it('members in the branch’s Party groups count as the branch’s: 3 full members between branch and group lift the flag', async () => {
    const t = await street();
    expect((await nodeOf(t, t.branch)).flags).toEqual(['fewFullMembers']);
    for (let i = 0; i < 2; i++) {
      const first17 = `11010119800101${String(300 + i * 2 + 1).padStart(3, '0')}`;
      await t.app.invoke('members.create', { orgId: t.group, fields: { name: `组员${'甲乙'[i]}`, idNumber: first17 + citizenIdCheckDigit(first17), category: '正式党员' } }, t.adminToken);
    }
    expect((await nodeOf(t, t.branch)).flags).toEqual([]);
    expect((await nodeOf(t, t.group)).flags).toEqual([]);
  });

  it('7 full members and no committee is flagged until a committee member is recorded; the committee cannot then be unticked', async () => {
    const t = await street();
    await sevenFullMembers(t);
    expect((await nodeOf(t, t.branch)).flags).toEqual(['needsCommittee']);

    const member = await t.app.invoke('orgs.saveOfficer', { orgId: t.branch, post: 'committee_member', personName: '王芳', duty: '组织委员', termStart: '2026-01-01' }, t.adminToken);
    expect(await nodeOf(t, t.branch)).toMatchObject({ hasCommittee: true, flags: [] });
    const audit = await t.app.invoke('audit.list', { action: 'orgs.saveOfficer' }, t.adminToken);
    expect(audit.entries[0].after).toMatchObject({ personName: '王芳', organizationHasCommittee: true });

    expect(await refusal(t, 'orgs.update', { id: t.branch, hasCommittee: false })).toContain('支部委员会：还有 1 名委员在任，请先为其登记任期结束');
    await t.app.invoke('orgs.endOfficerTerm', { id: member.id, updatedAt: member.updatedAt, termEnd: '2026-03-09' }, t.adminToken);
    await t.app.invoke('orgs.update', { id: t.branch, hasCommittee: false }, t.adminToken);
    expect((await nodeOf(t, t.branch)).flags).toEqual(['needsCommittee']);
  });
});
