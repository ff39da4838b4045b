// The catalog a new street starts with, volunteers and teams with their hours (also per Party member),
// partner merchants with agreements ending soon, and the month's numbers of the counter.
import { describe, expect, it } from 'vitest';
import { appsForEachTest, expectError } from '../../support/factory';
import { FIVE_DAY_MATTER, ON_THE_SPOT_MATTER, TEN_DAY_MATTER, accept, addCommunity, jumpTo, matterNamed } from './counter-support';

const app = appsForEachTest();

describe('the default catalog', () => {
  it('has at least 30 real matters on all three lists, each with materials, a limit and its legal basis', async () => {
    const t = await app();
    const matters = await t.app.invoke('matters.list', {}, t.adminToken);
    expect(matters.length).toBeGreaterThanOrEqual(30);
    for (const listClass of ['immediate', 'agency', 'guidance'] as const) expect(matters.some((m) => m.listClass === listClass)).toBe(true);
    for (const m of matters) {
      expect(m.materials.length, m.name).toBeGreaterThan(0);
      expect(m.legalBasis, m.name).toMatch(/《.+》/);
    }
    expect(matters.find((m) => m.name === '最低生活保障申请')).toMatchObject({ listClass: 'guidance', category: 'civil_affairs' });
    expect(matters.find((m) => m.name === '城乡居民养老保险个人账户卡（社会保障卡）申领')).toMatchObject({ listClass: 'agency', category: 'social_security' });
  });

  it('the administrator extends it, and a retired matter leaves the list but stays on request', async () => {
    const t = await app();
    const created = await t.app.invoke(
      'matters.create',
      { matterName: '电动自行车充电设施申请指导', listClass: 'guidance', category: 'other', materials: ['居民身份证'], limitDays: 1, responsiblePost: '综合服务窗口' },
      t.adminToken,
    );
    const taken = await expectError(t.app, 'matters.create', { matterName: '电动自行车充电设施申请指导', listClass: 'agency', category: 'other', limitDays: 3 }, t.adminToken, 'VALIDATION');
    expect(taken.details?.issues?.[0]).toMatchObject({ field: 'matterName', problem: 'matterNameTaken' });
    await t.app.invoke('matters.retire', { id: created.id }, t.adminToken);
    expect((await t.app.invoke('matters.list', {}, t.adminToken)).some((m) => m.id === created.id)).toBe(false);
    expect((await t.app.invoke('matters.list', { includeRetired: true }, t.adminToken)).find((m) => m.id === created.id)?.active).toBe(false);
  });
});

describe('volunteers and service teams', () => {
  it('records hours per volunteer and per team, and shows a Party member’s hours', async () => {
    const t = await app();
    const [root] = await t.app.invoke('orgs.tree', {}, t.adminToken);
    const member = await t.app.invoke('members.create', { orgId: root.id, fields: { name: '李四', idNumber: '370101190102039973', category: '正式党员', phone: '13812345678' } }, t.adminToken);
    const team = await t.app.invoke('teams.save', { teamName: '红色物业维修队', skill: 'repairs', leader: '王师傅' }, t.adminToken);
    const v = await t.app.invoke('volunteers.save', { memberId: member.id, teamId: team.id, skills: '水电维修' }, t.adminToken);
    expect(v).toMatchObject({ kind: 'member', name: '李四', phone: '13812345678', teamName: '红色物业维修队' });
    const twice = await expectError(t.app, 'volunteers.save', { memberId: member.id }, t.adminToken, 'VALIDATION');
    expect(twice.details?.issues?.[0]).toMatchObject({ field: 'memberId', problem: 'volunteerAlreadyRegistered' });
    await t.app.invoke('serviceRecords.create', { volunteerId: v.id, servedOn: '2026-03-02', hours: 2.5, content: '为独居老人修理水龙头' }, t.adminToken);
    await t.app.invoke('serviceRecords.create', { volunteerId: v.id, servedOn: '2026-03-09', hours: 1.5, content: '楼道灯更换' }, t.adminToken);
    const future = await expectError(t.app, 'serviceRecords.create', { volunteerId: v.id, servedOn: '2026-03-11', hours: 1, content: '预约维修' }, t.adminToken, 'VALIDATION');
    expect(future.details?.issues?.[0]).toMatchObject({ field: 'servedOn', problem: 'dateInFuture' });
    const hours = await t.app.invoke('volunteers.memberHours', { memberId: member.id }, t.adminToken);
    expect(hours).toMatchObject({ volunteerId: v.id, totalHours: 4 });
    expect(hours.records.map((r) => r.content)).toEqual(['楼道灯更换', '为独居老人修理水龙头']);
    expect((await t.app.invoke('teams.list', {}, t.adminToken))[0]).toMatchObject({ name: '红色物业维修队', volunteers: 1, hours: 4 });
    expect(await t.app.invoke('volunteers.memberHours', { memberId: 999 }, t.adminToken)).toEqual({ volunteerId: null, totalHours: 0, records: [] });
  });

  it('refuses a resident volunteer without a name and a team name used twice', async () => {
    const t = await app();
    const noName = await expectError(t.app, 'volunteers.save', { volunteerName: '', phone: '12345' }, t.adminToken, 'VALIDATION');
    expect(noName.details?.issues?.map((i) => i.field)).toEqual(['phone', 'volunteerName']);
    await t.app.invoke('teams.save', { teamName: '法律援助队', skill: 'legal_aid' }, t.adminToken);
    await expectError(t.app, 'teams.save', { teamName: '法律援助队', skill: 'other' }, t.adminToken, 'VALIDATION');
  });
});

