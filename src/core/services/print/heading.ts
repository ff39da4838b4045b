// The heading every printed document starts from: the street, the unit it is for, its community, the day.
import type { Db } from '../../db/connection';
import type { PrintHeading } from '../../../shared/api/contract-print';
import { localIsoDate } from '../../../shared/validators/loose-date';
import { requireStreet } from '../street';
import { notFound } from '../counter/refusals';
import { officialNames } from '../organizations';
import type { Scope } from '../../scope';

/** The heading for `orgId`; with none, the whole street's — or the community's, for a user limited to one. */
export function printHeading(db: Db, orgId: number | undefined, now: Date, scope: Scope | null = null): PrintHeading {
  const street = requireStreet(db);
  const base = { street: street.name, district: street.districtName, printedOn: localIsoDate(now) };
  if (orgId === undefined && scope) {
    const top = scope.topOrgId();
    if (top === null) return { ...base, unit: scope.communityName, community: scope.communityName };
    orgId = top;
  }
  if (orgId === undefined) {
    const root = db.prepare('SELECT name FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1').get() as { name: string } | undefined;
    return { ...base, unit: root?.name ?? street.name, community: null };
  }
  const org = db
    .prepare('SELECT organizations.name, communities.name AS community FROM organizations LEFT JOIN communities ON communities.id = organizations.community_id WHERE organizations.id = ?')
    .get(orgId) as { name: string; community: string | null } | undefined;
  if (!org) throw notFound('organization', orgId);
  return { ...base, unit: officialNames(db)(orgId), community: org.community };
}
