// Field labels by module. A field's name means different things in different modules (`hours` is a service
// record's duration at the counter and the station's opening hours in print), so a validation issue's path
// is looked up in the namespace of the method that raised it, then in the labels common to every module.
// The module of a method is the module of its name's prefix (`serviceRecords.create` → counter).
import type { Method } from '../api/contract';
import type { Language } from '../api/schemas';
import { ROSTER_FIELD_BY_KEY } from '../members/fields';
import { COUNTER_FIELD_LABELS } from './messages-counter';
import { DEVELOP_FIELD_LABELS } from './messages-develop';
import { IMPORT_FIELD_LABELS } from './messages-import';
import { PRINT_FIELD_LABELS } from './messages-print';
import { EXCHANGE_FIELD_LABELS, RETURNS_FIELD_LABELS } from './exchange';
import { labelTable, type LabelTable } from './label-table';
import { WRITE_FIELD_LABELS } from './messages-write';
import { LIFE_FIELD_LABELS } from './messages-life';
import { DUES_FIELD_LABELS } from './messages-dues';
import { GOV_FIELD_LABELS } from './messages-gov';
import { ATTACHMENT_FIELD_LABELS } from './messages-attachments';
import { SERVER_FIELD_LABELS } from './messages-server';
import { CITY_FIELD_LABELS } from './messages-city';
import { OVERVIEW_FIELD_LABELS } from './messages-overview';

/**
 * The modules. Their order is the one a caller that does not know the method is answered in (the CLI's own
 * errors): the order in which the one flat table used to let labels win, so those messages read as before.
 */
export const FIELD_MODULES = ['admin', 'backup', 'orgs', 'transfers', 'members', 'returns', 'exchange', 'print', 'counter', 'life', 'dues', 'develop', 'gov', 'city', 'attachments', 'server', 'overview'] as const;
export type FieldModule = (typeof FIELD_MODULES)[number];

/** The first part of a method's name: `serviceRecords` of `serviceRecords.create`. */
export type MethodPrefix = Method extends `${infer P}.${string}` ? P : never;

/** Which module each method prefix belongs to; a new prefix in the contract fails the type check here. */
const MODULE_OF_PREFIX: Record<MethodPrefix, FieldModule> = {
  app: 'admin',
  demo: 'admin',
  setup: 'admin',
  auth: 'admin',
  account: 'admin',
  street: 'admin',
  settings: 'admin',
  users: 'admin',
  audit: 'admin',
  jobs: 'admin',
  backup: 'backup',
  members: 'members',
  codes: 'members',
  layouts: 'members',
  orgs: 'orgs',
  communities: 'orgs',
  grids: 'orgs',
  transfers: 'transfers',
  matters: 'counter',
  requests: 'counter',
  counter: 'counter',
  workdays: 'counter',
  teams: 'counter',
  volunteers: 'counter',
  serviceRecords: 'counter',
  merchants: 'counter',
  print: 'print',
  station: 'print',
  commitments: 'print',
  returns: 'returns',
  exchange: 'exchange',
  package: 'exchange',
  district: 'exchange',
  districtReturn: 'city',
  city: 'city',
  life: 'life',
  appraisal: 'life',
  dues: 'dues',
  funds: 'dues',
  develop: 'develop',
  gov: 'gov',
  disclosure: 'gov',
  decisions: 'gov',
  projects: 'gov',
  terms: 'gov',
  standards: 'gov',
  audits: 'gov',
  attachments: 'attachments',
  server: 'server',
  overview: 'overview',
};

/** The module whose labels name the fields of `method`; undefined for a name that is not a method. */
export function moduleOfMethod(method: Method | string): FieldModule | undefined {
  const prefix = method.split('.')[0];
  return Object.prototype.hasOwnProperty.call(MODULE_OF_PREFIX, prefix) ? MODULE_OF_PREFIX[prefix as MethodPrefix] : undefined;
}

