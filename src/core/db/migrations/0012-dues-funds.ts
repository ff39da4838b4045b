// Frozen once shipped: Party dues (党费) and the street's Party-building funds (经费), issue 15. Every amount
// is integer fen. A payment is never deleted: a reversal is a counter-entry (negative amount, reversal_of)
// with its own receipt number. dues_ledger.paid_fen is the sum of the month's allocations, kept by the
// services in the same transaction, so the arrears list reads one row per unpaid month and no sums.
import type { Database as SqliteDatabase } from 'better-sqlite3';

const month = (col: string) => `${col} TEXT NOT NULL CHECK (${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]')`;
const day = (col: string) => `${col} TEXT CHECK (${col} IS NULL OR ${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`;
const CATEGORY = "CHECK (category IN ('working', 'retired', 'farmer', 'student', 'unemployed', 'relief'))";
const METHOD = "CHECK (method IN ('cash', 'transfer', 'wechat'))";

export function up(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE dues_bases (
      id INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members (id),
      category TEXT NOT NULL ${CATEGORY},
      base_fen INTEGER CHECK (base_fen IS NULL OR base_fen BETWEEN 0 AND 100000000),
      ${month('effective_month')},
      adjustment TEXT NOT NULL DEFAULT 'none' CHECK (adjustment IN ('none', 'reduced', 'exempt')),
      reduced_fen INTEGER CHECK (reduced_fen IS NULL OR reduced_fen >= 0),
      approved_by TEXT,
      ${day('approved_on')},
      note TEXT,
      recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      CHECK (adjustment = 'none' OR (approved_by IS NOT NULL AND approved_on IS NOT NULL)),
      CHECK ((adjustment = 'reduced') = (reduced_fen IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX dues_bases_member_month ON dues_bases (member_id, effective_month);

    CREATE TABLE dues_ledger (
      id INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members (id),
      org_id INTEGER NOT NULL REFERENCES organizations (id),
      ${month('period')},
      category TEXT NOT NULL ${CATEGORY},
      base_fen INTEGER,
      due_fen INTEGER NOT NULL CHECK (due_fen >= 0),
      paid_fen INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE UNIQUE INDEX dues_ledger_member_period ON dues_ledger (member_id, period);
    CREATE INDEX dues_ledger_org_period ON dues_ledger (org_id, period);
    CREATE INDEX dues_ledger_period ON dues_ledger (period);
    -- Only the months still owed, covering what the arrears list reads: it never touches the table's rows.
    CREATE INDEX dues_ledger_unpaid ON dues_ledger (member_id, period, org_id, due_fen, paid_fen) WHERE paid_fen < due_fen;

    CREATE TABLE dues_payments (
      id INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members (id),
      org_id INTEGER NOT NULL REFERENCES organizations (id),
      year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
      seq INTEGER NOT NULL CHECK (seq > 0),
      receipt_number TEXT NOT NULL UNIQUE,
      ${day('paid_on')} NOT NULL,
      amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
      method TEXT NOT NULL ${METHOD},
      reference TEXT,
      periods TEXT NOT NULL,
      reversal_of INTEGER UNIQUE REFERENCES dues_payments (id),
      note TEXT,
      recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      CHECK ((reversal_of IS NULL) = (amount_fen > 0)),
      UNIQUE (year, seq)
    ) STRICT;
    CREATE INDEX dues_payments_member ON dues_payments (member_id, paid_on);
    CREATE INDEX dues_payments_org ON dues_payments (org_id, paid_on);

    CREATE TABLE dues_allocations (
      payment_id INTEGER NOT NULL REFERENCES dues_payments (id),
      member_id INTEGER NOT NULL REFERENCES members (id),
      ${month('period')},
      amount_fen INTEGER NOT NULL,
      PRIMARY KEY (payment_id, period)
    ) STRICT;
    CREATE INDEX dues_allocations_member ON dues_allocations (member_id, period);

    CREATE TABLE dues_month_close (
      org_id INTEGER NOT NULL REFERENCES organizations (id),
      ${month('period')},
      branch_closed_by TEXT NOT NULL,
      branch_closed_at TEXT NOT NULL,
      street_closed_by TEXT,
      street_closed_at TEXT,
      PRIMARY KEY (org_id, period)
    ) STRICT;

    CREATE TABLE dues_voluntary (
      id INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members (id),
      org_id INTEGER NOT NULL REFERENCES organizations (id),
      ${day('paid_on')} NOT NULL,
      amount_fen INTEGER NOT NULL CHECK (amount_fen >= 100000),
      method TEXT NOT NULL ${METHOD},
      reference TEXT,
      receipt_number TEXT NOT NULL UNIQUE,
      note TEXT,
      recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE fund_standards (
      id INTEGER PRIMARY KEY,
      parameter TEXT NOT NULL CHECK (parameter IN ('officePer1000Households', 'massWorkPerCommunity', 'activityPerMember', 'cadreAllowanceBase', 'spacePer100Households')),
      value INTEGER NOT NULL CHECK (value >= 0),
      source TEXT NOT NULL,
      year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (parameter, year)
    ) STRICT;

    CREATE TABLE fund_entries (
      id INTEGER PRIMARY KEY,
      community_id INTEGER NOT NULL REFERENCES communities (id),
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
      amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
      ${day('on_date')} NOT NULL,
      purpose TEXT NOT NULL,
      voucher TEXT,
      attachments TEXT NOT NULL DEFAULT '[]',
      recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX fund_entries_community ON fund_entries (community_id, on_date);
  `);
}
