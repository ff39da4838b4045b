// The members' archive as the contract serves it: the page query, one member's record and history,
// and the writes (each audited with the fields it changed).
import type { CallContext, Handlers } from '../context';
import type { ApiParsedInput } from '../../shared/api/contract';
import { exportMembers } from '../export/export-members';
import { importMembers } from '../import/import-members';
import { listCodeSynonyms, removeCodeSynonym, saveCodeMappings } from '../import/value-map';
import { AppError } from '../../shared/result';
import { localIsoDate } from '../../shared/validators';
import { getMemberRow, listMembers } from '../services/members';
import { listLayouts, saveLayout } from '../services/layouts';
import { openLetterOfMember } from '../services/transfers';
import { createMember, eventWriter, listCodeTables, leaveMember, memberDetail, setMemberStanding, updateMember } from '../services/member-records';

export const memberHandlers: Pick<
  Handlers,
  | 'members.list'
  | 'members.get'
  | 'codes.list'
  | 'codes.synonyms'
  | 'codes.mapValues'
  | 'codes.removeSynonym'
  | 'members.create'
  | 'members.update'
  | 'members.leave'
  | 'members.setStanding'
  | 'members.export'
  | 'members.importPreview'
  | 'members.importCommit'
  | 'layouts.list'
  | 'layouts.save'
> = {
  'members.list'(ctx, input) {
    return listMembers(ctx.db, input, ctx.scope, localIsoDate(ctx.now()));
  },

  'members.get'(ctx, input) {
    return memberDetail(ctx.db, input.id);
  },

  'codes.list'(ctx) {
    return listCodeTables(ctx.db);
  },

  'codes.synonyms'(ctx) {
    return listCodeSynonyms(ctx.db);
  },

  'codes.mapValues'(ctx, input) {
    return ctx.tx(() => {
      const saved = saveCodeMappings(ctx.db, input.mappings, ctx.actorName, ctx.now());
      ctx.audit({ action: 'codes.mapValues', entity: 'codeSynonym', after: { mappings: input.mappings } });
      return { saved };
    });
  },

  'codes.removeSynonym'(ctx, input) {
    return ctx.tx(() => {
      const removed = removeCodeSynonym(ctx.db, input.table, input.text);
      if (removed) ctx.audit({ action: 'codes.removeSynonym', entity: 'codeSynonym', entityId: `${input.table}/${input.text}`, before: input });
      return { removed };
    });
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
      const { after, changed } = updateMember(ctx.db, input, ctx.now(), eventWriter(ctx.db, ctx.actorName, ctx.now()), ctx.scope);
      ctx.audit({ action: 'members.update', entity: 'member', entityId: after.id, before: changed.before, after: changed.after });
      return getMemberRow(ctx.db, after.id);
    });
  },

  'members.leave'(ctx, input) {
    // A member with an introduction letter on someone's desk leaves through the transfer, not by hand.
    const open = openLetterOfMember(ctx.db, input.id);
    if (open) {
      throw new AppError('VALIDATION', 'open transfer', {
        issues: [{ field: 'reason', problem: 'memberHasOpenTransfer', value: input.reason, params: { letter: open } }],
      });
    }
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

  'members.setStanding'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = setMemberStanding(ctx.db, input, ctx.now(), eventWriter(ctx.db, ctx.actorName, ctx.now()));
      ctx.audit({
        action: 'members.setStanding',
        entity: 'member',
        entityId: after.id,
        before: { standing: before.standing },
        after: { standing: after.standing, on: input.on, note: input.note ?? null },
      });
      return getMemberRow(ctx.db, after.id);
    });
  },

  async 'members.export'(ctx, input) {
    const { bytes, rows, title } = await exportMembers(ctx.db, input, ctx.lang, ctx.now(), ctx.scope);
    const fileName = `${title}-${ctx.now().toISOString().slice(0, 10)}.xlsx`;
    const { columns, sort: _sort, ...filters } = input;
    ctx.tx(() => ctx.audit({ action: 'members.export', entity: 'member', after: { fileName, rows, filters, columns: columns ?? null } }));
    return { fileName, rows, bytes };
  },

  'members.importPreview'(ctx, input) {
    return runImport(ctx, input, true);
  },

  'members.importCommit'(ctx, input) {
    return runImport(ctx, input, false);
  },

  'layouts.list'(ctx, input) {
    return listLayouts(ctx.db, requireUser(ctx).id, input.grid);
  },

  'layouts.save'(ctx, input) {
    const user = requireUser(ctx);
    return ctx.tx(() => {
      const saved = saveLayout(ctx.db, user.id, input, ctx.now());
      ctx.audit({ action: 'layouts.save', entity: 'layout', entityId: `${input.grid}/${input.name}`, after: { grid: input.grid, name: input.name } });
      return saved;
    });
  },
};

function requireUser(ctx: CallContext) {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED', 'not logged in');
  return ctx.user;
}

function runImport(ctx: CallContext, input: ApiParsedInput<'members.importPreview'>, dryRun: boolean) {
  return importMembers(ctx.db, input.bytes, {
    sheet: input.sheet,
    mapping: input.mapping,
    headerRow: input.headerRow,
    onDuplicate: input.onDuplicate,
    createMissingBranches: input.createMissingBranches,
    valueMappings: input.valueMappings,
    community: input.communityId ?? input.communityName,
    dryRun,
    lang: ctx.lang,
    now: ctx.now(),
    actor: { userId: ctx.user?.id ?? null, username: ctx.actorName },
    scope: ctx.scope,
    fileName: input.fileName,
    rejectedBytes: true,
    onPhase: (done, total) => ctx.progress(done, total),
    signal: ctx.signal,
  });
}
