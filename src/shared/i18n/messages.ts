// Texts shared by every host: error codes and field problems, in zh-CN and en; field labels, by module,
// are in field-labels.ts. The renderer, the CLI and core's envelope messages all format errors from these.
import type { Language } from '../api/schemas';
import type { ApiError, ErrorCode, FieldIssue } from '../result';
import { COUNTER_FIELD_PROBLEMS } from './messages-counter';
import { LIFE_FIELD_PROBLEMS } from './messages-life';
import { IMPORT_FIELD_PROBLEMS } from './messages-import';
import { PRINT_FIELD_PROBLEMS } from './messages-print';
import { EXCHANGE_FIELD_PROBLEMS } from './exchange';
import { fieldLabel, moduleOfMethod, type FieldModule } from './field-labels';
import { SCOPE_FIELD_PROBLEMS, SCOPE_REFUSAL } from './messages-scope';
import { WRITE_FIELD_PROBLEMS } from './messages-write';
import { DUES_FIELD_PROBLEMS } from './messages-dues';
import { ATTACHMENT_FIELD_PROBLEMS } from './messages-attachments';
import { SERVER_FIELD_PROBLEMS } from './messages-server';
import { DEVELOP_FIELD_PROBLEMS } from './messages-develop';
import { GOV_FIELD_PROBLEMS } from './messages-gov';

type Table = Record<string, string>;

export const ERROR_TEXT: Record<Language, Record<ErrorCode, string>> = {
  'zh-CN': {
    VALIDATION: '填写的内容有误',
    UNKNOWN_METHOD: '程序内部调用了不存在的功能：{{method}}',
    NOT_INITIALIZED: '尚未完成首次设置，请先填写街道信息并创建管理员',
    ALREADY_INITIALIZED: '本数据库已经设置过街道信息，不能重复初始化',
    UNAUTHENTICATED: '请先登录',
    SESSION_LOCKED: '工作台已锁定，请输入密码解锁',
    FORBIDDEN: '您的角色（{{role}}）无权执行此操作',
    NOT_FOUND: '找不到要操作的记录',
    STALE_RECORD: '这条记录刚被其他人修改过，请刷新后再改',
    INVALID_CREDENTIALS: '用户名或密码错误',
    ACCOUNT_LOCKED: '密码连续输错 5 次，账号已锁定，请于 {{until}} 后再试',
    TOO_MANY_ATTEMPTS: '登录失败次数过多，请 {{seconds}} 秒后再试',
    ACCOUNT_DISABLED: '该账号已停用，请联系管理员',
    WRONG_PASSWORD: '密码不正确',
    USERNAME_TAKEN: '用户名“{{username}}”已被使用',
    LAST_ADMIN: '至少要保留一个可用的管理员账号',
    NOT_A_STREETDESK_DB: '文件“{{file}}”不是街道党建工作台的数据库，未做任何改动',
    DB_FROM_NEWER_VERSION: '数据库“{{file}}”由更新版本的程序写入（数据结构版本 {{found}}，本程序最高支持 {{supported}}），请升级程序后再打开',
    DB_CORRUPT: '数据库文件“{{file}}”已损坏，未做任何改动。请用 backups 文件夹中最近的备份替换它，或联系技术支持',
    PG_UNREACHABLE: '连不上 PostgreSQL 数据库 {{url}}：{{reason}}。请检查地址、用户名、密码和数据库服务是否在运行',
    STREET_NOT_ON_POSTGRES: 'PostgreSQL 只用于区、市的库；街道的库是一个 SQLite 文件（用 --db 文件）',
    NOT_ON_POSTGRES: '本库存放在 PostgreSQL 中，“{{what}}”不在本程序里做，请用数据库自带的工具（如 pg_dump 备份）',
    BACKUP_INVALID: '备份文件“{{file}}”不可用：{{reason}}',
    CANCELLED: '操作已取消',
    BUSY: '正在恢复数据，请稍候再试',
    INTERNAL: '程序内部错误，请联系技术支持（{{ref}}）',
  },
  en: {
    VALIDATION: 'Some fields are not filled in correctly',
    UNKNOWN_METHOD: 'The program called a function that does not exist: {{method}}',
    NOT_INITIALIZED: 'First-time setup is not finished: enter the street profile and create the administrator',
    ALREADY_INITIALIZED: 'This database already has a street profile and cannot be set up again',
    UNAUTHENTICATED: 'Please log in',
    SESSION_LOCKED: 'StreetDesk is locked: enter your password to unlock',
    FORBIDDEN: 'Your role ({{role}}) may not do this',
    NOT_FOUND: 'The record was not found',
    STALE_RECORD: 'Someone else has just changed this record; refresh and try again',
    INVALID_CREDENTIALS: 'Wrong user name or password',
    ACCOUNT_LOCKED: 'Five wrong passwords in a row: the account is locked until {{until}}',
    TOO_MANY_ATTEMPTS: 'Too many failed logins: try again in {{seconds}} seconds',
    ACCOUNT_DISABLED: 'This account is disabled; ask the administrator',
    WRONG_PASSWORD: 'The password is not correct',
    USERNAME_TAKEN: 'The user name “{{username}}” is already taken',
    LAST_ADMIN: 'At least one active administrator account must remain',
    NOT_A_STREETDESK_DB: '“{{file}}” is not a StreetDesk database; it was left untouched',
    DB_FROM_NEWER_VERSION: '“{{file}}” was written by a newer StreetDesk (schema {{found}}; this version supports up to {{supported}}). Please upgrade',
    DB_CORRUPT: 'The database file “{{file}}” is damaged and was left untouched. Replace it with the newest backup from the backups folder, or contact support',
    PG_UNREACHABLE: 'The PostgreSQL database {{url}} could not be reached: {{reason}}. Check the address, the user name and password, and that the database server is running',
    STREET_NOT_ON_POSTGRES: 'PostgreSQL is for a district or a city database; a street keeps its database in a SQLite file (--db FILE)',
    NOT_ON_POSTGRES: 'This database lives in PostgreSQL: “{{what}}” is done with the database’s own tools there (pg_dump for a backup), not in StreetDesk',
    BACKUP_INVALID: 'The backup “{{file}}” cannot be used: {{reason}}',
    CANCELLED: 'Cancelled',
    BUSY: 'A restore is under way; please try again in a moment',
    INTERNAL: 'Internal error; please contact support ({{ref}})',
  },
};

