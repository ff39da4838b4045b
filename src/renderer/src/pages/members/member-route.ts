// The members page opened on a filter from its address (#/members/mobile, #/members/community-3): the
// overview's figures link here, and the page's total is then the figure clicked.
import type { QuickFilters } from './MemberFilterBar';

const FLAGS = ['mobile', 'lostContact', 'hardship'] as const;

export function quickFiltersOf(subPath: string): QuickFilters {
  if (subPath === 'full' || subPath === 'probationary') return { category: subPath };
  if ((FLAGS as readonly string[]).includes(subPath)) return { [subPath]: true };
  const community = /^community-(\d+)$/.exec(subPath);
  if (community) return { communityId: Number(community[1]) };
  return {};
}
