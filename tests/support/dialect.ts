// Where a test file keeps its district and city databases: SQLite files by default, or — when the file
// runs through tests/pg/*.test.ts — fresh databases on the run's PostgreSQL cluster. Streets are always
// SQLite files, as they are in the field.
import { createTestDatabase } from './pg-cluster';

let upper: 'sqlite' | 'postgres' = 'sqlite';

export function usePostgresForUpperLevels(): void {
  upper = 'postgres';
}

export function upperLevelsOnPostgres(): boolean {
  return upper === 'postgres';
}

/** A fresh PostgreSQL database on the run's cluster, or an error naming why there is none. */
export async function freshPgUrl(): Promise<string> {
  const base = process.env.STREETDESK_TEST_PG;
  if (!base) throw new Error(`PostgreSQL is not available for this run: ${process.env.STREETDESK_TEST_PG_SKIPPED ?? 'STREETDESK_TEST_PG is not set'}`);
  return createTestDatabase(base);
}

/** The CLI's options naming a district's or a city's database: `--db FILE`, or `--pg URL --data DIR`. */
export async function upperDbArgs(file: string): Promise<string[]> {
  if (upper === 'sqlite') return ['--db', file];
  const url = await freshPgUrl();
  return ['--pg', url, '--data', `${file}.data`];
}
