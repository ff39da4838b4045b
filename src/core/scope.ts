// The caller's scope: a user limited to one community (users.scope_community_code) sees and changes only that
// community's part of the street — its Party organizations (those with its community_id) and everything below
// them, the members of those organizations, their transfers, the community's service requests. Resolved once a
// call (CallContext.scope); null for an administrator, a user of the whole street and the local tool (cli).
// Every service asks this one object, so no page or command can reach past it.
import type { Db } from './db/connection';
import { sql, type RawBuilder } from 'kysely';
import { AppError, type FieldIssue } from '../shared/result';
import type { User } from './db/schema';

/**
 * The ids of a community's Party organizations and every organization below them, as a subquery for
 * `org_id IN …`: SQLite walks the tree (a few hundred rows at most) and the members' org_id index does the
 * rest, so a list of 100,000 members never passes through JavaScript. `param` is the placeholder that binds
 * the community id (`?` or `@name`).
 */
export function scopeOrgIdsSubquery(param = '?'): string {
  return `(WITH RECURSIVE scope_orgs(id) AS (
      SELECT id FROM organizations WHERE community_id = ${param}
      UNION SELECT o.id FROM organizations o JOIN scope_orgs s ON o.parent_id = s.id
    ) SELECT id FROM scope_orgs)`;
}

/** A community id no row has: a scope whose code names no community of the street sees nothing. */
const NO_COMMUNITY = -1;

export class Scope {
  private ids: Set<number> | null = null;
  private visible: Set<number> | null = null;

  private constructor(
    private readonly db: Db,
    /** The community of the street with the user's code, or null when there is none (then nothing is in scope). */
    readonly communityId: number | null,
    readonly communityCode: string,
    /** The community's name as messages name it (the code while no community has it). */
    readonly communityName: string,
  ) {}

  /** The scope of `user`: null when they work on the whole street (administrators are never limited). */
  static of(db: Db, user: Pick<User, 'role' | 'scope_community_code'> | null): Scope | null {
    if (!user || user.role === 'admin' || !user.scope_community_code) return null;
    const code = user.scope_community_code;
    const community = db.prepare('SELECT id, name FROM communities WHERE division_code = ?').get(code) as { id: number; name: string } | undefined;
    return new Scope(db, community?.id ?? null, code, community?.name ?? code);
  }

  /** The community id to bind in queries (one no row has when the code names no community). */
  get communityParam(): number {
    return this.communityId ?? NO_COMMUNITY;
  }

  /** `column IN (the scope's organizations)` for a Kysely query. */
  orgCondition(column: string): RawBuilder<boolean> {
    return sql<boolean>`${sql.ref(column)} IN ${sql.raw(scopeOrgIdsSubquery(String(this.communityParam)))}`;
  }

  /** The ids of the community's organizations and those below them (open or closed). */
  orgIds(): ReadonlySet<number> {
    if (!this.ids) {
      const rows = this.db.prepare(`SELECT id FROM ${scopeOrgIdsSubquery()}`).all(this.communityParam) as { id: number }[];
      this.ids = new Set(rows.map((r) => r.id));
    }
    return this.ids;
  }

  /** An organization just made inside the scope (an import's new branch) counts from now on. */
  orgCreated(orgId: number): void {
    this.ids?.add(orgId);
    this.visible?.add(orgId);
  }

  hasOrg(orgId: number | null | undefined): boolean {
    return orgId !== null && orgId !== undefined && this.orgIds().has(orgId);
  }

  hasCommunity(communityId: number | null | undefined): boolean {
    return this.communityId !== null && communityId === this.communityId;
  }

  /** The organizations the tree shows: those in scope and the path down to them from the street's root. */
  visibleOrgIds(): ReadonlySet<number> {
    if (!this.visible) {
      const visible = new Set(this.orgIds());
      const parentOf = this.db.prepare('SELECT parent_id FROM organizations WHERE id = ?').pluck();
      for (const id of this.orgIds()) {
        let parent = parentOf.get(id) as number | null;
        while (parent !== null && !visible.has(parent)) {
          visible.add(parent);
          parent = parentOf.get(parent) as number | null;
        }
      }
      if (visible.size === 0) {
        const root = this.db.prepare('SELECT id FROM organizations WHERE parent_id IS NULL').pluck().get() as number | undefined;
        if (root !== undefined) visible.add(root);
      }
      this.visible = visible;
    }
    return this.visible;
  }

