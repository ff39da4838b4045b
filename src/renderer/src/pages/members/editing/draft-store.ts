// New members being typed or pasted under the grid. The drafts live here, apart from the grid, so that a
// reload of the grid's rows or a new grid (another language) shows them again unchanged; a draft leaves
// only when the core has added it, or when the clerk discards it.
import { isBlankCell } from '../../../../../shared/members/draft';
import { mapValues, normalizeTyped } from './cell-values';

/** A new member being typed or pasted under the grid; added to the archive once the core accepts it. */
export interface DraftRow extends Record<string, unknown> {
  id: string;
  draft: true;
  branch: string;
}

/** Where new members go: the organization chosen in the tree, when members may be added to it. */
export interface NewMemberTarget {
  orgId: number;
  name: string;
}

export const isDraft = (row: Record<string, unknown> | undefined): row is DraftRow => row !== undefined && (row as DraftRow).draft === true;

/** What a draft sends: its typed cells, without the grid's own keys. */
export function draftFields(draft: DraftRow): Record<string, unknown> {
  const { id: _id, draft: _draft, branch: _branch, orgId: _orgId, ...cells } = draft;
  return Object.fromEntries(Object.entries(cells).filter(([, v]) => !isBlankCell(v)));
}

export class DraftStore {
  private rows: DraftRow[] = [];
  private seq = 0;

  /** The drafts in order; a new array after every change (React compares by identity). */
  get all(): DraftRow[] {
    return this.rows;
  }

  find(id: string): DraftRow | undefined {
    return this.rows.find((d) => d.id === id);
  }

  add(target: NewMemberTarget, cells: Record<string, unknown> = {}): DraftRow {
    const draft = this.make(target, cells);
    this.rows = [...this.rows, draft];
    return draft;
  }

  remove(id: string): void {
    this.rows = this.rows.filter((d) => d.id !== id);
  }

  /** Typed cells (trimmed, emptied ones null) into one draft. */
  edit(id: string, cells: Record<string, unknown>): void {
    this.rows = this.rows.map((d) => (d.id === id ? { ...d, ...mapValues(cells, normalizeTyped) } : d));
  }

  /**
   * Pasted rows from draft `from` down: over the drafts already there, then as new drafts of `target`.
   * Without a target (no organization that takes members is chosen) the rows past the drafts are refused.
   * Answers the drafts touched and whether some rows were refused.
   */
  place(from: number, rows: readonly Record<string, unknown>[], target: NewMemberTarget | null): { touched: string[]; refused: boolean } {
    const drafts = [...this.rows];
    const touched: string[] = [];
    let refused = false;
    for (let i = 0; i < rows.length; i++) {
      const existing = drafts[from + i];
      if (existing) {
        drafts[from + i] = { ...existing, ...rows[i] };
        touched.push(existing.id);
      } else if (target) {
        const draft = this.make(target, rows[i]);
        drafts.push(draft);
        touched.push(draft.id);
      } else {
        refused = true;
        break;
      }
    }
    this.rows = drafts;
    return { touched, refused };
  }

  private make(target: NewMemberTarget, cells: Record<string, unknown>): DraftRow {
    return { ...cells, id: `draft-${++this.seq}`, draft: true, branch: target.name, orgId: target.orgId };
  }
}
