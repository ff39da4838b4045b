// The roster import's field labels (part of the members namespace, see field-labels.ts) and problems
// (zh-CN + en); messages.ts merges the problems into its table.
import type { Language } from '../api/schemas';
import { labelTable } from './label-table';

type Table = Record<string, string>;

export const IMPORT_FIELD_LABELS = labelTable({
  'zh-CN': {
    mapValue: '值对应（--map-value）',
    community: '导入到社区',
    communityName: '导入到社区',
    file: '文件',
  },
  en: {
    mapValue: 'Value mapping (--map-value)',
    community: 'Import into community',
    communityName: 'Import into community',
    file: 'File',
  },
});

export const IMPORT_FIELD_PROBLEMS: Record<Language, Table> = {
  'zh-CN': {
    rosterNoHeaderAnySheet:
      '各个工作表（{{sheets}}）的前 20 行中都找不到表头（姓名、身份证号码等）。请在导入向导中选择工作表并指定表头所在行（命令行用 --sheet 工作表名 --header-row 行号）',
    rosterNoRows: '表头下面没有党员（只有表头或全是空行），没有可导入的内容',
    csvTooLarge: '超出上限（{{limit}}），请拆分成几个文件分批导入',
    rosterFileTooLarge: '有 {{size}}，超过了名册文件的上限 {{limit}}；请检查是否选错了文件，或把名册拆成几个文件分批导入',
    rosterTooManyParts: '内部部件过多（{{count}} 个，上限 {{limit}} 个），不像是正常的 Excel 工作簿；请在 Excel/WPS 中打开后另存为 .xlsx 再导入',
    rosterPartTooLarge: '中的 {{entry}} 解压后有 {{size}}，超过了上限 {{limit}}；请把名册拆成几个文件分批导入，或检查文件是否被恶意构造',
    rosterInflatedTooLarge: '解压后总共超过 {{limit}}，超过了名册的上限；请把名册拆成几个文件分批导入',
    rosterRatioTooHigh: '中的 {{entry}} 压缩比异常（{{ratio}} 倍，上限 {{limit}} 倍），可能是恶意构造的压缩炸弹，已拒绝读取；请在 Excel/WPS 中打开核对后另存再导入',
    rosterPartSizeWrong: '中的 {{entry}} 实际大小与文件目录中记载的不符，文件已损坏或被改动；请在 Excel/WPS 中打开后另存为 .xlsx 再导入',
    rosterPartName: '中有重复或带路径的部件名（{{entry}}），不是正常的 Excel 工作簿；请在 Excel/WPS 中打开后另存为 .xlsx 再导入',
    rosterTooManySheets: '有 {{count}} 个工作表，超过了上限 {{limit}} 个；请把名册所在的工作表复制到一个新工作簿中再导入',
    rosterTooManyRows: '工作表“{{sheet}}”的数据超过 {{limit}} 行，超过了一次导入的上限；请拆成几个文件分批导入',
    rosterTooManyCells: '工作表“{{sheet}}”中有内容的单元格超过 {{limit}} 个，超过了一次导入的上限；请删除多余的列或拆成几个文件分批导入',
    rosterCellBeyond: '单元格 {{cell}} 有内容，超出了名册可用的范围（最多 {{columns}} 列、{{rows}} 行）；请删除该单元格的内容或把名册复制到新工作表中再导入',
    rosterCellTooLong: '单元格 {{cell}} 的内容超过 {{limit}} 个字符（Excel 单元格的上限）；请核对该单元格',
    rosterMergedTooLarge: '合并单元格（{{cell}} 等）覆盖的范围过大（上限 {{limit}} 个单元格）；请取消多余的合并后再导入',
    rosterSheetCutShort: '工作表“{{sheet}}”不完整（文件被截断或损坏），没有导入任何内容；请在 Excel/WPS 中打开后另存为 .xlsx 再导入',
    rosterSharedStringMissing: '单元格 {{cell}} 引用的文字在工作簿中不存在（文件已损坏），没有导入任何内容；请在 Excel/WPS 中打开后另存为 .xlsx 再导入',
    csvLineTooLong: '第 {{row}} 行超过 {{limit}} 个字符（可能是引号不配对或不是 CSV 文件）；请核对该行',
    branchNameBlank: '党支部名称是空的（只有“/”）；请填写党支部的名称，如 幸福社区党委/第一党支部',
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
    rosterFileTooLarge: 'is {{size}}, over the limit for a roster file ({{limit}}); check it is the right file, or split the roster into several files',
    rosterTooManyParts: 'has too many parts ({{count}}, the limit is {{limit}}) for an Excel workbook; open it in Excel or WPS and save it as .xlsx again',
    rosterPartTooLarge: 'holds {{entry}}, which inflates to {{size}}, over the limit of {{limit}}; split the roster into several files, or check the file was not built to harm',
    rosterInflatedTooLarge: 'inflates to more than {{limit}} in all, over the limit for a roster; split the roster into several files',
    rosterRatioTooHigh: 'holds {{entry}}, compressed {{ratio}} times (the limit is {{limit}}): a zip bomb, not read; open it in Excel or WPS, check it and save it again',
    rosterPartSizeWrong: 'holds {{entry}}, whose size differs from the one its directory states: the file is damaged or was changed; open it in Excel or WPS and save it as .xlsx again',
    rosterPartName: 'has a duplicate or path-like part name ({{entry}}): not a normal Excel workbook; open it in Excel or WPS and save it as .xlsx again',
    rosterTooManySheets: 'has {{count}} sheets, over the limit of {{limit}}; copy the roster sheet into a new workbook and import that',
    rosterTooManyRows: 'has more than {{limit}} rows of data in sheet “{{sheet}}”, over the limit of one import; split it into several files',
    rosterTooManyCells: 'has more than {{limit}} filled cells in sheet “{{sheet}}”, over the limit of one import; remove the extra columns or split it into several files',
    rosterCellBeyond: 'has a value in cell {{cell}}, outside the range a roster may use ({{columns}} columns, {{rows}} rows); clear that cell or copy the roster into a new sheet',
    rosterCellTooLong: 'has more than {{limit}} characters in cell {{cell}} (the most an Excel cell holds); check that cell',
    rosterMergedTooLarge: 'has merged cells ({{cell}} and others) covering too much (the limit is {{limit}} cells); undo the extra merges and import again',
    rosterSheetCutShort: 'is incomplete: sheet “{{sheet}}” was cut short or damaged; nothing was imported. Open it in Excel or WPS and save it as .xlsx again',
    rosterSharedStringMissing: 'is damaged: cell {{cell}} refers to text the workbook does not hold; nothing was imported. Open it in Excel or WPS and save it as .xlsx again',
    csvLineTooLong: 'has more than {{limit}} characters in line {{row}} (an unmatched quote, or not a CSV file); check that line',
    branchNameBlank: 'names no branch (only “/”); write the branch’s name, e.g. 幸福社区党委/第一党支部',
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
