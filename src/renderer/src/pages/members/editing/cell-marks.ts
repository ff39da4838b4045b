// Cells the core refused: what was typed (shown in the cell until fixed) and why (its tooltip).
import type { Language } from '../../../../../shared/api/schemas';
import { formatIssue } from '../../../../../shared/i18n/messages';
import type { FieldIssue } from '../../../../../shared/result';
import { memberField } from './cell-values';

export interface InvalidCell {
  raw: unknown;
  message: string;
}

type RowId = number | string;

const key = (id: RowId, field: string) => `${id}\u0000${field}`;
const rowPrefix = (id: RowId) => `${id}\u0000`;

export class CellMarks {
  private readonly cells = new Map<string, InvalidCell>();

  get(id: RowId, field: string): InvalidCell | undefined {
    return this.cells.get(key(id, field));
  }

  has(id: RowId, field: string): boolean {
    return this.cells.has(key(id, field));
  }

  set(id: RowId, field: string, raw: unknown, message: string): void {
    this.cells.set(key(id, field), { raw, message });
  }

  clear(id: RowId, field: string): void {
    this.cells.delete(key(id, field));
  }

  clearRow(id: RowId): void {
    for (const k of [...this.cells.keys()]) if (k.startsWith(rowPrefix(id))) this.cells.delete(k);
  }

  /** The refused cells of one row, in the order they were marked. */
  ofRow(id: RowId): InvalidCell[] {
    return [...this.cells.entries()].filter(([k]) => k.startsWith(rowPrefix(id))).map(([, cell]) => cell);
  }

  get size(): number {
    return this.cells.size;
  }
}

/**
 * Marks the sent fields an answer refused (several problems on one field are joined); problems named on
 * fields that were not sent are answered apart, for the caller to place.
 */
export function markIssues(marks: CellMarks, id: RowId, sent: Record<string, unknown>, issues: readonly FieldIssue[], lang: Language): { refused: Set<string>; elsewhere: string[] } {
  const refused = new Set<string>();
  const elsewhere: string[] = [];
  for (const issue of issues) {
    const field = memberField(issue.field);
    const text = formatIssue(issue, lang);
    if (Object.hasOwn(sent, field)) {
      const previous = refused.has(field) ? `${marks.get(id, field)?.message ?? ''}；` : '';
      marks.set(id, field, sent[field], previous + text);
      refused.add(field);
    } else {
      elsewhere.push(text);
    }
  }
  return { refused, elsewhere };
}
