// Community governance's tables (migration 0014) as Kysely sees them; `Database` in schema.ts names them.
import type { Generated } from 'kysely';
import type { AuditKind, DisclosureArea, DisclosureStatus, ProjectCloseResult, ProjectStatus, ProjectType } from '../../shared/api/schemas-gov';

export interface GovDisclosureTable {
  id: Generated<number>;
  community_id: number | null;
  area: DisclosureArea;
  title: string;
  content: string;
  /** JSON array of attachment names. */
  attachments: Generated<string>;
  major: Generated<number>;
  period_from: string;
  period_to: string;
  status: DisclosureStatus;
  drafted_by: string;
  drafted_on: string;
  reviewed_by: string | null;
  reviewed_on: string | null;
  approved_by: string | null;
  approved_on: string | null;
  published_by: string | null;
  published_on: string | null;
  corrects_id: number | null;
  superseded_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface GovDisclosureCommentTable {
  id: Generated<number>;
  disclosure_id: number;
  resident_name: string;
  content: string;
  received_on: string;
  answer: string | null;
  answered_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface GovDecisionTable {
  id: Generated<number>;
  community_id: number;
  title: string;
  summary: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface GovDecisionStepTable {
  id: Generated<number>;
  decision_id: number;
  step: number;
  held_on: string;
  entitled: number | null;
  present: number | null;
  in_favour: number | null;
  note: Generated<string>;
  recorded_by: string;
  created_at: string;
}

export interface GovProjectTable {
  id: Generated<number>;
  community_id: number | null;
  org_id: number | null;
  type: ProjectType;
  year: number;
  name: string;
  owner: string;
  budget_fen: Generated<number>;
  status: ProjectStatus;
  completed_on: string | null;
  evidence: Generated<string>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  review_progress: number | null;
  review_note: Generated<string>;
  reviewed_on: string | null;
  close_result: ProjectCloseResult | null;
  close_reason: Generated<string>;
}

/** A year's plan once approved, and its close. */
export interface GovProjectYearTable {
  year: number;
  approved_on: string;
  approved_by: string;
  closed_on: string | null;
  closed_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface GovProjectMilestoneTable {
  id: Generated<number>;
  project_id: number;
  position: number;
  title: string;
  due_on: string;
  done_on: string | null;
}

export interface GovTermTable {
  org_id: number;
  elected_on: string;
  term_years: number;
  adjust_months: Generated<number>;
  adjust_approval: string | null;
  direct: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface GovElectionTable {
  id: Generated<number>;
  org_id: number;
  held_on: string;
  entitled: number;
  present: number;
  direct: Generated<number>;
  /** JSON: [{ name, votes }]. */
  candidates: string;
  /** JSON: [{ name, memberId, post, votes }]. */
  elected: string;
  recorded_by: string;
  created_at: string;
}

export interface GovAuditTable {
  id: Generated<number>;
  community_id: number;
  year: number;
  kind: AuditKind;
  subject: string;
  planned_on: string;
  done_on: string | null;
  findings: Generated<string>;
  disclosed_on: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface GovRectificationTable {
  id: Generated<number>;
  audit_id: number;
  position: number;
  item: string;
  due_on: string;
  done_on: string | null;
}

export interface GovTables {
  gov_disclosures: GovDisclosureTable;
  gov_disclosure_comments: GovDisclosureCommentTable;
  gov_decisions: GovDecisionTable;
  gov_decision_steps: GovDecisionStepTable;
  gov_projects: GovProjectTable;
  gov_project_milestones: GovProjectMilestoneTable;
  gov_project_years: GovProjectYearTable;
  gov_terms: GovTermTable;
  gov_elections: GovElectionTable;
  gov_audits: GovAuditTable;
  gov_rectifications: GovRectificationTable;
}
