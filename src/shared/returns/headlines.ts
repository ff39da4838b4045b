// What a clerk should see before finalizing a month: its headline figures and what looks wrong. Finalizing
// freezes the month's records, so the confirmation shows these rather than a bare "are you sure".
import { RETURN_TABLE_IDS, type ReturnTable, type ReturnTableId } from './tables';

/** The figures a street office reads first, in the order of the return's tables. */
const HEADLINE_COLUMNS: readonly (readonly [ReturnTableId, string])[] = [
  ['membersByCommunity', 'total'],
  ['changes', 'joined'],
  ['changes', 'transferredIn'],
  ['changes', 'transferredOut'],
  ['transfers', 'issued'],
  ['serviceRequests', 'requests'],
  ['serviceRequests', 'closed'],
  ['volunteerHours', 'hours'],
];

export interface ReturnHeadline {
  table: ReturnTableId;
  column: string;
  value: number;
}

export type ReturnWarning =
  /** Every figure of a table is zero (or the table has no rows): a month without any change or request is rare. */
  | { kind: 'allZero'; table: ReturnTableId }
  /** Figures that say work is late: requests still overdue, transfer receipts not back. */
  | { kind: 'late'; table: ReturnTableId; column: string; value: number };

const LATE_COLUMNS: readonly (readonly [ReturnTableId, string])[] = [
  ['serviceRequests', 'overdue'],
  ['transfers', 'receiptOverdue'],
  ['transfers', 'expired'],
];

export function returnHeadlines(tables: readonly ReturnTable[]): ReturnHeadline[] {
  const byId = new Map(tables.map((t) => [t.id, t]));
  return HEADLINE_COLUMNS.flatMap(([table, column]) => {
    const t = byId.get(table);
    if (!t || !t.columns.some((c) => c.key === column)) return [];
    return [{ table, column, value: t.total[column] ?? 0 }];
  });
}

export function returnWarnings(tables: readonly ReturnTable[]): ReturnWarning[] {
  const warnings: ReturnWarning[] = [];
  const ordered = [...tables].sort((a, b) => RETURN_TABLE_IDS.indexOf(a.id) - RETURN_TABLE_IDS.indexOf(b.id));
  for (const t of ordered) {
    const plain = t.columns.filter((c) => !c.derived);
    if (t.rows.length === 0 || plain.every((c) => !(t.total[c.key] ?? 0))) warnings.push({ kind: 'allZero', table: t.id });
  }
  for (const [table, column] of LATE_COLUMNS) {
    const value = tables.find((t) => t.id === table)?.total[column] ?? 0;
    if (value > 0) warnings.push({ kind: 'late', table, column, value });
  }
  return warnings;
}
