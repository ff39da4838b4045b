// Writing members: a new record, a cell changed in the grid, leaving the roll — checked like an import,
// audited, with a history, and never half-written.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/shared/i18n/messages';
import { appsForEachTest, expectError, tableSnapshot, type TestApp } from '../../support/factory';

const app = appsForEachTest();

async function withBranch(): Promise<TestApp & { branch: number; other: number }> {
  const t = await app();
  const root = (await t.app.invoke('orgs.tree', {}, t.adminToken))[0];
  const community = await t.app.invoke('communities.save', { name: '东华社区', divisionCode: '110101001001' }, t.adminToken);
  await t.app.invoke('grids.save', { communityId: community.id, name: '第一网格' }, t.adminToken);
  const committee = await t.app.invoke('orgs.create', { parentId: root.id, name: '东华社区党委', level: 'community_committee', communityId: community.id }, t.adminToken);
  const branch = await t.app.invoke('orgs.create', { parentId: committee.id, name: '第一网格党支部', level: 'branch' }, t.adminToken);
  const other = await t.app.invoke('orgs.create', { parentId: committee.id, name: '第二网格党支部', level: 'branch' }, t.adminToken);
  return Object.assign(t, { branch: branch.id, other: other.id });
}

const LI_SI = { name: '李 四', idNumber: '370101190102039973', ethnicity: '汉族', education: '大学本科', category: '正式党员', joinDate: '1950年7月', fullDate: '1951.07', phone: '１３８-１２３４-５６７８', grid: '第一网格' };

describe('members.create', () => {
  it('stores the record as clerks mean it: normalized name and phone, codes, sex and birth date from the ID', async () => {
    const t = await withBranch();
    const m = await t.app.invoke('members.create', { orgId: t.branch, fields: LI_SI }, t.adminToken);
    expect(m).toMatchObject({
      name: '李四',
      sex: 1,
      birthDate: '1901-02-03',
      ethnicity: '01',
      education: '21',
      category: 'full',
      joinDate: '1950-07',
      fullDate: '1951-07',
      phone: '13812345678',
      branch: '第一网格党支部',
      grid: '第一网格',
      community: '东华社区',
      version: 1,
    });
    const found = await t.app.invoke('members.list', { query: 'ls' }, t.adminToken);
    expect(found.members.map((r) => r.name)).toEqual(['李四']);
    const detail = await t.app.invoke('members.get', { id: m.id }, t.adminToken);
    expect(detail.events.map((e) => e.kind)).toEqual(['created']);
  });

  it('refuses a bad row naming every field, value and reason, and writes nothing', async () => {
    const t = await withBranch();
    const before = tableSnapshot(t.app.sqlite);
    const error = await expectError(
      t.app,
      'members.create',
      { orgId: t.branch, fields: { ...LI_SI, idNumber: '370101190102039974', sex: '女', ethnicity: '火星族' } },
      t.adminToken,
      'VALIDATION',
    );
    expect(error.details?.issues).toEqual([expect.objectContaining({ field: 'fields.idNumber', problem: 'idChecksum', value: '370101190102039974' })]);
    expect(formatError(error, 'zh-CN')).toContain('公民身份号码');
    expect(formatError(error, 'zh-CN')).toContain('370101190102039974');
    const second = await expectError(t.app, 'members.create', { orgId: t.branch, fields: { ...LI_SI, sex: '女', ethnicity: '火星族' } }, t.adminToken, 'VALIDATION');
    expect(second.details?.issues?.map((i) => i.problem)).toEqual(['idSexMismatch']);
    const third = await expectError(t.app, 'members.create', { orgId: t.branch, fields: { ...LI_SI, ethnicity: '火星族' } }, t.adminToken, 'VALIDATION');
    expect(third.details?.issues).toEqual([expect.objectContaining({ field: 'fields.ethnicity', problem: 'codeUnknown', value: '火星族' })]);
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });

  it('refuses an ID number typed into Excel as a number, and a second member with the same ID', async () => {
    const t = await withBranch();
    const lost = await expectError(t.app, 'members.create', { orgId: t.branch, fields: { ...LI_SI, idNumber: 370101190102040000 } }, t.adminToken, 'VALIDATION');
    expect(lost.details?.issues?.[0]).toMatchObject({ field: 'fields.idNumber', problem: 'idLostDigits' });
    await t.app.invoke('members.create', { orgId: t.branch, fields: LI_SI }, t.adminToken);
    const twice = await expectError(t.app, 'members.create', { orgId: t.other, fields: { ...LI_SI, name: '李思' } }, t.adminToken, 'VALIDATION');
    expect(twice.details?.issues?.[0]).toMatchObject({ field: 'fields.idNumber', problem: 'idNumberTaken', params: { name: '李四' } });
  });
});

