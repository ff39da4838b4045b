// One-stop requests: numbering per community and year, due dates in working days, pause and resume,
// extension, transfer and return to guidance, refusals of impossible steps, and the counter's board.
import { describe, expect, it } from 'vitest';
import { appsForEachTest, count, expectError } from '../../support/factory';
import { formatError } from '../../../src/shared/i18n/messages';
import { FIVE_DAY_MATTER, ON_THE_SPOT_MATTER, TEN_DAY_MATTER, accept, addCommunity, at, jumpTo, matterNamed } from './counter-support';

const app = appsForEachTest();

describe('accepting a request', () => {
  it('numbers requests per community and per year with the community’s short name', async () => {
    const t = await app();
    const xingfu = await addCommunity(t);
    const donghua = await addCommunity(t, '东华社区', '110101001002');
    expect((await accept(t, xingfu)).number).toBe('幸福-2026-0001');
    expect((await accept(t, xingfu)).number).toBe('幸福-2026-0002');
    expect((await accept(t, donghua)).number).toBe('东华-2026-0001');
    await jumpTo(t, '2027-01-05');
    expect((await accept(t, xingfu)).number).toBe('幸福-2027-0001');
    expect((await accept(t, donghua)).number).toBe('东华-2027-0001');
  });

  it('snapshots class and limit, and counts the due date from the next day', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const r = await accept(t, c, FIVE_DAY_MATTER, { residentIdNumber: '370101190102039973', channel: 'hotline' });
    expect(r).toMatchObject({
      status: 'accepted',
      listClass: 'agency',
      limitDays: 5,
      acceptedOn: '2026-03-10',
      dueOn: '2026-03-17',
      residentIdNumber: '370101190102039973',
      channel: 'hotline',
      communityName: '幸福社区',
      flag: null,
    });
    const spot = await accept(t, c, ON_THE_SPOT_MATTER);
    expect(spot).toMatchObject({ listClass: 'immediate', limitDays: 0, dueOn: '2026-03-10', flag: 'dueSoon' });
  });

  it('accepted before the Spring Festival, is due after it', async () => {
    const t = await app({ start: at('2026-02-12') });
    const c = await addCommunity(t);
    // Fri 13 (1), make-up Sat 14 (2), holiday 15–23, Tue 24 (3), Wed 25 (4), Thu 26 (5).
    expect((await accept(t, c, FIVE_DAY_MATTER)).dueOn).toBe('2026-02-26');
  });

  it('refuses a request without matter, resident name or any contact, naming each field, and writes nothing', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const error = await expectError(t.app, 'requests.accept', { communityId: c, residentName: '', residentPhone: '' }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.map((i) => [i.field, i.problem])).toEqual([
      ['matterId', 'required'],
      ['residentName', 'required'],
      ['residentPhone', 'requestNeedsContact'],
    ]);
    const text = formatError(error, 'zh-CN');
    expect(text).toContain('服务事项：不能为空');
    expect(text).toContain('群众姓名：不能为空');
    expect(text).toContain('联系电话：请至少填写联系电话或住址');
    expect(formatError(error, 'en')).toContain('Resident name is required');
    expect(count(t.app.database, 'service_requests')).toBe(0);
  });

  it('refuses an ID number that fails its checksum, and a phone that is not one', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const matter = await matterNamed(t, FIVE_DAY_MATTER);
    const error = await expectError(
      t.app,
      'requests.accept',
      { communityId: c, matterId: matter.id, residentName: '周桂兰', residentPhone: '1391234567', residentIdNumber: '370101190102039972' },
      t.adminToken,
      'VALIDATION',
    );
    expect(error.details?.issues?.map((i) => [i.field, i.problem])).toEqual([
      ['residentPhone', 'phoneFormat'],
      ['residentIdNumber', 'idChecksum'],
    ]);
    expect(formatError(error, 'zh-CN')).toContain('身份证号码：最后一位校验码对不上');
    expect(count(t.app.database, 'service_requests')).toBe(0);
  });

  it('accepts an address as the only contact, and a phone typed with full-width digits', async () => {
    const t = await app();
    const c = await addCommunity(t);
    expect((await accept(t, c, FIVE_DAY_MATTER, { residentPhone: '', residentAddress: '3号楼2单元501' })).residentAddress).toBe('3号楼2单元501');
    expect((await accept(t, c, FIVE_DAY_MATTER, { residentPhone: '１３９ １２３４ ５６７８' })).residentPhone).toBe('13912345678');
  });

  it('keeps the class and limit it was accepted under when the catalog changes', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const before = await accept(t, c, TEN_DAY_MATTER);
    const matter = await matterNamed(t, TEN_DAY_MATTER);
    await t.app.invoke('matters.update', { id: matter.id, version: matter.version, listClass: 'immediate', limitDays: 0, matterName: '高龄津贴申领（即办）' }, t.adminToken);
    const again = (await t.app.invoke('requests.get', { id: before.id }, t.adminToken)).request;
    expect(again).toMatchObject({ matterName: TEN_DAY_MATTER, listClass: 'agency', limitDays: 10, dueOn: before.dueOn });
    const after = await accept(t, c, '高龄津贴申领（即办）');
    expect(after).toMatchObject({ listClass: 'immediate', limitDays: 0, dueOn: '2026-03-10' });
    await t.app.invoke('matters.retire', { id: matter.id }, t.adminToken);
    const error = await expectError(t.app, 'requests.accept', { communityId: c, matterId: matter.id, residentName: '周桂兰', residentPhone: '13912345678' }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'matterId', problem: 'matterRetired' });
    expect((await t.app.invoke('requests.get', { id: before.id }, t.adminToken)).request.matterName).toBe(TEN_DAY_MATTER);
  });
});

