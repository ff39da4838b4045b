// The member record's fields as people name them: the national 16 items plus the community fields,
// with the headers and synonyms real rosters use. The importer, the grid's columns and exports read this.

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

export interface MemberField {
  key: string;
  /** The header on a national-format roster, and the column title in zh-CN. */
  zh: string;
  en: string;
  /** Other headers clerks write for the same column (compared after removing spaces and punctuation). */
  synonyms: readonly string[];
  kind: MemberFieldKind;
  /** One of the 16 items of the national membership system. */
  national: boolean;
  /** A row without it cannot become a member record. */
  required: boolean;
}

const field = (
  key: string,
  zh: string,
  en: string,
  kind: MemberFieldKind,
  synonyms: readonly string[] = [],
  options: { national?: boolean; required?: boolean } = {},
): MemberField => ({ key, zh, en, kind, synonyms, national: options.national ?? false, required: options.required ?? false });

export const MEMBER_FIELDS: readonly MemberField[] = [
  field('name', '姓名', 'Name', 'name', ['党员姓名', '名字'], { national: true, required: true }),
  field('sex', '性别', 'Sex', 'sex', [], { national: true }),
  field('ethnicity', '民族', 'Ethnicity', 'ethnicity', ['族别'], { national: true }),
  field('idNumber', '公民身份号码', 'Citizen ID number', 'citizenId', ['身份证号码', '身份证号', '身份证', '证件号码', 'ID number', 'ID'], {
    national: true,
    required: true,
  }),
  field('birthDate', '出生日期', 'Birth date', 'date', ['出生年月', '出生年月日', '出生时间', '生日'], { national: true }),
  field('education', '学历', 'Education', 'education', ['文化程度', '最高学历', '学历学位', '全日制学历'], { national: true }),
  field('category', '人员类别', 'Category', 'category', ['党员类别', '类别', '党员身份', '党员类型', '人员身份', '正式/预备', '正式或预备'], { national: true }),
  field('branch', '所在党支部', 'Branch', 'organization', ['党支部', '所属党支部', '所在支部', '支部', '所属支部', '支部名称', '党组织', '所在党组织', '所属党组织', '党组织名称', '所在党组织名称', '所在党支部名称'], {
    national: true,
    required: true,
  }),
  field('joinDate', '入党日期', 'Joined on', 'date', ['入党时间', '入党年月', '入党年月日', '加入党组织日期', '加入党组织时间', '加入中国共产党日期', '入党日期预备'], { national: true }),
  field('fullDate', '转正日期', 'Full member since', 'date', ['转正时间', '转正年月', '转正年月日', '转为正式党员日期', '转为正式党员时间', '转正日期正式'], { national: true }),
  field('occupation', '工作岗位', 'Occupation', 'occupation', ['职业', '岗位', '工作岗位类别', '现工作岗位', '职业岗位'], { national: true }),
  field('phone', '联系电话', 'Phone', 'phone', ['手机', '手机号', '手机号码', '移动电话', '联系手机', '电话', '电话号码', '联系方式'], { national: true }),
  field('address', '家庭住址', 'Home address', 'text', ['住址', '家庭地址', '现住址', '现居住地', '现居住地址', '居住地址', '家庭住址现居住地'], { national: true }),
  field('standing', '党籍状态', 'Party standing', 'standing', ['党籍', '党籍情况'], { national: true }),
  field('lostContactSince', '失联时间', 'Lost contact since', 'date', ['失去联系时间', '失去联系日期', '失联日期', '失联年月'], { national: true }),
  field('mobileDestination', '外出流向', 'Mobile: destination', 'text', ['流向', '流动去向', '外出地点', '外出流向地', '流出地'], { national: true }),
  field('lostContact', '失联党员', 'Lost contact', 'flag', ['是否失联', '是否失联党员']),
  field('mobile', '流动党员', 'Mobile member', 'flag', ['是否流动党员', '是否流动']),
  field('grid', '所在网格', 'Grid', 'grid', ['网格', '网格名称']),
  field('building', '楼栋', 'Building', 'text', ['楼号', '楼栋号']),
  field('unit', '单元', 'Unit', 'text', ['单元号']),
  field('room', '房号', 'Room', 'text', ['门牌号', '室', '户室号']),
  field('workUnit', '工作单位', 'Work unit', 'text', ['单位', '工作单位及职务']),
  field('inServiceRegistered', '在职党员到社区报到', 'In-service, registered here', 'flag', ['在职党员报到', '到社区报到', '是否报到', '在职报到']),
  field('employerOrg', '单位党组织', "Employer's Party organization", 'text', ['所在单位党组织', '工作单位党组织']),
  field('hardship', '生活困难党员', 'Hardship', 'flag', ['困难党员', '是否困难党员']),
  field('skills', '特长', 'Skills', 'text', ['技能', '专长', '个人特长']),
  field('volunteer', '志愿者', 'Volunteer', 'flag', ['是否志愿者', '志愿服务']),
  field('nativePlace', '籍贯', 'Native place', 'text'),
  field('workStartDate', '参加工作时间', 'Started work on', 'date', ['参加工作日期', '工作时间']),
];

/**
 * The national member-information system's 16 items in its order and with its names: the sheet the
 * organization department asks for (`export members --layout national`).
 */
export const NATIONAL_ITEMS: readonly { key: string; header: string }[] = [
  { key: 'name', header: '姓名' },
  { key: 'sex', header: '性别' },
  { key: 'ethnicity', header: '民族' },
  { key: 'idNumber', header: '公民身份号码' },
  { key: 'birthDate', header: '出生日期' },
  { key: 'education', header: '学历' },
  { key: 'category', header: '人员类别' },
  { key: 'branch', header: '所在党支部' },
  { key: 'joinDate', header: '加入党组织日期' },
  { key: 'fullDate', header: '转为正式党员日期' },
  { key: 'occupation', header: '工作岗位' },
  { key: 'phone', header: '联系电话' },
  { key: 'address', header: '家庭住址' },
  { key: 'standing', header: '党籍状态' },
  { key: 'lostContactSince', header: '失去联系日期' },
  { key: 'mobileDestination', header: '外出流向' },
];

export const MEMBER_FIELD_BY_KEY: ReadonlyMap<string, MemberField> = new Map(MEMBER_FIELDS.map((f) => [f.key, f]));

/**
 * A roster column that is not a field of the record but says where it belongs: the community, which tells
 * apart the 第1网格党支部 of each of a street's communities. The importer reads it; the record keeps the branch.
 */
export const COMMUNITY_COLUMN: MemberField = field('community', '所在社区', 'Community', 'text', ['社区', '社区名称', '所属社区', '社区居委会', '居委会']);

/**
 * The members grid's columns: the record's fields with 所在社区 beside the branch (read from the branch's
 * community, never typed), so a list of a 25-community street says whose 第1网格党支部 each row is.
 */
export const GRID_FIELDS: readonly MemberField[] = MEMBER_FIELDS.flatMap((f) => (f.key === 'branch' ? [f, COMMUNITY_COLUMN] : [f]));

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

const BY_HEADER: ReadonlyMap<string, MemberField> = new Map(
  [...MEMBER_FIELDS, COMMUNITY_COLUMN].flatMap((f) => [f.zh, f.en, f.key, ...f.synonyms].map((h) => [headerKey(h), f] as const)),
);

/** The field a roster header means, or undefined when it is not one we know. */
export function fieldForHeader(header: string): MemberField | undefined {
  return BY_HEADER.get(headerKey(header));
}
