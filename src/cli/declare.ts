// How a CLI command is declared: its words, its options (types and help in both languages), whether it
// writes, and its handler. The parser, the checks and the help are all built from these declarations, so a
// command's options live with the command and a new command cannot forget its help text.
import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../shared/api/schemas';
import { writeFileAtomic, writeRefusal } from '../core/export/safe-write';
import type { CliSession, StreetDeskApp } from '../core/app';
import type { CliText } from './text';

/** Words in both of the CLI's languages. */
export type Localized = Record<Language, string>;

export const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once (--map-value …). */
  multiple?: boolean;
  /** Must be given; checked before the database is opened, so a usage error creates nothing. */
  required?: boolean;
  /** The value's placeholder in the help (文件 / FILE), for string options. */
  value?: Localized;
  help: Localized;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandContext {
  app: StreetDeskApp;
  /** The logged-in user the command runs as; null only for the commands that create the database. */
  session: CliSession | null;
  values: OptionValues;
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
  /** The positional arguments after the command's words, as the help names them. */
  args?: Localized[];
  /** The last positional argument may repeat (FILE…). */
  variadic?: boolean;
  /** Chooses between commands of the same words by their options (init --district). */
  when?(values: OptionValues): boolean;
  /** Creates the database and its first administrator (init): runs before anyone can log in. */
  createsDatabase?: boolean;
  /** Whether the command writes, and so needs the user's password: fixed, or from its options (a dry run only reads). */
  writes: boolean | ((values: OptionValues) => boolean);
  summary: Localized;
  options: Record<string, OptionSpec>;
  /** Further checks before the database is opened. */
  precheck?(values: OptionValues, text: CliText): void;
  run(ctx: CommandContext): Promise<CommandResult>;
  /**
   * A command that needs neither a database nor a login (develop check: the rules engine on a paper file
   * alone). When set, it runs instead of `run`, before any file is opened; --db is not asked for.
   */
  runPure?(ctx: PureContext): Promise<CommandResult>;
}

/** What a pure command gets: its options and arguments, the language and the CLI's texts. */
export type PureContext = Pick<CommandContext, 'values' | 'args' | 'lang' | 'text'>;

export class UsageError extends Error {}

/** Input the CLI itself rejects (exit 1), with a message of its own that is printed as is. */
export class CliRejection extends Error {
  constructor(
    readonly code: 'VALIDATION' | 'NOT_FOUND' | 'UNAUTHENTICATED',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function commandWrites(command: Command, values: OptionValues): boolean {
  return typeof command.writes === 'function' ? command.writes(values) : command.writes;
}

export function checkOptions(command: Command, values: OptionValues, text: CliText): void {
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.required && values[name] === undefined) throw new UsageError(text.missingOption(`--${name}`));
  }
  command.precheck?.(values, text);
}

/** The session a command runs in (every command but init has one). */
export function sessionOf(ctx: CommandContext): CliSession {
  if (!ctx.session) throw new Error(`${ctx.args.join(' ')}: the command has no session`);
  return ctx.session;
}

export function str(values: OptionValues, name: string): string | undefined {
  return typeof values[name] === 'string' ? (values[name] as string) : undefined;
}

/** A whole number option within bounds, or a usage error naming the option and the value. */
export function intOption(values: OptionValues, name: string, min: number, max: number, text: CliText, fallback?: number): number {
  const raw = values[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(text.badNumber(`--${name}`, String(raw), min, max));
  return n;
}

/** A day option as YYYY-MM-DD (a real calendar day), or a usage error naming the option and the value. */
export function dayOption(values: OptionValues, name: string, text: CliText): string | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const day = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== raw) throw new UsageError(text.badDay(`--${name}`, String(raw)));
  return raw;
}

/**
 * A file the CLI hands the clerk (an export, a key file, a report): its folder made if needed, then written
 * whole or not at all (name.partial, flushed, renamed), so a full disk, a read-only folder or a pulled USB
 * stick is reported with the path and the reason and never leaves a half file that looks complete.
 */
export function writeOutFile(file: string, bytes: Uint8Array | string): void {
  const target = path.resolve(file);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
  } catch (err) {
    throw writeRefusal(err, target);
  }
  writeFileAtomic(target, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
}
