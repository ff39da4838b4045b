// The members page's addresses the overview's charts link to: an address read back is the filter it was made
// from, and a made-up one filters nothing.
import { describe, expect, it } from 'vitest';
import { memberLinks, quickFiltersOf } from '../../src/renderer/src/pages/members/member-route';

const subPath = (link: string) => link.replace(/^\/members\//, '');

describe('the members page’s address', () => {
  it('opens on the age band, education (or none) and join year of an overview bar', () => {
    expect(quickFiltersOf(subPath(memberLinks.age('from46to60')))).toEqual({ ageBand: 'from46to60' });
    expect(quickFiltersOf(subPath(memberLinks.education('21')))).toEqual({ education: '21' });
    expect(quickFiltersOf(subPath(memberLinks.education(null)))).toEqual({ education: null });
    expect(quickFiltersOf(subPath(memberLinks.joined('2020')))).toEqual({ joinYear: 2020 });
    expect(quickFiltersOf('age-teen')).toEqual({});
    expect(quickFiltersOf('joined-20x0')).toEqual({});
  });
});