/** Labels that mean the same in every module; a module's own label for one of these keys would be a clash. */
export const COMMON_FIELD_LABELS = labelTable({
  'zh-CN': {
    ...WRITE_FIELD_LABELS['zh-CN'],
    id: '编号',
    version: '记录版本',
    offset: '起始位置',
    limit: '每页条数',
    query: '查询内容',
    from: '起始日期',
    to: '截止日期',
    on: '日期',
    reason: '原因',
    status: '状态',
    open: '未办结',
    overdue: '逾期',
    memberId: '党员',
    orgId: '组织',
    communityId: '社区',
    gridId: '网格',
    fileName: '文件名',
    bytes: '文件内容',
    updatedAt: '修改时间',
    active: '在用',
    includeInactive: '含已停用的',
    phone: '联系电话',
    address: '地址',
    mode: '数据库类型',
  },
  en: {
    ...WRITE_FIELD_LABELS.en,
    id: 'ID',
    version: 'Record version',
    offset: 'Offset',
    limit: 'Page size',
    query: 'Search text',
    from: 'From',
    to: 'To',
    on: 'Date',
    reason: 'Reason',
    status: 'Status',
    open: 'Open',
    overdue: 'Overdue',
    memberId: 'Member',
    orgId: 'Organization',
    communityId: 'Community',
    gridId: 'Grid',
    fileName: 'File name',
    bytes: 'File content',
    updatedAt: 'Last changed',
    active: 'Active',
    includeInactive: 'Include inactive',
    phone: 'Phone',
    address: 'Address',
    mode: 'Database type',
  },
});

const ADMIN_FIELD_LABELS = labelTable({
  'zh-CN': {
    // The demo street (demo.seed, the CLI's seed-demo).
    members: '党员人数',
    requests: '办件数',
    seed: '随机种子',
    until: '截至日期',
    meetings: '组织生活会议',
    develop: '发展党员',
    letterPrefix: '介绍信编号前缀',
    street: '街道信息',
    name: '街道名称',
    'street.name': '街道名称',
    code: '区划代码',
    'street.code': '区划代码',
    districtName: '所属区（县）',
    'street.districtName': '所属区（县）',
    district: '区信息',
    'district.code': '区划代码',
    'district.name': '区名称',
    city: '市信息',
    'city.code': '市级区划代码',
    'city.name': '市名称',
    admin: '管理员',
    username: '用户名',
    'admin.username': '管理员用户名',
    displayName: '姓名',
    'admin.displayName': '管理员姓名',
    password: '密码',
    'admin.password': '管理员密码',
    currentPassword: '当前密码',
    newPassword: '新密码',
    role: '角色',
    scopeCommunityCode: '限定社区（区划代码）',
    disabled: '停用',
    language: '界面语言',
    idleLockMinutes: '无操作自动锁定（分钟）',
    action: '操作',
    entity: '操作对象',
    jobId: '任务',
  },
  en: {
    members: 'Members',
    requests: 'Requests',
    seed: 'Random seed',
    until: 'Up to',
    meetings: 'Meetings of organizational life',
    develop: 'Developing new members',
    letterPrefix: 'Letter number prefix',
    street: 'Street profile',
    name: 'Street name',
    'street.name': 'Street name',
    code: 'Division code',
    'street.code': 'Division code',
    districtName: 'District',
    'street.districtName': 'District',
    district: 'District profile',
    'district.code': 'District code',
    'district.name': 'District name',
    city: 'City profile',
    'city.code': 'City code',
    'city.name': 'City name',
    admin: 'Administrator',
    username: 'User name',
    'admin.username': 'Administrator user name',
    displayName: 'Name',
    'admin.displayName': 'Administrator name',
    password: 'Password',
    'admin.password': 'Administrator password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    role: 'Role',
    scopeCommunityCode: 'Limited to community (division code)',
    disabled: 'Disabled',
    language: 'Language',
    idleLockMinutes: 'Lock after idle (minutes)',
    action: 'Action',
    entity: 'Record type',
    jobId: 'Task',
  },
});

const BACKUP_FIELD_LABELS = labelTable({
  'zh-CN': { kind: '恢复来源', name: '备份文件' },
  en: { kind: 'Restore from', name: 'Backup file' },
});

