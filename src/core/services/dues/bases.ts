// A member's dues category and base, by the month the new pay (or pension) starts. A base saved again for
// the same month replaces that month's entry (the audit keeps the old one); a new month adds to the history.
// A reduction or exemption needs who approved it and when.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { DuesBaseInfo } from '../../../shared/api/contract-dues';
import type { Language } from '../../../shared/api/schemas';
import { formatFen } from '../../../shared/dues/money';
import { hasBase, MAX_BASE_FEN } from '../../../shared/dues/rates';
import { issue, refused } from '../counter/refusals';
import type { FieldIssue } from '../../../shared/result';
import { baseRule, dueOf, duesMember, farmerFen, firstDuesMonth, type BaseRow } from './common';

export function toBaseInfo(row: BaseRow, farmer: number, lang: Language): DuesBaseInfo {
  return {
    id: row.id,
    memberId: row.member_id,
    category: row.category,
    baseFen: row.base_fen,
    effectiveMonth: row.effective_month,
    adjustment: row.adjustment,
    reducedFen: row.reduced_fen,
    approvedBy: row.approved_by,
    approvedOn: row.approved_on,
    note: row.note,
    monthlyFen: dueOf(row, farmer).dueFen,
    rule: baseRule(row, farmer, lang),
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

export function listBases(db: Db, memberId: number): BaseRow[] {
  return db.prepare('SELECT * FROM dues_bases WHERE member_id = ? ORDER BY effective_month').all(memberId) as BaseRow[];
}

/** The checks of a base, every problem at once. */
export function baseProblems(input: Pick<ApiParsedInput<'dues.saveBase'>, 'category' | 'baseFen' | 'adjustment' | 'reducedFen' | 'approvedBy' | 'approvedOn'>): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (hasBase(input.category)) {
    const base = input.baseFen;
    if (base === null || base < 0 || base > MAX_BASE_FEN) problems.push(issue('baseFen', base === null ? 'required' : 'duesBaseAbsurd', base === null ? undefined : formatFen(base), base === null ? undefined : { value: formatFen(base) }));
  }
  if (input.adjustment !== 'none' && (!input.approvedBy || !input.approvedOn)) problems.push(issue(input.approvedBy ? 'approvedOn' : 'approvedBy', 'duesReducedNeedsApproval'));
  if (input.adjustment === 'reduced' && input.reducedFen === null) problems.push(issue('reducedFen', 'required'));
  return problems;
}

export function saveBase(db: Db, input: ApiParsedInput<'dues.saveBase'>, actor: string, now: Date, lang: Language): { before: DuesBaseInfo | null; after: DuesBaseInfo } {
  const member = duesMember(db, input.memberId);
  const problems = baseProblems(input);
  const first = firstDuesMonth(db, member);
  if (first && input.effectiveMonth < first) problems.push(issue('effectiveMonth', 'duesBeforeRoll', input.effectiveMonth, { period: input.effectiveMonth, joined: first }));
  if (problems.length) throw refused(problems);
  const farmer = farmerFen(db);
  const existing = db.prepare('SELECT * FROM dues_bases WHERE member_id = ? AND effective_month = ?').get(member.id, input.effectiveMonth) as BaseRow | undefined;
  const values = {
    category: input.category,
    base_fen: hasBase(input.category) ? input.baseFen : null,
    adjustment: input.adjustment,
    reduced_fen: input.adjustment === 'reduced' ? input.reducedFen : null,
    approved_by: input.adjustment === 'none' ? null : (input.approvedBy ?? null),
    approved_on: input.adjustment === 'none' ? null : (input.approvedOn ?? null),
    note: input.note || null,
    recorded_by: actor,
    recorded_at: now.toISOString(),
  };
  let id: number;
  if (existing) {
    db.prepare(
      'UPDATE dues_bases SET category = @category, base_fen = @base_fen, adjustment = @adjustment, reduced_fen = @reduced_fen, approved_by = @approved_by, approved_on = @approved_on, note = @note, recorded_by = @recorded_by, recorded_at = @recorded_at WHERE id = @id',
    ).run({ ...values, id: existing.id });
    id = existing.id;
  } else {
    id = Number(
      db
        .prepare(
          'INSERT INTO dues_bases (member_id, effective_month, category, base_fen, adjustment, reduced_fen, approved_by, approved_on, note, recorded_by, recorded_at) VALUES (@member_id, @effective_month, @category, @base_fen, @adjustment, @reduced_fen, @approved_by, @approved_on, @note, @recorded_by, @recorded_at)',
        )
        .run({ ...values, member_id: member.id, effective_month: input.effectiveMonth }).lastInsertRowid,
    );
  }
  // Months already in the ledger from this one on (until the next base) take the new amount; paid sums stay.
  const next = db.prepare('SELECT min(effective_month) FROM dues_bases WHERE member_id = ? AND effective_month > ?').pluck().get(member.id, input.effectiveMonth) as string | null;
  const { dueFen } = dueOf(values, farmer);
  db.prepare('UPDATE dues_ledger SET category = ?, base_fen = ?, due_fen = ? WHERE member_id = ? AND period >= ? AND (? IS NULL OR period < ?)').run(
    values.category,
    values.base_fen,
    dueFen,
    member.id,
    input.effectiveMonth,
    next,
    next,
  );
  const after = db.prepare('SELECT * FROM dues_bases WHERE id = ?').get(id) as BaseRow;
  return { before: existing ? toBaseInfo(existing, farmer, lang) : null, after: toBaseInfo(after, farmer, lang) };
}
