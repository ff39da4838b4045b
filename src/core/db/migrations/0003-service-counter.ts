// Frozen: the service counter on the three lists (docs/domain.md §6) — the service-matter catalog, one-stop
// requests with their history, the working-day override table, volunteers, service teams and records,
// and the partner merchants of the ten-minute circle. Never edit a migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { DEFAULT_CATALOG } from './0003-service-catalog';

const day = (col: string) => `${col} TEXT CHECK (${col} IS NULL OR ${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`;
const flag = (col: string, dflt = 0) => `${col} INTEGER NOT NULL DEFAULT ${dflt} CHECK (${col} IN (0, 1))`;
const stamps = 'created_at TEXT NOT NULL, updated_at TEXT NOT NULL';
const LIST_CLASS = "('immediate', 'agency', 'guidance')";

export function up(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE service_matters (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      list_class TEXT NOT NULL CHECK (list_class IN ${LIST_CLASS}),
      category TEXT NOT NULL CHECK (category IN ('social_security', 'employment', 'health', 'elderly', 'civil_affairs', 'family_planning', 'party', 'other')),
      materials TEXT NOT NULL DEFAULT '[]',
      limit_days INTEGER NOT NULL CHECK (limit_days BETWEEN 0 AND 90),
      responsible_post TEXT NOT NULL DEFAULT '',
      fee TEXT NOT NULL DEFAULT '免费',
      legal_basis TEXT NOT NULL DEFAULT '',
      ${flag('active', 1)},
      sort_order INTEGER NOT NULL DEFAULT 0,
      version INTEGER NOT NULL DEFAULT 1,
      ${stamps}
    ) STRICT;
    CREATE UNIQUE INDEX service_matters_active_name ON service_matters (name) WHERE active = 1;

    CREATE TABLE service_requests (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      community_id INTEGER NOT NULL REFERENCES communities (id),
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL CHECK (seq > 0),
      matter_id INTEGER NOT NULL REFERENCES service_matters (id),
      matter_name TEXT NOT NULL,
      list_class TEXT NOT NULL CHECK (list_class IN ${LIST_CLASS}),
      limit_days INTEGER NOT NULL CHECK (limit_days >= 0),
      resident_name TEXT NOT NULL,
      resident_phone TEXT,
      resident_id_number TEXT CHECK (resident_id_number IS NULL OR length(resident_id_number) = 18),
      resident_address TEXT,
      channel TEXT NOT NULL CHECK (channel IN ('counter', 'hotline', 'one_button', 'online', 'home_visit')),
      notes TEXT,
      accepted_at TEXT NOT NULL,
      ${day('accepted_on')} NOT NULL,
      ${day('due_on')} NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('accepted', 'in_progress', 'waiting_docs', 'done', 'transferred', 'returned_guidance')),
      status_before_pause TEXT CHECK (status_before_pause IS NULL OR status_before_pause IN ('accepted', 'in_progress')),
      ${day('paused_on')},
      missing_documents TEXT,
      paused_days INTEGER NOT NULL DEFAULT 0 CHECK (paused_days >= 0),
      extended_days INTEGER NOT NULL DEFAULT 0 CHECK (extended_days >= 0),
      extension_reason TEXT,
      assignee_kind TEXT CHECK (assignee_kind IS NULL OR assignee_kind IN ('staff', 'member', 'volunteer')),
      assignee_name TEXT,
      assignee_member_id INTEGER REFERENCES members (id),
      assignee_volunteer_id INTEGER REFERENCES volunteers (id),
      result TEXT,
      transferred_to TEXT,
      transfer_reason TEXT,
      guidance_to TEXT,
      completed_at TEXT,
      ${day('closed_on')},
      satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
      satisfaction_comment TEXT,
      accepted_by TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      ${stamps},
      UNIQUE (community_id, year, seq),
      CHECK ((status = 'waiting_docs') = (paused_on IS NOT NULL)),
      CHECK ((status IN ('done', 'transferred', 'returned_guidance')) = (closed_on IS NOT NULL))
    ) STRICT;
    CREATE INDEX service_requests_status_due ON service_requests (status, due_on);
    CREATE INDEX service_requests_accepted ON service_requests (accepted_on);
    CREATE INDEX service_requests_phone ON service_requests (resident_phone);
    CREATE INDEX service_requests_id_number ON service_requests (resident_id_number);
    CREATE INDEX service_requests_matter ON service_requests (matter_id);

    CREATE TABLE service_request_events (
      id INTEGER PRIMARY KEY,
      request_id INTEGER NOT NULL REFERENCES service_requests (id),
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      ${day('on_date')} NOT NULL,
      detail TEXT,
      recorded_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX service_request_events_request ON service_request_events (request_id, id);

    CREATE TABLE workday_overrides (
      id INTEGER PRIMARY KEY,
      ${day('on_date')} NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('workday', 'holiday')),
      name TEXT NOT NULL DEFAULT '',
      ${stamps}
    ) STRICT;

    CREATE TABLE service_teams (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      skill TEXT NOT NULL CHECK (skill IN ('repairs', 'legal_aid', 'medical', 'tutoring', 'elderly_visits', 'culture', 'environment', 'other')),
      leader TEXT,
      description TEXT,
      ${flag('active', 1)},
      ${stamps}
    ) STRICT;

    CREATE TABLE volunteers (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('member', 'resident')),
      member_id INTEGER UNIQUE REFERENCES members (id),
      name TEXT NOT NULL,
      phone TEXT,
      skills TEXT,
      team_id INTEGER REFERENCES service_teams (id),
      ${flag('active', 1)},
      ${stamps},
      CHECK ((kind = 'member') = (member_id IS NOT NULL))
    ) STRICT;
    CREATE INDEX volunteers_team ON volunteers (team_id);

    CREATE TABLE service_records (
      id INTEGER PRIMARY KEY,
      volunteer_id INTEGER NOT NULL REFERENCES volunteers (id),
      team_id INTEGER REFERENCES service_teams (id),
      ${day('served_on')} NOT NULL,
      hours REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
      content TEXT NOT NULL,
      request_id INTEGER REFERENCES service_requests (id),
      recorded_by TEXT NOT NULL,
      ${stamps}
    ) STRICT;
    CREATE INDEX service_records_volunteer ON service_records (volunteer_id, served_on);
    CREATE INDEX service_records_served ON service_records (served_on);

    CREATE TABLE partner_merchants (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      category TEXT NOT NULL CHECK (category IN ('catering', 'elderly_care', 'housekeeping', 'repairs', 'medical', 'other')),
      address TEXT NOT NULL,
      walk_minutes INTEGER CHECK (walk_minutes IS NULL OR walk_minutes BETWEEN 0 AND 120),
      offer TEXT NOT NULL,
      contact TEXT,
      phone TEXT,
      ${day('agreement_start')} NOT NULL,
      ${day('agreement_end')} NOT NULL,
      ${flag('active', 1)},
      ${stamps},
      CHECK (agreement_end >= agreement_start)
    ) STRICT;
    CREATE INDEX partner_merchants_end ON partner_merchants (agreement_end);
  `);

  const insert = db.prepare(`
    INSERT INTO service_matters (name, list_class, category, materials, limit_days, responsible_post, fee, legal_basis, sort_order, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
  DEFAULT_CATALOG.forEach(([name, listClass, category, materials, limit, post, fee, basis], i) =>
    insert.run(name, listClass, category, JSON.stringify(materials), limit, post, fee, basis, (i + 1) * 10),
  );
}
