// Input schemas of community governance (issue 17): disclosures of the open column, 四议两公开 matters,
// projects, terms and elections, standards, collective-economy audits, and the module's settings. Messages
// are problem keys of shared/i18n (messages-gov.ts).
import { z } from 'zod';
import { DECISION_STEPS, DISCLOSURE_AREAS } from '../gov-rules';
import { OFFICER_POSTS } from './schemas';
import { calendarDay, id, text } from './schemas';

export { DISCLOSURE_AREAS };
export type DisclosureArea = (typeof DISCLOSURE_AREAS)[number];
export const DISCLOSURE_STATUSES = ['drafted', 'reviewed', 'approved', 'published', 'superseded'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];
/** The steps after drafting, in order. */
export const DISCLOSURE_STEPS = ['review', 'approve', 'publish'] as const;
export type DisclosureStep = (typeof DISCLOSURE_STEPS)[number];
export const PROJECT_TYPES = ['secretary', 'first_secretary', 'priority', 'rectification'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];
export const PROJECT_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
/** A project's result when its year is closed. */
export const PROJECT_CLOSE_RESULTS = ['done', 'not_done'] as const;
export type ProjectCloseResult = (typeof PROJECT_CLOSE_RESULTS)[number];
export const AUDIT_KINDS = ['annual', 'term', 'leaving', 'special'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export { DECISION_STEPS };

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'monthFormat' });
const year = z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(2000, { error: 'tooSmall' }).max(2999, { error: 'tooBig' });
const headcount = z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(0, { error: 'tooSmall' }).max(1_000_000, { error: 'tooBig' });
const longText = (max: number) => z.string().trim().max(max, { error: 'tooLong' }).default('');
const person = text(1, 40);

// Disclosure -----------------------------------------------------------------------------------------------

export const disclosureListInput = z.object({
  communityId: id.optional(),
  area: z.enum(DISCLOSURE_AREAS, { error: 'notAllowed' }).optional(),
  /** Items published in, or still to be published for, this month. */
  period: yearMonth.optional(),
});

/** A new draft (no id), a change to a draft not yet published (id + version), or a correction of a published item. */
export const disclosureSaveInput = z.object({
  id: id.optional(),
  version: z.number().int().positive().optional(),
  /** A published item this draft corrects: once published, it supersedes that item. */
  correctsId: id.optional(),
  communityId: id.nullable(),
  area: z.enum(DISCLOSURE_AREAS, { error: 'notAllowed' }),
  title: text(2, 80),
  content: text(2, 4000),
  attachments: z.array(text(1, 120)).max(20, { error: 'tooLong' }).default([]),
  /** A major matter is published at once, not on the fixed day. */
  major: z.boolean().default(false),
  periodFrom: calendarDay,
  periodTo: calendarDay,
  draftedBy: person,
  draftedOn: calendarDay,
});

export const disclosureAdvanceInput = z.object({
  id,
  version: z.number().int().positive(),
  step: z.enum(DISCLOSURE_STEPS, { error: 'notAllowed' }),
  by: person,
  on: calendarDay,
});

/** A resident's comment on an item (no id), or the answer to one (id). */
export const disclosureCommentInput = z.object({
  id: id.optional(),
  disclosureId: id,
  residentName: person,
  comment: text(2, 1000),
  receivedOn: calendarDay,
  answer: z.string().trim().max(1000, { error: 'tooLong' }).nullable().optional(),
  answeredOn: calendarDay.nullable().optional(),
});

export const disclosureDueInput = z.object({ period: yearMonth, communityId: id.optional() });
export const disclosureBoardInput = z.object({ communityId: id.nullable().optional(), on: calendarDay.optional() });

// 四议两公开 --------------------------------------------------------------------------------------------------

export const decisionListInput = z.object({ communityId: id.optional() });
export const decisionSaveInput = z.object({ id: id.optional(), communityId: id, title: text(2, 80), summary: longText(2000) });
export const decisionStepInput = z.object({
  decisionId: id,
  step: z.enum(DECISION_STEPS, { error: 'notAllowed' }),
  heldOn: calendarDay,
  entitled: headcount.optional(),
  present: headcount.optional(),
  inFavour: headcount.optional(),
  note: longText(500),
});

// Projects -------------------------------------------------------------------------------------------------

export const projectListInput = z.object({ year, type: z.enum(PROJECT_TYPES, { error: 'notAllowed' }).optional(), communityId: id.optional() });
export const projectStatsInput = z.object({ year, type: z.enum(PROJECT_TYPES, { error: 'notAllowed' }).optional() });
export const milestoneInput = z.object({ title: text(1, 80), dueOn: calendarDay, doneOn: calendarDay.nullable().optional() });
export const projectSaveInput = z.object({
  id: id.optional(),
  version: z.number().int().positive().optional(),
  communityId: id.nullable(),
  orgId: id.nullable().optional(),
  type: z.enum(PROJECT_TYPES, { error: 'notAllowed' }),
  year,
  name: text(2, 80),
  owner: person,
  /** Integer fen. */
  budgetFen: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(0, { error: 'tooSmall' }).max(100_000_000_000, { error: 'tooBig' }).default(0),
  status: z.enum(PROJECT_STATUSES, { error: 'notAllowed' }),
  completedOn: calendarDay.nullable().optional(),
  evidence: longText(1000),
  milestones: z.array(milestoneInput).max(24, { error: 'tooLong' }).default([]),
});