describe('pausing for documents (补正)', () => {
  it('stops the clock: resuming pushes the due date by the working days paused', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const r = await accept(t, c); // Tue 03-10, due Tue 03-17
    await t.app.invoke('requests.start', { id: r.id, assigneeKind: 'staff', assigneeName: '张伟' }, t.adminToken);
    await jumpTo(t, '2026-03-11');
    const paused = await t.app.invoke('requests.pause', { id: r.id, missingDocuments: '户口簿原件' }, t.adminToken);
    expect(paused).toMatchObject({ status: 'waiting_docs', pausedOn: '2026-03-11', flag: 'waiting', missingDocuments: '户口簿原件' });

    await jumpTo(t, '2026-03-18'); // past the old due date while paused: waiting, not overdue
    const board = await t.app.invoke('counter.today', {}, t.adminToken);
    expect(board.waiting.map((x) => x.id)).toEqual([r.id]);
    expect(board.overdue).toEqual([]);

    // Paused Thu 12, Fri 13, Mon 16, Tue 17, Wed 18 = 5 working days: due 03-17 → 03-24.
    const resumed = await t.app.invoke('requests.resume', { id: r.id }, t.adminToken);
    expect(resumed).toMatchObject({ status: 'in_progress', pausedOn: null, pausedDays: 5, dueOn: '2026-03-24', flag: null });
    const { events } = await t.app.invoke('requests.get', { id: r.id }, t.adminToken);
    expect(events.map((e) => e.kind)).toEqual(['accepted', 'started', 'paused', 'resumed']);
    expect(events[3].detail).toMatchObject({ pausedWorkdays: 5, dueBefore: '2026-03-17', dueOn: '2026-03-24' });
  });

  it('a pause over a weekend only, or resumed the same day, moves nothing', async () => {
    const t = await app({ start: at('2026-03-13') });
    const c = await addCommunity(t);
    const r = await accept(t, c); // Fri 03-13, due Fri 03-20
    await t.app.invoke('requests.pause', { id: r.id, missingDocuments: '照片' }, t.adminToken);
    expect((await t.app.invoke('requests.resume', { id: r.id }, t.adminToken)).dueOn).toBe('2026-03-20');
    await t.app.invoke('requests.pause', { id: r.id, missingDocuments: '照片' }, t.adminToken);
    await jumpTo(t, '2026-03-15'); // Sunday
    expect(await t.app.invoke('requests.resume', { id: r.id }, t.adminToken)).toMatchObject({ dueOn: '2026-03-20', status: 'accepted', pausedDays: 0 });
  });

  it('refuses to pause twice, to resume what is not paused, and to complete while paused', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const r = await accept(t, c);
    const notPaused = await expectError(t.app, 'requests.resume', { id: r.id }, t.adminToken, 'VALIDATION');
    expect(formatError(notPaused, 'zh-CN')).toContain('该受理单没有在等待补正材料');
    await t.app.invoke('requests.pause', { id: r.id, missingDocuments: '户口簿' }, t.adminToken);
    const twice = await expectError(t.app, 'requests.pause', { id: r.id, missingDocuments: '户口簿' }, t.adminToken, 'VALIDATION');
    expect(twice.details?.issues?.[0]).toMatchObject({ field: 'id', problem: 'requestAlreadyPaused', params: { pausedOn: '2026-03-10' } });
    const closing = await expectError(t.app, 'requests.complete', { id: r.id, result: '已办' }, t.adminToken, 'VALIDATION');
    expect(formatError(closing, 'zh-CN')).toContain('请先登记“材料已补齐”');
  });
});

