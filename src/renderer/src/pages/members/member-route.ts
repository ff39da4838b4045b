// The members page opened on a filter from its address (#/members/mobile, #/members/community-3,
// #/members/age-under35, #/members/education-21, #/members/education-none, #/members/joined-2020): the
// overview's figures and chart bars link here, and the page's total is then the figure clicked.
import type { ApiInput } from '../../../../shared/api/contract';
import { AGE_BANDS, type AgeBand } from '../../../../shared/api/schemas';

/** The quick filters an address sets (a part of the filter bar's QuickFilters, kept free of the page's JSX). */
type RouteFilters = Pick<ApiInput<'members.list'>, 'category' | 'mobile' | 'lostContact' | 'hardship' | 'communityId' | 'ageBand' | 'education' | 'joinYear'>;

const FLAGS = ['mobile', 'lostContact', 'hardship'] as const;

export function quickFiltersOf(subPath: string): RouteFilters {
  if (subPath === 'full' || subPath === 'probationary') return { category: subPath };
  if ((FLAGS as readonly string[]).includes(subPath)) return { [subPath]: true };
  const community = /^community-(\d+)$/.exec(subPath);
  if (community) return { communityId: Number(community[1]) };
  const age = /^age-(\w+)$/.exec(subPath);
  if (age && (AGE_BANDS as readonly string[]).includes(age[1])) return { ageBand: age[1] as AgeBand };
  const education = /^education-(\w{1,10})$/.exec(subPath);
  if (education) return { education: education[1] === 'none' ? null : education[1] };
  const joined = /^joined-(\d{4})$/.exec(subPath);
  if (joined) return { joinYear: Number(joined[1]) };
  return {};
}

/** The addresses of the overview's age, education and joined-per-year bars. */
export const memberLinks = {
  age: (band: AgeBand) => `/members/age-${band}`,
  education: (code: string | null) => `/members/education-${code ?? 'none'}`,
  joined: (year: string) => `/members/joined-${year}`,
};
