// Organizational life's tables (migration 0011) as Kysely sees them; `Database` in schema.ts extends these.
import type { Generated, Selectable } from 'kysely';
import type { AppraisalGrade, AttendanceState, LifeFrequency, MeetingInvalidReason, MeetingStatus, MeetingType } from '../../shared/api/schemas-life';

export interface MeetingTable {
  id: Generated<number>;
  org_id: number;
  type: MeetingType;
  held_on: string;
  time: Generated<string>;
  place: Generated<string>;
  host: Generated<string>;
  recorder: Generated<string>;
  topic: string;
  content: Generated<string>;
  decisions: Generated<string>;
  /** JSON array of the other organizations' ids (meeting_orgs holds them for queries). */
  joint_org_ids: Generated<string>;
  status: MeetingStatus;
  invalid_reason: MeetingInvalidReason | null;
  recorded_by: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MeetingOrgTable {
  meeting_id: number;
  org_id: number;
}

export interface MeetingAttendanceTable {
  meeting_id: number;
  member_id: number;
  state: AttendanceState;
  reason: string | null;
}

export interface LifeRuleTable {
  type: MeetingType;
  frequency: LifeFrequency;
}

export interface LifeSettingTable {
  id: number;
  activity_week: Generated<number>;
  updated_at: string;
}

export interface LifeOrgDayTable {
  org_id: number;
  weekday: number;
}

export interface AppraisalSessionTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  held_on: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AppraisalGradeTable {
  session_id: number;
  member_id: number;
  grade: AppraisalGrade;
  follow_up: string | null;
}

export interface LifeTables {
  meetings: MeetingTable;
  meeting_orgs: MeetingOrgTable;
  meeting_attendance: MeetingAttendanceTable;
  life_rules: LifeRuleTable;
  life_settings: LifeSettingTable;
  life_org_days: LifeOrgDayTable;
  appraisal_sessions: AppraisalSessionTable;
  appraisal_grades: AppraisalGradeTable;
}

export type Meeting = Selectable<MeetingTable>;
