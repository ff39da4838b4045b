// Payments of dues: for one or more months (monthly, quarterly, in advance, or back payment of at most 6 months
// at a time), cash, transfer or WeChat with a reference, a receipt number per year. The amount is spread over
// the months in order, each up to what it still owes; what is left over stays on the last month (paid ahead).
// A payment is never deleted: a reversal is a counter-entry with the opposite amounts and its own number.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { DuesPaymentInfo, DuesVoluntaryInfo } from '../../../shared/api/contract-dues';
import { BACK_PAY_LIMIT, VOLUNTARY_MIN_FEN, type DuesMethod } from '../../../shared/api/schemas-dues';
import { formatFen, MAX_FEN, monthIndex } from '../../../shared/dues/money';
import type { FieldIssue } from '../../../shared/result';
import { issue, notFound, refuse, refused } from '../counter/refusals';
import { baseAt, broughtPaidTo, dueOf, duesMember, farmerFen, firstDuesMonth, orgInfos, periodOf } from './common';
import { ensureLedgerRow } from './ledger';

interface PaymentRow {
  id: number;
  member_id: number;
  org_id: number;
  receipt_number: string;
  paid_on: string;
  amount_fen: number;
  method: DuesMethod;
  reference: string | null;
  periods: string;
  reversal_of: number | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export function paymentInfo(db: Db, id: number): DuesPaymentInfo {
  const row = db.prepare('SELECT p.*, m.name AS member_name FROM dues_payments p JOIN members m ON m.id = p.member_id WHERE p.id = ?').get(id) as (PaymentRow & { member_name: string }) | undefined;
  if (!row) throw notFound('dues_payment', id);
  return toInfo(db, row, orgInfos(db).get(row.org_id)?.name ?? '');
}

function toInfo(db: Db, row: PaymentRow & { member_name: string }, branch: string): DuesPaymentInfo {
  const reversedBy = row.reversal_of === null ? ((db.prepare('SELECT id FROM dues_payments WHERE reversal_of = ?').pluck().get(row.id) as number | undefined) ?? null) : null;
  return {
    id: row.id,
    memberId: row.member_id,
    memberName: row.member_name,
    orgId: row.org_id,
    branch,
    receiptNumber: row.receipt_number,
    paidOn: row.paid_on,
    amountFen: row.amount_fen,
    method: row.method,
    reference: row.reference,
    periods: row.periods.split(','),
    reversalOf: row.reversal_of,
    reversedBy,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

export function memberPayments(db: Db, memberId: number): DuesPaymentInfo[] {
  const orgs = orgInfos(db);
  const rows = db.prepare('SELECT p.*, m.name AS member_name FROM dues_payments p JOIN members m ON m.id = p.member_id WHERE p.member_id = ? ORDER BY p.paid_on DESC, p.id DESC').all(memberId) as (PaymentRow & { member_name: string })[];
  return rows.map((r) => toInfo(db, r, orgs.get(r.org_id)?.name ?? ''));
}

/** The next receipt number of the year: 2026-000001, never given twice (reversals take one too). */
function nextReceipt(db: Db, year: number): { seq: number; number: string } {
  const last = db.prepare('SELECT max(seq) FROM dues_payments WHERE year = ?').pluck().get(year) as number | null;
  const seq = (last ?? 0) + 1;
  return { seq, number: `${year}-${String(seq).padStart(6, '0')}` };
}

/** The months of a payment that are back payment: before the month it is paid in, and not yet settled. */
export function backMonths(db: Db, memberId: number, periods: readonly string[], paidIn: string): string[] {
  const settled = db.prepare('SELECT 1 FROM dues_ledger WHERE member_id = ? AND period = ? AND paid_fen >= due_fen');
  return periods.filter((p) => p < paidIn && !settled.get(memberId, p));
}

export function pay(db: Db, input: ApiParsedInput<'dues.pay'>, actor: string, now: Date, today: string): DuesPaymentInfo {
  const member = duesMember(db, input.memberId);
  const periods = [...input.periods].sort();
  const problems: FieldIssue[] = [];
  const repeated = periods.find((p, i) => i > 0 && periods[i - 1] === p);
  if (repeated) problems.push(issue('periods', 'duesMonthsRepeat', repeated, { value: repeated }));
  if (input.amountFen <= 0 || input.amountFen > MAX_FEN) problems.push(issue('amountFen', input.amountFen <= 0 ? 'duesAmountZero' : 'tooBig', formatFen(input.amountFen), { max: formatFen(MAX_FEN) }));
  const first = firstDuesMonth(db, member);
  const early = periods.find((p) => !first || p < first);
  if (early) problems.push(issue('periods', 'duesBeforeRoll', early, { period: early, joined: first ?? '—' }));
  const paidOn = input.paidOn ?? today;
  const back = backMonths(db, member.id, periods, periodOf(paidOn));
  if (back.length > BACK_PAY_LIMIT) problems.push(issue('periods', 'duesBackPayLimit', back.join(','), { count: back.length, from: back[0], to: back[back.length - 1] }));
  const farmer = farmerFen(db);
  const dues = new Map<string, { category: ReturnType<typeof dueOf>['amount']['category']; base_fen: number | null; dueFen: number }>();
  if (!problems.length) {
    for (const p of periods) {
      const base = baseAt(db, member.id, p);
      if (!base) {
        problems.push(issue('periods', 'duesNoBase', p, { period: p }));
        break;
      }
      dues.set(p, { category: base.category, base_fen: base.base_fen, dueFen: dueOf(base, farmer).dueFen });
    }
  }
  if (problems.length) throw refused(problems);

  const year = Number(paidOn.slice(0, 4));
  const receipt = nextReceipt(db, year);
  const id = Number(
    db
      .prepare(
        `INSERT INTO dues_payments (member_id, org_id, year, seq, receipt_number, paid_on, amount_fen, method, reference, periods, note, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(member.id, member.org_id, year, receipt.seq, receipt.number, paidOn, input.amountFen, input.method, input.reference || null, periods.join(','), input.note || null, actor, now.toISOString()).lastInsertRowid,
  );
  let rest = input.amountFen;
  const allocate = db.prepare('INSERT INTO dues_allocations (payment_id, member_id, period, amount_fen) VALUES (?, ?, ?, ?)');
  const addPaid = db.prepare('UPDATE dues_ledger SET paid_fen = paid_fen + ? WHERE member_id = ? AND period = ?');
  const owed = db.prepare('SELECT due_fen - paid_fen FROM dues_ledger WHERE member_id = ? AND period = ?').pluck();
  periods.forEach((p, i) => {
    ensureLedgerRow(db, member, p, dues.get(p)!);
    const share = i === periods.length - 1 ? rest : Math.min(rest, Math.max(0, owed.get(member.id, p) as number));
    if (share === 0) return;
    allocate.run(id, member.id, p, share);
    addPaid.run(share, member.id, p);
    rest -= share;
  });
  return paymentInfo(db, id);
}

export function reverse(db: Db, input: ApiParsedInput<'dues.reverse'>, actor: string, now: Date, today: string): { before: DuesPaymentInfo; after: DuesPaymentInfo } {
  const original = paymentInfo(db, input.paymentId);
  if (original.reversalOf !== null) throw refuse('paymentId', 'duesReversalOfReversal', original.receiptNumber);
  if (original.reversedBy !== null) {
    const on = db.prepare('SELECT paid_on FROM dues_payments WHERE id = ?').pluck().get(original.reversedBy) as string;
    throw refuse('paymentId', 'duesAlreadyReversed', original.receiptNumber, { on });
  }
  const on = input.on ?? today;
  const year = Number(on.slice(0, 4));
  const receipt = nextReceipt(db, year);
  const id = Number(
    db
      .prepare(
        `INSERT INTO dues_payments (member_id, org_id, year, seq, receipt_number, paid_on, amount_fen, method, reference, periods, reversal_of, note, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(original.memberId, original.orgId, year, receipt.seq, receipt.number, on, -original.amountFen, original.method, original.receiptNumber, original.periods.join(','), original.id, input.reason, actor, now.toISOString())
      .lastInsertRowid,
  );
  const shares = db.prepare('SELECT period, amount_fen FROM dues_allocations WHERE payment_id = ?').all(original.id) as { period: string; amount_fen: number }[];
  for (const s of shares) {
    db.prepare('INSERT INTO dues_allocations (payment_id, member_id, period, amount_fen) VALUES (?, ?, ?, ?)').run(id, original.memberId, s.period, -s.amount_fen);
    db.prepare('UPDATE dues_ledger SET paid_fen = paid_fen - ? WHERE member_id = ? AND period = ?').run(s.amount_fen, original.memberId, s.period);
  }
  return { before: original, after: paymentInfo(db, id) };
}

/** The months a payment covers (for the freeze rule of a reversal). */
export function paymentPeriods(db: Db, paymentId: number): { memberId: number; periods: string[] } | undefined {
  const row = db.prepare('SELECT member_id, periods FROM dues_payments WHERE id = ?').get(paymentId) as { member_id: number; periods: string } | undefined;
  return row ? { memberId: row.member_id, periods: row.periods.split(',') } : undefined;
}

export function payVoluntary(db: Db, input: ApiParsedInput<'dues.payVoluntary'>, actor: string, now: Date, today: string): DuesVoluntaryInfo {
  const member = duesMember(db, input.memberId);
  if (input.amountFen < VOLUNTARY_MIN_FEN || input.amountFen > MAX_FEN) throw refuse('amountFen', input.amountFen < VOLUNTARY_MIN_FEN ? 'duesVoluntaryMinimum' : 'tooBig', formatFen(input.amountFen), { value: formatFen(input.amountFen), max: formatFen(MAX_FEN) });
  const paidOn = input.paidOn ?? today;
  const year = Number(paidOn.slice(0, 4));
  const count = db.prepare("SELECT count(*) FROM dues_voluntary WHERE paid_on LIKE ? || '%'").pluck().get(String(year)) as number;
  const receiptNumber = `${year}-V${String(count + 1).padStart(4, '0')}`;
  const id = Number(
    db
      .prepare('INSERT INTO dues_voluntary (member_id, org_id, paid_on, amount_fen, method, reference, receipt_number, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(member.id, member.org_id, paidOn, input.amountFen, input.method, input.reference || null, receiptNumber, input.note || null, actor, now.toISOString()).lastInsertRowid,
  );
  return { id, memberId: member.id, memberName: member.name, paidOn, amountFen: input.amountFen, method: input.method, reference: input.reference || null, receiptNumber };
}

export function memberVoluntary(db: Db, memberId: number): DuesVoluntaryInfo[] {
  const rows = db.prepare('SELECT v.*, m.name AS member_name FROM dues_voluntary v JOIN members m ON m.id = v.member_id WHERE v.member_id = ? ORDER BY v.paid_on DESC').all(memberId) as {
    id: number;
    member_id: number;
    member_name: string;
    paid_on: string;
    amount_fen: number;
    method: DuesMethod;
    reference: string | null;
    receipt_number: string;
  }[];
  return rows.map((r) => ({ id: r.id, memberId: r.member_id, memberName: r.member_name, paidOn: r.paid_on, amountFen: r.amount_fen, method: r.method, reference: r.reference, receiptNumber: r.receipt_number }));
}

/**
 * The month dues are paid up to ("党费已交到"): the month before the first month still owed, or the last
 * month paid when none is owed. null when the ledger has no payment for the member (the letter's manual field
 * is used then).
 */
export function paidTo(db: Db, memberId: number): string | null {
  const any = db.prepare('SELECT 1 FROM dues_allocations WHERE member_id = ? LIMIT 1').get(memberId);
  // No payment here yet: what a received introduction letter brought, if any.
  if (!any) return broughtPaidTo(db, memberId);
  const firstOwed = db.prepare('SELECT min(period) FROM dues_ledger WHERE member_id = ? AND paid_fen < due_fen').pluck().get(memberId) as string | null;
  const lastSettled = db.prepare('SELECT max(period) FROM dues_ledger WHERE member_id = ? AND paid_fen >= due_fen AND paid_fen > 0').pluck().get(memberId) as string | null;
  if (firstOwed === null) return lastSettled;
  const before = monthIndex(firstOwed) - 1;
  const month = `${Math.floor(before / 12)}-${String((before % 12) + 1).padStart(2, '0')}`;
  const earliest = db.prepare('SELECT min(period) FROM dues_ledger WHERE member_id = ?').pluck().get(memberId) as string;
  // Owing from the very first month: nothing is paid up to any month.
  return firstOwed <= earliest ? broughtPaidTo(db, memberId) : month;
}
