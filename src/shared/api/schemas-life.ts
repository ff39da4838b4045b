// Input schemas of organizational life (组织生活): meetings with the attendance of the day, the rules a
// locality sets, the democratic appraisal. Messages are problem keys of shared/i18n (messages-life.ts).
import { z } from 'zod';
import { calendarDay, id, text } from './schemas';

export const MEETING_TYPES = ['branch-meeting', 'committee', 'group', 'lecture', 'theme-day', 'life-meeting', 'talk'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_STATUSES = ['planned', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ATTENDANCE_STATES = ['present', 'absent', 'leave'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];
export const LIFE_FREQUENCIES = ['month', 'quarter', 'year'] as const;
export type LifeFrequency = (typeof LIFE_FREQUENCIES)[number];
export const APPRAISAL_GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];
/** Why a held meeting does not count: a 党员大会 or a 支委会 without more than half present. */
export type MeetingInvalidReason = 'noQuorum' | 'noCommitteeQuorum';

const optionalText = (max: number) => z.string().trim().max(max, { error: 'tooLong' }).default('');
const year = z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(1949, { error: 'tooSmall' }).max(2999, { error: 'tooBig' });
const meetingType = z.enum(MEETING_TYPES, { error: 'notAllowed' });

/** An exception to the roster ticked present: absent or on leave, with the reason. */
export const absenceInput = z.object({
  memberId: id,
  state: z.enum(['absent', 'leave'], { error: 'notAllowed' }),
  reason: z.string().trim().max(100, { error: 'tooLong' }).default(''),
});

export const meetingSaveInput = z.object({
  /** Absent: a new meeting; present: the meeting to change, at `version`. */
  id: id.optional(),
  version: z.number().int().min(1).optional(),
  orgId: id,
  /** Other branches that met jointly: the meeting counts for each of them too. */
  jointOrgIds: z.array(id).max(20, { error: 'tooLong' }).default([]),
  meetingType,
  heldOn: calendarDay,
  status: z.enum(MEETING_STATUSES, { error: 'notAllowed' }).default('held'),
  time: optionalText(20),
  place: optionalText(80),
  host: optionalText(20),
  recorder: optionalText(20),
  topic: text(1, 120),
  content: optionalText(4000),
  decisions: optionalText(2000),
  /** Everyone on the roster of the day not named here was present. */
  absences: z.array(absenceInput).max(2000, { error: 'tooLong' }).default([]),
});

export const meetingListInput = z.object({
  orgId: id.optional(),
  meetingType: meetingType.optional(),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  limit: z.number().int().min(1).max(2000).default(500),
});

export const meetingGetInput = z.object({ id });

export const meetingDeleteInput = z.object({ id, version: z.number().int().min(1) });

export const rosterInput = z.object({ orgId: id, meetingType: meetingType.default('branch-meeting'), heldOn: calendarDay, jointOrgIds: z.array(id).max(20).default([]) });

/**
 * A year, or a quarter or a month of it: the meetings whose period ends within it are due there (a quarterly
 * 党员大会 in the quarter and in its last month, a yearly 组织生活会 in the fourth quarter and in December).
 */
export const complianceInput = z
  .object({
    year,
    quarter: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(1, { error: 'tooSmall' }).max(4, { error: 'tooBig' }).optional(),
    month: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(1, { error: 'tooSmall' }).max(12, { error: 'tooBig' }).optional(),
    orgId: id.optional(),
    communityId: id.optional(),
  })
  .refine((v) => v.quarter === undefined || v.month === undefined, { error: 'notAllowed', path: ['month'] });

export const calendarInput = z.object({ year, month: z.number().int().min(1, { error: 'tooSmall' }).max(12, { error: 'tooBig' }) });

export const participationInput = z.object({ memberId: id });

export const lifeRulesInput = z.object({
  frequencies: z.partialRecord(meetingType, z.enum(LIFE_FREQUENCIES, { error: 'notAllowed' })).default({}),
  activityWeek: z.number().int().min(1, { error: 'tooSmall' }).max(4, { error: 'tooBig' }).optional(),
  /** A branch's fixed day of the activity week, 1 = Monday … 7 = Sunday; null clears it. */
  orgDays: z.array(z.object({ orgId: id, weekday: z.number().int().min(1, { error: 'tooSmall' }).max(7, { error: 'tooBig' }).nullable() })).max(2000).default([]),
});

export const appraisalGradeInput = z.object({
  memberId: id,
  grade: z.enum(APPRAISAL_GRADES, { error: 'notAllowed' }),
  /** The organization's handling of a 不合格 member (限期改正, 劝其退党 …). */
  followUp: z.string().trim().max(200, { error: 'tooLong' }).default(''),
});

export const appraisalSaveInput = z.object({
  orgId: id,
  year,
  heldOn: calendarDay,
  grades: z.array(appraisalGradeInput).min(1, { error: 'required' }).max(2000, { error: 'tooLong' }),
});

export const appraisalGetInput = z.object({ orgId: id, year });
