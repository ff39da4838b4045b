// A sheet of payments pasted into the ledger or imported from the branch's Excel sheet, through the contract
// on a real SQLite file: all rows recorded with their receipts, or — one row refused — none, the refusal
// naming the sheet row, the field and the value; a dry run records nothing.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/shared/i18n/messages';
import { citizenId } from '../import/roster-workbooks';
import { appsForEachTest, count, expectError, expectOk, tableSnapshot, type TestApp } from '../../support/factory';
import { duesStreet, type DuesStreet } from './dues-support';

const app = appsForEachTest();
const WORKER_ID = citizenId('19850312', '011', '110101');
const RETIREE_ID = citizenId('19550101', '021', '110101');

async function street(): Promise<{ t: TestApp; s: DuesStreet }> {
  const t = await app();
  return { t, s: await duesStreet(t) };
}

describe('a sheet of payments', () => {
  it('records every row with its own receipt, the ledger paid for each month', async () => {
    const { t, s } = await street();
    await t.app.invoke('dues.generate', { period: '2026-01' }, t.adminToken);
    const result = await expectOk(
      t.app,
      'dues.payMany',
      {
        payments: [
          { sheetRow: 3, idNumber: WORKER_ID, name: '张在职', periods: ['2026-01', '2026-02', '2026-03'], amountFen: 4500, method: 'wechat', reference: 'WX001' },
          { sheetRow: 4, idNumber: RETIREE_ID.toLowerCase(), periods: ['2026-01'], amountFen: 2400, method: 'cash', paidOn: '2026-03-02' },
        ],
      },
      t.adminToken,
    );
    expect(result).toMatchObject({ dryRun: false, count: 2, totalFen: 6900 });
    expect(new Set(result.payments.map((p) => p.receiptNumber)).size).toBe(2);
    const ledger = await expectOk(t.app, 'dues.ledger', { period: '2026-01' }, t.adminToken);
    expect(ledger.rows.find((r) => r.memberId === s.worker)).toMatchObject({ paidFen: 1500, settled: true });
    expect(ledger.rows.find((r) => r.memberId === s.retiree)).toMatchObject({ paidFen: 2400, settled: true });
    expect(count(t.app.database, 'audit_log', "action = 'dues.payMany'")).toBe(2);
  });

  it('records nothing when one row is refused, and names that row, the field and the value', async () => {
    const { t } = await street();
    const before = tableSnapshot(t.app.sqlite);
    const error = await expectError(
      t.app,
      'dues.payMany',
      {
        payments: [
          { sheetRow: 3, idNumber: WORKER_ID, periods: ['2026-01'], amountFen: 1500, method: 'cash' },
          { sheetRow: 4, idNumber: '110101199001010000', periods: ['2026-01'], amountFen: 1500, method: 'cash' },
          { sheetRow: 5, idNumber: RETIREE_ID, name: '王退修', periods: ['2026-01'], amountFen: 2400, method: 'cash' },
          { sheetRow: 6, idNumber: WORKER_ID, periods: ['2026-01'], amountFen: 1500, method: 'cash' },
        ],
      },
      t.adminToken,
      'VALIDATION',
    );
    const text = formatError(error, 'zh-CN', 'dues.payMany');
    expect(text).toContain('第 4 行 身份证号码：找不到身份证号码为 110101199001010000 的在册党员');
    expect(text).toContain('第 5 行 姓名：表中姓名与该身份证号码的党员“王退休”不一致');
    expect(text).toContain('第 6 行 所交月份：2026-01 已在第 3 行登记过');
    expect(formatError(error, 'en', 'dues.payMany')).toContain('Row 4: Citizen ID number no member on the roll has the ID number 110101199001010000');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });

  it('keeps every rule of a single payment, row by row: the back-payment limit names its row', async () => {
    const { t } = await street();
    const months = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01'];
    const error = await expectError(
      t.app,
      'dues.payMany',
      { payments: [{ sheetRow: 9, idNumber: WORKER_ID, periods: months, amountFen: 10500, method: 'transfer' }] },
      t.adminToken,
      'VALIDATION',
    );
    expect(formatError(error, 'zh-CN', 'dues.payMany')).toContain('第 9 行 所交月份：一次补交最多 6 个月');
  });

  it('refuses a row in a closed month through the dispatcher’s freeze, with nothing written', async () => {
    const { t, s } = await street();
    await t.app.invoke('dues.generate', { period: '2026-02' }, t.adminToken);
    await expectOk(t.app, 'dues.close', { orgId: s.branch, period: '2026-02' }, t.adminToken);
    const before = tableSnapshot(t.app.sqlite);
    const error = await expectError(
      t.app,
      'dues.payMany',
      { payments: [{ sheetRow: 2, idNumber: RETIREE_ID, periods: ['2026-03'], amountFen: 2400, method: 'cash' }, { sheetRow: 3, idNumber: WORKER_ID, periods: ['2026-02'], amountFen: 1500, method: 'cash' }] },
      t.adminToken,
      'VALIDATION',
    );
    expect(formatError(error, 'zh-CN', 'dues.payMany')).toContain('2026-02');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });

  it('a dry run checks every row as the real one would and records nothing', async () => {
    const { t } = await street();
    const before = tableSnapshot(t.app.sqlite);
    const result = await expectOk(t.app, 'dues.payMany', { dryRun: true, payments: [{ sheetRow: 3, idNumber: WORKER_ID, periods: ['2026-03'], amountFen: 1500, method: 'cash' }] }, t.adminToken);
    expect(result).toMatchObject({ dryRun: true, count: 1, totalFen: 1500 });
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });
});
