// Developing new members (发展党员) as the contract serves it: the board, one person's path, the application
// and each later step (admission and 转正 change the roll in the same transaction), the plan and the settings.
import type { Handlers } from '../context';
import { listPlans, savePlan } from '../services/develop/plans';
import { correctStep } from '../services/develop/correct';
import { createPerson, listBoard, personDetail, recordStep } from '../services/develop/people';
import { personRow } from '../services/develop/path';
import { developSettings, ruleOptions, saveDevelopSettings } from '../services/develop/settings';
import { getMemberRow } from '../services/members';
import { developRejectedWorkbook, importPipeline, readPipelineSheet } from '../services/develop/import';

type DevelopMethods =
  | 'develop.importPreview'
  | 'develop.importCommit'
  | 'develop.list' | 'develop.get' | 'develop.create' | 'develop.recordStep' | 'develop.correctStep' | 'develop.plans' | 'develop.savePlan' | 'develop.settings' | 'develop.saveSettings';

export const developHandlers: Pick<Handlers, DevelopMethods> = {
  'develop.list'(ctx, input) {
    return listBoard(ctx.db, input, ctx.scope, ruleOptions(ctx.db));
  },

  'develop.get'(ctx, input) {
    return personDetail(ctx.db, input.id, ruleOptions(ctx.db));
  },

  'develop.create'(ctx, input) {
    return ctx.tx(() => {
      const person = createPerson(ctx.db, input, ctx.now(), ctx.actorName, ruleOptions(ctx.db));
      ctx.audit({ action: 'develop.create', entity: 'developPerson', entityId: person.id, after: { name: person.name, orgId: person.orgId, appliedOn: person.appliedOn } });
      return person;
    });
  },

  'develop.recordStep'(ctx, input) {
    return ctx.tx(() => {
      const opts = ruleOptions(ctx.db);
      const { before, after, member } = recordStep(ctx.db, input, ctx.now(), ctx.actorName, opts, ctx.scope);
      ctx.audit({
        action: 'develop.recordStep',
        entity: 'developPerson',
        entityId: after.id,
        before: { stage: before.stage },
        after: { stage: after.stage, step: input.step, on: input.on, documentNumber: input.documentNumber ?? null, memberIds: input.memberIds ?? [] },
      });
      // The roll's change is the member's own entry, as if the clerk had made it there.
      if (member?.change === 'admitted') ctx.audit({ action: 'members.create', entity: 'member', entityId: member.id, after: getMemberRow(ctx.db, member.id) });
      if (member?.change === 'full') {
        const row = getMemberRow(ctx.db, member.id);
        ctx.audit({ action: 'members.update', entity: 'member', entityId: member.id, before: { category: 'probationary', full_date: null }, after: { category: row.category, full_date: row.fullDate } });
      }
      if (member?.change === 'disqualified') {
        const row = getMemberRow(ctx.db, member.id);
        ctx.audit({ action: 'members.leave', entity: 'member', entityId: member.id, before: { status: member.before?.status ?? 'active' }, after: { status: row.status, leftOn: row.leftOn, leftReason: row.leftReason, developStep: 'disqualified' } });
      }
      return personRow(ctx.db, after.id, opts);
    });
  },

  'develop.correctStep'(ctx, input) {
    return ctx.tx(() => {
      const opts = ruleOptions(ctx.db);
      const { person, before, after, member } = correctStep(ctx.db, input, ctx.now(), ctx.actorName, opts, ctx.scope);
      if (before === after) return personRow(ctx.db, person.id, opts);
      const shown = (s: typeof before) => ({ step: s.step, on: s.on_date, orgName: s.org_name, people: s.people, documentNumber: s.document_number, note: s.note, detail: s.detail ? (JSON.parse(s.detail) as unknown) : null });
      ctx.audit({ action: 'develop.correctStep', entity: 'developPerson', entityId: person.id, before: { stepId: before.id, ...shown(before) }, after: { stepId: after.id, ...shown(after) } });
      // The roll's dates that moved with the step: the member's own entry, as if the clerk had corrected them there.
      if (member) {
        const cols = ['join_date', 'full_date', 'left_on'] as const;
        const pick = (m: typeof member.before) => Object.fromEntries(cols.filter((c) => member.before[c] !== member.after[c]).map((c) => [c, m[c]]));
        ctx.audit({ action: 'members.update', entity: 'member', entityId: member.after.id, before: pick(member.before), after: pick(member.after) });
      }
      return personRow(ctx.db, person.id, opts);
    });
  },

  'develop.plans'(ctx, input) {
    return listPlans(ctx.db, input.year, ctx.scope);
  },

  'develop.savePlan'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = savePlan(ctx.db, input, ctx.now());
      ctx.audit({ action: 'develop.savePlan', entity: 'developPlan', entityId: `${input.year}/${input.communityId}`, before: before === null ? undefined : { planned: before }, after: { planned: after.planned } });
      return after;
    });
  },

  async 'develop.importPreview'(ctx, input) {
    const sheet = await readPipelineSheet(input.bytes);
    const report = importPipeline(ctx.db, sheet, { dryRun: true, lang: ctx.lang, now: ctx.now(), actor: ctx.actorName, scope: ctx.scope, opts: ruleOptions(ctx.db, false) });
    if (report.rejected.length) report.rejectedWorkbook = await developRejectedWorkbook(sheet, report, ctx.lang);
    return report;
  },

  async 'develop.importCommit'(ctx, input) {
    const sheet = await readPipelineSheet(input.bytes);
    const report = ctx.tx(() => {
      const report = importPipeline(ctx.db, sheet, { dryRun: input.dryRun, lang: ctx.lang, now: ctx.now(), actor: ctx.actorName, scope: ctx.scope, opts: ruleOptions(ctx.db, false) });
      ctx.audit({
        action: 'develop.importCommit',
        entity: 'developPerson',
        after: { fileName: input.fileName, rows: report.rows, created: report.created, admitted: report.admitted, rejected: report.rejected.length, dryRun: input.dryRun },
      });
      return report;
    });
    // Written after the transaction: the workbook is the clerk's to fix, not part of what was imported.
    if (report.rejected.length) report.rejectedWorkbook = await developRejectedWorkbook(sheet, report, ctx.lang);
    return report;
  },

  'develop.settings'(ctx) {
    return developSettings(ctx.db);
  },

  'develop.saveSettings'(ctx, input) {
    return ctx.tx(() => {
      const before = developSettings(ctx.db);
      const after = saveDevelopSettings(ctx.db, input);
      ctx.audit({ action: 'develop.saveSettings', entity: 'settings', before, after });
      return after;
    });
  },
};
