// Writing a backup or an export to a place that fails: a full disk, a read-only folder, a USB stick pulled
// out. Each is reported with the path and the reason in both languages; nothing under the real name is
// left half-written, no partial file stays behind, and the database is not touched.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../src/core/services/backup';
import { writeFileAtomic, writeProblem } from '../../src/core/export/safe-write';
import { verifyAuditChain } from '../../src/core/services/audit';
import { formatError } from '../../src/shared/i18n/messages';
import { AppError } from '../../src/shared/result';
import { appsForEachTest, makeTempDir, tableSnapshot, type TestApp } from '../support/factory';

const apps = appsForEachTest();
const mounts: string[] = [];
const folders: string[] = [];

afterAll(() => {
  for (const m of mounts) execFileSync('umount', [m]);
  for (const f of folders) {
    fs.chmodSync(f, 0o755);
    fs.rmSync(f, { recursive: true, force: true });
  }
});

/** A small tmpfs when we may mount one (root), the truest "full" and "read-only" a test can have. */
function tmpfs(options: string): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = makeTempDir('streetdesk-mnt-');
  folders.push(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounts.push(dir);
  return dir;
}

/** A read-only folder: a read-only mount, or (not root) a folder without write permission. */
function readOnlyFolder(): { dir: string; problem: string } {
  const mounted = tmpfs('ro,size=64k');
  if (mounted) return { dir: mounted, problem: 'writeReadOnly' };
  const dir = makeTempDir('streetdesk-ro-');
  folders.push(dir);
  fs.chmodSync(dir, 0o555);
  return { dir, problem: 'writeDenied' };
}

async function failure(work: () => unknown): Promise<AppError> {
  try {
    await work();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('the write did not fail');
}

/** The database as the clerk has it: rows of every table and an intact audit chain. */
function state(t: TestApp) {
  return { rows: tableSnapshot(t.app.sqlite), audit: verifyAuditChain(t.app.sqlite) };
}

function expectReported(err: AppError, target: string, problem: string, zh: string, en: string): void {
  expect(err.code).toBe('VALIDATION');
  expect(err.details?.issues?.[0]).toMatchObject({ field: 'target', problem, value: target });
  const zhText = formatError(err.toApiError(), 'zh-CN');
  const enText = formatError(err.toApiError(), 'en');
  expect(zhText).toContain(target);
  expect(zhText).toContain('保存位置');
  expect(zhText).toContain(zh);
  expect(enText).toContain(target);
  expect(enText).toContain(en);
  for (const text of [zhText, enText]) expect(text).not.toMatch(/\bwrite(DiskFull|ReadOnly|FolderGone|Denied|Failed)\b|\{\{/);
}

describe('a backup written to a place that fails', () => {
  it('a read-only folder: reported with the path and why, nothing left there, the database untouched', async () => {
    const t = await apps();
    const before = state(t);
    const { dir, problem } = readOnlyFolder();
    const target = path.join(dir, 'streetdesk-backup.db');
    const err = await failure(() => writeBackup(t.app.sqlite, target));
    if (problem === 'writeReadOnly') expectReported(err, target, problem, '只读', 'read-only');
    else expectReported(err, target, problem, '没有写入权限', 'may not be written');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(state(t)).toEqual(before);
  });

  it('a pulled USB stick (the folder is gone): reported, and the folder is not made again on the local disk', async () => {
    const t = await apps();
    const before = state(t);
    const stick = makeTempDir('streetdesk-stick-');
    fs.rmSync(stick, { recursive: true });
    const target = path.join(stick, 'streetdesk-backup.db');
    const err = await failure(() => writeBackup(t.app.sqlite, target));
    expectReported(err, target, 'writeFolderGone', 'U 盘是否被拔出', 'USB stick pulled out');
    expect(fs.existsSync(stick)).toBe(false);
    expect(state(t)).toEqual(before);
  });

  it('a full disk: reported as full, no partial file left, the database untouched', async (ctx) => {
    const full = tmpfs('size=64k');
    if (!full) ctx.skip(); // not root: the file target below (/dev/full) covers the reason
    const t = await apps();
    // Some bulk so that the copy cannot fit in 64 KB.
    t.app.database.transaction(() => {
      const insert = t.app.database.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
      for (let i = 0; i < 64; i++) insert.run(`filler-${i}`, 'x'.repeat(4000));
    })();
    const before = state(t);
    const target = path.join(full!, 'streetdesk-backup.db');
    const err = await failure(() => writeBackup(t.app.sqlite, target));
    expectReported(err, target, 'writeDiskFull', '磁盘已满', 'is full');
    expect(fs.readdirSync(full!)).toEqual([]);
    expect(state(t)).toEqual(before);
  });
});

describe('an export (any file the clerk takes away) written to a place that fails', () => {
  it('a full disk, a read-only folder and a vanished folder are each named; a good folder gets the whole file', async () => {
    const t = await apps();
    const { bytes } = await t.app.invoke('members.export', { layout: 'view' }, t.adminToken);
    const before = state(t);
    const full = tmpfs('size=4k');
    if (full) {
      const target = path.join(full, '党员名册.xlsx');
      expectReported(await failure(() => writeFileAtomic(target, bytes)), target, 'writeDiskFull', '磁盘已满', 'is full');
      expect(fs.readdirSync(full)).toEqual([]);
    }
    const ro = readOnlyFolder();
    const roTarget = path.join(ro.dir, '党员名册.xlsx');
    expect((await failure(() => writeFileAtomic(roTarget, bytes))).details?.issues?.[0]).toMatchObject({ problem: ro.problem, value: roTarget });
    expect(fs.readdirSync(ro.dir)).toEqual([]);
    const gone = path.join(makeTempDir('streetdesk-gone-'), 'stick');
    const goneTarget = path.join(gone, '党员名册.xlsx');
    expect((await failure(() => writeFileAtomic(goneTarget, bytes))).details?.issues?.[0]).toMatchObject({ problem: 'writeFolderGone' });
    expect(fs.existsSync(gone)).toBe(false);

    const good = makeTempDir('streetdesk-out-');
    folders.push(good);
    writeFileAtomic(path.join(good, '党员名册.xlsx'), bytes);
    expect(fs.readdirSync(good)).toEqual(['党员名册.xlsx']);
    expect(fs.readFileSync(path.join(good, '党员名册.xlsx')).equals(Buffer.from(bytes))).toBe(true);
    expect(state(t)).toEqual(before);
  });

  it('a device that takes no bytes (/dev/full) is named as full', () => {
    const fd = fs.openSync('/dev/full', 'w');
    try {
      fs.writeSync(fd, Buffer.alloc(16));
      throw new Error('/dev/full accepted bytes');
    } catch (err) {
      expect(writeProblem(err, '/dev')).toBe('writeDiskFull');
    } finally {
      fs.closeSync(fd);
    }
  });
});
