// Attachments through the contract: the owner's scope is checked by the dispatcher (write-rules.ts); adding
// and removing are audited with the file's name, size and SHA-256 (never its content).
import type { Handlers } from '../context';
import { addAttachment, getAttachment, listAttachments, removeAttachment } from '../services/attachments';

type AttachmentMethod = 'attachments.list' | 'attachments.get' | 'attachments.add' | 'attachments.remove';

export const attachmentHandlers: Pick<Handlers, AttachmentMethod> = {
  'attachments.list'(ctx, input) {
    return listAttachments(ctx.db, input.owner, input.ownerId);
  },
  'attachments.get'(ctx, input) {
    return getAttachment(ctx.db, input.id);
  },
  'attachments.add'(ctx, input) {
    return ctx.tx(() => {
      const added = addAttachment(ctx.db, input, ctx.actorName, ctx.now());
      ctx.audit({ action: 'attachments.add', entity: 'attachment', entityId: added.id, after: added });
      return added;
    });
  },
  'attachments.remove'(ctx, input) {
    return ctx.tx(() => {
      const removed = removeAttachment(ctx.db, input.id);
      ctx.audit({ action: 'attachments.remove', entity: 'attachment', entityId: removed.id, before: removed });
      return removed;
    });
  },
};
