// What a clerk at a 1366×768 screen would call "cut off": text clipped by its box (an ellipsis or hidden
// overflow), a heading or label standing one character per line, and the page's main action below the
// fold. The spreadsheet grid is left out (its columns are the user's to widen).
import type { Page } from '@playwright/test';

export interface FitProblem {
  kind: 'clipped' | 'oneCharPerLine';
  text: string;
  where: string;
}

const CHECKED = 'th, td, button, label, .ant-tag, .ant-tabs-tab, .ant-select-selection-item, .ant-card-head-title, .ant-typography, h1, h2, h3, .ant-menu-title-content, .ant-descriptions-item-label, .ant-descriptions-item-content, .package-name';

// Run in the page (a string: the tests are type-checked without the DOM's types).
const FIT_SCRIPT = `(() => {
  const problems = [];
  const where = (el) => {
    const region = el.closest('[aria-label], section, .ant-card, .ant-modal, .page');
    return el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0] + ' in ' + (region?.getAttribute('aria-label') ?? region?.className.toString().split(' ')[0] ?? 'page');
  };
  for (const el of document.querySelectorAll(${JSON.stringify(CHECKED)})) {
    if (el.closest('.ag-root-wrapper, .ant-select-dropdown, .ant-tooltip, [aria-hidden="true"]')) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const text = (el.innerText ?? '').trim();
    if (text.length < 2) continue;
    const style = getComputedStyle(el);
    const clips = style.textOverflow === 'ellipsis' || style.overflowX === 'hidden' || style.overflow === 'hidden';
    // Clipped: its own text wider than its box (a child that scrolls on purpose is not counted).
    if (clips && el.scrollWidth > el.clientWidth + 1 && el.children.length === 0) problems.push({ kind: 'clipped', text, where: where(el) });
    // One character a line: at least three lines of text in a box narrower than two characters.
    const fontSize = parseFloat(style.fontSize) || 14;
    const lineHeight = parseFloat(style.lineHeight) || fontSize * 1.5;
    const contentWidth = rect.width - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
    if (!text.includes('\\n') && text.length >= 3 && contentWidth < fontSize * 1.9 && rect.height > lineHeight * 2.5) problems.push({ kind: 'oneCharPerLine', text, where: where(el) });
  }
  return problems;
})()`;

export async function fitProblems(page: Page): Promise<FitProblem[]> {
  return (await page.evaluate(FIT_SCRIPT)) as FitProblem[];
}

/** The element's box lies inside the window (the page need not be scrolled to reach it). */
export async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const view = page.viewportSize();
  return !!box && !!view && box.y >= 0 && box.x >= 0 && box.y + box.height <= view.height && box.x + box.width <= view.width;
}
