// city.test.ts with the district and city databases in PostgreSQL (see README.md here).
import { usePostgresSites } from '../support/exchange';
import { requirePostgres } from '../support/pg-suite';

usePostgresSites();
if (requirePostgres()) await import('../core/exchange/city.test');
