// The rules of the Party organization tree both sides need: the core enforces them, the window uses them
// to offer only what the core would accept (which drops are allowed, which posts a level has).
import type { OfficerPost, OrgLevel } from './api/schemas';

/** Which level may sit under which: the street committee at the top, Party groups at the bottom. */
export const CHILD_LEVELS: Record<OrgLevel, readonly OrgLevel[]> = {
  street_committee: ['community_committee', 'general_branch', 'branch'],
  community_committee: ['general_branch', 'branch'],
  general_branch: ['branch'],
  branch: ['party_group'],
  party_group: [],
};

/** docs/domain.md §5: a branch needs 3+ full members; 7+ full members call for a branch committee. */
export const MIN_FULL_MEMBERS = 3;
export const COMMITTEE_FROM_FULL_MEMBERS = 7;

/**
 * The posts each level has: a Party group has its leader (党小组长); the others a secretary and, with a
 * committee, a deputy and members; part-time members (兼职委员: unit Party leaders, the community police
 * officer, cadres) sit on the community-level committees (docs/domain.md §1).
 */
export const OFFICER_POSTS: Record<OrgLevel, readonly OfficerPost[]> = {
  street_committee: ['secretary', 'deputy_secretary', 'committee_member'],
  community_committee: ['secretary', 'deputy_secretary', 'committee_member', 'part_time'],
  general_branch: ['secretary', 'deputy_secretary', 'committee_member', 'part_time'],
  branch: ['secretary', 'deputy_secretary', 'committee_member'],
  party_group: ['group_leader'],
};

/** Posts that make a committee: recording one means the organization has a committee. */
export const COMMITTEE_POSTS: readonly OfficerPost[] = ['deputy_secretary', 'committee_member', 'part_time'];

export type OfficerState = 'upcoming' | 'current' | 'past';

/** Where a term stands on `today` (YYYY-MM-DD): a past officer stays on record with the day the term ended. */
export function officerState(termStart: string | null, termEnd: string | null, today: string): OfficerState {
  if (termEnd !== null && termEnd < today) return 'past';
  if (termStart !== null && termStart > today) return 'upcoming';
  return 'current';
}
