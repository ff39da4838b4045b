// Transfers of membership: a letter out, in and within the street from issue to receipt, what each step does
// to the roll and its history, the open and overdue lists as days pass, and the refusals a clerk would meet.
import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../src/shared/api/contract';
import { formatError } from '../../../src/shared/i18n/messages';
import { ADMIN, DAY, addUser, appsForEachTest, expectError, tableSnapshot, type TestApp } from '../../support/factory';

const app = appsForEachTest();

interface Street extends TestApp {
  branch: number;
  other: number;
  /** A branch of another community (its grids are not the first branch's). */
  west: number;
  liSi: number;
}

const LI_SI = { name: '李四', idNumber: '370101190102039973', category: '正式党员', joinDate: '1950-07-01', fullDate: '1951-07-01', grid: '第一网格' };
const OUTSIDE = '西城区展览路街道党工委';

async function street(): Promise<Street> {
  const t = await app();
  const root = (await t.app.invoke('orgs.tree', {}, t.adminToken))[0];
  const east = await t.app.invoke('communities.save', { name: '东华社区', divisionCode: '110101001001' }, t.adminToken);
  const westCommunity = await t.app.invoke('communities.save', { name: '西华社区', divisionCode: '110101001002' }, t.adminToken);
  await t.app.invoke('grids.save', { communityId: east.id, name: '第一网格' }, t.adminToken);
  const committee = await t.app.invoke('orgs.create', { parentId: root.id, name: '东华社区党委', level: 'community_committee', communityId: east.id }, t.adminToken);
  const westCommittee = await t.app.invoke('orgs.create', { parentId: root.id, name: '西华社区党委', level: 'community_committee', communityId: westCommunity.id }, t.adminToken);
  const branch = await t.app.invoke('orgs.create', { parentId: committee.id, name: '第一网格党支部', level: 'branch' }, t.adminToken);
  const other = await t.app.invoke('orgs.create', { parentId: committee.id, name: '第二网格党支部', level: 'branch' }, t.adminToken);
  const west = await t.app.invoke('orgs.create', { parentId: westCommittee.id, name: '西华第一党支部', level: 'branch' }, t.adminToken);
  const liSi = await t.app.invoke('members.create', { orgId: branch.id, fields: LI_SI }, t.adminToken);
  return Object.assign(t, { branch: branch.id, other: other.id, west: west.id, liSi: liSi.id });
}

const letterOut = (t: Street, extra: Partial<ApiInput<'transfers.create'>> = {}): ApiInput<'transfers.create'> => ({
  direction: 'out',
  letterNumber: '东华组转〔2026〕001号',
  memberId: t.liSi,
  issuedOn: '2026-03-10',
  toOrgName: OUTSIDE,
  duesPaidTo: '2026年3月',
  ...extra,
});

const letterIn = (t: Street, extra: Partial<ApiInput<'transfers.create'>> = {}): ApiInput<'transfers.create'> => ({
  direction: 'in',
  letterNumber: '西展组转〔2026〕017号',
  person: { name: '钱 进', idNumber: '110105199003030031', category: 'probationary' },
  issuedOn: '2026-03-09',
  fromOrgName: OUTSIDE,
  toOrgId: t.branch,
  ...extra,
});

/** Steps the clock by whole days; the idle lock that a real pause would bring is lifted again. */
async function passDays(t: TestApp, days: number): Promise<void> {
  t.clock.advance(days * DAY);
  await t.app.invoke('auth.unlock', { password: ADMIN.password }, t.adminToken);
}

const history = async (t: TestApp, memberId: number) => (await t.app.invoke('members.get', { id: memberId }, t.adminToken)).events.map((e) => e.kind);

