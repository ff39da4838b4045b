// Editing the members grid as a spreadsheet, with the core as the only judge of what is valid.
//
// - A cell left after an edit is sent at once (members.update with the row's version). A refused value
//   stays in its cell, marked, with the reason; nothing of it is stored until it is fixed.
// - A pasted block is saved row by row; a bad cell is marked and the row's other cells are saved anyway.
//   Rows past the end become new-member drafts (pinned under the grid) that are added once complete.
// - Every saved change can be undone and redone (Ctrl+Z / Ctrl+Y); a paste is one step.
//
// This class ties the parts together and to the grid; the parts hold no React and no grid of their own:
// editing/edit-history (undo, redo), editing/paste-plan (where a block lands), editing/draft-store (new
// members), editing/member-saver (saving, with a retry on a stale record), editing/cell-marks (refusals).
import type { GridApi, IRowNode } from 'ag-grid-community';
import type { ApiInput, ApiOutputs } from '../../../../shared/api/contract';
import type { Language } from '../../../../shared/api/schemas';
import { formatIssue } from '../../../../shared/i18n/messages';
import { checkMemberRow, isBlankCell } from '../../../../shared/members/draft';
import { isApiError } from '../../api/call-error';
import { CellMarks, markIssues, type InvalidCell } from './editing/cell-marks';
import { normalizeTyped, sameValue } from './editing/cell-values';
import { DraftStore, draftFields, isDraft as isDraftRow, type DraftRow, type NewMemberTarget } from './editing/draft-store';
import { countCells, EditHistory, type SavedChange, type Step } from './editing/edit-history';
import { MemberSaver, type Row } from './editing/member-saver';
import { changedFields, planPaste } from './editing/paste-plan';

/** The grid's filters and order, as members.list takes them. */
export type MemberFilters = Omit<ApiInput<'members.list'>, 'sort' | 'offset' | 'limit'>;
export type MemberSort = ApiInput<'members.list'>['sort'];

export type { DraftRow, NewMemberTarget, Row };
export type GridRow = Row | DraftRow;

export const isDraft = (row: GridRow | undefined): row is DraftRow => isDraftRow(row);

export interface EditingNotice {
  kind: 'success' | 'warning' | 'error' | 'info';
  text: string;
}

export interface EditingState {
  canUndo: boolean;
  canRedo: boolean;
  invalidCount: number;
  drafts: DraftRow[];
  busy: string | null;
  notice: EditingNotice | null;
}

export interface EditingHost {
  grid(): GridApi<GridRow> | null;
  filters(): MemberFilters;
  sort(): MemberSort;
  /** Null when the selected organization cannot take members (the street, a community committee …). */
  newMemberTarget(): NewMemberTarget | null;
  /** New members were added: the page reloads its rows (and totals). */
  onMembersAdded(count: number): void;
}

type EditingMethod = 'members.list' | 'members.get' | 'members.update' | 'members.create';

/** The calls editing makes. */
export type EditingCall = <M extends EditingMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutputs[M]>;

/**
 * What editing needs from the app around it: its client and its language (editing/app-env.ts). A test
 * passes the core itself and the catalogs, without a window.
 */
export interface EditingEnv {
  call: EditingCall;
  /** A text of the catalogs in the window's language. */
  t(key: string, options?: Record<string, unknown>): string;
  language(): Language;
  /** A failed call as one sentence in the window's language. */
  errorText(error: unknown): string;
}

/** Pasted rows are saved this many at a time: fast, and gentle on the core. */
const PASTE_CONCURRENCY = 4;