/** The spring step: the year's projects as entered are the year's plan; none is added after. */
export const projectApproveYearInput = z.object({ year, on: calendarDay, by: person });
/** The mid-year review of one project: how far it has come (per cent) and a note. */
export const projectReviewInput = z.object({
  id,
  version: z.number().int().positive(),
  progress: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(0, { error: 'tooSmall' }).max(100, { error: 'tooBig' }),
  note: longText(500),
  on: calendarDay,
});
/** The year-end close: every project of the year, done or not done (a reason for not done). */
export const projectCloseYearInput = z.object({
  year,
  on: calendarDay,
  by: person,
  results: z
    .array(z.object({ id, result: z.enum(PROJECT_CLOSE_RESULTS, { error: 'notAllowed' }), reason: longText(200) }))
    .max(5000, { error: 'tooLong' }),
});

// Terms and elections --------------------------------------------------------------------------------------

export const termDueInput = z.object({ before: calendarDay.optional() });
export const termSaveInput = z.object({
  orgId: id,
  electedOn: calendarDay,
  /** Defaults by the organization's level (branch 3 years, committees 5). */
  termYears: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(1, { error: 'tooSmall' }).max(5, { error: 'tooBig' }).optional(),
  /** An approved extension (+) or bringing forward (−), at most a year. */
  adjustMonths: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(-12, { error: 'tooSmall' }).max(12, { error: 'tooBig' }).default(0),
  adjustApproval: z.string().trim().max(200, { error: 'tooLong' }).nullable().optional(),
  direct: z.boolean().default(false),
});
export const electedInput = z.object({
  name: person,
  memberId: id.nullable().optional(),
  post: z.enum(OFFICER_POSTS, { error: 'notAllowed' }),
  duty: z.string().trim().max(60, { error: 'tooLong' }).default(''),
  votes: headcount,
});
export const termElectInput = z.object({
  orgId: id,
  heldOn: calendarDay,
  present: headcount,
  direct: z.boolean().default(false),
  candidates: z.array(z.object({ name: person, votes: headcount })).min(1, { error: 'required' }).max(60, { error: 'tooLong' }),
  elected: z.array(electedInput).min(1, { error: 'required' }).max(30, { error: 'tooLong' }),
});
export const electionListInput = z.object({ orgId: id });

// Standards ------------------------------------------------------------------------------------------------

export const standardSaveInput = z.object({
  communityId: id,
  households: headcount.nullable(),
  officeArea: z.number({ error: 'notANumber' }).min(0, { error: 'tooSmall' }).max(100_000, { error: 'tooBig' }).nullable(),
  activityArea: z.number({ error: 'notANumber' }).min(0, { error: 'tooSmall' }).max(100_000, { error: 'tooBig' }).nullable(),
  workers: headcount.nullable(),
});

// Audits ---------------------------------------------------------------------------------------------------

export const auditListInput = z.object({ year, communityId: id.optional() });
export const auditStatsInput = z.object({ year });
export const rectificationInput = z.object({ item: text(2, 200), dueOn: calendarDay, doneOn: calendarDay.nullable().optional() });
export const auditSaveInput = z.object({
  id: id.optional(),
  version: z.number().int().positive().optional(),
  communityId: id,
  year,
  kind: z.enum(AUDIT_KINDS, { error: 'notAllowed' }),
  subject: text(2, 80),
  plannedOn: calendarDay,
  doneOn: calendarDay.nullable().optional(),
  findings: longText(2000),
  disclosedOn: calendarDay.nullable().optional(),
  rectifications: z.array(rectificationInput).max(30, { error: 'tooLong' }).default([]),
});

// Settings -------------------------------------------------------------------------------------------------

const percent = z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(0, { error: 'tooSmall' }).max(99, { error: 'tooBig' });
export const govSettingsInput = z.object({
  fixedDay: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(1, { error: 'tooSmall' }).max(28, { error: 'tooBig' }),
  residentsPresentPercent: percent,
  residentsFavourPercent: percent,
  minSpace: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(0, { error: 'tooSmall' }).max(100_000, { error: 'tooBig' }),
  spacePer100Households: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(0, { error: 'tooSmall' }).max(10_000, { error: 'tooBig' }),
  householdsPerWorker: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(1, { error: 'tooSmall' }).max(100_000, { error: 'tooBig' }),
  standardsSource: text(2, 200),
  /** The day (MM-DD) by which each year's projects are entered and approved. */
  projectApproveBy: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, { error: 'monthDayFormat' }),
});
export type GovSettings = z.infer<typeof govSettingsInput>;
