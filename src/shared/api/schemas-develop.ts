// Input schemas of developing new members (发展党员, issue 16). Messages are problem keys of shared/i18n;
// the time rules themselves are src/shared/develop/rules.ts, run by the service before a step is written.
import { z } from 'zod';
import { APPROVAL_MONTHS, DEVELOP_STAGES, DEVELOP_STEPS, EXTENSION_MONTHS, NOTICE_WORKDAYS } from '../develop/rules';
import { calendarDay, id, text } from './schemas';

const optionalText = (max: number) => z.string().trim().max(max, { error: 'tooLong' }).optional();
const count = (max: number) => z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(0, { error: 'tooSmall' }).max(max, { error: 'tooBig' });

/** The steps recorded one by one after the application (the application opens the person's record). */
export const RECORDED_STEPS = DEVELOP_STEPS.filter((s) => s !== 'applied') as Exclude<(typeof DEVELOP_STEPS)[number], 'applied'>[];

export const developListInput = z.object({
  stage: z.enum(DEVELOP_STAGES, { error: 'notAllowed' }).optional(),
  communityId: id.optional(),
  orgId: id.optional(),
  /** Only people with a step due on or before this day (the board's "due this month"). */
  dueBefore: calendarDay.optional(),
  query: optionalText(40),
});

export const developGetInput = z.object({ id });

export const developCreateInput = z.object({
  name: text(1, 40),
  idNumber: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(30, { error: 'tooLong' }),
  phone: optionalText(30),
  orgId: id,
  appliedOn: calendarDay,
  note: optionalText(200),
});

export const developStepInput = z.object({
  id,
  version: z.number().int().min(1),
  step: z.enum(RECORDED_STEPS, { error: 'notAllowed' }),
  on: calendarDay,
  /** The organization that took the step (党支部, 上级党委) as written on the paper. */
  orgName: optionalText(80),
  /** Who was involved: the talker, the reviewers, the committee. */
  people: optionalText(200),
  documentNumber: optionalText(60),
  note: optionalText(400),
  /** training */
  hours: count(1000).optional(),
  days: count(365).optional(),
  /** extended */
  months: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(EXTENSION_MONTHS.min, { error: 'tooSmall' }).max(EXTENSION_MONTHS.max, { error: 'tooBig' }).optional(),
  /** activist: the 培养联系人 (1–2); candidate: the 入党介绍人 (2) — full members of the roll. */
  memberIds: z.array(id).max(2, { error: 'tooBig' }).optional(),
  /** admitted, full: the branch meeting's vote. */
  attendance: count(10000).optional(),
  votesFor: count(10000).optional(),
  votesAgainst: count(10000).optional(),
});

/**
 * A correction of a recorded step (a date or a number typed wrong): the fields given replace the step's, the
 * others stay. Which people were named (contacts, introducers) is not corrected here.
 */
export const developCorrectInput = z.object({
  id,
  version: z.number().int().min(1),
  stepId: id,
  on: calendarDay.optional(),
  orgName: optionalText(80),
  people: optionalText(200),
  documentNumber: optionalText(60),
  note: optionalText(400),
  hours: count(1000).optional(),
  days: count(365).optional(),
  months: developStepInput.shape.months,
  attendance: count(10000).optional(),
  votesFor: count(10000).optional(),
  votesAgainst: count(10000).optional(),
});

export const developPlanInput = z.object({
  year: z.number().int().min(2000, { error: 'tooSmall' }).max(2999, { error: 'tooBig' }),
  communityId: id,
  planned: count(10000),
});

export const developPlansInput = developPlanInput.pick({ year: true });

export const developImportInput = z.object({
  fileName: z.string().max(260),
  bytes: z.instanceof(Uint8Array, { error: 'required' }),
  dryRun: z.boolean().default(false),
});

export const noInput = z.object({}).strict().default({});

export const developSettingsInput = z.object({
  noticeWorkdays: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(NOTICE_WORKDAYS.min, { error: 'tooSmall' }).max(NOTICE_WORKDAYS.max, { error: 'tooBig' }),
  approvalMonths: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(APPROVAL_MONTHS.min, { error: 'tooSmall' }).max(APPROVAL_MONTHS.max, { error: 'tooBig' }),
});
