// The version in package.json, for the hosts that run from the source tree (browser host, CLI).
import fs from 'node:fs';

export function readAppVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
