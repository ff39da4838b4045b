// Serving the street's communities from the desktop app (issue 13): the street office's StreetDesk also
// listens on the government network, over HTTPS, so community clerks work in their browsers with accounts
// limited to their community. An administrator turns it on in settings; the desktop shell reads these
// settings at start and whenever the administrator saves them. `npm run serve -- --listen …` is the same
// server started from a command line.
import { z } from 'zod';
import type { MethodSpec } from './contract';
import { ADMINISTRATION } from './contract-rules';

/** The port a server listens on when the administrator does not choose one. */
export const DEFAULT_SERVE_PORT = 8443;

/** A name the communities' PCs reach the street's PC by: a host name or an IPv4 address, with a port when it differs. */
const PUBLIC_NAME = /^(?=[^:]{1,253}(:\d{1,5})?$)(\d{1,3}(\.\d{1,3}){3}|[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)(:\d{1,5})?$/;

export const serveSettingsInput = z.object({
  enabled: z.boolean({ error: 'required' }),
  port: z.number({ error: 'required' }).int({ error: 'notAnInteger' }).min(1024, { error: 'tooSmall' }).max(65535, { error: 'tooBig' }),
  publicNames: z
    .array(z.string().trim().min(1, { error: 'required' }).max(260, { error: 'tooLong' }).regex(PUBLIC_NAME, { error: 'publicNameFormat' }))
    .max(10, { error: 'publicNamesTooMany' })
    .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, { error: 'publicNameDuplicate' }),
});
export type ServeSettings = z.infer<typeof serveSettingsInput>;

export const serverMethods = {
  /** Public: the desktop shell reads it at start, before anyone logs in; it holds no secret (the port and names the network already sees). */
  'server.settings': { input: z.object({}).strict().default({}), access: 'public', write: false },
  'server.saveSettings': { input: serveSettingsInput, access: 'admin', write: true, ...ADMINISTRATION },
} as const satisfies Record<string, MethodSpec>;

/** What the desktop shell reports of the server it runs (the browser host has none: it is a server itself). */
export interface ServerStatus {
  state: 'off' | 'running' | 'failed';
  /** The addresses community PCs open, https://NAME:PORT/ (this PC's names when no public name is set). */
  urls: string[];
  /** The certificate's SHA-256 fingerprint, for the clerks to compare when their browser asks. */
  fingerprint: string | null;
  /** Why it did not start (a port in use …), in the words of the error. */
  error: string | null;
}

export interface ServerOutputs {
  'server.settings': ServeSettings;
  'server.saveSettings': ServeSettings;
}
