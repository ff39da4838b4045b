// For tests/pg/*: whether this run has PostgreSQL. Without it (no binaries on a developer's machine) the
// file reports one skipped test that names the reason; CI installs PostgreSQL, so there it always runs.
import { it } from 'vitest';

export function requirePostgres(): boolean {
  if (process.env.STREETDESK_TEST_PG) return true;
  it.skip(`PostgreSQL not available: ${process.env.STREETDESK_TEST_PG_SKIPPED ?? 'STREETDESK_TEST_PG is not set'}`, () => {});
  return false;
}