describe('a transfer out of the street', () => {
  it('is open from issue until the receipt is back; then the member leaves the roll for history (transfer out)', async () => {
    const t = await street();
    const letter = await t.app.invoke('transfers.create', letterOut(t), t.adminToken);
    expect(letter).toMatchObject({
      status: 'issued',
      memberName: '李四',
      memberIdNumber: '370101190102039973',
      memberCategory: 'full',
      fromOrgId: t.branch,
      fromOrgName: '东华社区党委第一网格党支部',
      toOrgId: null,
      toOrgName: OUTSIDE,
      validDays: 10,
      validUntil: '2026-03-20',
      daysLeft: 10,
      duesPaidTo: '2026-03',
      open: true,
      expired: false,
      receiptOverdue: false,
    });
    expect((await t.app.invoke('transfers.list', { open: true }, t.adminToken)).transfers.map((r) => r.letterNumber)).toEqual(['东华组转〔2026〕001号']);

    await passDays(t, 2);
    const received = await t.app.invoke('transfers.receive', { id: letter.id, on: '2026-03-12' }, t.adminToken);
    expect(received).toMatchObject({ status: 'received', receivedOn: '2026-03-12', open: true, daysLeft: null, receiptDueOn: '2026-04-12' });
    expect((await t.app.invoke('members.list', {}, t.adminToken)).total).toBe(1);

    await passDays(t, 10);
    const closed = await t.app.invoke('transfers.returnReceipt', { id: letter.id, on: '2026-03-20' }, t.adminToken);
    expect(closed).toMatchObject({ status: 'receipt_returned', receiptReturnedOn: '2026-03-20', open: false, receiptOverdue: false });
    expect((await t.app.invoke('members.list', {}, t.adminToken)).total).toBe(0);
    const detail = await t.app.invoke('members.get', { id: t.liSi }, t.adminToken);
    expect(detail).toMatchObject({ member: { status: 'history' }, leftOn: '2026-03-20', leftReason: 'transfer_out', leftNote: OUTSIDE });
    expect(detail.events.map((e) => e.kind)).toEqual(['created', 'left']);
    expect((await t.app.invoke('transfers.list', { open: true }, t.adminToken)).total).toBe(0);
    expect((await t.app.invoke('transfers.list', { memberId: t.liSi }, t.adminToken)).transfers).toHaveLength(1);
  });

  it('can be closed by the receipt alone, which says when the member was received', async () => {
    const t = await street();
    const letter = await t.app.invoke('transfers.create', letterOut(t), t.adminToken);
    await passDays(t, 8);
    const closed = await t.app.invoke('transfers.returnReceipt', { id: letter.id, on: '2026-03-18', receivedOn: '2026-03-13' }, t.adminToken);
    expect(closed).toMatchObject({ status: 'receipt_returned', receivedOn: '2026-03-13', receiptReturnedOn: '2026-03-18' });
    expect((await t.app.invoke('members.get', { id: t.liSi }, t.adminToken)).leftReason).toBe('transfer_out');
  });
});

describe('a transfer into the street', () => {
  it('puts the person on the roll of the receiving branch when received, with the ID number’s birth date and sex', async () => {
    const t = await street();
    const letter = await t.app.invoke('transfers.create', letterIn(t), t.adminToken);
    expect(letter).toMatchObject({ memberId: null, memberName: '钱进', fromOrgId: null, fromOrgName: OUTSIDE, toOrgName: '东华社区党委第一网格党支部', open: true });
    expect((await t.app.invoke('members.list', { query: '钱进' }, t.adminToken)).total).toBe(0);

    await passDays(t, 1);
    const received = await t.app.invoke('transfers.receive', { id: letter.id, on: '2026-03-11' }, t.adminToken);
    expect(received).toMatchObject({ status: 'received', open: false, memberId: expect.any(Number) });
    const detail = await t.app.invoke('members.get', { id: received.memberId! }, t.adminToken);
    expect(detail.member).toMatchObject({ name: '钱进', branch: '第一网格党支部', category: 'probationary', sex: 1, birthDate: '1990-03-03', status: 'active' });
    expect(detail.events.map((e) => e.kind)).toEqual(['created', 'transferred_in']);
    expect(detail.events[1]).toMatchObject({ onDate: '2026-03-11', detail: { letter: '西展组转〔2026〕017号', fromOrgName: OUTSIDE } });
  });

  it('brings back the record of someone who once left, instead of making a second one', async () => {
    const t = await street();
    await t.app.invoke('members.leave', { id: t.liSi, version: 1, on: '2020-05-01', reason: 'transfer_out' }, t.adminToken);
    const letter = await t.app.invoke(
      'transfers.create',
      letterIn(t, { person: { name: '李四', idNumber: '370101190102039973', category: 'full' }, toOrgId: t.west }),
      t.adminToken,
    );
    const received = await t.app.invoke('transfers.receive', { id: letter.id, on: '2026-03-10' }, t.adminToken);
    expect(received.memberId).toBe(t.liSi);
    const detail = await t.app.invoke('members.get', { id: t.liSi }, t.adminToken);
    expect(detail).toMatchObject({ member: { status: 'active', branch: '西华第一党支部', grid: null, joinDate: '1950-07-01' }, leftOn: null, leftReason: null });
    expect(detail.events.map((e) => e.kind)).toEqual(['created', 'left', 'transferred_in']);
    expect((await t.app.invoke('members.list', {}, t.adminToken)).total).toBe(1);
  });
});

