// Input schemas of Party dues and funds (issue 15). Amounts travel as integer fen; the UI and the CLI turn
// the yuan a clerk types into fen with shared/dues/money.ts before calling. Problems are keys of the catalogs.
import { z } from 'zod';
import { DUES_CATEGORIES } from '../dues/rates';
import { calendarDay, id } from './schemas';

export const DUES_METHODS = ['cash', 'transfer', 'wechat'] as const;
export type DuesMethod = (typeof DUES_METHODS)[number];
export const DUES_ADJUSTMENTS = ['none', 'reduced', 'exempt'] as const;
export type DuesAdjustment = (typeof DUES_ADJUSTMENTS)[number];
export const CLOSE_LEVELS = ['branch', 'street'] as const;
export type CloseLevel = (typeof CLOSE_LEVELS)[number];
export const FUND_DIRECTIONS = ['in', 'out'] as const;
export type FundDirection = (typeof FUND_DIRECTIONS)[number];
/** Money in fen except spacePer100Households (square metres). */
export const FUND_PARAMETERS = ['officePer1000Households', 'massWorkPerCommunity', 'activityPerMember', 'cadreAllowanceBase', 'spacePer100Households'] as const;
export type FundParameter = (typeof FUND_PARAMETERS)[number];

/** How many months one back payment may cover (the rule: at most 6 at a time). */
export const BACK_PAY_LIMIT = 6;
/** Months in a row unpaid that flag a member for the branch's handling (Art. 9 of the Party constitution). */
export const ARREARS_FLAG_MONTHS = 6;
/** A voluntary one-off payment of this much or more is recorded apart (1,000 yuan). */
export const VOLUNTARY_MIN_FEN = 100_000;

export const period = z.string({ error: 'required' }).regex(/^[12]\d{3}-(0[1-9]|1[0-2])$/, { error: 'monthFormat' });
const fen = z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' });
const optionalText = (max: number) => z.string().trim().max(max, { error: 'tooLong' }).optional();

export const duesRateInput = z.object({
  category: z.enum(DUES_CATEGORIES, { error: 'notAllowed' }),
  baseFen: fen.optional(),
});

export const duesSaveBaseInput = z.object({
  memberId: id,
  category: z.enum(DUES_CATEGORIES, { error: 'notAllowed' }),
  baseFen: fen.nullable().default(null),
  effectiveMonth: period,
  adjustment: z.enum(DUES_ADJUSTMENTS, { error: 'notAllowed' }).default('none'),
  reducedFen: fen.min(0, { error: 'tooSmall' }).nullable().default(null),
  approvedBy: optionalText(40),
  approvedOn: calendarDay.optional(),
  note: optionalText(200),
});

export const duesLedgerInput = z.object({ period, orgId: id.optional() });
export const duesGenerateInput = z.object({ period, orgId: id.optional() });

export const duesPayInput = z.object({
  memberId: id,
  periods: z.array(period).min(1, { error: 'required' }).max(24, { error: 'tooLong' }),
  amountFen: fen,
  method: z.enum(DUES_METHODS, { error: 'notAllowed' }),
  reference: optionalText(60),
  paidOn: calendarDay.optional(),
  note: optionalText(200),
});

/** A branch's payment sheet as a file (.xlsx, or CSV in UTF-8 or GBK), read into rows for the window. */
export const duesReadSheetInput = z.object({
  fileName: z.string().trim().min(1, { error: 'required' }).max(260, { error: 'tooLong' }),
  bytes: z.instanceof(Uint8Array, { error: 'required' }),
});

/** The most payments one pasted or imported sheet may carry. */
export const PAYMENT_SHEET_MAX_ROWS = 2000;

/** A sheet of payments, all recorded or none: each row keeps its sheet row number so a refusal names it. */
export const duesPayManyInput = z.object({
  payments: z
    .array(
      z.object({
        sheetRow: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(1, { error: 'tooSmall' }).max(1_048_576, { error: 'tooBig' }),
        idNumber: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(18, { error: 'tooLong' }),
        name: optionalText(40),
        periods: z.array(period).min(1, { error: 'required' }).max(24, { error: 'tooLong' }),
        amountFen: fen,
        method: z.enum(DUES_METHODS, { error: 'notAllowed' }),
        reference: optionalText(60),
        paidOn: calendarDay.optional(),
      }),
    )
    .min(1, { error: 'required' })
    .max(PAYMENT_SHEET_MAX_ROWS, { error: 'tooLong' }),
  /** Check every row as if recording, and record nothing. */
  dryRun: z.boolean().optional(),
});

export const duesReverseInput = z.object({ paymentId: id, reason: z.string().trim().min(1, { error: 'required' }).max(200, { error: 'tooLong' }), on: calendarDay.optional() });

export const duesVoluntaryInput = z.object({
  memberId: id,
  amountFen: fen,
  method: z.enum(DUES_METHODS, { error: 'notAllowed' }),
  reference: optionalText(60),
  paidOn: calendarDay.optional(),
  note: optionalText(200),
});

export const duesCloseInput = z.object({ orgId: id, period, level: z.enum(CLOSE_LEVELS, { error: 'notAllowed' }).default('branch') });
export const duesArrearsInput = z.object({ minMonths: z.number().int().min(1).max(600).default(1), orgId: id.optional(), asOf: period.optional() });
export const duesHistoryInput = z.object({ memberId: id });
export const duesReceiptInput = z.object({ paymentId: id });
export const duesBoardInput = z.object({ orgId: id, period });
export const duesStatementInput = z.object({ year: z.number().int().min(1900).max(2999), memberId: id.optional(), orgId: id.optional() });
export const duesSettingsInput = z.object({ farmerFen: fen });
export const duesPaidToInput = z.object({ memberId: id });

export const fundsOverviewInput = z.object({ year: z.number().int().min(1900).max(2999), communityId: id.optional() });
export const fundStandardSaveInput = z.object({
  parameter: z.enum(FUND_PARAMETERS, { error: 'notAllowed' }),
  value: fen.min(0, { error: 'tooSmall' }),
  source: z.string().trim().min(1, { error: 'required' }).max(200, { error: 'tooLong' }),
  year: z.number().int().min(1900).max(2999),
});
export const fundEntrySaveInput = z.object({
  communityId: id,
  direction: z.enum(FUND_DIRECTIONS, { error: 'notAllowed' }),
  amountFen: fen.min(1, { error: 'duesAmountZero' }),
  onDate: calendarDay,
  purpose: z.string().trim().min(1, { error: 'required' }).max(200, { error: 'tooLong' }),
  voucher: optionalText(60),
  attachments: z.array(z.string().trim().min(1).max(200, { error: 'tooLong' })).max(20, { error: 'tooLong' }).default([]),
});
