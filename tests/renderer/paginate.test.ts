// How a long list breaks into pages: no heading alone at a page's foot, a continued group gets its heading
// again, a subtotal never opens a page alone, and the total never stands alone on the last sheet.
import { describe, expect, it } from 'vitest';
import { paginate, type Block, type PageLayout } from '../../src/renderer/src/print/paginate';

/** Groups of `sizes[g]` rows, each with a heading and a subtotal; every block 1 unit high. */
function list(sizes: number[], subtotals = true): Block[] {
  const blocks: Block[] = [];
  sizes.forEach((n, group) => {
    blocks.push({ kind: 'group', group, height: 1 });
    for (let r = 0; r < n; r++) blocks.push({ kind: 'row', group, height: 1 });
    if (subtotals) blocks.push({ kind: 'subtotal', group, height: 1 });
  });
  return blocks;
}

const kinds = (blocks: Block[], page: PageLayout) => page.items.map((i) => blocks[i].kind);
const heightOf = (blocks: Block[], page: PageLayout) =>
  page.items.reduce((h, i) => h + blocks[i].height, 0) + (page.continued === null ? 0 : 1);

function checkInvariants(blocks: Block[], pages: PageLayout[], room: { first: number; rest: number; end: number }) {
  // Every block once, in order.
  expect(pages.flatMap((p) => p.items)).toEqual(blocks.map((_, i) => i));
  pages.forEach((p, n) => {
    const k = kinds(blocks, p);
    expect(k.at(-1), `page ${n + 1} ends with a bare heading`).not.toBe('group');
    expect(k[0], `page ${n + 1} opens with a subtotal`).not.toBe('subtotal');
    const limit = (n === 0 ? room.first : room.rest) - (n === pages.length - 1 ? room.end : 0);
    expect(heightOf(blocks, p), `page ${n + 1} overflows`).toBeLessThanOrEqual(limit);
    // A page opening inside a group repeats its heading.
    if (k[0] !== 'group' && p.items.length) expect(p.continued).toBe(blocks[p.items[0]].group);
  });
  // The closing block never stands alone.
  expect(pages.at(-1)!.items.length).toBeGreaterThan(0);
}

/** Rows of a group that runs over a page break, standing alone on one side of it. */
function loneRows(blocks: Block[], pages: PageLayout[]): string[] {
  const out: string[] = [];
  const rowsOf = (p: PageLayout, g: number) => p.items.filter((i) => blocks[i].kind === 'row' && blocks[i].group === g).length;
  pages.forEach((p, n) => {
    const groups = new Set(p.items.map((i) => blocks[i].group));
    for (const g of groups) {
      const total = blocks.filter((b) => b.kind === 'row' && b.group === g).length;
      const here = rowsOf(p, g);
      if (here === 1 && total > 1) out.push(`page ${n + 1}: group ${g} has one row of ${total}`);
    }
  });
  return out;
}

describe('paginate', () => {
  it('never leaves one row of a group alone on a page, at its foot or its top', () => {
    // Every size of group against every page height: the breaks fall at every possible row.
    for (let rest = 8; rest <= 14; rest++)
      for (let a = 2; a <= 12; a++)
        for (const b of [2, 3, 5, 9]) {
          const blocks = list([a, b, 4, a + b]);
          const room = { first: rest - 1, rest, end: 2 };
          const pages = paginate(blocks, room);
          checkInvariants(blocks, pages, room);
          expect(loneRows(blocks, pages), `groups ${a},${b} on pages of ${rest}`).toEqual([]);
        }
  });

  it('fills pages and repeats a running group heading', () => {
    const blocks = list([25, 3]);
    const room = { first: 10, rest: 12, end: 2 };
    const pages = paginate(blocks, room);
    checkInvariants(blocks, pages, room);
    expect(pages[1].continued).toBe(0);
  });

  it('carries the last two rows over with a subtotal that does not fit', () => {
    // Heading + 9 rows fill the first page exactly; the subtotal would open page 2 alone.
    const blocks = list([9, 2]);
    const room = { first: 10, rest: 10, end: 1 };
    const pages = paginate(blocks, room);
    checkInvariants(blocks, pages, room);
    expect(kinds(blocks, pages[1]).slice(0, 3)).toEqual(['row', 'row', 'subtotal']);
    expect(pages[1].continued).toBe(0);
  });

  it('carries the last rows over with a total that does not fit', () => {
    const blocks = list([7]);
    const room = { first: 10, rest: 10, end: 2 };
    const pages = paginate(blocks, room);
    checkInvariants(blocks, pages, room);
    expect(pages).toHaveLength(2);
    expect(kinds(blocks, pages[1])).toEqual(['row', 'row', 'subtotal']);
  });

  it('keeps a heading with its first row, and a group with no subtotal still carries rows with the total', () => {
    const blocks = list([8, 4], false);
    const room = { first: 10, rest: 10, end: 3 };
    const pages = paginate(blocks, room);
    checkInvariants(blocks, pages, room);
  });

  it('holds its rules over many shapes of lists', () => {
    for (let seed = 1; seed < 400; seed++) {
      const sizes = Array.from({ length: 1 + (seed % 7) }, (_, g) => 1 + ((seed * (g + 3)) % 17));
      const blocks = list(sizes, seed % 3 !== 0);
      const room = { first: 8 + (seed % 5), rest: 12 + (seed % 4), end: 1 + (seed % 4) };
      checkInvariants(blocks, paginate(blocks, room), room);
    }
  });
});