  /**
   * The organization a view (a roster, a board) is for: one in scope as it is; one on the path down from the
   * root means the whole scope (undefined); any other is refused, named by `field`.
   */
  viewOrg(orgId: number | undefined, field = 'orgId'): number | undefined {
    if (orgId === undefined || this.hasOrg(orgId)) return orgId;
    if (this.visibleOrgIds().has(orgId)) return undefined;
    throw this.refuse(field, 'orgOutsideScope', this.orgName(orgId));
  }

  /** The organization (of the scope's community) a new branch goes under when the clerk names no parent. */
  topOrgId(): number | null {
    const row = this.db
      .prepare(
        `SELECT o.id FROM organizations o LEFT JOIN organizations p ON p.id = o.parent_id
         WHERE o.community_id = ? AND o.closed_on IS NULL AND (p.id IS NULL OR p.community_id IS NOT o.community_id)
         ORDER BY o.sort_order, o.id LIMIT 2`,
      )
      .all(this.communityParam) as { id: number }[];
    return row.length === 1 ? row[0].id : null;
  }

  // ——— refusals: FORBIDDEN naming the community and the field ———

  refusal(issues: FieldIssue[]): AppError {
    return new AppError('FORBIDDEN', `outside ${this.communityCode}: ${issues.map((i) => `${i.field}: ${i.problem}`).join('; ')}`, {
      community: this.communityName,
      issues: issues.map((i) => ({ ...i, params: { community: this.communityName, ...i.params } })),
    });
  }

  refuse(field: string, problem: string, value?: unknown, params?: Record<string, string | number>): AppError {
    return this.refusal([{ field, problem, ...(value !== undefined && value !== null ? { value } : {}), ...(params ? { params } : {}) }]);
  }

  /** Refuses an organization outside the scope, named by `field`. */
  assertOrg(orgId: number | null | undefined, field: string): void {
    if (this.hasOrg(orgId)) return;
    throw this.refuse(field, 'orgOutsideScope', orgId == null ? undefined : this.orgName(orgId));
  }

  /** Refuses a member not on the scope's roll (whatever their status), named by `field`. */
  assertMember(memberId: number, field: string): void {
    const orgId = this.db.prepare('SELECT org_id FROM members WHERE id = ?').pluck().get(memberId) as number | undefined;
    if (orgId === undefined) throw new AppError('NOT_FOUND', `member ${memberId} not found`, { entity: 'member', id: memberId });
    if (!this.hasOrg(orgId)) throw this.refuse(field, 'memberOutsideScope');
  }

  /** Refuses a community other than the scope's, named by `field`. */
  assertCommunity(communityId: number | null | undefined, field: string): void {
    if (this.hasCommunity(communityId)) return;
    const name = communityId == null ? undefined : (this.db.prepare('SELECT name FROM communities WHERE id = ?').pluck().get(communityId) as string | undefined);
    throw this.refuse(field, 'communityOutsideScope', name ?? communityId);
  }

  /**
   * The community a list reads: the scope's when the caller names none, refused when they name another.
   * (One no row has while the code names no community.)
   */
  community(given: number | undefined, field = 'communityId'): number {
    if (given !== undefined) this.assertCommunity(given, field);
    return this.communityParam;
  }

  private orgName(orgId: number): string | number {
    return (this.db.prepare('SELECT name FROM organizations WHERE id = ?').pluck().get(orgId) as string | undefined) ?? orgId;
  }
}

/** Street-level work (the monthly return, the street's keys): refused to a user limited to one community. */
export function requireWholeStreet(scope: Scope | null, field: string, problem: string, value?: unknown): void {
  if (scope) throw scope.refuse(field, problem, value);
}

/** The community a list reads for `scope`: the given one when unscoped. */
export function scopedCommunity(scope: Scope | null, given: number | undefined, field = 'communityId'): number | undefined {
  return scope ? scope.community(given, field) : given;
}
