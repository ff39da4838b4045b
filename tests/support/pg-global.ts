// vitest global setup: one throw-away PostgreSQL cluster for the whole run (tests/support/pg-cluster.ts),
// its URL in STREETDESK_TEST_PG. Set in this process's environment before any test file runs, it reaches
// every worker (the forks inherit it; checked with vitest 4). A URL already set — a cluster the developer
// runs, or CI's — is used as it is and nothing is started. Each test file makes its own database on it
// (createTestDatabase). When the binaries are missing the variable stays unset and the PostgreSQL tests
// skip themselves, naming STREETDESK_TEST_PG_SKIPPED's reason.
import { startPgCluster } from './pg-cluster';

export default async function pgCluster(): Promise<(() => Promise<void>) | void> {
  if (process.env.STREETDESK_TEST_PG) {
    console.log(`PostgreSQL for the tests: ${process.env.STREETDESK_TEST_PG} (STREETDESK_TEST_PG, already set)`);
    return;
  }
  const started = await startPgCluster();
  if ('skipped' in started) {
    process.env.STREETDESK_TEST_PG_SKIPPED = started.skipped;
    console.log(`PostgreSQL for the tests: skipped — ${started.skipped}`);
    return;
  }
  process.env.STREETDESK_TEST_PG = started.url;
  console.log(`PostgreSQL for the tests: throw-away cluster at ${started.url}`);
  return async () => {
    await started.stop();
    delete process.env.STREETDESK_TEST_PG;
  };
}
