// The member record's fields, one row each — the one place a member field is declared. Per field it says
// how it is kept (the members table's column, and how the value is stored and sent), how a cell of it is
// read and checked (cell-readers.ts), whether it is a grid column (width, hidden at first), its header on
// an export (and on the national system's sheet), the headers and synonyms real rosters use for it, and
// whether it is public on the boards. Its name in both languages is in the catalog (i18n/member-fields.ts).
//
// Driven from this table: the wire record's and the draft's types (MemberRecordValues, MemberDraft), the
// typed schema's columns (core/db/schema.ts), the mapping of a stored row to the wire record and of a
// checked draft back to columns (core/services/members.ts, member-records.ts), the members page's column
// list, the grid's columns, the export's columns and the importer's headers. Adding a field: a migration,
// a row here, its names in the catalog (docs/architecture.md, "Adding a member field").
import type { Language } from '../api/schemas';
import { MEMBER_FIELD_LABELS } from '../i18n/member-fields';
import {
  CATEGORY_WORDS,
  STANDING_WORDS,
  SEX_WORDS,
  readCitizenId,
  readDate,
  readFlag,
  readName,
  readPhone,
  readText,
  readWord,
  type MemberCategory,
  type Reader,
} from './cell-readers';

export type MemberFieldKind =
  | 'name'
  | 'sex'
  | 'ethnicity'
  | 'citizenId'
  | 'date'
  | 'education'
  | 'category'
  | 'organization'
  | 'occupation'
  | 'phone'
  | 'text'
  | 'standing'
  | 'flag'
  | 'grid';

export type CodeTableKey = 'ethnicity' | 'education' | 'occupation';

/** What a stored record's values are filled in from when its draft leaves a field blank. */
export type DraftValues = Readonly<Partial<Record<string, unknown>>>;

/**
 * How a field is kept in `members` and sent on the wire:
 * - text: a TEXT column that may be null; the wire and the draft carry the text (null / absent when blank).
 * - code: a code of a code table in a TEXT column; cells, exports and papers show its label.
 * - flag: an INTEGER 0/1 column (NOT NULL DEFAULT 0); the wire carries true/false. `impliedBy`: a blank
 *   flag is set when that field is given (a 失联时间 makes the member 失联).
 * - value: a NOT NULL column always filled (`otherwise` says from what when the draft has none; `dbDefault`
 *   when the column has a DEFAULT, so an insert may leave it out).
 * - branch: org_id; the wire carries orgId and the organization's name. grid: grid_id and the grid's name.
 * - community: no column; the branch's community (only the roster column COMMUNITY_COLUMN).
 */
export type FieldStore =
  | { readonly as: 'text'; readonly column: string }
  | { readonly as: 'code'; readonly column: string; readonly table: CodeTableKey }
  | { readonly as: 'flag'; readonly column: string; readonly impliedBy?: string }
  | { readonly as: 'value'; readonly column: string; readonly dbDefault?: boolean; readonly otherwise?: (draft: DraftValues) => unknown }
  | { readonly as: 'branch'; readonly column: 'org_id' }
  | { readonly as: 'grid'; readonly column: 'grid_id' }
  | { readonly as: 'community' };

/** Not in a place, and why (so the test can tell a forgotten field from a deliberate one). */
export interface Not {
  readonly not: string;
}

export interface RecordField<K extends string = string, T = unknown, S extends FieldStore = FieldStore, R extends boolean = boolean> {
  readonly key: K;
  readonly kind: MemberFieldKind;
  readonly store: S;
  /** The check: reads a cell as typed, pasted or imported into the stored value, or names the problem. */
  readonly read: Reader<T>;
  /** A row without it cannot become a member record. */
  readonly required: R;
  /** One of the 16 items of the national membership system. */
  readonly national: boolean;
  /** A column of the members grid: its width in px when the kind's default is not right, hidden at first. */
  readonly grid: { readonly width?: number; readonly hidden?: boolean } | Not;
  /** A column of the export (titled with its name); `national`: its header on the national system's sheet. */
  readonly export: { readonly national?: string } | Not;
  /** Other headers clerks write for the same column (compared after removing spaces and punctuation). */
  readonly synonyms: readonly string[];
  /** Printed on the public boards (公示), at this place from the left; absent: never public. */
  readonly board?: number;
}

/** A field as the rest of the program reads it, with its names in both languages. */
export type MemberField = RecordField & { readonly zh: string; readonly en: string };

interface Options<R extends boolean> {
  required?: R;
  national?: boolean;
  grid?: RecordField['grid'];
  export?: RecordField['export'];
  synonyms?: readonly string[];
  board?: number;
}

