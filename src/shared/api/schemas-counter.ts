// Input schemas of the service counter (docs/domain.md §6): the three-lists catalog, one-stop requests,
// working days, volunteers and teams, partner merchants. Messages are problem keys of shared/i18n.
import { z } from 'zod';
import { calendarDay, id, text } from './schemas';

export const LIST_CLASSES = ['immediate', 'agency', 'guidance'] as const;
export type ListClass = (typeof LIST_CLASSES)[number];
export const MATTER_CATEGORIES = ['social_security', 'employment', 'health', 'elderly', 'civil_affairs', 'family_planning', 'party', 'other'] as const;
export type MatterCategory = (typeof MATTER_CATEGORIES)[number];
export const REQUEST_CHANNELS = ['counter', 'hotline', 'one_button', 'online', 'home_visit'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const REQUEST_STATUSES = ['accepted', 'in_progress', 'waiting_docs', 'done', 'transferred', 'returned_guidance'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** A request is closed once done, transferred to another office or sent to the guidance list. */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['done', 'transferred', 'returned_guidance'];
export const ASSIGNEE_KINDS = ['staff', 'member', 'volunteer'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];
export const TEAM_SKILLS = ['repairs', 'legal_aid', 'medical', 'tutoring', 'elderly_visits', 'culture', 'environment', 'other'] as const;
export type TeamSkill = (typeof TEAM_SKILLS)[number];
export const MERCHANT_CATEGORIES = ['catering', 'elderly_care', 'housekeeping', 'repairs', 'medical', 'other'] as const;
export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];
/** Agreements ending within this many days are listed for renewal. */
export const AGREEMENT_WARNING_DAYS = 30;

const optionalText = (max: number) => z.string().trim().max(max, { error: 'tooLong' }).optional();
const limitDays = z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(0, { error: 'tooSmall' }).max(90, { error: 'tooBig' });
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'monthFormat' });
const paging = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(200) };

export const matterListInput = z.object({ includeRetired: z.boolean().default(false) });

