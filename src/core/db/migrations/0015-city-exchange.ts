// Frozen: the city level (issue 13) — on a district, the packages it built for the city from its
// consolidated month; on a city, the districts' packages it received (their consolidated tables and the
// street tables they carry) and the ones it refused. The districts' keys sit in exchange_peers with the
// role 'district', as a street's district already does. Never edit a migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

const period = (col: string) => `${col} TEXT NOT NULL CHECK (${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]')`;

export function up(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE district_returns (
      id INTEGER PRIMARY KEY,
      ${period('period')},
      version INTEGER NOT NULL CHECK (version >= 1),
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
      sent_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX district_returns_version ON district_returns (period, version);

    CREATE TABLE city_packages (
      id INTEGER PRIMARY KEY,
      district_code TEXT NOT NULL REFERENCES exchange_peers (code),
      ${period('period')},
      version INTEGER NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      manifest TEXT NOT NULL,
      tables TEXT NOT NULL,
      streets TEXT NOT NULL,
      bytes BLOB NOT NULL,
      received_via TEXT NOT NULL CHECK (received_via IN ('file', 'upload')),
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL,
      replaced_by INTEGER REFERENCES city_packages (id)
    ) STRICT;
    CREATE UNIQUE INDEX city_packages_version ON city_packages (district_code, period, version);
    CREATE INDEX city_packages_period ON city_packages (period, district_code);

    CREATE TABLE city_rejections (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      file_name TEXT NOT NULL,
      district_code TEXT,
      period TEXT,
      version INTEGER,
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      received_via TEXT NOT NULL CHECK (received_via IN ('file', 'upload'))
    ) STRICT;
  `);
}