/** The roster's filters: the members grid and the printed roster take the same ones. */
const MEMBER_FILTER_LABELS = labelTable({
  'zh-CN': {
    category: '人员类别',
    occupationGroup: '工作岗位',
    mobile: '手机号码',
    lostContact: '失联党员',
    hardship: '困难党员',
    inServiceRegistered: '在职党员报到',
    volunteer: '志愿者',
    ageBand: '年龄段',
    education: '学历',
    joinYear: '入党年份',
    sort: '排序',
    'sort.field': '排序列',
    'sort.dir': '排序方向',
  },
  en: {
    category: 'Category',
    occupationGroup: 'Occupation',
    mobile: 'Mobile',
    lostContact: 'Lost contact',
    hardship: 'In hardship',
    inServiceRegistered: 'Registered where they live',
    volunteer: 'Volunteer',
    ageBand: 'Age band',
    education: 'Education',
    joinYear: 'Year joined the Party',
    sort: 'Sort',
    'sort.field': 'Sort by',
    'sort.dir': 'Sort direction',
  },
});

const MEMBERS_FIELD_LABELS = labelTable({
  'zh-CN': {
    standing: '党籍状态',
    fields: '党员信息',
    file: '文件',
    note: '备注',
    columns: '导出列',
    grid: '表格',
    name: '布局名称',
    layout: '列布局',
    sheet: '工作表',
    mapping: '列对应',
    headerRow: '表头所在行',
    onDuplicate: '身份证号重复时',
    createMissingBranches: '自动创建缺少的党支部',
    valueMappings: '值对应',
    mappings: '代码对应',
    table: '代码表',
    text: '原文',
    code: '代码名称',
  },
  en: {
    standing: 'Party standing',
    fields: 'Member record',
    file: 'File',
    note: 'Note',
    columns: 'Columns',
    grid: 'Grid',
    name: 'Layout name',
    layout: 'Column layout',
    sheet: 'Sheet',
    mapping: 'Column mapping',
    headerRow: 'Header row',
    onDuplicate: 'When the ID number exists',
    createMissingBranches: 'Create missing branches',
    valueMappings: 'Value mappings',
    mappings: 'Code mappings',
    table: 'Code table',
    text: 'Text',
    code: 'Code',
  },
});

const ORGS_FIELD_LABELS = labelTable({
  'zh-CN': {
    includeClosed: '含已撤销的组织',
    destinations: '可移入的位置',
    parentId: '上级组织',
    name: '名称',
    level: '组织层级',
    category: '组织类别',
    hasCommittee: '支部委员会',
    termStart: '任期开始',
    termEnd: '任期结束',
    position: '位置',
    closedOn: '撤销日期',
    post: '职务',
    personName: '姓名',
    partTimeKind: '兼职委员类别',
    duty: '分工',
    divisionCode: '社区区划代码',
    households: '户数',
    population: '人口',
    officeArea: '办公用房面积（平方米）',
    activityArea: '活动场所面积（平方米）',
    kind: '网格类型',
    coverage: '覆盖楼栋、单元',
    members: '党员人数',
  },
  en: {
    includeClosed: 'Include closed organizations',
    destinations: 'Possible destinations',
    parentId: 'Parent organization',
    name: 'Name',
    level: 'Level',
    category: 'Category',
    hasCommittee: 'Branch committee',
    termStart: 'Term starts',
    termEnd: 'Term ends',
    position: 'Position',
    closedOn: 'Closed on',
    post: 'Post',
    personName: 'Name',
    partTimeKind: 'Part-time member',
    duty: 'Responsibility',
    divisionCode: 'Community division code',
    households: 'Households',
    population: 'Population',
    officeArea: 'Office space (m²)',
    activityArea: 'Activity space (m²)',
    kind: 'Grid kind',
    coverage: 'Buildings and units covered',
    members: 'Members',
  },
});

