// A user limited to one community (数据范围): on a seeded street of three communities, the clerk and the viewer
// of 幸福社区 see its members, organizations, transfers and requests only — the totals match what the whole
// street's administrator counts for that community — and every write outside it is refused naming the field,
// with nothing written. The monthly return is the street's: they read it, never check or finalize it.
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/core/services/seed-demo';
import { seedServiceWork } from '../../src/core/services/counter/seed-service';
import type { Role } from '../../src/shared/api/schemas';
import { formatError } from '../../src/shared/i18n/messages';
import type { ApiError } from '../../src/shared/result';
import { USER_PASSWORD, appsForEachTest, expectError, expectOk, tableSnapshot, type TestApp } from '../support/factory';
import { citizenId } from './import/roster-workbooks';

const app = appsForEachTest();

/** 幸福社区 and 和平社区: the first two communities seedDemo makes for the test street 110101001. */
const HAPPY = { name: '幸福社区', code: '110101001001' };
const PEACE = { name: '和平社区', code: '110101001002' };

interface Street {
  t: TestApp;
  admin: string;
  clerk: string;
  viewer: string;
  happyId: number;
  peaceId: number;
}

async function scopedUser(t: TestApp, role: Role, username: string, scopeCommunityCode: string | null): Promise<string> {
  await t.app.invoke('users.create', { username, displayName: `社区${role}`, role, password: USER_PASSWORD, scopeCommunityCode }, t.adminToken);
  return (await t.app.invoke('auth.login', { username, password: USER_PASSWORD })).token;
}

/** A street of 1,200 members in three communities and 600 service requests, on 2026-11-02 (after the seeded year). */
async function street(): Promise<Street> {
  const t = await app({ start: new Date(2026, 10, 2, 9, 0, 0) });
  const db = t.app.database;
  db.transaction(() => {
    seedDemo(db, { members: 1200, seed: 11 }, t.clock.now());
    seedServiceWork(db, { requests: 600, seed: 11 }, t.clock.now());
  })();
  const communities = await t.app.invoke('communities.list', {}, t.adminToken);
  const id = (code: string) => communities.find((c) => c.divisionCode === code)!.id;
  return {
    t,
    admin: t.adminToken,
    clerk: await scopedUser(t, 'clerk', 'happyclerk', HAPPY.code),
    viewer: await scopedUser(t, 'viewer', 'happyviewer', HAPPY.code),
    happyId: id(HAPPY.code),
    peaceId: id(PEACE.code),
  };
}

/** A member of the community, through the administrator's view of the whole street. */
async function memberOf(s: Street, communityId: number, extra: Record<string, unknown> = {}) {
  const { members } = await s.t.app.invoke('members.list', { communityId, limit: 1, ...extra }, s.admin);
  return members[0];
}

function expectScopeRefusal(error: ApiError, field: string, problem: string): void {
  expect(error.code).toBe('FORBIDDEN');
  expect(error.details?.community).toBe(HAPPY.name);
  expect(error.details?.issues).toEqual([expect.objectContaining({ field, problem })]);
}

/** Calls a write that must be refused for the scope, and checks no table changed. */
async function refusedWithoutTrace(s: Street, method: string, input: unknown, token: string, field: string, problem: string): Promise<ApiError> {
  const before = tableSnapshot(s.t.app.sqlite);
  const error = await expectError(s.t.app, method, input, token, 'FORBIDDEN');
  expectScopeRefusal(error, field, problem);
  expect(tableSnapshot(s.t.app.sqlite)).toEqual(before);
  return error;
}

let s: Street;

beforeEach(async () => {
  s = await street();
});

