// The audit chain's key in the desktop app: 32 random bytes kept encrypted by the OS (Electron's
// safeStorage — DPAPI on Windows, the keychain on macOS, the secret service on Linux) in the user-data
// folder, and handed to core when it starts. Thin on purpose: core (services/audit-key.ts) does the rest and
// is tested without Electron. Where the OS offers no protected storage, core falls back to its key file.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, safeStorage } from 'electron';

export interface DesktopAuditKey {
  /** The key, base64. */
  secret: string;
  /** Where core keeps the anchor copies. */
  folder: string;
}

/** Reads (or creates, on first start) the protected key; null when the OS cannot protect one. Call after ready. */
export function desktopAuditKey(): DesktopAuditKey | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  const folder = app.getPath('userData');
  const file = join(folder, 'audit-key.bin');
  if (existsSync(file)) {
    try {
      return { secret: safeStorage.decryptString(readFileSync(file)), folder };
    } catch (error) {
      // The OS no longer opens it (another user, a reset keyring): core keys the chain anew from its next
      // entry and writes an entry saying so, rather than the app refusing to start.
      console.error('StreetDesk: the audit key in protected storage cannot be read; using the key file', error);
      return null;
    }
  }
  const secret = randomBytes(32).toString('base64');
  writeFileSync(file, safeStorage.encryptString(secret), { mode: 0o600, flag: 'wx' });
  return { secret, folder };
}
