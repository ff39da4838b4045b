// The audit log and backups as the settings page sees them.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Handlers } from '../context';
import { listAudit, verifyAuditChain } from '../services/audit';
import { backupFolder, checkRestorable, listBackups, removeWithSidecars, reserveBackupPath, writeBackup } from '../services/backup';
import { AppError } from '../../shared/result';
import { sqliteOnly } from '../db/connection';

export const recordHandlers: Pick<
  Handlers,
  'audit.list' | 'audit.verify' | 'backup.list' | 'backup.create' | 'backup.restore'
> = {
  'audit.list'(ctx, input) {
    return listAudit(ctx.db, input, ctx.scope, ctx.user?.id ?? null);
  },

  'audit.verify'(ctx) {
    return verifyAuditChain(ctx.db);
  },

  'backup.list'(ctx) {
    const folder = backupFolder(ctx.dbPath);
    return { folder, backups: listBackups(folder) };
  },

  async 'backup.create'(ctx) {
    const target = reserveBackupPath(backupFolder(ctx.dbPath), 'manual', ctx.now());
    const file = await writeBackup(sqliteOnly(ctx.db, 'backup'), target, (p) => ctx.progress(p.done, p.total), ctx.signal);
    ctx.progress(1, 1);
    ctx.tx(() => ctx.audit({ action: 'backup.create', entity: 'backup', entityId: file.name, after: file }));
    return file;
  },

  async 'backup.restore'(ctx, input) {
    const folder = backupFolder(ctx.dbPath);
    fs.mkdirSync(folder, { recursive: true });
    const restoredFrom = input.kind === 'backup' ? input.name : input.fileName;
    let source = path.join(folder, input.kind === 'backup' ? input.name : '');
    let uploaded: string | null = null;
    if (input.kind === 'backup') {
      if (!fs.existsSync(source)) throw new AppError('NOT_FOUND', `backup ${input.name} not found`, { entity: 'backup', id: input.name });
    } else {
      uploaded = path.join(folder, `upload-${randomBytes(6).toString('hex')}.tmp`);
      fs.writeFileSync(uploaded, input.bytes);
      source = uploaded;
    }
    let checked: string | null = null;
    try {
      checked = checkRestorable(source, restoredFrom, folder);
      const preRestore = await writeBackup(sqliteOnly(ctx.db, 'backup'), reserveBackupPath(folder, 'pre-restore', ctx.now()));
      const candidate = checked;
      ctx.replaceDatabase(() => {
        const temp = `${ctx.dbPath}.restoring`;
        fs.copyFileSync(candidate, temp);
        fs.rmSync(`${ctx.dbPath}-wal`, { force: true });
        fs.rmSync(`${ctx.dbPath}-shm`, { force: true });
        fs.renameSync(temp, ctx.dbPath);
      });
      ctx.tx(() =>
        ctx.audit(
          { action: 'backup.restore', entity: 'backup', entityId: restoredFrom, after: { restoredFrom, preRestoreCopy: preRestore.name } },
          { userId: null, username: ctx.user?.username ?? 'system' },
        ),
      );
      ctx.sessions.endAll();
      return { restoredFrom, preRestoreCopy: preRestore.name };
    } finally {
      if (uploaded) removeWithSidecars(uploaded);
      if (checked) removeWithSidecars(checked);
    }
  },
};
