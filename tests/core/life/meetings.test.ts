// Meetings of organizational life through the contract on a real SQLite file: the roster of the day ticked
// present with the absences as exceptions, the quorum of a 党员大会 (full members only) and of a 支委会, the
// refusals a clerk meets (future date, twice the same meeting, someone not on the roster, an absence without
// its reason), the finalized month's freeze and the community scope, and a member's participation.
import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../src/shared/api/contract';
import { formatError } from '../../../src/shared/i18n/messages';
import { USER_PASSWORD, appsForEachTest, count, expectError, expectOk, tableSnapshot } from '../../support/factory';
import { lifeStreet, type LifeStreet } from './life-street';

const app = appsForEachTest();

async function street(): Promise<LifeStreet> {
  return lifeStreet(await app());
}

const meeting = (s: LifeStreet, extra: Partial<ApiInput<'life.save'>> = {}): ApiInput<'life.save'> => ({ orgId: s.branch, meetingType: 'branch-meeting', heldOn: '2026-03-06', topic: '学习贯彻党的二十届三中全会精神', ...extra });

describe('recording a meeting', () => {
  it('ticks the roster of the day present and keeps the absences as given, with the totals', async () => {
    const s = await street();
    const { t } = s;
    const roster = await t.app.invoke('life.roster', { orgId: s.branch, heldOn: '2026-03-06' }, t.adminToken);
    // 7 full (one in the Party group below), 2 probationary, the mobile member, the late joiner (joined 02-20); not the other branch's member.
    expect(roster.members.map((m) => m.name).sort()).toEqual([...s.full, ...s.probationary, s.mobile, s.lateJoiner].map((m) => m.name).sort());
    expect(roster.entitled).toBe(8);
    const saved = await t.app.invoke('life.save', meeting(s, { absences: [{ memberId: s.full[3].id, state: 'absent' as const, reason: '加班' }] }), t.adminToken);
    expect(saved.totals).toMatchObject({ roster: 11, present: 10, absent: 1, leave: 0, entitled: 8, entitledPresent: 7 });
    expect(saved.invalidReason).toBeNull();
    expect(saved.attendance.find((a) => a.memberId === s.full[3].id)).toMatchObject({ state: 'absent' as const, reason: '加班' });
    // Before the late joiner joined, the roster is one shorter.
    const february = await t.app.invoke('life.roster', { orgId: s.branch, heldOn: '2026-02-10' }, t.adminToken);
    expect(february.members.map((m) => m.memberId)).not.toContain(s.lateJoiner.id);
  });

  it('marks a 党员大会 without more than half the full members present invalid: probationary members do not vote', async () => {
    const s = await street();
    const { t } = s;
    // 8 with the vote; 4 of them present (plus the 2 probationary) is not more than half.
    const away = [s.full[0], s.full[1], s.full[2], s.mobile].map((m) => ({ memberId: m.id, state: 'leave' as const, reason: '外出' }));
    const short = await t.app.invoke('life.save', meeting(s, { absences: away }), t.adminToken);
    expect(short.invalidReason).toBe('noQuorum');
    expect(short.totals).toMatchObject({ entitled: 8, entitledPresent: 4, present: 7 });
    // One more full member present (5 of 8) makes it valid.
    const valid = await t.app.invoke('life.save', meeting(s, { id: short.id, version: short.version, absences: away.slice(1) }), t.adminToken);
    expect(valid.invalidReason).toBeNull();
    expect(valid.version).toBe(short.version + 1);
  });

  it('counts a 支委会 with the committee in office: more than half of three', async () => {
    const s = await street();
    const { t } = s;
    const roster = await t.app.invoke('life.roster', { orgId: s.branch, meetingType: 'committee', heldOn: '2026-03-02' }, t.adminToken);
    expect(roster.members.map((m) => m.name).sort()).toEqual(s.full.slice(0, 3).map((m) => m.name).sort());
    const one = await t.app.invoke('life.save', meeting(s, { meetingType: 'committee', heldOn: '2026-03-02', absences: [1, 2].map((i) => ({ memberId: s.full[i].id, state: 'absent' as const, reason: '出差' })) }), t.adminToken);
    expect(one.invalidReason).toBe('noCommitteeQuorum');
    const two = await t.app.invoke('life.save', meeting(s, { meetingType: 'committee', heldOn: '2026-03-03', absences: [{ memberId: s.full[2].id, state: 'absent' as const, reason: '出差' }] }), t.adminToken);
    expect(two.invalidReason).toBeNull();
    expect(two.totals).toMatchObject({ entitled: 3, entitledPresent: 2 });
  });

  it('refuses a held meeting in the future, and accepts it planned', async () => {
    const s = await street();
    const { t } = s;
    const error = await expectError(t.app, 'life.save', meeting(s, { heldOn: '2026-03-11' }), t.adminToken, 'VALIDATION');
    expect(formatError(error, 'zh-CN', 'life.save')).toContain('会议日期：晚于今天（2026-03-10）');
    const planned = await expectOk(t.app, 'life.save', meeting(s, { heldOn: '2026-03-11', status: 'planned' }), t.adminToken);
    expect(planned.attendance).toEqual([]);
    // Held once the day has come: the roster of the day is taken then.
    t.clock.set(new Date(2026, 2, 11, 18, 0, 0));
    const token = (await t.app.invoke('auth.login', { username: 'admin', password: 'Admin2026pass' })).token;
    const held = await t.app.invoke('life.save', meeting(s, { id: planned.id, heldOn: '2026-03-11', status: 'held' }), token);
    expect(held.totals.present).toBe(11);
  });

  it('refuses the same meeting twice, someone not on the roster, and absences without their reason — naming the row, and writing nothing', async () => {
    const s = await street();
    const { t } = s;
    const first = await t.app.invoke('life.save', meeting(s), t.adminToken);
    const before = tableSnapshot(t.app.sqlite);
    const twice = await expectError(t.app, 'life.save', meeting(s), t.adminToken, 'VALIDATION');
    expect(formatError(twice, 'zh-CN', 'life.save')).toContain(`该组织这一天已记录过同类会议（编号 ${first.id}），一次会议只能计一次`);
    const bad = await expectError(
      t.app,
      'life.save',
      meeting(s, {
        heldOn: '2026-02-10',
        absences: [
          { memberId: s.outsider.id, state: 'absent' as const, reason: '' },
          { memberId: s.lateJoiner.id, state: 'absent' as const, reason: '' },
          { memberId: s.mobile.id, state: 'absent' as const, reason: '' },
          { memberId: s.full[4].id, state: 'leave' as const, reason: '' },
        ],
      }),
      t.adminToken,
      'VALIDATION',
    );
    const zh = formatError(bad, 'zh-CN', 'life.save');
    expect(zh).toContain(`缺席或请假的党员：第 1 项不是该组织 2026-02-10 名册上的党员（填写的是“${s.outsider.name}”）`);
    expect(zh).toContain(`第 2 项不是该组织 2026-02-10 名册上的党员（填写的是“${s.lateJoiner.name}”）`);
    expect(zh).toContain(`缺席或请假原因：第 3 项（${s.mobile.name}）是流动党员，缺席须写明原因`);
    expect(zh).toContain(`第 4 项（${s.full[4].name}）请假须写明原因`);
    expect(formatError(bad, 'en', 'life.save')).toContain(`Absent member item 1 is not on the organization’s roster of 2026-02-10 (you entered “${s.outsider.name}”)`);
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });

  it('counts a joint meeting for every branch that took part, its roster the members of all', async () => {
    const s = await street();
    const { t } = s;
    const joint = await t.app.invoke('life.save', meeting(s, { meetingType: 'lecture', jointOrgIds: [s.otherBranch] }), t.adminToken);
    expect(joint.totals.roster).toBe(12);
    expect(joint.jointOrgNames).toEqual(['第二网格党支部']);
    const other = await t.app.invoke('life.list', { orgId: s.otherBranch }, t.adminToken);
    expect(other.map((m) => m.id)).toEqual([joint.id]);
  });
});