describe('members.update', () => {
  it('saves one changed cell, audits what changed and bumps the version', async () => {
    const t = await withBranch();
    const m = await t.app.invoke('members.create', { orgId: t.branch, fields: LI_SI }, t.adminToken);
    const changed = await t.app.invoke('members.update', { id: m.id, version: 1, fields: { address: '东华社区1区3号楼2单元301室' } }, t.adminToken);
    expect(changed).toMatchObject({ address: '东华社区1区3号楼2单元301室', version: 2, phone: '13812345678' });
    const { entries } = await t.app.invoke('audit.list', { action: 'members.update' }, t.adminToken);
    expect(entries[0]).toMatchObject({ entityId: String(m.id), before: { address: null }, after: { address: '东华社区1区3号楼2单元301室' } });
  });

  it('refuses an invalid cell with its reason and keeps the stored value', async () => {
    const t = await withBranch();
    const m = await t.app.invoke('members.create', { orgId: t.branch, fields: LI_SI }, t.adminToken);
    const error = await expectError(t.app, 'members.update', { id: m.id, version: 1, fields: { fullDate: '1949-01-01' } }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'fields.fullDate', problem: 'fullDateNotAfterJoinDate', params: { joinDate: '1950-07' } });
    const future = await expectError(t.app, 'members.update', { id: m.id, version: 1, fields: { joinDate: '2099-01-01' } }, t.adminToken, 'VALIDATION');
    expect(future.details?.issues?.[0]).toMatchObject({ field: 'fields.joinDate', problem: 'dateInFuture' });
    expect((await t.app.invoke('members.get', { id: m.id }, t.adminToken)).member).toMatchObject({ fullDate: '1951-07', version: 1 });
  });

  it('leaves every edit in the member’s history: field, before, after, who and when', async () => {
    const t = await withBranch();
    const m = await t.app.invoke('members.create', { orgId: t.branch, fields: LI_SI }, t.adminToken);
    await t.app.invoke('members.update', { id: m.id, version: 1, fields: { joinDate: '1950-07-02', education: '大专', hardship: '是', phone: '' } }, t.adminToken);
    const detail = await t.app.invoke('members.get', { id: m.id }, t.adminToken);
    const edited = detail.events.find((e) => e.kind === 'edited');
    expect(edited?.recordedBy).toBe('admin');
    expect((edited?.detail as { changes: unknown[] }).changes).toEqual(
      expect.arrayContaining([
        { field: 'joinDate', from: '1950-07', to: '1950-07-02' },
        { field: 'education', from: '大学本科', to: '大学专科' },
        { field: 'hardship', from: false, to: true },
      ]),
    );
  });

  it('refuses a joining date before the 18th birthday, in the grid as in the import', async () => {
    const t = await withBranch();
    // Born 1901-02-03 by the ID number: 18 on 1919-02-03; the month 1919-02 may hold that day.
    const m = await t.app.invoke('members.create', { orgId: t.branch, fields: { ...LI_SI, joinDate: '1919-02', fullDate: '1920-02' } }, t.adminToken);
    const young = await expectError(t.app, 'members.update', { id: m.id, version: 1, fields: { joinDate: '1914-07-01' } }, t.adminToken, 'VALIDATION');
    expect(young.details?.issues?.[0]).toMatchObject({ field: 'fields.joinDate', problem: 'joinedUnder18', params: { birthDate: '1901-02-03', age: 18 } });
    expect(formatError(young, 'zh-CN')).toContain('入党时未满 18 周岁');
    await expectError(t.app, 'members.update', { id: m.id, version: 1, fields: { joinDate: '1919-02-02' } }, t.adminToken, 'VALIDATION');
    await expect(t.app.invoke('members.update', { id: m.id, version: 1, fields: { joinDate: '1919-02-03' } }, t.adminToken)).resolves.toMatchObject({ joinDate: '1919-02-03' });
  });

  it('refuses a change made on an old copy of the record (someone else saved first)', async () => {
    const t = await withBranch();
    const m = await t.app.invoke('members.create', { orgId: t.branch, fields: LI_SI }, t.adminToken);
    await t.app.invoke('members.update', { id: m.id, version: 1, fields: { room: '301' } }, t.adminToken);
    await expectError(t.app, 'members.update', { id: m.id, version: 1, fields: { room: '302' } }, t.adminToken, 'STALE_RECORD');
  });

  it('clears a field given empty, moves a member by branch path, and records category changes in the history', async () => {
    const t = await withBranch();
    const m = await t.app.invoke('members.create', { orgId: t.branch, fields: { ...LI_SI, category: '预备党员', fullDate: null } }, t.adminToken);
    expect(m.category).toBe('probationary');
    let next = await t.app.invoke('members.update', { id: m.id, version: 1, fields: { phone: '', category: '正式党员', fullDate: '1951-07-01' } }, t.adminToken);
    expect(next).toMatchObject({ phone: null, category: 'full', fullDate: '1951-07-01' });
    next = await t.app.invoke('members.update', { id: m.id, version: next.version, fields: { branch: '东华社区党委/第二网格党支部' } }, t.adminToken);
    expect(next.branch).toBe('第二网格党支部');
    const detail = await t.app.invoke('members.get', { id: m.id }, t.adminToken);
    expect(detail.events.map((e) => e.kind)).toEqual(['created', 'category_changed', 'edited', 'moved']);
    expect(detail.events[1]).toMatchObject({ onDate: '1951-07-01', detail: { from: 'probationary', to: 'full' }, recordedBy: 'admin' });
    expect(detail.events[2]).toMatchObject({ detail: { changes: [{ field: 'fullDate', from: null, to: '1951-07-01' }, { field: 'phone', from: '13812345678', to: null }] } });
  });
});

