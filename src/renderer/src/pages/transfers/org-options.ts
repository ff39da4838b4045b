// The street's open organizations as TreeSelect data, in the tree's own order.
import type { OrgNode } from '../../../../shared/api/contract';
import type { OrgIndex } from '../../lib/org-tree';

export interface OrgOption {
  value: number;
  title: string;
  children?: OrgOption[];
}

export function orgOptions(index: OrgIndex | null): OrgOption[] {
  if (!index) return [];
  const build = (nodes: readonly OrgNode[]): OrgOption[] =>
    nodes
      .filter((n) => n.closedOn === null)
      .map((n) => {
        const children = build(index.children.get(n.id) ?? []);
        return { value: n.id, title: n.name, ...(children.length ? { children } : {}) };
      });
  return build(index.roots);
}
