// The Party organization tree as both the organization page and the members page show it: a search box,
// each node with its level, flags and member counts (full/all, with the organizations below), and —
// when the page allows it — drag and drop: onto a node's middle to move under it, onto its upper or lower
// edge to place before or after it; refused visibly where the level does not fit.
import { FlagFilled, SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Spin, Tag, Tooltip, Tree } from 'antd';
import type { GetRef, TreeProps } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgFlag, OrgNode } from '../../../shared/api/contract';
import { canMoveUnder, canPlaceBeside, isWithin, pathTo, positionBeside, searchOrgs, type OrgIndex } from '../lib/org-tree';
import { useDebounced } from '../lib/use-debounced';
import { useElementSize } from '../lib/use-element-size';
import { errorText } from '../lib/errors';

interface TreeItem {
  key: number;
  title: string;
  org: OrgNode;
  children?: TreeItem[];
  isLeaf?: boolean;
}

export interface OrgTreeProps {
  index: OrgIndex | null;
  error?: unknown;
  selectedId: number | null;
  onSelect: (node: OrgNode) => void;
  /** Smaller rows without category tags (the members page). */
  compact?: boolean;
  /** Controls shown under the search box (e.g. 显示已撤销). */
  toolbar?: ReactNode;
  /**
   * Given when the user may move organizations: called on a drop the rules allow, with the new parent and
   * the place among its open organizations (none: last).
   */
  onMove?: (node: OrgNode, parent: OrgNode, position?: number) => void;
}

type DropWhere = 'before' | 'inside' | 'after';
interface DropTarget {
  node: OrgNode;
  where: DropWhere;
}

/** The upper and lower quarter of a node place beside it; the middle moves under it. */
function dropWhere(event: React.DragEvent<HTMLElement>): DropWhere {
  const box = event.currentTarget.getBoundingClientRect();
  const y = (event.clientY - box.top) / Math.max(box.height, 1);
  return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'inside';
}

function FlagIcon({ flag }: { flag: OrgFlag }) {
  const { t } = useTranslation();
  const text = t(`orgFlags.${flag}`);
  return (
    <Tooltip title={text}>
      <FlagFilled className={`org-flag org-flag-${flag}`} aria-label={text} role="img" />
    </Tooltip>
  );
}

function highlight(name: string, query: string): ReactNode {
  const at = query ? name.indexOf(query) : -1;
  if (at < 0) return name;
  return (
    <>
      {name.slice(0, at)}
      <mark className="org-match">{name.slice(at, at + query.length)}</mark>
      {name.slice(at + query.length)}
    </>
  );
}

