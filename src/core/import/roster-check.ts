// The dry run's first half: every roster row checked with the shared member rules, each problem naming
// the Excel row and the column the clerk has to fix.
import { type CheckMemberRowOptions, type MemberDraft, type RowProblem, checkMemberRow } from '../../shared/members/draft';
import type { Roster, RosterColumn } from './roster-reader';

export interface RosterProblem extends RowProblem {
  /** The column holding the cell; null for a required field no column was mapped to. */
  column: RosterColumn | null;
}

export interface RosterRowCheck {
  excelRow: number;
  draft: MemberDraft | null;
  problems: RosterProblem[];
  warnings: RosterProblem[];
}

export function checkRosterRows(roster: Pick<Roster, 'rows' | 'columns'>, options: CheckMemberRowOptions = {}): RosterRowCheck[] {
  const columnOf = new Map(roster.columns.filter((c) => c.field !== null).map((c) => [c.field as string, c]));
  const today = options.today ?? new Date();
  return roster.rows.map(({ excelRow, cells }) => {
    // The community is not a field of the record: it places the row's branch (import-members.ts).
    const { community: _community, ...fields } = cells;
    const { draft, problems, warnings } = checkMemberRow(fields, { today });
    const located = (p: RowProblem) => ({ ...p, column: columnOf.get(p.field) ?? null });
    return { excelRow, draft, problems: problems.map(located), warnings: warnings.map(located) };
  });
}