describe('closing a request', () => {
  it('completes with the result and the resident’s satisfaction, once only', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const r = await accept(t, c);
    await jumpTo(t, '2026-03-12');
    const done = await t.app.invoke('requests.complete', { id: r.id, result: '已报区社保中心', satisfaction: 5, satisfactionComment: '办得快' }, t.adminToken);
    expect(done).toMatchObject({ status: 'done', closed: true, closedOn: '2026-03-12', onTime: true, satisfaction: 5, satisfactionComment: '办得快', flag: null });
    expect(done.completedAt).toBe(at('2026-03-12').toISOString());

    const twice = await expectError(t.app, 'requests.complete', { id: r.id, result: '再办一次' }, t.adminToken, 'VALIDATION');
    expect(twice.details?.issues?.[0]).toMatchObject({ field: 'id', problem: 'requestAlreadyDone', value: '幸福-2026-0001' });
    expect(formatError(twice, 'zh-CN')).toContain('该受理单已于 2026-03-12 办结，不能重复办理');
    const pause = await expectError(t.app, 'requests.pause', { id: r.id, missingDocuments: '照片' }, t.adminToken, 'VALIDATION');
    expect(pause.details?.issues?.[0]).toMatchObject({ problem: 'requestAlreadyDone' });
    await expectError(t.app, 'requests.transfer', { id: r.id, transferredTo: '街道', reason: '改派' }, t.adminToken, 'VALIDATION');
    const rerate = await expectError(t.app, 'requests.rate', { id: r.id, satisfaction: 1 }, t.adminToken, 'VALIDATION');
    expect(rerate.details?.issues?.[0]).toMatchObject({ field: 'satisfaction', problem: 'requestAlreadyRated' });
  });

  it('rates a completed request later, never an open one, and only 1 to 5', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const r = await accept(t, c);
    await expectError(t.app, 'requests.rate', { id: r.id, satisfaction: 4 }, t.adminToken, 'VALIDATION');
    await t.app.invoke('requests.complete', { id: r.id, result: '已办结' }, t.adminToken);
    const range = await expectError(t.app, 'requests.rate', { id: r.id, satisfaction: 6 }, t.adminToken, 'VALIDATION');
    expect(range.details?.issues?.[0]).toMatchObject({ field: 'satisfaction', problem: 'satisfactionRange' });
    expect(await t.app.invoke('requests.rate', { id: r.id, satisfaction: 4, satisfactionComment: '还可以' }, t.adminToken)).toMatchObject({ satisfaction: 4 });
  });

  it('transfers to another office with the reason, from waiting for documents too, and then refuses steps', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const r = await accept(t, c);
    await t.app.invoke('requests.pause', { id: r.id, missingDocuments: '医院诊断证明' }, t.adminToken);
    const moved = await t.app.invoke('requests.transfer', { id: r.id, transferredTo: '街道社会保障服务所', reason: '涉及跨区转移接续，须街道办理' }, t.adminToken);
    expect(moved).toMatchObject({ status: 'transferred', closed: true, transferredTo: '街道社会保障服务所', transferReason: '涉及跨区转移接续，须街道办理', pausedOn: null, flag: null });
    const again = await expectError(t.app, 'requests.transfer', { id: r.id, transferredTo: '区人社局', reason: '再转' }, t.adminToken, 'VALIDATION');
    expect(formatError(again, 'en')).toContain('was transferred on 2026-03-10');
  });

  it('returns to the guidance list with where the resident was sent', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const r = await accept(t, c);
    const back = await t.app.invoke('requests.returnToGuidance', { id: r.id, guidanceTo: '区政务服务中心2号窗口', note: '需本人到场' }, t.adminToken);
    expect(back).toMatchObject({ status: 'returned_guidance', guidanceTo: '区政务服务中心2号窗口', closed: true });
  });

  it('an extension pushes the due date by working days and keeps the reason', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const r = await accept(t, c); // due 03-17
    const extended = await t.app.invoke('requests.extend', { id: r.id, days: 3, reason: '需区民政局复核' }, t.adminToken);
    expect(extended).toMatchObject({ dueOn: '2026-03-20', extendedDays: 3, extensionReason: '需区民政局复核' });
    const noReason = await expectError(t.app, 'requests.extend', { id: r.id, days: 3, reason: '' }, t.adminToken, 'VALIDATION');
    expect(noReason.details?.issues?.[0]).toMatchObject({ field: 'reason', problem: 'tooShort' });
  });

  it('assigns a Party member or a volunteer by record, refusing one that does not exist', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const r = await accept(t, c);
    const v = await t.app.invoke('volunteers.save', { volunteerName: '郑建国', phone: '13700001111' }, t.adminToken);
    const started = await t.app.invoke('requests.start', { id: r.id, assigneeKind: 'volunteer', volunteerId: v.id }, t.adminToken);
    expect(started).toMatchObject({ status: 'in_progress', assigneeKind: 'volunteer', assigneeName: '郑建国', assigneeVolunteerId: v.id });
    const error = await expectError(t.app, 'requests.start', { id: r.id, assigneeKind: 'member', memberId: 999 }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'memberId', problem: 'notFound' });
  });
});

