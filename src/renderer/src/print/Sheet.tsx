// One sheet of paper at its exact size with its margins; printed as exactly one page. The page foot sits
// at least 6 mm from the edge, inside what an office printer can reach.
import { useEffect, useState, type ReactNode } from 'react';
import { sheetMm, type Paper } from './paper';

export function Sheet({ paper, className, footer, children }: { paper: Paper; className?: string; footer?: string; children: ReactNode }) {
  const { width, height } = sheetMm(paper);
  const [top, right, bottom, left] = paper.margin;
  return (
    <section
      className={`sheet ${className ?? ''}`}
      style={{ width: `${width}mm`, height: `${height}mm`, padding: `${top}mm ${right}mm ${bottom}mm ${left}mm` }}
    >
      {children}
      {footer && (
        <div className="sheet-footer" style={{ bottom: `${Math.max(6, bottom / 2 - 1)}mm` }}>
          {footer}
        </div>
      )}
    </section>
  );
}

const FIRST_SHEETS = 4;

/**
 * Counts up to `total`, one step per animation frame, so a long document never freezes the window: the
 * first sheets at once, then twice as many each frame (every step lays the document out again, so a
 * fixed step would lay out a 100-sheet roster 25 times over).
 */
export function useProgressiveCount(total: number, onProgress?: (done: number, total: number) => void): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    setShown(0);
    if (total === 0) return;
    let n = 0;
    let frame = 0;
    const step = () => {
      n = Math.min(total, n + Math.max(FIRST_SHEETS, n));
      setShown(n);
      onProgress?.(n, total);
      if (n < total) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [total]);
  return shown;
}
