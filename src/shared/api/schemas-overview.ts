// The overview's input (issue 18): the month it is read for and how far back the period reaches.
import { z } from 'zod';

export const OVERVIEW_SPANS = ['month', 'quarter', 'year'] as const;
export type OverviewSpan = (typeof OVERVIEW_SPANS)[number];

export const overviewInput = z.object({
  /** The month (YYYY-MM); a quarter or year is the one this month falls in. This month when absent. */
  period: z.string().regex(/^[12]\d{3}-(0[1-9]|1[0-2])$/, { error: 'monthFormat' }).optional(),
  span: z.enum(OVERVIEW_SPANS, { error: 'notAllowed' }).default('month'),
});