describe('partner merchants', () => {
  it('lists agreements ending within 30 days, soonest first', async () => {
    const t = await app();
    const save = (merchantName: string, agreementEnd: string) =>
      t.app.invoke('merchants.save', { merchantName, category: 'catering', address: '东华门大街12号', walkMinutes: 6, offer: '老人午餐八折', agreementStart: '2025-04-01', agreementEnd }, t.adminToken);
    await save('长者食堂', '2026-03-31');
    await save('便民理发店', '2026-03-12');
    await save('家政服务站', '2026-12-31');
    await save('旧协议商户', '2026-03-01');
    const { merchants, endingSoon } = await t.app.invoke('merchants.list', {}, t.adminToken);
    expect(merchants).toHaveLength(4);
    expect(endingSoon.map((m) => [m.name, m.daysLeft])).toEqual([
      ['便民理发店', 2],
      ['长者食堂', 21],
    ]);
    const backwards = await expectError(t.app, 'merchants.save', { merchantName: '错日期', category: 'other', address: '某路1号', offer: '优惠', agreementStart: '2026-05-01', agreementEnd: '2026-04-01' }, t.adminToken, 'VALIDATION');
    expect(backwards.details?.issues?.[0]).toMatchObject({ field: 'agreementEnd', problem: 'agreementEndBeforeStart' });
  });
});

describe('the month’s numbers', () => {
  it('counts by list and matter, the on-time rate, average satisfaction, open overdue and volunteer hours by team', async () => {
    const t = await app({ start: new Date(2026, 2, 2, 9) });
    const c = await addCommunity(t);
    const a = await accept(t, c, FIVE_DAY_MATTER); // due 03-09
    const b = await accept(t, c, FIVE_DAY_MATTER); // due 03-09
    const spot = await accept(t, c, ON_THE_SPOT_MATTER);
    await accept(t, c, TEN_DAY_MATTER); // due 03-16, open
    await t.app.invoke('requests.complete', { id: spot.id, result: '当场出具', satisfaction: 5 }, t.adminToken);
    await jumpTo(t, '2026-03-06');
    await t.app.invoke('requests.complete', { id: a.id, result: '已报区社保中心', satisfaction: 4 }, t.adminToken);
    await jumpTo(t, '2026-03-17');
    await t.app.invoke('requests.complete', { id: b.id, result: '已报区社保中心', satisfaction: 2 }, t.adminToken);
    const team = await t.app.invoke('teams.save', { teamName: '助老探访队', skill: 'elderly_visits' }, t.adminToken);
    const v = await t.app.invoke('volunteers.save', { volunteerName: '郑建国', teamId: team.id }, t.adminToken);
    await t.app.invoke('serviceRecords.create', { volunteerId: v.id, servedOn: '2026-03-10', hours: 3, content: '探访独居老人' }, t.adminToken);
    await t.app.invoke('serviceRecords.create', { volunteerId: v.id, servedOn: '2026-02-10', hours: 8, content: '春节慰问' }, t.adminToken);

    const stats = await t.app.invoke('counter.stats', { period: '2026-03' }, t.adminToken);
    expect(stats).toMatchObject({
      period: '2026-03',
      accepted: 4,
      byList: [
        { listClass: 'immediate', count: 1 },
        { listClass: 'agency', count: 3 },
        { listClass: 'guidance', count: 0 },
      ],
      closed: 3,
      closedOnTime: 2,
      onTimeRate: 66.7,
      rated: 3,
      averageSatisfaction: 3.67,
      openOverdue: 1,
      volunteerHoursByTeam: [{ teamName: '助老探访队', hours: 3, records: 1 }],
    });
    expect(stats.byMatter[0]).toMatchObject({ matterName: FIVE_DAY_MATTER, count: 2 });
    // The team's own total counts the same records as the month's table.
    expect((await t.app.invoke('teams.list', {}, t.adminToken)).find((x) => x.name === '助老探访队')).toMatchObject({ hours: 11 });

    // Renamed during the month, a matter stays one row (under its latest name); moved to another list, one per list.
    const five = await matterNamed(t, FIVE_DAY_MATTER);
    await t.app.invoke('matters.update', { id: five.id, version: five.version, matterName: '城乡居民养老保险参保登记' }, t.adminToken);
    await accept(t, c, '城乡居民养老保险参保登记');
    const renamed = await matterNamed(t, '城乡居民养老保险参保登记');
    await t.app.invoke('matters.update', { id: renamed.id, version: renamed.version, listClass: 'guidance' }, t.adminToken);
    await accept(t, c, '城乡居民养老保险参保登记');
    const later = await t.app.invoke('counter.stats', { period: '2026-03' }, t.adminToken);
    const rows = later.byMatter.filter((r) => r.matterId === five.id);
    expect(rows.map((r) => [r.listClass, r.matterName, r.count])).toEqual([
      ['agency', '城乡居民养老保险参保登记', 3],
      ['guidance', '城乡居民养老保险参保登记', 1],
    ]);
    const empty = await t.app.invoke('counter.stats', { period: '2026-01' }, t.adminToken);
    expect(empty).toMatchObject({ accepted: 0, onTimeRate: null, averageSatisfaction: null });
    await expectError(t.app, 'counter.stats', { period: '2026-13' }, t.adminToken, 'VALIDATION');
  });
});