export function OrgTree({ index, error, selectedId, onSelect, compact = false, toolbar, onMove }: OrgTreeProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const settledQuery = useDebounced(query.trim(), 150);
  const [expanded, setExpanded] = useState<number[] | null>(null);
  const [dragging, setDragging] = useState<OrgNode | null>(null);
  // Where a drop would land while dragging. The ref is read by the tree's own drop checks, which run
  // before React has re-rendered.
  const [target, setTarget] = useState<DropTarget | null>(null);
  const targetRef = useRef<DropTarget | null>(null);
  const [holderRef, size] = useElementSize<HTMLDivElement>();
  const treeRef = useRef<GetRef<typeof Tree>>(null);

  const search = useMemo(() => (index ? searchOrgs(index, settledQuery) : null), [index, settledQuery]);

  // Open the root the first time the tree arrives, so its first level shows.
  useEffect(() => {
    if (!index || expanded !== null) return;
    setExpanded(index.roots.map((r) => r.id));
  }, [index, expanded]);

  // Keep the selected organization in view: open its ancestors and scroll to it.
  useEffect(() => {
    if (!index || selectedId === null || !index.byId.has(selectedId)) return;
    const ancestors = pathTo(index, selectedId).slice(0, -1).map((n) => n.id);
    setExpanded((prev) => {
      const open = new Set(prev ?? []);
      if (ancestors.every((id) => open.has(id))) return prev;
      ancestors.forEach((id) => open.add(id));
      return [...open];
    });
    const timer = setTimeout(() => treeRef.current?.scrollTo({ key: selectedId, align: 'auto' }), 0);
    return () => clearTimeout(timer);
  }, [index, selectedId]);

  const treeData = useMemo(() => {
    if (!index) return [];
    const filter = settledQuery ? search!.visible : null;
    const build = (nodes: readonly OrgNode[]): TreeItem[] =>
      nodes
        .filter((n) => !filter || filter.has(n.id))
        .map((n) => {
          const kids = index.children.get(n.id) ?? [];
          return { key: n.id, title: n.name, org: n, children: kids.length ? build(kids) : undefined, isLeaf: kids.length === 0 };
        });
    return build(index.roots);
  }, [index, settledQuery, search]);

  const expandedKeys = useMemo(() => {
    if (settledQuery && search) return [...search.visible];
    return expanded ?? [];
  }, [settledQuery, search, expanded]);

  const allowed = (drop: DropTarget | null): boolean => {
    if (!drop || !dragging || !index || drop.node.id === dragging.id) return false;
    return drop.where === 'inside' ? canMoveUnder(index, dragging, drop.node) : canPlaceBeside(index, dragging, drop.node);
  };
  const takesDrop = (node: OrgNode): boolean =>
    dragging !== null && index !== null && (canMoveUnder(index, dragging, node) || canPlaceBeside(index, dragging, node));

  const pointAt = (org: OrgNode, event: React.DragEvent<HTMLElement>) => {
    const where = dropWhere(event);
    const current = targetRef.current;
    if (current?.node.id === org.id && current.where === where) return;
    targetRef.current = { node: org, where };
    setTarget(targetRef.current);
  };

  const renderTitle = (item: TreeItem) => {
    const org = item.org;
    const counts = index?.subtree.get(org.id) ?? { total: 0, full: 0 };
    const refused = dragging !== null && org.id !== dragging.id && !takesDrop(org);
    const drop = target?.node.id === org.id && allowed(target) ? ` org-node-drop-${target.where}` : '';
    const closed = org.closedOn !== null;
    return (
      <span
        className={`org-node${refused ? ' org-node-refused' : ''}${drop}${closed ? ' org-node-closed' : ''}`}
        onDragEnter={dragging ? (event) => pointAt(org, event) : undefined}
        onDragOver={dragging ? (event) => pointAt(org, event) : undefined}
      >
        <span className="org-node-name">{highlight(org.name, settledQuery)}</span>
        <Tag className="org-tag" variant="filled">
          {t(`orgLevelTags.${org.level}`)}
        </Tag>
        {!compact && org.category !== 'regional' && (
          <Tag className="org-tag" color="blue" variant="filled">
            {t(`orgCategories.${org.category}`)}
          </Tag>
        )}
        {closed && (
          <Tag className="org-tag" variant="filled">
            {t('orgTree.closed')}
          </Tag>
        )}
        {org.flags.map((flag) => (
          <FlagIcon key={flag} flag={flag} />
        ))}
        <span className="org-node-count" title={t('orgTree.counts', { full: counts.full, total: counts.total })}>
          {compact ? counts.total : `${counts.full}/${counts.total}`}
        </span>
      </span>
    );
  };

  const endDrag = () => {
    setDragging(null);
    setTarget(null);
    targetRef.current = null;
  };

  const onDrop: TreeProps<TreeItem>['onDrop'] = (info) => {
    const node = info.dragNode.org;
    const drop = targetRef.current;
    const ok = allowed(drop);
    endDrag();
    if (!onMove || !index || !drop || !ok) return;
    if (drop.where === 'inside') onMove(node, drop.node, undefined);
    else onMove(node, index.byId.get(drop.node.parentId!)!, positionBeside(index, node, drop.node, drop.where));
  };

  const hint = (): { text: string; refused: boolean } => {
    if (!dragging || !target || target.node.id === dragging.id) return { text: t('org.dragHint'), refused: false };
    const { node, where } = target;
    const level = t(`orgLevels.${dragging.level}`);
    if (allowed(target)) {
      if (where === 'inside') return { text: t('orgTree.dropHere', { name: dragging.name, parent: node.name }), refused: false };
      return { text: t(where === 'before' ? 'orgTree.dropBefore' : 'orgTree.dropAfter', { name: dragging.name, sibling: node.name }), refused: false };
    }
    if (where === 'inside' && node.id === dragging.parentId) return { text: t('orgTree.dropAlreadyUnder', { name: dragging.name, parent: node.name }), refused: true };
    const parent = where === 'inside' ? node : node.parentId !== null ? index?.byId.get(node.parentId) : undefined;
    if (parent && index && isWithin(index, parent.id, dragging.id)) return { text: t('orgTree.dropIntoItself', { name: dragging.name }), refused: true };
    return { text: t('orgTree.dropRefused', { parent: parent?.name ?? node.name, level }), refused: true };
  };

  const empty = index && index.roots.length === 0;
  const noMatch = index && settledQuery && search && search.matches.size === 0;

  return (
    <div className={`org-tree${compact ? ' org-tree-compact' : ''}`}>
      <div className="org-tree-head">
        <Input
          allowClear
          size={compact ? 'small' : 'middle'}
          prefix={<SearchOutlined className="muted" />}
          placeholder={t('orgTree.searchPlaceholder')}
          aria-label={t('orgTree.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {toolbar}
      </div>
      <div className="org-tree-body" ref={holderRef}>
        {error ? (
          <div className="load-error">{errorText(error)}</div>
        ) : !index ? (
          <div className="org-tree-loading">
            <Spin />
          </div>
        ) : empty ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgTree.empty')} />
        ) : noMatch ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgTree.noMatch', { query: settledQuery })} />
        ) : size.height > 0 ? (
          <Tree<TreeItem>
            ref={treeRef}
            blockNode
            showLine={{ showLeafIcon: false }}
            height={size.height}
            itemHeight={compact ? 26 : 30}
            treeData={treeData}
            titleRender={renderTitle}
            selectedKeys={selectedId === null ? [] : [selectedId]}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpanded(keys as number[])}
            onSelect={(_keys, info) => onSelect(info.node.org)}
            draggable={onMove ? { icon: false, nodeDraggable: (n) => (n as TreeItem).org.parentId !== null && (n as TreeItem).org.closedOn === null } : false}
            allowDrop={() => allowed(targetRef.current)}
            onDragStart={(info) => setDragging(info.node.org)}
            onDragEnd={endDrag}
            onDrop={onDrop}
          />
        ) : null}
      </div>
      {dragging && (
        <div className={`org-tree-drag-hint${hint().refused ? ' refused' : ''}`} role="status">
          {hint().text}
        </div>
      )}
    </div>
  );
}
