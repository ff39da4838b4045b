// Undo and redo of saved changes. A step is what one action saved (one cell, or a whole paste), member
// by member; undoing writes each member's `before` back, redoing its `after`. Pure: the writing is the
// caller's `replay`, which answers the part of the step it could write (a member deleted meanwhile drops out).

/** One member's saved change: the stored values before and the values sent. */
export interface SavedChange {
  id: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export type Step = readonly SavedChange[];

/** Steps kept for undo; older ones fall off, as in a spreadsheet. */
export const UNDO_LIMIT = 200;

export function countCells(step: Step): number {
  return step.reduce((n, c) => n + Object.keys(c.after).length, 0);
}

export class EditHistory {
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];

  constructor(private readonly limit = UNDO_LIMIT) {}

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** A new action was saved: it can be undone, and what was undone before can no longer be redone. */
  record(step: Step): void {
    if (step.length === 0) return;
    this.undoStack.push(step);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
  }

  /** Reverts the last step through `replay`; answers the step taken, or null when there is none. */
  async undo(replay: (step: Step, side: 'before') => Promise<Step>): Promise<Step | null> {
    const step = this.undoStack.pop();
    if (!step) return null;
    const written = await replay(step, 'before');
    if (written.length) this.redoStack.push(written);
    return step;
  }

  /** Writes the last undone step again through `replay`; answers it, or null when there is none. */
  async redo(replay: (step: Step, side: 'after') => Promise<Step>): Promise<Step | null> {
    const step = this.redoStack.pop();
    if (!step) return null;
    const written = await replay(step, 'after');
    if (written.length) this.undoStack.push(written);
    return step;
  }
}
