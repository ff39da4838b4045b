// Printed documents' data: the roster grouped by branch with its total, the public boards masked whatever
// was stored, the letter counting its prints (a second copy is a reprint), and every print in the audit log.
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/core/services/seed-demo';
import { BOARD_KINDS, type PrintBoard } from '../../../src/shared/api/contract-print';
import { appsForEachTest, type TestApp } from '../../support/factory';
import { accept } from '../counter/counter-support';

const app = appsForEachTest();
const FULL_MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const FULL_ID = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/;

async function seeded(members = 300): Promise<TestApp> {
  const t = await app();
  seedDemo(t.app.database, { members, seed: 7 }, t.clock.now());
  return t;
}

describe('the roster', () => {
  it('groups the view by branch, counts each group and the total, and prints the picked columns', async () => {
    const t = await seeded();
    const roster = await t.app.invoke('print.roster', { columns: ['name', 'branch', 'idNumber', 'phone'] }, t.adminToken);
    const { total } = await t.app.invoke('members.list', { limit: 1 }, t.adminToken);
    expect(roster.total).toBe(total);
    expect(roster.columns).toEqual(['name', 'idNumber', 'phone']);
    expect(roster.groups.reduce((n, g) => n + g.rows.length, 0)).toBe(total);
    expect(new Set(roster.groups.map((g) => g.orgId)).size).toBe(roster.groups.length);
    // An internal roster carries the full number.
    expect(roster.groups[0].rows[0][1]).toMatch(/^\d{17}[\dX]$/);
    expect(roster.heading).toMatchObject({ street: '东华门街道', printedOn: '2026-03-10' });
  });

  it('names every branch by its full official name (community committee + branch), the same way for each, in tree order', async () => {
    const t = await seeded();
    const roster = await t.app.invoke('print.roster', {}, t.adminToken);
    const titles = roster.groups.map((g) => g.branch);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toContain('幸福社区党委第1网格党支部');
    expect(titles).toContain('和平社区党委第1网格党支部');
    // Not only the names used twice: a 第8网格党支部 found in one community only is named in full as well.
    const tree = await t.app.invoke('orgs.tree', {}, t.adminToken);
    const byId = new Map(tree.map((o) => [o.id, o]));
    for (const g of roster.groups) {
      const org = byId.get(g.orgId)!;
      const parent = byId.get(org.parentId!)!;
      // A name that already says its community (幸福社区老年协会党支部) is not given it twice.
      const saysCommunity = org.name.startsWith(parent.name.replace(/党委$/, ''));
      expect(g.branch).toBe(parent.parentId === null || saysCommunity ? org.name : `${parent.name}${org.name}`);
    }
    // Community by community: every 幸福 branch before the first 和平 one.
    const lastXingfu = titles.findLastIndex((x) => x.startsWith('幸福社区党委'));
    expect(lastXingfu).toBeLessThan(titles.findIndex((x) => x.startsWith('和平社区党委')));
    const board = await t.app.invoke('print.board', { kind: 'probationary' }, t.adminToken);
    const boardTitles = board.groups.map((g) => g.title);
    expect(new Set(boardTitles).size).toBe(boardTitles.length);
    expect(boardTitles.every((x) => x !== '第1网格党支部')).toBe(true);
  });

  it('prints the standard columns when none are picked, dates in the Chinese form and values trimmed', async () => {
    const t = await seeded(60);
    const [member] = (await t.app.invoke('members.list', { limit: 1, sort: [{ field: 'name', dir: 'asc' }] }, t.adminToken)).members;
    // A value carried over from an old spreadsheet with a leading space.
    t.app.database.prepare("UPDATE members SET address = '  幸福社区1区3号楼', birth_date = '1985-01-05' WHERE id = ?").run(member.id);
    const roster = await t.app.invoke('print.roster', {}, t.adminToken);
    expect(roster.columns).toEqual(['name', 'sex', 'ethnicity', 'birthDate', 'education', 'category', 'joinDate', 'fullDate', 'idNumber', 'phone', 'address']);
    const row = roster.groups.flatMap((g) => g.rows).find((r) => r[0] === member.name)!;
    expect(row[roster.columns.indexOf('birthDate')]).toBe('1985年1月5日');
    expect(row[roster.columns.indexOf('address')]).toBe('幸福社区1区3号楼');
    for (const r of roster.groups.flatMap((g) => g.rows)) for (const cell of r) expect(cell).not.toMatch(/^\s|\s$|\d{4}-\d{2}-\d{2}/);
  });

  it('follows the view: only probationary members of one organization', async () => {
    const t = await seeded();
    const org = (await t.app.invoke('orgs.tree', {}, t.adminToken)).find((o) => o.level === 'community_committee')!;
    const roster = await t.app.invoke('print.roster', { orgId: org.id, category: 'probationary' }, t.adminToken);
    const { total } = await t.app.invoke('members.list', { orgId: org.id, category: 'probationary', limit: 1 }, t.adminToken);
    expect(roster.total).toBe(total);
    expect(roster.heading.unit).toBe(org.name);
    const category = roster.columns.indexOf('category');
    for (const g of roster.groups) for (const r of g.rows) expect(r[category]).toBe('预备党员');
  });
});

