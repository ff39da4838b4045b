// Why a file the clerk takes away (a backup, an export, a package) could not be written: field problems of
// core/export/safe-write.ts, each naming the place (the field's value is the path) and what to do.
import type { Language } from '../api/schemas';

export const WRITE_FIELD_LABELS: Record<Language, Record<string, string>> = {
  'zh-CN': { target: '保存位置' },
  en: { target: 'Save location' },
};

export const WRITE_FIELD_PROBLEMS: Record<Language, Record<string, string>> = {
  'zh-CN': {
    writeDiskFull: '磁盘已满，文件没有写成，请换一个位置或腾出空间后重试',
    writeReadOnly: '是只读的（如写保护的 U 盘），文件没有写成，请换一个位置',
    writeFolderGone: '已不存在或无法访问（U 盘是否被拔出？），文件没有写成',
    writeDenied: '没有写入权限，文件没有写成，请换一个位置',
    writeFailed: '写入失败，文件没有写成（{{code}}）',
  },
  en: {
    writeDiskFull: 'is full: nothing was saved. Choose another place or free some space and try again',
    writeReadOnly: 'is read-only (a write-protected USB stick?): nothing was saved. Choose another place',
    writeFolderGone: 'is gone or cannot be reached (was the USB stick pulled out?): nothing was saved',
    writeDenied: 'may not be written to: nothing was saved. Choose another place',
    writeFailed: 'could not be written: nothing was saved ({{code}})',
  },
};
