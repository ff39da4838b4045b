// Party dues and funds tables (migration 0012) as Kysely sees them; `Database` in schema.ts extends these.
import type { Generated, Selectable } from 'kysely';
import type { DuesCategory } from '../../shared/dues/rates';
import type { DuesAdjustment, DuesMethod, FundDirection, FundParameter } from '../../shared/api/schemas-dues';

export interface DuesBaseTable {
  id: Generated<number>;
  member_id: number;
  category: DuesCategory;
  base_fen: number | null;
  effective_month: string;
  adjustment: Generated<DuesAdjustment>;
  reduced_fen: number | null;
  approved_by: string | null;
  approved_on: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface DuesLedgerTable {
  id: Generated<number>;
  member_id: number;
  org_id: number;
  period: string;
  category: DuesCategory;
  base_fen: number | null;
  due_fen: number;
  paid_fen: Generated<number>;
}

export interface DuesPaymentTable {
  id: Generated<number>;
  member_id: number;
  org_id: number;
  year: number;
  seq: number;
  receipt_number: string;
  paid_on: string;
  amount_fen: number;
  method: DuesMethod;
  reference: string | null;
  /** The months paid, comma-separated YYYY-MM. */
  periods: string;
  reversal_of: number | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface DuesAllocationTable {
  payment_id: number;
  member_id: number;
  period: string;
  amount_fen: number;
}

export interface DuesMonthCloseTable {
  org_id: number;
  period: string;
  branch_closed_by: string;
  branch_closed_at: string;
  street_closed_by: string | null;
  street_closed_at: string | null;
}

export interface DuesVoluntaryTable {
  id: Generated<number>;
  member_id: number;
  org_id: number;
  paid_on: string;
  amount_fen: number;
  method: DuesMethod;
  reference: string | null;
  receipt_number: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface FundStandardTable {
  id: Generated<number>;
  parameter: FundParameter;
  value: number;
  source: string;
  year: number;
  updated_by: string;
  updated_at: string;
}

export interface FundEntryTable {
  id: Generated<number>;
  community_id: number;
  direction: FundDirection;
  amount_fen: number;
  on_date: string;
  purpose: string;
  voucher: string | null;
  /** JSON array of file names. */
  attachments: Generated<string>;
  recorded_by: string;
  recorded_at: string;
}

export interface DuesTables {
  dues_bases: DuesBaseTable;
  dues_ledger: DuesLedgerTable;
  dues_payments: DuesPaymentTable;
  dues_allocations: DuesAllocationTable;
  dues_month_close: DuesMonthCloseTable;
  dues_voluntary: DuesVoluntaryTable;
  fund_standards: FundStandardTable;
  fund_entries: FundEntryTable;
}

export type DuesBase = Selectable<DuesBaseTable>;
export type DuesPayment = Selectable<DuesPaymentTable>;
export type FundEntry = Selectable<FundEntryTable>;
