// The organization tree, communities and grids as the contract serves them. Every change is audited.
// A user limited to one community sees the root, the path down and the community's subtree, and changes
// only organizations, grids and the community record inside it: checked by the dispatcher before each write
// (src/core/write-rules.ts), so the handlers below only write.
import type { Handlers } from '../context';
import { endOfficerTerm, listOfficers, saveOfficer } from '../services/org-officers';
import { closeOrg, createOrg, getOrgNode, moveOrg, orgExists, orgTree, updateOrg } from '../services/organizations';
import { listCommunities, listGrids, saveCommunity, saveGrid } from '../services/places';
import { scopedCommunity } from '../scope';

export const organizationHandlers: Pick<
  Handlers,
  | 'orgs.tree'
  | 'orgs.create'
  | 'orgs.update'
  | 'orgs.move'
  | 'orgs.close'
  | 'orgs.officers'
  | 'orgs.saveOfficer'
  | 'orgs.endOfficerTerm'
  | 'communities.list'
  | 'communities.save'
  | 'grids.list'
  | 'grids.save'
> = {
  'orgs.tree'(ctx, input) {
    return orgTree(ctx.db, ctx.now(), input.includeClosed, undefined, ctx.scope, input.destinations);
  },

  'orgs.create'(ctx, input) {
    return ctx.tx(() => {
      const org = createOrg(ctx.db, input, ctx.now());
      ctx.audit({ action: 'orgs.create', entity: 'organization', entityId: org.id, after: org });
      ctx.scope?.orgCreated(org.id);
      return getOrgNode(ctx.db, org.id, ctx.now(), ctx.scope);
    });
  },

  'orgs.update'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = updateOrg(ctx.db, input, ctx.now());
      ctx.audit({ action: 'orgs.update', entity: 'organization', entityId: after.id, before, after });
      return getOrgNode(ctx.db, after.id, ctx.now(), ctx.scope);
    });
  },

  'orgs.move'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = moveOrg(ctx.db, input, ctx.now());
      ctx.audit({
        action: 'orgs.move',
        entity: 'organization',
        entityId: after.id,
        before: { parentId: before.parent_id, sortOrder: before.sort_order },
        after: { parentId: after.parent_id, sortOrder: after.sort_order },
      });
      return getOrgNode(ctx.db, after.id, ctx.now(), ctx.scope);
    });
  },

  'orgs.close'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = closeOrg(ctx.db, input, ctx.now());
      ctx.audit({
        action: 'orgs.close',
        entity: 'organization',
        entityId: after.id,
        before: { closedOn: before.closed_on },
        after: { closedOn: after.closed_on, reason: after.closed_reason },
      });
      return getOrgNode(ctx.db, after.id, ctx.now(), ctx.scope);
    });
  },

  'orgs.officers'(ctx, input) {
    // The officers of what the tree shows: the path down from the root and the community's own.
    if (ctx.scope && orgExists(ctx.db, input.orgId) && !ctx.scope.visibleOrgIds().has(input.orgId)) ctx.scope.assertOrg(input.orgId, 'orgId');
    return listOfficers(ctx.db, input.orgId, ctx.now());
  },

  'orgs.saveOfficer'(ctx, input) {
    return ctx.tx(() => {
      const { before, after, committeeSet } = saveOfficer(ctx.db, input, ctx.now());
      ctx.audit({
        action: 'orgs.saveOfficer',
        entity: 'officer',
        entityId: after.id,
        before,
        after: committeeSet ? { ...after, organizationHasCommittee: true } : after,
      });
      return after;
    });
  },

  'orgs.endOfficerTerm'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = endOfficerTerm(ctx.db, input, ctx.now());
      ctx.audit({ action: 'orgs.endOfficerTerm', entity: 'officer', entityId: after.id, before: { termEnd: before.termEnd }, after: { termEnd: after.termEnd } });
      return after;
    });
  },

  'communities.list'(ctx) {
    const communities = listCommunities(ctx.db);
    return ctx.scope ? communities.filter((c) => ctx.scope!.hasCommunity(c.id)) : communities;
  },

  'communities.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveCommunity(ctx.db, input, ctx.now());
      ctx.audit({ action: 'communities.save', entity: 'community', entityId: after.id, before, after });
      return after;
    });
  },

  'grids.list'(ctx, input) {
    return listGrids(ctx.db, scopedCommunity(ctx.scope, input.communityId));
  },

  'grids.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveGrid(ctx.db, input, ctx.now());
      ctx.audit({ action: 'grids.save', entity: 'grid', entityId: after.id, before, after });
      return after;
    });
  },
};