describe('a transfer within the street', () => {
  it('moves the member to the receiving branch when received, keeping a grid of the same community', async () => {
    const t = await street();
    const letter = await t.app.invoke('transfers.create', { direction: 'within', letterNumber: '东华组内〔2026〕3号', memberId: t.liSi, issuedOn: '2026-03-10', toOrgId: t.other }, t.adminToken);
    expect(letter).toMatchObject({ fromOrgName: '东华社区党委第一网格党支部', toOrgName: '东华社区党委第二网格党支部' });
    const tooSoon = await expectError(t.app, 'transfers.returnReceipt', { id: letter.id, on: '2026-03-10' }, t.adminToken, 'VALIDATION');
    expect(tooSoon.details?.issues?.[0]).toMatchObject({ field: 'id', problem: 'transferNotReceived' });
    const received = await t.app.invoke('transfers.receive', { id: letter.id, on: '2026-03-10' }, t.adminToken);
    expect(received).toMatchObject({ status: 'received', open: true, receiptOverdue: false });
    const detail = await t.app.invoke('members.get', { id: t.liSi }, t.adminToken);
    expect(detail.member).toMatchObject({ branch: '第二网格党支部', grid: '第一网格', status: 'active', version: 2 });
    expect(detail.events.at(-1)).toMatchObject({ kind: 'moved', onDate: '2026-03-10', detail: { fromOrgId: t.branch, toOrgId: t.other, letter: '东华组内〔2026〕3号' } });

    const closed = await t.app.invoke('transfers.returnReceipt', { id: letter.id, on: '2026-03-10' }, t.adminToken);
    expect(closed).toMatchObject({ status: 'receipt_returned', open: false });
    expect((await t.app.invoke('members.get', { id: t.liSi }, t.adminToken)).member.status).toBe('active');
  });

  it('drops a grid of the old community when the member moves to another community', async () => {
    const t = await street();
    const letter = await t.app.invoke('transfers.create', { direction: 'within', letterNumber: '东华组内〔2026〕4号', memberId: t.liSi, issuedOn: '2026-03-10', toOrgId: t.west }, t.adminToken);
    await t.app.invoke('transfers.receive', { id: letter.id, on: '2026-03-10' }, t.adminToken);
    expect((await t.app.invoke('members.get', { id: t.liSi }, t.adminToken)).member).toMatchObject({ branch: '西华第一党支部', grid: null, community: '西华社区' });
  });
});

describe('a cancelled letter', () => {
  it('closes the transfer, leaves the member where they were, and can be neither received nor cancelled again', async () => {
    const t = await street();
    const letter = await t.app.invoke('transfers.create', letterOut(t), t.adminToken);
    const cancelled = await t.app.invoke('transfers.cancel', { id: letter.id, on: '2026-03-10', reason: '本人工作变动取消' }, t.adminToken);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledOn: '2026-03-10', cancelReason: '本人工作变动取消', open: false, daysLeft: null });
    expect((await t.app.invoke('members.get', { id: t.liSi }, t.adminToken)).member.status).toBe('active');
    expect((await t.app.invoke('transfers.list', { status: 'cancelled' }, t.adminToken)).total).toBe(1);

    const again = await expectError(t.app, 'transfers.receive', { id: letter.id, on: '2026-03-10' }, t.adminToken, 'VALIDATION');
    expect(again.details?.issues?.[0]).toMatchObject({ field: 'id', problem: 'transferCancelled', params: { cancelledOn: '2026-03-10' } });
    await expectError(t.app, 'transfers.cancel', { id: letter.id, on: '2026-03-10', reason: '再次作废' }, t.adminToken, 'VALIDATION');
    // A new letter may be issued for the member once the old one is cancelled.
    await t.app.invoke('transfers.create', letterOut(t, { letterNumber: '东华组转〔2026〕002号' }), t.adminToken);
  });
});

