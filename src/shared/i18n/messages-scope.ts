// A user limited to one community (数据范围): the refusal's head and its field problems (zh-CN + en);
// messages.ts merges the problems into its tables and uses the head for a FORBIDDEN that names a community.
import type { Language } from '../api/schemas';

type Table = Record<string, string>;

/** The head of a scope refusal: `community` is the user's community. */
export const SCOPE_REFUSAL: Record<Language, string> = {
  'zh-CN': '您的账号限定在{{community}}，不能办理这一项',
  en: 'Your account is limited to {{community}} and cannot do this',
};

export const SCOPE_FIELD_PROBLEMS: Record<Language, Table> = {
  'zh-CN': {
    orgOutsideScope: '不属于{{community}}的党组织',
    memberOutsideScope: '不是{{community}}党员名册中的党员',
    memberElsewhereOutsideScope: '此人已在其他社区的党员名册中，须由全街道的工作人员办理',
    communityOutsideScope: '只能是{{community}}',
    communityCreateStreetWide: '新建社区须由全街道的工作人员办理',
    scopeCodeFixed: '您的账号按这个区划代码限定社区，不能自行修改，请联系管理员',
    transferOutsideScope: '这封介绍信与{{community}}无关',
    requestOutsideScope: '这项服务申请不是{{community}}受理的',
    returnIsStreets: '月报是全街道的，由不限定社区的工作人员核对、定稿、生成和报送；您可以查看',
    streetKeyIsStreets: '街道密钥是全街道的，由不限定社区的工作人员导出',
    projectYearIsStreets: '年度项目计划是全街道的，由不限定社区的工作人员审定和年终结项',
  },
  en: {
    orgOutsideScope: 'is not a Party organization of {{community}}',
    memberOutsideScope: 'is not a member on the roll of {{community}}',
    memberElsewhereOutsideScope: 'belongs to a person already on another community’s roll; a user of the whole street handles it',
    communityOutsideScope: 'can only be {{community}}',
    communityCreateStreetWide: 'a new community is added by a user of the whole street',
    scopeCodeFixed: 'is the code your account is limited by and cannot be changed by you; ask the administrator',
    transferOutsideScope: 'is a letter that does not concern {{community}}',
    requestOutsideScope: 'is a request not accepted by {{community}}',
    returnIsStreets: 'the monthly return is the whole street’s: a user not limited to one community checks, finalizes, builds and sends it; you can read it',
    streetKeyIsStreets: 'the street’s key is exported by a user of the whole street',
    projectYearIsStreets: 'the year’s projects plan is the whole street’s: a user not limited to one community approves and closes it',
  },
};
