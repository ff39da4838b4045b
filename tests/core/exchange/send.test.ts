// Sending: a folder (USB stick) write counts only once it has been read back and verified; a target that
// refuses writes half way is reported and nothing is marked sent. Upload: to the district's own host on
// 127.0.0.1, stopped and restarted in the middle, ends in exactly one accepted package and a stored receipt.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../src/host/server';
import { NODE_IO, writeToFolder, type FolderIo } from '../../../src/core/exchange/send';
import { linuxTargets, windowsTargets } from '../../../src/core/exchange/targets';
import { count, expectError, makeTempDir } from '../../support/factory';
import { buildPackage, openSiteDb, pair, PERIOD, sitesForEachTest, type Site } from '../../support/exchange';

const sites = sitesForEachTest();
const WORKER_URL = new URL('../../../src/core/worker/tsx-worker.mjs', import.meta.url);
const hosts: RunningHost[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = makeTempDir('streetdesk-send-');
  dirs.push(d);
  return d;
}

describe('where a package can go', () => {
  it('offers USB sticks first: Linux mounts with the block device’s removable flag, and /media mounts', () => {
    // A /sys tree as the kernel lays it out: sdb is a USB stick (removable 1), sda the system disk.
    const sys = tempDir();
    for (const [disk, removable] of [['sda', '0'], ['sdb', '1']]) {
      fs.mkdirSync(path.join(sys, 'block', disk, `${disk}1`), { recursive: true });
      fs.writeFileSync(path.join(sys, 'block', disk, 'removable'), `${removable}\n`);
      fs.mkdirSync(path.join(sys, 'class/block'), { recursive: true });
      fs.symlinkSync(path.join(sys, 'block', disk, `${disk}1`), path.join(sys, 'class/block', `${disk}1`));
    }
    const mounts = [
      'sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0',
      '/dev/sda1 / ext4 rw,relatime 0 0',
      '/dev/sdb1 /mnt/stick vfat rw,relatime,uid=1000 0 0',
      '/dev/sda1 /mnt/data ext4 rw,relatime 0 0',
      '/dev/sdc1 /media/wang/KINGSTON\\040U\\040DISK vfat rw,nosuid 0 0',
      'tmpfs /run/user/1000 tmpfs rw 0 0',
    ].join('\n');
    expect(linuxTargets(mounts, sys)).toEqual([
      { path: '/mnt/stick', kind: 'removable', label: 'stick' },
      { path: '/mnt/data', kind: 'fixed', label: 'data' },
      { path: '/media/wang/KINGSTON U DISK', kind: 'removable', label: 'KINGSTON U DISK' },
    ]);
  });

  it('reads Windows’ logical disks: DriveType 2 is removable, network and CD drives are left out', () => {
    const json = '[{"DeviceID":"C:","DriveType":3,"VolumeName":"系统"},{"DeviceID":"E:","DriveType":2,"VolumeName":"KINGSTON"},{"DeviceID":"F:","DriveType":5,"VolumeName":null},{"DeviceID":"Z:","DriveType":4,"VolumeName":"共享"}]';
    expect(windowsTargets(json)).toEqual([
      { path: 'C:\\', kind: 'fixed', label: 'C: 系统' },
      { path: 'E:\\', kind: 'removable', label: 'E: KINGSTON' },
    ]);
    expect(windowsTargets('{"DeviceID":"E:","DriveType":2,"VolumeName":null}')).toEqual([{ path: 'E:\\', kind: 'removable', label: 'E:' }]);
  });

  it('offers the folder the last package went to, with its free space', async () => {
    const street = await sites.street(1, 30);
    const built = await buildPackage(street);
    const stick = tempDir();
    expect((await street.app.invoke('returns.sendTargets', {}, street.token)).some((t) => t.kind === 'recent')).toBe(false);
    await street.app.invoke('returns.sendToFolder', { packageId: built.package.id, folder: stick }, street.token);
    const targets = await street.app.invoke('returns.sendTargets', {}, street.token);
    expect(targets.at(-1)).toMatchObject({ path: stick, kind: 'recent' });
    expect(targets.at(-1)!.freeBytes).toBeGreaterThan(0);
  });
});

describe('sending to a folder', () => {
  it('writes, reads back, verifies, and records the send', async () => {
    const street = await sites.street(1, 30);
    const built = await buildPackage(street);
    const stick = tempDir();
    const sent = await street.app.invoke('returns.sendToFolder', { packageId: built.package.id, folder: stick }, street.token);
    expect(sent.file).toBe(path.join(stick, built.package.fileName));
    expect(fs.readdirSync(stick)).toEqual([built.package.fileName]);
    expect(sent.verified).toMatchObject({ streetCode: street.code, period: PERIOD, version: 1 });
    expect(sent.package).toMatchObject({ sentVia: 'folder', sentTo: sent.file });
  });

  it('reports a target that refuses writes (a full device) and marks nothing sent', async () => {
    const street = await sites.street(1, 30);
    const built = await buildPackage(street);
    const stick = tempDir();
    // The device accepts the file name but no bytes: /dev/full answers every write with ENOSPC.
    fs.symlinkSync('/dev/full', path.join(stick, `${built.package.fileName}.part`));
    const e = await expectError(street.app, 'returns.sendToFolder', { packageId: built.package.id, folder: stick }, street.token, 'VALIDATION');
    expect(e.details?.issues?.[0]).toMatchObject({ field: 'folder', problem: 'sendWriteFailed' });
    expect(e.message).toContain('数据包没有送出');
    expect(e.message).toContain('ENOSPC');
    expect(fs.existsSync(path.join(stick, built.package.fileName))).toBe(false);
    const info = await street.app.invoke('returns.get', { period: PERIOD }, street.token);
    expect(info.packages[0].sentVia).toBeNull();
  });

  it('reports a stick pulled out half way and leaves no partial package behind', async () => {
    const street = await sites.street(1, 1000);
    const built = await buildPackage(street);
    expect(built.bytes.length).toBeGreaterThan(4 * 16 * 1024);
    const stick = tempDir();
    let written = 0;
    const halfWay: FolderIo = {
      ...NODE_IO,
      write(fd, bytes) {
        if (written > built.bytes.length / 2) throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
        const n = NODE_IO.write(fd, bytes);
        written += n;
        return n;
      },
    };
    expect(() => writeToFolder(built.bytes, stick, built.package.fileName, halfWay)).toThrowError(/EIO/);
    expect(written).toBeGreaterThan(0);
    expect(fs.readdirSync(stick)).toEqual([]);
  });
});

