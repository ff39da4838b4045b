// The open column through the contract, on a real SQLite file: the steps in order with who and when, a
// published item never edited but superseded by a published correction, residents' comments, the areas due
// on the fixed day, the printed board masked, and the finalized month's freeze on publication.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/shared/i18n/messages';
import { appsForEachTest, count, expectError, expectOk, tableSnapshot, type TestApp } from '../../support/factory';
import { draft, govStreet } from './gov-support';

const app = appsForEachTest();

async function publish(t: TestApp, id: number, on = '2026-03-09') {
  let item = await expectOk(t.app, 'disclosure.advance', { id, version: 1, step: 'review', by: '张审核', on: '2026-03-05' }, t.adminToken);
  item = await expectOk(t.app, 'disclosure.advance', { id, version: item.version, step: 'approve', by: '王书记', on: '2026-03-06' }, t.adminToken);
  return expectOk(t.app, 'disclosure.advance', { id, version: item.version, step: 'publish', by: '李文书', on }, t.adminToken);
}

describe('a disclosure item', () => {
  it('goes drafted → reviewed → approved → published, each step with who and when, on the fixed day', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    const item = await expectOk(t.app, 'disclosure.save', draft(communityId, '2026-03-02'), t.adminToken);
    expect(item.status).toBe('drafted');
    const published = await publish(t, item.id);
    expect(published).toMatchObject({
      status: 'published',
      reviewedBy: '张审核',
      reviewedOn: '2026-03-05',
      approvedBy: '王书记',
      approvedOn: '2026-03-06',
      publishedBy: '李文书',
      publishedOn: '2026-03-09',
      onFixedDay: true,
    });
    const log = t.app.database.prepare("SELECT action FROM audit_log WHERE action LIKE 'disclosure.%' ORDER BY id").pluck().all();
    expect(log).toEqual(['disclosure.save', 'disclosure.advance', 'disclosure.advance', 'disclosure.advance']);
  });

  it('refuses a step out of order, naming the item, and a date before the step before or in the future', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    const item = await expectOk(t.app, 'disclosure.save', draft(communityId, '2026-03-02'), t.adminToken);
    const before = tableSnapshot(t.app.sqlite);
    const skip = await expectError(t.app, 'disclosure.advance', { id: item.id, version: 1, step: 'publish', by: '李文书', on: '2026-03-09' }, t.adminToken, 'VALIDATION');
    expect(formatError(skip, 'zh-CN', 'disclosure.advance')).toContain('“2026年2月社区财务收支公开”须先审批，才能公开');
    const early = await expectError(t.app, 'disclosure.advance', { id: item.id, version: 1, step: 'review', by: '张审核', on: '2026-03-01' }, t.adminToken, 'VALIDATION');
    expect(early.details?.issues).toEqual([expect.objectContaining({ field: 'on', problem: 'govDateBefore', value: '2026-03-01' })]);
    const future = await expectError(t.app, 'disclosure.advance', { id: item.id, version: 1, step: 'review', by: '张审核', on: '2026-03-11' }, t.adminToken, 'VALIDATION');
    expect(formatError(future, 'en', 'disclosure.advance')).toContain('Date cannot be later than today (2026-03-10)');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });

  it('once published cannot be edited; a correction, once itself published, supersedes it', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    const original = await publish(t, (await expectOk(t.app, 'disclosure.save', draft(communityId, '2026-03-02'), t.adminToken)).id);
    const edit = await expectError(t.app, 'disclosure.save', { ...draft(communityId, '2026-03-02', { content: '改过的内容' }), id: original.id, version: original.version }, t.adminToken, 'VALIDATION');
    expect(formatError(edit, 'zh-CN', 'disclosure.save')).toContain('该事项已于 2026-03-09 公开，不能再修改');

    const correction = await expectOk(t.app, 'disclosure.save', { ...draft(communityId, '2026-03-09', { title: '2026年2月财务收支公开（更正）' }), correctsId: original.id }, t.adminToken);
    expect(correction).toMatchObject({ status: 'drafted', correctsId: original.id });
    // The correction's draft is edited like any draft, but stays in the corrected item's area.
    const moved = await expectError(t.app, 'disclosure.save', { ...draft(communityId, '2026-03-09', { area: 'party', title: '2026年2月财务收支公开（更正）' }), id: correction.id, version: 1 }, t.adminToken, 'VALIDATION');
    expect(moved.details?.issues?.[0]).toMatchObject({ field: 'area', problem: 'disclosureCorrectionOther' });
    const edited = await expectOk(t.app, 'disclosure.save', { ...draft(communityId, '2026-03-09', { title: '2026年2月财务收支公开（更正）', content: '本月收入 12,500.00 元。' }), id: correction.id, version: 1 }, t.adminToken);
    expect(edited).toMatchObject({ version: 2, content: '本月收入 12,500.00 元。', correctsId: original.id });
    // Until the correction is published the original stays posted.
    let list = await expectOk(t.app, 'disclosure.list', {}, t.adminToken);
    expect(list.find((d) => d.id === original.id)?.status).toBe('published');

    let c = await expectOk(t.app, 'disclosure.advance', { id: correction.id, version: 2, step: 'review', by: '张审核', on: '2026-03-09' }, t.adminToken);
    // Sent for review, the draft no longer changes.
    const late = await expectError(t.app, 'disclosure.save', { ...draft(communityId, '2026-03-09', { title: '再改一次' }), id: c.id, version: c.version }, t.adminToken, 'VALIDATION');
    expect(late.details?.issues?.[0]).toMatchObject({ field: 'id', problem: 'disclosureInReview' });
    c = await expectOk(t.app, 'disclosure.advance', { id: c.id, version: c.version, step: 'approve', by: '王书记', on: '2026-03-10' }, t.adminToken);
    await expectOk(t.app, 'disclosure.advance', { id: c.id, version: c.version, step: 'publish', by: '李文书', on: '2026-03-10' }, t.adminToken);
    list = await expectOk(t.app, 'disclosure.list', {}, t.adminToken);
    expect(list.find((d) => d.id === original.id)).toMatchObject({ status: 'superseded', supersededBy: correction.id });
    const board = await expectOk(t.app, 'disclosure.board', { communityId, on: '2026-03-10' }, t.adminToken);
    expect(board.items.map((i) => [i.title, i.correction])).toEqual([['2026年2月财务收支公开（更正）', true]]);
  });

  it('prints on the board with phone numbers and ID numbers in the text masked', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    await publish(t, (await expectOk(t.app, 'disclosure.save', draft(communityId, '2026-03-02', { content: '低保对象张三 110101196001151234，电话 13912345678。' }), t.adminToken)).id);
    const board = await expectOk(t.app, 'disclosure.board', { communityId, on: '2026-03-10' }, t.adminToken);
    expect(board.communityName).toBe('幸福社区');
    const text = board.items[0].content;
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('110101196001151234');
    expect(text).toContain('139****5678');
    expect(text).toBe(`低保对象张三 11${"*".repeat(13)}234，电话 139****5678。`);
  });

  it('records residents’ comments and answers on a published item, never on a draft', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    const item = await expectOk(t.app, 'disclosure.save', draft(communityId, '2026-03-02'), t.adminToken);
    await expectError(t.app, 'disclosure.comment', { disclosureId: item.id, residentName: '周桂兰', comment: '请公开明细', receivedOn: '2026-03-09' }, t.adminToken, 'VALIDATION');
    await publish(t, item.id);
    const comment = await expectOk(t.app, 'disclosure.comment', { disclosureId: item.id, residentName: '周桂兰', comment: '请公开明细', receivedOn: '2026-03-09' }, t.adminToken);
    const answered = await expectOk(t.app, 'disclosure.comment', { id: comment.id, disclosureId: item.id, residentName: '周桂兰', comment: '请公开明细', receivedOn: '2026-03-09', answer: '明细已张贴', answeredOn: '2026-03-10' }, t.adminToken);
    expect(answered).toMatchObject({ answer: '明细已张贴', answeredOn: '2026-03-10' });
    expect(count(t.app.database, 'audit_log', "action = 'disclosure.comment'")).toBe(2);
  });

  it('flags areas due and overdue by community on the month’s fixed day', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    await publish(t, (await expectOk(t.app, 'disclosure.save', draft(communityId, '2026-03-02'), t.adminToken)).id);
    const due = await expectOk(t.app, 'disclosure.due', { period: '2026-03', communityId }, t.adminToken);
    const state = Object.fromEntries(due.rows.map((r) => [r.area, r.state]));
    // Finances published on the 9th; the three routine areas had nothing this quarter and the 9th has passed.
    expect(state).toEqual({ party: 'overdue', affairs: 'overdue', finance: 'onTime', service: 'overdue' });
    const april = await expectOk(t.app, 'disclosure.due', { period: '2026-04', communityId }, t.adminToken);
    expect(april.rows.find((r) => r.area === 'finance')?.state).toBe('due');
    expect(april.fixedDay).toBe('2026-04-09');
  });
});

