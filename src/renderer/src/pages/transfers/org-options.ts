// The street's open organizations as TreeSelect data, in the tree's own order.
import type { OrgNode } from '../../../../shared/api/contract';
import type { OrgIndex } from '../../lib/org-tree';

export interface OrgOption {
  value: number;
  title: string;
  /** Shown once picked: the name with its community ("第1网格党支部 · 和平社区"), as every community has one. */
  label: string;
  disabled?: boolean;
  children?: OrgOption[];
}

/**
 * `inScopeOnly`: the organizations a user limited to one community may name (their own side of a letter) —
 * the path down to them stays, greyed, and other communities' branches are left out.
 */
export function orgOptions(index: OrgIndex | null, inScopeOnly = false): OrgOption[] {
  if (!index) return [];
  const build = (nodes: readonly OrgNode[]): OrgOption[] =>
    nodes
      .filter((n) => n.closedOn === null)
      .flatMap((n) => {
        const children = build(index.children.get(n.id) ?? []);
        if (inScopeOnly && !n.inScope && children.length === 0) return [];
        const label = n.communityName && !n.name.startsWith(n.communityName) ? `${n.name} · ${n.communityName}` : n.name;
        return [{ value: n.id, title: n.name, label, ...(inScopeOnly && !n.inScope ? { disabled: true } : {}), ...(children.length ? { children } : {}) }];
      });
  return build(index.roots);
}