describe('members of a community-limited user', () => {
  it('the list, its total and every filter stay inside the community, for the clerk and the viewer alike', async () => {
    const whole = await expectOk(s.t.app, 'members.list', { limit: 1 }, s.admin);
    const happy = await expectOk(s.t.app, 'members.list', { communityId: s.happyId, limit: 500 }, s.admin);
    expect(happy.total).toBeGreaterThan(100);
    expect(happy.total).toBeLessThan(whole.total);
    for (const token of [s.clerk, s.viewer]) {
      const seen = await expectOk(s.t.app, 'members.list', { limit: 500 }, token);
      expect(seen.total).toBe(happy.total);
      expect(new Set(seen.members.map((m) => m.community))).toEqual(new Set([HAPPY.name]));
      expect(seen.members.map((m) => m.id).sort()).toEqual(happy.members.map((m) => m.id).sort());
    }
    // A filter for another community or a search for someone elsewhere finds nobody.
    expect((await expectOk(s.t.app, 'members.list', { communityId: s.peaceId }, s.clerk)).total).toBe(0);
    const elsewhere = await memberOf(s, s.peaceId);
    expect((await expectOk(s.t.app, 'members.list', { query: elsewhere.idNumber }, s.clerk)).total).toBe(0);
    // Sorted by branch and filtered by category, the view still counts the community only.
    const probationary = await expectOk(s.t.app, 'members.list', { communityId: s.happyId, category: 'probationary' }, s.admin);
    const scopedProbationary = await expectOk(s.t.app, 'members.list', { category: 'probationary', sort: [{ field: 'branch', dir: 'asc' }] }, s.clerk);
    expect(scopedProbationary.total).toBe(probationary.total);
  });

  it('a member of another community cannot be opened, changed or taken off the roll, and nothing is written', async () => {
    const other = await memberOf(s, s.peaceId);
    const read = await expectError(s.t.app, 'members.get', { id: other.id }, s.viewer, 'FORBIDDEN');
    expectScopeRefusal(read, 'id', 'memberOutsideScope');
    expect(formatError(read, 'zh-CN')).toBe('您的账号限定在幸福社区，不能办理这一项：编号：不是幸福社区党员名册中的党员');
    expect(formatError(read, 'en')).toBe('Your account is limited to 幸福社区 and cannot do this: ID is not a member on the roll of 幸福社区');

    await refusedWithoutTrace(s, 'members.update', { id: other.id, version: other.version, fields: { phone: '13900000000' } }, s.clerk, 'id', 'memberOutsideScope');
    await refusedWithoutTrace(s, 'members.leave', { id: other.id, version: other.version, on: '2026-11-01', reason: 'death' }, s.clerk, 'id', 'memberOutsideScope');
    await refusedWithoutTrace(s, 'members.setStanding', { id: other.id, version: other.version, standing: 'suspended', on: '2026-11-01' }, s.clerk, 'id', 'memberOutsideScope');
  });

  it('writes inside the community work; a member cannot be moved to, or created in, a branch elsewhere', async () => {
    const mine = await memberOf(s, s.happyId);
    // "第2网格党支部" is a branch name of every community: inside a scope it means the community's own.
    const moved = await expectOk(s.t.app, 'members.update', { id: mine.id, version: mine.version, fields: { branch: '第2网格党支部' } }, s.clerk);
    expect(moved.community).toBe(HAPPY.name);
    expect(moved.branch).toBe('第2网格党支部');

    const error = await refusedWithoutTrace(
      s,
      'members.update',
      { id: mine.id, version: moved.version, fields: { branch: '和平社区党委/第1网格党支部' } },
      s.clerk,
      'fields.branch',
      'orgOutsideScope',
    );
    expect(formatError(error, 'zh-CN')).toContain('所在党支部：不属于幸福社区的党组织（填写的是“和平社区党委/第1网格党支部”）');

    const tree = await expectOk(s.t.app, 'orgs.tree', { destinations: true }, s.admin);
    const peaceBranch = tree.find((o) => o.communityId === s.peaceId && o.level === 'branch')!;
    const fields = { name: '新党员', idNumber: citizenId('19900315', '123', '110101'), category: '正式党员', joinDate: '2015-07-01', fullDate: '2016-07-01' };
    await refusedWithoutTrace(s, 'members.create', { orgId: peaceBranch.id, fields }, s.clerk, 'orgId', 'orgOutsideScope');
    const happyBranch = tree.find((o) => o.communityId === s.happyId && o.level === 'branch')!;
    const created = await expectOk(s.t.app, 'members.create', { orgId: happyBranch.id, fields }, s.clerk);
    expect(created.community).toBe(HAPPY.name);
  });

  it('the export and the printed roster and boards carry the community’s people only', async () => {
    const happy = await expectOk(s.t.app, 'members.list', { communityId: s.happyId, limit: 500 }, s.admin);
    const exported = await expectOk(s.t.app, 'members.export', {}, s.viewer);
    expect(exported.rows).toBe(happy.total);
    expect(exported.fileName).toContain(HAPPY.name);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.bytes) as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount).toBe(happy.total + 2);

    const roster = await expectOk(s.t.app, 'print.roster', { columns: ['name', 'idNumber'] }, s.viewer);
    expect(roster.total).toBe(happy.total);
    expect(roster.groups.flatMap((g) => g.rows.map((r) => r[1])).sort()).toEqual(happy.members.map((m) => m.idNumber).sort());
    expect(roster.heading.community).toBe(HAPPY.name);

    const probationary = await expectOk(s.t.app, 'members.list', { communityId: s.happyId, category: 'probationary', limit: 500 }, s.admin);
    const board = await expectOk(s.t.app, 'print.board', { kind: 'probationary' }, s.viewer);
    expect(board.total).toBe(probationary.total);
    const volunteers = await expectOk(s.t.app, 'print.board', { kind: 'volunteers' }, s.viewer);
    const streetVolunteers = await expectOk(s.t.app, 'print.board', { kind: 'volunteers' }, s.admin);
    expect(volunteers.total).toBeGreaterThan(0);
    expect(volunteers.total).toBeLessThan(streetVolunteers.total);

    const peaceOrg = (await expectOk(s.t.app, 'orgs.tree', { destinations: true }, s.admin)).find((o) => o.communityId === s.peaceId)!;
    expectScopeRefusal(await expectError(s.t.app, 'print.roster', { orgId: peaceOrg.id }, s.viewer, 'FORBIDDEN'), 'orgId', 'orgOutsideScope');
  });

  it('an import places members in the community’s branches only: rows elsewhere are rejected with the reason', async () => {
    const elsewhere = await memberOf(s, s.peaceId);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('花名册');
    sheet.addRow(['所在党支部', '姓名', '性别', '公民身份号码', '人员类别', '入党日期', '转正日期']);
    sheet.addRow(['第1网格党支部', '李新', '男', citizenId('19850101', '111', '110101'), '正式党员', '2010-07-01', '2011-07-01']);
    sheet.addRow(['和平社区党委/第1网格党支部', '赵远', '男', citizenId('19860101', '113', '110101'), '正式党员', '2010-07-01', '2011-07-01']);
    sheet.addRow(['第1网格党支部', elsewhere.name, elsewhere.sex === 1 ? '男' : '女', elsewhere.idNumber, '正式党员', '2010-07-01', '2011-07-01']);
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const before = (await expectOk(s.t.app, 'members.list', { limit: 1 }, s.admin)).total;

    const report = await expectOk(s.t.app, 'members.importCommit', { fileName: '花名册.xlsx', bytes, onDuplicate: 'update' }, s.clerk);
    expect(report).toMatchObject({ rows: 3, created: 1, updated: 0 });
    expect(report.rejected).toEqual([
      expect.objectContaining({ row: 3, field: 'branch', code: 'orgOutsideScope', message: '所在党支部：不属于幸福社区的党组织' }),
      expect.objectContaining({ row: 4, field: 'idNumber', code: 'memberElsewhereOutsideScope' }),
    ]);
    expect((await expectOk(s.t.app, 'members.list', { limit: 1 }, s.admin)).total).toBe(before + 1);
    const added = await expectOk(s.t.app, 'members.list', { query: '李新' }, s.clerk);
    expect(added.members.map((m) => [m.name, m.community])).toEqual([['李新', HAPPY.name]]);
    expect((await expectOk(s.t.app, 'members.get', { id: elsewhere.id }, s.admin)).member.version).toBe(elsewhere.version);
  });
});

