// Frozen: the projects' year cycle (issue 17) — a year's projects are set in spring (the plan approved, by a
// date that is a setting), reviewed mid-year (each project's progress and a note) and closed at year end
// (each project done or not done, with a reason); a closed year is read-only and its rate is the closed one.
// Never edit a migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

const day = (col: string) => `${col} TEXT CHECK (${col} IS NULL OR ${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`;

export function up(db: SqliteDatabase): void {
  db.exec(`
    -- One row a year once its plan is approved; closing it needs the approval first.
    CREATE TABLE gov_project_years (
      year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
      ${day('approved_on')} NOT NULL,
      approved_by TEXT NOT NULL,
      ${day('closed_on')},
      closed_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((closed_on IS NULL) = (closed_by IS NULL)),
      CHECK (closed_on IS NULL OR closed_on >= approved_on)
    ) STRICT;

    -- The mid-year review of each project, and its result at the year's close.
    ALTER TABLE gov_projects ADD COLUMN review_progress INTEGER CHECK (review_progress IS NULL OR review_progress BETWEEN 0 AND 100);
    ALTER TABLE gov_projects ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
    ALTER TABLE gov_projects ADD COLUMN ${day('reviewed_on')};
    ALTER TABLE gov_projects ADD COLUMN close_result TEXT CHECK (close_result IS NULL OR close_result IN ('done', 'not_done'));
    ALTER TABLE gov_projects ADD COLUMN close_reason TEXT NOT NULL DEFAULT '';
  `);
}