export const FIELD_PROBLEMS: Record<Language, Table> = {
  'zh-CN': {
    ...COUNTER_FIELD_PROBLEMS['zh-CN'],
    ...IMPORT_FIELD_PROBLEMS['zh-CN'],
    ...PRINT_FIELD_PROBLEMS['zh-CN'],
    ...EXCHANGE_FIELD_PROBLEMS['zh-CN'],
    ...SCOPE_FIELD_PROBLEMS['zh-CN'],
    ...WRITE_FIELD_PROBLEMS['zh-CN'],
    ...LIFE_FIELD_PROBLEMS['zh-CN'],
    ...DUES_FIELD_PROBLEMS['zh-CN'],
    ...ATTACHMENT_FIELD_PROBLEMS['zh-CN'],
    ...SERVER_FIELD_PROBLEMS['zh-CN'],
    ...DEVELOP_FIELD_PROBLEMS['zh-CN'],
    ...GOV_FIELD_PROBLEMS['zh-CN'],
    required: '不能为空',
    tooShort: '至少 {{min}} 个字',
    tooLong: '最多 {{max}} 个字',
    tooSmall: '不能小于 {{min}}',
    tooBig: '不能大于 {{max}}',
    notANumber: '须为数字',
    notAnInteger: '须为整数',
    notAllowed: '不是可选的值',
    invalid: '格式不正确',
    invalidFormat: '格式不正确',
    unknownField: '包含不认识的字段',
    dateFormat: '日期格式应为 年-月-日，如 2026-11-21',
    usernameChars: '只能包含文字、数字、下划线、点和横线',
    passwordTooShort: '至少 8 位',
    passwordWeak: '须同时包含字母和数字',
    wrongPassword: '密码不正确',
    exists: '已存在',
    notFound: '找不到（编号 {{value}}）',
    codeUnknown: '不在代码表中，请从列表中选择，或请管理员在代码表中添加',
    branchUnknown: '组织树中没有这个党支部；可勾选“自动创建缺少的党支部”，或先在组织架构中建好',
    branchAmbiguous: '组织树中有 {{count}} 个同名党支部。请加一列“所在社区”，或在导入时选择社区（命令行用 --community 社区名），或写上上级组织，如“{{example}}”',
    gridUnknown: '该社区没有这个网格',
    idNumberTaken: '已有党员使用这个身份证号码（{{name}}）',
    memberAlreadyLeft: '该党员已不在党员名册中（{{leftOn}}）',
    leftBeforeJoin: '不能早于入党日期（{{joinDate}}）',
    standingBeforeJoin: '不能早于入党日期（{{joinDate}}）',
    alreadySuspended: '该党员已是停止党籍状态',
    notSuspended: '该党员未停止党籍，无需恢复',
    memberHasOpenTransfer: '该党员有未办结的介绍信（编号 {{letter}}），请在“组织关系转接”中办结或作废',
    codeTaken: '已被另一个社区使用',
    gridNameTaken: '本社区已有同名网格',
    orgParentClosed: '上级组织已撤销，不能在其下新建或移入',
    orgLevelNotAllowed: '这一层级不能设在该上级组织之下（街道党工委 → 社区党委/党总支 → 党支部 → 党小组）',
    orgNameTaken: '同一上级组织下已有同名组织',
    gridOtherCommunity: '所选网格不属于该社区',
    termEndBeforeStart: '任期结束须晚于任期开始（{{termStart}}）',
    orgRootFixed: '街道党工委是组织树的根，不能移动或撤销',
    orgMoveIntoItself: '不能移到它自己或它的下级组织之下',
    orgAlreadyClosed: '该组织已撤销',
    orgHasMembers: '该组织（含下级）还有 {{count}} 名党员，请先转出或调整后再撤销',
    orgHasOpenChildren: '该组织还有 {{count}} 个未撤销的下级组织',
    notEmpty: '已有数据（{{value}} 条），不能再生成演示数据',
    sexUnknown: '应填“男”或“女”',
    categoryUnknown: '应填“正式党员”或“预备党员”',
    standingUnknown: '应填“正常”或“停止党籍”',
    flagUnknown: '应填“是”或“否”',
    cellIsDate: '被 Excel 当成了日期，请把该列设为“文本”格式后重新填写',
    fullDateNotAfterJoinDate: '转正日期须晚于入党日期（{{joinDate}}）',
    probationaryHasFullDate: '预备党员不应有转正日期',
    categoryNeeded: '入党已满一年且没有转正日期，请填写人员类别（正式党员或预备党员）或转正日期',
    fileNotFound: '找不到文件',
    rosterXlsFormat: '这是旧版 .xls 文件，请在 Excel/WPS 中另存为 .xlsx 后再导入',
    rosterNotXlsx: '不是 Excel 工作簿（.xlsx）或 CSV 文件，请在 Excel/WPS 中另存为 .xlsx 后再导入',
    rosterUnreadable: '文件无法读取，可能已损坏',
    sheetNotFound: '找不到这个工作表',
    rosterNoHeader: '工作表“{{sheet}}”的前 20 行中找不到表头（姓名、身份证号码等）。请选择另一个工作表或指定表头所在行（命令行用 --sheet 工作表名 --header-row 行号）',
    mappingDuplicate: '两列对应了同一个字段',
    divisionCodeDigits: '须为 9 位或 12 位数字',
    divisionCodeStreetPart: '第 7–9 位（乡级代码）须在 001–099 之间，表示街道',
    divisionCodeStreetTail: '街道的 12 位代码须以 000 结尾',
    divisionCodeCommunityPart: '第 10–12 位（村级代码）须在 001–199 之间，表示社区居委会',
    divisionCodeOtherStreet: '不属于本街道（前 9 位应为 {{street}}）',
    idLength: '应为 18 位，现在是 {{length}} 位，请对照身份证核对是否漏填或多填',
    idChars: '只能由数字组成，最后一位可以是字母 X',
    idBirthDate: '第 7–14 位的出生日期不存在（或早于 1900 年、晚于今天），请对照身份证核对',
    idChecksum: '最后一位校验码对不上，说明号码中有数字录错或前后颠倒，请对照身份证逐位核对',
    idLostDigits: '身份证号被 Excel 当成数字，后几位已丢失（显示为科学计数法）。请把该列设为“文本”格式后重新填写',
    idOldFormat: '这是 15 位的第一代身份证号，已停止使用。请向本人核实后填写 18 位号码',
    idBirthDateMismatch: '与身份证号中的出生日期 {{idBirthDate}} 不一致，请核对哪一个填错了',
    idSexMismatch: '与身份证号不一致（第 17 位单数为男、双数为女），请核对哪一个填错了',
    phoneFormat: '手机号应为 1 开头的 11 位数字，如 13812345678；固定电话应带区号，如 0536-1234567。一格只填一个号码',
    creditCodeChars: '统一社会信用代码应为 18 位，由数字和大写字母组成（不用 I、O、Z、S、V），请对照营业执照或登记证书填写',
    creditCodeChecksum: '最后一位校验码对不上，请对照营业执照或登记证书核对；确认与证书一致可以照常保存',
    dateInvalid: '日期不存在（如 2 月 30 日、13 月），或早于 1900 年，请核对',
    dateInFuture: '晚于今天，请核对年份是否写错',
    dateYearOnly: '只写了年份 {{year}}，请补全到月份，如 {{year}}-07 或 {{year}}年7月',
    dateMonthAmbiguous: '看不出是 {{year}} 年 1 月还是 10 月（Excel 会把 {{year}}.10 存成 {{year}}.1）。请写成 {{year}}-01 或 {{year}}-10，或把该列设为“文本”格式后重新填写',
    nameChars: '只能包含汉字、字母和间隔号“·”，不能有数字或其他符号',
    monthFormat: '应写到月份，如 2026-03 或 2026年3月',
    validDaysRange: '有效期为 1 至 92 天（最长 3 个月），一般为 10 天',
    transferLetterTaken: '同类介绍信中已有这个编号（{{name}}，{{issuedOn}} 开具）',
    transferDuesRequired: '转出介绍信须填写党费交至的年月',
    letterPrefixBrackets: '只填编号前面的字，如“东华门组转”；不含括号和空格，年份和序号会自动加上',
    transferAlreadyOpen: '该党员已有一封未办结的介绍信（编号 {{letter}}）',
    transferInAlreadyMember: '{{name}} 已在本街道党员名册中（{{org}}），本街道内调整组织关系请选“街道内转接”',
    transferFieldNotForDirection: '这类转接不填这一项',
    transferOrgInTree: '应从本街道的组织架构中选择',
    transferOrgOutside: '应填写本街道以外的组织名称；本街道组织之间的转接请选“街道内转接”',
    transferSameOrg: '不能与转出组织相同',
    transferFromNotMembersOrg: '该党员的组织关系在“{{org}}”，不在所选组织之下',
    transferDateBeforeIssue: '不能早于介绍信开具日期（{{issuedOn}}）',
    transferReceiptBeforeReceived: '不能早于接收日期（{{receivedOn}}）',
    transferCancelled: '该介绍信已于 {{cancelledOn}} 作废',
    transferAlreadyReceived: '该介绍信已于 {{receivedOn}} 办理接收',
    transferReceiptReturned: '该介绍信的回执已于 {{returnedOn}} 登记，已办结',
    transferNotReceived: '对方尚未接收，请先登记接收',
    transferNoReceipt: '转入本街道的介绍信，回执由本街道寄回对方，不在这里登记',
    officerMemberNotActive: '该党员已不在党员名册中，不能担任职务',
    officerOtherOrg: '不能把任职记录改到另一个组织，请在那个组织下新增',
    officerPostNotHere: '该组织不设这一职务（党小组设党小组长；兼职委员设在社区党委、党总支）',
    officerKindOnlyPartTime: '只有兼职委员填写这一项',
    officerTermEndBeforeStart: '任期结束不能早于任期开始（{{termStart}}）',
    officerDuplicate: '此人在这段任期内已在该组织任职（{{term}}）',
    officerPostTaken: '与{{name}}的任期（{{term}}）重叠，同一时间只能有一人担任这一职务，请先为其登记任期结束',
    officerTermEnded: '任期已于 {{termEnd}} 结束',
    orgCommitteeInOffice: '还有 {{count}} 名委员在任，请先为其登记任期结束',
  },
  en: {
    ...COUNTER_FIELD_PROBLEMS.en,
    ...IMPORT_FIELD_PROBLEMS.en,
    ...PRINT_FIELD_PROBLEMS.en,
    ...EXCHANGE_FIELD_PROBLEMS.en,
    ...SCOPE_FIELD_PROBLEMS.en,
    ...WRITE_FIELD_PROBLEMS.en,
    ...LIFE_FIELD_PROBLEMS.en,
    ...DUES_FIELD_PROBLEMS.en,
    ...ATTACHMENT_FIELD_PROBLEMS.en,
    ...SERVER_FIELD_PROBLEMS.en,
    ...DEVELOP_FIELD_PROBLEMS.en,
    ...GOV_FIELD_PROBLEMS.en,
    required: 'is required',
    tooShort: 'needs at least {{min}} characters',
    tooLong: 'allows at most {{max}} characters',
    tooSmall: 'must be at least {{min}}',
    tooBig: 'must be at most {{max}}',
    notANumber: 'must be a number',
    notAnInteger: 'must be a whole number',
    notAllowed: 'is not one of the allowed values',
    invalid: 'is not valid',
    invalidFormat: 'is not in the right format',
    unknownField: 'has a field that is not known',
    dateFormat: 'must be a date like 2026-11-21',
    usernameChars: 'may contain only letters, digits, underscore, dot and dash',
    passwordTooShort: 'needs at least 8 characters',
    passwordWeak: 'must contain both letters and digits',
    wrongPassword: 'is not correct',
    exists: 'already exists',
    notFound: 'was not found (ID {{value}})',
    codeUnknown: 'is not in the code table; pick from the list or ask the administrator to add it',
    branchUnknown: 'is not a branch in the organization tree; tick “create missing branches” or add it first',
    branchAmbiguous: 'matches {{count}} branches. Add a 所在社区 column, or choose the community for the import (on the command line: --community NAME), or write the parent, e.g. “{{example}}”',
    gridUnknown: 'is not a grid of this community',
    idNumberTaken: 'is already the ID number of a member ({{name}})',
    memberAlreadyLeft: 'belongs to a member no longer on the roll ({{leftOn}})',
    leftBeforeJoin: 'cannot be before the date of joining ({{joinDate}})',
    standingBeforeJoin: 'cannot be before the date of joining ({{joinDate}})',
    alreadySuspended: 'is already suspended',
    notSuspended: 'is not suspended; there is nothing to restore',
    memberHasOpenTransfer: 'is not possible while introduction letter {{letter}} is open; finish or cancel it under Transfers',
    codeTaken: 'is already used by another community',
    gridNameTaken: 'is already the name of a grid in this community',
    orgParentClosed: 'is closed: nothing can be added or moved under it',
    orgLevelNotAllowed: 'cannot hold this level (street committee → community committee/general branch → branch → Party group)',
    orgNameTaken: 'is already used by another organization under the same parent',
    gridOtherCommunity: 'is a grid of another community',
    termEndBeforeStart: 'must be after the start of the term ({{termStart}})',
    orgRootFixed: 'is the root of the tree and cannot be moved or closed',
    orgMoveIntoItself: 'is the organization itself or one below it',
    orgAlreadyClosed: 'is already closed',
    orgHasMembers: 'still has {{count}} members (itself and below); transfer them first',
    orgHasOpenChildren: 'still has {{count}} open organizations below it',
    notEmpty: 'already holds data ({{value}} records); demo data is not added',
    sexUnknown: 'should be 男 (male) or 女 (female)',
    categoryUnknown: 'should be full or probationary member',
    standingUnknown: 'should be normal or suspended',
    flagUnknown: 'should be yes or no',
    cellIsDate: 'was turned into a date by Excel; format the column as Text and type it again',
    fullDateNotAfterJoinDate: 'must be after the date of joining ({{joinDate}})',
    probationaryHasFullDate: 'should be empty for a probationary member',
    categoryNeeded: 'is needed (full or probationary), or the date made full: the member joined over a year ago',
    fileNotFound: 'was not found',
    rosterXlsFormat: 'is an old .xls file; save it as .xlsx in Excel or WPS first',
    rosterNotXlsx: 'is not an Excel workbook (.xlsx) or a CSV file; save it as .xlsx in Excel or WPS and import it again',
    rosterUnreadable: 'cannot be read; it may be damaged',
    sheetNotFound: 'is not a sheet of this workbook',
    rosterNoHeader: 'sheet “{{sheet}}” has no header row (name, ID number …) in its first 20 rows. Choose another sheet or point at the header row (on the command line: --sheet NAME --header-row N)',
    mappingDuplicate: 'is mapped from two columns',
    divisionCodeDigits: 'must be 9 or 12 digits',
    divisionCodeStreetPart: 'digits 7–9 (township level) must be 001–099 for a street',
    divisionCodeStreetTail: "a street's 12-digit code must end in 000",
    divisionCodeCommunityPart: "digits 10–12 must be 001–199 for a residents' committee",
    divisionCodeOtherStreet: 'does not belong to this street (the first 9 digits should be {{street}})',
    idLength: 'must be 18 characters long; it has {{length}}. Check it against the ID card',
    idChars: 'may contain only digits; the last character may be the letter X',
    idBirthDate: 'digits 7–14 are not a real birth date (or are before 1900 or after today). Check it against the ID card',
    idChecksum: 'the check character does not match: a digit was mistyped or two were swapped. Check it digit by digit against the ID card',
    idLostDigits: 'Excel stored the ID number as a number and its last digits are lost (it shows in scientific notation). Format the column as Text and enter the numbers again',
    idOldFormat: 'is an old 15-digit first-generation number, no longer in use. Ask the member for the 18-digit number',
    idBirthDateMismatch: 'does not match the birth date in the ID number ({{idBirthDate}}); check which one is wrong',
    idSexMismatch: 'does not match the ID number (an odd 17th digit is male, an even one female); check which one is wrong',
    phoneFormat: 'must be an 11-digit mobile number starting with 1, such as 13812345678, or a landline with its area code, such as 0536-1234567; one number per cell',
    creditCodeChars: 'a unified social credit code has 18 digits and capital letters (never I, O, Z, S or V); copy it from the business licence or registration certificate',
    creditCodeChecksum: 'the check character does not match; compare it with the certificate. If it is the same as on the certificate, it can be saved',
    dateInvalid: 'is not a real date (such as 30 February or month 13), or is before 1900',
    dateInFuture: 'is after today; check the year',
    dateYearOnly: 'gives only the year {{year}}; add the month, such as {{year}}-07',
    dateMonthAmbiguous: 'could be January or October {{year}} (Excel stores {{year}}.10 as {{year}}.1). Write {{year}}-01 or {{year}}-10, or format the column as Text and enter it again',
    nameChars: 'may contain only Chinese characters, letters and the middle dot “·”; no digits or other symbols',
    monthFormat: 'must be a year and month, such as 2026-03',
    validDaysRange: 'must be 1 to 92 days (at most 3 months); 10 is usual',
    transferLetterTaken: 'is already the number of another letter of this kind ({{name}}, issued {{issuedOn}})',
    transferDuesRequired: 'is required on an outgoing letter (the year and month dues are paid up to)',
    letterPrefixBrackets: 'is only the words before the number, e.g. 东华门组转, without brackets or spaces; the year and number are added',
    transferAlreadyOpen: 'already has an open transfer (letter {{letter}})',
    transferInAlreadyMember: '{{name}} is already on this street’s roll ({{org}}); for a move inside the street choose “within the street”',
    transferFieldNotForDirection: 'does not apply to this kind of transfer',
    transferOrgInTree: 'must be chosen from the street’s organization tree',
    transferOrgOutside: 'must be the name of an organization outside the street; between organizations of the street choose “within the street”',
    transferSameOrg: 'cannot be the sending organization',
    transferFromNotMembersOrg: 'does not hold the member, who belongs to “{{org}}”',
    transferDateBeforeIssue: 'cannot be before the letter was issued ({{issuedOn}})',
    transferReceiptBeforeReceived: 'cannot be before the member was received ({{receivedOn}})',
    transferCancelled: 'the letter was cancelled on {{cancelledOn}}',
    transferAlreadyReceived: 'the letter was already received on {{receivedOn}}',
    transferReceiptReturned: 'the receipt was already recorded on {{returnedOn}}; the transfer is closed',
    transferNotReceived: 'the receiving side has not received the member yet; record the receipt of the letter first',
    transferNoReceipt: 'an incoming letter’s receipt is sent back by this street; there is nothing to record here',
    officerMemberNotActive: 'is no longer on the roll and cannot hold a post',
    officerOtherOrg: 'cannot move a post to another organization; add it there instead',
    officerPostNotHere: 'is not a post of this organization (a Party group has a group leader; part-time members sit on community committees and general branches)',
    officerKindOnlyPartTime: 'is only filled in for part-time members',
    officerTermEndBeforeStart: 'cannot be before the start of the term ({{termStart}})',
    officerDuplicate: 'already holds a post in this organization in that term ({{term}})',
    officerPostTaken: 'overlaps the term of {{name}} ({{term}}); one person holds this post at a time, so end that term first',
    officerTermEnded: 'the term ended on {{termEnd}}',
    orgCommitteeInOffice: '{{count}} committee member(s) are in office: end their terms first',
  },
};

