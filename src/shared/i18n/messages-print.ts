// Printing's field labels (its namespace, see field-labels.ts) and field problems (zh-CN + en);
// messages.ts merges the problems into its table.
import type { Language } from '../api/schemas';
import { labelTable } from './label-table';

type Table = Record<string, string>;

export const PRINT_FIELD_LABELS = labelTable({
  'zh-CN': {
    stationName: '服务站名称',
    postcode: '邮政编码',
    hours: '办公时间',
    year: '年度',
    commitment: '承诺内容',
    transferId: '介绍信',
    requestId: '服务申请',
    doc: '文书',
    columns: '打印列',
    kind: '公示内容',
    params: '打印条件',
    action: '打印方式',
    records: '记录条数',
  },
  en: {
    stationName: 'Station name',
    postcode: 'Postcode',
    hours: 'Opening hours',
    year: 'Year',
    commitment: 'Commitment',
    transferId: 'Letter',
    requestId: 'Request',
    doc: 'Document',
    columns: 'Columns',
    kind: 'Board',
    params: 'Print options',
    action: 'Print or PDF',
    records: 'Number of records',
  },
});

export const PRINT_FIELD_PROBLEMS: Record<Language, Table> = {
  'zh-CN': {
    postcodeFormat: '邮政编码为 6 位数字',
    commitmentTaken: '{{name}} 在 {{year}} 年已有一条承诺，请修改原有的那条',
    memberNotOnRoll: '该党员已不在册',
  },
  en: {
    postcodeFormat: 'a postcode has 6 digits',
    commitmentTaken: '{{name}} already has a commitment for {{year}}: edit that one',
    memberNotOnRoll: 'this member is no longer on the roll',
  },
};
