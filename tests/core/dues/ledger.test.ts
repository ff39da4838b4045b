// The dues ledger through the contract on a real SQLite file: generated from the roster with the official
// amounts, payments monthly, quarterly, partial and in advance, the 6-month back-payment limit, closed months
// frozen by the dispatcher's rules, reversals that never delete, the 6-month arrears flag, and the
// introduction letter's 党费已交到 agreeing with the ledger.
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../src/shared/i18n/messages';
import { appsForEachTest, count, expectError, expectOk, tableSnapshot, type TestApp } from '../../support/factory';
import { duesStreet, type DuesStreet } from './dues-support';

const app = appsForEachTest();

async function street(): Promise<{ t: TestApp; s: DuesStreet }> {
  const t = await app();
  return { t, s: await duesStreet(t) };
}

function ledgerRow<R extends { memberId: number }>(ledger: { rows: R[] }, memberId: number): R | undefined {
  return ledger.rows.find((r) => r.memberId === memberId);
}

describe('the month’s ledger', () => {
  it('is generated from the roster with every member’s amount on the official bands, probationers from the month of admission', async () => {
    const { t, s } = await street();
    expect(await expectOk(t.app, 'dues.generate', { period: '2026-01' }, t.adminToken)).toMatchObject({ created: 2 });
    const january = await expectOk(t.app, 'dues.ledger', { period: '2026-01' }, t.adminToken);
    expect(ledgerRow(january, s.probationer)).toBeUndefined();
    expect(await expectOk(t.app, 'dues.generate', { period: '2026-02', orgId: s.branch }, t.adminToken)).toMatchObject({ created: 3 });
    const february = await expectOk(t.app, 'dues.ledger', { period: '2026-02', orgId: s.branch }, t.adminToken);
    expect(ledgerRow(february, s.worker)).toMatchObject({ dueFen: 1500, paidFen: 0, settled: false, rule: '工资 3,000 元 × 0.5% = 15.00 元', branch: '幸福社区第一党支部', community: '幸福社区' });
    expect(ledgerRow(february, s.retiree)).toMatchObject({ dueFen: 2400, rule: '养老金 4,800 元 × 0.5% = 24.00 元' });
    expect(ledgerRow(february, s.probationer)).toMatchObject({ dueFen: 20, category: 'student' });
    // The member with no base is counted as missing, not given a made-up amount.
    expect(february.missing).toBe(1);
    expect(february.totals).toEqual({ dueFen: 3920, paidFen: 0, members: 3, settled: 0 });
    // Generating again changes nothing that was right.
    expect(await expectOk(t.app, 'dues.generate', { period: '2026-02' }, t.adminToken)).toMatchObject({ created: 0, updated: 3 });
  });

  it('takes a new base from its effective month on, and shows the rule in the member’s history', async () => {
    const { t, s } = await street();
    await t.app.invoke('dues.generate', { period: '2026-03' }, t.adminToken);
    await t.app.invoke('dues.generate', { period: '2026-04' }, t.adminToken);
    await expectOk(t.app, 'dues.saveBase', { memberId: s.worker, category: 'working', baseFen: 600001, effectiveMonth: '2026-04' }, t.adminToken);
    expect(ledgerRow(await t.app.invoke('dues.ledger', { period: '2026-03' }, t.adminToken), s.worker)?.dueFen).toBe(1500);
    expect(ledgerRow(await t.app.invoke('dues.ledger', { period: '2026-04' }, t.adminToken), s.worker)?.dueFen).toBe(9000);
    const history = await expectOk(t.app, 'dues.history', { memberId: s.worker }, t.adminToken);
    expect(history.bases.map((b) => [b.effectiveMonth, b.monthlyFen])).toEqual([
      ['2025-01', 1500],
      ['2026-04', 9000],
    ]);
    expect(history.bases[1].rule).toBe('工资 6,000.01 元 × 1.5% = 90.00 元');
    expect(history.current?.effectiveMonth).toBe('2025-01');
  });

  it('refuses a negative or absurd base naming the field and the value, with nothing written', async () => {
    const { t, s } = await street();
    const before = tableSnapshot(t.app.sqlite);
    const error = await expectError(t.app, 'dues.saveBase', { memberId: s.unrecorded, category: 'working', baseFen: 100_000_001, effectiveMonth: '2026-03' }, t.adminToken, 'VALIDATION');
    expect(formatError(error, 'zh-CN')).toContain('党费基数');
    expect(formatError(error, 'zh-CN')).toContain('1000000.01');
    expect(formatError(error, 'en')).toContain('Dues base');
    await expectError(t.app, 'dues.saveBase', { memberId: s.unrecorded, category: 'retired', baseFen: -1, effectiveMonth: '2026-03' }, t.adminToken, 'VALIDATION');
    const exempt = await expectError(t.app, 'dues.saveBase', { memberId: s.unrecorded, category: 'relief', effectiveMonth: '2026-03', adjustment: 'exempt' }, t.adminToken, 'VALIDATION');
    expect(formatError(exempt, 'zh-CN')).toContain('批准人');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });
});