async function districtHost(district: Site, port = 0): Promise<RunningHost> {
  const renderer = tempDir();
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>StreetDesk</title>');
  const host = await startHost({ dbPath: district.dbPath, ...(district.pgUrl ? { pgUrl: district.pgUrl } : {}), port, rendererDir: renderer, workerUrl: WORKER_URL, appVersion: '0.1.0', dailyBackups: false, district: true });
  hosts.push(host);
  return host;
}

describe('uploading to the district', () => {
  it('retries while the district host is down, ends with exactly one accepted package and a verified receipt', async () => {
    const street = await sites.street(1, 30);
    const district = await sites.district();
    await pair(street, district);
    const { token } = await district.app.invoke('district.issueToken', { streetCode: street.code }, district.token);
    district.app.close(); // the host owns the district database from here

    const first = await districtHost(district);
    const port = first.port;
    await first.close();
    hosts.splice(hosts.indexOf(first), 1);

    await street.app.invoke('exchange.saveSettings', { districtUrl: `http://127.0.0.1:${port}`, uploadToken: token, uploadAttempts: 8, uploadBaseDelayMs: 200 }, street.token);
    const built = await buildPackage(street);
    const upload = street.app.invoke('returns.upload', { packageId: built.package.id }, street.token);
    await new Promise((r) => setTimeout(r, 700)); // a few attempts against the stopped host
    await districtHost(district, port);
    const result = await upload;

    expect(result.attempts).toBeGreaterThan(1);
    expect(result.package).toMatchObject({ sentVia: 'upload', receiptVerified: true, receipt: { receipt: { streetCode: street.code, version: 1, sha256: built.package.sha256, outcome: 'accepted' } } });
    const shown = await street.app.invoke('returns.get', { period: PERIOD }, street.token);
    expect(shown.packages[0].receipt?.receipt.districtName).toBe('东城区');

    // Sending again (the answer lost on the way) gives the same receipt and keeps one package.
    const again = await street.app.invoke('returns.upload', { packageId: built.package.id }, street.token);
    expect(again.package.receipt?.receipt.receivedAt).toBe(result.package.receipt?.receipt.receivedAt);
    for (const h of hosts.splice(0)) await h.close();
    const { entries } = await street.app.invoke('audit.list', { action: 'returns.upload' }, street.token);
    expect(entries.map((e) => [e.entity, e.username, (e.after as { outcome: string }).outcome])).toEqual([
      ['returnPackage', 'admin', 'duplicate'],
      ['returnPackage', 'admin', 'accepted'],
    ]);
    const db = openSiteDb(district);
    try {
      expect(count(db, 'district_packages')).toBe(1);
      expect(count(db, 'audit_log', "action = 'district.receiveUpload'")).toBe(1);
      expect(db.prepare("SELECT entity, username, user_id FROM audit_log WHERE action = 'district.receiveUpload'").get()).toEqual({ entity: 'districtPackage', username: `upload:${street.code}`, user_id: null });
    } finally {
      db.close();
    }
  }, 30_000);

  it('is refused with a wrong token, and a rejected package comes back with its reason', async () => {
    const street = await sites.street(1, 10);
    const district = await sites.district();
    await pair(street, district);
    const { token } = await district.app.invoke('district.issueToken', { streetCode: street.code }, district.token);
    district.app.close();
    const host = await districtHost(district);
    const url = `http://127.0.0.1:${host.port}`;
    const built = await buildPackage(street);

    await street.app.invoke('exchange.saveSettings', { districtUrl: url, uploadToken: 'not-the-token', uploadAttempts: 2, uploadBaseDelayMs: 10 }, street.token);
    const e = await expectError(street.app, 'returns.upload', { packageId: built.package.id }, street.token, 'VALIDATION');
    expect(e.details?.issues?.[0]).toMatchObject({ problem: 'uploadTokenRefused' });

    // Another street's token cannot deliver this street's package.
    await street.app.invoke('exchange.saveSettings', { districtUrl: url, uploadToken: token, uploadAttempts: 2, uploadBaseDelayMs: 10 }, street.token);
    const res = await fetch(`${url}/exchange/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'X-Street-Code': street.code, 'X-File-Name': 'x.zip' }, body: new Uint8Array([1, 2, 3]) });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ status: 'rejected', code: 'NOT_A_ZIP' });
    expect((await street.app.invoke('returns.get', { period: PERIOD }, street.token)).packages[0].sentVia).toBeNull();
  }, 30_000);
});
