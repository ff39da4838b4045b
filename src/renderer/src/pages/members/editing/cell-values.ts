// How a typed or pasted cell compares with what is stored; shared by single edits, paste and drafts.
import { isBlankCell } from '../../../../../shared/members/draft';

/** A typed or pasted value as sent: trimmed text, or null for an emptied cell. */
export function normalizeTyped(value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? null : text;
  }
  return value === undefined ? null : value;
}

/** True when typing `typed` over `stored` changes nothing (blank is blank; 3 is "3"). */
export function sameValue(stored: unknown, typed: unknown): boolean {
  if (isBlankCell(stored) && isBlankCell(typed)) return true;
  return stored === typed || String(stored) === String(typed);
}

export function mapValues(cells: Record<string, unknown>, fn: (v: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, fn(v)]));
}

/** The member field an issue names: the contract nests them under `fields.`. */
export const memberField = (issueField: string): string => (issueField.startsWith('fields.') ? issueField.slice(7) : issueField);