describe('the counter board', () => {
  it('marks overdue red, due within one working day yellow, and lists waiting and today’s requests', async () => {
    const t = await app({ start: at('2026-03-13') }); // Friday
    const c = await addCommunity(t);
    const late = await accept(t, c, FIVE_DAY_MATTER, { acceptedOn: '2026-03-02' }); // due 03-09
    const soon = await accept(t, c, TEN_DAY_MATTER, { acceptedOn: '2026-03-02' }); // due 03-16, the next working day
    const fresh = await accept(t, c, FIVE_DAY_MATTER); // due 03-20
    const waiting = await accept(t, c, FIVE_DAY_MATTER, { residentName: '钱进' });
    await t.app.invoke('requests.pause', { id: waiting.id, missingDocuments: '照片' }, t.adminToken);

    const board = await t.app.invoke('counter.today', {}, t.adminToken);
    expect(board).toMatchObject({ today: '2026-03-13', nextWorkday: '2026-03-16' });
    expect(board.overdue.map((r) => r.id)).toEqual([late.id]);
    expect(board.overdue[0].flag).toBe('overdue');
    expect(board.dueSoon.map((r) => r.id)).toEqual([soon.id]);
    expect(board.waiting.map((r) => r.id)).toEqual([waiting.id]);
    expect(board.acceptedToday.map((r) => r.id).sort()).toEqual([fresh.id, waiting.id].sort());

    const overdue = await t.app.invoke('requests.list', { overdue: true }, t.adminToken);
    expect(overdue.requests.map((r) => r.number)).toEqual([late.number]);
    const future = await expectError(t.app, 'requests.accept', { communityId: c, matterId: late.matterId, residentName: '周桂兰', residentPhone: '13912345678', acceptedOn: '2026-03-14' }, t.adminToken, 'VALIDATION');
    expect(future.details?.issues?.[0]).toMatchObject({ field: 'acceptedOn', problem: 'dateInFuture' });
  });

  it('finds a resident’s history by phone or by ID number across communities', async () => {
    const t = await app();
    const a = await addCommunity(t);
    const b = await addCommunity(t, '东华社区', '110101001002');
    await accept(t, a, FIVE_DAY_MATTER, { residentIdNumber: '53010219200508011X' });
    await accept(t, b, TEN_DAY_MATTER, { residentPhone: '' , residentAddress: '东华里5号', residentIdNumber: '53010219200508011x' });
    await accept(t, a, FIVE_DAY_MATTER, { residentName: '别人', residentPhone: '13800000000' });
    const byPhone = await t.app.invoke('requests.residentHistory', { phone: '139-1234-5678' }, t.adminToken);
    expect(byPhone.requests.map((r) => r.number)).toEqual(['幸福-2026-0001']);
    const byId = await t.app.invoke('requests.residentHistory', { idNumber: '53010219200508011x' }, t.adminToken);
    expect(byId.requests.map((r) => r.number).sort()).toEqual(['东华-2026-0001', '幸福-2026-0001']);
    await expectError(t.app, 'requests.residentHistory', {}, t.adminToken, 'VALIDATION');
  });
});

