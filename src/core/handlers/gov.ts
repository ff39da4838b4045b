// Community governance as the contract serves it (issue 17): each write in one transaction with its audit
// entry; lists read only the caller's community when the user is limited to one.
import type { CallContext, Handlers } from '../context';
import type { GovMethod } from '../../shared/api/contract-gov';
import { localIsoDate } from '../../shared/validators';
import { scopedCommunity } from '../scope';
import { getStreet } from '../services/street';
import { communityNames } from '../services/gov/common';
import { auditInfo, auditStats, listAudits, saveAudit } from '../services/gov/audits';
import { listDecisions, recordStep, saveDecision } from '../services/gov/decisions';
import { advanceDisclosure, disclosureDue, disclosureInfo, listDisclosures, saveComment, saveDisclosure } from '../services/gov/disclosure';
import { disclosureBoard } from '../services/print/gov-board';
import { approveYear, closeYear, reviewProject } from '../services/gov/project-cycle';
import { listProjects, projectStats, saveProject } from '../services/gov/projects';
import { govSettings, saveGovSettings } from '../services/gov/settings';
import { saveStandard, standardsTable } from '../services/gov/standards';
import { listElections, listTerms, recordElection, saveTerm } from '../services/gov/terms';

const today = (ctx: CallContext) => localIsoDate(ctx.now());
/** The community a list reads: the one asked for, or the caller's when limited; null for the whole street. */
const communityOf = (ctx: CallContext, given?: number) => scopedCommunity(ctx.scope, given) ?? null;
const streetName = (ctx: CallContext) => getStreet(ctx.db)?.name ?? '';

