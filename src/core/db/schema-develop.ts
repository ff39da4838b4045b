// Developing new members' tables (migration 0013; 0017 added the step and stage 'disqualified') as Kysely sees them; `Database` in schema.ts extends these.
import type { Generated, Selectable } from 'kysely';
import type { DevelopStage, DevelopStep } from '../../shared/develop/rules';

export interface DevelopPersonTable {
  id: Generated<number>;
  name: string;
  id_number: string;
  sex: 1 | 2;
  birth_date: string;
  phone: string | null;
  org_id: number;
  stage: DevelopStage;
  member_id: number | null;
  applied_on: string;
  last_step_on: string;
  note: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DevelopStepTable {
  id: Generated<number>;
  person_id: number;
  step: DevelopStep;
  on_date: string;
  org_name: string | null;
  people: string | null;
  document_number: string | null;
  note: string | null;
  /** JSON object: hours/days, months, the vote, the members named. */
  detail: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface DevelopContactTable {
  id: Generated<number>;
  person_id: number;
  member_id: number;
  role: 'contact' | 'introducer';
}

export interface DevelopPlanTable {
  year: number;
  community_id: number;
  planned: number;
  updated_at: string;
}

export interface DevelopTables {
  develop_people: DevelopPersonTable;
  develop_steps: DevelopStepTable;
  develop_contacts: DevelopContactTable;
  develop_plans: DevelopPlanTable;
}

export type DevelopPerson = Selectable<DevelopPersonTable>;
export type DevelopStepRecord = Selectable<DevelopStepTable>;