describe('as days pass', () => {
  it('a letter not received within its validity shows as expired and overdue; a late arrival can still be recorded', async () => {
    const t = await street();
    const letter = await t.app.invoke('transfers.create', letterOut(t), t.adminToken);
    await passDays(t, 10);
    let row = (await t.app.invoke('transfers.list', {}, t.adminToken)).transfers[0];
    expect(row).toMatchObject({ status: 'issued', daysLeft: 0, expired: false });
    expect((await t.app.invoke('transfers.list', { overdue: true }, t.adminToken)).total).toBe(0);

    await passDays(t, 1);
    row = (await t.app.invoke('transfers.list', {}, t.adminToken)).transfers[0];
    expect(row).toMatchObject({ status: 'expired', daysLeft: -1, expired: true, open: true, receiptOverdue: false });
    expect((await t.app.invoke('transfers.list', { overdue: true }, t.adminToken)).transfers.map((r) => r.id)).toEqual([letter.id]);
    expect((await t.app.invoke('transfers.list', { status: 'expired' }, t.adminToken)).total).toBe(1);
    expect((await t.app.invoke('transfers.list', { status: 'issued' }, t.adminToken)).total).toBe(0);

    const late = await t.app.invoke('transfers.receive', { id: letter.id, on: '2026-03-21' }, t.adminToken);
    expect(late).toMatchObject({ status: 'received', expired: false });
  });

  it('an out letter whose receipt is not back a month after receipt shows as receipt overdue', async () => {
    const t = await street();
    const letter = await t.app.invoke('transfers.create', letterOut(t), t.adminToken);
    await passDays(t, 2);
    await t.app.invoke('transfers.receive', { id: letter.id, on: '2026-03-12' }, t.adminToken);
    await passDays(t, 31); // 2026-04-12: the last day the receipt is due
    expect((await t.app.invoke('transfers.list', { overdue: true }, t.adminToken)).total).toBe(0);
    await passDays(t, 1);
    const [row] = (await t.app.invoke('transfers.list', { overdue: true }, t.adminToken)).transfers;
    expect(row).toMatchObject({ id: letter.id, status: 'received', receiptDueOn: '2026-04-12', receiptOverdue: true, expired: false, open: true });
  });

  it('a long-valid out letter not received after a month is receipt overdue though not expired', async () => {
    const t = await street();
    await t.app.invoke('transfers.create', letterOut(t, { validDays: 92 }), t.adminToken);
    await passDays(t, 32);
    const [row] = (await t.app.invoke('transfers.list', { open: true, overdue: true }, t.adminToken)).transfers;
    expect(row).toMatchObject({ status: 'issued', expired: false, receiptOverdue: true, daysLeft: 60 });
  });
});

