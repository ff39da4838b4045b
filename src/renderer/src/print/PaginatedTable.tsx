// A table laid out for paper: rows measured off-screen at their final column widths, split into sheets of
// the exact paper size (title block on page 1, a running head and the table header on every later page,
// group headings and subtotals, the closing block at the end, "第 N 页 共 M 页" at the foot).
// A long list (a roster of 5,000 members) never freezes the window: rows are measured a slice at a time,
// one slice per frame, the measuring table is dropped once done, and the sheets are added a few per frame,
// each built once.
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { contentMm, PX_PER_MM, type Paper } from './paper';
import { paginate, type Block, type PageLayout } from './paginate';
import { Sheet, useProgressiveCount } from './Sheet';
import { fitWidths } from './fit-columns';

export interface TableColumn {
  key: string;
  label: string;
  /** Relative width. */
  weight: number;
  align?: 'left' | 'center' | 'right';
  /** Kept on one line (dates, ID numbers, phones, names): as wide as its widest value (see fit-columns). */
  nowrap?: boolean;
}

export interface TableGroup {
  title: string;
  /** Said after the title (and after its "continued" mark), e.g. a team's field of service. */
  note?: string;
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
  /** Pages 2 on, above the table: a short line naming the document, so a loose sheet says what it is. */
  runningHead?: ReactNode;
  /** The table's width in mm when narrower than the paper (a roster of a few columns); centred. */
  tableWidthMm?: number;
  /** The body type size in points and a cell's horizontal padding in mm, to size the one-line columns. */
  bodyPt: number;
  padMm: number;
  /** Last page, under the table. */
  end: ReactNode;
  /** Each sheet's footer; by default 第 N 页 共 M 页 (print.pageLabel). */
  pageLabel?: (page: number, pages: number) => string;
  /** After a group's title carried on to the next sheet; by default 续 (print.continued). */
  continuedLabel?: string;
  onLayout?: (pages: number) => void;
  onProgress?: (done: number, total: number) => void;
}

