// Input schemas of the contract. Messages are problem keys of shared/i18n `fieldProblems`,
// so the same schema gives zh-CN text in the window and English text in a script.
import { z } from 'zod';
import { checkCommunityCode, checkStreetCode, normalizeDigits, normalizeStreetCode } from '../division-code';
import { isRealDate, parseLooseDate } from '../validators/loose-date';

export const ROLES = ['admin', 'clerk', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const text = (min: number, max: number) =>
  z
    .string({ error: 'required' })
    .transform((s) => s.replace(/\u3000/g, ' ').trim())
    .pipe(z.string().min(min, { error: min <= 1 ? 'required' : 'tooShort' }).max(max, { error: 'tooLong' }));

export const streetName = text(2, 40);
export const districtName = text(2, 40);

export const streetCode = z
  .string({ error: 'required' })
  .transform(normalizeDigits)
  .superRefine((code, ctx) => {
    if (code === '') {
      ctx.addIssue({ code: 'custom', message: 'required', input: code });
      return;
    }
    const problem = checkStreetCode(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: code });
  })
  .transform(normalizeStreetCode);

export const communityCode = z
  .string()
  .transform(normalizeDigits)
  .superRefine((code, ctx) => {
    const problem = checkCommunityCode(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: code });
  });

export const username = z
  .string({ error: 'required' })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(2, { error: 'tooShort' })
      .max(32, { error: 'tooLong' })
      .regex(/^[\p{L}\p{N}_.-]+$/u, { error: 'usernameChars' }),
  );

export const displayName = text(1, 32);

export const newPassword = z
  .string({ error: 'required' })
  .min(8, { error: 'passwordTooShort' })
  .max(64, { error: 'tooLong' })
  .refine((p) => /\p{L}/u.test(p) && /\p{N}/u.test(p), { error: 'passwordWeak' });

/** A password being checked, not set: any non-empty string. */
export const password = z.string({ error: 'required' }).min(1, { error: 'required' }).max(256, { error: 'tooLong' });

export const role = z.enum(ROLES, { error: 'notAllowed' });
export const language = z.enum(LANGUAGES, { error: 'notAllowed' });

export const streetProfileInput = z.object({
  name: streetName,
  code: streetCode,
  districtName,
  /** The prefix of the street's introduction letter numbers (东华门组转); blank: the default from the street's name. */
  letterPrefix: z
    .string()
    .transform((s) => s.replace(/\u3000/g, ' ').trim())
    .pipe(z.string().max(20, { error: 'tooLong' }).regex(/^[^〔〕[\]（）()\s]*$/u, { error: 'letterPrefixBrackets' }))
    .optional(),
});
export type StreetProfileInput = z.input<typeof streetProfileInput>;

export const setupInput = z.object({
  street: streetProfileInput,
  admin: z.object({ username, displayName, password: newPassword }),
  language: language.default('zh-CN'),
});

// A login name past any account's length is refused before it is looked up or written to the audit trail
// (a failed login records the name typed): a hostile 12 KB name would bloat the trail, and PostgreSQL's
// index on audit_log.username refuses it outright.
export const loginInput = z.object({ username: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(64, { error: 'tooLong' }), password });

export const userCreateInput = z.object({
  username,
  displayName,
  role,
  scopeCommunityCode: communityCode.nullable().default(null),
  password: newPassword,
});

export const userUpdateInput = z.object({
  id: z.number().int().positive(),
  displayName: displayName.optional(),
  role: role.optional(),
  scopeCommunityCode: communityCode.nullable().optional(),
  disabled: z.boolean().optional(),
});

export const settingsInput = z.object({
  idleLockMinutes: z
    .number({ error: 'notANumber' })
    .int({ error: 'notAnInteger' })
    .min(1, { error: 'tooSmall' })
    .max(240, { error: 'tooBig' }),
});