describe('the organization tree of a community-limited user', () => {
  it('shows the root, the path down and the community’s subtree; changes only inside it', async () => {
    const all = await expectOk(s.t.app, 'orgs.tree', {}, s.admin);
    const tree = await expectOk(s.t.app, 'orgs.tree', {}, s.clerk);
    const root = all.find((o) => o.parentId === null)!;
    const happy = all.filter((o) => o.communityId === s.happyId);
    expect(tree.map((o) => o.id).sort()).toEqual([root.id, ...happy.map((o) => o.id)].sort());
    expect(tree.find((o) => o.id === root.id)).toMatchObject({ inScope: false, memberCount: 0 });
    expect(tree.filter((o) => o.id !== root.id).every((o) => o.inScope)).toBe(true);
    const counted = tree.reduce((n, o) => n + o.memberCount, 0);
    expect(counted).toBe((await expectOk(s.t.app, 'members.list', { limit: 1 }, s.clerk)).total);
    // As a move's destination every organization comes, those elsewhere by name only.
    const destinations = await expectOk(s.t.app, 'orgs.tree', { destinations: true }, s.clerk);
    expect(destinations).toHaveLength(all.length);
    const peace = destinations.find((o) => o.communityId === s.peaceId && o.level === 'branch')!;
    expect(peace).toMatchObject({ inScope: false, memberCount: 0, secretary: null });

    const committee = happy.find((o) => o.level === 'community_committee')!;
    const added = await expectOk(s.t.app, 'orgs.create', { parentId: committee.id, name: '第9网格党支部', level: 'branch' }, s.clerk);
    expect(added).toMatchObject({ communityId: s.happyId, inScope: true });
    await refusedWithoutTrace(s, 'orgs.create', { parentId: root.id, name: '新社区党委', level: 'community_committee' }, s.clerk, 'parentId', 'orgOutsideScope');
    await refusedWithoutTrace(s, 'orgs.create', { parentId: peace.id, name: '第9党小组', level: 'party_group' }, s.clerk, 'parentId', 'orgOutsideScope');
    await refusedWithoutTrace(s, 'orgs.update', { id: peace.id, name: '改名党支部' }, s.clerk, 'id', 'orgOutsideScope');
    await refusedWithoutTrace(s, 'orgs.update', { id: added.id, communityId: s.peaceId }, s.clerk, 'communityId', 'communityOutsideScope');
    await refusedWithoutTrace(s, 'orgs.move', { id: added.id, parentId: root.id }, s.clerk, 'parentId', 'orgOutsideScope');
    await refusedWithoutTrace(s, 'orgs.close', { id: peace.id, closedOn: '2026-11-01', reason: '撤销' }, s.clerk, 'id', 'orgOutsideScope');
    await refusedWithoutTrace(s, 'orgs.saveOfficer', { orgId: peace.id, post: 'secretary', personName: '王书记' }, s.clerk, 'orgId', 'orgOutsideScope');
    expectScopeRefusal(await expectError(s.t.app, 'orgs.officers', { orgId: peace.id }, s.viewer, 'FORBIDDEN'), 'orgId', 'orgOutsideScope');
    await expectOk(s.t.app, 'orgs.officers', { orgId: root.id }, s.viewer);
  });

  it('lists and edits its own community and grids only, and adds no community', async () => {
    const communities = await expectOk(s.t.app, 'communities.list', {}, s.clerk);
    expect(communities.map((c) => c.name)).toEqual([HAPPY.name]);
    const grids = await expectOk(s.t.app, 'grids.list', {}, s.viewer);
    expect(grids.length).toBeGreaterThan(0);
    expect(new Set(grids.map((g) => g.communityId))).toEqual(new Set([s.happyId]));
    expectScopeRefusal(await expectError(s.t.app, 'grids.list', { communityId: s.peaceId }, s.viewer, 'FORBIDDEN'), 'communityId', 'communityOutsideScope');

    const saved = await expectOk(s.t.app, 'communities.save', { id: s.happyId, name: HAPPY.name, divisionCode: HAPPY.code, households: 3100 }, s.clerk);
    expect(saved.households).toBe(3100);
    await refusedWithoutTrace(s, 'communities.save', { id: s.happyId, name: HAPPY.name, divisionCode: '110101001009' }, s.clerk, 'divisionCode', 'scopeCodeFixed');
    await refusedWithoutTrace(s, 'communities.save', { id: s.peaceId, name: PEACE.name, divisionCode: PEACE.code }, s.clerk, 'id', 'communityOutsideScope');
    await refusedWithoutTrace(s, 'communities.save', { name: '新社区', divisionCode: '110101001009' }, s.clerk, 'divisionCode', 'communityCreateStreetWide');
    await refusedWithoutTrace(s, 'grids.save', { communityId: s.peaceId, name: '第九网格' }, s.clerk, 'communityId', 'communityOutsideScope');
    await expectOk(s.t.app, 'grids.save', { communityId: s.happyId, name: '第九网格' }, s.clerk);
  });
});

