// Transfers of membership as the contract serves them: the lists of open and overdue letters, and the
// steps of a letter (issue, receipt, receipt back, cancel), each audited with what it did to the member.
import type { Handlers } from '../context';
import { eventWriter } from '../services/member-records';
import { cancelTransfer, createTransfer, getTransferRow, listTransfers, receiveTransfer, returnReceipt, transferState } from '../services/transfers';
import { nextLetterNumber } from '../services/letter-numbers';

export const transferHandlers: Pick<Handlers, 'transfers.list' | 'transfers.create' | 'transfers.nextNumber' | 'transfers.receive' | 'transfers.returnReceipt' | 'transfers.cancel'> = {
  'transfers.list'(ctx, input) {
    return listTransfers(ctx.db, input, ctx.now(), ctx.scope);
  },

  'transfers.create'(ctx, input) {
    return ctx.tx(() => {
      const transfer = createTransfer(ctx.db, input, ctx.now());
      ctx.audit({ action: 'transfers.create', entity: 'transfer', entityId: transfer.id, after: transfer });
      return getTransferRow(ctx.db, transfer.id, ctx.now());
    });
  },

  'transfers.nextNumber'(ctx, input) {
    return { letterNumber: nextLetterNumber(ctx.db, Number(input.issuedOn.slice(0, 4)), false) };
  },

  'transfers.receive'(ctx, input) {
    return ctx.tx(() => {
      const { before, after, member } = receiveTransfer(ctx.db, input, ctx.now(), eventWriter(ctx.db, ctx.actorName, ctx.now()));
      ctx.audit({ action: 'transfers.receive', entity: 'transfer', entityId: after.id, before: transferState(before), after: { ...transferState(after), member } });
      return getTransferRow(ctx.db, after.id, ctx.now());
    });
  },

  'transfers.returnReceipt'(ctx, input) {
    return ctx.tx(() => {
      const { before, after, member } = returnReceipt(ctx.db, input, ctx.now(), eventWriter(ctx.db, ctx.actorName, ctx.now()));
      ctx.audit({ action: 'transfers.returnReceipt', entity: 'transfer', entityId: after.id, before: transferState(before), after: { ...transferState(after), member } });
      return getTransferRow(ctx.db, after.id, ctx.now());
    });
  },

  'transfers.cancel'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = cancelTransfer(ctx.db, input, ctx.now());
      ctx.audit({ action: 'transfers.cancel', entity: 'transfer', entityId: after.id, before: transferState(before), after: transferState(after) });
      return getTransferRow(ctx.db, after.id, ctx.now());
    });
  },
};
