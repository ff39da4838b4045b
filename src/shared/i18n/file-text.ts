// Words core writes into the files it makes for people to read: exported rosters, the rejected rows of an
// import, printed boards and letters, the monthly return's and the district's workbooks. Typed keys, the
// same in both languages (labelTable); `{{name}}` marks a value filled in by fileText.
import type { Language } from '../api/schemas';
import { labelTable } from './label-table';
import { interpolate } from './messages';

export const FILE_TEXT = labelTable({
  'zh-CN': {
    yes: '是',
    no: '否',
    male: '男',
    female: '女',
    categoryFull: '正式党员',
    categoryProbationary: '预备党员',
    standingNormal: '正常',
    standingSuspended: '停止党籍',
    leaveDeath: '死亡',
    leaveTransferOut: '组织关系转出',
    leaveStruckOff: '除名',
    leaveLeft: '退党',
    leaveOther: '其他',
    rosterSheet: '党员名册',
    rosterTitle: '{{org}}党员名册',
    rosterHistoryTitle: '{{org}}党员历史名册',
    rosterExported: '{{title}}（导出日期 {{day}}）',
    rosterLeftOn: '离开日期',
    rosterLeftReason: '离开原因',
    rejectedSheet: '未导入的行',
    rejectedRow: 'Excel 行号',
    rejectedReason: '原因',
    reasonSeparator: '；',
    issueLine: '{{label}}：{{problem}}',
    boardNoTeam: '未编入服务队',
    boardMember: '党员',
    boardResident: '群众',
    returnTotal: '合计',
    returnNote: '说明：{{note}}',
    districtSheet: '全区汇总',
    districtTitle: '{{site}}党建工作月报汇总（{{period}}）',
    districtSent: '已报送 {{sent}} / {{total}} 个街道；未报送：{{missing}}',
    districtNoneMissing: '无',
    districtStreetTitle: '{{name}}（{{code}}）第 {{version}} 版',
    districtFileName: '{{site}}_{{period}}_汇总.xlsx',
    listSeparator: '、',
  },
  en: {
    yes: 'yes',
    no: 'no',
    male: 'male',
    female: 'female',
    categoryFull: 'full',
    categoryProbationary: 'probationary',
    standingNormal: 'normal',
    standingSuspended: 'suspended',
    leaveDeath: 'Died',
    leaveTransferOut: 'Transferred out',
    leaveStruckOff: 'Struck off',
    leaveLeft: 'Left the Party',
    leaveOther: 'Other',
    rosterSheet: 'Members',
    rosterTitle: 'Members of {{org}}',
    rosterHistoryTitle: 'Former members of {{org}}',
    rosterExported: '{{title}} (exported {{day}})',
    rosterLeftOn: 'Left on',
    rosterLeftReason: 'Reason',
    rejectedSheet: 'Rejected rows',
    rejectedRow: 'Excel row',
    rejectedReason: 'Reason',
    reasonSeparator: '; ',
    issueLine: '{{label}}: {{problem}}',
    boardNoTeam: 'Not in a team',
    boardMember: 'Member',
    boardResident: 'Resident',
    returnTotal: 'Total',
    returnNote: 'Note: {{note}}',
    districtSheet: 'District',
    districtTitle: '{{site}}: monthly returns consolidated ({{period}})',
    districtSent: '{{sent}} of {{total}} streets sent; missing: {{missing}}',
    districtNoneMissing: 'none',
    districtStreetTitle: '{{name}} ({{code}}) version {{version}}',
    districtFileName: '{{site}}_{{period}}_summary.xlsx',
    listSeparator: ', ',
  },
});

export type FileTextKey = keyof (typeof FILE_TEXT)['zh-CN'];

/** One text of a file in `lang`, with its `{{…}}` values filled in. */
export function fileText(lang: Language, key: FileTextKey, params?: Record<string, string | number>): string {
  return interpolate(FILE_TEXT[lang][key], params);
}
