import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test files wait on a child (the CLI, a server) rather than compute, so one file per core, not
    // vitest's default of one fewer: on the 2-core build machine the run went from 506 s to about 220 s.
    maxWorkers: Math.max(2, os.availableParallelism()),
    // The CLI is bundled once for the run (tests/support/cli-bundle.ts); one throw-away PostgreSQL cluster
    // serves the run's PostgreSQL tests (tests/support/pg-global.ts, STREETDESK_TEST_PG).
    globalSetup: ['tests/support/cli-bundle.ts', 'tests/support/pg-global.ts'],
  },
});
