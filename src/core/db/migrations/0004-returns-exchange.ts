// Frozen: the monthly return and the district exchange — this database's own key pairs, the keys it
// trusts (a district's streets, or a street's district), returns with their notes, frozen figures and
// history, the packages a street built and sent, and on the district side the packages it received.
// Never edit a migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

const period = (col: string) => `${col} TEXT NOT NULL CHECK (${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]')`;
const stamps = 'created_at TEXT NOT NULL, updated_at TEXT NOT NULL';

export function up(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE exchange_keys (
      purpose TEXT PRIMARY KEY CHECK (purpose IN ('sign', 'encrypt')),
      key_id TEXT NOT NULL,
      public_key TEXT NOT NULL,
      private_key TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE exchange_peers (
      code TEXT PRIMARY KEY CHECK (length(code) = 12),
      role TEXT NOT NULL CHECK (role IN ('street', 'district')),
      name TEXT NOT NULL,
      sign_key TEXT NOT NULL,
      sign_key_id TEXT NOT NULL,
      encrypt_key TEXT,
      token_hash TEXT,
      ${stamps}
    ) STRICT;

    CREATE TABLE returns (
      ${period('period')} PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('draft', 'checked', 'finalized')),
      version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
      notes TEXT NOT NULL DEFAULT '{}',
      snapshot TEXT,
      checked_at TEXT,
      checked_by TEXT,
      finalized_at TEXT,
      finalized_by TEXT,
      ${stamps},
      CHECK ((state = 'finalized') = (snapshot IS NOT NULL))
    ) STRICT;

    CREATE TABLE return_log (
      id INTEGER PRIMARY KEY,
      period TEXT NOT NULL REFERENCES returns (period),
      version INTEGER NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('check', 'uncheck', 'finalize', 'reopen')),
      reason TEXT,
      at TEXT NOT NULL,
      by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX return_log_period ON return_log (period, id);

    CREATE TABLE return_packages (
      id INTEGER PRIMARY KEY,
      period TEXT NOT NULL REFERENCES returns (period),
      version INTEGER NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
      counts TEXT NOT NULL,
      bytes BLOB NOT NULL,
      built_at TEXT NOT NULL,
      built_by TEXT NOT NULL,
      sent_via TEXT CHECK (sent_via IS NULL OR sent_via IN ('folder', 'upload')),
      sent_to TEXT,
      sent_at TEXT,
      receipt TEXT,
      receipt_at TEXT
    ) STRICT;
    CREATE INDEX return_packages_period ON return_packages (period, version);

    CREATE TABLE district_packages (
      id INTEGER PRIMARY KEY,
      street_code TEXT NOT NULL REFERENCES exchange_peers (code),
      ${period('period')},
      version INTEGER NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      manifest TEXT NOT NULL,
      tables TEXT NOT NULL,
      bytes BLOB NOT NULL,
      received_via TEXT NOT NULL CHECK (received_via IN ('file', 'upload')),
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL,
      receipt TEXT NOT NULL,
      replaced_by INTEGER REFERENCES district_packages (id)
    ) STRICT;
    CREATE UNIQUE INDEX district_packages_version ON district_packages (street_code, period, version);
    CREATE INDEX district_packages_period ON district_packages (period, street_code);

    CREATE TABLE district_rejections (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      file_name TEXT NOT NULL,
      street_code TEXT,
      period TEXT,
      version INTEGER,
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      received_via TEXT NOT NULL CHECK (received_via IN ('file', 'upload'))
    ) STRICT;
  `);
}