export class MemberEditing {
  private readonly invalid = new CellMarks();
  private readonly history = new EditHistory();
  private readonly drafts = new DraftStore();
  private readonly saver: MemberSaver;
  private busy: string | null = null;
  private notice: EditingNotice | null = null;
  private snapshot: EditingState = this.makeSnapshot();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly host: EditingHost,
    private readonly env: EditingEnv,
  ) {
    this.saver = new MemberSaver(
      env.call,
      this.invalid,
      {
        cached: (id) => {
          const data = this.nodeOf(id)?.data;
          return data && !isDraft(data) ? data : undefined;
        },
        show: (row) => this.nodeOf(row.id)?.setData(row as Row),
        repaint: (id, fields) => this.refreshById(id, fields),
        fail: (text) => this.say('error', text),
        errorText: (error) => env.errorText(error),
      },
      () => env.language(),
    );
  }

  private t(key: string, options?: Record<string, unknown>): string {
    return this.env.t(key, options);
  }

  // --- state for React (useSyncExternalStore) ---

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): EditingState => this.snapshot;

  private makeSnapshot(): EditingState {
    return {
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      invalidCount: this.invalid.size,
      drafts: this.drafts.all,
      busy: this.busy,
      notice: this.notice,
    };
  }

  private changed(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private say(kind: EditingNotice['kind'], text: string): void {
    this.notice = { kind, text };
  }

  dismissNotice(): void {
    this.notice = null;
    this.changed();
  }

  // --- what the cells show ---

  invalidCell(row: GridRow | undefined, field: string): InvalidCell | undefined {
    return row ? this.invalid.get(row.id, field) : undefined;
  }

  /** The value a cell shows: what was typed while it is refused, else the stored value. */
  displayValue(row: GridRow | undefined, field: string): unknown {
    if (!row) return undefined;
    const bad = this.invalid.get(row.id, field);
    return bad ? bad.raw : row[field];
  }

  /** Required cells of a draft that are still empty (shown as such, not as errors). */
  isMissingInDraft(row: GridRow | undefined, field: string): boolean {
    return isDraft(row) && (field === 'name' || field === 'idNumber') && isBlankCell(row[field]);
  }

  // --- single cell edits ---

  async editCell(node: IRowNode<GridRow>, field: string, value: unknown): Promise<void> {
    const row = node.data;
    if (!row) return;
    if (isDraft(row)) {
      await this.editDraft(row.id, { [field]: value });
      return;
    }
    const typed = normalizeTyped(value);
    const pending = this.invalid.get(row.id, field);
    if (!pending && sameValue(row[field], typed)) return;
    // Typing back the stored value into a refused cell just clears the mark.
    if (pending && sameValue(row[field], typed)) {
      this.invalid.clear(row.id, field);
      this.refresh(node, [field]);
      this.changed();
      return;
    }
    const change = await this.saver.save(row.id, { [field]: typed });
    if (change) {
      this.history.record([change]);
      const bad = this.invalid.get(row.id, field);
      if (!bad) this.notice = null;
    } else {
      const bad = this.invalid.get(row.id, field);
      if (bad) this.say('error', this.rowMessage(node, bad.message));
    }
    this.changed();
  }

  /** Delete on a cell that is not being edited: clears it (a refused value first goes back to the stored one). */
  async clearCell(node: IRowNode<GridRow>, field: string): Promise<void> {
    const row = node.data;
    if (!row) return;
    if (this.invalid.has(row.id, field)) {
      this.invalid.clear(row.id, field);
      this.refresh(node, [field]);
      this.changed();
      return;
    }
    await this.editCell(node, field, null);
  }

  private rowMessage(node: IRowNode<GridRow>, message: string): string {
    const row = node.data;
    const name = row && typeof row.name === 'string' && row.name ? row.name : '';
    return node.rowPinned ? this.t('memberEdit.draftProblem', { message }) : this.t('memberEdit.rowProblem', { row: (node.rowIndex ?? 0) + 1, name, message });
  }

  // --- the grid ---

  private nodeOf(id: number): IRowNode<GridRow> | undefined {
    return this.host.grid()?.getRowNode(String(id)) ?? undefined;
  }

  private refresh(node: IRowNode<GridRow>, fields: string[]): void {
    this.host.grid()?.refreshCells({ rowNodes: [node], columns: fields, force: true });
  }

  private refreshById(id: number, fields: string[]): void {
    const node = this.nodeOf(id);
    if (node) this.refresh(node, fields);
  }

  private refreshRow(row: GridRow, fields: string[]): void {
    if (isDraft(row)) this.refreshDrafts();
    else this.refreshById(row.id, fields);
  }

  // --- undo / redo ---

  /** Ctrl+Z: a refused value in the focused cell goes first; otherwise the last saved step is reverted. */
  async undo(focused?: { row: GridRow | undefined; field: string }): Promise<void> {
    if (focused?.row && this.invalid.has(focused.row.id, focused.field)) {
      this.invalid.clear(focused.row.id, focused.field);
      this.refreshRow(focused.row, [focused.field]);
      this.say('info', this.t('memberEdit.undoInvalid'));
      this.changed();
      return;
    }
    const step = await this.history.undo((s, side) => this.replay(s, side));
    if (!step) return;
    this.say('info', this.t('memberEdit.undone', { count: countCells(step) }));
    this.changed();
  }

  async redo(): Promise<void> {
    const step = await this.history.redo((s, side) => this.replay(s, side));
    if (!step) return;
    this.say('info', this.t('memberEdit.redone', { count: countCells(step) }));
    this.changed();
  }

  /** Writes one side of a step back; answers the step as it now stands (for the other stack). */
  private async replay(step: Step, side: 'before' | 'after'): Promise<SavedChange[]> {
    this.busy = this.t('memberEdit.saving');
    this.changed();
    const done: SavedChange[] = [];
    try {
      for (const change of step) {
        const saved = await this.saver.save(change.id, change[side]);
        if (saved) done.push(side === 'before' ? { id: change.id, before: change.before, after: change.after } : saved);
        for (const bad of this.invalid.ofRow(change.id)) this.say('error', bad.message);
      }
    } finally {
      this.busy = null;
    }
    return done;
  }

  // --- paste ---

  /**
   * Pastes a block from the focused cell down and right. Existing members are updated (each row on its
   * own, a bad cell never blocking the good ones); rows past the end become new-member drafts.
   */
  async paste(block: string[][], start: { rowIndex: number; pinned: boolean; columnIndex: number }, columns: readonly string[], editable: (field: string) => boolean): Promise<void> {
    if (block.length === 0) return;
    const plan = planPaste(block, start.columnIndex, columns, editable);

    this.busy = this.t('memberEdit.pasting', { count: block.length });
    this.notice = null;
    this.changed();
    try {
      const existing = start.pinned ? [] : await this.rowsAt(start.rowIndex, block.length);
      this.saver.hold(existing);
      const changes: SavedChange[] = [];
      let done = 0;
      const queue = existing.map((row, i) => ({ row, fields: plan.rows[i] }));
      const worker = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          const { row } = item;
          const changed = changedFields(row, item.fields, (field) => this.invalid.has(row.id, field));
          if (Object.keys(changed).length > 0) {
            const saved = await this.saver.save(row.id, changed);
            if (saved) changes.push(saved);
          }
          done++;
          if (done % 20 === 0) {
            this.busy = this.t('memberEdit.pastingProgress', { done, total: block.length });
            this.changed();
          }
        }
      };
      await Promise.all(Array.from({ length: PASTE_CONCURRENCY }, worker));
      this.saver.release();
      this.history.record(changes);

      const newRows = plan.rows.slice(existing.length);
      let added = 0;
      let refused = false;
      if (newRows.length > 0) {
        const draftStart = start.pinned ? start.rowIndex : this.drafts.all.length;
        ({ added, refused } = await this.pasteIntoDrafts(draftStart, newRows));
      }
      this.host.grid()?.refreshCells({ force: true });
      const invalid = this.invalid.size;
      const parts = [this.t('memberEdit.pasted', { rows: block.length, saved: countCells(changes) })];
      if (added) parts.push(this.t('memberEdit.pastedAdded', { count: added }));
      const waiting = this.drafts.all.length;
      if (waiting) parts.push(this.t('memberEdit.pastedDrafts', { count: waiting }));
      if (invalid) parts.push(this.t('memberEdit.pastedInvalid', { count: invalid }));
      if (plan.skipped.length) parts.push(this.t('memberEdit.pastedSkipped', { count: plan.skipped.length }));
      // Rows past the end with no branch chosen to take them: said in the summary, not lost under it.
      if (refused) parts.push(this.t('memberEdit.pickBranch'));
      this.say(invalid || waiting || refused ? 'warning' : 'success', parts.join(this.t('memberEdit.sep')));
    } catch (error) {
      this.say('error', this.env.errorText(error));
    } finally {
      this.busy = null;
      this.changed();
    }
  }

  /** The members at rows from…from+count of the current view (fewer at its end), in the grid's order. */
  private async rowsAt(from: number, count: number): Promise<Row[]> {
    const rows: Row[] = [];
    while (rows.length < count) {
      const limit = Math.min(count - rows.length, 500);
      const answer = await this.env.call('members.list', { ...this.host.filters(), sort: this.host.sort(), offset: from + rows.length, limit });
      rows.push(...(answer.members as Row[]));
      if (answer.members.length < limit) break;
    }
    return rows;
  }

  // --- drafts: new members typed or pasted under the grid ---

  /** A blank row under the grid for a new member of the selected organization. */
  addBlankDraft(): DraftRow | null {
    const target = this.host.newMemberTarget();
    if (!target) {
      this.say('warning', this.t('memberEdit.pickBranch'));
      this.changed();
      return null;
    }
    const draft = this.drafts.add(target);
    this.refreshDrafts();
    this.changed();
    return draft;
  }

  discardDraft(id: string): void {
    this.drafts.remove(id);
    this.invalid.clearRow(id);
    this.refreshDrafts();
    this.changed();
  }

  /** Pasted rows past the last member, into drafts; answers how many were added and whether some were refused. */
  private async pasteIntoDrafts(from: number, rows: Record<string, unknown>[]): Promise<{ added: number; refused: boolean }> {
    const { touched, refused } = this.drafts.place(from, rows, this.host.newMemberTarget());
    let added = 0;
    for (const id of touched) if (await this.tryAddDraft(id)) added++;
    if (added) this.host.onMembersAdded(added);
    this.refreshDrafts();
    return { added, refused };
  }

  /** Typing into a draft's cell (the grid has no other way in for a pinned row). */
  async editDraft(id: string, cells: Record<string, unknown>): Promise<void> {
    this.drafts.edit(id, cells);
    for (const field of Object.keys(cells)) this.invalid.clear(id, field);
    const added = await this.tryAddDraft(id);
    if (added) {
      this.host.onMembersAdded(1);
      this.say('success', this.t('memberEdit.added'));
    }
    this.refreshDrafts();
    this.changed();
  }

  /**
   * Adds a draft to the archive once it is complete. The rules are checked here first (the same shared
   * rules the core applies), so a half-typed row is not sent; the core then has the last word.
   */
  private async tryAddDraft(id: string): Promise<boolean> {
    const draft = this.drafts.find(id);
    if (!draft) return false;
    const fields = draftFields(draft);
    if (isBlankCell(fields.name) || isBlankCell(fields.idNumber)) {
      this.markDraftProblems(draft, fields, false);
      return false;
    }
    if (!this.markDraftProblems(draft, fields, true)) return false;
    try {
      await this.env.call('members.create', { orgId: draft.orgId as number, fields: fields as ApiInput<'members.create'>['fields'] });
      this.drafts.remove(id);
      return true;
    } catch (error) {
      if (isApiError(error, 'VALIDATION')) {
        const { refused, elsewhere } = markIssues(this.invalid, id, fields, error.error.details?.issues ?? [], this.env.language());
        // A new member's problem on a field not typed (its branch) is the row's: shown on its name.
        if (elsewhere.length > 0 && refused.size === 0) this.invalid.set(id, 'name', fields.name, elsewhere.join('；'));
      } else {
        this.say('error', this.env.errorText(error));
      }
      const first = this.invalid.ofRow(id)[0];
      if (first) this.say('error', this.t('memberEdit.draftProblem', { message: first.message }));
      return false;
    }
  }

  /** Marks what the shared rules find wrong with a draft; answers whether it may be sent. */
  private markDraftProblems(draft: DraftRow, fields: Record<string, unknown>, complete: boolean): boolean {
    const check = checkMemberRow({ ...fields, branch: draft.branch });
    const lang = this.env.language();
    let ok = true;
    for (const problem of check.problems) {
      if (problem.problem === 'required') continue;
      ok = false;
      this.invalid.set(draft.id, problem.field, fields[problem.field] ?? null, formatIssue({ field: `fields.${problem.field}`, problem: problem.problem, value: problem.value, params: problem.params }, lang));
    }
    return ok && complete && check.draft !== null;
  }

  /** A new grid (another language) or reloaded rows: the drafts being typed are pinned under it again. */
  showDrafts(): void {
    this.refreshDrafts();
  }

  private refreshDrafts(): void {
    const grid = this.host.grid();
    if (grid) grid.setGridOption('pinnedBottomRowData', this.drafts.all);
  }
}