describe('transfers of a community-limited user', () => {
  it('lists the letters that concern the community and takes steps on those only', async () => {
    const mine = await memberOf(s, s.happyId);
    const other = await memberOf(s, s.peaceId);
    const peaceMember2 = await memberOf(s, s.peaceId, { offset: 1 });
    const happyBranch = (await expectOk(s.t.app, 'orgs.tree', {}, s.clerk)).find((o) => o.inScope && o.level === 'branch' && o.id !== mine.orgId)!;
    const out = { direction: 'out' as const, issuedOn: '2026-11-02', duesPaidTo: '2026-10', toOrgName: '西城区展览路街道党工委' };
    const ownLetter = await expectOk(s.t.app, 'transfers.create', { ...out, letterNumber: '幸福〔2026〕1号', memberId: mine.id }, s.clerk);
    const elsewhere = await expectOk(s.t.app, 'transfers.create', { ...out, letterNumber: '和平〔2026〕1号', memberId: other.id }, s.admin);
    // A move within the street from 和平社区 into 幸福社区 concerns both sides.
    const incoming = await expectOk(
      s.t.app,
      'transfers.create',
      { direction: 'within', issuedOn: '2026-11-02', letterNumber: '和平〔2026〕2号', memberId: peaceMember2.id, toOrgId: happyBranch.id },
      s.admin,
    );

    const seen = await expectOk(s.t.app, 'transfers.list', {}, s.viewer);
    expect(seen.transfers.map((t) => t.letterNumber).sort()).toEqual([ownLetter.letterNumber, incoming.letterNumber].sort());
    expect(seen.total).toBe(2);
    expect((await expectOk(s.t.app, 'transfers.list', {}, s.admin)).total).toBe(3);

    await refusedWithoutTrace(s, 'transfers.create', { ...out, letterNumber: '幸福〔2026〕2号', memberId: other.id }, s.clerk, 'memberId', 'memberOutsideScope');
    await refusedWithoutTrace(s, 'transfers.cancel', { id: elsewhere.id, on: '2026-11-02', reason: '不再迁出' }, s.clerk, 'id', 'transferOutsideScope');
    await refusedWithoutTrace(s, 'transfers.receive', { id: elsewhere.id, on: '2026-11-02' }, s.clerk, 'id', 'transferOutsideScope');
    expectScopeRefusal(await expectError(s.t.app, 'print.letter', { transferId: elsewhere.id }, s.clerk, 'FORBIDDEN'), 'transferId', 'transferOutsideScope');
    await expectOk(s.t.app, 'print.letter', { transferId: ownLetter.id }, s.clerk);

    // The receiving community takes the member in: they come onto its roll.
    await expectOk(s.t.app, 'transfers.receive', { id: incoming.id, on: '2026-11-02' }, s.clerk);
    expect((await expectOk(s.t.app, 'members.get', { id: peaceMember2.id }, s.clerk)).member.community).toBe(HAPPY.name);
  });
});