export const BACKUP_PROBLEMS: Record<Language, Table> = {
  'zh-CN': {
    notSqlite: '不是 SQLite 数据库文件',
    notStreetDesk: '不是街道党建工作台的数据库',
    newerVersion: '由更新版本的程序写入',
    corrupt: '文件已损坏（完整性检查未通过）',
    noStreet: '数据库中没有街道信息',
    noAdmin: '数据库中没有可用的管理员账号',
    empty: '文件是空的',
    tooLarge: '文件超过 2 GB，不像是本程序的备份（请确认选对了文件）',
  },
  en: {
    notSqlite: 'it is not an SQLite database file',
    notStreetDesk: 'it is not a StreetDesk database',
    newerVersion: 'it was written by a newer StreetDesk',
    corrupt: 'the file is damaged (integrity check failed)',
    noStreet: 'it holds no street profile',
    noAdmin: 'it holds no active administrator',
    empty: 'the file is empty',
    tooLarge: 'the file is over 2 GB, larger than any StreetDesk backup (check it is the right file)',
  },
};

export const ROLE_LABELS: Record<Language, Record<string, string>> = {
  'zh-CN': { admin: '管理员', clerk: '工作人员', viewer: '只读用户' },
  en: { admin: 'Administrator', clerk: 'Clerk', viewer: 'Viewer' },
};

