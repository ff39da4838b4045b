// The monthly return's tables as people read them: ids, titles and column headings in zh-CN and en.
// Core computes them, summary.xlsx and the district report print them, the renderer shows them.

export const RETURN_TABLE_IDS = ['membersByCommunity', 'membersByOccupation', 'changes', 'transfers', 'serviceRequests', 'volunteerHours', 'orgLife', 'dues', 'funds', 'governance', 'development'] as const;
export type ReturnTableId = (typeof RETURN_TABLE_IDS)[number];

/** A figure worked out from two summed columns (never summed itself): a rate in percent or an average. */
export interface DerivedColumn {
  num: string;
  den: string;
  kind: 'percent' | 'average';
}

export interface ReturnColumn {
  key: string;
  derived?: DerivedColumn;
}

export interface ReturnRow {
  key: string;
  label: string;
  values: Record<string, number | null>;
}

export interface ReturnTable {
  id: ReturnTableId;
  columns: ReturnColumn[];
  rows: ReturnRow[];
  total: Record<string, number | null>;
}

interface Labels {
  zh: string;
  en: string;
}

export const TABLE_TITLES: Record<ReturnTableId, Labels> = {
  membersByCommunity: { zh: '党员分布（按社区）', en: 'Members by community' },
  membersByOccupation: { zh: '党员构成（按工作岗位）', en: 'Members by occupation group' },
  changes: { zh: '本月党员变动', en: 'Changes this month' },
  transfers: { zh: '组织关系转接', en: 'Transfers of membership' },
  serviceRequests: { zh: '便民服务办件（三张清单）', en: 'Service requests by list' },
  volunteerHours: { zh: '志愿服务时长', en: 'Volunteer hours' },
  orgLife: { zh: '组织生活落实情况', en: 'Organizational life' },
  dues: { zh: '党费收缴（按社区，金额单位：分）', en: 'Party dues by community (amounts in fen)' },
  funds: { zh: '党建经费收支（按社区，金额单位：分）', en: 'Party-building funds by community (amounts in fen)' },
  governance: { zh: '社区治理（公开、项目、审计、换届）', en: 'Community governance' },
  development: { zh: '发展党员', en: 'Developing new members' },
};

/** What a consolidated table's rows are: a street's communities, a district's streets, a city's districts. */
export type RowsBy = 'community' | 'street' | 'district';

const ROWS_BY: Record<RowsBy, Labels> = { community: { zh: '按社区', en: 'by community' }, street: { zh: '按街道', en: 'by street' }, district: { zh: '按区', en: 'by district' } };

/**
 * A table's title as it reads at one level: the titles name a street's rows (按社区); a district's tables
 * have a row per street and a city's a row per district, so the same table says so there.
 */
export function tableTitle(id: ReturnTableId, lang: 'zh-CN' | 'en', rowsBy: RowsBy = 'community'): string {
  const zh = lang === 'zh-CN';
  const title = zh ? TABLE_TITLES[id].zh : TABLE_TITLES[id].en;
  if (rowsBy === 'community') return title;
  return zh ? title.replace(ROWS_BY.community.zh, ROWS_BY[rowsBy].zh) : title.replace(ROWS_BY.community.en, ROWS_BY[rowsBy].en);
}