export const govHandlers: Pick<Handlers, GovMethod> = {
  'gov.settings'(ctx) {
    return govSettings(ctx.db);
  },
  'gov.saveSettings'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveGovSettings(ctx.db, input);
      ctx.audit({ action: 'gov.saveSettings', entity: 'settings', before, after });
      return after;
    });
  },

  'disclosure.list'(ctx, input) {
    return listDisclosures(ctx.db, input, communityOf(ctx, input.communityId), govSettings(ctx.db));
  },
  'disclosure.due'(ctx, input) {
    const settings = govSettings(ctx.db);
    const rows = disclosureDue(ctx.db, input.period, communityOf(ctx, input.communityId), settings, today(ctx), streetName(ctx));
    return { period: input.period, fixedDay: `${input.period}-${String(settings.fixedDay).padStart(2, '0')}`, rows };
  },
  'disclosure.board'(ctx, input) {
    // The street's own board (communityId null) is open to a limited user as it hangs in public anyway.
    const community = input.communityId == null ? null : communityOf(ctx, input.communityId);
    const name = community === null ? streetName(ctx) : (communityNames(ctx.db).get(community) ?? '');
    return disclosureBoard(ctx.db, community, input.on ?? today(ctx), name);
  },
  'disclosure.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveDisclosure(ctx.db, input, ctx.now(), today(ctx));
      ctx.audit({ action: 'disclosure.save', entity: 'disclosure', entityId: after.id, before: before ?? undefined, after });
      return disclosureInfo(ctx.db, after.id, govSettings(ctx.db));
    });
  },
  'disclosure.advance'(ctx, input) {
    return ctx.tx(() => {
      const { before, after, superseded } = advanceDisclosure(ctx.db, input, ctx.now(), today(ctx));
      ctx.audit({ action: 'disclosure.advance', entity: 'disclosure', entityId: after.id, before, after: { ...after, supersedes: superseded?.id ?? null } });
      return disclosureInfo(ctx.db, after.id, govSettings(ctx.db));
    });
  },
  'disclosure.comment'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveComment(ctx.db, input, ctx.now(), today(ctx));
      ctx.audit({ action: 'disclosure.comment', entity: 'disclosureComment', entityId: after.id, before: before ?? undefined, after });
      return after;
    });
  },

  'decisions.list'(ctx, input) {
    return listDecisions(ctx.db, communityOf(ctx, input.communityId));
  },
  'decisions.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveDecision(ctx.db, input, ctx.now());
      ctx.audit({ action: 'decisions.save', entity: 'decision', entityId: after.id, before: before ?? undefined, after });
      return after;
    });
  },
  'decisions.step'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = recordStep(ctx.db, input, govSettings(ctx.db), ctx.actorName, ctx.now(), today(ctx));
      ctx.audit({ action: 'decisions.step', entity: 'decision', entityId: after.id, before: { steps: before.steps }, after: { steps: after.steps } });
      return after;
    });
  },

  'projects.list'(ctx, input) {
    return listProjects(ctx.db, input, communityOf(ctx, input.communityId), today(ctx));
  },
  'projects.stats'(ctx, input) {
    return projectStats(ctx.db, input.year, input.type, communityOf(ctx), today(ctx), streetName(ctx));
  },
  'projects.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveProject(ctx.db, input, ctx.now(), today(ctx));
      ctx.audit({ action: 'projects.save', entity: 'project', entityId: after.id, before: before ?? undefined, after });
      return after;
    });
  },
  'projects.approveYear'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = approveYear(ctx.db, input, ctx.now(), today(ctx));
      ctx.audit({ action: 'projects.approveYear', entity: 'project_year', entityId: input.year, before, after });
      return after;
    });
  },
  'projects.review'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = reviewProject(ctx.db, input, ctx.now(), today(ctx));
      ctx.audit({ action: 'projects.review', entity: 'project', entityId: after.id, before, after });
      return after;
    });
  },
  'projects.closeYear'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = closeYear(ctx.db, input, ctx.now(), today(ctx));
      ctx.audit({ action: 'projects.closeYear', entity: 'project_year', entityId: input.year, before, after: { ...after, results: input.results } });
      return after;
    });
  },

  'terms.list'(ctx, input) {
    return listTerms(ctx.db, communityOf(ctx), input.before, today(ctx));
  },
  'terms.elections'(ctx, input) {
    if (ctx.scope) ctx.scope.assertOrg(input.orgId, 'orgId');
    return listElections(ctx.db, input.orgId);
  },
  'terms.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveTerm(ctx.db, input, ctx.now(), today(ctx));
      ctx.audit({ action: 'terms.save', entity: 'term', entityId: after.orgId, before, after });
      return after;
    });
  },
  'terms.elect'(ctx, input) {
    return ctx.tx(() => {
      const result = recordElection(ctx.db, input, ctx.actorName, ctx.now(), today(ctx));
      ctx.audit({ action: 'terms.elect', entity: 'election', entityId: result.election.id, before: result.before, after: { ...result.election, term: result.term, officersEnded: result.officersEnded } });
      return { election: result.election, term: result.term, officersStarted: result.officersStarted, officersEnded: result.officersEnded };
    });
  },

  'standards.table'(ctx) {
    const settings = govSettings(ctx.db);
    return { settings, rows: standardsTable(ctx.db, ctx.scope ? ctx.scope.communityParam : null, settings, ctx.now()) };
  },
  'standards.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveStandard(ctx.db, input, govSettings(ctx.db), ctx.now());
      ctx.audit({ action: 'standards.save', entity: 'community', entityId: after.communityId, before, after });
      return after;
    });
  },

  'audits.list'(ctx, input) {
    return listAudits(ctx.db, input.year, communityOf(ctx, input.communityId), today(ctx));
  },
  'audits.stats'(ctx, input) {
    return auditStats(ctx.db, input.year, communityOf(ctx), today(ctx));
  },
  'audits.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveAudit(ctx.db, input, ctx.now(), today(ctx));
      ctx.audit({ action: 'audits.save', entity: 'collectiveAudit', entityId: after.id, before: before ?? undefined, after });
      return auditInfo(ctx.db, after.id, today(ctx));
    });
  },
};
