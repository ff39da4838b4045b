// The counter's catalog and resources as the contract serves them: the three-lists catalog, working days and
// their override table, volunteers, teams and service records, partner merchants, and the month's numbers.
import type { CallContext, Handlers } from '../context';
import { localIsoDate } from '../../shared/validators';
import { createMatter, listMatters, retireMatter, toMatterInfo, updateMatter } from '../services/counter/matters';
import { getMerchant, listMerchants, saveMerchant, toMerchantInfo } from '../services/counter/merchants';
import { deleteOverride, listOverrides, overrideCount, saveOverride, toOverrideInfo } from '../services/counter/overrides';
import { counterStats } from '../services/counter/stats';
import { recountDueDates } from '../services/counter/request-steps';
import { createRecord, deleteRecord, getVolunteerInfo, listRecords, listTeams, listVolunteers, memberHours, saveTeam, saveVolunteer } from '../services/counter/volunteers';
import { packageKnowsYear, workdayCalendar } from '../services/counter/workdays';
import { scopedCommunity } from '../scope';

type ResourceMethods =
  | 'matters.list'
  | 'matters.create'
  | 'matters.update'
  | 'matters.retire'
  | 'counter.stats'
  | 'workdays.due'
  | 'workdays.overrides.list'
  | 'workdays.calendar'
  | 'workdays.overrides.save'
  | 'workdays.overrides.delete'
  | 'teams.list'
  | 'teams.save'
  | 'volunteers.list'
  | 'volunteers.save'
  | 'volunteers.memberHours'
  | 'serviceRecords.list'
  | 'serviceRecords.create'
  | 'serviceRecords.delete'
  | 'merchants.list'
  | 'merchants.save';

/** Open requests' due dates counted again on the table as it now stands (inside the change's transaction). */
function recount(ctx: CallContext, changedDay: string): number {
  return recountDueDates({ db: ctx.db, now: ctx.now(), actor: ctx.actorName, calendar: workdayCalendar(ctx.db) }, changedDay);
}

export const counterResourceHandlers: Pick<Handlers, ResourceMethods> = {
  'matters.list'(ctx, input) {
    return listMatters(ctx.db, input.includeRetired);
  },

  'matters.create'(ctx, input) {
    return ctx.tx(() => {
      const matter = toMatterInfo(createMatter(ctx.db, input, ctx.now()));
      ctx.audit({ action: 'matters.create', entity: 'service_matter', entityId: matter.id, after: matter });
      return matter;
    });
  },

  'matters.update'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = updateMatter(ctx.db, input, ctx.now());
      ctx.audit({ action: 'matters.update', entity: 'service_matter', entityId: after.id, before: toMatterInfo(before), after: toMatterInfo(after) });
      return toMatterInfo(after);
    });
  },

  'matters.retire'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = retireMatter(ctx.db, input.id, ctx.now());
      ctx.audit({ action: 'matters.retire', entity: 'service_matter', entityId: after.id, before: { active: before.active === 1 }, after: { active: after.active === 1 } });
      return toMatterInfo(after);
    });
  },

  'counter.stats'(ctx, input) {
    return counterStats(ctx.db, input.period, scopedCommunity(ctx.scope, input.communityId), localIsoDate(ctx.now()));
  },

  'workdays.due'(ctx, input) {
    return { from: input.from, days: input.days, due: workdayCalendar(ctx.db).addWorkdays(input.from, input.days) };
  },

  'workdays.overrides.list'(ctx, input) {
    return listOverrides(ctx.db, input.year);
  },

  'workdays.calendar'(ctx) {
    const year = ctx.now().getFullYear();
    return { years: [year, year + 1].map((y) => ({ year: y, builtIn: packageKnowsYear(y), overrides: overrideCount(ctx.db, y) })) };
  },

  'workdays.overrides.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveOverride(ctx.db, input, ctx.now());
      const recounted = recount(ctx, before && before.on_date < after.on_date ? before.on_date : after.on_date);
      ctx.audit({ action: 'workdays.overrides.save', entity: 'workday_override', entityId: after.id, before: before && toOverrideInfo(before), after: { ...toOverrideInfo(after), recounted } });
      return { ...toOverrideInfo(after), recounted };
    });
  },

  'workdays.overrides.delete'(ctx, input) {
    return ctx.tx(() => {
      const before = deleteOverride(ctx.db, input.id);
      const recounted = recount(ctx, before.on_date);
      ctx.audit({ action: 'workdays.overrides.delete', entity: 'workday_override', entityId: before.id, before: toOverrideInfo(before), after: { recounted } });
      return { id: before.id, date: before.on_date, recounted };
    });
  },

  'teams.list'(ctx) {
    return listTeams(ctx.db);
  },

  'teams.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveTeam(ctx.db, input, ctx.now());
      ctx.audit({ action: 'teams.save', entity: 'service_team', entityId: after.id, before, after });
      return listTeams(ctx.db).find((t) => t.id === after.id)!;
    });
  },

  'volunteers.list'(ctx, input) {
    return listVolunteers(ctx.db, input, ctx.scope);
  },

  'volunteers.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveVolunteer(ctx.db, input, ctx.now());
      ctx.audit({ action: 'volunteers.save', entity: 'volunteer', entityId: after.id, before, after });
      return getVolunteerInfo(ctx.db, after.id, ctx.scope);
    });
  },

  'volunteers.memberHours'(ctx, input) {
    return memberHours(ctx.db, input.memberId);
  },

  'serviceRecords.list'(ctx, input) {
    return listRecords(ctx.db, input);
  },

  'serviceRecords.create'(ctx, input) {
    return ctx.tx(() => {
      const record = createRecord(ctx.db, input, ctx.now(), ctx.actorName);
      ctx.audit({ action: 'serviceRecords.create', entity: 'service_record', entityId: record.id, after: record });
      return record;
    });
  },

  'serviceRecords.delete'(ctx, input) {
    return ctx.tx(() => {
      const record = deleteRecord(ctx.db, input.id);
      ctx.audit({ action: 'serviceRecords.delete', entity: 'service_record', entityId: record.id, before: record });
      return record;
    });
  },

  'merchants.list'(ctx, input) {
    return listMerchants(ctx.db, input.includeInactive, localIsoDate(ctx.now()));
  },

  'merchants.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveMerchant(ctx.db, input, ctx.now());
      ctx.audit({ action: 'merchants.save', entity: 'partner_merchant', entityId: after.id, before, after });
      return toMerchantInfo(getMerchant(ctx.db, after.id), localIsoDate(ctx.now()));
    });
  },
};
