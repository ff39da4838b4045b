// The CLI's commands: each validates its options, runs core and returns what to print.
import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../shared/api/schemas';
import type { StreetDeskApp } from '../core/app';
import { appendAudit, verifyAuditChain } from '../core/services/audit';
import { backupFolder, listBackups, writeBackup } from '../core/services/backup';
import { getStreet } from '../core/services/street';
import type { CliText } from './text';

export class UsageError extends Error {}

/** Input the CLI itself rejects (exit 1), with a message of its own that is printed as is. */
export class CliRejection extends Error {
  constructor(
    readonly code: 'VALIDATION' | 'NOT_FOUND',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface CommandContext {
  app: StreetDeskApp;
  values: Record<string, string | boolean | undefined>;
  lang: Language;
  text: CliText;
}

export interface CommandResult {
  value: Record<string, unknown>;
  human: string;
  exitCode?: number;
}

interface Command {
  name: string;
  createsDatabase: boolean;
  /** Options that must be given; checked before the database is opened, so a usage error creates nothing. */
  required: string[];
  /** Further checks before the database is opened. */
  precheck?(values: CommandContext['values'], text: CliText): void;
  run(ctx: CommandContext): Promise<CommandResult>;
}

export function checkOptions(command: Command, values: CommandContext['values'], text: CliText): void {
  for (const name of command.required) {
    if (typeof values[name] !== 'string') throw new UsageError(text.missingOption(`--${name}`));
  }
  command.precheck?.(values, text);
}

const CLI_ACTOR = { userId: null, username: 'cli' };

function option(ctx: CommandContext, name: string): string {
  return String(ctx.values[name]);
}

export const COMMANDS: Command[] = [
  {
    name: 'init',
    createsDatabase: true,
    required: ['street-name', 'street-code', 'district-name', 'admin-user'],
    precheck(_values, text) {
      if (!process.env.STREETDESK_PASSWORD) {
        throw new CliRejection('VALIDATION', text.needPassword, { issues: [{ field: 'admin.password', problem: 'required' }] });
      }
    },
    async run(ctx) {
      const street = { name: option(ctx, 'street-name'), code: option(ctx, 'street-code'), districtName: option(ctx, 'district-name') };
      const username = option(ctx, 'admin-user');
      const password = process.env.STREETDESK_PASSWORD ?? '';
      const displayName = typeof ctx.values['admin-name'] === 'string' ? ctx.values['admin-name'] : username;
      const session = await ctx.app.invoke('setup.initialize', {
        street,
        admin: { username, displayName, password },
        language: ctx.lang,
      });
      const profile = getStreet(ctx.app.database)!;
      return {
        value: { street: profile, admin: { id: session.user.id, username: session.user.username } },
        human: ctx.text.initDone(profile.name, profile.code, session.user.username),
      };
    },
  },
  {
    name: 'backup',
    createsDatabase: false,
    required: ['out'],
    precheck(values, text) {
      const out = path.resolve(String(values.out));
      if (fs.existsSync(out)) throw new CliRejection('VALIDATION', text.outExists(out), { issues: [{ field: 'out', problem: 'exists', value: out }] });
    },
    async run(ctx) {
      const out = path.resolve(option(ctx, 'out'));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const db = ctx.app.database;
      const file = await writeBackup(db, out);
      db.transaction(() =>
        appendAudit(db, CLI_ACTOR, { action: 'backup.create', entity: 'backup', entityId: out, after: { file: out, size: file.size } }, new Date()),
      )();
      return { value: { file: out, size: file.size }, human: ctx.text.backupDone(out, file.size) };
    },
  },
  {
    name: 'audit verify',
    createsDatabase: false,
    required: [],
    async run(ctx) {
      const result = verifyAuditChain(ctx.app.database);
      if (result.ok) return { value: { ...result }, human: ctx.text.auditOk(result.checked) };
      const broken = result.firstBroken!;
      return {
        value: { ...result },
        human: ctx.text.auditBroken(broken.id, broken.reason, result.checked),
        exitCode: 1,
      };
    },
  },
  {
    name: 'info',
    createsDatabase: false,
    required: [],
    async run(ctx) {
      const db = ctx.app.database;
      const street = getStreet(db);
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const counts = { users: count('users'), auditEntries: count('audit_log'), backups: listBackups(backupFolder(ctx.app.dbPath)).length };
      const schemaVersion = db.pragma('user_version', { simple: true }) as number;
      const l = ctx.text.labels;
      return {
        value: { file: ctx.app.dbPath, appVersion: ctx.app.appVersion, schemaVersion, street, counts },
        human: ctx.text.info([
          [l.file, ctx.app.dbPath],
          [l.street, street?.name ?? l.none],
          [l.code, street?.code ?? '—'],
          [l.district, street?.districtName ?? '—'],
          [l.schema, String(schemaVersion)],
          [l.app, ctx.app.appVersion],
          [l.users, String(counts.users)],
          [l.audit, String(counts.auditEntries)],
          [l.backups, String(counts.backups)],
        ]),
      };
    },
  },
];
