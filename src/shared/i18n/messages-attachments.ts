// Attachments (附件): the module's field labels (its namespace, see field-labels.ts) and field problems
// (zh-CN + en); messages.ts merges the problems into its table.
import type { Language } from '../api/schemas';
import { labelTable } from './label-table';

export const ATTACHMENT_FIELD_LABELS = labelTable({
  'zh-CN': { owner: '所属记录类别', ownerId: '所属记录' },
  en: { owner: 'Kind of record', ownerId: 'Record' },
});

export const ATTACHMENT_FIELD_PROBLEMS: Record<Language, Record<string, string>> = {
  'zh-CN': {
    attachmentFileName: '文件名不能含有 \\ / : * ? " < > | 等字符',
    attachmentEmpty: '文件是空的',
    attachmentTooBig: '文件超过 20 MB，请压缩或分成几份',
    attachmentTooMany: '一条记录最多 {{max}} 个附件',
    attachmentDuplicate: '同样的文件已作为“{{other}}”附上',
  },
  en: {
    attachmentFileName: 'a file name cannot contain \\ / : * ? " < > |',
    attachmentEmpty: 'the file is empty',
    attachmentTooBig: 'the file is over 20 MB; compress it or split it',
    attachmentTooMany: 'a record keeps at most {{max}} attachments',
    attachmentDuplicate: 'the same file is already attached as “{{other}}”',
  },
};