describe('refusals', () => {
  it('a second open letter for the same member, naming the letter already open', async () => {
    const t = await street();
    await t.app.invoke('transfers.create', letterOut(t), t.adminToken);
    const error = await expectError(t.app, 'transfers.create', letterOut(t, { letterNumber: '东华组转〔2026〕002号' }), t.adminToken, 'VALIDATION');
    expect(error.details?.issues).toEqual([expect.objectContaining({ field: 'memberId', problem: 'transferAlreadyOpen', params: { letter: '东华组转〔2026〕001号' } })]);
    expect(formatError(error, 'zh-CN')).toContain('该党员已有一封未办结的介绍信（编号 东华组转〔2026〕001号）');
  });

  it('a letter number used twice in the same direction (full-width digits read as the same number)', async () => {
    const t = await street();
    await t.app.invoke('transfers.create', letterOut(t), t.adminToken);
    // Incoming letters are numbered by their senders: the same number as an out letter is no clash.
    await t.app.invoke('transfers.create', letterIn(t, { letterNumber: '东华组转〔2026〕001号' }), t.adminToken);
    const twice = await expectError(t.app, 'transfers.create', letterIn(t, { letterNumber: '东华组转〔２０２６〕００１号', person: { name: '孙丽', idNumber: '320102198511200047', category: 'full' } }), t.adminToken, 'VALIDATION');
    expect(twice.details?.issues?.[0]).toMatchObject({ field: 'letterNumber', problem: 'transferLetterTaken', params: { name: '钱进', issuedOn: '2026-03-09' } });
    expect(formatError(twice, 'zh-CN')).toContain('介绍信编号');
  });

  it('a validity outside 1–92 days, an issue date in the future, and the same organization on both sides', async () => {
    const t = await street();
    for (const validDays of [0, 93]) {
      const error = await expectError(t.app, 'transfers.create', letterOut(t, { validDays }), t.adminToken, 'VALIDATION');
      expect(error.details?.issues?.[0]).toMatchObject({ field: 'validDays', problem: 'validDaysRange', value: validDays });
      expect(formatError(error, 'zh-CN')).toContain('有效期（天）：有效期为 1 至 92 天');
    }
    const future = await expectError(t.app, 'transfers.create', letterOut(t, { issuedOn: '2026-03-11' }), t.adminToken, 'VALIDATION');
    expect(future.details?.issues).toEqual([expect.objectContaining({ field: 'issuedOn', problem: 'dateInFuture' })]);
    const dues = await expectError(t.app, 'transfers.create', letterOut(t, { duesPaidTo: '三月' }), t.adminToken, 'VALIDATION');
    expect(dues.details?.issues).toEqual([expect.objectContaining({ field: 'duesPaidTo', problem: 'monthFormat', value: '三月' })]);
    const same = await expectError(t.app, 'transfers.create', { direction: 'within', letterNumber: '内1', memberId: t.liSi, issuedOn: '2026-03-10', toOrgId: t.branch }, t.adminToken, 'VALIDATION');
    expect(same.details?.issues).toEqual([expect.objectContaining({ field: 'toOrgId', problem: 'transferSameOrg' })]);
  });

  it('an organization on the wrong side of the street boundary, and a sending branch the member is not in', async () => {
    const t = await street();
    const outToTree = await expectError(t.app, 'transfers.create', letterOut(t, { toOrgName: undefined, toOrgId: t.other }), t.adminToken, 'VALIDATION');
    expect(outToTree.details?.issues).toEqual([expect.objectContaining({ field: 'toOrgId', problem: 'transferOrgOutside' })]);
    const withinByName = await expectError(t.app, 'transfers.create', { direction: 'within', letterNumber: '内2', memberId: t.liSi, issuedOn: '2026-03-10', toOrgName: '第二网格党支部' }, t.adminToken, 'VALIDATION');
    expect(withinByName.details?.issues).toEqual([expect.objectContaining({ field: 'toOrgName', problem: 'transferOrgInTree' })]);
    const wrongFrom = await expectError(t.app, 'transfers.create', letterOut(t, { fromOrgId: t.other }), t.adminToken, 'VALIDATION');
    expect(wrongFrom.details?.issues).toEqual([expect.objectContaining({ field: 'fromOrgId', problem: 'transferFromNotMembersOrg', params: { org: '第一网格党支部' } })]);
  });

  it('an incoming person with a mistyped ID number (the members’ messages) or one already on the roll', async () => {
    const t = await street();
    const typo = await expectError(t.app, 'transfers.create', letterIn(t, { person: { name: '钱进', idNumber: '110105199003030032', category: 'full' } }), t.adminToken, 'VALIDATION');
    expect(typo.details?.issues).toEqual([expect.objectContaining({ field: 'person.idNumber', problem: 'idChecksum', value: '110105199003030032' })]);
    expect(formatError(typo, 'zh-CN')).toContain('公民身份号码：最后一位校验码对不上');
    const short = await expectError(t.app, 'transfers.create', letterIn(t, { person: { name: '钱进', idNumber: '11010519900303003', category: 'full' } }), t.adminToken, 'VALIDATION');
    expect(formatError(short, 'zh-CN')).toContain('现在是 17 位');
    const onRoll = await expectError(t.app, 'transfers.create', letterIn(t, { person: { name: '李四', idNumber: '370101190102039973', category: 'full' } }), t.adminToken, 'VALIDATION');
    expect(onRoll.details?.issues?.[0]).toMatchObject({ field: 'person.idNumber', problem: 'transferInAlreadyMember', params: { name: '李四', org: '第一网格党支部' } });
  });

  it('steps out of order or dated before the letter, and nothing is written when refused', async () => {
    const t = await street();
    const out = await t.app.invoke('transfers.create', letterOut(t), t.adminToken);
    const incoming = await t.app.invoke('transfers.create', letterIn(t), t.adminToken);
    const before = tableSnapshot(t.app.sqlite);
    const early = await expectError(t.app, 'transfers.receive', { id: out.id, on: '2026-03-09' }, t.adminToken, 'VALIDATION');
    expect(early.details?.issues?.[0]).toMatchObject({ field: 'on', problem: 'transferDateBeforeIssue', params: { issuedOn: '2026-03-10' } });
    const noReceipt = await expectError(t.app, 'transfers.returnReceipt', { id: incoming.id, on: '2026-03-10' }, t.adminToken, 'VALIDATION');
    expect(noReceipt.details?.issues?.[0]).toMatchObject({ field: 'id', problem: 'transferNoReceipt' });
    await expectError(t.app, 'transfers.receive', { id: 999, on: '2026-03-10' }, t.adminToken, 'NOT_FOUND');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);

    await t.app.invoke('transfers.receive', { id: out.id, on: '2026-03-10' }, t.adminToken);
    const twice = await expectError(t.app, 'transfers.receive', { id: out.id, on: '2026-03-10' }, t.adminToken, 'VALIDATION');
    expect(twice.details?.issues?.[0]).toMatchObject({ field: 'id', problem: 'transferAlreadyReceived', params: { receivedOn: '2026-03-10' } });
    const lateCancel = await expectError(t.app, 'transfers.cancel', { id: out.id, on: '2026-03-10', reason: '不去了' }, t.adminToken, 'VALIDATION');
    expect(lateCancel.details?.issues?.[0]).toMatchObject({ field: 'id', problem: 'transferAlreadyReceived' });
    expect(formatError(lateCancel, 'en')).toContain('already received on 2026-03-10');
  });
});