const matterFields = {
  matterName: text(2, 80),
  listClass: z.enum(LIST_CLASSES, { error: 'notAllowed' }),
  category: z.enum(MATTER_CATEGORIES, { error: 'notAllowed' }),
  materials: z.array(z.string().trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' })).max(30, { error: 'tooLong' }).default([]),
  limitDays,
  responsiblePost: z.string().trim().max(40, { error: 'tooLong' }).default(''),
  fee: z.string().trim().max(60, { error: 'tooLong' }).default('免费'),
  legalBasis: z.string().trim().max(400, { error: 'tooLong' }).default(''),
};
export const matterCreateInput = z.object(matterFields);
export const matterUpdateInput = z.object({
  id,
  version: z.number().int().min(1).optional(),
  matterName: matterFields.matterName.optional(),
  listClass: matterFields.listClass.optional(),
  category: matterFields.category.optional(),
  materials: z.array(z.string().trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' })).max(30, { error: 'tooLong' }).optional(),
  limitDays: limitDays.optional(),
  responsiblePost: optionalText(40),
  fee: optionalText(60),
  legalBasis: optionalText(400),
  active: z.boolean().optional(),
});
export const matterRetireInput = z.object({ id });

export const requestListInput = z.object({
  status: z.enum(REQUEST_STATUSES, { error: 'notAllowed' }).optional(),
  /** Open (not closed, not paused) and past its due date. */
  overdue: z.boolean().optional(),
  open: z.boolean().optional(),
  communityId: id.optional(),
  /** Number, resident name, phone or ID number. */
  query: optionalText(40),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  ...paging,
});

/** What the counter clerk types; name, ID number and phone are checked in core so every problem is named at once. */
export const requestAcceptInput = z.object({
  communityId: id.optional(),
  matterId: id.optional(),
  residentName: z.string().max(60, { error: 'tooLong' }).default(''),
  residentPhone: z.string().max(40, { error: 'tooLong' }).default(''),
  residentIdNumber: z.string().max(40, { error: 'tooLong' }).default(''),
  residentAddress: z.string().trim().max(120, { error: 'tooLong' }).default(''),
  channel: z.enum(REQUEST_CHANNELS, { error: 'notAllowed' }).default('counter'),
  notes: z.string().trim().max(500, { error: 'tooLong' }).default(''),
  /** A request taken earlier (from the hotline log or a home visit) and registered now; today when absent. */
  acceptedOn: calendarDay.optional(),
});

const requestRef = { id, version: z.number().int().min(1).optional() };
export const requestStartInput = z.object({
  ...requestRef,
  assigneeKind: z.enum(ASSIGNEE_KINDS, { error: 'notAllowed' }),
  /** staff: the clerk's name; member / volunteer: taken from the record when its id is given. */
  assigneeName: optionalText(40),
  memberId: id.optional(),
  volunteerId: id.optional(),
});
const satisfaction = z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(1, { error: 'satisfactionRange' }).max(5, { error: 'satisfactionRange' });
export const requestCompleteInput = z.object({
  ...requestRef,
  result: text(1, 500),
  satisfaction: satisfaction.optional(),
  satisfactionComment: optionalText(200),
});
export const requestRateInput = z.object({ ...requestRef, satisfaction, satisfactionComment: optionalText(200) });
export const requestTransferInput = z.object({ ...requestRef, transferredTo: text(2, 80), reason: text(2, 200) });
export const requestReturnInput = z.object({ ...requestRef, guidanceTo: text(2, 120), note: optionalText(200) });
export const requestPauseInput = z.object({ ...requestRef, missingDocuments: text(2, 200) });
export const requestResumeInput = z.object(requestRef);
export const requestExtendInput = z.object({
  ...requestRef,
  days: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(1, { error: 'tooSmall' }).max(30, { error: 'tooBig' }),
  reason: text(2, 200),
});
export const residentHistoryInput = z.object({ phone: optionalText(40), idNumber: optionalText(40) });

export const counterTodayInput = z.object({ communityId: id.optional() });
export const counterStatsInput = z.object({ period: yearMonth, communityId: id.optional() });

export const workdaysDueInput = z.object({
  from: calendarDay,
  days: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(0, { error: 'tooSmall' }).max(365, { error: 'tooBig' }),
});
export const workdayOverrideListInput = z.object({ year: z.number().int().min(2000).max(2100).optional() });
export const workdayOverrideSaveInput = z.object({
  id: id.optional(),
  date: calendarDay,
  kind: z.enum(['workday', 'holiday'], { error: 'notAllowed' }),
  dayName: z.string().trim().max(40, { error: 'tooLong' }).default(''),
});
export const idInput = z.object({ id });

export const teamSaveInput = z.object({
  id: id.optional(),
  teamName: text(2, 40),
  skill: z.enum(TEAM_SKILLS, { error: 'notAllowed' }),
  leader: optionalText(40),
  description: optionalText(200),
  active: z.boolean().default(true),
});
export const volunteerListInput = z.object({ teamId: id.optional(), includeInactive: z.boolean().default(false) });
export const volunteerSaveInput = z.object({
  id: id.optional(),
  /** A Party member on the roll (name and phone come from the archive), or a resident by name. */
  memberId: id.nullable().optional(),
  volunteerName: z.string().max(60, { error: 'tooLong' }).default(''),
  phone: z.string().max(40, { error: 'tooLong' }).default(''),
  skills: optionalText(200),
  teamId: id.nullable().optional(),
  active: z.boolean().default(true),
});
export const serviceRecordListInput = z.object({ volunteerId: id.optional(), teamId: id.optional(), period: yearMonth.optional(), ...paging });
export const serviceRecordCreateInput = z.object({
  volunteerId: id,
  servedOn: calendarDay,
  hours: z.number({ error: 'notANumber' }).min(0.5, { error: 'hoursRange' }).max(24, { error: 'hoursRange' }),
  content: text(2, 200),
  requestId: id.optional(),
});
export const memberHoursInput = z.object({ memberId: id });

export const merchantListInput = z.object({ includeInactive: z.boolean().default(false) });
export const merchantSaveInput = z.object({
  id: id.optional(),
  merchantName: text(2, 60),
  category: z.enum(MERCHANT_CATEGORIES, { error: 'notAllowed' }),
  address: text(2, 120),
  walkMinutes: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(0, { error: 'tooSmall' }).max(120, { error: 'tooBig' }).nullable().optional(),
  offer: text(2, 300),
  contact: optionalText(40),
  phone: z.string().max(40, { error: 'tooLong' }).default(''),
  agreementStart: calendarDay,
  agreementEnd: calendarDay,
  active: z.boolean().default(true),
});
