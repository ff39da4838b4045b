// Labels of the coded member fields (ethnicity GB 3304, education, occupation) as the grid shows them.
// Stopgap: these are the default code tables core seeds (migration 0002). The tables are editable there,
// so once the contract serves them (a `codes.list` method) the grid must read them from it instead.

const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
];

export const CODE_LABELS: Record<'ethnicity' | 'education' | 'occupation', ReadonlyMap<string, string>> = {
  ethnicity: new Map([
    ...ETHNICITIES.map((label, i): [string, string] => [String(i + 1).padStart(2, '0'), label]),
    ['97', '其他'],
    ['98', '外国血统中国籍人士'],
  ]),
  education: new Map([
    ['11', '博士研究生'],
    ['14', '硕士研究生'],
    ['21', '大学本科'],
    ['31', '大学专科'],
    ['41', '中等专科'],
    ['61', '高中'],
    ['71', '初中'],
    ['81', '小学'],
    ['90', '其他'],
  ]),
  occupation: new Map([
    ['0111', '公务员'],
    ['0121', '事业单位管理人员'],
    ['0122', '事业单位专业技术人员'],
    ['0131', '国有企业管理人员'],
    ['0132', '国有企业专业技术人员'],
    ['0139', '公有制单位工勤技能人员'],
    ['0211', '非公有制企业管理人员'],
    ['0212', '非公有制企业专业技术人员'],
    ['0213', '非公有制单位工勤技能人员'],
    ['0221', '社会组织从业人员'],
    ['0231', '农民工'],
    ['0241', '社区工作者'],
    ['0251', '个体工商户'],
    ['0261', '自由职业人员'],
    ['1000', '农牧渔民'],
    ['2000', '解放军、武警现役人员'],
    ['3000', '学生'],
    ['4010', '离休干部'],
    ['4020', '退休人员'],
    ['5010', '下岗失业人员'],
    ['5090', '其他'],
  ]),
};

/** The label of a code, or the code itself when the table does not know it. */
export function codeLabel(table: keyof typeof CODE_LABELS, code: string | null): string {
  if (code === null) return '';
  return CODE_LABELS[table].get(code) ?? code;
}
