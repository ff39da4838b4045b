// tests/cli/city-cli.test.ts with the city's and the districts' databases in PostgreSQL (--pg URL --data DIR).
import { usePostgresForUpperLevels } from '../support/dialect';
import { requirePostgres } from '../support/pg-suite';

usePostgresForUpperLevels();
if (requirePostgres()) await import('../cli/city-cli.test');
