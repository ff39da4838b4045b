// Editing the members grid as a spreadsheet, with the core as the only judge of what is valid.
//
// - A cell left after an edit is sent at once (members.update with the row's version). A refused value
//   stays in its cell, marked, with the reason; nothing of it is stored until it is fixed.
// - A pasted block is saved row by row; a bad cell is marked and the row's other cells are saved anyway.
//   Rows past the end become new-member drafts (pinned under the grid) that are added once complete.
// - Every saved change can be undone and redone (Ctrl+Z / Ctrl+Y); a paste is one step.
import type { GridApi, IRowNode } from 'ag-grid-community';
import type { ApiInput, MemberRow } from '../../../../shared/api/contract';
import { formatIssue } from '../../../../shared/i18n/messages';
import { checkMemberRow, isBlankCell } from '../../../../shared/members/draft';
import type { FieldIssue } from '../../../../shared/result';
import { api, isApiError } from '../../api/client';
import { errorText } from '../../lib/errors';
import i18n, { currentLanguage } from '../../i18n';
import type { MemberFilters, MemberSort } from './MemberGrid';

export type Row = MemberRow & Record<string, unknown>;

/** A new member being typed or pasted under the grid; added to the archive once the core accepts it. */
export interface DraftRow extends Record<string, unknown> {
  id: string;
  draft: true;
  branch: string;
}

export type GridRow = Row | DraftRow;

export const isDraft = (row: GridRow | undefined): row is DraftRow => row !== undefined && (row as DraftRow).draft === true;

interface InvalidCell {
  raw: unknown;
  message: string;
}

/** One member's saved change: the stored values before and the values sent. */
interface SavedChange {
  id: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

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

/** Where new members go: the organization chosen in the tree, when members may be added to it. */
export interface NewMemberTarget {
  orgId: number;
  name: string;
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

/** Pasted rows are saved this many at a time: fast, and gentle on the core. */
const PASTE_CONCURRENCY = 4;
const UNDO_LIMIT = 200;

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options) as string;
const cellKey = (id: number | string, field: string) => `${id}\u0000${field}`;
const memberField = (issueField: string) => (issueField.startsWith('fields.') ? issueField.slice(7) : issueField);

export class MemberEditing {
  private readonly invalid = new Map<string, InvalidCell>();
  private undoStack: SavedChange[][] = [];
  private redoStack: SavedChange[][] = [];
  private drafts: DraftRow[] = [];
  private draftSeq = 0;
  private busy: string | null = null;
  private notice: EditingNotice | null = null;
  private snapshot: EditingState = this.makeSnapshot();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly host: EditingHost) {}