describe('payments', () => {
  it('spread over the months in order: a quarter at once, a partial month, and a payment in advance', async () => {
    const { t, s } = await street();
    await t.app.invoke('dues.generate', { period: '2026-03' }, t.adminToken);
    const quarter = await expectOk(t.app, 'dues.pay', { memberId: s.worker, periods: ['2026-05', '2026-03', '2026-04'], amountFen: 4500, method: 'wechat', reference: 'WX4200001' }, t.adminToken);
    expect(quarter).toMatchObject({ receiptNumber: '2026-000001', periods: ['2026-03', '2026-04', '2026-05'], amountFen: 4500, paidOn: '2026-03-10' });
    // April and May were not generated yet: paying ahead made their rows with the amount of the base.
    for (const period of ['2026-03', '2026-04', '2026-05']) expect(ledgerRow(await t.app.invoke('dues.ledger', { period }, t.adminToken), s.worker)).toMatchObject({ dueFen: 1500, paidFen: 1500, settled: true });
    const partial = await expectOk(t.app, 'dues.pay', { memberId: s.retiree, periods: ['2026-03'], amountFen: 1000, method: 'cash' }, t.adminToken);
    expect(partial.receiptNumber).toBe('2026-000002');
    expect(ledgerRow(await t.app.invoke('dues.ledger', { period: '2026-03' }, t.adminToken), s.retiree)).toMatchObject({ dueFen: 2400, paidFen: 1000, settled: false });
    expect((await t.app.invoke('dues.paidTo', { memberId: s.worker }, t.adminToken)).paidTo).toBe('2026-05');
  });

  it('refuses a back payment of more than 6 months with the rule, and takes 6', async () => {
    const { t, s } = await street();
    const before = tableSnapshot(t.app.sqlite);
    const seven = ['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'];
    const error = await expectError(t.app, 'dues.pay', { memberId: s.retiree, periods: seven, amountFen: 7 * 2400, method: 'cash' }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues).toEqual([expect.objectContaining({ field: 'periods', problem: 'duesBackPayLimit', params: { count: 7, from: '2025-08', to: '2026-02' } })]);
    expect(formatError(error, 'zh-CN')).toContain('一次补交最多 6 个月');
    expect(formatError(error, 'en')).toContain('at most 6 months at a time');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
    const six = await expectOk(t.app, 'dues.pay', { memberId: s.retiree, periods: seven.slice(1), amountFen: 6 * 2400, method: 'transfer', reference: 'B-2026-031' }, t.adminToken);
    expect(six.periods).toHaveLength(6);
  });

  it('refuses months before admission and members without a base, naming the month', async () => {
    const { t, s } = await street();
    const early = await expectError(t.app, 'dues.pay', { memberId: s.probationer, periods: ['2026-01'], amountFen: 20, method: 'cash' }, t.adminToken, 'VALIDATION');
    expect(formatError(early, 'zh-CN')).toContain('2026-01');
    const none = await expectError(t.app, 'dues.pay', { memberId: s.unrecorded, periods: ['2026-03'], amountFen: 100, method: 'cash' }, t.adminToken, 'VALIDATION');
    expect(none.details?.issues?.[0]).toMatchObject({ problem: 'duesNoBase', params: { period: '2026-03' } });
  });

  it('are never deleted: a reversal is a counter-entry with its own number, and cannot be made twice', async () => {
    const { t, s } = await street();
    const paid = await t.app.invoke('dues.pay', { memberId: s.worker, periods: ['2026-03'], amountFen: 1500, method: 'cash' }, t.adminToken);
    const reversal = await expectOk(t.app, 'dues.reverse', { paymentId: paid.id, reason: '录错了党员' }, t.adminToken);
    expect(reversal).toMatchObject({ amountFen: -1500, reversalOf: paid.id, receiptNumber: '2026-000002', periods: ['2026-03'] });
    expect(count(t.app.database, 'dues_payments')).toBe(2);
    expect(ledgerRow(await t.app.invoke('dues.ledger', { period: '2026-03' }, t.adminToken), s.worker)).toMatchObject({ paidFen: 0, settled: false });
    const history = await t.app.invoke('dues.history', { memberId: s.worker }, t.adminToken);
    expect(history.payments.find((p) => p.id === paid.id)?.reversedBy).toBe(reversal.id);
    await expectError(t.app, 'dues.reverse', { paymentId: paid.id, reason: '再冲一次' }, t.adminToken, 'VALIDATION');
    await expectError(t.app, 'dues.reverse', { paymentId: reversal.id, reason: '冲正冲正' }, t.adminToken, 'VALIDATION');
  });

  it('records a voluntary one-off payment of 1,000 yuan or more apart, and refuses a smaller one', async () => {
    const { t, s } = await street();
    const error = await expectError(t.app, 'dues.payVoluntary', { memberId: s.retiree, amountFen: 99_999, method: 'cash' }, t.adminToken, 'VALIDATION');
    expect(formatError(error, 'zh-CN')).toContain('999.99');
    const paid = await expectOk(t.app, 'dues.payVoluntary', { memberId: s.retiree, amountFen: 200_000, method: 'transfer' }, t.adminToken);
    expect(paid.receiptNumber).toBe('2026-V0001');
    expect(count(t.app.database, 'dues_payments')).toBe(0);
    expect((await t.app.invoke('dues.remittance', { period: '2026-03' }, t.adminToken)).totals.voluntaryFen).toBe(200_000);
  });
});

