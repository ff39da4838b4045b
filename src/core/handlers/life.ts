// Organizational life as the contract serves it: meetings with attendance, compliance, the calendar and the
// rules, a member's participation, the democratic appraisal. Every write is one transaction with its audit entry.
import type { Handlers } from '../context';
import { localIsoDate } from '../../shared/validators';
import { getAppraisal, saveAppraisal } from '../services/life/appraisal';
import { compliance, complianceSpan } from '../services/life/compliance';
import { deleteMeeting, getMeeting, listMeetings, participation, saveMeeting } from '../services/life/meetings';
import { rosterOfDay } from '../services/life/roster';
import { lifeCalendar, lifeRules, saveLifeRules } from '../services/life/settings';
import { printHeading } from '../services/print/heading';
import { lifeBook } from '../services/print/life-papers';

type LifeMethods =
  | 'life.list'
  | 'life.get'
  | 'life.roster'
  | 'life.save'
  | 'life.delete'
  | 'life.compliance'
  | 'life.calendar'
  | 'life.rules'
  | 'life.saveRules'
  | 'life.participation'
  | 'appraisal.get'
  | 'appraisal.save'
  | 'life.printMeeting'
  | 'life.printBook'
  | 'life.printTally';

export const lifeHandlers: Pick<Handlers, LifeMethods> = {
  'life.list'(ctx, input) {
    return listMeetings(ctx.db, input, ctx.scope);
  },

  'life.get'(ctx, input) {
    return getMeeting(ctx.db, input.id);
  },

  'life.roster'(ctx, input) {
    return rosterOfDay(ctx.db, input.meetingType, input.orgId, input.jointOrgIds, input.heldOn);
  },

  'life.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveMeeting(ctx.db, input, ctx.now(), ctx.actorName);
      ctx.audit({ action: 'life.save', entity: 'meeting', entityId: after.id, before, after });
      return after;
    });
  },

  'life.delete'(ctx, input) {
    return ctx.tx(() => {
      const before = deleteMeeting(ctx.db, input);
      ctx.audit({ action: 'life.delete', entity: 'meeting', entityId: before.id, before });
      return { id: before.id };
    });
  },

  'life.compliance'(ctx, input) {
    return compliance(ctx.db, complianceSpan(input), localIsoDate(ctx.now()), ctx.scope, input);
  },

  'life.calendar'(ctx, input) {
    return lifeCalendar(ctx.db, input.year, input.month, ctx.scope);
  },

  'life.rules'(ctx) {
    return lifeRules(ctx.db, ctx.scope);
  },

  'life.saveRules'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveLifeRules(ctx.db, input, ctx.now());
      ctx.audit({ action: 'life.saveRules', entity: 'lifeRules', entityId: 1, before, after });
      return after;
    });
  },

  'life.participation'(ctx, input) {
    return participation(ctx.db, input.memberId, ctx.now());
  },

  'appraisal.get'(ctx, input) {
    return getAppraisal(ctx.db, input.orgId, input.year);
  },

  'appraisal.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveAppraisal(ctx.db, input, ctx.now());
      ctx.audit({ action: 'appraisal.save', entity: 'appraisal', entityId: after.orgId, before, after });
      return after;
    });
  },

  'life.printMeeting'(ctx, input) {
    const meeting = getMeeting(ctx.db, input.id);
    return { heading: printHeading(ctx.db, meeting.orgId, ctx.now()), meeting };
  },

  'life.printBook'(ctx, input) {
    return { heading: printHeading(ctx.db, input.orgId, ctx.now()), year: input.year, meetings: lifeBook(ctx.db, input.orgId, input.year) };
  },

  'life.printTally'(ctx, input) {
    return { heading: printHeading(ctx.db, input.orgId, ctx.now()), appraisal: getAppraisal(ctx.db, input.orgId, input.year) };
  },
};
