// The organization tree, communities and grids as the contract serves them. Every change is audited.
import type { Handlers } from '../context';
import { closeOrg, createOrg, getOrgNode, moveOrg, orgTree, updateOrg } from '../services/organizations';
import { listCommunities, listGrids, saveCommunity, saveGrid } from '../services/places';

export const organizationHandlers: Pick<
  Handlers,
  'orgs.tree' | 'orgs.create' | 'orgs.update' | 'orgs.move' | 'orgs.close' | 'communities.list' | 'communities.save' | 'grids.list' | 'grids.save'
> = {
  'orgs.tree'(ctx, input) {
    return orgTree(ctx.db, input.includeClosed);
  },

  'orgs.create'(ctx, input) {
    return ctx.tx(() => {
      const org = createOrg(ctx.db, input, ctx.now());
      ctx.audit({ action: 'orgs.create', entity: 'organization', entityId: org.id, after: org });
      return getOrgNode(ctx.db, org.id);
    });
  },

  'orgs.update'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = updateOrg(ctx.db, input, ctx.now());
      ctx.audit({ action: 'orgs.update', entity: 'organization', entityId: after.id, before, after });
      return getOrgNode(ctx.db, after.id);
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
      return getOrgNode(ctx.db, after.id);
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
      return getOrgNode(ctx.db, after.id);
    });
  },

  'communities.list'(ctx) {
    return listCommunities(ctx.db);
  },

  'communities.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveCommunity(ctx.db, input, ctx.now());
      ctx.audit({ action: 'communities.save', entity: 'community', entityId: after.id, before, after });
      return after;
    });
  },

  'grids.list'(ctx, input) {
    return listGrids(ctx.db, input.communityId);
  },

  'grids.save'(ctx, input) {
    return ctx.tx(() => {
      const { before, after } = saveGrid(ctx.db, input, ctx.now());
      ctx.audit({ action: 'grids.save', entity: 'grid', entityId: after.id, before, after });
      return after;
    });
  },
};
