// Developing new members' part of the contract (发展党员, issue 16): the register of people on the way to
// membership, each step checked against the rules (src/shared/develop/rules.ts) before it is written, and the
// yearly plan per community. contract.ts spreads these into the one contract.
import type { MethodSpec } from './contract';
import type { DevelopStage, DevelopStep, NextStep } from '../develop/rules';
import { ADMINISTRATION } from './contract-rules';
import * as s from './schemas-develop';

export const developMethods = {
  'develop.list': { input: s.developListInput, access: 'viewer', write: false },
  'develop.get': { input: s.developGetInput, access: 'viewer', write: false, scope: 'record' },
  /** A person hands in the application (递交入党申请书): the register's record opens with it. */
  'develop.create': { input: s.developCreateInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  /** One step of the path, refused with the rule it breaks; admission puts the person on the roll, 转正 makes them full. */
  'develop.recordStep': { input: s.developStepInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  /** A recorded step's date or numbers corrected: the whole path re-checked, the roll's dates following; audited before/after. */
  'develop.correctStep': { input: s.developCorrectInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'develop.plans': { input: s.developPlansInput, access: 'viewer', write: false },
  'develop.savePlan': {
    input: s.developPlanInput,
    access: 'clerk',
    write: true,
    freeze: { none: "the plan is read as it is now: the return compares the year's admissions with it" },
    scope: 'record',
  },
  'develop.importPreview': { input: s.developImportInput, access: 'clerk', write: false },
  'develop.importCommit': {
    input: s.developImportInput,
    access: 'clerk',
    write: true,
    freeze: { none: 'checked row by row by the import: a row dated in a finalized month is refused by its Excel row, the others go in' },
    scope: { street: "checked row by row by the import: each row's branch is looked for inside the caller's scope" },
  },
  /** The notice period (working days) and the approval limit (months): the street's settings. */
  'develop.settings': { input: s.noInput, access: 'viewer', write: false },
  'develop.saveSettings': { input: s.developSettingsInput, access: 'admin', write: true, ...ADMINISTRATION },
} as const satisfies Record<string, MethodSpec>;

/** One recorded step of a person's path. */
export interface DevelopStepRow {
  id: number;
  step: DevelopStep;
  on: string;
  orgName: string | null;
  people: string | null;
  documentNumber: string | null;
  note: string | null;
  /** hours/days (training), months (extension), the vote, the members named. */
  detail: Record<string, unknown> | null;
  recordedBy: string;
  recordedAt: string;
}

export interface DevelopPersonRow {
  id: number;
  name: string;
  idNumber: string;
  sex: 1 | 2;
  birthDate: string;
  phone: string | null;
  orgId: number;
  orgName: string;
  communityId: number | null;
  communityName: string | null;
  stage: DevelopStage;
  /** The member on the roll, once admitted. */
  memberId: number | null;
  appliedOn: string;
  /** The day of the last step taken. */
  lastStepOn: string;
  next: NextStep | null;
  /** The next step and the side steps with a date. */
  due: NextStep[];
  probationEnds: string | null;
  version: number;
  updatedAt: string;
}

export interface DevelopPersonDetail {
  person: DevelopPersonRow;
  steps: DevelopStepRow[];
  /** 培养联系人 and 入党介绍人, members of the roll. */
  contacts: { memberId: number; name: string; role: 'contact' | 'introducer' }[];
  noticeEnds: string | null;
}

export interface DevelopBoard {
  people: DevelopPersonRow[];
  /** Counts by stage, per community and per branch. */
  counts: { communityId: number | null; communityName: string | null; orgId: number; orgName: string; stage: DevelopStage; count: number }[];
}

export interface DevelopPlanRow {
  year: number;
  communityId: number;
  communityName: string;
  planned: number;
  /** Admissions (branch meetings) of the year so far. */
  admitted: number;
}

export interface DevelopSettings {
  noticeWorkdays: number;
  approvalMonths: number;
}

/** What an import did, or (preview) would do, each refused row named by its Excel row, column and value. */
export interface DevelopImportResult {
  sheet: string;
  headerRow: number;
  rows: number;
  accepted: number;
  created: number;
  admitted: number;
  rejected: { row: number; column: string; letter: string | null; field: string; value: unknown; code: string; message: string }[];
  dryRun: boolean;
  /** The rejected rows as a workbook to fix and import again (.xlsx bytes); absent when none was rejected. */
  rejectedWorkbook?: Uint8Array;
}

export interface DevelopOutputs {
  'develop.importPreview': DevelopImportResult;
  'develop.importCommit': DevelopImportResult;
  'develop.settings': DevelopSettings;
  'develop.saveSettings': DevelopSettings;
  'develop.list': DevelopBoard;
  'develop.get': DevelopPersonDetail;
  'develop.create': DevelopPersonRow;
  'develop.recordStep': DevelopPersonRow;
  'develop.correctStep': DevelopPersonRow;
  'develop.plans': DevelopPlanRow[];
  'develop.savePlan': DevelopPlanRow;
}