  // --- state for React (useSyncExternalStore) ---

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): EditingState => this.snapshot;

  private makeSnapshot(): EditingState {
    return {
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      invalidCount: this.invalid.size,
      drafts: this.drafts,
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
    return row ? this.invalid.get(cellKey(row.id, field)) : undefined;
  }

  /** The value a cell shows: what was typed while it is refused, else the stored value. */
  displayValue(row: GridRow | undefined, field: string): unknown {
    if (!row) return undefined;
    const bad = this.invalid.get(cellKey(row.id, field));
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
    const pending = this.invalid.get(cellKey(row.id, field));
    if (!pending && sameValue(row[field], typed)) return;
    // Typing back the stored value into a refused cell just clears the mark.
    if (pending && sameValue(row[field], typed)) {
      this.clearInvalid(row.id, field);
      this.refresh(node, [field]);
      this.changed();
      return;
    }
    const change = await this.saveRow(row.id, { [field]: typed });
    if (change) {
      this.pushUndo([change]);
      const bad = this.invalid.get(cellKey(row.id, field));
      if (!bad) this.notice = null;
    } else {
      const bad = this.invalid.get(cellKey(row.id, field));
      if (bad) this.say('error', this.rowMessage(node, bad.message));
    }
    this.changed();
  }

  /** Delete on a cell that is not being edited: clears it (a refused value first goes back to the stored one). */
  async clearCell(node: IRowNode<GridRow>, field: string): Promise<void> {
    const row = node.data;
    if (!row) return;
    if (this.invalid.has(cellKey(row.id, field))) {
      this.clearInvalid(row.id, field);
      this.refresh(node, [field]);
      this.changed();
      return;
    }
    await this.editCell(node, field, null);
  }

  /**
   * Saves fields of one member; refused fields are marked and left out, the others saved. Answers the
   * change that was stored, or null when nothing was.
   */
  private async saveRow(id: number, fields: Record<string, unknown>): Promise<SavedChange | null> {
    let pending = { ...fields };
    for (let attempt = 0; attempt < 3 && Object.keys(pending).length > 0; attempt++) {
      const row = await this.currentRow(id);
      if (!row) return null;
      try {
        const saved = await api.call('members.update', { id, version: row.version, fields: pending as Record<string, string | number | boolean | null> });
        const before: Record<string, unknown> = {};
        for (const field of Object.keys(pending)) {
          before[field] = row[field] ?? null;
          this.clearInvalid(id, field);
        }
        this.store(saved);
        return { id, before, after: pending };
      } catch (error) {
        if (isApiError(error, 'STALE_RECORD')) {
          await this.reload(id);
          continue;
        }
        const sent = Object.keys(pending);
        if (!isApiError(error, 'VALIDATION')) {
          for (const field of sent) this.markInvalid(id, field, pending[field], errorText(error));
          this.refreshById(id, sent);
          return null;
        }
        const { refused, elsewhere } = this.markIssues(id, pending, error.error.details?.issues ?? []);
        const rest = Object.fromEntries(Object.entries(pending).filter(([field]) => !refused.has(field)));
        if (elsewhere.length > 0) {
          // A problem named on a field that was not sent (the birth date, when a pasted ID number says
          // otherwise) is some sent cell's doing: alone, it carries the reason; among several, each is
          // tried by itself so that only the culprit is marked.
          if (Object.keys(rest).length <= 1) {
            for (const field of Object.keys(rest)) this.markInvalid(id, field, rest[field], elsewhere.join('；'));
            this.refreshById(id, sent);
            return null;
          }
          this.refreshById(id, sent);
          return this.saveOneByOne(id, rest);
        }
        this.refreshById(id, sent);
        if (Object.keys(rest).length === sent.length) return null;
        pending = rest;
      }
    }
    return null;
  }

  private async saveOneByOne(id: number, fields: Record<string, unknown>): Promise<SavedChange | null> {
    const merged: SavedChange = { id, before: {}, after: {} };
    for (const [field, value] of Object.entries(fields)) {
      const saved = await this.saveRow(id, { [field]: value });
      if (saved) {
        Object.assign(merged.before, saved.before);
        Object.assign(merged.after, saved.after);
      }
    }
    return Object.keys(merged.after).length > 0 ? merged : null;
  }

  /** Marks the sent fields an answer refused; problems named on other fields are answered apart. */
  private markIssues(id: number | string, sent: Record<string, unknown>, issues: readonly FieldIssue[]): { refused: Set<string>; elsewhere: string[] } {
    const lang = currentLanguage();
    const refused = new Set<string>();
    const elsewhere: string[] = [];
    for (const issue of issues) {
      const field = memberField(issue.field);
      const text = formatIssue(issue, lang);
      if (Object.hasOwn(sent, field)) {
        const previous = refused.has(field) ? `${this.invalid.get(cellKey(id, field))?.message ?? ''}；` : '';
        this.markInvalid(id, field, sent[field], previous + text);
        refused.add(field);
      } else {
        elsewhere.push(text);
      }
    }
    return { refused, elsewhere };
  }

  private markInvalid(id: number | string, field: string, raw: unknown, message: string): void {
    this.invalid.set(cellKey(id, field), { raw, message });
  }

  private clearInvalid(id: number | string, field: string): void {
    this.invalid.delete(cellKey(id, field));
  }

  private rowMessage(node: IRowNode<GridRow>, message: string): string {
    const row = node.data;
    const name = row && typeof row.name === 'string' && row.name ? row.name : '';
    return node.rowPinned ? t('memberEdit.draftProblem', { message }) : t('memberEdit.rowProblem', { row: (node.rowIndex ?? 0) + 1, name, message });
  }

  // --- rows: the grid's cache first, the core when the row is not in it ---

  private readonly fetched = new Map<number, Row>();

  private nodeOf(id: number): IRowNode<GridRow> | undefined {
    return this.host.grid()?.getRowNode(String(id)) ?? undefined;
  }

  private async currentRow(id: number): Promise<Row | null> {
    const cached = this.fetched.get(id);
    if (cached) return cached;
    const data = this.nodeOf(id)?.data;
    if (data && !isDraft(data)) return data;
    try {
      const detail = await api.call('members.get', { id });
      const row = detail.member as Row;
      this.fetched.set(id, row);
      return row;
    } catch (error) {
      this.say('error', errorText(error));
      return null;
    }
  }

  /** Someone else saved this member meanwhile: their version becomes the one the next attempt builds on. */
  private async reload(id: number): Promise<void> {
    try {
      const detail = await api.call('members.get', { id });
      this.store(detail.member);
      this.fetched.set(id, detail.member as Row);
    } catch (error) {
      this.say('error', errorText(error));
    }
  }

  private store(row: MemberRow): void {
    this.fetched.delete(row.id);
    const node = this.nodeOf(row.id);
    if (node) node.setData(row as Row);
  }

  private refresh(node: IRowNode<GridRow>, fields: string[]): void {
    this.host.grid()?.refreshCells({ rowNodes: [node], columns: fields, force: true });
  }

  private refreshById(id: number, fields: string[]): void {
    const node = this.nodeOf(id);
    if (node) this.refresh(node, fields);
  }

  // --- undo / redo ---

  private pushUndo(changes: SavedChange[]): void {
    if (changes.length === 0) return;
    this.undoStack.push(changes);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  /** Ctrl+Z: a refused value in the focused cell goes first; otherwise the last saved step is reverted. */
  async undo(focused?: { row: GridRow | undefined; field: string }): Promise<void> {
    if (focused?.row && this.invalid.has(cellKey(focused.row.id, focused.field))) {
      this.clearInvalid(focused.row.id, focused.field);
      this.refreshRow(focused.row, [focused.field]);
      this.say('info', t('memberEdit.undoInvalid'));
      this.changed();
      return;
    }
    const step = this.undoStack.pop();
    if (!step) return;
    const redone = await this.replay(step, 'before');
    if (redone.length) this.redoStack.push(redone);
    this.say('info', t('memberEdit.undone', { count: countCells(step) }));
    this.changed();
  }

  async redo(): Promise<void> {
    const step = this.redoStack.pop();
    if (!step) return;
    const undone = await this.replay(step, 'after');
    if (undone.length) this.undoStack.push(undone);
    this.say('info', t('memberEdit.redone', { count: countCells(step) }));
    this.changed();
  }

  /** Writes one side of a step back; answers the step as it now stands (for the other stack). */
  private async replay(step: SavedChange[], side: 'before' | 'after'): Promise<SavedChange[]> {
    this.busy = t('memberEdit.saving');
    this.changed();
    const done: SavedChange[] = [];
    try {
      for (const change of step) {
        const saved = await this.saveRow(change.id, change[side]);
        if (saved) done.push(side === 'before' ? { id: change.id, before: change.before, after: change.after } : saved);
        this.revealInvalid(change.id);
      }
    } finally {
      this.busy = null;
    }
    return done;
  }

  private revealInvalid(id: number): void {
    for (const [key, bad] of this.invalid) {
      if (key.startsWith(`${id}\u0000`)) this.say('error', bad.message);
    }
  }

  private refreshRow(row: GridRow, fields: string[]): void {
    if (isDraft(row)) this.refreshDrafts();
    else this.refreshById(row.id, fields);
  }

  // --- paste ---

  /**
   * Pastes a block from the focused cell down and right. Existing members are updated (each row on its
   * own, a bad cell never blocking the good ones); rows past the end become new-member drafts.
   */
  async paste(block: string[][], start: { rowIndex: number; pinned: boolean; columnIndex: number }, columns: readonly string[], editable: (field: string) => boolean): Promise<void> {
    const grid = this.host.grid();
    if (!grid || block.length === 0) return;
    const targetColumns = columns.slice(start.columnIndex, start.columnIndex + Math.max(...block.map((r) => r.length)));
    const rowsOf = (cells: string[]) => {
      const fields: Record<string, unknown> = {};
      cells.forEach((value, i) => {
        const field = targetColumns[i];
        if (field && editable(field)) fields[field] = normalizeTyped(value);
      });
      return fields;
    };
    const skipped = targetColumns.filter((f) => !editable(f));

    this.busy = t('memberEdit.pasting', { count: block.length });
    this.notice = null;
    this.changed();
    try {
      const existing = start.pinned ? [] : await this.rowsAt(start.rowIndex, block.length);
      for (const row of existing) this.fetched.set(row.id, row);
      const firstNew = existing.length;
      const changes: SavedChange[] = [];
      let done = 0;
      const queue = existing.map((row, i) => ({ row, fields: rowsOf(block[i]) }));
      const worker = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          if (Object.keys(item.fields).length > 0) {
            const changed = Object.fromEntries(Object.entries(item.fields).filter(([f, v]) => !sameValue(item.row[f], v) || this.invalid.has(cellKey(item.row.id, f))));
            if (Object.keys(changed).length > 0) {
              const saved = await this.saveRow(item.row.id, changed);
              if (saved) changes.push(saved);
            }
          }
          done++;
          if (done % 20 === 0) {
            this.busy = t('memberEdit.pastingProgress', { done, total: block.length });
            this.changed();
          }
        }
      };
      await Promise.all(Array.from({ length: PASTE_CONCURRENCY }, worker));
      this.fetched.clear();
      this.pushUndo(changes);

      const newRows = block.slice(firstNew).map(rowsOf);
      let added = 0;
      if (newRows.length > 0) {
        const draftStart = start.pinned ? start.rowIndex : this.drafts.length;
        added = await this.pasteIntoDrafts(draftStart, newRows);
      }
      grid.refreshCells({ force: true });
      const invalid = [...this.invalid.values()];
      const parts = [t('memberEdit.pasted', { rows: block.length, saved: countCells(changes) })];
      if (added) parts.push(t('memberEdit.pastedAdded', { count: added }));
      const waiting = this.drafts.length;
      if (waiting) parts.push(t('memberEdit.pastedDrafts', { count: waiting }));
      if (invalid.length) parts.push(t('memberEdit.pastedInvalid', { count: invalid.length }));
      if (skipped.length) parts.push(t('memberEdit.pastedSkipped', { count: skipped.length }));
      this.say(invalid.length || waiting ? 'warning' : 'success', parts.join(t('memberEdit.sep')));
    } catch (error) {
      this.say('error', errorText(error));
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
      const answer = await api.call('members.list', { ...this.host.filters(), sort: this.host.sort(), offset: from + rows.length, limit });
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
      this.say('warning', t('memberEdit.pickBranch'));
      this.changed();
      return null;
    }
    const draft = this.newDraft(target, {});
    this.drafts = [...this.drafts, draft];
    this.refreshDrafts();
    this.changed();
    return draft;
  }

  discardDraft(id: string): void {
    this.drafts = this.drafts.filter((d) => d.id !== id);
    for (const key of [...this.invalid.keys()]) if (key.startsWith(`${id}\u0000`)) this.invalid.delete(key);
    this.refreshDrafts();
    this.changed();
  }

  private newDraft(target: NewMemberTarget, cells: Record<string, unknown>): DraftRow {
    return { ...cells, id: `draft-${++this.draftSeq}`, draft: true, branch: target.name, orgId: target.orgId };
  }

  private async pasteIntoDrafts(from: number, rows: Record<string, unknown>[]): Promise<number> {
    const target = this.host.newMemberTarget();
    const drafts = [...this.drafts];
    const touched: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      const existing = drafts[from + i];
      if (existing) {
        drafts[from + i] = { ...existing, ...rows[i] };
        touched.push(existing.id);
      } else if (target) {
        const draft = this.newDraft(target, rows[i]);
        drafts.push(draft);
        touched.push(draft.id);
      } else {
        this.say('warning', t('memberEdit.pickBranch'));
        break;
      }
    }
    this.drafts = drafts;
    let added = 0;
    for (const id of touched) if (await this.tryAddDraft(id)) added++;
    if (added) this.host.onMembersAdded(added);
    this.refreshDrafts();
    return added;
  }

  private async editDraft(id: string, cells: Record<string, unknown>): Promise<void> {
    this.drafts = this.drafts.map((d) => (d.id === id ? { ...d, ...mapValues(cells, normalizeTyped) } : d));
    for (const field of Object.keys(cells)) this.clearInvalid(id, field);
    const added = await this.tryAddDraft(id);
    if (added) {
      this.host.onMembersAdded(1);
      this.say('success', t('memberEdit.added'));
    }
    this.refreshDrafts();
    this.changed();
  }

  /**
   * Adds a draft to the archive once it is complete. The rules are checked here first (the same shared
   * rules the core applies), so a half-typed row is not sent; the core then has the last word.
   */
  private async tryAddDraft(id: string): Promise<boolean> {
    const draft = this.drafts.find((d) => d.id === id);
    if (!draft) return false;
    const fields = draftFields(draft);
    if (isBlankCell(fields.name) || isBlankCell(fields.idNumber)) {
      this.markDraftProblems(draft, fields, false);
      return false;
    }
    if (!this.markDraftProblems(draft, fields, true)) return false;
    try {
      await api.call('members.create', { orgId: draft.orgId as number, fields: fields as ApiInput<'members.create'>['fields'] });
      this.drafts = this.drafts.filter((d) => d.id !== id);
      return true;
    } catch (error) {
      if (isApiError(error, 'VALIDATION')) {
        const { refused, elsewhere } = this.markIssues(id, fields, error.error.details?.issues ?? []);
        // A new member's problem on a field not typed (its branch) is the row's: shown on its name.
        if (elsewhere.length > 0 && refused.size === 0) this.markInvalid(id, 'name', fields.name, elsewhere.join('；'));
      } else {
        this.say('error', errorText(error));
      }
      const first = [...this.invalid.entries()].find(([key]) => key.startsWith(`${id}\u0000`));
      if (first) this.say('error', t('memberEdit.draftProblem', { message: first[1].message }));
      return false;
    }
  }

  /** Marks what the shared rules find wrong with a draft; answers whether it may be sent. */
  private markDraftProblems(draft: DraftRow, fields: Record<string, unknown>, complete: boolean): boolean {
    const check = checkMemberRow({ ...fields, branch: draft.branch });
    const lang = currentLanguage();
    let ok = true;
    for (const problem of check.problems) {
      if (problem.problem === 'required') continue;
      ok = false;
      this.markInvalid(draft.id, problem.field, fields[problem.field] ?? null, formatIssue({ field: `fields.${problem.field}`, problem: problem.problem, value: problem.value, params: problem.params }, lang));
    }
    return ok && complete && check.draft !== null;
  }

  showDrafts(): void {
    this.refreshDrafts();
  }

  private refreshDrafts(): void {
    const grid = this.host.grid();
    if (grid) grid.setGridOption('pinnedBottomRowData', this.drafts);
  }
}

/** What a draft sends: its typed cells, without the grid's own keys. */
function draftFields(draft: DraftRow): Record<string, unknown> {
  const { id: _id, draft: _draft, branch: _branch, orgId: _orgId, ...cells } = draft;
  return Object.fromEntries(Object.entries(cells).filter(([, v]) => !isBlankCell(v)));
}

/** A typed or pasted value as sent: trimmed text, or null for an emptied cell. */
function normalizeTyped(value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? null : text;
  }
  return value === undefined ? null : value;
}

function sameValue(stored: unknown, typed: unknown): boolean {
  if (isBlankCell(stored) && isBlankCell(typed)) return true;
  return stored === typed || String(stored) === String(typed);
}

function countCells(changes: readonly SavedChange[]): number {
  return changes.reduce((n, c) => n + Object.keys(c.after).length, 0);
}

function mapValues(cells: Record<string, unknown>, fn: (v: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, fn(v)]));
}