describe('the working-day table changing under open requests', () => {
  it('counts open requests’ due dates again (limit, pauses and extensions), leaves closed ones, and says how many', async () => {
    const t = await app();
    const c = await addCommunity(t);
    const open = await accept(t, c);
    const extended = await accept(t, c);
    await t.app.invoke('requests.extend', { id: extended.id, version: extended.version, days: 2, reason: '需上级审核' }, t.adminToken);
    const closed = await accept(t, c);
    await t.app.invoke('requests.complete', { id: closed.id, result: '已办' }, t.adminToken);
    const get = async (id: number) => (await t.app.invoke('requests.get', { id }, t.adminToken)).request;
    expect([(await get(open.id)).dueOn, (await get(extended.id)).dueOn, (await get(closed.id)).dueOn]).toEqual(['2026-03-17', '2026-03-19', '2026-03-17']);

    // A local day off on Friday 13 March: the open requests move by a working day, the closed one does not.
    const saved = await t.app.invoke('workdays.overrides.save', { date: '2026-03-13', kind: 'holiday', dayName: '区里统一安排休息' }, t.adminToken);
    expect(saved.recounted).toBe(2);
    expect([(await get(open.id)).dueOn, (await get(extended.id)).dueOn, (await get(closed.id)).dueOn]).toEqual(['2026-03-18', '2026-03-20', '2026-03-17']);
    const { events } = await t.app.invoke('requests.get', { id: open.id }, t.adminToken);
    expect(events.at(-1)).toMatchObject({ kind: 'recounted', detail: { day: '2026-03-13', dueBefore: '2026-03-17', dueOn: '2026-03-18' } });

    // Taken back, the dates return; a change that moves nothing says 0.
    const removed = await t.app.invoke('workdays.overrides.delete', { id: saved.id }, t.adminToken);
    expect(removed.recounted).toBe(2);
    expect((await get(open.id)).dueOn).toBe('2026-03-17');
    expect((await t.app.invoke('workdays.overrides.save', { date: '2026-03-14', kind: 'holiday' }, t.adminToken)).recounted).toBe(0);
  });
});
