// Attachments through the contract on a real SQLite file: a fund entry's scanned voucher kept byte for byte
// with its size and SHA-256, listed, opened and removed (audited, never with its content); an empty, an
// oversized, a badly named, a repeated or a 21st file refused naming the field and the value, nothing written.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_RECORD } from '../../src/shared/api/contract-attachments';
import { formatError } from '../../src/shared/i18n/messages';
import { appsForEachTest, count, expectError, expectOk, tableSnapshot, type TestApp } from '../support/factory';

const app = appsForEachTest();

async function fundEntry(t: TestApp): Promise<number> {
  const community = (await t.app.invoke('communities.save', { name: '幸福社区', divisionCode: '110101001001', households: 2400 }, t.adminToken)).id;
  return (await t.app.invoke('funds.saveEntry', { communityId: community, direction: 'out', amountFen: 50000, onDate: '2026-03-05', purpose: '七一党员活动' }, t.adminToken)).id;
}

describe('attachments', () => {
  it('keep a file byte for byte beside its record, listed with its size and SHA-256, and remove it with an audit entry', async () => {
    const t = await app();
    const entry = await fundEntry(t);
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) % 256);
    const added = await expectOk(t.app, 'attachments.add', { owner: 'fund_entry', ownerId: entry, fileName: '七一活动发票.jpg', bytes }, t.adminToken);
    expect(added).toMatchObject({ fileName: '七一活动发票.jpg', size: 300_000, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(await expectOk(t.app, 'attachments.list', { owner: 'fund_entry', ownerId: entry }, t.adminToken)).toEqual([added]);
    const opened = await expectOk(t.app, 'attachments.get', { id: added.id }, t.adminToken);
    expect(Buffer.from(opened.bytes).equals(Buffer.from(bytes))).toBe(true);
    await expectOk(t.app, 'attachments.remove', { id: added.id }, t.adminToken);
    expect(await expectOk(t.app, 'attachments.list', { owner: 'fund_entry', ownerId: entry }, t.adminToken)).toEqual([]);
    const audit = t.app.database.prepare("SELECT action, before, after FROM audit_log WHERE entity = 'attachment' ORDER BY id").all() as { action: string; before: string | null; after: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(['attachments.add', 'attachments.remove']);
    expect(audit.every((a) => (a.before ?? a.after ?? '').length < 1000)).toBe(true);
  });

  it('refuse an empty, an oversized, a badly named, a repeated and a 21st file, naming each, with nothing written', async () => {
    const t = await app();
    const entry = await fundEntry(t);
    const add = (fileName: string, bytes: Uint8Array<ArrayBuffer>) => ({ owner: 'fund_entry' as const, ownerId: entry, fileName, bytes });
    let before = tableSnapshot(t.app.sqlite);
    const empty = await expectError(t.app, 'attachments.add', add('空.jpg', new Uint8Array(0)), t.adminToken, 'VALIDATION');
    expect(formatError(empty, 'zh-CN', 'attachments.add')).toContain('文件内容：文件是空的');
    const big = await expectError(t.app, 'attachments.add', add('扫描件.pdf', new Uint8Array(ATTACHMENT_MAX_BYTES + 1)), t.adminToken, 'VALIDATION');
    expect(formatError(big, 'zh-CN', 'attachments.add')).toContain('文件超过 20 MB');
    const named = await expectError(t.app, 'attachments.add', add('../../etc/passwd', new Uint8Array([1])), t.adminToken, 'VALIDATION');
    expect(formatError(named, 'en', 'attachments.add')).toContain('File name a file name cannot contain');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);

    await expectOk(t.app, 'attachments.add', add('收据.jpg', new Uint8Array([9, 9, 9])), t.adminToken);
    before = tableSnapshot(t.app.sqlite);
    const again = await expectError(t.app, 'attachments.add', add('收据副本.jpg', new Uint8Array([9, 9, 9])), t.adminToken, 'VALIDATION');
    expect(formatError(again, 'zh-CN', 'attachments.add')).toContain('同样的文件已作为“收据.jpg”附上');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
    for (let i = 1; i < ATTACHMENTS_PER_RECORD; i++) await expectOk(t.app, 'attachments.add', add(`第${i}页.jpg`, new Uint8Array([i])), t.adminToken);
    const many = await expectError(t.app, 'attachments.add', add('第21页.jpg', new Uint8Array([200, 1])), t.adminToken, 'VALIDATION');
    expect(formatError(many, 'zh-CN', 'attachments.add')).toContain(`一条记录最多 ${ATTACHMENTS_PER_RECORD} 个附件`);
    expect(count(t.app.database, 'attachments')).toBe(ATTACHMENTS_PER_RECORD);
  });

  it('answers NOT_FOUND for a record that does not exist', async () => {
    const t = await app();
    await expectError(t.app, 'attachments.add', { owner: 'meeting', ownerId: 999, fileName: '签到表.pdf', bytes: new Uint8Array([1]) }, t.adminToken, 'NOT_FOUND');
    await expectError(t.app, 'attachments.list', { owner: 'disclosure', ownerId: 999 }, t.adminToken, 'NOT_FOUND');
  });
});
