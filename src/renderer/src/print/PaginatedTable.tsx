// A table laid out for paper: rows measured once off-screen at their final column widths, split into
// sheets of the exact paper size (title block on page 1, table header on every page, group headings and
// subtotals, the closing block at the end, "第 N 页 共 M 页" at the foot), rendered a few sheets per frame.
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { contentMm, PX_PER_MM, type Paper } from './paper';
import { paginate, type Block, type PageLayout } from './paginate';
import { Sheet, useProgressiveCount } from './Sheet';

export interface TableColumn {
  key: string;
  label: string;
  /** Relative width. */
  weight: number;
  align?: 'left' | 'center' | 'right';
  /** Kept on one line (dates, ID numbers, phones). */
  nowrap?: boolean;
}

export interface TableGroup {
  title: string;
  rows: string[][];
  /** The closing line of the group (e.g. "本支部 23 人"). */
  subtotal?: string;
}

export interface PaginatedTableProps {
  paper: Paper;
  className?: string;
  columns: TableColumn[];
  groups: TableGroup[];
  /** Page 1, above the table. */
  title: ReactNode;
  /** Last page, under the table. */
  end: ReactNode;
  pageLabel: (page: number, pages: number) => string;
  continuedLabel: string;
  onLayout?: (pages: number) => void;
  onProgress?: (done: number, total: number) => void;
}

function blocksOf(groups: TableGroup[]): Block[] {
  const blocks: Block[] = [];
  groups.forEach((g, group) => {
    if (g.title) blocks.push({ kind: 'group', group, height: 0 });
    for (let r = 0; r < g.rows.length; r++) blocks.push({ kind: 'row', group, height: 0 });
    if (g.subtotal) blocks.push({ kind: 'subtotal', group, height: 0 });
  });
  return blocks;
}

export function PaginatedTable(props: PaginatedTableProps) {
  const { paper, columns, groups } = props;
  const measureRef = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<PageLayout[] | null>(null);
  const blocks = useMemo(() => blocksOf(groups), [groups]);
  // Each block's row within its group, to find its cells.
  const rowIndex = useMemo(() => {
    const out: number[] = [];
    let last = -1;
    let n = 0;
    for (const b of blocks) {
      if (b.group !== last) {
        n = 0;
        last = b.group;
      }
      out.push(b.kind === 'row' ? n++ : -1);
    }
    return out;
  }, [blocks]);

  useLayoutEffect(() => {
    let cancelled = false;
    const measure = () => {
      const root = measureRef.current;
      if (!root || cancelled) return;
      const height = (el: Element | null) => (el ? el.getBoundingClientRect().height : 0);
      const rows = root.querySelectorAll('tbody > tr');
      const measured = blocks.map((b, i) => ({ ...b, height: height(rows[i]) }));
      const content = contentMm(paper).height * PX_PER_MM - 2;
      const head = height(root.querySelector('thead'));
      const room = { first: content - height(root.querySelector('.pt-title')) - head, rest: content - head, end: height(root.querySelector('.pt-end')) };
      const layout = paginate(measured, room);
      setPages(layout);
      props.onLayout?.(layout.length);
    };
    setPages(null);
    // Lay out once so the glyphs' fonts start loading, then measure when they are in.
    void measureRef.current?.offsetHeight;
    void document.fonts.ready.then(measure);
    return () => {
      cancelled = true;
    };
  }, [blocks, paper, columns]);

  const shown = useProgressiveCount(pages?.length ?? 0, props.onProgress);
  const total = columns.reduce((n, c) => n + c.weight, 0);
  const colgroup = (
    <colgroup>
      {columns.map((c) => (
        <col key={c.key} style={{ width: `${(c.weight / total) * 100}%` }} />
      ))}
    </colgroup>
  );
  const thead = (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c.key}>{c.label}</th>
        ))}
      </tr>
    </thead>
  );
  const renderBlock = (i: number, continued = false) => {
    const b = blocks[i];
    const g = groups[b.group];
    if (b.kind === 'group')
      return (
        <tr key={continued ? `c${i}` : i} className="pt-group">
          <td colSpan={columns.length}>
            {g.title}
            {continued ? `（${props.continuedLabel}）` : ''}
          </td>
        </tr>
      );
    if (b.kind === 'subtotal')
      return (
        <tr key={i} className="pt-subtotal">
          <td colSpan={columns.length}>{g.subtotal}</td>
        </tr>
      );
    const row = g.rows[rowIndex[i]];
    return (
      <tr key={i}>
        {row.map((cell, c) => (
          <td key={c} className={[columns[c].align ? `pt-${columns[c].align}` : '', columns[c].nowrap ? 'pt-nowrap' : ''].join(' ').trim() || undefined}>
            {cell}
          </td>
        ))}
      </tr>
    );
  };
  const groupStart = useMemo(() => new Map(blocks.map((b, i) => [b, i] as const).filter(([b]) => b.kind === 'group').map(([b, i]) => [b.group, i])), [blocks]);
  const width = `${contentMm(paper).width}mm`;

  return (
    <>
      <div className={`print-measure ${props.className ?? ''}`} ref={measureRef} style={{ width }} aria-hidden>
        <div className="pt-title">{props.title}</div>
        <table className="pt-table">
          {colgroup}
          {thead}
          <tbody>{blocks.map((_, i) => renderBlock(i))}</tbody>
        </table>
        <div className="pt-end">{props.end}</div>
      </div>
      {pages?.slice(0, shown).map((page, p) => (
        <Sheet key={p} paper={paper} className={props.className} footer={props.pageLabel(p + 1, pages.length)}>
          {p === 0 && <div className="pt-title">{props.title}</div>}
          {page.items.length > 0 && (
            <table className="pt-table">
              {colgroup}
              {thead}
              <tbody>
                {page.continued !== null && groupStart.has(page.continued) && renderBlock(groupStart.get(page.continued)!, true)}
                {page.items.map((i) => renderBlock(i))}
              </tbody>
            </table>
          )}
          {p === pages.length - 1 && <div className="pt-end">{props.end}</div>}
        </Sheet>
      ))}
    </>
  );
}
