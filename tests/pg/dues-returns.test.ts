// core/dues/returns.test.ts with the district and city databases in PostgreSQL (see README.md here).
import { usePostgresForUpperLevels } from '../support/dialect';
import { requirePostgres } from '../support/pg-suite';

usePostgresForUpperLevels();
if (requirePostgres()) await import('../core/dues/returns.test');