function def<const K extends string, T, const S extends FieldStore, const R extends boolean = false>(
  key: K,
  kind: MemberFieldKind,
  store: S,
  read: Reader<T>,
  o: Options<R> = {},
): RecordField<K, T, S, R> {
  return { key, kind, store, read, required: (o.required ?? false) as R, national: o.national ?? false, grid: o.grid ?? {}, export: o.export ?? {}, synonyms: o.synonyms ?? [], ...(o.board !== undefined ? { board: o.board } : {}) };
}

// The national 16 items first, in the national system's order, then the community fields.
const RECORD = [
  def('name', 'name', { as: 'value', column: 'name' }, readName, { required: true, national: true, synonyms: ['党员姓名', '名字'], export: { national: '姓名' }, board: 1 }),
  def('sex', 'sex', { as: 'value', column: 'sex' }, readWord(SEX_WORDS, 'sexUnknown'), { national: true, export: { national: '性别' }, board: 2 }),
  def('ethnicity', 'ethnicity', { as: 'code', column: 'ethnicity', table: 'ethnicity' }, readText(20), { national: true, synonyms: ['族别'], export: { national: '民族' }, board: 3 }),
  def('idNumber', 'citizenId', { as: 'value', column: 'id_number' }, readCitizenId, {
    required: true,
    national: true,
    synonyms: ['身份证号码', '身份证号', '身份证', '证件号码', 'ID number', 'ID'],
    export: { national: '公民身份号码' },
  }),
  def('birthDate', 'date', { as: 'value', column: 'birth_date' }, readDate, { national: true, synonyms: ['出生年月', '出生年月日', '出生时间', '生日'], export: { national: '出生日期' }, board: 4 }),
  def('education', 'education', { as: 'code', column: 'education', table: 'education' }, readText(40), { national: true, synonyms: ['文化程度', '最高学历', '学历学位', '全日制学历'], export: { national: '学历' }, board: 5 }),
  def('category', 'category', { as: 'value', column: 'category', otherwise: (d): MemberCategory => (d.fullDate !== undefined ? 'full' : 'probationary') }, readWord(CATEGORY_WORDS, 'categoryUnknown'), {
    national: true,
    synonyms: ['党员类别', '类别', '党员身份', '党员类型', '人员身份', '正式/预备', '正式或预备'],
    export: { national: '人员类别' },
  }),
  def('branch', 'organization', { as: 'branch', column: 'org_id' }, readText(100), {
    required: true,
    national: true,
    // The branch with its community: every community has a 第1网格党支部.
    grid: { width: 200 },
    synonyms: ['党支部', '所属党支部', '所在支部', '支部', '所属支部', '支部名称', '党组织', '所在党组织', '所属党组织', '党组织名称', '所在党组织名称', '所在党支部名称'],
    export: { national: '所在党支部' },
  }),
  def('joinDate', 'date', { as: 'text', column: 'join_date' }, readDate, {
    national: true,
    synonyms: ['入党时间', '入党年月', '入党年月日', '加入党组织日期', '加入党组织时间', '加入中国共产党日期', '入党日期预备'],
    export: { national: '加入党组织日期' },
    board: 7,
  }),
  def('fullDate', 'date', { as: 'text', column: 'full_date' }, readDate, {
    national: true,
    synonyms: ['转正时间', '转正年月', '转正年月日', '转为正式党员日期', '转为正式党员时间', '转正日期正式'],
    export: { national: '转为正式党员日期' },
  }),
  def('occupation', 'occupation', { as: 'code', column: 'occupation', table: 'occupation' }, readText(60), { national: true, synonyms: ['职业', '岗位', '工作岗位类别', '现工作岗位', '职业岗位'], export: { national: '工作岗位' }, board: 6 }),
  def('phone', 'phone', { as: 'text', column: 'phone' }, readPhone, { national: true, synonyms: ['手机', '手机号', '手机号码', '移动电话', '联系手机', '电话', '电话号码', '联系方式'], export: { national: '联系电话' } }),
  // On the board only as its community and building (masking.ts): never the door.
  def('address', 'text', { as: 'text', column: 'address' }, readText(), { national: true, grid: { width: 230 }, synonyms: ['住址', '家庭地址', '现住址', '现居住地', '现居住地址', '居住地址', '家庭住址现居住地'], export: { national: '家庭住址' }, board: 8 }),
  def('standing', 'standing', { as: 'value', column: 'standing', dbDefault: true, otherwise: () => 'normal' }, readWord(STANDING_WORDS, 'standingUnknown'), { national: true, synonyms: ['党籍', '党籍情况'], export: { national: '党籍状态' } }),
  def('lostContactSince', 'date', { as: 'text', column: 'lost_contact_since' }, readDate, { national: true, synonyms: ['失去联系时间', '失去联系日期', '失联日期', '失联年月'], export: { national: '失去联系日期' } }),
  def('mobileDestination', 'text', { as: 'text', column: 'mobile_destination' }, readText(), { national: true, grid: { width: 168 }, synonyms: ['流向', '流动去向', '外出地点', '外出流向地', '流出地'], export: { national: '外出流向' } }),
  def('lostContact', 'flag', { as: 'flag', column: 'lost_contact', impliedBy: 'lostContactSince' }, readFlag, { synonyms: ['是否失联', '是否失联党员'] }),
  def('mobile', 'flag', { as: 'flag', column: 'mobile', impliedBy: 'mobileDestination' }, readFlag, { synonyms: ['是否流动党员', '是否流动'] }),
  def('grid', 'grid', { as: 'grid', column: 'grid_id' }, readText(100), { synonyms: ['网格', '网格名称'] }),
  def('building', 'text', { as: 'text', column: 'building' }, readText(40), { grid: { width: 64 }, synonyms: ['楼号', '楼栋号'] }),
  def('unit', 'text', { as: 'text', column: 'unit' }, readText(40), { grid: { width: 60 }, synonyms: ['单元号'] }),
  def('room', 'text', { as: 'text', column: 'room' }, readText(40), { grid: { width: 64 }, synonyms: ['门牌号', '室', '户室号'] }),
  def('workUnit', 'text', { as: 'text', column: 'work_unit' }, readText(), { grid: { width: 160 }, synonyms: ['单位', '工作单位及职务'] }),
  def('inServiceRegistered', 'flag', { as: 'flag', column: 'in_service_registered' }, readFlag, { synonyms: ['在职党员报到', '到社区报到', '是否报到', '在职报到'] }),
  def('employerOrg', 'text', { as: 'text', column: 'employer_org' }, readText(), { grid: { width: 160, hidden: true }, synonyms: ['所在单位党组织', '工作单位党组织'] }),
  def('hardship', 'flag', { as: 'flag', column: 'hardship' }, readFlag, { synonyms: ['困难党员', '是否困难党员'] }),
  def('skills', 'text', { as: 'text', column: 'skills' }, readText(), { grid: { hidden: true }, synonyms: ['技能', '专长', '个人特长'] }),
  def('volunteer', 'flag', { as: 'flag', column: 'volunteer' }, readFlag, { synonyms: ['是否志愿者', '志愿服务'] }),
  def('nativePlace', 'text', { as: 'text', column: 'native_place' }, readText(60), { grid: { width: 96, hidden: true } }),
  def('workStartDate', 'date', { as: 'text', column: 'work_start_date' }, readDate, { grid: { hidden: true }, synonyms: ['参加工作日期', '工作时间'] }),
] as const;