describe('the service counter of a community-limited user', () => {
  it('lists, the board and the month’s numbers default to and stay in the community', async () => {
    const counts = s.t.app.database.prepare('SELECT community_id AS id, count(*) AS n FROM service_requests GROUP BY community_id').all() as { id: number; n: number }[];
    const happyCount = counts.find((c) => c.id === s.happyId)!.n;
    expect(happyCount).toBeGreaterThan(0);
    const list = await expectOk(s.t.app, 'requests.list', { limit: 200 }, s.viewer);
    expect(list.total).toBe(happyCount);
    expect(new Set(list.requests.map((r) => r.communityId))).toEqual(new Set([s.happyId]));
    expectScopeRefusal(await expectError(s.t.app, 'requests.list', { communityId: s.peaceId }, s.viewer, 'FORBIDDEN'), 'communityId', 'communityOutsideScope');

    const board = await expectOk(s.t.app, 'counter.today', {}, s.viewer);
    const street = await expectOk(s.t.app, 'counter.today', { communityId: s.happyId }, s.admin);
    expect(board.inProgress.map((r) => r.id)).toEqual(street.inProgress.map((r) => r.id));
    expect(board.waiting.every((r) => r.communityId === s.happyId)).toBe(true);
    expectScopeRefusal(await expectError(s.t.app, 'counter.today', { communityId: s.peaceId }, s.viewer, 'FORBIDDEN'), 'communityId', 'communityOutsideScope');

    const stats = await expectOk(s.t.app, 'counter.stats', { period: '2026-10' }, s.viewer);
    const streetStats = await expectOk(s.t.app, 'counter.stats', { period: '2026-10', communityId: s.happyId }, s.admin);
    expect(stats).toEqual(streetStats);

    // A resident served by both communities: the history shows what this community handled.
    const matter = (await expectOk(s.t.app, 'matters.list', {}, s.admin))[0];
    const resident = { matterId: matter.id, residentName: '钱秀英', residentPhone: '13700001111' };
    const other = await expectOk(s.t.app, 'requests.accept', { ...resident, communityId: s.peaceId }, s.admin);
    const own = await expectOk(s.t.app, 'requests.accept', { ...resident, communityId: s.happyId }, s.admin);
    const history = await expectOk(s.t.app, 'requests.residentHistory', { phone: resident.residentPhone }, s.viewer);
    expect(history.requests.map((r) => r.id)).toEqual([own.id]);
    expect((await expectOk(s.t.app, 'requests.residentHistory', { phone: resident.residentPhone }, s.admin)).requests).toHaveLength(2);
    expectScopeRefusal(await expectError(s.t.app, 'requests.get', { id: other.id }, s.viewer, 'FORBIDDEN'), 'id', 'requestOutsideScope');
    expectScopeRefusal(await expectError(s.t.app, 'print.slip', { requestId: other.id }, s.viewer, 'FORBIDDEN'), 'requestId', 'requestOutsideScope');
  });

  it('accepts for its own community by default, never for another; steps on another’s requests are refused', async () => {
    const matter = (await expectOk(s.t.app, 'matters.list', {}, s.clerk))[0];
    const request = { matterId: matter.id, residentName: '周桂兰', residentPhone: '13912345678' };
    const accepted = await expectOk(s.t.app, 'requests.accept', request, s.clerk);
    expect(accepted.communityId).toBe(s.happyId);
    expect(accepted.number.startsWith('幸福-')).toBe(true);
    await refusedWithoutTrace(s, 'requests.accept', { ...request, communityId: s.peaceId }, s.clerk, 'communityId', 'communityOutsideScope');

    const open = (await expectOk(s.t.app, 'requests.list', { communityId: s.peaceId, open: true, status: 'accepted', limit: 1 }, s.admin)).requests[0];
    await refusedWithoutTrace(s, 'requests.start', { id: open.id, assigneeKind: 'staff' }, s.clerk, 'id', 'requestOutsideScope');
    await refusedWithoutTrace(s, 'requests.extend', { id: open.id, days: 2, reason: '需要调查' }, s.clerk, 'id', 'requestOutsideScope');
    await expectOk(s.t.app, 'requests.start', { id: accepted.id, assigneeKind: 'staff' }, s.clerk);
    // The catalog stays the street's and the administrator's.
    await expectError(s.t.app, 'matters.retire', { id: matter.id }, s.clerk, 'FORBIDDEN');
  });
});

