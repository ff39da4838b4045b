// Where a package can be written: the removable drives plugged into this PC first (USB sticks), then the
// other drives, then the folder the last package went to. Windows asks the system for its logical disks
// (DriveType 2 is removable); Linux reads the mount table and /sys/class/block; macOS lists /Volumes.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { SendTarget } from '../../shared/api/contract-exchange';

interface Mount {
  device: string;
  dir: string;
  fsType: string;
}

/** The mount table's own escapes (`\040` for a space, `\011`, `\012`, `\134`). */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

export function parseMounts(text: string): Mount[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 3)
    .map(([device, dir, fsType]) => ({ device: unescapeMount(device), dir: unescapeMount(dir), fsType }));
}

const PSEUDO = new Set(['proc', 'sysfs', 'tmpfs', 'devtmpfs', 'devpts', 'cgroup', 'cgroup2', 'overlay', 'squashfs', 'securityfs', 'debugfs', 'tracefs', 'mqueue', 'hugetlbfs', 'pstore', 'bpf', 'configfs', 'fusectl', 'autofs', 'binfmt_misc', 'efivarfs', 'ramfs', 'nsfs', 'rpc_pipefs']);

/** The block device's own "removable" flag (a partition answers for its disk). */
function linuxRemovable(device: string, sysRoot: string): boolean {
  if (!device.startsWith('/dev/')) return false;
  let name: string;
  try {
    name = path.basename(fs.realpathSync(device));
  } catch {
    name = path.basename(device);
  }
  // /sys/class/block/<name> links to the device; a partition's directory sits inside its disk's.
  let own: string;
  try {
    own = fs.realpathSync(path.join(sysRoot, 'class/block', name));
  } catch {
    return false;
  }
  for (const file of [path.join(own, 'removable'), path.join(path.dirname(own), 'removable')]) {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === '1') return true;
    } catch {
      /* no such flag at this level */
    }
  }
  return false;
}

/**
 * The mounts a clerk would write to on Linux: those under /media, /run/media and /mnt (where desktops
 * mount sticks), removable when the device says so or when the desktop mounted it as a user's medium.
 */
export function linuxTargets(mountsText: string, sysRoot = '/sys'): Omit<SendTarget, 'freeBytes'>[] {
  const out: Omit<SendTarget, 'freeBytes'>[] = [];
  for (const m of parseMounts(mountsText)) {
    if (PSEUDO.has(m.fsType)) continue;
    const userMedium = /^\/(run\/)?media\//.test(m.dir);
    if (!userMedium && !m.dir.startsWith('/mnt/')) continue;
    const removable = linuxRemovable(m.device, sysRoot) || userMedium;
    out.push({ path: m.dir, kind: removable ? 'removable' : 'fixed', label: path.basename(m.dir) });
  }
  return out;
}

interface WindowsDisk {
  DeviceID: string;
  DriveType: number;
  VolumeName: string | null;
}

export function windowsTargets(json: string): Omit<SendTarget, 'freeBytes'>[] {
  const parsed = JSON.parse(json) as WindowsDisk | WindowsDisk[];
  const disks = Array.isArray(parsed) ? parsed : [parsed];
  return disks
    .filter((d) => d.DriveType === 2 || d.DriveType === 3)
    .map((d) => ({ path: `${d.DeviceID}\\`, kind: d.DriveType === 2 ? ('removable' as const) : ('fixed' as const), label: d.VolumeName ? `${d.DeviceID} ${d.VolumeName}` : d.DeviceID }));
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 8000, windowsHide: true }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

async function systemTargets(): Promise<Omit<SendTarget, 'freeBytes'>[]> {
  if (process.platform === 'win32') {
    try {
      const json = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', 'Get-CimInstance Win32_LogicalDisk | Select-Object DeviceID,DriveType,VolumeName | ConvertTo-Json -Compress']);
      return windowsTargets(json);
    } catch {
      // Without PowerShell: the drive letters that answer, type unknown.
      return 'DEFGHIJKLMNOPQRSTUVWXYZ'
        .split('')
        .filter((l) => fs.existsSync(`${l}:\\`))
        .map((l) => ({ path: `${l}:\\`, kind: 'fixed' as const, label: `${l}:` }));
    }
  }
  if (process.platform === 'darwin') {
    try {
      return fs
        .readdirSync('/Volumes', { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => ({ path: path.join('/Volumes', d.name), kind: 'removable' as const, label: d.name }));
    } catch {
      return [];
    }
  }
  try {
    return linuxTargets(fs.readFileSync('/proc/self/mounts', 'utf8'));
  } catch {
    return [];
  }
}

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/** Removable drives first, then fixed ones, then the last folder a package went to (if it still exists). */
export async function sendTargets(lastFolder: string | null): Promise<SendTarget[]> {
  const found = await systemTargets();
  const order = { removable: 0, fixed: 1, recent: 2 } as const;
  const targets: SendTarget[] = found.map((t) => ({ ...t, freeBytes: freeBytes(t.path) }));
  if (lastFolder && fs.existsSync(lastFolder) && !targets.some((t) => path.resolve(t.path) === path.resolve(lastFolder))) {
    targets.push({ path: lastFolder, kind: 'recent', label: lastFolder, freeBytes: freeBytes(lastFolder) });
  }
  return targets.sort((a, b) => order[a.kind] - order[b.kind] || a.path.localeCompare(b.path));
}
