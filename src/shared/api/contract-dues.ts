// Party dues and funds' part of the contract (issue 15): method → input schema, access, write, freeze and
// scope; and the results the dues pages, the papers and the CLI get back. contract.ts spreads these into the
// one contract. A dues month closed by its branch freezes like a finalized return: the dated methods here
// name their months, and core's rules (src/core/write-rules.ts) refuse a closed one before the handler runs.
import type { PaymentSheet } from '../dues/payment-sheet';
import { z } from 'zod';
import type { MethodSpec } from './contract';
import { STREET_TABLE } from './contract-rules';
import * as s from './schemas-dues';
import type { CloseLevel, DuesAdjustment, DuesMethod, FundDirection, FundParameter } from './schemas-dues';
import type { DuesCategory } from '../dues/rates';

export const duesMethods = {
  'dues.rate': { input: s.duesRateInput, access: 'viewer', write: false },
  'dues.settings': { input: z.object({}).strict().default({}), access: 'viewer', write: false },
  'dues.ledger': { input: s.duesLedgerInput, access: 'viewer', write: false },
  'dues.arrears': { input: s.duesArrearsInput, access: 'viewer', write: false },
  'dues.history': { input: s.duesHistoryInput, access: 'viewer', write: false, scope: 'record' },
  'dues.paidTo': { input: s.duesPaidToInput, access: 'viewer', write: false, scope: 'record' },
  'dues.receipt': { input: s.duesReceiptInput, access: 'viewer', write: false, scope: 'record' },
  'dues.board': { input: s.duesBoardInput, access: 'viewer', write: false, scope: 'record' },
  'dues.statement': { input: s.duesStatementInput, access: 'viewer', write: false },
  'dues.remittance': { input: s.duesLedgerInput, access: 'viewer', write: false },
  'dues.saveBase': { input: s.duesSaveBaseInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'dues.generate': { input: s.duesGenerateInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'dues.pay': { input: s.duesPayInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'dues.readSheet': { input: s.duesReadSheetInput, access: 'clerk', write: false },
  'dues.payMany': { input: s.duesPayManyInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'dues.reverse': { input: s.duesReverseInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'dues.payVoluntary': { input: s.duesVoluntaryInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
  'dues.close': {
    input: s.duesCloseInput,
    access: 'clerk',
    write: true,
    freeze: { none: 'closing is the dues month’s own state: it freezes the month, it changes no amount in it' },
    scope: 'record',
  },
  'dues.saveSettings': {
    input: s.duesSettingsInput,
    access: 'admin',
    write: true,
    freeze: { none: 'the farmer members’ standard applies to ledgers generated after it; months already generated keep their amounts' },
    scope: { street: 'the dues standard is the street’s (administrators only)' },
  },
  'funds.overview': { input: s.fundsOverviewInput, access: 'viewer', write: false },
  'funds.saveStandard': { input: s.fundStandardSaveInput, access: 'admin', write: true, ...STREET_TABLE },
  'funds.saveEntry': { input: s.fundEntrySaveInput, access: 'clerk', write: true, freeze: 'dated', scope: 'record' },
} as const satisfies Record<string, MethodSpec>;

/** One amount and the rule behind it: what `dues rate` prints. */
export interface DuesRateInfo {
  category: DuesCategory;
  baseFen: number | null;
  /** "0.5%"; null for a fixed amount. */
  rate: string | null;
  /** The rate in permille (5 = 0.5%); null for a fixed amount. */
  permille: number | null;
  monthlyFen: number;
  /** "15.00" */
  monthly: string;
  rule: string;
}

/** One member's month in the branch's ledger. */
export interface DuesLedgerRow {
  memberId: number;
  name: string;
  idNumber: string;
  orgId: number;
  branch: string;
  community: string | null;
  period: string;
  category: DuesCategory;
  baseFen: number | null;
  dueFen: number;
  paidFen: number;
  /** paid ≥ due (and a zero due counts as settled). */
  settled: boolean;
  rule: string;
}

export interface DuesCloseState {
  orgId: number;
  period: string;
  branchClosedBy: string | null;
  branchClosedAt: string | null;
  streetClosedBy: string | null;
  streetClosedAt: string | null;
}

export interface DuesLedger {
  period: string;
  rows: DuesLedgerRow[];
  /** Members on the roll for the month who have no ledger row yet (the ledger is not generated for them). */
  missing: number;
  totals: { dueFen: number; paidFen: number; members: number; settled: number };
  closes: DuesCloseState[];
}

/** What a sheet of payments came to: recorded, or (dryRun) what would be. */
export interface DuesPayManyResult {
  dryRun: boolean;
  count: number;
  totalFen: number;
  payments: { sheetRow: number; memberName: string; branch: string; receiptNumber: string; amountFen: number; periods: string[] }[];
}

export interface DuesPaymentInfo {
  id: number;
  memberId: number;
  memberName: string;
  orgId: number;
  branch: string;
  receiptNumber: string;
  paidOn: string;
  amountFen: number;
  method: DuesMethod;
  reference: string | null;
  periods: string[];
  reversalOf: number | null;
  /** For a payment: the id of the counter-entry that reversed it. */
  reversedBy: number | null;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface DuesBaseInfo {
  id: number;
  memberId: number;
  category: DuesCategory;
  baseFen: number | null;
  effectiveMonth: string;
  adjustment: DuesAdjustment;
  reducedFen: number | null;
  approvedBy: string | null;
  approvedOn: string | null;
  note: string | null;
  monthlyFen: number;
  rule: string;
  recordedBy: string;
  recordedAt: string;
}

export interface DuesArrearsRow {
  memberId: number;
  name: string;
  orgId: number;
  branch: string;
  community: string | null;
  /** Months owed in all. */
  monthsOwed: number;
  owedFen: number;
  /** Months in a row unpaid up to the as-of month. */
  monthsInRow: number;
  firstOwed: string;
  lastOwed: string;
  /** 6 months in a row unpaid: for the branch's handling. */
  flagged: boolean;
}

export interface DuesVoluntaryInfo {
  id: number;
  memberId: number;
  memberName: string;
  paidOn: string;
  amountFen: number;
  method: DuesMethod;
  reference: string | null;
  receiptNumber: string;
}

export interface DuesHistory {
  memberId: number;
  name: string;
  branch: string;
  bases: DuesBaseInfo[];
  /** The amount and rule for the current month, when a base is recorded. */
  current: DuesBaseInfo | null;
  months: { period: string; dueFen: number; paidFen: number; settled: boolean }[];
  payments: DuesPaymentInfo[];
  voluntary: DuesVoluntaryInfo[];
  paidTo: string | null;
}

/** A receipt: number, member, months, amount in figures and in 大写. */
export interface DuesReceipt {
  streetName: string;
  payment: DuesPaymentInfo;
  amount: string;
  capital: string;
  paidOnText: string;
}

/** The branch's dues publication board: names and amounts only (public-board mask: no ID, no phone). */
export interface DuesBoard {
  branch: string;
  period: string;
  rows: { name: string; category: DuesCategory; dueFen: number; paidFen: number; settled: boolean }[];
  totals: { dueFen: number; paidFen: number };
}

export interface DuesStatement {
  year: number;
  rows: { memberId: number; name: string; branch: string; months: { period: string; dueFen: number; paidFen: number }[]; dueFen: number; paidFen: number }[];
  totals: { dueFen: number; paidFen: number };
}

/** The month's remittance to the higher committee, per branch. */
export interface DuesRemittance {
  period: string;
  rows: { orgId: number; branch: string; community: string | null; members: number; dueFen: number; paidFen: number; voluntaryFen: number }[];
  totals: { members: number; dueFen: number; paidFen: number; voluntaryFen: number };
}

export interface FundStandardInfo {
  id: number;
  parameter: FundParameter;
  value: number;
  source: string;
  year: number;
  updatedAt: string;
}

export interface FundEntryInfo {
  id: number;
  communityId: number;
  communityName: string;
  direction: FundDirection;
  amountFen: number;
  onDate: string;
  purpose: string;
  voucher: string | null;
  attachments: string[];
  recordedBy: string;
}

export interface FundsOverview {
  year: number;
  standards: FundStandardInfo[];
  communities: {
    communityId: number;
    name: string;
    households: number | null;
    members: number;
    officeFen: number;
    massWorkFen: number;
    activityFen: number;
    entitlementFen: number;
    inFen: number;
    outFen: number;
    /** Entitlement plus income less spending. */
    balanceFen: number;
  }[];
  entries: FundEntryInfo[];
}

export interface DuesOutputs {
  'dues.rate': DuesRateInfo;
  'dues.settings': { farmerFen: number };
  'dues.ledger': DuesLedger;
  'dues.arrears': { asOf: string; rows: DuesArrearsRow[] };
  'dues.history': DuesHistory;
  'dues.paidTo': { memberId: number; paidTo: string | null };
  'dues.receipt': DuesReceipt;
  'dues.board': DuesBoard;
  'dues.statement': DuesStatement;
  'dues.remittance': DuesRemittance;
  'dues.saveBase': DuesBaseInfo;
  'dues.generate': { period: string; created: number; updated: number };
  'dues.pay': DuesPaymentInfo;
  'dues.readSheet': PaymentSheet;
  'dues.payMany': DuesPayManyResult;
  'dues.reverse': DuesPaymentInfo;
  'dues.payVoluntary': DuesVoluntaryInfo;
  'dues.close': DuesCloseState & { level: CloseLevel };
  'dues.saveSettings': { farmerFen: number };
  'funds.overview': FundsOverview;
  'funds.saveStandard': FundStandardInfo;
  'funds.saveEntry': FundEntryInfo;
}