export const COLUMN_LABELS: Record<string, Labels> = {
  total: { zh: '党员总数', en: 'Members' },
  full: { zh: '正式党员', en: 'Full' },
  probationary: { zh: '预备党员', en: 'Probationary' },
  mobile: { zh: '流动党员', en: 'Mobile' },
  lostContact: { zh: '失联党员', en: 'Lost contact' },
  hardship: { zh: '生活困难党员', en: 'Hardship' },
  inServiceRegistered: { zh: '在职党员报到', en: 'In-service registered' },
  suspended: { zh: '停止党籍', en: 'Standing suspended' },
  joined: { zh: '新入党', en: 'Joined' },
  madeFull: { zh: '转为正式党员', en: 'Made full' },
  transferredIn: { zh: '转入', en: 'Transferred in' },
  transferredOut: { zh: '转出', en: 'Transferred out' },
  died: { zh: '死亡', en: 'Died' },
  leftParty: { zh: '出党', en: 'Left the Party' },
  restored: { zh: '恢复党籍', en: 'Standing restored' },
  issued: { zh: '本月开具', en: 'Issued this month' },
  open: { zh: '未办结', en: 'Open' },
  expired: { zh: '介绍信过期未报到', en: 'Letter expired' },
  receiptOverdue: { zh: '回执逾期未回', en: 'Receipt overdue' },
  requests: { zh: '受理件数', en: 'Requests' },
  closed: { zh: '办结件数', en: 'Closed' },
  onTime: { zh: '按时办结', en: 'Closed on time' },
  onTimeRate: { zh: '按时办结率（%）', en: 'On-time rate (%)' },
  rated: { zh: '评价件数', en: 'Rated' },
  ratingSum: { zh: '评分合计', en: 'Score sum' },
  satisfaction: { zh: '平均满意度', en: 'Average satisfaction' },
  overdue: { zh: '仍逾期', en: 'Still overdue' },
  volunteers: { zh: '志愿者人数', en: 'Volunteers' },
  hours: { zh: '服务时长（小时）', en: 'Hours' },
  lifeBranches: { zh: '党支部数', en: 'Branches' },
  lifeBranchMeeting: { zh: '开支部党员大会', en: 'Held a general meeting' },
  lifeCommittee: { zh: '开支委会', en: 'Held a committee meeting' },
  lifeGroup: { zh: '开党小组会', en: 'Held Party group meetings' },
  lifeLecture: { zh: '上党课', en: 'Held a Party lecture' },
  lifeThemeDay: { zh: '开展主题党日', en: 'Held a theme Party day' },
  lifeLifeMeeting: { zh: '开组织生活会', en: 'Held a life meeting' },
  lifeTalk: { zh: '开展谈心谈话', en: 'Held talks' },
  lifeDue: { zh: '本月到期项数', en: 'Due this month' },
  lifeDone: { zh: '按期落实项数', en: 'Met' },
  lifeRate: { zh: '落实率（%）', en: 'Rate (%)' },
  duesMembers: { zh: '应交人数', en: 'Members due' },
  duesCollected: { zh: '本月已收（分）', en: 'Collected (fen)' },
  duesOwed: { zh: '本月未收（分）', en: 'Still owed (fen)' },
  duesInArrears: { zh: '欠交党员', en: 'Members in arrears' },
  fundsReceived: { zh: '收入（分）', en: 'Received (fen)' },
  fundsSpent: { zh: '支出（分）', en: 'Spent (fen)' },
  partyOnTime: { zh: '党务按时公开', en: 'Party affairs published' },
  affairsOnTime: { zh: '居务按时公开', en: 'Community affairs published' },
  financeOnTime: { zh: '财务按时公开', en: 'Finances published' },
  serviceOnTime: { zh: '服务按时公开', en: 'Services published' },
  projects: { zh: '本年项目', en: 'Projects this year' },
  projectsDone: { zh: '已完成项目', en: 'Projects done' },
  projectsRate: { zh: '项目完成率（%）', en: 'Projects done (%)' },
  audits: { zh: '计划审计', en: 'Audits planned' },
  auditsDone: { zh: '完成审计', en: 'Audits done' },
  auditsRate: { zh: '审计完成率（%）', en: 'Audits done (%)' },
  electionsDue: { zh: '到期应换届', en: 'Elections due' },
  applications: { zh: '递交入党申请', en: 'Applications' },
  activists: { zh: '确定入党积极分子', en: 'New activists' },
  candidates: { zh: '确定发展对象', en: 'New candidates' },
  admissions: { zh: '接收预备党员', en: 'Admitted' },
  yearAdmissions: { zh: '本年累计发展', en: 'Admitted this year' },
  planned: { zh: '年度发展计划', en: 'Yearly plan' },
};

export const ROW_LABELS: Record<string, Labels> = {
  none: { zh: '街道直属（未分社区）', en: 'Street level (no community)' },
  occ0: { zh: '在岗职工', en: 'In-service staff' },
  occ1: { zh: '农牧渔民', en: 'Farmers, herders, fishers' },
  occ2: { zh: '解放军、武警', en: 'Army and armed police' },
  occ3: { zh: '学生', en: 'Students' },
  occ4: { zh: '离退休人员', en: 'Retired' },
  occ5: { zh: '其他职业', en: 'Other' },
  occNone: { zh: '未填写', en: 'Not given' },
  in: { zh: '转入', en: 'In' },
  out: { zh: '转出', en: 'Out' },
  within: { zh: '街道内转接', en: 'Within the street' },
  immediate: { zh: '即办', en: 'Immediate (即办)' },
  agency: { zh: '代办', en: 'Agency (代办)' },
  guidance: { zh: '指导', en: 'Guidance (指导)' },
  noTeam: { zh: '未编入服务队', en: 'No team' },
};

/** A row's name on screen and paper: the fixed rows by their label, communities and teams by name. */
export function rowLabel(row: ReturnRow, lang: 'zh-CN' | 'en'): string {
  const fixed = ROW_LABELS[row.label];
  return fixed ? (lang === 'zh-CN' ? fixed.zh : fixed.en) : row.label;
}

/** A derived figure from its two sums: one decimal, null when there is nothing to divide by. */
export function deriveValue(d: DerivedColumn, values: Record<string, number | null>): number | null {
  const den = values[d.den] ?? 0;
  if (!den) return null;
  const v = ((values[d.num] ?? 0) / den) * (d.kind === 'percent' ? 100 : 1);
  return Math.round(v * 10) / 10;
}

/** The table's total row: plain columns summed, derived ones worked out from the sums. */
export function totalOf(columns: ReturnColumn[], rows: ReturnRow[]): Record<string, number | null> {
  const total: Record<string, number | null> = {};
  for (const c of columns) if (!c.derived) total[c.key] = rows.reduce((s, r) => s + (r.values[c.key] ?? 0), 0);
  for (const c of columns) if (c.derived) total[c.key] = deriveValue(c.derived, total);
  return total;
}

export const PERIOD_PATTERN = /^[12]\d{3}-(0[1-9]|1[0-2])$/;