describe('volunteers seen by a community-limited user', () => {
  it('lists the street’s volunteers, another community’s Party members masked and not editable; its own editable', async () => {
    const [mine, theirs] = await Promise.all([memberOf(s, s.happyId, { status: 'active' }), memberOf(s, s.peaceId, { status: 'active' })]);
    const save = (memberId: number) => ({ memberId, name: '', phone: '', skills: '维修', teamId: null, active: true });
    const own = await expectOk(s.t.app, 'volunteers.save', save(mine.id), s.clerk);
    expect(own.otherCommunity).toBeUndefined();
    await refusedWithoutTrace(s, 'volunteers.save', save(theirs.id), s.clerk, 'memberId', 'memberOutsideScope');
    const other = await expectOk(s.t.app, 'volunteers.save', { ...save(theirs.id), phone: '13912345678' }, s.admin);
    const listed = await expectOk(s.t.app, 'volunteers.list', {}, s.clerk);
    const seen = listed.find((v) => v.id === other.id)!;
    expect(seen).toMatchObject({ name: other.name, otherCommunity: true });
    expect(seen.phone).not.toContain('12345678');
    expect(seen.phone).toMatch(/^139\*{4}5678$|^139\*+\d{4}$/);
    expect(listed.find((v) => v.id === own.id)?.otherCommunity).toBeUndefined();
    // The street's administrator sees the number whole.
    expect((await expectOk(s.t.app, 'volunteers.list', {}, s.admin)).find((v) => v.id === other.id)?.phone).toBe('13912345678');
    await refusedWithoutTrace(s, 'volunteers.save', { ...save(theirs.id), id: other.id, skills: '改了' }, s.clerk, 'memberId', 'memberOutsideScope');
  });
});

