// Frozen: community governance on record (issue 17) — the open column's disclosures with their review steps,
// corrections and residents' comments; matters decided by 四议两公开 step by step; secretaries' and other
// projects with milestones; each organization's term and its election records; the communities' staff count
// for the standards table; collective-economy audits with their rectifications. Never edit a migration that
// has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

/** A calendar day, YYYY-MM-DD. */
const day = (col: string) => `${col} TEXT CHECK (${col} IS NULL OR ${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`;
const flag = (col: string) => `${col} INTEGER NOT NULL DEFAULT 0 CHECK (${col} IN (0, 1))`;
const count = (col: string) => `${col} INTEGER CHECK (${col} IS NULL OR ${col} >= 0)`;
const stamps = 'created_at TEXT NOT NULL, updated_at TEXT NOT NULL';

export function up(db: SqliteDatabase): void {
  db.exec(`
    -- Community workers (社区工作者) for the standard of workers per households; households were already kept.
    ALTER TABLE communities ADD COLUMN workers INTEGER CHECK (workers IS NULL OR workers >= 0);

    CREATE TABLE gov_disclosures (
      id INTEGER PRIMARY KEY,
      community_id INTEGER REFERENCES communities (id),
      area TEXT NOT NULL CHECK (area IN ('party', 'affairs', 'finance', 'service')),
      title TEXT NOT NULL,
      content TEXT NOT NULL,
      attachments TEXT NOT NULL DEFAULT '[]',
      ${flag('major')},
      ${day('period_from')} NOT NULL,
      ${day('period_to')} NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('drafted', 'reviewed', 'approved', 'published', 'superseded')),
      drafted_by TEXT NOT NULL,
      ${day('drafted_on')} NOT NULL,
      reviewed_by TEXT,
      ${day('reviewed_on')},
      approved_by TEXT,
      ${day('approved_on')},
      published_by TEXT,
      ${day('published_on')},
      corrects_id INTEGER REFERENCES gov_disclosures (id),
      superseded_by INTEGER REFERENCES gov_disclosures (id),
      version INTEGER NOT NULL DEFAULT 1,
      ${stamps},
      CHECK (period_to >= period_from)
    ) STRICT;
    CREATE INDEX gov_disclosures_community ON gov_disclosures (community_id, area, published_on);

    CREATE TABLE gov_disclosure_comments (
      id INTEGER PRIMARY KEY,
      disclosure_id INTEGER NOT NULL REFERENCES gov_disclosures (id),
      resident_name TEXT NOT NULL,
      content TEXT NOT NULL,
      ${day('received_on')} NOT NULL,
      answer TEXT,
      ${day('answered_on')},
      ${stamps}
    ) STRICT;
    CREATE INDEX gov_disclosure_comments_item ON gov_disclosure_comments (disclosure_id);

    CREATE TABLE gov_decisions (
      id INTEGER PRIMARY KEY,
      community_id INTEGER NOT NULL REFERENCES communities (id),
      title TEXT NOT NULL,
      summary TEXT NOT NULL DEFAULT '',
      ${stamps}
    ) STRICT;

    -- One row per step done; step 1..6 in order (the service refuses a step out of order).
    CREATE TABLE gov_decision_steps (
      id INTEGER PRIMARY KEY,
      decision_id INTEGER NOT NULL REFERENCES gov_decisions (id),
      step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 6),
      ${day('held_on')} NOT NULL,
      ${count('entitled')},
      ${count('present')},
      ${count('in_favour')},
      note TEXT NOT NULL DEFAULT '',
      recorded_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (decision_id, step),
      CHECK (present IS NULL OR entitled IS NULL OR present <= entitled),
      CHECK (in_favour IS NULL OR present IS NULL OR in_favour <= present)
    ) STRICT;

    CREATE TABLE gov_projects (
      id INTEGER PRIMARY KEY,
      community_id INTEGER REFERENCES communities (id),
      org_id INTEGER REFERENCES organizations (id),
      type TEXT NOT NULL CHECK (type IN ('secretary', 'first_secretary', 'priority', 'rectification')),
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
      name TEXT NOT NULL,
      owner TEXT NOT NULL,
      budget_fen INTEGER NOT NULL DEFAULT 0 CHECK (budget_fen >= 0),
      status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
      ${day('completed_on')},
      evidence TEXT NOT NULL DEFAULT '',
      version INTEGER NOT NULL DEFAULT 1,
      ${stamps},
      CHECK ((status = 'done') = (completed_on IS NOT NULL))
    ) STRICT;
    CREATE INDEX gov_projects_year ON gov_projects (year, type, community_id);

    CREATE TABLE gov_project_milestones (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES gov_projects (id),
      position INTEGER NOT NULL,
      title TEXT NOT NULL,
      ${day('due_on')} NOT NULL,
      ${day('done_on')},
      UNIQUE (project_id, position)
    ) STRICT;

    -- Each organization's term: the last election and how long it runs (with an approved adjustment).
    CREATE TABLE gov_terms (
      org_id INTEGER PRIMARY KEY REFERENCES organizations (id),
      ${day('elected_on')} NOT NULL,
      term_years INTEGER NOT NULL CHECK (term_years BETWEEN 1 AND 5),
      adjust_months INTEGER NOT NULL DEFAULT 0 CHECK (adjust_months BETWEEN -12 AND 12),
      adjust_approval TEXT,
      ${flag('direct')},
      ${stamps},
      CHECK (adjust_months = 0 OR adjust_approval IS NOT NULL)
    ) STRICT;

    CREATE TABLE gov_elections (
      id INTEGER PRIMARY KEY,
      org_id INTEGER NOT NULL REFERENCES organizations (id),
      ${day('held_on')} NOT NULL,
      entitled INTEGER NOT NULL CHECK (entitled >= 0),
      present INTEGER NOT NULL CHECK (present >= 0 AND present <= entitled),
      ${flag('direct')},
      candidates TEXT NOT NULL,
      elected TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX gov_elections_org ON gov_elections (org_id, held_on);

    CREATE TABLE gov_audits (
      id INTEGER PRIMARY KEY,
      community_id INTEGER NOT NULL REFERENCES communities (id),
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
      kind TEXT NOT NULL CHECK (kind IN ('annual', 'term', 'leaving', 'special')),
      subject TEXT NOT NULL,
      ${day('planned_on')} NOT NULL,
      ${day('done_on')},
      findings TEXT NOT NULL DEFAULT '',
      ${day('disclosed_on')},
      version INTEGER NOT NULL DEFAULT 1,
      ${stamps}
    ) STRICT;
    CREATE INDEX gov_audits_year ON gov_audits (year, community_id);

    CREATE TABLE gov_rectifications (
      id INTEGER PRIMARY KEY,
      audit_id INTEGER NOT NULL REFERENCES gov_audits (id),
      position INTEGER NOT NULL,
      item TEXT NOT NULL,
      ${day('due_on')} NOT NULL,
      ${day('done_on')},
      UNIQUE (audit_id, position)
    ) STRICT;
  `);
}