const TRANSFERS_FIELD_LABELS = labelTable({
  'zh-CN': {
    direction: '转接类型',
    letterNumber: '介绍信编号',
    person: '转入人员',
    'person.name': '姓名',
    'person.idNumber': '公民身份号码',
    'person.category': '人员类别',
    issuedOn: '开具日期',
    validDays: '有效期（天）',
    fromOrgId: '转出组织',
    fromOrgName: '转出组织（本街道以外）',
    toOrgId: '转入组织',
    toOrgName: '转入组织（本街道以外）',
    duesPaidTo: '党费交至',
    note: '备注',
    receivedOn: '接收日期',
  },
  en: {
    direction: 'Kind of transfer',
    letterNumber: 'Introduction letter number',
    person: 'Person transferring in',
    'person.name': 'Name',
    'person.idNumber': 'Citizen ID number',
    'person.category': 'Category',
    issuedOn: 'Issued on',
    validDays: 'Valid for (days)',
    fromOrgId: 'Sending organization',
    fromOrgName: 'Sending organization (outside the street)',
    toOrgId: 'Receiving organization',
    toOrgName: 'Receiving organization (outside the street)',
    duesPaidTo: 'Dues paid up to',
    note: 'Note',
    receivedOn: 'Received on',
  },
});

/**
 * Each module's labels, as the parts they are written in. The parts of one module must agree where they
 * share a key, and none may give a common key another label (tests/shared/field-labels.test.ts).
 */
export const FIELD_LABEL_PARTS: Record<FieldModule, readonly LabelTable[]> = {
  admin: [ADMIN_FIELD_LABELS],
  backup: [BACKUP_FIELD_LABELS],
  members: [MEMBERS_FIELD_LABELS, MEMBER_FILTER_LABELS, IMPORT_FIELD_LABELS],
  orgs: [ORGS_FIELD_LABELS],
  transfers: [TRANSFERS_FIELD_LABELS],
  counter: [COUNTER_FIELD_LABELS],
  print: [PRINT_FIELD_LABELS, MEMBER_FILTER_LABELS],
  returns: [RETURNS_FIELD_LABELS],
  exchange: [EXCHANGE_FIELD_LABELS],
  life: [LIFE_FIELD_LABELS],
  dues: [DUES_FIELD_LABELS],
  develop: [DEVELOP_FIELD_LABELS],
  gov: [GOV_FIELD_LABELS],
  city: [CITY_FIELD_LABELS],
  attachments: [ATTACHMENT_FIELD_LABELS],
  server: [SERVER_FIELD_LABELS],
  overview: [OVERVIEW_FIELD_LABELS],
};

function merge(parts: readonly LabelTable[], lang: Language): Readonly<Record<string, string>> {
  return Object.assign({}, ...parts.map((part) => part[lang])) as Record<string, string>;
}

/** One namespace per module, in both languages. */
export const FIELD_LABELS: Record<FieldModule, LabelTable> = Object.fromEntries(
  FIELD_MODULES.map((module) => [module, { 'zh-CN': merge(FIELD_LABEL_PARTS[module], 'zh-CN'), en: merge(FIELD_LABEL_PARTS[module], 'en') }]),
) as Record<FieldModule, LabelTable>;

/** The names a path may be known by: itself, without list positions (`files.0.bytes` → `files.bytes`), its last part. */
function namesOf(field: string): string[] {
  const parts = field.split('.').filter((part) => !/^\d+$/.test(part));
  return [...new Set([field, parts.join('.'), parts[parts.length - 1] ?? field])];
}

/**
 * The label of an input field. `module` is the module of the method whose input it is (moduleOfMethod);
 * without it (a caller that does not know the method) the common labels come first, then the modules in order.
 */
export function fieldLabel(field: string, lang: Language, module?: FieldModule): string {
  // A member's fields travel as `fields.<key>` and are named as the roster names them.
  const member = field.startsWith('fields.') ? ROSTER_FIELD_BY_KEY.get(field.slice(7)) : undefined;
  if (member) return lang === 'zh-CN' ? member.zh : member.en;
  const tables: readonly Readonly<Record<string, string | undefined>>[] = module
    ? [FIELD_LABELS[module][lang], COMMON_FIELD_LABELS[lang]]
    : [COMMON_FIELD_LABELS[lang], ...FIELD_MODULES.map((m) => FIELD_LABELS[m][lang])];
  for (const name of namesOf(field)) {
    for (const table of tables) {
      const label = table[name];
      if (label !== undefined) return label;
    }
  }
  return field;
}
