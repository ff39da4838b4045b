// Printing as the contract serves it: each document's data (public boards masked here), the station's
// contact block, the commitments kept for the board, and the audit entry of every print or PDF.
import type { Handlers } from '../context';
import { boardData } from '../services/print/public-board';
import { deleteCommitment, listCommitments, saveCommitment, thisYear } from '../services/print/commitments';
import { slipData, threeListsData } from '../services/print/counter-papers';
import { LETTER_PRINT_ENTITY, letterData, letterPrints } from '../services/print/letter';
import { rosterData } from '../services/print/roster';
import { getStation, saveStation } from '../services/print/station';
import { todayOf } from './counter-requests';

type PrintMethod =
  | 'print.roster'
  | 'print.threeLists'
  | 'print.board'
  | 'print.letter'
  | 'print.slip'
  | 'print.record'
  | 'station.get'
  | 'station.save'
  | 'commitments.list'
  | 'commitments.save'
  | 'commitments.delete';

export const printHandlers: Pick<Handlers, PrintMethod> = {
  'print.roster'(ctx, input) {
    return rosterData(ctx.db, input, ctx.lang, ctx.now(), ctx.scope);
  },

  'print.threeLists'(ctx) {
    return threeListsData(ctx.db, ctx.now());
  },

  'print.board'(ctx, input) {
    return boardData(ctx.db, input, ctx.lang, ctx.now(), ctx.scope);
  },

  'print.letter'(ctx, input) {
    return letterData(ctx.db, input.transferId, ctx.lang, ctx.now());
  },

  'print.slip'(ctx, input) {
    return slipData(ctx.db, input.requestId, todayOf(ctx), ctx.now());
  },

  'print.record'(ctx, input) {
    const letterId = input.doc === 'letter' ? Number(input.params.transfer) : NaN;
    const isLetter = Number.isInteger(letterId) && letterId > 0;
    return ctx.tx(() => {
      const previousPrints = isLetter ? letterPrints(ctx.db, letterId) : 0;
      ctx.audit({
        action: 'print.record',
        entity: isLetter ? LETTER_PRINT_ENTITY : 'print',
        entityId: isLetter ? letterId : null,
        after: { doc: input.doc, action: input.action, records: input.records, params: input.params, ...(isLetter ? { copy: previousPrints + 1 } : {}) },
      });
      return { recorded: true as const, previousPrints };
    });
  },

  'station.get'(ctx) {
    return getStation(ctx.db);
  },

  'station.save'(ctx, input) {
    return ctx.tx(() => {
      const before = getStation(ctx.db);
      const after = saveStation(ctx.db, input);
      ctx.audit({ action: 'station.save', entity: 'station', before, after });
      return after;
    });
  },

  'commitments.list'(ctx, input) {
    return listCommitments(ctx.db, input.year ?? thisYear(ctx.now()), ctx.scope);
  },

  'commitments.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveCommitment(ctx.db, input, ctx.now());
      ctx.audit({ action: 'commitments.save', entity: 'commitment', entityId: after.id, before, after });
      return after;
    });
  },

  'commitments.delete'(ctx, input) {
    return ctx.tx(() => {
      const before = deleteCommitment(ctx.db, input.id);
      ctx.audit({ action: 'commitments.delete', entity: 'commitment', entityId: before.id, before });
      return { id: before.id };
    });
  },
};