/** 2026-11-21 14:05 in the machine's time zone, for messages that name a moment. */
export function formatLocalTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => (key in params ? String(params[key]) : `{{${key}}}`));
}

export { fieldLabel, moduleOfMethod, type FieldModule };

/**
 * “街道名称：至少 2 个字（填写的是“x”）” — names the field, what is wrong and the value typed. `module` is the
 * module of the method the issue came from, whose labels name the field (see field-labels.ts).
 */
export function formatIssue(issue: FieldIssue, lang: Language, module?: FieldModule): string {
  const problem = interpolate(FIELD_PROBLEMS[lang][issue.problem] ?? FIELD_PROBLEMS[lang].invalid, issue.params);
  // An issue about the input as a whole (an array where an object belongs) has no field: it is named as
  // the input, never left as an empty label ("填写的内容有误：：格式不正确").
  const label = issue.field === '' ? (lang === 'zh-CN' ? '提交的内容' : 'The input') : fieldLabel(issue.field, lang, module);
  const shown =
    issue.value === undefined || issue.value === '' || typeof issue.value === 'object'
      ? ''
      : lang === 'zh-CN'
        ? `（填写的是“${String(issue.value)}”）`
        : ` (you entered “${String(issue.value)}”)`;
  // A row of a pasted or imported sheet is named by its row, as the clerk sees it in Excel.
  const row = typeof issue.params?.sheetRow === 'number' ? issue.params.sheetRow : null;
  if (row !== null) return lang === 'zh-CN' ? `第 ${row} 行 ${label}：${problem}${shown}` : `Row ${row}: ${label} ${problem}${shown}`;
  return lang === 'zh-CN' ? `${label}：${problem}${shown}` : `${label} ${problem}${shown}`;
}

/** The whole error as one sentence; `method` (the call that failed) picks the labels its field issues are named by. */
export function formatError(error: Pick<ApiError, 'code' | 'details'>, lang: Language, method?: string): string {
  const params: Record<string, unknown> = { ...(error.details ?? {}) };
  if (typeof params.role === 'string') params.role = ROLE_LABELS[lang][params.role] ?? params.role;
  if (typeof params.reason === 'string') params.reason = BACKUP_PROBLEMS[lang][params.reason] ?? params.reason;
  if (typeof params.until === 'string') params.until = formatLocalTime(params.until);
  // A refusal of a user limited to one community names the community instead of the role.
  const template = error.code === 'FORBIDDEN' && typeof params.community === 'string' ? SCOPE_REFUSAL[lang] : (ERROR_TEXT[lang][error.code] ?? ERROR_TEXT[lang].INTERNAL);
  const head = interpolate(template, params);
  const issues = error.details?.issues ?? [];
  if (issues.length === 0) return head;
  const module = method === undefined ? undefined : moduleOfMethod(method);
  const list = issues.map((i) => formatIssue(i, lang, module));
  return lang === 'zh-CN' ? `${head}：${list.join('；')}` : `${head}: ${list.join('; ')}`;
}
