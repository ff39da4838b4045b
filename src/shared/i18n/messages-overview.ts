// The secretary's overview (总览): the module's field labels (its namespace, see field-labels.ts).
import { labelTable } from './label-table';

export const OVERVIEW_FIELD_LABELS = labelTable({
  'zh-CN': { period: '月份', span: '统计周期' },
  en: { period: 'Month', span: 'Period' },
});
