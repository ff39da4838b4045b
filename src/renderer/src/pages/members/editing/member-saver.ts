// Saving cells of existing members: one members.update per member with the version the edit was made on.
// When the core answers that someone saved the member meanwhile (STALE_RECORD), their version is read and
// the same cells are sent again on top of it, up to three tries (after which the cells are marked with
// that reason); refused cells are marked and left out, the member's other cells saved anyway.
import type { ApiInput, ApiOutputs, MemberRow } from '../../../../../shared/api/contract';
import { isApiError } from '../../../api/call-error';
import type { Language } from '../../../../../shared/api/schemas';
import { markIssues, type CellMarks } from './cell-marks';
import type { SavedChange } from './edit-history';

export type Row = MemberRow & Record<string, unknown>;

/** The two calls saving needs; the page passes the app's client, a test the core itself. */
export type MemberCall = <M extends 'members.get' | 'members.update'>(method: M, input: ApiInput<M>) => Promise<ApiOutputs[M]>;

/** What saving needs from the grid. */
export interface SaverView {
  /** The member as the grid holds it, when it is loaded there. */
  cached(id: number): Row | undefined;
  /** A newer version of the member (saved, or someone else's): the grid shows it. */
  show(row: MemberRow): void;
  /** The marks of these cells changed: the grid paints them again. */
  repaint(id: number, fields: string[]): void;
  /** The member could not even be read: said once, above the grid. */
  fail(text: string): void;
  /** A failed call as one sentence in the window's language. */
  errorText(error: unknown): string;
}

/** Tries per save: a member saved by someone else three times in a row is left for the clerk to retry. */
const ATTEMPTS = 3;

export class MemberSaver {
  /** Members read for a paste (rows not loaded in the grid) or after a stale answer. */
  private readonly fetched = new Map<number, Row>();

  constructor(
    private readonly call: MemberCall,
    private readonly marks: CellMarks,
    private readonly view: SaverView,
    private readonly language: () => Language,
  ) {}

  /** Members a paste is about to change, as read in one list call: no reading them one by one. */
  hold(rows: readonly Row[]): void {
    for (const row of rows) this.fetched.set(row.id, row);
  }

  release(): void {
    this.fetched.clear();
  }

  /**
   * Saves fields of one member; refused fields are marked and left out, the others saved. Answers the
   * change that was stored, or null when nothing was.
   */
  async save(id: number, fields: Record<string, unknown>): Promise<SavedChange | null> {
    let pending = { ...fields };
    let stale: unknown = null;
    for (let attempt = 0; attempt < ATTEMPTS && Object.keys(pending).length > 0; attempt++) {
      const row = await this.currentRow(id);
      if (!row) return null;
      try {
        const saved = await this.call('members.update', { id, version: row.version, fields: pending as Record<string, string | number | boolean | null> });
        const before: Record<string, unknown> = {};
        for (const field of Object.keys(pending)) {
          before[field] = row[field] ?? null;
          this.marks.clear(id, field);
        }
        this.store(saved);
        return { id, before, after: pending };
      } catch (error) {
        if (isApiError(error, 'STALE_RECORD')) {
          stale = error;
          await this.reload(id);
          continue;
        }
        stale = null;
        const sent = Object.keys(pending);
        if (!isApiError(error, 'VALIDATION')) {
          for (const field of sent) this.marks.set(id, field, pending[field], this.view.errorText(error));
          this.view.repaint(id, sent);
          return null;
        }
        const { refused, elsewhere } = markIssues(this.marks, id, pending, error.error.details?.issues ?? [], this.language());
        const rest = Object.fromEntries(Object.entries(pending).filter(([field]) => !refused.has(field)));
        if (elsewhere.length > 0) {
          // A problem named on a field that was not sent (the birth date, when a pasted ID number says
          // otherwise) is some sent cell's doing: alone, it carries the reason; among several, each is
          // tried by itself so that only the culprit is marked.
          if (Object.keys(rest).length <= 1) {
            for (const field of Object.keys(rest)) this.marks.set(id, field, rest[field], elsewhere.join('；'));
            this.view.repaint(id, sent);
            return null;
          }
          this.view.repaint(id, sent);
          return this.saveOneByOne(id, rest);
        }
        this.view.repaint(id, sent);
        if (Object.keys(rest).length === sent.length) return null;
        pending = rest;
      }
    }
    // Changed by someone else at every try: the typed values stay in their cells with the reason, not lost.
    if (stale !== null) {
      const sent = Object.keys(pending);
      for (const field of sent) this.marks.set(id, field, pending[field], this.view.errorText(stale));
      this.view.repaint(id, sent);
    }
    return null;
  }

  private async saveOneByOne(id: number, fields: Record<string, unknown>): Promise<SavedChange | null> {
    const merged: SavedChange = { id, before: {}, after: {} };
    for (const [field, value] of Object.entries(fields)) {
      const saved = await this.save(id, { [field]: value });
      if (saved) {
        Object.assign(merged.before, saved.before);
        Object.assign(merged.after, saved.after);
      }
    }
    return Object.keys(merged.after).length > 0 ? merged : null;
  }

  /** The member an edit builds on: the one read last, else the grid's, else the core's. */
  private async currentRow(id: number): Promise<Row | null> {
    const held = this.fetched.get(id) ?? this.view.cached(id);
    if (held) return held;
    try {
      const detail = await this.call('members.get', { id });
      const row = detail.member as Row;
      this.fetched.set(id, row);
      return row;
    } catch (error) {
      this.view.fail(this.view.errorText(error));
      return null;
    }
  }

  /** Someone else saved this member meanwhile: their version becomes the one the next attempt builds on. */
  private async reload(id: number): Promise<void> {
    try {
      const detail = await this.call('members.get', { id });
      this.store(detail.member);
      this.fetched.set(id, detail.member as Row);
    } catch (error) {
      this.view.fail(this.view.errorText(error));
    }
  }

  private store(row: MemberRow): void {
    this.fetched.delete(row.id);
    this.view.show(row);
  }
}
