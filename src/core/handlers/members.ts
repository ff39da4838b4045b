// The members' archive as the contract serves it: the page query, one member's record and history,
// and the writes (each audited with the fields it changed).
import type { Handlers } from '../context';
import { exportMembers } from '../export/export-members';
import { getMemberRow, listMembers } from '../services/members';
import { createMember, eventWriter, leaveMember, memberDetail, updateMember } from '../services/member-records';

export const memberHandlers: Pick<Handlers, 'members.list' | 'members.get' | 'members.create' | 'members.update' | 'members.leave' | 'members.export'> = {
  'members.list'(ctx, input) {
    return listMembers(ctx.db, input);
  },

  'members.get'(ctx, input) {
    return memberDetail(ctx.db, input.id);
  },

  'members.create'(ctx, input) {
    return ctx.tx(() => {
      const member = createMember(ctx.db, input, ctx.now(), eventWriter(ctx.db, ctx.actorName, ctx.now()));
      ctx.audit({ action: 'members.create', entity: 'member', entityId: member.id, after: member });
      return getMemberRow(ctx.db, member.id);
    });
  },

  'members.update'(ctx, input) {
    return ctx.tx(() => {
      const { after, changed } = updateMember(ctx.db, input, ctx.now(), eventWriter(ctx.db, ctx.actorName, ctx.now()));
      ctx.audit({ action: 'members.update', entity: 'member', entityId: after.id, before: changed.before, after: changed.after });
      return getMemberRow(ctx.db, after.id);
    });
  },

  'members.leave'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = leaveMember(ctx.db, input, ctx.now(), eventWriter(ctx.db, ctx.actorName, ctx.now()));
      ctx.audit({
        action: 'members.leave',
        entity: 'member',
        entityId: after.id,
        before: { status: before.status },
        after: { status: after.status, leftOn: after.left_on, leftReason: after.left_reason, leftNote: after.left_note },
      });
      return getMemberRow(ctx.db, after.id);
    });
  },

  async 'members.export'(ctx, input) {
    const { bytes, rows, title } = await exportMembers(ctx.db, input, ctx.lang, ctx.now());
    const fileName = `${title}-${ctx.now().toISOString().slice(0, 10)}.xlsx`;
    const { columns, sort: _sort, ...filters } = input;
    ctx.tx(() => ctx.audit({ action: 'members.export', entity: 'member', after: { fileName, rows, filters, columns: columns ?? null } }));
    return { fileName, rows, bytes };
  },
};