/** The declarations of the record's fields, with their precise types (for the derived types below). */
export type RecordFieldDef = (typeof RECORD)[number];
export type MemberFieldKey = RecordFieldDef['key'];

type DraftValue<F> = F extends RecordField<string, infer T> ? T : never;

/**
 * The typed values of a member's fields as checked (draft.ts). A field left blank is absent (undefined), so a
 * draft never overwrites a stored value with nothing. Dates are YYYY-MM-DD, or YYYY-MM when the record gives
 * only the month; sex is GB/T 2261.1 (1 male, 2 female); branch and grid are the names as written.
 */
export type MemberDraft = { [F in RecordFieldDef as F['required'] extends true ? F['key'] : never]: DraftValue<F> } & {
  [F in RecordFieldDef as F['required'] extends true ? never : F['key']]?: DraftValue<F>;
};

type WireValue<F extends RecordFieldDef> = F['store'] extends { as: 'flag' }
  ? boolean
  : F['store'] extends { as: 'value' | 'branch' }
    ? DraftValue<F>
    : DraftValue<F> | null;

/** The fields of a member as the contract sends them (MemberRow adds the record's id, state and names). */
export type MemberRecordValues = { [F in RecordFieldDef as F['key']]: WireValue<F> };

/** The members table's column of each field that has one of its own (branch and grid are the record's links). */
export type FieldColumn<F extends RecordFieldDef = RecordFieldDef> = F extends unknown ? (F['store'] extends { as: 'text' | 'code' | 'flag' | 'value'; column: infer C extends string } ? C : never) : never;
/** What a field's column holds: 'nullable' text, a 0/1 'flag', a 'value' always there ('defaulted' when the column has a DEFAULT). */
export type ColumnShape<F extends RecordFieldDef> = F['store'] extends { as: 'flag' }
  ? { shape: 'flag' }
  : F['store'] extends { as: 'value'; dbDefault: true }
    ? { shape: 'defaulted'; value: DraftValue<F> }
    : F['store'] extends { as: 'value' }
      ? { shape: 'value'; value: DraftValue<F> }
      : { shape: 'nullable'; value: DraftValue<F> };

