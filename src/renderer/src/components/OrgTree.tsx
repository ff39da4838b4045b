// The Party organization tree as both the organization page and the members page show it: a search box,
// each node with its level, flags and member counts (full/all, with the organizations below), and —
// when the page allows it — drag and drop onto a new parent, refused visibly where the level does not fit.
import { FlagFilled, SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Spin, Tag, Tooltip, Tree } from 'antd';
import type { GetRef, TreeProps } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgFlag, OrgNode } from '../../../shared/api/contract';
import { canMoveUnder, pathTo, searchOrgs, type OrgIndex } from '../lib/org-tree';
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
  /** Given when the user may move organizations: called on a drop the rules allow. */
  onMove?: (node: OrgNode, parent: OrgNode) => void;
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
  // The node under the pointer while dragging: a drop always means "under this one". The ref is read by
  // the tree's own drop checks, which run before React has re-rendered.
  const [target, setTarget] = useState<OrgNode | null>(null);
  const targetRef = useRef<OrgNode | null>(null);
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

  const canDropOn = (node: OrgNode | null): boolean =>
    node !== null && dragging !== null && index !== null && node.id !== dragging.id && canMoveUnder(index, dragging, node);

  const renderTitle = (item: TreeItem) => {
    const org = item.org;
    const counts = index?.subtree.get(org.id) ?? { total: 0, full: 0 };
    const refused = dragging !== null && org.id !== dragging.id && !canDropOn(org);
    const dropHere = target?.id === org.id && canDropOn(org);
    const closed = org.closedOn !== null;
    return (
      <span
        className={`org-node${refused ? ' org-node-refused' : ''}${dropHere ? ' org-node-drop-target' : ''}${closed ? ' org-node-closed' : ''}`}
        onDragEnter={
          dragging
            ? () => {
                targetRef.current = org;
                setTarget(org);
              }
            : undefined
        }
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
    const parent = targetRef.current;
    endDrag();
    if (onMove && parent && canDropOn(parent)) onMove(node, parent);
  };

  const refusedTarget = target && dragging && target.id !== dragging.id && !canDropOn(target) ? target : null;
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
            allowDrop={() => canDropOn(targetRef.current)}
            onDragStart={(info) => setDragging(info.node.org)}
            onDragEnd={endDrag}
            onDrop={onDrop}
          />
        ) : null}
      </div>
      {dragging && (
        <div className={`org-tree-drag-hint${refusedTarget ? ' refused' : ''}`} role="status">
          {refusedTarget
            ? t('orgTree.dropRefused', { parent: refusedTarget.name, level: t(`orgLevels.${dragging.level}`) })
            : target && canDropOn(target)
              ? t('orgTree.dropHere', { name: dragging.name, parent: target.name })
              : t('org.dragHint')}
        </div>
      )}
    </div>
  );
}
