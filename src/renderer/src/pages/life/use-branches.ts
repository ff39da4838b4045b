// The organizations meetings are recorded for (branches and the Party groups below them) that the user may change.
import { useMemo } from 'react';
import { useApi } from '../../api/use-api';

export interface LifeOrg {
  id: number;
  name: string;
  level: string;
  communityName: string | null;
}

export function useLifeOrgs(): { orgs: LifeOrg[]; branches: LifeOrg[]; loading: boolean } {
  const tree = useApi('orgs.tree', {});
  return useMemo(() => {
    const orgs = (tree.data ?? [])
      .filter((o) => (o.level === 'branch' || o.level === 'party_group' || o.level === 'general_branch') && o.closedOn === null && o.inScope)
      .map((o) => ({ id: o.id, name: o.name, level: o.level, communityName: o.communityName }));
    return { orgs, branches: orgs.filter((o) => o.level === 'branch'), loading: tree.loading };
  }, [tree.data, tree.loading]);
}
