// The CLI's commands: each validates its options, runs core and returns what to print.
import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../shared/api/schemas';
import type { StreetDeskApp } from '../core/app';
import { appendAudit, verifyAuditChain } from '../core/services/audit';
import { backupFolder, listBackups, writeBackup } from '../core/services/backup';
import { getStreet } from '../core/services/street';
import { seedDemo } from '../core/services/seed-demo';
import { seedServiceWork } from '../core/services/counter/seed-service';
import { importMembers } from '../core/import/import-members';
import { findOrganizations } from '../core/services/organizations';
import { refreshStatistics } from '../core/db/open';
import type { CliText } from './text';
import { COUNTER_COMMANDS } from './commands-counter';

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
  values: Record<string, string | boolean | string[] | undefined>;
  /** Positional arguments after the command's words (a file name). */
  args: string[];
  lang: Language;
  text: CliText;
}

export interface CommandResult {
  value: Record<string, unknown>;
  human: string;
  exitCode?: number;
}

export interface Command {
  name: string;
  /** Names of the positional arguments the command takes after its words. */
  args?: string[];
  /** The last positional argument may repeat (FILE…). */
  variadic?: boolean;
  /** Chooses between commands of the same words by their options (init --district). */
  when?(values: CommandContext['values']): boolean;
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

/** A whole number option within bounds, or a usage error naming the option and the value. */
export function intOption(values: CommandContext['values'], name: string, min: number, max: number, text: CliText, fallback?: number): number {
  const raw = values[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(text.badNumber(`--${name}`, String(raw), min, max));
  return n;
}

/** A day option as YYYY-MM-DD (a real calendar day), or a usage error naming the option and the value. */
export function dayOption(values: CommandContext['values'], name: string, text: CliText): Date | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const day = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== raw) throw new UsageError(text.badDay(`--${name}`, String(raw)));
  return day;
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
    name: 'seed-demo',
    createsDatabase: false,
    required: ['members'],
    precheck(values, text) {
      intOption(values, 'members', 1, 500_000, text);
      intOption(values, 'seed', 0, 2 ** 31 - 1, text, 1);
      intOption(values, 'requests', 0, 1_000_000, text, 0);
      dayOption(values, 'until', text);
    },
    async run(ctx) {
      const members = intOption(ctx.values, 'members', 1, 500_000, ctx.text);
      const seed = intOption(ctx.values, 'seed', 0, 2 ** 31 - 1, ctx.text, 1);
      const requests = intOption(ctx.values, 'requests', 0, 1_000_000, ctx.text, 0);
      const until = dayOption(ctx.values, 'until', ctx.text);
      const db = ctx.app.database;
      const result = db.transaction(() => {
        const r = { ...seedDemo(db, { members, seed, until }, new Date()), ...(requests > 0 ? seedServiceWork(db, { requests, seed, until }, new Date()) : {}) };
        appendAudit(db, CLI_ACTOR, { action: 'seedDemo', entity: 'member', after: { seed, ...r } }, new Date());
        return r;
      })();
      refreshStatistics(db, 'after-bulk-load');
      return { value: { seed, ...result }, human: ctx.text.seeded(result) };
    },
  },
  {
    name: 'members list',
    createsDatabase: false,
    required: [],
    precheck(values, text) {
      intOption(values, 'limit', 1, 500, text, 100);
      intOption(values, 'offset', 0, 10_000_000, text, 0);
      const status = values.status;
      if (status !== undefined && status !== 'active' && status !== 'history') throw new UsageError(text.badChoice('--status', String(status), 'active|history'));
    },
    async run(ctx) {
      const db = ctx.app.database;
      let orgId: number | undefined;
      if (typeof ctx.values.org === 'string') {
        const matches = findOrganizations(db, ctx.values.org);
        if (matches.length !== 1) {
          throw new CliRejection('NOT_FOUND', ctx.text.orgNotFound(ctx.values.org, matches.length), { org: ctx.values.org, matches: matches.length });
        }
        orgId = matches[0].id;
      }
      const limit = intOption(ctx.values, 'limit', 1, 500, ctx.text, 100);
      const offset = intOption(ctx.values, 'offset', 0, 10_000_000, ctx.text, 0);
      const query = typeof ctx.values.query === 'string' ? ctx.values.query : undefined;
      const status = ctx.values.status === 'history' ? 'history' : 'active';
      const result = await ctx.app.invokeAsSystem('members.list', { orgId, query, limit, offset, status });
      const t = ctx.text;
      return {
        value: { total: result.total, offset, members: result.members },
        human: t.memberList(
          result.total,
          result.members.map((m) => [m.name, m.idNumber, m.branch, t.category[m.category], m.joinDate ?? '', ...(m.leftOn ? [`${t.leftOn} ${m.leftOn}`] : [])]),
        ),
      };
    },
  },
  {
    name: 'import members',
    args: ['FILE'],
    createsDatabase: false,
    required: [],
    precheck(values, text) {
      const dup = values['on-duplicate'];
      if (dup !== undefined && dup !== 'skip' && dup !== 'update') throw new UsageError(text.badChoice('--on-duplicate', String(dup), 'skip|update'));
      if (values['header-row'] !== undefined) intOption(values, 'header-row', 1, 1000, text);
    },
    async run(ctx) {
      const file = path.resolve(ctx.args[0]);
      const headerRow = ctx.values['header-row'] === undefined ? undefined : intOption(ctx.values, 'header-row', 1, 1000, ctx.text);
      if (!fs.existsSync(file)) throw new CliRejection('NOT_FOUND', ctx.text.fileMissing(file), { file });
      const report = await importMembers(ctx.app.database, file, {
        sheet: typeof ctx.values.sheet === 'string' ? ctx.values.sheet : undefined,
        headerRow,
        onDuplicate: ctx.values['on-duplicate'] === 'update' ? 'update' : 'skip',
        createMissingBranches: ctx.values['create-missing-branches'] === true,
        dryRun: ctx.values['dry-run'] === true,
        lang: ctx.lang,
        now: new Date(),
        actor: CLI_ACTOR,
        fileName: path.basename(file),
        rejectedOut: typeof ctx.values.rejected === 'string' ? path.resolve(ctx.values.rejected) : undefined,
        valueMappings: Array.isArray(ctx.values['map-value']) ? ctx.values['map-value'] : undefined,
        community: typeof ctx.values.community === 'string' ? ctx.values.community : undefined,
      });
      return {
        value: {
          ok: report.rejected.length === 0,
          rows: report.rows,
          accepted: report.accepted,
          created: report.created,
          updated: report.updated,
          rejected: report.rejected.map(({ row, column, letter, value, code, message }) => ({ row, column, letter, value, code, message })),
          duplicates: report.duplicates.map(({ row, idNumber, action, existing }) => ({ row, idNumber, action, existing })),
          ignored: report.ignored,
          createdBranches: report.createdBranches,
          dryRun: report.dryRun,
          sheet: report.sheet,
          sheetsSeen: report.sheetsSeen,
          headerRow: report.headerRow,
          unknownValues: report.unknownValues.map(({ column, value, count }) => ({ column, value, count })),
          awaitingMapping: report.awaitingMapping,
          warnings: report.warnings.map(({ row, column, code, message }) => ({ row, column, code, message })),
        },
        human: ctx.text.imported(report),
        exitCode: report.rejected.length > 0 || report.unknownValues.length > 0 ? 1 : 0,
      };
    },
  },
  {
    name: 'export members',
    args: ['OUT.xlsx'],
    createsDatabase: false,
    required: [],
    async run(ctx) {
      const out = path.resolve(ctx.args[0]);
      if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(ctx.text.needXlsx(out));
      if (fs.existsSync(out)) throw new CliRejection('VALIDATION', ctx.text.outExists(out), { issues: [{ field: 'out', problem: 'exists', value: out }] });
      let orgId: number | undefined;
      if (typeof ctx.values.org === 'string') {
        const matches = findOrganizations(ctx.app.database, ctx.values.org);
        if (matches.length !== 1) throw new CliRejection('NOT_FOUND', ctx.text.orgNotFound(ctx.values.org, matches.length), { org: ctx.values.org });
        orgId = matches[0].id;
      }
      const layout = ctx.values.layout ?? 'view';
      if (layout !== 'view' && layout !== 'national') throw new UsageError(ctx.text.badChoice('--layout', String(layout), 'view|national'));
      const result = await ctx.app.invokeAsSystem('members.export', { orgId, layout });
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, result.bytes);
      return { value: { file: out, rows: result.rows }, human: ctx.text.exported(out, result.rows) };
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
  ...COUNTER_COMMANDS,
];
