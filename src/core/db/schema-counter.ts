// The service counter's tables (migration 0003) as Kysely sees them; `Database` in schema.ts extends these.
import type { Generated, Selectable } from 'kysely';
import type { ListClass, MatterCategory, MerchantCategory, RequestChannel, RequestStatus, AssigneeKind, TeamSkill } from '../../shared/api/schemas-counter';

export interface ServiceMatterTable {
  id: Generated<number>;
  name: string;
  list_class: ListClass;
  category: MatterCategory;
  /** JSON array of strings. */
  materials: string;
  limit_days: number;
  responsible_post: string;
  fee: string;
  legal_basis: string;
  active: Generated<number>;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ServiceRequestTable {
  id: Generated<number>;
  number: string;
  community_id: number;
  year: number;
  seq: number;
  matter_id: number;
  matter_name: string;
  list_class: ListClass;
  limit_days: number;
  resident_name: string;
  resident_phone: string | null;
  resident_id_number: string | null;
  resident_address: string | null;
  channel: RequestChannel;
  notes: string | null;
  accepted_at: string;
  accepted_on: string;
  due_on: string;
  status: RequestStatus;
  status_before_pause: 'accepted' | 'in_progress' | null;
  paused_on: string | null;
  missing_documents: string | null;
  paused_days: Generated<number>;
  extended_days: Generated<number>;
  extension_reason: string | null;
  assignee_kind: AssigneeKind | null;
  assignee_name: string | null;
  assignee_member_id: number | null;
  assignee_volunteer_id: number | null;
  result: string | null;
  transferred_to: string | null;
  transfer_reason: string | null;
  guidance_to: string | null;
  completed_at: string | null;
  closed_on: string | null;
  satisfaction: number | null;
  satisfaction_comment: string | null;
  accepted_by: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ServiceRequestEventTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  at: string;
  on_date: string;
  detail: string | null;
  recorded_by: string;
}

export interface WorkdayOverrideTable {
  id: Generated<number>;
  on_date: string;
  kind: 'workday' | 'holiday';
  name: string;
  created_at: string;
  updated_at: string;
}

export interface ServiceTeamTable {
  id: Generated<number>;
  name: string;
  skill: TeamSkill;
  leader: string | null;
  description: string | null;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface VolunteerTable {
  id: Generated<number>;
  kind: 'member' | 'resident';
  member_id: number | null;
  name: string;
  phone: string | null;
  skills: string | null;
  team_id: number | null;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ServiceRecordTable {
  id: Generated<number>;
  volunteer_id: number;
  team_id: number | null;
  served_on: string;
  hours: number;
  content: string;
  request_id: number | null;
  recorded_by: string;
  created_at: string;
  updated_at: string;
}

export interface PartnerMerchantTable {
  id: Generated<number>;
  name: string;
  category: MerchantCategory;
  address: string;
  walk_minutes: number | null;
  offer: string;
  contact: string | null;
  phone: string | null;
  agreement_start: string;
  agreement_end: string;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CounterTables {
  service_matters: ServiceMatterTable;
  service_requests: ServiceRequestTable;
  service_request_events: ServiceRequestEventTable;
  workday_overrides: WorkdayOverrideTable;
  service_teams: ServiceTeamTable;
  volunteers: VolunteerTable;
  service_records: ServiceRecordTable;
  partner_merchants: PartnerMerchantTable;
}

export type ServiceMatter = Selectable<ServiceMatterTable>;
export type ServiceRequest = Selectable<ServiceRequestTable>;
export type WorkdayOverride = Selectable<WorkdayOverrideTable>;
export type ServiceTeam = Selectable<ServiceTeamTable>;
export type Volunteer = Selectable<VolunteerTable>;
export type ServiceRecord = Selectable<ServiceRecordTable>;
export type PartnerMerchant = Selectable<PartnerMerchantTable>;