describe('public boards', () => {
  it('never carry an 11-digit mobile number or a full ID number, whatever was stored', async () => {
    const t = await seeded(200);
    await t.app.invoke('station.save', { stationName: '党群服务中心', address: '东华门大街 1 号', phone: '010-65000000' }, t.adminToken);
    const members = (await t.app.invoke('members.list', { limit: 5 }, t.adminToken)).members;
    const team = await t.app.invoke('teams.save', { teamName: '红色物业维修队', skill: 'repairs' }, t.adminToken);
    await t.app.invoke('volunteers.save', { memberId: members[0].id, teamId: team.id, phone: '13912345678' }, t.adminToken);
    await t.app.invoke('volunteers.save', { volunteerName: '郑建国', phone: '13700001111', skills: '水电维修，电话13700001111' }, t.adminToken);
    // A commitment typed with a phone and an ID number inside it.
    await t.app.invoke('commitments.save', { memberId: members[1].id, year: 2026, commitment: `有事请找我 13812345678，身份证 ${members[1].idNumber}` }, t.adminToken);

    // Two people of the development register: a candidate (发展对象公示) and an approved probationary member (拟转正公示).
    const branch = (await t.app.invoke('orgs.tree', {}, t.adminToken)).find((o) => o.level === 'branch')!;
    const db = t.app.database;
    const person = db.prepare(
      `INSERT INTO develop_people (name, id_number, sex, birth_date, org_id, stage, applied_on, last_step_on, created_at, updated_at)
       VALUES (?, ?, 1, '2000-04-12', ?, ?, '2023-03-01', '2025-09-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    );
    const step = db.prepare("INSERT INTO develop_steps (person_id, step, on_date, recorded_by, recorded_at) VALUES (?, ?, ?, 'test', '2026-01-01T00:00:00Z')");
    for (const [name, id, stage, steps] of [
      ['孙晓明', '110101200004120717', 'candidate', [['applied', '2023-03-01'], ['activist', '2024-03-01'], ['candidate', '2025-03-05']]],
      ['钱文静', '110101200004120725', 'probationary', [['applied', '2022-03-01'], ['activist', '2022-06-01'], ['candidate', '2023-06-05'], ['admitted', '2025-06-01'], ['approved', '2025-07-01']]],
    ] as const) {
      const personId = Number(person.run(name, id, branch.id, stage).lastInsertRowid);
      for (const [kind, on] of steps) step.run(personId, kind, on);
    }

    const boards: PrintBoard[] = [];
    for (const kind of BOARD_KINDS) boards.push(await t.app.invoke('print.board', { kind }, t.adminToken));
    for (const board of boards) {
      expect(board.total, board.kind).toBeGreaterThan(0);
      const texts = [board.heading.unit, ...board.groups.flatMap((g) => [g.title, g.team?.leader ?? '', ...g.rows.flat()])];
      for (const text of texts) {
        expect(text, `${board.kind}: ${text}`).not.toMatch(FULL_MOBILE);
        expect(text, `${board.kind}: ${text}`).not.toMatch(FULL_ID);
      }
    }
    const [volunteers, commitments, probationary, candidates, full] = boards;
    expect(candidates.groups.flatMap((g) => g.rows)).toContainEqual(['孙晓明', '男', '2000年4月', '11*************717', '2024年3月1日', '2025年3月5日']);
    expect(full.groups.flatMap((g) => g.rows)).toContainEqual(['钱文静', '男', '2000年4月', '11*************725', '2025年6月1日', '2026年6月1日']);
    expect(candidates.noticePeriod?.workdays).toBe(5);
    expect(volunteers.groups.flatMap((g) => g.rows.flat())).toContain('139****5678');
    // A team is posted with its field of service.
    expect(volunteers.groups.find((g) => g.title === '红色物业维修队')?.team).toMatchObject({ skill: 'repairs' });
    expect(commitments.groups[0].rows[0][1]).toContain('138****5678');
    expect(commitments.groups[0].rows[0][1]).toContain(`${members[1].idNumber.slice(0, 2)}*************${members[1].idNumber.slice(-3)}`);
    // Comments go to the station's office phone.
    for (const board of boards) expect(board.contact).toMatchObject({ phone: '010-65000000', address: '东华门大街 1 号' });
    // Addresses only to the community.
    const address = probationary.columns.indexOf('address');
    for (const r of probationary.groups.flatMap((g) => g.rows)) expect(r[address]).not.toMatch(/号|室|单元/);
    // Printed on Tuesday 2026-03-10: the probationary notice runs 5 working days from Wednesday, over the weekend.
    expect(probationary.noticePeriod).toEqual({ from: '2026-03-11', to: '2026-03-17', workdays: 5 });
    expect(volunteers.noticePeriod).toBeNull();
  });
});

describe('the introduction letter', () => {
  it('carries the letter as issued, and counts its prints so that a second copy is a reprint', async () => {
    const t = await seeded(50);
    const [member] = (await t.app.invoke('members.list', { limit: 1 }, t.adminToken)).members;
    await t.app.invoke('station.save', { stationName: '东华门街道党群服务中心', address: '东华门大街8号', postcode: '100006', phone: '010-65123456' }, t.adminToken);
    const transfer = await t.app.invoke(
      'transfers.create',
      { direction: 'out', letterNumber: '东华组转〔2026〕007号', memberId: member.id, issuedOn: '2026-03-10', validDays: 15, duesPaidTo: '2026-02', toOrgName: '西城区展览路街道党工委' },
      t.adminToken,
    );
    const letter = await t.app.invoke('print.letter', { transferId: transfer.id }, t.adminToken);
    expect(letter).toMatchObject({ letterNumber: '东华组转〔2026〕007号', memberName: member.name, validDays: 15, duesPaidTo: '2026-02', previousPrints: 0 });
    expect(letter.sender).toMatchObject({ address: '东华门大街8号', postcode: '100006', phone: '010-65123456' });
    // "由 … 转到 …" and the receipt's addressee name the branch in full: which community's 第N网格党支部 it is.
    const tree = await t.app.invoke('orgs.tree', {}, t.adminToken);
    const branch = tree.find((o) => o.id === member.orgId)!;
    const committee = tree.find((o) => o.id === branch.parentId)!;
    expect(letter.fromOrgName).toBe(`${committee.name}${branch.name}`);
    expect(letter.toOrgName).toBe('西城区展览路街道党工委');
    expect(letter.age).toBeGreaterThan(17);

    await t.app.invoke('print.record', { doc: 'letter', params: { transfer: String(transfer.id) }, action: 'print', records: 1 }, t.adminToken);
    expect((await t.app.invoke('print.letter', { transferId: transfer.id }, t.adminToken)).previousPrints).toBe(1);
    const { entries } = await t.app.invoke('audit.list', { action: 'print.record' }, t.adminToken);
    expect(entries[0]).toMatchObject({ username: 'admin', entity: 'transfer', entityId: String(transfer.id), after: { doc: 'letter', action: 'print', records: 1, copy: 1 } });
  });
});

describe('papers with station settings missing', () => {
  it('name what each public or outgoing paper is missing, and nothing once it is filled in', async () => {
    const t = await seeded(40);
    const [member] = (await t.app.invoke('members.list', { limit: 1 }, t.adminToken)).members;
    const communityId = (await t.app.invoke('communities.list', {}, t.adminToken))[0].id;
    const request = await accept(t, communityId);
    const transfer = await t.app.invoke(
      'transfers.create',
      { direction: 'out', letterNumber: '东华组转〔2026〕008号', memberId: member.id, issuedOn: '2026-03-10', validDays: 15, toOrgName: '西城区展览路街道党工委', duesPaidTo: '2026-02' },
      t.adminToken,
    );
    const papers = async () => ({
      threeLists: (await t.app.invoke('print.threeLists', {}, t.adminToken)).missing,
      slip: (await t.app.invoke('print.slip', { requestId: request.id }, t.adminToken)).missing,
      letter: (await t.app.invoke('print.letter', { transferId: transfer.id }, t.adminToken)).missing,
      board: (await t.app.invoke('print.board', { kind: 'volunteers' }, t.adminToken)).missing,
    });
    expect(await papers()).toEqual({
      threeLists: ['address', 'phone', 'hours'],
      slip: ['address', 'phone'],
      letter: ['address', 'phone', 'postcode'],
      board: ['phone'],
    });
    await t.app.invoke('station.save', { stationName: '', address: '东华门大街 1 号', postcode: '100006', phone: '010-65000000', hours: '周一至周五' }, t.adminToken);
    expect(await papers()).toEqual({ threeLists: [], slip: [], letter: [], board: [] });
  });

  it('the slip names the clerk who accepted the request', async () => {
    const t = await seeded(10);
    const communityId = (await t.app.invoke('communities.list', {}, t.adminToken))[0].id;
    const request = await accept(t, communityId);
    // A name carried over from an older record with a leading space.
    t.app.database.prepare("UPDATE service_requests SET resident_name = '  周桂兰' WHERE id = ?").run(request.id);
    const slip = await t.app.invoke('print.slip', { requestId: request.id }, t.adminToken);
    const admin = t.app.database.prepare("SELECT display_name FROM users WHERE username = 'admin'").get() as { display_name: string };
    expect(slip.acceptedBy).toBe(admin.display_name);
    expect(slip.residentName).toBe('周桂兰');
  });
});

describe('commitments', () => {
  it('allow one a member and year', async () => {
    const t = await seeded(20);
    const [member] = (await t.app.invoke('members.list', { limit: 1 }, t.adminToken)).members;
    await t.app.invoke('commitments.save', { memberId: member.id, year: 2026, commitment: '带头参加志愿服务' }, t.adminToken);
    const result = await t.app.call('commitments.save', { memberId: member.id, year: 2026, commitment: '再写一条' }, t.adminToken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('已有一条承诺');
    expect(await t.app.invoke('commitments.list', { year: 2026 }, t.adminToken)).toHaveLength(1);
  });
});