describe('the freeze and the scope', () => {
  it('refuses a meeting dated in a finalized month, naming the month; a clerk of another community cannot record for the branch', async () => {
    const s = await street();
    const { t } = s;
    await t.app.invoke('returns.check', { period: '2026-02' }, t.adminToken);
    await t.app.invoke('returns.finalize', { period: '2026-02' }, t.adminToken);
    const frozen = await expectError(t.app, 'life.save', meeting(s, { heldOn: '2026-02-26' }), t.adminToken, 'VALIDATION');
    expect(frozen.details?.issues?.[0]).toMatchObject({ field: 'heldOn', problem: 'periodFinalized', params: { period: '2026-02' } });
    expect(formatError(frozen, 'zh-CN', 'life.save')).toContain('会议日期');

    await t.app.invoke('communities.save', { name: '和平社区', divisionCode: '110101001002' }, t.adminToken);
    await t.app.invoke('users.create', { username: 'peaceclerk', displayName: '和平社区干事', role: 'clerk', password: USER_PASSWORD, scopeCommunityCode: '110101001002' }, t.adminToken);
    const clerk = (await t.app.invoke('auth.login', { username: 'peaceclerk', password: USER_PASSWORD })).token;
    const refused = await expectError(t.app, 'life.save', meeting(s), clerk, 'FORBIDDEN');
    expect(refused.details?.issues?.[0]).toMatchObject({ field: 'orgId', problem: 'orgOutsideScope' });
    expect(count(t.app.database, 'meetings')).toBe(0);
    // The lists and the compliance grid show the clerk nothing of the other community.
    await t.app.invoke('life.save', meeting(s), t.adminToken);
    expect(await t.app.invoke('life.list', {}, clerk)).toEqual([]);
    expect((await t.app.invoke('life.compliance', { year: 2026 }, clerk)).rows).toEqual([]);
  });
});

describe('a member’s participation', () => {
  it('counts times present and lists absences with reasons; six months without being present is flagged', async () => {
    const s = await street();
    const { t } = s;
    t.clock.set(new Date(2026, 8, 30, 18, 0, 0));
    const token = (await t.app.invoke('auth.login', { username: 'admin', password: 'Admin2026pass' })).token;
    // One theme day a month, April to September; 周 is away each time, 王 misses only June.
    for (const month of ['04', '05', '06', '07', '08', '09']) {
      const absences = [{ memberId: s.full[4].id, state: 'absent' as const, reason: `${month}月在外地` }, ...(month === '06' ? [{ memberId: s.full[0].id, state: 'leave' as const, reason: '住院' }] : [])];
      await t.app.invoke('life.save', { orgId: s.branch, meetingType: 'theme-day', heldOn: `2026-${month}-10`, topic: '主题党日', absences }, token);
    }
    const away = await t.app.invoke('life.participation', { memberId: s.full[4].id }, token);
    expect(away).toMatchObject({ present: 0, absent: 6, leave: 0, flagged: true });
    expect(away.absences[0]).toMatchObject({ heldOn: '2026-09-10', reason: '09月在外地' });
    const mostly = await t.app.invoke('life.participation', { memberId: s.full[0].id }, token);
    expect(mostly).toMatchObject({ present: 5, leave: 1, flagged: false });
    expect(mostly.absences).toEqual([expect.objectContaining({ heldOn: '2026-06-10', state: 'leave' as const, reason: '住院' })]);
  });
});