describe('a closed month', () => {
  it('is closed by the branch, then the street, and is frozen for payments, reversals, bases and the ledger, naming the month', async () => {
    const { t, s } = await street();
    await t.app.invoke('dues.generate', { period: '2026-03' }, t.adminToken);
    const paid = await t.app.invoke('dues.pay', { memberId: s.worker, periods: ['2026-03'], amountFen: 1500, method: 'cash' }, t.adminToken);
    await expectError(t.app, 'dues.close', { orgId: s.branch, period: '2026-03', level: 'street' }, t.adminToken, 'VALIDATION');
    await expectOk(t.app, 'dues.close', { orgId: s.branch, period: '2026-03' }, t.adminToken);
    const before = tableSnapshot(t.app.sqlite);
    const refusals = [
      await expectError(t.app, 'dues.pay', { memberId: s.retiree, periods: ['2026-03'], amountFen: 2400, method: 'cash' }, t.adminToken, 'VALIDATION'),
      await expectError(t.app, 'dues.reverse', { paymentId: paid.id, reason: '金额有误' }, t.adminToken, 'VALIDATION'),
      await expectError(t.app, 'dues.saveBase', { memberId: s.worker, category: 'working', baseFen: 400000, effectiveMonth: '2026-02' }, t.adminToken, 'VALIDATION'),
      await expectError(t.app, 'dues.generate', { period: '2026-03', orgId: s.branch }, t.adminToken, 'VALIDATION'),
    ];
    for (const error of refusals) {
      expect(error.details?.issues?.[0]).toMatchObject({ problem: 'duesMonthClosed', params: { period: '2026-03' } });
      expect(formatError(error, 'zh-CN')).toContain('2026-03 的党费已结账');
    }
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
    // The next month is open, and the street closes after the branch.
    await expectOk(t.app, 'dues.pay', { memberId: s.retiree, periods: ['2026-04'], amountFen: 2400, method: 'cash' }, t.adminToken);
    expect(await expectOk(t.app, 'dues.close', { orgId: s.branch, period: '2026-03', level: 'street' }, t.adminToken)).toMatchObject({ streetClosedBy: expect.any(String), level: 'street' });
  });
});