describe('the audit log of a community-limited user', () => {
  it('shows what they did and the changes to their community’s records, not the rest of the street’s', async () => {
    const mine = await memberOf(s, s.happyId);
    const mine2 = await memberOf(s, s.happyId, { offset: 1 });
    const other = await memberOf(s, s.peaceId);
    await expectOk(s.t.app, 'members.update', { id: mine.id, version: mine.version, fields: { phone: '13900000001' } }, s.clerk);
    await expectOk(s.t.app, 'members.update', { id: mine2.id, version: mine2.version, fields: { phone: '13900000002' } }, s.admin);
    await expectOk(s.t.app, 'members.update', { id: other.id, version: other.version, fields: { phone: '13900000003' } }, s.admin);

    const seen = await expectOk(s.t.app, 'audit.list', { action: 'members.update' }, s.viewer);
    expect(seen.entries.map((e) => e.entityId).sort()).toEqual([String(mine.id), String(mine2.id)].sort());
    expect(seen.total).toBe(2);
    expect((await expectOk(s.t.app, 'audit.list', { action: 'members.update' }, s.admin)).total).toBe(3);
    // Their own logins and exports are theirs to see.
    await expectOk(s.t.app, 'members.export', {}, s.clerk);
    const own = await expectOk(s.t.app, 'audit.list', { action: 'members.export' }, s.clerk);
    expect(own.entries.map((e) => e.username)).toEqual(['happyclerk']);
  });
});

describe('the monthly return and the administrator', () => {
  it('a community-limited user reads the street’s return but cannot check, finalize or build it', async () => {
    const period = '2026-10';
    const read = await expectOk(s.t.app, 'returns.get', { period }, s.viewer);
    expect(read.state).toBe('draft');
    const error = await refusedWithoutTrace(s, 'returns.check', { period }, s.clerk, 'period', 'returnIsStreets');
    expect(formatError(error, 'zh-CN')).toContain('月报是全街道的');
    await refusedWithoutTrace(s, 'returns.saveNote', { period, table: read.tables[0].id, note: '说明' }, s.clerk, 'period', 'returnIsStreets');
    await expectOk(s.t.app, 'returns.check', { period }, s.admin);
    await refusedWithoutTrace(s, 'returns.finalize', { period }, s.clerk, 'period', 'returnIsStreets');
    await expectOk(s.t.app, 'returns.finalize', { period }, s.admin);
    await refusedWithoutTrace(s, 'returns.reopen', { period, reason: '数据有误' }, s.clerk, 'period', 'returnIsStreets');
    await refusedWithoutTrace(s, 'returns.build', { period }, s.clerk, 'period', 'returnIsStreets');
    expect((await expectOk(s.t.app, 'returns.get', { period }, s.clerk)).state).toBe('finalized');
  });

  it('an administrator with a community code is never limited; a clerk without one sees the street', async () => {
    const admin2 = await scopedUser(s.t, 'admin', 'admin2', HAPPY.code);
    const clerk2 = await scopedUser(s.t, 'clerk', 'streetclerk', null);
    const whole = (await expectOk(s.t.app, 'members.list', { limit: 1 }, s.admin)).total;
    expect((await expectOk(s.t.app, 'members.list', { limit: 1 }, admin2)).total).toBe(whole);
    expect((await expectOk(s.t.app, 'members.list', { limit: 1 }, clerk2)).total).toBe(whole);
    expect((await expectOk(s.t.app, 'communities.list', {}, admin2)).length).toBe(3);
  });

  it('a scope whose code names no community of the street sees nothing, rather than the whole street', async () => {
    const lost = await scopedUser(s.t, 'viewer', 'lostviewer', '110101001099');
    expect((await expectOk(s.t.app, 'members.list', { limit: 1 }, lost)).total).toBe(0);
    expect((await expectOk(s.t.app, 'requests.list', {}, lost)).total).toBe(0);
    expect(await expectOk(s.t.app, 'communities.list', {}, lost)).toEqual([]);
    const tree = await expectOk(s.t.app, 'orgs.tree', {}, lost);
    expect(tree.map((o) => o.parentId)).toEqual([null]);
  });
});
