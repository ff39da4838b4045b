// Printing's part of the contract: each document's data ready to print (public boards already masked in
// core), the service station's contact block, the commitments posted on the board, and the print log.
import { z } from 'zod';
import type { MethodSpec } from './contract';
import { ADMINISTRATION } from './contract-rules';
import { id, memberListInput, text } from './schemas';
import type { ListClass, TeamSkill } from './schemas-counter';
import { MEMBER_FIELDS } from '../members/fields';

export const PRINT_DOCS = ['roster', 'threeLists', 'board', 'letter', 'slip', 'lifeMinutes', 'lifeSignIn', 'lifeBook', 'lifeTally', 'duesReceipt', 'duesBoard', 'govBoard', 'govProjects', 'govDecision', 'duesRemittance', 'duesStatement', 'developRecord', 'developRegister', 'briefing', 'developPlan'] as const;
export type PrintDoc = (typeof PRINT_DOCS)[number];
export const BOARD_KINDS = ['volunteers', 'commitments', 'probationary', 'developCandidates', 'developFull'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

/**
 * The roster's standard columns (what an organization department checks), printed when the view names
 * none; the members page adds the columns the clerk picks in the preview.
 */
export const DEFAULT_ROSTER_COLUMNS = ['name', 'sex', 'ethnicity', 'birthDate', 'education', 'category', 'joinDate', 'fullDate', 'idNumber', 'phone', 'address'];

const memberColumn = z.enum(MEMBER_FIELDS.map((f) => f.key) as [string, ...string[]], { error: 'notAllowed' });
const optionalText = (max: number) => z.string().trim().max(max, { error: 'tooLong' }).default('');
const year = z.number({ error: 'notANumber' }).int({ error: 'notAnInteger' }).min(2000, { error: 'tooSmall' }).max(2100, { error: 'tooBig' });

export const printRosterInput = memberListInput.omit({ offset: true, limit: true, status: true }).extend({
  columns: z.array(memberColumn).max(40, { error: 'tooLong' }).optional(),
});
export const printBoardInput = z.object({
  kind: z.enum(BOARD_KINDS, { error: 'notAllowed' }),
  orgId: id.optional(),
  /** Commitments: the year posted (default this year). */
  year: year.optional(),
});
export const printRecordInput = z.object({
  doc: z.enum(PRINT_DOCS, { error: 'notAllowed' }),
  params: z.record(z.string().max(40), z.string().max(200)).default({}),
  action: z.enum(['print', 'pdf'], { error: 'notAllowed' }),
  records: z.number().int().min(0).max(1_000_000),
});
export const stationSaveInput = z.object({
  stationName: optionalText(60),
  address: optionalText(120),
  postcode: z.string().trim().regex(/^(\d{6})?$/, { error: 'postcodeFormat' }).default(''),
  phone: optionalText(40),
  hours: optionalText(80),
});
export const commitmentSaveInput = z.object({
  id: id.optional(),
  memberId: id,
  year,
  commitment: text(1, 300),
});

export const printMethods = {
  'print.roster': { input: printRosterInput, access: 'viewer', write: false },
  'print.threeLists': { input: z.object({}).strict().default({}), access: 'viewer', write: false },
  'print.board': { input: printBoardInput, access: 'viewer', write: false },
  // An introduction letter is an official document a clerk issues; a viewer may read the transfer, not print it.
  'print.letter': { input: z.object({ transferId: id }), access: 'clerk', write: false, scope: 'record' },
  'print.slip': { input: z.object({ requestId: id }), access: 'viewer', write: false, scope: 'record' },
  // Printing or saving a document with personal data is a logged action (docs/domain.md §9): an audit entry only.
  'print.record': { input: printRecordInput, access: 'viewer', write: true, freeze: { none: 'an audit entry only: no record changes' }, scope: { street: 'logs what the caller printed, which they could already see' } },
  'station.get': { input: z.object({}).strict().default({}), access: 'viewer', write: false },
  'station.save': { input: stationSaveInput, access: 'admin', write: true, ...ADMINISTRATION },
  'commitments.list': { input: z.object({ year: year.optional() }), access: 'viewer', write: false },
  'commitments.save': { input: commitmentSaveInput, access: 'clerk', write: true, freeze: { none: 'commitments are posted by year, not counted in the return' }, scope: 'record' },
  'commitments.delete': { input: z.object({ id }), access: 'clerk', write: true, freeze: { none: 'commitments are posted by year, not counted in the return' }, scope: 'record' },
} as const satisfies Record<string, MethodSpec>;

/** The service station's block on the board, the slip and the letter's sender (empty strings when not set). */
export interface StationProfile {
  stationName: string;
  address: string;
  postcode: string;
  phone: string;
  hours: string;
}

/**
 * What a public or outgoing paper needs that is not filled in: a setting of the service station, or (on a
 * letter) the month the dues were paid to. The preview names them and offers to fill them in; the paper
 * itself only ever leaves a blank line for handwriting.
 */
export type MissingItem = keyof StationProfile | 'duesPaidTo';

/**
 * A date as official papers write it: 2026-12-03 → 2026年12月3日 (2026-12 → 2026年12月); other text and
 * English papers keep it as it is.
 */
export function paperDate(value: string, lang: string): string {
  if (lang === 'en') return value;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value.trim());
  if (!m) return value;
  return `${m[1]}年${m[2] ? `${Number(m[2])}月` : ''}${m[3] ? `${Number(m[3])}日` : ''}`;
}

