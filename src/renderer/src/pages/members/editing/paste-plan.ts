// What a pasted block does, worked out before anything is sent. As in a spreadsheet the block lands from the
// focused cell down and right: cells past the last column fall away, cells in columns that cannot be
// edited are skipped (and counted), and rows past the last member become new-member drafts.
import { normalizeTyped, sameValue } from './cell-values';

export interface PastePlan {
  /** The columns the block covers, from the focused one (fewer at the grid's right edge). */
  columns: string[];
  /** Each pasted row as the editable fields it sets, in the block's order. */
  rows: Record<string, unknown>[];
  /** Covered columns that cannot be edited: their cells are not pasted. */
  skipped: string[];
}

export function planPaste(block: readonly (readonly string[])[], columnIndex: number, columns: readonly string[], editable: (field: string) => boolean): PastePlan {
  const width = Math.max(0, ...block.map((r) => r.length));
  const covered = columns.slice(columnIndex, columnIndex + width);
  const rows = block.map((cells) => {
    const fields: Record<string, unknown> = {};
    cells.forEach((value, i) => {
      const field = covered[i];
      if (field && editable(field)) fields[field] = normalizeTyped(value);
    });
    return fields;
  });
  return { columns: covered, rows, skipped: covered.filter((f) => !editable(f)) };
}

/** The pasted fields that change something: a different value, or one over a refused cell (to fix it). */
export function changedFields(stored: Record<string, unknown>, fields: Record<string, unknown>, refused: (field: string) => boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([f, v]) => !sameValue(stored[f], v) || refused(f)));
}
