// Numbers of the street's own introduction letters (组织关系介绍信): "<prefix>〔<year>〕<nnn>号", counted per
// year of issue. The prefix is a street setting ("东华门组转" by default, from the street's short name). The
// next number is given in the same transaction as the letter it numbers, and the year's counter only goes
// up, so a number is never given twice — not after a cancellation, not to two clerks at once. A number the
// clerk types in the same form moves the counter past it, so the next one given does not collide with it.
import type { Db } from '../db/connection';
import { defaultLetterPrefix, formatLetterNumber, parseLetterNumber } from '../../shared/letter-number';

export { defaultLetterPrefix, formatLetterNumber, parseLetterNumber };

const PREFIX_KEY = 'transfer_letter_prefix';

/** The prefix set in the street settings, or null when it was never set (the default applies). */
export function savedLetterPrefix(db: Db): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(PREFIX_KEY) as { value: string } | undefined;
  return row?.value || null;
}

export function letterPrefix(db: Db): string {
  const saved = savedLetterPrefix(db);
  if (saved) return saved;
  const street = db.prepare('SELECT name FROM street WHERE id = 1').get() as { name: string } | undefined;
  return defaultLetterPrefix(street?.name ?? '');
}

/** Saves the prefix; blank goes back to the default from the street's name. */
export function saveLetterPrefix(db: Db, prefix: string | undefined): void {
  if (prefix === undefined) return;
  if (prefix === '') db.prepare('DELETE FROM settings WHERE key = ?').run(PREFIX_KEY);
  else db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PREFIX_KEY, prefix);
}

/** A number already on one of the street's own letters (out and within share one register). */
export function ownLetterTaken(db: Db, letterNumber: string): { member_name: string; issued_on: string } | undefined {
  return db
    .prepare("SELECT member_name, issued_on FROM transfers WHERE direction IN ('out', 'within') AND letter_number = ? LIMIT 1")
    .get(letterNumber) as { member_name: string; issued_on: string } | undefined;
}

function lastOf(db: Db, year: number): number {
  const row = db.prepare('SELECT last FROM letter_sequences WHERE year = ?').get(year) as { last: number } | undefined;
  return row?.last ?? 0;
}

function raiseTo(db: Db, year: number, n: number): void {
  db.prepare('INSERT INTO letter_sequences (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = max(last, excluded.last)').run(year, n);
}

/** The number the next letter of `year` gets, skipping numbers typed by hand earlier; `take` keeps it. */
export function nextLetterNumber(db: Db, year: number, take: boolean): string {
  const prefix = letterPrefix(db);
  let n = lastOf(db, year) + 1;
  while (ownLetterTaken(db, formatLetterNumber(prefix, year, n))) n++;
  if (take) raiseTo(db, year, n);
  return formatLetterNumber(prefix, year, n);
}

/** A number the clerk typed in the street's form moves that year's counter past it. */
export function noteTypedLetterNumber(db: Db, letterNumber: string): void {
  const parsed = parseLetterNumber(letterPrefix(db), letterNumber);
  if (parsed && parsed.year >= 1900 && parsed.year <= 2999) raiseTo(db, parsed.year, parsed.n);
}
