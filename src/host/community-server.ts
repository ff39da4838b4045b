// The desktop app serving its street's communities (issue 13): the same server as `npm run serve --
// --listen 0.0.0.0:PORT`, started inside the desktop app on the core its window already uses, from the
// settings an administrator saved (server.saveSettings). HTTPS always: the certificate is made beside the
// database the first time and kept (its fingerprint is what the community PCs see), as the command line does.
import os from 'node:os';
import type { CoreClient } from '../core/worker/core-client';
import type { AppStatus } from '../shared/api/contract';
import type { ServeSettings, ServerStatus } from '../shared/api/contract-server';
import { startHost, type RunningHost } from './server';
import { certificateNames, ensureServerCertificate } from './tls';
import type { HostLog } from './log';

export interface CommunityServerOptions {
  client: CoreClient;
  dbPath: string;
  rendererDir: string;
  appVersion: string;
  log?: HostLog;
  /** The address to listen on; all of this PC's by default. Tests listen on 0.0.0.0 and connect to 127.0.0.1. */
  listen?: string;
}

/** Starts, restarts and stops the server as the saved settings say; one at a time. */
export class CommunityServer {
  private running: RunningHost | null = null;
  private applied: ServeSettings | null = null;
  private current: ServerStatus = { state: 'off', urls: [], fingerprint: null, error: null };
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: CommunityServerOptions) {}

  status(): ServerStatus {
    return this.current;
  }

  /** Reads the saved settings and makes the server match them: started, restarted with a new port or names, or stopped. */
  apply(): Promise<ServerStatus> {
    const next = this.queue.then(() => this.applyNow());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Stops serving (the window's core stays open). */
  stop(): Promise<void> {
    const next = this.queue.then(() => this.stopNow());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async applyNow(): Promise<ServerStatus> {
    const read = await this.options.client.call('server.settings', {}, null);
    if (!read.ok) {
      this.current = { state: 'failed', urls: [], fingerprint: null, error: read.error.message };
      return this.current;
    }
    const settings = read.value as ServeSettings;
    const status = await this.options.client.call('app.status', {}, null);
    // A district's PC serving on the network also takes its streets' uploads, a city's its districts', as
    // `npm run serve -- --district` and `--city` do.
    const mode = status.ok ? (status.value as AppStatus).mode : 'street';
    if (!settings.enabled) {
      await this.stopNow();
      return this.current;
    }
    if (this.running && this.applied && sameSettings(this.applied, settings)) return this.current;
    await this.stopNow();
    const listen = this.options.listen ?? '0.0.0.0';
    // Without names of its own the server answers to this PC's name and addresses, which the Host check
    // would otherwise refuse (only 127.0.0.1 and localhost are taken as they are).
    const names = settings.publicNames.length > 0 ? settings.publicNames : thisPcNames();
    try {
      const certificate = ensureServerCertificate(this.options.dbPath, certificateNames(names.map((n) => n.replace(/:\d+$/, '')), listen));
      this.running = await startHost({
        client: this.options.client,
        dbPath: this.options.dbPath,
        rendererDir: this.options.rendererDir,
        workerUrl: '',
        appVersion: this.options.appVersion,
        listen,
        port: settings.port,
        tls: { cert: certificate.cert, key: certificate.key },
        publicNames: names,
        district: mode === 'district',
        city: mode === 'city',
        log: this.options.log,
      });
      this.applied = settings;
      this.current = {
        state: 'running',
        urls: names.map((n) => (/:\d+$/.test(n) ? `https://${n}/` : `https://${n}:${this.running!.port}/`)),
        fingerprint: certificate.sha256,
        error: null,
      };
    } catch (err) {
      this.running = null;
      this.applied = null;
      const code = (err as NodeJS.ErrnoException).code;
      const message =
        code === 'EADDRINUSE'
          ? `端口 ${settings.port} 已被本机其他程序占用，请换一个端口 / Port ${settings.port} is already in use on this PC; choose another`
          : (err as Error).message;
      this.current = { state: 'failed', urls: [], fingerprint: null, error: message };
    }
    return this.current;
  }

  private async stopNow(): Promise<void> {
    const running = this.running;
    this.running = null;
    this.applied = null;
    this.current = { state: 'off', urls: [], fingerprint: null, error: null };
    if (running) await running.close();
  }
}

function sameSettings(a: ServeSettings, b: ServeSettings): boolean {
  return a.enabled === b.enabled && a.port === b.port && a.publicNames.join('\n') === b.publicNames.join('\n');
}

/** This PC's name (when it is a valid host name) and IPv4 addresses other than loopback: what a community PC can type. */
function thisPcNames(): string[] {
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
  const host = os.hostname();
  return [...(/^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(host) ? [host] : []), ...addresses];
}
