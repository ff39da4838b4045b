// The flat `orgs.tree` answer as a tree: children in order, member counts of each subtree, and which
// organization may hold which level (the core decides; these rules only keep the UI from offering a refusal).
import type { OrgNode } from '../../../shared/api/contract';
import { CHILD_LEVELS } from '../../../shared/org-rules';

export interface MemberCounts {
  total: number;
  full: number;
}

export interface OrgIndex {
  byId: ReadonlyMap<number, OrgNode>;
  /** Children in the core's order (sortOrder, then id); the key null holds the root(s). */
  children: ReadonlyMap<number | null, readonly OrgNode[]>;
  /** Active members of each organization and everything below it. */
  subtree: ReadonlyMap<number, MemberCounts>;
  roots: readonly OrgNode[];
}

export function indexOrgs(nodes: readonly OrgNode[]): OrgIndex {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<number | null, OrgNode[]>();
  for (const node of nodes) {
    // A node whose parent is not in the list (a closed parent left out) is shown at the top.
    const parent = node.parentId !== null && byId.has(node.parentId) ? node.parentId : null;
    const list = children.get(parent);
    if (list) list.push(node);
    else children.set(parent, [node]);
  }
  for (const list of children.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);

  const subtree = new Map<number, MemberCounts>();
  const count = (node: OrgNode): MemberCounts => {
    const sum = { total: node.memberCount, full: node.fullMemberCount };
    for (const child of children.get(node.id) ?? []) {
      const c = count(child);
      sum.total += c.total;
      sum.full += c.full;
    }
    subtree.set(node.id, sum);
    return sum;
  };
  const roots = children.get(null) ?? [];
  roots.forEach(count);
  return { byId, children, subtree, roots };
}

/** The organization and its ancestors, root first. */
export function pathTo(index: OrgIndex, id: number): OrgNode[] {
  const path: OrgNode[] = [];
  let node = index.byId.get(id);
  while (node) {
    path.unshift(node);
    node = node.parentId === null ? undefined : index.byId.get(node.parentId);
  }
  return path;
}

/** True when `id` is `ancestorId` or lies below it. */
export function isWithin(index: OrgIndex, id: number, ancestorId: number): boolean {
  return pathTo(index, id).some((n) => n.id === ancestorId);
}

export function canCreateUnder(parent: OrgNode): boolean {
  return parent.closedOn === null && CHILD_LEVELS[parent.level].length > 0;
}

/** Whether `node` may be moved under `parent`: open, able to hold its level, not the node or below it. */
export function canMoveUnder(index: OrgIndex, node: OrgNode, parent: OrgNode): boolean {
  return (
    node.parentId !== null &&
    parent.id !== node.parentId &&
    parent.closedOn === null &&
    CHILD_LEVELS[parent.level].includes(node.level) &&
    !isWithin(index, parent.id, node.id)
  );
}

/** Whether `node` may be placed before or after `sibling`, under the same parent (reordering, or a move there). */
export function canPlaceBeside(index: OrgIndex, node: OrgNode, sibling: OrgNode): boolean {
  const parent = sibling.parentId === null ? undefined : index.byId.get(sibling.parentId);
  return (
    node.parentId !== null &&
    sibling.id !== node.id &&
    sibling.closedOn === null &&
    parent !== undefined &&
    parent.closedOn === null &&
    CHILD_LEVELS[parent.level].includes(node.level) &&
    !isWithin(index, parent.id, node.id)
  );
}

/** The place among `parentId`'s open children `node` takes before or after `sibling` (as orgs.move counts it). */
export function positionBeside(index: OrgIndex, node: OrgNode, sibling: OrgNode, where: 'before' | 'after'): number {
  const open = (index.children.get(sibling.parentId) ?? []).filter((o) => o.closedOn === null && o.id !== node.id);
  const at = open.findIndex((o) => o.id === sibling.id);
  return where === 'before' ? at : at + 1;
}

/** Ids of the organizations to show for a name search: the matches and their ancestors. */
export function searchOrgs(index: OrgIndex, query: string): { visible: Set<number>; matches: Set<number> } {
  const text = query.trim();
  const visible = new Set<number>();
  const matches = new Set<number>();
  if (!text) return { visible, matches };
  for (const node of index.byId.values()) {
    if (!node.name.includes(text)) continue;
    matches.add(node.id);
    for (const n of pathTo(index, node.id)) visible.add(n.id);
  }
  return { visible, matches };
}