describe('the finalized month', () => {
  it('refuses publishing on a day of it, naming the month, and accepts the next month', async () => {
    const t = await app();
    const { communityId } = await govStreet(t, 0);
    const item = await expectOk(t.app, 'disclosure.save', draft(communityId, '2026-02-02'), t.adminToken);
    let i = await expectOk(t.app, 'disclosure.advance', { id: item.id, version: 1, step: 'review', by: '张审核', on: '2026-02-05' }, t.adminToken);
    i = await expectOk(t.app, 'disclosure.advance', { id: i.id, version: i.version, step: 'approve', by: '王书记', on: '2026-02-06' }, t.adminToken);
    await t.app.invoke('returns.check', { period: '2026-02' }, t.adminToken);
    await t.app.invoke('returns.finalize', { period: '2026-02' }, t.adminToken);
    const frozen = await expectError(t.app, 'disclosure.advance', { id: i.id, version: i.version, step: 'publish', by: '李文书', on: '2026-02-09' }, t.adminToken, 'VALIDATION');
    expect(frozen.details?.issues).toEqual([expect.objectContaining({ field: 'on', problem: 'periodFinalized', params: { period: '2026-02' } })]);
    await expectOk(t.app, 'disclosure.advance', { id: i.id, version: i.version, step: 'publish', by: '李文书', on: '2026-03-09' }, t.adminToken);
  });
});