describe('arrears', () => {
  it('flags 6 months in a row unpaid, not 5, and lists what is owed', async () => {
    const { t, s } = await street();
    for (const period of ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']) await t.app.invoke('dues.generate', { period }, t.adminToken);
    // The worker pays September: five months in a row remain. The retiree pays nothing: six.
    await t.app.invoke('dues.pay', { memberId: s.worker, periods: ['2025-09'], amountFen: 1500, method: 'cash' }, t.adminToken);
    const list = await expectOk(t.app, 'dues.arrears', { asOf: '2026-02' }, t.adminToken);
    const retiree = list.rows.find((r) => r.memberId === s.retiree)!;
    const worker = list.rows.find((r) => r.memberId === s.worker)!;
    expect(retiree).toMatchObject({ monthsOwed: 6, monthsInRow: 6, flagged: true, owedFen: 6 * 2400, firstOwed: '2025-09', lastOwed: '2026-02', branch: '幸福社区第一党支部' });
    expect(worker).toMatchObject({ monthsOwed: 5, monthsInRow: 5, flagged: false });
    expect(list.rows[0].memberId).toBe(s.retiree);
    // Paying one month in the middle breaks the run.
    await t.app.invoke('dues.pay', { memberId: s.retiree, periods: ['2025-11'], amountFen: 2400, method: 'cash' }, t.adminToken);
    const after = (await t.app.invoke('dues.arrears', { asOf: '2026-02', minMonths: 5 }, t.adminToken)).rows;
    expect(after.find((r) => r.memberId === s.retiree)).toMatchObject({ monthsOwed: 5, monthsInRow: 3, flagged: false });
    expect(after.find((r) => r.memberId === s.probationer)).toBeUndefined();
  });
});

describe('the introduction letter', () => {
  it('takes 党费已交到 from the ledger, with the typed month as the fallback when the ledger has no payments', async () => {
    const { t, s } = await street();
    await t.app.invoke('dues.pay', { memberId: s.worker, periods: ['2026-01', '2026-02', '2026-03'], amountFen: 4500, method: 'cash' }, t.adminToken);
    const out = { direction: 'out' as const, toOrgName: '西城区展览路街道党工委', issuedOn: '2026-03-10' };
    // Without a typed month: the ledger's.
    const letter = await expectOk(t.app, 'transfers.create', { ...out, memberId: s.worker }, t.adminToken);
    expect(letter.duesPaidTo).toBe('2026-03');
    expect((await t.app.invoke('print.letter', { transferId: letter.id }, t.adminToken)).duesPaidTo).toBe('2026-03');
    // A typed month that disagrees gives way to the ledger.
    const retireePaid = await t.app.invoke('dues.pay', { memberId: s.retiree, periods: ['2026-02'], amountFen: 2400, method: 'cash' }, t.adminToken);
    expect(retireePaid.periods).toEqual(['2026-02']);
    const second = await expectOk(t.app, 'transfers.create', { ...out, memberId: s.retiree, duesPaidTo: '2025-12' }, t.adminToken);
    expect(second.duesPaidTo).toBe('2026-02');
    // No payments in the ledger: the typed month, and without one the letter is refused as before.
    const manual = await expectOk(t.app, 'transfers.create', { ...out, memberId: s.unrecorded, duesPaidTo: '2026-02' }, t.adminToken);
    expect(manual.duesPaidTo).toBe('2026-02');
    await expectError(t.app, 'transfers.create', { ...out, memberId: s.probationer }, t.adminToken, 'VALIDATION');
  });

  it('brings the paid-to month in: the ledger starts the month after it', async () => {
    const { t, s } = await street();
    const incoming = await t.app.invoke(
      'transfers.create',
      { direction: 'in', letterNumber: '西展组转〔2026〕017号', person: { name: '钱进', idNumber: '110105199003030031', category: 'full' }, issuedOn: '2026-03-09', fromOrgName: '西城区展览路街道党工委', toOrgId: s.branch, duesPaidTo: '2026-03' },
      t.adminToken,
    );
    const received = await t.app.invoke('transfers.receive', { id: incoming.id, on: '2026-03-10' }, t.adminToken);
    const memberId = received.memberId!;
    expect((await t.app.invoke('dues.paidTo', { memberId }, t.adminToken)).paidTo).toBe('2026-03');
    await t.app.invoke('dues.saveBase', { memberId, category: 'working', baseFen: 450000, effectiveMonth: '2026-04' }, t.adminToken);
    await t.app.invoke('dues.saveBase', { memberId: s.worker, category: 'working', baseFen: 300000, effectiveMonth: '2026-04' }, t.adminToken);
    await expectError(t.app, 'dues.pay', { memberId, periods: ['2026-03'], amountFen: 4500, method: 'cash' }, t.adminToken, 'VALIDATION');
    await t.app.invoke('dues.pay', { memberId, periods: ['2026-04'], amountFen: 4500, method: 'cash' }, t.adminToken);
    expect((await t.app.invoke('dues.paidTo', { memberId }, t.adminToken)).paidTo).toBe('2026-04');
  });
});
