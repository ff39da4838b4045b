// Frozen: organizational life (组织生活) — meetings of a branch (三会一课, 主题党日, 组织生活会, 谈心谈话) with
// the attendance of the day, the rules a locality sets (how often each kind is due, the activity week, each
// branch's fixed day), and the yearly democratic appraisal of members (民主评议党员) with its grades.
// Never edit a migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

const day = (col: string) => `${col} TEXT CHECK (${col} IS NULL OR ${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`;
const stamps = 'created_at TEXT NOT NULL, updated_at TEXT NOT NULL';
const TYPES = "('branch-meeting', 'committee', 'group', 'lecture', 'theme-day', 'life-meeting', 'talk')";

/** The 2018 branch work regulations' defaults; every one is a setting (life_rules). */
const DEFAULT_FREQUENCIES: [string, string][] = [
  ['branch-meeting', 'quarter'],
  ['committee', 'month'],
  ['group', 'month'],
  ['lecture', 'quarter'],
  ['theme-day', 'month'],
  ['life-meeting', 'year'],
  ['talk', 'year'],
];

export function up(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE meetings (
      id INTEGER PRIMARY KEY,
      org_id INTEGER NOT NULL REFERENCES organizations (id),
      type TEXT NOT NULL CHECK (type IN ${TYPES}),
      ${day('held_on')} NOT NULL,
      time TEXT NOT NULL DEFAULT '',
      place TEXT NOT NULL DEFAULT '',
      host TEXT NOT NULL DEFAULT '',
      recorder TEXT NOT NULL DEFAULT '',
      topic TEXT NOT NULL,
      content TEXT NOT NULL DEFAULT '',
      decisions TEXT NOT NULL DEFAULT '',
      joint_org_ids TEXT NOT NULL DEFAULT '[]',
      status TEXT NOT NULL CHECK (status IN ('planned', 'held')),
      invalid_reason TEXT CHECK (invalid_reason IS NULL OR invalid_reason IN ('noQuorum', 'noCommitteeQuorum')),
      recorded_by TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      ${stamps}
    ) STRICT;
    CREATE INDEX meetings_org_held ON meetings (org_id, type, held_on);
    -- Covering the compliance grid's pass over a year (day, state, kind): no table row is read for it.
    CREATE INDEX meetings_held ON meetings (held_on, status, invalid_reason, type);

    -- Joint meetings count for every branch that took part: one row per (meeting, organization).
    CREATE TABLE meeting_orgs (
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      org_id INTEGER NOT NULL REFERENCES organizations (id),
      PRIMARY KEY (org_id, meeting_id)
    ) STRICT;
    CREATE INDEX meeting_orgs_meeting ON meeting_orgs (meeting_id, org_id);

    CREATE TABLE meeting_attendance (
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      member_id INTEGER NOT NULL REFERENCES members (id),
      state TEXT NOT NULL CHECK (state IN ('present', 'absent', 'leave')),
      reason TEXT,
      PRIMARY KEY (meeting_id, member_id)
    ) STRICT;
    CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id, meeting_id);

    CREATE TABLE life_rules (
      type TEXT PRIMARY KEY CHECK (type IN ${TYPES}),
      frequency TEXT NOT NULL CHECK (frequency IN ('month', 'quarter', 'year'))
    ) STRICT;

    CREATE TABLE life_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      activity_week INTEGER NOT NULL DEFAULT 2 CHECK (activity_week BETWEEN 1 AND 4),
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Each branch's relatively fixed day of the activity week (1 = Monday … 7 = Sunday).
    CREATE TABLE life_org_days (
      org_id INTEGER PRIMARY KEY REFERENCES organizations (id),
      weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7)
    ) STRICT;

    CREATE TABLE appraisal_sessions (
      id INTEGER PRIMARY KEY,
      org_id INTEGER NOT NULL REFERENCES organizations (id),
      year INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2999),
      ${day('held_on')} NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      ${stamps},
      UNIQUE (org_id, year)
    ) STRICT;

    CREATE TABLE appraisal_grades (
      session_id INTEGER NOT NULL REFERENCES appraisal_sessions (id) ON DELETE CASCADE,
      member_id INTEGER NOT NULL REFERENCES members (id),
      grade TEXT NOT NULL CHECK (grade IN ('excellent', 'qualified', 'basic', 'unqualified')),
      follow_up TEXT,
      PRIMARY KEY (session_id, member_id),
      CHECK (grade <> 'unqualified' OR (follow_up IS NOT NULL AND follow_up <> ''))
    ) STRICT;
  `);
  const insert = db.prepare('INSERT INTO life_rules (type, frequency) VALUES (?, ?)');
  for (const [type, frequency] of DEFAULT_FREQUENCIES) insert.run(type, frequency);
  db.prepare("INSERT INTO life_settings (id, activity_week, updated_at) VALUES (1, 2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))").run();
}