export interface PrintHeading {
  street: string;
  district: string;
  /** The organization the document is for (the street committee for the whole street). */
  unit: string;
  /** The community of the unit, when it lies inside one. */
  community: string | null;
  /** YYYY-MM-DD, the day the data was read. */
  printedOn: string;
}

export interface RosterGroup {
  orgId: number;
  branch: string;
  /** Cell texts in the order of `columns`. */
  rows: string[][];
}

export interface PrintRoster {
  heading: PrintHeading;
  columns: string[];
  groups: RosterGroup[];
  total: number;
}

export interface ThreeListsMatter {
  name: string;
  materials: string[];
  limitDays: number;
  responsiblePost: string;
  fee: string;
}

export interface PrintThreeLists {
  heading: PrintHeading;
  station: StationProfile;
  sections: { listClass: ListClass; matters: ThreeListsMatter[] }[];
  missing: MissingItem[];
}

/** A group of a public board: a branch, or a volunteer team with its field of service and its leader. */
export interface BoardGroup {
  title: string;
  rows: string[][];
  team?: { skill: TeamSkill; leader: string };
}

/** A public board: every cell already masked in core (one mask, docs/domain.md §9). */
export interface PrintBoard {
  kind: BoardKind;
  heading: PrintHeading;
  year: number | null;
  columns: string[];
  groups: BoardGroup[];
  total: number;
  /** Where residents send their comments during the notice period: the service station's office contacts. */
  contact: StationProfile;
  /** The notice period of a probationary-members board: 5 working days from the next working day. */
  noticePeriod: { from: string; to: string; workdays: number } | null;
  missing: MissingItem[];
}

export interface PrintLetter {
  transferId: number;
  letterNumber: string;
  direction: 'in' | 'out' | 'within';
  memberName: string;
  sex: string;
  age: number | null;
  ethnicity: string;
  category: 'full' | 'probationary';
  idNumber: string;
  memberPhone: string;
  fromOrgName: string;
  toOrgName: string;
  issuedOn: string;
  validDays: number;
  validUntil: string;
  duesPaidTo: string | null;
  sender: StationProfile;
  heading: PrintHeading;
  /** How many times the letter was printed or saved before: more than 0 makes this copy a reprint. */
  previousPrints: number;
  missing: MissingItem[];
}

export interface PrintSlip {
  requestId: number;
  number: string;
  matterName: string;
  listClass: ListClass;
  communityName: string;
  residentName: string;
  acceptedOn: string;
  dueOn: string;
  limitDays: number;
  /** What the resident still has to bring: the missing documents asked for, else the matter's materials. */
  materialsNeeded: string[];
  waitingForDocuments: boolean;
  station: StationProfile;
  heading: PrintHeading;
  /** The clerk who accepted the request (their display name). */
  acceptedBy: string;
  missing: MissingItem[];
}

export interface CommitmentInfo {
  id: number;
  memberId: number;
  memberName: string;
  branch: string;
  year: number;
  commitment: string;
  updatedAt: string;
}

export interface PrintOutputs {
  'print.roster': PrintRoster;
  'print.threeLists': PrintThreeLists;
  'print.board': PrintBoard;
  'print.letter': PrintLetter;
  'print.slip': PrintSlip;
  'print.record': { recorded: true; previousPrints: number };
  'station.get': StationProfile;
  'station.save': StationProfile;
  'commitments.list': CommitmentInfo[];
  'commitments.save': CommitmentInfo;
  'commitments.delete': { id: number };
}
