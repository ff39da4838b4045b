// The database as Kysely sees it: one interface per table, and the row types app code uses.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Language, Role } from '../../shared/api/schemas';

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

export interface Database {
  street: StreetTable;
  users: UserTable;
  settings: SettingTable;
  audit_log: AuditLogTable;
}

export type Street = Selectable<StreetTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