describe('members.leave', () => {
  it('moves the record to history with reason and date; it stays findable there, never deleted', async () => {
    const t = await withBranch();
    const m = await t.app.invoke('members.create', { orgId: t.branch, fields: LI_SI }, t.adminToken);
    const left = await t.app.invoke('members.leave', { id: m.id, version: 1, on: '2026-03-01', reason: 'death', note: '病故' }, t.adminToken);
    expect(left.status).toBe('history');
    expect((await t.app.invoke('members.list', {}, t.adminToken)).total).toBe(0);
    expect((await t.app.invoke('members.list', { status: 'history' }, t.adminToken)).members.map((r) => r.name)).toEqual(['李四']);
    const detail = await t.app.invoke('members.get', { id: m.id }, t.adminToken);
    expect(detail).toMatchObject({ leftOn: '2026-03-01', leftReason: 'death', leftNote: '病故' });
    await expectError(t.app, 'members.update', { id: m.id, version: 2, fields: { room: '1' } }, t.adminToken, 'VALIDATION');
    await expectError(t.app, 'members.leave', { id: m.id, version: 2, on: '2026-03-02', reason: 'withdrew' }, t.adminToken, 'VALIDATION');
  });

  it('needs a date not before joining and not in the future', async () => {
    const t = await withBranch();
    const m = await t.app.invoke('members.create', { orgId: t.branch, fields: LI_SI }, t.adminToken);
    const early = await expectError(t.app, 'members.leave', { id: m.id, version: 1, on: '1940-01-01', reason: 'struck_off' }, t.adminToken, 'VALIDATION');
    expect(early.details?.issues?.[0]).toMatchObject({ field: 'on', problem: 'leftBeforeJoin' });
    await expectError(t.app, 'members.leave', { id: m.id, version: 1, on: '2099-01-01', reason: 'struck_off' }, t.adminToken, 'VALIDATION');
  });
});

describe('codes.list', () => {
  it('serves the code tables the grid labels and pickers read, labels as stored and retired codes flagged', async () => {
    const t = await app();
    const tables = await t.app.invoke('codes.list', {}, t.adminToken);
    expect(tables.ethnicity.slice(0, 2)).toEqual([
      { code: '01', label: '汉族', retired: false },
      { code: '02', label: '蒙古族', retired: false },
    ]);
    expect(tables.education.find((c) => c.code === '21')?.label).toBe('大学本科');
    expect(tables.occupation.find((c) => c.code === '4020')?.label).toBe('退休人员');
    // A label the administrator changed in the table is what the grid shows.
    t.app.database.prepare("UPDATE code_items SET label = '大学本科（含第二学位）', retired = 1 WHERE code_table = 'education' AND code = '21'").run();
    const again = await t.app.invoke('codes.list', {}, t.adminToken);
    expect(again.education.find((c) => c.code === '21')).toEqual({ code: '21', label: '大学本科（含第二学位）', retired: true });
  });
});
