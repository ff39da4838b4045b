// The user's scope as the pages show it: a clerk or viewer limited to one community (an administrator never
// is). The core enforces it on every call; the pages only fix their pickers and hide what would be refused.
import type { CommunityInfo, UserInfo } from '../../../shared/api/contract';
import { useApi } from '../api/use-api';
import { useCurrentSession } from '../app/session';

/** The division code the user is limited to, or null for the whole street. */
export function communityScope(user: Pick<UserInfo, 'role' | 'scopeCommunityCode'>): string | null {
  return user.role === 'admin' ? null : user.scopeCommunityCode;
}

export interface CommunityScope {
  code: string;
  /** The community with the code (communities.list answers only it), once loaded; null if the street has none. */
  community: CommunityInfo | null | undefined;
  /** Its name, or the code until it is known. */
  name: string;
}

/** The current user's community scope, or null when they work on the whole street. */
export function useCommunityScope(): CommunityScope | null {
  const { user } = useCurrentSession();
  const code = communityScope(user);
  const communities = useApi('communities.list', {}, [code], { enabled: code !== null });
  if (code === null) return null;
  const community = communities.data ? (communities.data.find((c) => c.divisionCode === code) ?? null) : undefined;
  return { code, community, name: community?.name ?? code };
}
