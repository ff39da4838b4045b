// Column widths for a printed table: a short column (a name, a date, an ID number, 俄罗斯族) is given the
// width of its longest value so it never breaks inside a word ("俄罗斯/族", "买买提·艾/力"); the columns that
// may wrap (addresses, materials, commitments) share what is left by their weights. Widths come from the
// text itself, estimated from the type size, so laying out a 3,000-row roster costs no extra measuring.

export interface FitColumn {
  /** Header text; a "\n" marks where a long header may break ("服务时长\n（小时）"). */
  label: string;
  weight: number;
  /** Kept on one line: as wide as its widest cell and its header's longest line. */
  fit?: boolean;
}

const MM_PER_PT = 25.4 / 72;
/** Latin letters and digits of Noto Sans SC are a little over half an em; CJK and full-width forms are one. */
const NARROW_EM = 0.58;

/** The width of the longest line of `text` at `pt` points, in mm. */
export function textMm(text: string, pt: number): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let em = 0;
    for (const ch of line) em += ch.charCodeAt(0) < 0x2000 ? NARROW_EM : 1;
    widest = Math.max(widest, em);
  }
  return widest * pt * MM_PER_PT;
}

/**
 * Widths in mm of the columns of a table `widthMm` wide whose body type is `pt` points, each cell having
 * `padMm` of padding and rules in all. Headers are bold, so a little wider.
 */
export function fitWidths(columns: readonly FitColumn[], rows: Iterable<readonly string[]>, widthMm: number, pt: number, padMm: number): number[] {
  const need = columns.map((c) => (c.fit ? textMm(c.label, pt) * 1.06 : 0));
  for (const row of rows)
    for (let c = 0; c < columns.length; c++) {
      if (!columns[c].fit) continue;
      const cell = row[c];
      // Cheap bound first: a short cell cannot be the widest.
      if (cell && cell.length * pt * MM_PER_PT > need[c]) need[c] = Math.max(need[c], textMm(cell, pt));
    }
  const fitted = columns.map((c, i) => (c.fit ? need[i] + padMm + 0.4 : 0));
  const fixed = fitted.reduce((a, b) => a + b, 0);
  const flexWeight = columns.reduce((n, c) => n + (c.fit ? 0 : c.weight), 0);
  if (fixed > widthMm || flexWeight === 0) {
    // Too many short columns for the paper (or none may wrap): every column in proportion to its need.
    const basis = columns.map((c, i) => (c.fit ? fitted[i] : 0));
    const sum = basis.reduce((a, b) => a + b, 0) || 1;
    return basis.map((b) => (b / sum) * widthMm);
  }
  const left = widthMm - fixed;
  return columns.map((c, i) => (c.fit ? fitted[i] : (c.weight / flexWeight) * left));
}
