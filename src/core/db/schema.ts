// The database as Kysely sees it: one interface per table, and the row types app code uses.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Language, Role } from '../../shared/api/schemas';
import type { CounterTables } from './schema-counter';
import type { ColumnShape, FieldColumn, RecordFieldDef } from '../../shared/members/fields';
import type { LifeTables } from './schema-life';
import type { DuesTables } from './schema-dues';
import type { DevelopTables } from './schema-develop';
import type { GovTables } from './schema-gov';

export interface StreetTable {
  id: number;
  name: string;
  division_code: string;
  district_name: string;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  scope_community_code: string | null;
  password_hash: string;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  disabled: Generated<number>;
  language: Language;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  password_changed_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface AuditLogTable {
  id: number;
  at: string;
  user_id: number | null;
  username: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface CommunityTable {
  id: Generated<number>;
  name: string;
  division_code: string;
  households: number | null;
  population: number | null;
  office_area: number | null;
  activity_area: number | null;
  closed_on: string | null;
  /** Community workers (migration 0014), for the standard of workers per households. */
  workers: number | null;
  created_at: string;
  updated_at: string;
}

export type GridKind = 'block' | 'building' | 'unit';

export interface GridTable {
  id: Generated<number>;
  community_id: number;
  name: string;
  kind: GridKind;
  coverage: Generated<string>;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
}

export type OrgLevel = 'street_committee' | 'community_committee' | 'general_branch' | 'branch' | 'party_group';
export type OrgCategory = 'regional' | 'functional' | 'interest' | 'enterprise' | 'social_org';

export interface OrganizationTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  level: OrgLevel;
  category: OrgCategory;
  community_id: Generated<number | null>;
  grid_id: Generated<number | null>;
  has_committee: Generated<number>;
  term_start: Generated<string | null>;
  term_end: Generated<string | null>;
  sort_order: Generated<number>;
  closed_on: Generated<string | null>;
  closed_reason: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

/** A member field's column type from its declaration in the field table (src/shared/members/fields.ts). */
type FieldColumnType<S> = S extends { shape: 'flag' }
  ? Generated<number>
  : S extends { shape: 'defaulted'; value: infer V }
    ? Generated<V>
    : S extends { shape: 'value'; value: infer V }
      ? V
      : S extends { shape: 'nullable'; value: infer V }
        ? V | null
        : never;

/** The columns of the member fields, typed from the field table: a field added there is typed here. */
type MemberFieldColumns = { [F in RecordFieldDef as FieldColumn<F>]: FieldColumnType<ColumnShape<F>> };

/** The members table: the field table's columns and the record's own (its links, history and state). */
export interface MemberTable extends MemberFieldColumns {
  id: Generated<number>;
  name_initials: string;
  name_pinyin: string;
  org_id: number;
  grid_id: number | null;
  lost_contact_reason: string | null;
  mobile_reason: string | null;
  mobile_since: string | null;
  mobile_contact: string | null;
  status: Generated<'active' | 'history'>;
  left_on: string | null;
  left_reason: 'death' | 'transfer_out' | 'expelled' | 'struck_off' | 'lapsed' | 'withdrew' | 'other' | null;
  left_note: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MemberEventTable {
  id: Generated<number>;
  member_id: number;
  kind: string;
  on_date: string;
  detail: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface OrgOfficerTable {
  id: Generated<number>;
  org_id: number;
  role: 'secretary' | 'deputy_secretary' | 'committee_member' | 'group_leader' | 'part_time';
  person_name: string;
  member_id: number | null;
  part_time_kind: 'unit_leader' | 'police' | 'cadre' | 'other' | null;
  duty: Generated<string>;
  term_start: string | null;
  term_end: string | null;
  created_at: string;
  updated_at: string;
}

export type TransferStatus = 'issued' | 'received' | 'receipt_returned' | 'expired' | 'cancelled';

export interface TransferTable {
  id: Generated<number>;
  direction: 'in' | 'out' | 'within';
  letter_number: string;
  member_id: number | null;
  member_name: string;
  member_id_number: string;
  member_category: 'full' | 'probationary';
  from_org_id: number | null;
  from_org_name: string;
  to_org_id: number | null;
  to_org_name: string;
  issued_on: string;
  valid_days: number;
  dues_paid_to: string | null;
  status: TransferStatus;
  received_on: string | null;
  receipt_returned_on: string | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface CodeItemTable {
  code_table: 'ethnicity' | 'education' | 'occupation';
  code: string;
  label: string;
  sort_order: number;
  retired: Generated<number>;
}

export interface CodeSynonymTable {
  code_table: 'ethnicity' | 'education' | 'occupation';
  text: string;
  code: string;
  source: 'builtin' | 'user';
  created_by: string | null;
  created_at: string;
}

export interface GridLayoutTable {
  user_id: number;
  grid: string;
  name: string;
  layout: string;
  updated_at: string;
}

export interface ExchangeKeyTable {
  purpose: 'sign' | 'encrypt';
  key_id: string;
  public_key: string;
  private_key: string;
  created_at: string;
}

export interface ExchangePeerTable {
  code: string;
  role: 'street' | 'district';
  name: string;
  sign_key: string;
  sign_key_id: string;
  encrypt_key: string | null;
  token_hash: string | null;
  created_at: string;
  updated_at: string;
}

export type ReturnState = 'draft' | 'checked' | 'finalized';

export interface ReturnTableRow {
  period: string;
  state: ReturnState;
  version: Generated<number>;
  notes: Generated<string>;
  snapshot: string | null;
  /** Finalized: the package's records for the district as deflated JSON (migration 0006; null before it). */
  records: Buffer | null;
  checked_at: string | null;
  checked_by: string | null;
  finalized_at: string | null;
  finalized_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReturnLogTable {
  id: Generated<number>;
  period: string;
  version: number;
  action: 'check' | 'uncheck' | 'finalize' | 'reopen';
  reason: string | null;
  at: string;
  by: string;
}

export interface ReturnPackageTable {
  id: Generated<number>;
  period: string;
  version: number;
  file_name: string;
  sha256: string;
  size: number;
  encrypted: number;
  counts: string;
  bytes: Uint8Array;
  built_at: string;
  built_by: string;
  sent_via: 'folder' | 'upload' | null;
  sent_to: string | null;
  sent_at: string | null;
  receipt: string | null;
  receipt_at: string | null;
}

export interface DistrictPackageTable {
  id: Generated<number>;
  street_code: string;
  period: string;
  version: number;
  file_name: string;
  sha256: string;
  size: number;
  /** The package's manifest as JSON (street, period, counts, audit head), read back by exchange/district.ts. */
  manifest: string;
  /** The street's return tables as JSON (`ReturnTable & { note }`[]), summed by the district's consolidation. */
  tables: string;
  bytes: Uint8Array;
  received_via: 'file' | 'upload';
  received_at: string;
  received_by: string;
  receipt: string;
  replaced_by: number | null;
}

export interface DistrictRejectionTable {
  id: Generated<number>;
  at: string;
  file_name: string;
  street_code: string | null;
  period: string | null;
  version: number | null;
  code: string;
  message: string;
  received_via: 'file' | 'upload';
}

/** A package a district built for its city from its consolidated month (migration 0015). */
export interface DistrictReturnTable {
  id: Generated<number>;
  period: string;
  version: number;
  file_name: string;
  sha256: string;
  size: number;
  encrypted: number;
  counts: string;
  bytes: Uint8Array;
  built_at: string;
  built_by: string;
  sent_via: 'folder' | 'upload' | null;
  sent_to: string | null;
  sent_at: string | null;
}

/** A district's package as the city received it (migration 0015). */
export interface CityPackageTable {
  id: Generated<number>;
  district_code: string;
  period: string;
  version: number;
  file_name: string;
  sha256: string;
  size: number;
  /** The package's manifest as JSON (district, period, counts), read back by exchange/city.ts. */
  manifest: string;
  /** The district's consolidated tables (one row per street) as JSON. */
  tables: string;
  /** Each street's tables the district received, as JSON (`CityStreetTables`[]), for the drill-down. */
  streets: string;
  bytes: Uint8Array;
  received_via: 'file' | 'upload';
  received_at: string;
  received_by: string;
  replaced_by: number | null;
}

export interface CityRejectionTable {
  id: Generated<number>;
  at: string;
  file_name: string;
  district_code: string | null;
  period: string | null;
  version: number | null;
  code: string;
  message: string;
  received_via: 'file' | 'upload';
}

/** A member's public commitment (党员承诺公示) for a year, posted on the board (migration 0005). */
export interface MemberCommitmentTable {
  id: Generated<number>;
  member_id: number;
  year: number;
  commitment: string;
  created_at: string;
  updated_at: string;
}

/** The last introduction-letter number given in a year (migration 0010); it only ever goes up. */
export interface LetterSequenceTable {
  year: number;
  last: number;
}

/** A file kept beside a record (migration 0016). */
export interface AttachmentTable {
  id: Generated<number>;
  owner: 'fund_entry' | 'meeting' | 'disclosure';
  owner_id: number;
  file_name: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  added_by: string;
  added_at: string;
}

export interface Database extends CounterTables, LifeTables, DuesTables, DevelopTables {
  street: StreetTable;
  users: UserTable;
  settings: SettingTable;
  audit_log: AuditLogTable;
  communities: CommunityTable;
  grids: GridTable;
  organizations: OrganizationTable;
  members: MemberTable;
  member_events: MemberEventTable;
  org_officers: OrgOfficerTable;
  transfers: TransferTable;
  code_items: CodeItemTable;
  code_synonyms: CodeSynonymTable;
  grid_layouts: GridLayoutTable;
  exchange_keys: ExchangeKeyTable;
  exchange_peers: ExchangePeerTable;
  returns: ReturnTableRow;
  return_log: ReturnLogTable;
  return_packages: ReturnPackageTable;
  district_packages: DistrictPackageTable;
  district_rejections: DistrictRejectionTable;
  district_returns: DistrictReturnTable;
  city_packages: CityPackageTable;
  city_rejections: CityRejectionTable;
  member_commitments: MemberCommitmentTable;
  letter_sequences: LetterSequenceTable;
  // Community governance (migration 0014): its tables are typed in schema-gov.ts.
  gov_disclosures: GovTables['gov_disclosures'];
  gov_disclosure_comments: GovTables['gov_disclosure_comments'];
  gov_decisions: GovTables['gov_decisions'];
  gov_decision_steps: GovTables['gov_decision_steps'];
  gov_projects: GovTables['gov_projects'];
  gov_project_milestones: GovTables['gov_project_milestones'];
  gov_project_years: GovTables['gov_project_years'];
  gov_terms: GovTables['gov_terms'];
  gov_elections: GovTables['gov_elections'];
  gov_audits: GovTables['gov_audits'];
  gov_rectifications: GovTables['gov_rectifications'];
  attachments: AttachmentTable;
}

export type Street = Selectable<StreetTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
export type Community = Selectable<CommunityTable>;
export type Grid = Selectable<GridTable>;
export type Organization = Selectable<OrganizationTable>;
export type Member = Selectable<MemberTable>;
export type NewMember = Insertable<MemberTable>;
export type MemberUpdate = Updateable<MemberTable>;
export type Transfer = Selectable<TransferTable>;
