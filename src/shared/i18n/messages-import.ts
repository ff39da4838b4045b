// The roster import's field labels (part of the members namespace, see field-labels.ts) and problems
// (zh-CN + en); messages.ts merges the problems into its table.
import type { Language } from '../api/schemas';
import { labelTable } from './label-table';

type Table = Record<string, string>;

export const IMPORT_FIELD_LABELS = labelTable({
  'zh-CN': {
    mapValue: '值对应（--map-value）',
    community: '导入到社区',
  },
  en: {
    mapValue: 'Value mapping (--map-value)',
    community: 'Import into community',
  },
});

export const IMPORT_FIELD_PROBLEMS: Record<Language, Table> = {
  'zh-CN': {
    rosterNoHeaderAnySheet:
      '各个工作表（{{sheets}}）的前 20 行中都找不到表头（姓名、身份证号码等）。请在导入向导中选择工作表并指定表头所在行（命令行用 --sheet 工作表名 --header-row 行号）',
    rosterNoRows: '表头下面没有党员（只有表头或全是空行），没有可导入的内容',
    csvTooLarge: '超出上限（{{limit}}），请拆分成几个文件分批导入',
    joinedUnder18: '入党时未满 {{age}} 周岁（身份证号中的出生日期为 {{birthDate}}），请核对入党日期',
    probationShort: '转正日期距入党日期（{{joinDate}}）不足一年，预备期一般为一年，请核对',
    probationLong: '转正日期距入党日期（{{joinDate}}）超过两年，预备期最多延长一年，请核对',
    codeUnmapped: '“{{value}}”不在代码表中，请在导入向导的“未识别的值”中把它对应到代码表中的一项（命令行用 --map-value {{column}}={{value}}:代码名称）',
    mapValueFormat: '应写成 列名=原文:代码名称，如 学历=电大:大学专科',
    mapValueField: '“{{column}}”不是有代码表的字段（可用：{{fields}}）',
    mapValueLabel: '“{{label}}”不是“{{column}}”代码表中的一项',
    synonymIsLabel: '“{{value}}”本身就是代码表中的名称，不需要对应',
    communityUnknown: '本街道没有这个社区（现有：{{communities}}）',
    branchNotInCommunity: '{{community}}没有这个党支部（其他社区有同名的）；可勾选“自动创建缺少的党支部”，或先在组织架构中建好',
  },
  en: {
    rosterNoHeaderAnySheet:
      'no sheet ({{sheets}}) has a header row (name, ID number …) in its first 20 rows. Choose the sheet and the header row in the import wizard (on the command line: --sheet NAME --header-row N)',
    rosterNoRows: 'has no members below its header (only the header, or blank rows): nothing to import',
    csvTooLarge: 'is over the limit ({{limit}}); split it into several files and import them one by one',
    joinedUnder18: 'is before the member turned {{age}} (born {{birthDate}} by the ID number); check the joining date',
    probationShort: 'is less than a year after joining ({{joinDate}}); probation is normally one year — check it',
    probationLong: 'is more than two years after joining ({{joinDate}}); probation may be extended by one year at most — check it',
    codeUnmapped:
      '“{{value}}” is not in the code table; map it to a code under “Unknown values” in the import wizard (on the command line: --map-value {{column}}={{value}}:LABEL)',
    mapValueFormat: 'should read COLUMN=TEXT:LABEL, e.g. 学历=电大:大学专科',
    mapValueField: '“{{column}}” is not a coded field (coded fields: {{fields}})',
    mapValueLabel: '“{{label}}” is not in the code table of “{{column}}”',
    synonymIsLabel: '“{{value}}” is already a name in the code table; it needs no mapping',
    communityUnknown: 'is not a community of this street (there are: {{communities}})',
    branchNotInCommunity: 'is not a branch of {{community}} (other communities have one by this name); tick “create missing branches” or add it first',
  },
};
