// What the governance services share: refusals (the counter's field-issue helpers), the "done steps are not
// in the future" rule, and community names.
import type { Db } from '../../db/connection';
import { refuse } from '../counter/refusals';

export { assertVersion, issue, notFound, refuse, refused } from '../counter/refusals';

/** A date of something done: not after today. */
export function notFuture(field: string, day: string | null | undefined, today: string): void {
  if (day && day > today) throw refuse(field, 'govDateInFuture', day, { today });
}

/** `later` is not before `earlier`, the date of the step before (`_what` says which, for the reader of the code). */
export function notBefore(field: string, later: string | null | undefined, earlier: string | null | undefined, _what: string): void {
  if (later && earlier && later < earlier) throw refuse(field, 'govDateBefore', later, { earlier });
}

export function communityNames(db: Db): Map<number, string> {
  const rows = db.prepare('SELECT id, name FROM communities').all() as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function assertCommunityExists(db: Db, field: string, id: number | null | undefined): void {
  if (id == null) return;
  if (!db.prepare('SELECT 1 FROM communities WHERE id = ?').get(id)) throw refuse(field, 'notFound', id);
}
