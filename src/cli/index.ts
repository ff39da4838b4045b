// `npm run cli -- --db FILE <command> …`: the command line over the contract. Every command runs through
// the same dispatcher as the window (IPC) and the browser host (HTTP), logged in as a real user.
// Exit 0 success, 1 rejected input (the reasons are printed), 2 usage error. `--json` prints one object.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Language } from '../shared/api/schemas';
import { formatError } from '../shared/i18n/messages';
import { AppError, type ApiError } from '../shared/result';
import { readAppVersion } from '../core/app-version';
import { StreetDeskApp, type CliSession } from '../core/app';
import { pgAnchorPath } from '../core/db/connection';
import { cliText, type CliText } from './text';
import { CliRejection, UsageError, checkOptions, commandWrites, str, type Command, type CommandContext, type OptionSpec, type OptionValues, type PureContext } from './declare';
import { commandHelp, fullHelp } from './help';
import { ALL_COMMANDS, GLOBAL_OPTIONS, helpSections } from './registry';

interface Output {
  json: boolean;
  lang: Language;
}

function print(out: Output, value: Record<string, unknown>, human: string): void {
  if (out.json) process.stdout.write(`${JSON.stringify({ ok: true, ...value })}\n`);
  else process.stdout.write(`${human}\n`);
}

function fail(out: Output, error: ApiError, exitCode: number, ownMessage = false): number {
  const message = ownMessage || error.code === 'INTERNAL' ? error.message : formatError(error, out.lang);
  if (out.json) process.stdout.write(`${JSON.stringify({ ok: false, error: { ...error, message } })}\n`);
  else process.stderr.write(`${message}\n`);
  return exitCode;
}

function usage(out: Output, message: string): number {
  const text = `${message}\n\n${fullHelp(helpSections(out.lang), GLOBAL_OPTIONS, cliText(out.lang), out.lang)}`;
  if (out.json) process.stdout.write(`${JSON.stringify({ ok: false, error: { code: 'USAGE', message } })}\n`);
  else process.stderr.write(`${text}\n`);
  return 2;
}

function parserOptions(specs: Record<string, OptionSpec>[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const spec of specs) for (const [name, o] of Object.entries(spec)) options[name] = { type: o.type, ...(o.multiple ? { multiple: true } : {}) };
  return options;
}

function findCommand(positionals: string[], values: OptionValues): Command | undefined {
  return ALL_COMMANDS.find((c) => {
    const words = c.name.split(' ');
    const count = words.length + (c.args?.length ?? 0);
    const arity = c.variadic ? positionals.length >= count : positionals.length === count;
    return words.every((w, i) => positionals[i] === w) && arity && (c.when?.(values) ?? true);
  });
}

/** The user the command runs as: with the password when it writes, or for reads when one is given anyway. */
async function login(app: StreetDeskApp, values: OptionValues, text: CliText): Promise<CliSession> {
  const user = str(values, 'user') ?? null;
  try {
    return await app.loginForCli(user, process.env.STREETDESK_PASSWORD || null);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND' && err.details?.entity === 'user') {
      throw new CliRejection('NOT_FOUND', user === null ? text.noAdministrator : text.unknownUser(user), { field: 'user', value: user });
    }
    throw err;
  }
}