export const auditListInput = z.object({
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(64).optional(),
  /** Inclusive dates, YYYY-MM-DD, in local time. */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dateFormat' }).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dateFormat' }).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const backupRestoreInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('backup'), name: z.string().regex(/^[\w.-]+\.db$/, { error: 'invalidFormat' }) }),
  z.object({
    kind: z.literal('upload'),
    fileName: z.string().max(260),
    bytes: z.instanceof(Uint8Array, { error: 'required' }),
  }),
]);

export const MEMBER_SORT_FIELDS = ['name', 'joinDate', 'fullDate', 'birthDate', 'category', 'branch', 'idNumber', 'updatedAt', 'leftOn'] as const;
export type MemberSortField = (typeof MEMBER_SORT_FIELDS)[number];

export const id = z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).positive({ error: 'tooSmall' });

/** The overview's age bands (age on today, by birth date): the members page filters by the same ones. */
export const AGE_BANDS = ['under35', 'from35to45', 'from46to60', 'from61to70', 'over70', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const memberListInput = z.object({
  /** The organization whose subtree is shown; the whole street when absent. */
  orgId: id.optional(),
  status: z.enum(['active', 'history'], { error: 'notAllowed' }).default('active'),
  /** Name, pinyin initials or full pinyin (zsf, zhangsanfeng), ID number or phone. */
  query: z.string().trim().max(40, { error: 'tooLong' }).optional(),
  communityId: id.optional(),
  gridId: id.optional(),
  category: z.enum(['full', 'probationary'], { error: 'notAllowed' }).optional(),
  /** The first digit of the occupation code (0 in service … 5 other). */
  occupationGroup: z.enum(['0', '1', '2', '3', '4', '5'], { error: 'notAllowed' }).optional(),
  mobile: z.boolean().optional(),
  lostContact: z.boolean().optional(),
  hardship: z.boolean().optional(),
  inServiceRegistered: z.boolean().optional(),
  volunteer: z.boolean().optional(),
  /** Age on today in one of the overview's bands; `unknown`: no birth date. */
  ageBand: z.enum(AGE_BANDS, { error: 'notAllowed' }).optional(),
  /** A code of the education table (the overview's education chart); null: none recorded. */
  education: z.string().trim().min(1, { error: 'required' }).max(10, { error: 'tooLong' }).nullable().optional(),
  /** The year of joining the Party (入党年份). */
  joinYear: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(1900, { error: 'tooSmall' }).max(2999, { error: 'tooBig' }).optional(),
  sort: z
    .array(z.object({ field: z.enum(MEMBER_SORT_FIELDS, { error: 'notAllowed' }), dir: z.enum(['asc', 'desc'], { error: 'notAllowed' }) }))
    .max(3, { error: 'tooLong' })
    .default([]),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const ORG_LEVELS = ['street_committee', 'community_committee', 'general_branch', 'branch', 'party_group'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export const ORG_CATEGORIES = ['regional', 'functional', 'interest', 'enterprise', 'social_org'] as const;
export type OrgCategory = (typeof ORG_CATEGORIES)[number];
export const GRID_KINDS = ['block', 'building', 'unit'] as const;

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dateFormat' });
const optionalDay = isoDay.nullable().optional();

export const orgTreeInput = z.object({
  includeClosed: z.boolean().default(false),
  /**
   * Every organization of the street, as the receiving side of a move within the street: for a user limited to
   * one community, those outside it come by name only (no counts, no secretary) and marked `inScope: false`.
   */
  destinations: z.boolean().default(false),
});

export const orgCreateInput = z.object({
  parentId: id,
  name: text(2, 60),
  level: z.enum(ORG_LEVELS, { error: 'notAllowed' }),
  category: z.enum(ORG_CATEGORIES, { error: 'notAllowed' }).default('regional'),
  communityId: id.nullable().optional(),
  gridId: id.nullable().optional(),
  hasCommittee: z.boolean().default(false),
  termStart: optionalDay,
  termEnd: optionalDay,
});

export const orgUpdateInput = z.object({
  id,
  name: text(2, 60).optional(),
  category: z.enum(ORG_CATEGORIES, { error: 'notAllowed' }).optional(),
  communityId: id.nullable().optional(),
  gridId: id.nullable().optional(),
  hasCommittee: z.boolean().optional(),
  termStart: optionalDay,
  termEnd: optionalDay,
});

/** `position`: the place among the new parent's open organizations, 0 first; last when not given. */
export const orgMoveInput = z.object({ id, parentId: id, position: z.number().int().min(0).optional() });

export const orgCloseInput = z.object({ id, closedOn: isoDay, reason: text(2, 200) });

export const communitySaveInput = z.object({
  id: id.optional(),
  name: text(2, 40),
  divisionCode: communityCode,
  households: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(0, { error: 'tooSmall' }).nullable().optional(),
  population: z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(0, { error: 'tooSmall' }).nullable().optional(),
  officeArea: z.number({ error: 'notANumber' }).min(0, { error: 'tooSmall' }).nullable().optional(),
  activityArea: z.number({ error: 'notANumber' }).min(0, { error: 'tooSmall' }).nullable().optional(),
});

export const gridSaveInput = z.object({
  id: id.optional(),
  communityId: id,
  name: text(1, 40),
  kind: z.enum(GRID_KINDS, { error: 'notAllowed' }).default('block'),
  coverage: z.string().trim().max(200, { error: 'tooLong' }).default(''),
});

/** A member's fields by key (fields.ts), as typed, pasted or picked: text, numbers, yes/no, or null to clear. */
export const memberFields = z.record(
  z.string().max(40),
  z.union([z.string().max(400, { error: 'tooLong' }), z.number(), z.boolean(), z.null()]),
);

export const memberCreateInput = z.object({ orgId: id, fields: memberFields });
export const memberUpdateInput = z.object({ id, version: z.number().int().min(1), fields: memberFields });
/**
 * The ways a member leaves the roll (docs/domain.md §2): 组织关系转出, 死亡, and 出党 in its four kinds (开除党籍,
 * 除名, 自行脱党, 退党). 停止党籍 is not among them: it is a standing the member may be restored from.
 */
export const LEFT_REASONS = ['transfer_out', 'death', 'expelled', 'struck_off', 'lapsed', 'withdrew'] as const;
/** The kinds of 出党 (leaving the Party), counted together as 出党 in statistics. */
export const LEAVING_PARTY_REASONS = ['expelled', 'struck_off', 'lapsed', 'withdrew'] as const;
export const memberLeaveInput = z.object({
  id,
  version: z.number().int().min(1),
  on: isoDay,
  reason: z.enum(LEFT_REASONS, { error: 'notAllowed' }),
  note: z.string().trim().max(200, { error: 'tooLong' }).optional(),
});
/** 停止党籍 (suspended) and 恢复党籍 (restored to normal): the member stays on the roll either way. */
export const memberStandingInput = z.object({
  id,
  version: z.number().int().min(1),
  standing: z.enum(['normal', 'suspended'], { error: 'notAllowed' }),
  on: isoDay,
  note: z.string().trim().max(200, { error: 'tooLong' }).optional(),
});

/** The members page's view as a file: its filters and sort, and the columns shown (member field keys). */
export const memberExportInput = memberListInput.omit({ offset: true, limit: true }).extend({
  columns: z.array(z.string().max(40)).max(60).optional(),
  /** view: the page's columns under a title row; national: the national system's 16 items, its names and order. */
  layout: z.enum(['view', 'national'], { error: 'notAllowed' }).default('view'),
});

// ——— transfers of membership (组织关系转接, docs/domain.md §3) ———

export const TRANSFER_DIRECTIONS = ['in', 'out', 'within'] as const;
export type TransferDirection = (typeof TRANSFER_DIRECTIONS)[number];
/** `expired` is worked out on read (a letter past its validity while still issued); it may also be stored. */
export const TRANSFER_STATUSES = ['issued', 'received', 'receipt_returned', 'expired', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const TRANSFER_VALID_DAYS = { default: 10, min: 1, max: 92 } as const;

/** A calendar day that exists (no 2026-02-30): transfer dates are counted with. */
export const calendarDay = isoDay.refine((d) => isRealDate(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))), {
  error: 'dateInvalid',
});

/** Dues paid up to a month (党费交至): 2026-03, 2026.3, 2026年3月 are read as 2026-03; a day given is cut to its month; blank is none. */
const yearMonth = z
  .string()
  .transform((s, ctx): string | null => {
    if (s.trim() === '') return null;
    const date = parseLooseDate(s.trim(), { allowFuture: true });
    if (date.ok) return date.value.slice(0, 7);
    ctx.addIssue({ code: 'custom', message: 'monthFormat', input: s });
    return z.NEVER;
  });

const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;

export const transferListInput = z.object({
  status: z.enum(TRANSFER_STATUSES, { error: 'notAllowed' }).optional(),
  direction: z.enum(TRANSFER_DIRECTIONS, { error: 'notAllowed' }).optional(),
  /** Issued or received and not yet closed: the sending organization is still responsible. */
  open: z.boolean().optional(),
  /** The letter expired while issued, or (out) the receipt is not back a month after receipt/issue. */
  overdue: z.boolean().optional(),
  memberId: id.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const transferCreateInput = z.object({
  direction: z.enum(TRANSFER_DIRECTIONS, { error: 'notAllowed' }),
  /**
   * 介绍信编号, unique per direction (out and within share the street's own register); full-width digits and
   * letters are read as half-width. Blank on out and within: the street's next number is given.
   */
  letterNumber: z
    .string()
    .max(40, { error: 'tooLong' })
    .transform((s) => s.replace(/\u3000/g, ' ').trim().replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .optional(),
  /** out and within: the member on the roll who leaves. */
  memberId: id.optional(),
  /** in: the person arriving, as the letter names them (the name and ID number are checked in core). */
  person: z
    .object({
      name: z.string({ error: 'required' }).max(60, { error: 'tooLong' }),
      idNumber: z.string({ error: 'required' }).max(40, { error: 'tooLong' }),
      category: z.enum(['full', 'probationary'], { error: 'notAllowed' }),
    })
    .optional(),
  issuedOn: calendarDay,
  validDays: z
    .number({ error: 'notANumber' })
    .int({ error: 'notAnInteger' })
    .min(TRANSFER_VALID_DAYS.min, { error: 'validDaysRange' })
    .max(TRANSFER_VALID_DAYS.max, { error: 'validDaysRange' })
    .default(TRANSFER_VALID_DAYS.default),
  /** Each side is an organization of the tree (…OrgId) or, outside the street, its name (…OrgName). */
  fromOrgId: id.optional(),
  fromOrgName: text(2, 100).optional(),
  toOrgId: id.optional(),
  toOrgName: text(2, 100).optional(),
  duesPaidTo: yearMonth.nullable().optional(),
  note: z.string().trim().max(200, { error: 'tooLong' }).optional(),
});

/** The number the street's next letter issued on that day would get (not kept: the letter takes it when issued). */
export const transferNextNumberInput = z.object({ issuedOn: calendarDay });
export const transferReceiveInput = z.object({ id, on: calendarDay });
export const transferReturnReceiptInput = z.object({
  id,
  on: calendarDay,
  /** An out letter still marked issued: the day the receiving side took the member in (the receipt says); `on` if not given. */
  receivedOn: calendarDay.optional(),
});
export const transferCancelInput = z.object({ id, on: calendarDay, reason: text(2, 200) });

// ——— officers of an organization (书记, 委员, 兼职委员, 党小组长) ———

export const OFFICER_POSTS = ['secretary', 'deputy_secretary', 'committee_member', 'group_leader', 'part_time'] as const;
export type OfficerPost = (typeof OFFICER_POSTS)[number];
export const PART_TIME_KINDS = ['unit_leader', 'police', 'cadre', 'other'] as const;
export type PartTimeKind = (typeof PART_TIME_KINDS)[number];

export const officerListInput = z.object({ orgId: id });

/** Without `id` a new officer; with it, a change to one (`updatedAt` as read, so a newer change is not lost). */
export const officerSaveInput = z.object({
  id: id.optional(),
  updatedAt: z.string().max(40).optional(),
  orgId: id,
  post: z.enum(OFFICER_POSTS, { error: 'notAllowed' }),
  /** A member on the roll (the officer then carries the member's name), or … */
  memberId: id.nullable().optional(),
  /** … a person outside the roll of this street, by name (a community police officer, a unit's leader). */
  personName: z.string().max(60, { error: 'tooLong' }).optional(),
  partTimeKind: z.enum(PART_TIME_KINDS, { error: 'notAllowed' }).nullable().optional(),
  /** 分工: 组织委员, 宣传委员, 纪检委员 … */
  duty: z.string().trim().max(60, { error: 'tooLong' }).default(''),
  termStart: calendarDay.nullable().optional(),
  termEnd: calendarDay.nullable().optional(),
});

/** Ends a term: the officer stays on record with the day the term ended. */
export const officerEndTermInput = z.object({ id, updatedAt: z.string().max(40), termEnd: calendarDay });

export const codeTableName = z.enum(['ethnicity', 'education', 'occupation'], { error: 'notAllowed' });
/** A clerk's word for a code: 电大 in 学历 means 31 (大学专科). */
export const codeMapping = z.object({
  table: codeTableName,
  text: z.string().trim().min(1, { error: 'required' }).max(60, { error: 'tooLong' }),
  code: z.string().trim().min(1, { error: 'required' }).max(10, { error: 'tooLong' }),
});
export const codeMappingsInput = z.object({ mappings: z.array(codeMapping).min(1, { error: 'required' }).max(500) });
export const codeSynonymRemoveInput = z.object({ table: codeTableName, text: z.string().max(60) });

export const memberImportInput = z.object({
  fileName: z.string().max(260),
  bytes: z.instanceof(Uint8Array, { error: 'required' }),
  sheet: z.string().max(100).optional(),
  /** Header text or 1-based column number → member field key, or null to leave a column out. */
  mapping: z.record(z.string().max(100), z.string().max(40).nullable()).optional(),
  headerRow: z.number().int().min(1).max(50).optional(),
  onDuplicate: z.enum(['skip', 'update'], { error: 'notAllowed' }).default('skip'),
  createMissingBranches: z.boolean().default(false),
  /**
   * Words mapped to codes for this run only (a dry run shows their effect before they are stored): resolved
   * ones (the wizard) or the command line's `列名=原文:代码名称` texts, which the import resolves and refuses by name.
   */
  valueMappings: z.array(z.union([codeMapping, z.string().trim().min(1).max(200)])).max(500).optional(),
  /** The community the roster's branches are in, for rows without a 所在社区 cell. */
  communityId: z.number().int().positive().optional(),
  /** The same by name, as the command line's --community gives it; an unknown name is refused listing the communities. */
  communityName: z.string().trim().min(1).max(100).optional(),
});

export const gridLayoutInput = z.object({
  grid: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1, { error: 'required' }).max(40, { error: 'tooLong' }).default('默认'),
  /** The grid's column state as the UI keeps it (order, width, hidden). */
  layout: z.string().max(20_000, { error: 'tooLong' }),
});

/** The demo street (CLI seed-demo): how many members and service requests, the random seed, the made-up year's last day. */
export const demoSeedInput = z.object({
  members: z.number().int().min(1).max(500_000),
  requests: z.number().int().min(0).max(1_000_000).default(0),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  until: isoDay.optional(),
  /** Five years of organizational life for every branch (seed-demo --meetings). */
  meetings: z.boolean().default(false),
  /** People at every stage of 发展党员 (seed-demo --develop); off by default, so a seeded street's counts stay as tests know them. */
  develop: z.boolean().default(false),
});