const named = (f: RecordField): MemberField =>
  Object.freeze({
    ...f,
    get zh() {
      return MEMBER_FIELD_LABELS['zh-CN'][f.key as RosterFieldKey];
    },
    get en() {
      return MEMBER_FIELD_LABELS.en[f.key as RosterFieldKey];
    },
  });

export const MEMBER_FIELDS: readonly MemberField[] = RECORD.map((f) => named(f as RecordField));

export const MEMBER_FIELD_BY_KEY: ReadonlyMap<string, MemberField> = new Map(MEMBER_FIELDS.map((f) => [f.key, f]));

/** A field's name in the language asked for (from the catalog). */
export function memberFieldLabel(key: RosterFieldKey, lang: Language): string {
  return MEMBER_FIELD_LABELS[lang][key];
}

/**
 * The national member-information system's 16 items in its order and with its names: the sheet the
 * organization department asks for (`export members --layout national`).
 */
export const NATIONAL_ITEMS: readonly { key: string; header: string }[] = MEMBER_FIELDS.flatMap((f) =>
  'national' in f.export && f.export.national !== undefined ? [{ key: f.key, header: f.export.national }] : [],
);

/**
 * A roster column that is not a field of the record but says where it belongs: the community, which tells
 * apart the 第1网格党支部 of each of a street's communities. The importer reads it; the record keeps the branch
 * (the wire record carries it, read from the branch's community, never typed).
 */
export const COMMUNITY_COLUMN: MemberField = named(
  def('community', 'text', { as: 'community' }, readText(100), {
    // Hidden at first: the branch cell names the community, and at 1366 px another column would push 入党日期 off screen.
    grid: { width: 104, hidden: true },
    export: { not: 'the branch names it; an export of one community is titled with it' },
    synonyms: ['社区', '社区名称', '所属社区', '社区居委会', '居委会'],
  }) as RecordField,
);

/** Every key a roster column may be mapped to, and that the catalog names: the record's fields and the community. */
export type RosterFieldKey = MemberFieldKey | 'community';

/** The members grid's columns: the record's fields with 所在社区 beside the branch. */
export const GRID_FIELDS: readonly MemberField[] = MEMBER_FIELDS.flatMap((f) => (f.key === 'branch' ? [f, COMMUNITY_COLUMN] : [f])).filter((f) => !('not' in f.grid));

/** The grid's columns hidden until the clerk shows them. */
export const GRID_HIDDEN_AT_FIRST: readonly string[] = GRID_FIELDS.filter((f) => 'hidden' in f.grid && f.grid.hidden).map((f) => f.key);

/** The fields an export can have as columns (each titled with its name). */
export const EXPORT_FIELDS: readonly MemberField[] = MEMBER_FIELDS.filter((f) => !('not' in f.export));

/** The columns of the probationary members' public board, left to right. */
export const BOARD_FIELDS: readonly MemberField[] = MEMBER_FIELDS.filter((f) => f.board !== undefined).sort((a, b) => a.board! - b.board!);

/** Every column a roster may be mapped to: the member fields and the community. */
export const ROSTER_FIELD_BY_KEY: ReadonlyMap<string, MemberField> = new Map([...MEMBER_FIELD_BY_KEY, [COMMUNITY_COLUMN.key, COMMUNITY_COLUMN]]);

/** How a header is compared: no spaces (half- or full-width), no punctuation, case-folded. */
export function headerKey(header: string): string {
  return header
    .replace(/[\s\u3000]/g, '')
    .replace(/[（(].*?[）)]/g, '')
    .replace(/[：:*＊、,，.。/／\\-]/g, '')
    .toLowerCase();
}

/** Every header the importer knows a field by: its names in both languages, its key, the national header, the synonyms. */
export function importHeaders(f: MemberField): string[] {
  const national = 'national' in f.export && f.export.national !== undefined ? [f.export.national] : [];
  return [f.zh, f.en, f.key, ...national, ...f.synonyms];
}

const BY_HEADER: ReadonlyMap<string, MemberField> = new Map([...MEMBER_FIELDS, COMMUNITY_COLUMN].flatMap((f) => importHeaders(f).map((h) => [headerKey(h), f] as const)));

/** The field a roster header means, or undefined when it is not one we know. */
export function fieldForHeader(header: string): MemberField | undefined {
  return BY_HEADER.get(headerKey(header));
}
