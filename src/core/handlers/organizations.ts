// The organization tree, communities and grids as the contract serves them. Every change is audited.
// A user limited to one community sees the root, the path down and the community's subtree, and changes
// only organizations, grids and the community record inside it (ctx.scope).
import type { CallContext, Handlers } from '../context';
import { endOfficerTerm, getOfficer, listOfficers, saveOfficer } from '../services/org-officers';
import { closeOrg, createOrg, getOrgNode, moveOrg, orgTree, updateOrg } from '../services/organizations';
import { getCommunity, getGrid, listCommunities, listGrids, saveCommunity, saveGrid } from '../services/places';
import { scopedCommunity } from '../scope';

function orgExists(ctx: CallContext, id: number): boolean {
  return ctx.db.prepare('SELECT 1 FROM organizations WHERE id = ?').get(id) !== undefined;
}

/** Refuses an organization outside the caller's scope (a missing one is left to the service's own refusal). */
function assertOrg(ctx: CallContext, id: number, field: string): void {
  if (ctx.scope && orgExists(ctx, id)) ctx.scope.assertOrg(id, field);
}

/** A grid named for an organization must lie in the user's community. */
function assertGrid(ctx: CallContext, gridId: number | null | undefined): void {
  if (!ctx.scope || gridId == null) return;
  const grid = ctx.db.prepare('SELECT community_id FROM grids WHERE id = ?').get(gridId) as { community_id: number } | undefined;
  if (grid) ctx.scope.assertCommunity(grid.community_id, 'gridId');
}

/** A community record: a user limited to one community edits only its own, never its code, and adds none. */
function assertCommunitySave(ctx: CallContext, input: { id?: number; divisionCode: string }): void {
  const scope = ctx.scope;
  if (!scope) return;
  if (input.id === undefined) throw scope.refuse('divisionCode', 'communityCreateStreetWide', input.divisionCode);
  const before = getCommunity(ctx.db, input.id);
  scope.assertCommunity(before.id, 'id');
  if (input.divisionCode !== before.divisionCode) throw scope.refuse('divisionCode', 'scopeCodeFixed', input.divisionCode);
}

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
    assertOrg(ctx, input.parentId, 'parentId');
    if (ctx.scope && input.communityId != null) ctx.scope.assertCommunity(input.communityId, 'communityId');
    assertGrid(ctx, input.gridId);
    return ctx.tx(() => {
      const org = createOrg(ctx.db, input, ctx.now());
      ctx.audit({ action: 'orgs.create', entity: 'organization', entityId: org.id, after: org });
      ctx.scope?.orgCreated(org.id);
      return getOrgNode(ctx.db, org.id, ctx.now(), ctx.scope);
    });
  },

  'orgs.update'(ctx, input) {
    assertOrg(ctx, input.id, 'id');
    // Taking an organization out of the community (or into another) would take it out of the user's reach.
    if (ctx.scope && input.communityId !== undefined) ctx.scope.assertCommunity(input.communityId, 'communityId');
    assertGrid(ctx, input.gridId);
    return ctx.tx(() => {
      const { before, after } = updateOrg(ctx.db, input, ctx.now());
      ctx.audit({ action: 'orgs.update', entity: 'organization', entityId: after.id, before, after });
      return getOrgNode(ctx.db, after.id, ctx.now(), ctx.scope);
    });
  },

  'orgs.move'(ctx, input) {
    assertOrg(ctx, input.id, 'id');
    assertOrg(ctx, input.parentId, 'parentId');
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
    assertOrg(ctx, input.id, 'id');
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
    if (ctx.scope && orgExists(ctx, input.orgId) && !ctx.scope.visibleOrgIds().has(input.orgId)) ctx.scope.assertOrg(input.orgId, 'orgId');
    return listOfficers(ctx.db, input.orgId, ctx.now());
  },

  'orgs.saveOfficer'(ctx, input) {
    assertOrg(ctx, input.orgId, 'orgId');
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
    if (ctx.scope) ctx.scope.assertOrg(getOfficer(ctx.db, input.id, ctx.now()).orgId, 'id');
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
    assertCommunitySave(ctx, input);
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
    if (ctx.scope) {
      ctx.scope.assertCommunity(input.communityId, 'communityId');
      if (input.id !== undefined) ctx.scope.assertCommunity(getGrid(ctx.db, input.id).communityId, 'id');
    }
    return ctx.tx(() => {
      const { before, after } = saveGrid(ctx.db, input, ctx.now());
      ctx.audit({ action: 'grids.save', entity: 'grid', entityId: after.id, before, after });
      return after;
    });
  },
};
