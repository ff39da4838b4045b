// Frozen once shipped: developing new members (发展党员, issue 16). A person on the way to membership is kept
// apart from the roll until the branch meeting admits them (then `member_id` names their record on the roll);
// every step of the path is a row of develop_steps with its date, organization, people and document number,
// the 培养联系人 and 入党介绍人 are members of the roll, and the yearly plan is per community.
import type { Database as SqliteDatabase } from 'better-sqlite3';

export function up(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE develop_people (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      id_number TEXT NOT NULL UNIQUE CHECK (length(id_number) = 18),
      sex INTEGER NOT NULL CHECK (sex IN (1, 2)),
      birth_date TEXT NOT NULL,
      phone TEXT,
      org_id INTEGER NOT NULL REFERENCES organizations(id),
      stage TEXT NOT NULL CHECK (stage IN ('applicant', 'activist', 'candidate', 'probationary', 'full')),
      member_id INTEGER REFERENCES members(id),
      applied_on TEXT NOT NULL,
      last_step_on TEXT NOT NULL,
      note TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX develop_people_org ON develop_people (org_id, stage);

    CREATE TABLE develop_steps (
      id INTEGER PRIMARY KEY,
      person_id INTEGER NOT NULL REFERENCES develop_people(id),
      step TEXT NOT NULL CHECK (step IN ('applied', 'talked', 'activist', 'review', 'candidate', 'politicalReview', 'training',
        'preReview', 'notice', 'admitted', 'approved', 'oath', 'extended', 'full')),
      on_date TEXT NOT NULL,
      org_name TEXT,
      people TEXT,
      document_number TEXT,
      note TEXT,
      detail TEXT,
      recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX develop_steps_person ON develop_steps (person_id, step);
    CREATE INDEX develop_steps_month ON develop_steps (step, on_date);

    CREATE TABLE develop_contacts (
      id INTEGER PRIMARY KEY,
      person_id INTEGER NOT NULL REFERENCES develop_people(id),
      member_id INTEGER NOT NULL REFERENCES members(id),
      role TEXT NOT NULL CHECK (role IN ('contact', 'introducer')),
      UNIQUE (person_id, member_id, role)
    ) STRICT;

    CREATE TABLE develop_plans (
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
      community_id INTEGER NOT NULL REFERENCES communities(id),
      planned INTEGER NOT NULL CHECK (planned >= 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (year, community_id)
    ) STRICT;
  `);
}
