// Splits measured blocks (group headings, rows, group subtotals) into pages of a given height, the way a
// clerk would break a paper list:
// - a group heading is never left alone at a page's foot: it goes with its first row;
// - a group running on to a new page gets its heading again (marked as continued);
// - a subtotal never opens a page by itself: the group's last two rows go over with it;
// - no row of a group stands alone on a page: a group broken across pages keeps at least two rows on each
//   side (a group's last row never goes over by itself, nor is its first row left alone at the foot);
// - the closing block (total, signatures) goes where it fits, else on to a new page together with the last
//   rows of the table, so the total is never alone on a sheet.
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
  /** Height on every later page (after the running head and the table header). */
  rest: number;
  /** Height of the closing block (totals, signatures) on the last page. */
  end: number;
}

/** Rows carried over with a subtotal that does not fit, and with a closing block that does not fit. */
const ROWS_WITH_SUBTOTAL = 2;
const ROWS_WITH_END = 2;

export function paginate(blocks: readonly Block[], room: PageRoom): PageLayout[] {
  const headingHeight = new Map<number, number>();
  for (const b of blocks) if (b.kind === 'group') headingHeight.set(b.group, b.height);
  const pages: PageLayout[] = [];
  let page: PageLayout = { items: [], continued: null };
  let left = room.first;

  const place = (i: number) => {
    page.items.push(i);
    left -= blocks[i].height;
  };

  /** Starts a new page whose first block is `first` (an index, or null for none). */
  const open = (first: number | null) => {
    pages.push(page);
    const continuing = first !== null && blocks[first].kind !== 'group' ? blocks[first].group : null;
    page = { items: [], continued: continuing };
    left = room.rest - (continuing === null ? 0 : (headingHeight.get(continuing) ?? 0));
  };

  /**
   * Breaks the page before `next` (an index, or null for the closing block), carrying the page's last rows
   * (and a subtotal, and a heading that would be left bare) over, unless that would empty the page.
   */
  const breakCarrying = (rows: number, next: number | null) => {
    const items = page.items;
    let cut = items.length;
    if (cut > 0 && blocks[items[cut - 1]].kind === 'subtotal') cut--;
    const group = cut > 0 ? blocks[items[cut - 1]].group : -1;
    let carried = 0;
    while (carried < rows && cut > 0 && blocks[items[cut - 1]].kind === 'row' && blocks[items[cut - 1]].group === group) {
      cut--;
      carried++;
    }
    // One row of the group would stay behind alone: it goes over too.
    const isRow = (k: number) => k >= 0 && blocks[items[k]].kind === 'row' && blocks[items[k]].group === group;
    if (carried > 0 && isRow(cut - 1) && !isRow(cut - 2)) {
      cut--;
      carried++;
    }
    if (cut > 0 && blocks[items[cut - 1]].kind === 'group') cut--;
    // Nothing worth keeping would stay behind: break without carrying.
    if (cut === 0 || carried === 0) cut = items.length;
    const moved = items.splice(cut);
    for (const i of moved) left += blocks[i].height;
    open(moved[0] ?? next);
    for (const i of moved) place(i);
  };

  /** Rows of `group` from block `i` on, up to its end. */
  const rowsFrom = (i: number, group: number) => {
    let n = 0;
    while (i + n < blocks.length && blocks[i + n].kind === 'row' && blocks[i + n].group === group) n++;
    return n;
  };
  /** Rows of `group` at the foot of the current page. */
  const rowsAtFoot = (group: number) => {
    let n = 0;
    for (let k = page.items.length - 1; k >= 0 && blocks[page.items[k]].kind === 'row' && blocks[page.items[k]].group === group; k--) n++;
    return n;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    // A heading needs room for itself and its first row.
    const need = block.kind === 'group' && i + 1 < blocks.length ? block.height + blocks[i + 1].height : block.height;
    if (need > left && page.items.length > 0) {
      if (block.kind === 'subtotal') breakCarrying(ROWS_WITH_SUBTOTAL, i);
      else if (block.kind === 'row') {
        // Two rows at least go over, and two stay behind (else the rows at the foot all go over).
        const foot = rowsAtFoot(block.group);
        const carry = Math.max(0, 2 - rowsFrom(i, block.group));
        breakCarrying(foot - carry < 2 ? foot : carry, i);
      } else open(i);
    }
    place(i);
  }
  if (room.end > left && page.items.length > 0) breakCarrying(ROWS_WITH_END, null);
  pages.push(page);
  return pages;
}