describe('who may', () => {
  it('a viewer sees the lists but is refused every step with FORBIDDEN', async () => {
    const t = await street();
    const viewer = await addUser(t, 'viewer');
    const letter = await t.app.invoke('transfers.create', letterOut(t), t.adminToken);
    expect((await t.app.invoke('transfers.list', { open: true }, viewer.token)).total).toBe(1);
    await expectError(t.app, 'transfers.create', letterIn(t), viewer.token, 'FORBIDDEN');
    await expectError(t.app, 'transfers.receive', { id: letter.id, on: '2026-03-10' }, viewer.token, 'FORBIDDEN');
    await expectError(t.app, 'transfers.returnReceipt', { id: letter.id, on: '2026-03-10' }, viewer.token, 'FORBIDDEN');
    await expectError(t.app, 'transfers.cancel', { id: letter.id, on: '2026-03-10', reason: '作废' }, viewer.token, 'FORBIDDEN');
    expect((await t.app.invoke('transfers.list', {}, t.adminToken)).transfers[0].status).toBe('issued');
  });

  it('a clerk’s every step is audited under their name with what it did to the member', async () => {
    const t = await street();
    const clerk = await addUser(t, 'clerk');
    const letter = await t.app.invoke('transfers.create', letterOut(t), clerk.token);
    await t.app.invoke('transfers.receive', { id: letter.id, on: '2026-03-10' }, clerk.token);
    await t.app.invoke('transfers.returnReceipt', { id: letter.id, on: '2026-03-10' }, clerk.token);
    const other = await t.app.invoke('transfers.create', letterIn(t), clerk.token);
    await t.app.invoke('transfers.cancel', { id: other.id, on: '2026-03-10', reason: '本人改迁他处' }, clerk.token);

    const { entries } = await t.app.invoke('audit.list', { entity: 'transfer' }, t.adminToken);
    expect(entries.map((e) => e.action).sort()).toEqual(['transfers.cancel', 'transfers.create', 'transfers.create', 'transfers.receive', 'transfers.returnReceipt']);
    expect(entries.every((e) => e.username === clerk.username)).toBe(true);
    expect(entries.find((e) => e.action === 'transfers.returnReceipt')).toMatchObject({
      entityId: String(letter.id),
      before: { status: 'received' },
      after: { status: 'receipt_returned', member: { memberId: t.liSi, change: 'left', after: { status: 'history', leftReason: 'transfer_out' } } },
    });
    expect(await history(t, t.liSi)).toEqual(['created', 'left']);
    expect((await t.app.invoke('members.get', { id: t.liSi }, t.adminToken)).events[1].recordedBy).toBe(clerk.username);
  });
});

