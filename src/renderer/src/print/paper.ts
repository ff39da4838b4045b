// Paper sizes and the page rule: one sheet on screen is one printed page, so the preview shows exactly
// what `print()` and `printToPDF({ preferCSSPageSize: true })` produce.
export type PaperSize = 'A5' | 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

export interface Paper {
  size: PaperSize;
  orientation: Orientation;
  /** Margins in mm: top, right, bottom, left. */
  margin: [number, number, number, number];
}

const SIZES_MM: Record<PaperSize, [number, number]> = { A5: [148, 210], A4: [210, 297], A3: [297, 420] };
export const PX_PER_MM = 96 / 25.4;

export function sheetMm(paper: Paper): { width: number; height: number } {
  const [short, long] = SIZES_MM[paper.size];
  return paper.orientation === 'portrait' ? { width: short, height: long } : { width: long, height: short };
}

/** The area inside the margins, in mm. */
export function contentMm(paper: Paper): { width: number; height: number } {
  const { width, height } = sheetMm(paper);
  const [top, right, bottom, left] = paper.margin;
  return { width: width - left - right, height: height - top - bottom };
}

/** Sets the CSS page to the paper with no printer margin (the sheets carry their own). */
export function applyPageRule(paper: Paper): () => void {
  const style = document.createElement('style');
  style.dataset.printPage = '';
  style.textContent = `@page { size: ${paper.size} ${paper.orientation}; margin: 0; }`;
  document.head.appendChild(style);
  return () => style.remove();
}
