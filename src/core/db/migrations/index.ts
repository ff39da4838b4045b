// The ordered list of migrations, written out here and never taken from a directory listing: two shipped
// files share the number 0003 (0003-service-catalog is the data 0003-service-counter seeds, not a migration),
// and migration files are frozen, so the order lives in this array. A database's PRAGMA user_version is how
// many of them have run. tests/core/migrations.test.ts checks every file of this folder is named here once.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-organizations-members';
import * as m0003 from './0003-service-counter';
import * as m0004 from './0004-returns-exchange';
import * as m0005 from './0005-commitments';
import * as m0006 from './0006-return-records';
import * as m0007 from './0007-code-synonyms';
import * as m0008 from './0008-tail-search';
import * as m0009 from './0009-party-exits';
import * as m0010 from './0010-letter-numbers';
import * as m0011 from './0011-org-life';
import * as m0012 from './0012-dues-funds';
import * as m0013 from './0013-development';
import * as m0014 from './0014-governance';
import * as m0015 from './0015-city-exchange';
import * as m0016 from './0016-attachments';
import * as m0017 from './0017-develop-disqualified';
import * as m0018 from './0018-project-cycle';

export interface Migration {
  name: string;
  up(db: SqliteDatabase): void;
}

export const MIGRATIONS: readonly Migration[] = [
  { name: '0001-foundation', up: m0001.up },
  { name: '0002-organizations-members', up: m0002.up },
  { name: '0003-service-counter', up: m0003.up },
  { name: '0004-returns-exchange', up: m0004.up },
  { name: '0005-commitments', up: m0005.up },
  { name: '0006-return-records', up: m0006.up },
  { name: '0007-code-synonyms', up: m0007.up },
  { name: '0008-tail-search', up: m0008.up },
  { name: '0009-party-exits', up: m0009.up },
  { name: '0010-letter-numbers', up: m0010.up },
  { name: '0011-org-life', up: m0011.up },
  { name: '0012-dues-funds', up: m0012.up },
  { name: '0013-development', up: m0013.up },
  { name: '0014-governance', up: m0014.up },
  { name: '0015-city-exchange', up: m0015.up },
  { name: '0016-attachments', up: m0016.up },
  { name: '0017-develop-disqualified', up: m0017.up },
  { name: '0018-project-cycle', up: m0018.up },
];

/** Files of this folder that belong to a migration without being one (data it seeds), with their migration. */
export const MIGRATION_PARTS: Readonly<Record<string, string>> = {
  '0003-service-catalog': '0003-service-counter',
};

export const SCHEMA_VERSION = MIGRATIONS.length;
