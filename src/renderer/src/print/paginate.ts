// Splits measured blocks (group headings, rows, group subtotals) into pages of a given height. A group
// heading is never left alone at a page's foot; a group running on to a new page gets its heading again
// (marked as continued); the closing block goes where it fits, else on a page of its own.
export type BlockKind = 'group' | 'row' | 'subtotal';

export interface Block {
  kind: BlockKind;
  group: number;
  height: number;
}

export interface PageLayout {
  /** Indexes into the blocks. */
  items: number[];
  /** The group whose heading is repeated at the top of this page, or null. */
  continued: number | null;
}

export interface PageRoom {
  /** Height for blocks on the first page (after the title block and the table header). */
  first: number;
  /** Height on every later page (after the table header). */
  rest: number;
  /** Height of the closing block (totals, signatures) on the last page. */
  end: number;
}

export function paginate(blocks: readonly Block[], room: PageRoom): PageLayout[] {
  const headingHeight = new Map<number, number>();
  for (const b of blocks) if (b.kind === 'group') headingHeight.set(b.group, b.height);
  const pages: PageLayout[] = [];
  let page: PageLayout = { items: [], continued: null };
  let left = room.first;

  const newPage = (continuing: number | null) => {
    pages.push(page);
    page = { items: [], continued: continuing };
    left = room.rest - (continuing === null ? 0 : (headingHeight.get(continuing) ?? 0));
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    // A heading needs room for itself and its first row.
    const need = block.kind === 'group' && i + 1 < blocks.length ? block.height + blocks[i + 1].height : block.height;
    if (need > left && page.items.length > 0) newPage(block.kind === 'group' ? null : block.group);
    page.items.push(i);
    left -= block.height;
  }
  if (room.end > left && (page.items.length > 0 || pages.length > 0)) newPage(null);
  pages.push(page);
  return pages;
}