/** A command that opens no database: its options checked, then run; the same exit codes as every command. */
async function runPure(command: Command, ctx: PureContext, out: Output): Promise<number> {
  try {
    checkOptions(command, ctx.values, ctx.text);
    const result = await command.runPure!(ctx);
    print(out, result.value, result.human);
    return result.exitCode ?? 0;
  } catch (err) {
    if (err instanceof UsageError) return usage(out, err.message);
    if (err instanceof CliRejection) return fail(out, { code: err.code, message: err.message, details: err.details }, 1, true);
    return fail(out, { code: 'INTERNAL', message: (err as Error).message }, 1);
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const out: Output = { json: argv.includes('--json'), lang: 'zh-CN' };
  // First pass: every command's options, to find the words of the command; the second pass is strict
  // with only that command's options.
  let loose;
  try {
    loose = parseArgs({ args: argv, allowPositionals: true, strict: false, options: parserOptions([GLOBAL_OPTIONS, ...ALL_COMMANDS.map((c) => c.options)]) });
  } catch (err) {
    return usage(out, (err as Error).message);
  }
  const lang = str(loose.values, 'lang') ?? process.env.STREETDESK_LANG ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en') return usage(out, `--lang must be zh-CN or en, not "${lang}"`);
  out.lang = lang;
  const text = cliText(out.lang);
  const command = findCommand(loose.positionals, loose.values);
  if (loose.values.help === true) {
    process.stdout.write(`${command ? commandHelp(command, GLOBAL_OPTIONS, text, lang) : fullHelp(helpSections(lang), GLOBAL_OPTIONS, text, lang)}\n`);
    return 0;
  }
  if (!command) return usage(out, loose.positionals.length ? text.unknownCommand(loose.positionals.join(' ')) : text.noCommand);
  let values: OptionValues;
  try {
    values = parseArgs({ args: argv, allowPositionals: true, strict: true, options: parserOptions([GLOBAL_OPTIONS, command.options]) }).values as OptionValues; // no option repeats booleans
  } catch (err) {
    return usage(out, (err as Error).message);
  }
  const args = loose.positionals.slice(command.name.split(' ').length);
  if (command.runPure) return runPure(command, { values, args, lang: out.lang, text }, out);
  const pgUrl = typeof values.pg === 'string' ? values.pg : undefined;
  if (pgUrl !== undefined && typeof values.db === 'string') return usage(out, text.dbOrPg);
  if (pgUrl === undefined && typeof values.db !== 'string') return usage(out, text.needDb);
  if (pgUrl === undefined && typeof values.data === 'string') return usage(out, text.dataWithPg);
  if (pgUrl !== undefined && !/^postgres(ql)?:\/\//.test(pgUrl)) return usage(out, text.pgUrl(pgUrl));
  const dbPath = pgUrl !== undefined ? pgAnchorPath(pgUrl, typeof values.data === 'string' ? values.data : '.') : path.resolve(String(values.db));

  let app: StreetDeskApp | null = null;
  try {
    checkOptions(command, values, text);
    if (pgUrl === undefined && !command.createsDatabase && !fs.existsSync(dbPath)) {
      throw new CliRejection('NOT_FOUND', text.dbMissing(dbPath), { file: dbPath });
    }
    // Refused before the database is opened: nothing is touched and no attempt is counted.
    if (!command.createsDatabase && commandWrites(command, values) && !process.env.STREETDESK_PASSWORD) {
      throw new CliRejection('UNAUTHENTICATED', text.needUserPassword(command.name, str(values, 'user') ?? null), { issues: [{ field: 'password', problem: 'required' }] });
    }
    app = new StreetDeskApp({ dbPath, ...(pgUrl !== undefined ? { pgUrl } : {}), appVersion: readAppVersion() });
    const session = command.createsDatabase ? null : await login(app, values, text);
    const ctx: CommandContext = { app, session, values, args, lang: out.lang, text };
    const result = await command.run(ctx);
    print(out, result.value, result.human);
    return result.exitCode ?? 0;
  } catch (err) {
    if (err instanceof UsageError) return usage(out, err.message);
    if (err instanceof CliRejection) return fail(out, { code: err.code, message: err.message, details: err.details }, 1, true);
    if (err instanceof AppError && err.details?.needsPassword) {
      return fail(out, { code: 'UNAUTHENTICATED', message: text.needUserPassword(command.name, str(values, 'user') ?? null), details: err.details }, 1, true);
    }
    if (err instanceof AppError) return fail(out, err.toApiError(), 1);
    return fail(out, { code: 'INTERNAL', message: (err as Error).message }, 1);
  } finally {
    app?.close();
  }
}

// Imported as a library (`npm run fuzz` runs many commands in each of a few long-lived processes, each
// command's exit code taken from runCli): no command of its own then.
if (process.env.STREETDESK_CLI_AS_LIBRARY !== '1') {
  const code = await runCli(process.argv.slice(2));
  process.exitCode = code;
}
