// Remembers the window's size, position and maximized state in userData/window-state.json, and restores the
// position only while it is still on a connected display (a laptop undocked from its second screen).
import { readFileSync, writeFileSync } from 'node:fs';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

export const DEFAULT_SIZE = { width: 1366, height: 860 };
export const MINIMUM_SIZE = { width: 1100, height: 700 };

/** How much of the window must be on one display for the saved position to be used. */
const VISIBLE_PART = { width: 200, height: 100 };

export interface WindowState {
  bounds: { width: number; height: number; x?: number; y?: number };
  maximized: boolean;
}

export function loadWindowState(file: string): WindowState {
  const saved = readSaved(file);
  if (!saved) return { bounds: { ...DEFAULT_SIZE }, maximized: false };
  const bounds = {
    ...saved.bounds,
    width: Math.max(saved.bounds.width, MINIMUM_SIZE.width),
    height: Math.max(saved.bounds.height, MINIMUM_SIZE.height),
  };
  if (!isOnSomeDisplay(bounds)) return { bounds: { ...DEFAULT_SIZE }, maximized: saved.maximized };
  return { bounds, maximized: saved.maximized };
}

/** Saves the state when the window closes; the normal bounds, so a maximized window restores to its old size. */
export function rememberWindowState(win: BrowserWindow, file: string): void {
  win.on('close', () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(file, JSON.stringify(state, null, 2));
    } catch (error) {
      console.error(`Could not save the window state to ${file}:`, error);
    }
  });
}

function readSaved(file: string): { bounds: Rectangle; maximized: boolean } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null; // first start, or a damaged file: the default window is the right answer
  }
  const { bounds, maximized } = (raw ?? {}) as { bounds?: Partial<Record<keyof Rectangle, unknown>>; maximized?: unknown };
  const { x, y, width, height } = bounds ?? {};
  if (!isNumber(x) || !isNumber(y) || !isNumber(width) || !isNumber(height)) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isOnSomeDisplay(bounds: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea }) => {
    const width = Math.min(bounds.x + bounds.width, workArea.x + workArea.width) - Math.max(bounds.x, workArea.x);
    const height = Math.min(bounds.y + bounds.height, workArea.y + workArea.height) - Math.max(bounds.y, workArea.y);
    return width >= VISIBLE_PART.width && height >= VISIBLE_PART.height;
  });
}
