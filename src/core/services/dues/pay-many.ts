// A sheet of payments (pasted into the ledger or imported from the branch's Excel sheet), recorded all or
// none: each row is found by its member's ID number (the name, when given, must agree) and recorded by the
// same `pay` as a single payment, so every rule holds row by row; a row refused is named by its sheet row,
// and one refused row leaves nothing written (the caller's transaction rolls back).
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { DuesPayManyResult, DuesPaymentInfo } from '../../../shared/api/contract-dues';
import { AppError, type FieldIssue } from '../../../shared/result';
import { issue, refused } from '../counter/refusals';
import { pay } from './payments';

type Row = ApiParsedInput<'dues.payMany'>['payments'][number];

/** The member an ID number names: the one on the roll, else the latest to have left it. */
export function memberIdByIdNumber(db: Db, idNumber: string): number | undefined {
  return db
    .prepare("SELECT id FROM members WHERE id_number = ? ORDER BY status = 'active' DESC, left_on DESC, id DESC LIMIT 1")
    .pluck()
    .get(idNumber.trim().toUpperCase()) as number | undefined;
}

function memberName(db: Db, id: number): string {
  return db.prepare('SELECT name FROM members WHERE id = ?').pluck().get(id) as string;
}

export function payMany(
  db: Db,
  input: ApiParsedInput<'dues.payMany'>,
  actor: string,
  now: Date,
  today: string,
  audit: (payment: DuesPaymentInfo, row: Row) => void,
): DuesPayManyResult {
  const problems: FieldIssue[] = [];
  const done: DuesPayManyResult['payments'] = [];
  const seen = new Map<string, number>();
  input.payments.forEach((row, i) => {
    const at = { sheetRow: row.sheetRow };
    const memberId = memberIdByIdNumber(db, row.idNumber);
    if (memberId === undefined) {
      problems.push(issue(`payments.${i}.idNumber`, 'duesMemberUnknown', undefined, { ...at, value: row.idNumber }));
      return;
    }
    const name = memberName(db, memberId);
    if (row.name && row.name.replace(/\s+/g, '') !== name.replace(/\s+/g, '')) {
      problems.push(issue(`payments.${i}.name`, 'duesNameMismatch', row.name, { ...at, name }));
      return;
    }
    // The same month twice for one member in one sheet is a copy-paste slip, not two payments.
    for (const p of row.periods) {
      const key = `${memberId}:${p}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push(issue(`payments.${i}.periods`, 'duesSheetRepeat', p, { ...at, other: earlier, period: p }));
        return;
      }
    }
    for (const p of row.periods) seen.set(`${memberId}:${p}`, row.sheetRow);
    try {
      const payment = pay(db, { memberId, periods: row.periods, amountFen: row.amountFen, method: row.method, reference: row.reference, paidOn: row.paidOn }, actor, now, today);
      audit(payment, row);
      done.push({ sheetRow: row.sheetRow, memberName: payment.memberName, branch: payment.branch, receiptNumber: payment.receiptNumber, amountFen: payment.amountFen, periods: payment.periods });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION') throw error;
      const issues = (error.details?.issues ?? []) as FieldIssue[];
      for (const found of issues) problems.push({ ...found, field: `payments.${i}.${found.field}`, params: { ...found.params, ...at } });
    }
  });
  if (problems.length) throw refused(problems);
  return { dryRun: input.dryRun === true, count: done.length, totalFen: done.reduce((sum, p) => sum + p.amountFen, 0), payments: done };
}