describe('leaving the roll by hand', () => {
  it('is refused while an introduction letter is open, naming the letter', async () => {
    const t = await street();
    await t.app.invoke('transfers.create', letterOut(t), t.adminToken);
    const error = await expectError(t.app, 'members.leave', { id: t.liSi, version: 1, on: '2026-03-10', reason: 'transfer_out' }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ problem: 'memberHasOpenTransfer', params: { letter: '东华组转〔2026〕001号' } });
    expect(formatError(error, 'zh-CN')).toContain('东华组转〔2026〕001号');
  });
});

describe('the street’s own letter numbers', () => {
  const member = (t: Street, name: string, idNumber: string) => t.app.invoke('members.create', { orgId: t.branch, fields: { name, idNumber, category: '正式党员' } }, t.adminToken);

  it('are given per year from the street’s prefix, in the same transaction as the letter, and never given twice', async () => {
    const t = await street();
    const zhao = await member(t, '赵敏', '110101197506150022');
    const qian = await member(t, '钱多', '320102198511200047');
    // The default prefix is the street's short name (东华门街道 → 东华门组转); the form's suggestion is not kept.
    expect((await t.app.invoke('street.get', {}, t.adminToken)).letterPrefix).toBe('东华门组转');
    expect(await t.app.invoke('transfers.nextNumber', { issuedOn: '2026-03-10' }, t.adminToken)).toEqual({ letterNumber: '东华门组转〔2026〕001号' });
    expect(await t.app.invoke('transfers.nextNumber', { issuedOn: '2026-03-10' }, t.adminToken)).toEqual({ letterNumber: '东华门组转〔2026〕001号' });

    const first = await t.app.invoke('transfers.create', letterOut(t, { letterNumber: '' }), t.adminToken);
    expect(first.letterNumber).toBe('东华门组转〔2026〕001号');
    // Within the street shares the register: the next number, not a second 001.
    const within = await t.app.invoke('transfers.create', { direction: 'within', memberId: zhao.id, issuedOn: '2026-03-10', toOrgId: t.west }, t.adminToken);
    expect(within.letterNumber).toBe('东华门组转〔2026〕002号');
    // A cancelled letter keeps its number: the next one is 003, not 002 again.
    await t.app.invoke('transfers.cancel', { id: within.id, on: '2026-03-10', reason: '本人不再迁移' }, t.adminToken);
    const third = await t.app.invoke('transfers.create', { direction: 'within', memberId: zhao.id, issuedOn: '2026-03-10', toOrgId: t.west }, t.adminToken);
    expect(third.letterNumber).toBe('东华门组转〔2026〕003号');
    // Each year counts from 001.
    const lastYear = await t.app.invoke('transfers.create', letterOut(t, { letterNumber: '', memberId: qian.id, issuedOn: '2025-12-30', duesPaidTo: '2025-12' }), t.adminToken);
    expect(lastYear.letterNumber).toBe('东华门组转〔2025〕001号');
    expect(t.app.database.prepare('SELECT year, last FROM letter_sequences ORDER BY year').all()).toEqual([
      { year: 2025, last: 1 },
      { year: 2026, last: 3 },
    ]);
  });

  it('may be typed by the clerk (any brackets): written in the street’s form, checked for duplicates, and skipped by the counter', async () => {
    const t = await street();
    const zhao = await member(t, '赵敏', '110101197506150022');
    const typed = await t.app.invoke('transfers.create', letterOut(t, { letterNumber: '东华门组转[2026]7' }), t.adminToken);
    expect(typed.letterNumber).toBe('东华门组转〔2026〕007号');
    const next = await t.app.invoke('transfers.create', { direction: 'within', memberId: zhao.id, issuedOn: '2026-03-10', toOrgId: t.west }, t.adminToken);
    expect(next.letterNumber).toBe('东华门组转〔2026〕008号');

    const before = tableSnapshot(t.app.sqlite);
    const twice = await expectError(t.app, 'transfers.create', { direction: 'within', memberId: zhao.id, issuedOn: '2026-03-10', toOrgId: t.west, letterNumber: '东华门组转（2026）008号' }, t.adminToken, 'VALIDATION');
    expect(twice.details?.issues).toEqual([
      expect.objectContaining({ field: 'memberId', problem: 'transferAlreadyOpen' }),
      expect.objectContaining({ field: 'letterNumber', problem: 'transferLetterTaken', params: { name: '赵敏', issuedOn: '2026-03-10' } }),
    ].reverse());
    expect(formatError(twice, 'zh-CN')).toContain('介绍信编号：同类介绍信中已有这个编号（赵敏，2026-03-10 开具）');
    expect(formatError(twice, 'en')).toContain('Introduction letter number is already the number of another letter');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });

  it('need 党费交至 on an outgoing letter; a refused letter takes no number', async () => {
    const t = await street();
    const before = tableSnapshot(t.app.sqlite);
    const error = await expectError(t.app, 'transfers.create', letterOut(t, { letterNumber: '', duesPaidTo: '' }), t.adminToken, 'VALIDATION');
    expect(error.details?.issues).toEqual([expect.objectContaining({ field: 'duesPaidTo', problem: 'transferDuesRequired' })]);
    expect(formatError(error, 'zh-CN')).toContain('党费交至：转出介绍信须填写党费交至的年月');
    expect(formatError(error, 'en')).toContain('Dues paid up to is required on an outgoing letter');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
    const letter = await t.app.invoke('transfers.create', letterOut(t, { letterNumber: undefined }), t.adminToken);
    expect(letter.letterNumber).toBe('东华门组转〔2026〕001号');
    // An incoming letter is numbered by its sender: its number must be typed.
    const incoming = await expectError(t.app, 'transfers.create', letterIn(t, { letterNumber: '' }), t.adminToken, 'VALIDATION');
    expect(incoming.details?.issues).toEqual([expect.objectContaining({ field: 'letterNumber', problem: 'required' })]);
  });

  it('use the prefix set in the street settings; blank goes back to the default, brackets are refused', async () => {
    const t = await street();
    const profile = { name: '东华门街道', code: '110101001000', districtName: '东城区' };
    expect((await t.app.invoke('street.update', { ...profile, letterPrefix: '东华组转' }, t.adminToken)).letterPrefix).toBe('东华组转');
    expect((await t.app.invoke('transfers.nextNumber', { issuedOn: '2026-03-10' }, t.adminToken)).letterNumber).toBe('东华组转〔2026〕001号');
    const bad = await expectError(t.app, 'street.update', { ...profile, letterPrefix: '东华组转〔' }, t.adminToken, 'VALIDATION');
    expect(formatError(bad, 'zh-CN')).toContain('介绍信编号前缀：');
    expect(formatError(bad, 'en')).toContain('Letter number prefix is only the words before the number');
    expect((await t.app.invoke('street.update', { ...profile, letterPrefix: '' }, t.adminToken)).letterPrefix).toBe('东华门组转');
  });
});