/** Blocks measured per frame: a slice renders and lays out in a few tens of milliseconds. */
const MEASURE_SLICE = 400;

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
  // The slice of blocks being measured (null when done), and the heights measured so far.
  const [slice, setSlice] = useState<number | null>(0);
  const heights = useRef<number[]>([]);
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

  // The latest decorations, read when the sheets are built (they are the same texts render after render).
  const { t } = useTranslation();
  const labelled = {
    ...props,
    pageLabel: props.pageLabel ?? ((page: number, pages: number) => t('print.pageLabel', { page, pages })),
    continuedLabel: props.continuedLabel ?? t('print.continued'),
  };
  const latest = useRef(labelled);
  latest.current = labelled;

  // Start over when the content or the paper changes.
  const { tableWidthMm, bodyPt, padMm } = props;
  useLayoutEffect(() => {
    heights.current = [];
    setPages(null);
    setSlice(0);
  }, [blocks, paper, columns, tableWidthMm, bodyPt, padMm]);

  useLayoutEffect(() => {
    if (slice === null) return;
    let cancelled = false;
    let frame = 0;
    const measure = () => {
      const root = measureRef.current;
      if (!root || cancelled) return;
      const height = (el: Element | null) => (el ? el.getBoundingClientRect().height : 0);
      root.querySelectorAll('tbody > tr').forEach((row) => heights.current.push(height(row)));
      const next = (slice + 1) * MEASURE_SLICE;
      if (next < blocks.length) {
        // The next slice on the next frame, so the window keeps answering.
        frame = requestAnimationFrame(() => setSlice(slice + 1));
        return;
      }
      const measured = blocks.map((b, i) => ({ ...b, height: heights.current[i] ?? 0 }));
      const content = contentMm(paper).height * PX_PER_MM - 2;
      const head = height(root.querySelector('thead'));
      const running = height(root.querySelector('.pt-running'));
      const room = { first: content - height(root.querySelector('.pt-title')) - head, rest: content - running - head, end: height(root.querySelector('.pt-end')) };
      const layout = paginate(measured, room);
      setPages(layout);
      setSlice(null);
      latest.current.onLayout?.(layout.length);
    };
    // Lay the slice out so the glyphs' fonts start loading, then measure when they are in.
    void measureRef.current?.offsetHeight;
    void document.fonts.ready.then(measure);
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [slice, blocks, paper, columns, tableWidthMm]);

  const contentWidth = contentMm(paper).width;
  const widthsMm = useMemo(() => {
    const width = tableWidthMm && tableWidthMm < contentWidth ? tableWidthMm : contentWidth;
    const fit = columns.map((c) => ({ label: c.label, weight: c.weight, fit: c.nowrap }));
    return fitWidths(fit, groups.flatMap((g) => g.rows), width, bodyPt, padMm);
  }, [columns, groups, tableWidthMm, contentWidth, bodyPt, padMm]);
  const total = widthsMm.reduce((n, w) => n + w, 0);
  const tableStyle = useMemo(
    () => (tableWidthMm && tableWidthMm < contentWidth ? { width: `${tableWidthMm}mm`, marginLeft: 'auto', marginRight: 'auto' } : undefined),
    [tableWidthMm, contentWidth],
  );

  // Table parts and sheets, built once per layout (not again on every frame that adds sheets).
  const parts = useMemo(() => {
    const colgroup = (
      <colgroup>
        {columns.map((c, i) => (
          <col key={c.key} style={{ width: `${(widthsMm[i] / total) * 100}%` }} />
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
    const cellClass = columns.map((c) => [c.align ? `pt-${c.align}` : '', c.nowrap ? 'pt-nowrap' : ''].join(' ').trim() || undefined);
    const renderBlock = (i: number, continued = false) => {
      const b = blocks[i];
      const g = groups[b.group];
      if (b.kind === 'group')
        return (
          <tr key={continued ? `c${i}` : i} className="pt-group">
            <td colSpan={columns.length}>
              {g.title}
              {continued ? `（${latest.current.continuedLabel}）` : ''}
              {g.note ? `\u3000${g.note}` : ''}
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
            <td key={c} className={cellClass[c]}>
              {cell}
            </td>
          ))}
        </tr>
      );
    };
    return { colgroup, thead, renderBlock };
  }, [blocks, groups, columns, rowIndex, total, widthsMm]);

  const sheets = useMemo(() => {
    if (!pages) return [];
    const { colgroup, thead, renderBlock } = parts;
    const p = latest.current;
    const groupStart = new Map<number, number>();
    blocks.forEach((b, i) => {
      if (b.kind === 'group') groupStart.set(b.group, i);
    });
    return pages.map((page, n) => (
      <Sheet key={n} paper={paper} className={p.className} footer={p.pageLabel(n + 1, pages.length)}>
        {n === 0 ? (
          <div className="pt-title" style={tableStyle}>
            {p.title}
          </div>
        ) : (
          p.runningHead && (
            <div className="pt-running" style={tableStyle}>
              {p.runningHead}
            </div>
          )
        )}
        {page.items.length > 0 && (
          <table className="pt-table" style={tableStyle}>
            {colgroup}
            {thead}
            <tbody>
              {page.continued !== null && groupStart.has(page.continued) && renderBlock(groupStart.get(page.continued)!, true)}
              {page.items.map((i) => renderBlock(i))}
            </tbody>
          </table>
        )}
        {n === pages.length - 1 && (
          <div className="pt-end" style={tableStyle}>
            {p.end}
          </div>
        )}
      </Sheet>
    ));
  }, [pages, parts, blocks, paper, tableStyle]);

  const shown = useProgressiveCount(sheets.length, props.onProgress);

  const measuring = slice !== null && (
    <div className={`print-measure ${props.className ?? ''}`} ref={measureRef} style={{ width: `${contentWidth}mm` }} aria-hidden>
      <div className="pt-title" style={tableStyle}>
        {props.title}
      </div>
      {props.runningHead && (
        <div className="pt-running" style={tableStyle}>
          {props.runningHead}
        </div>
      )}
      <table className="pt-table" style={tableStyle}>
        {parts.colgroup}
        {parts.thead}
        <tbody>{blocks.slice(slice * MEASURE_SLICE, (slice + 1) * MEASURE_SLICE).map((_, k) => parts.renderBlock(slice * MEASURE_SLICE + k))}</tbody>
      </table>
      <div className="pt-end" style={tableStyle}>
        {props.end}
      </div>
    </div>
  );

  return (
    <>
      {measuring}
      {sheets.slice(0, shown)}
    </>
  );
}
