// `npm run cli -- --db FILE <command> …`: the command line over core.
// Exit 0 success, 1 rejected input (the reasons are printed), 2 usage error. `--json` prints one object.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Language } from '../shared/api/schemas';
import { formatError } from '../shared/i18n/messages';
import { AppError, type ApiError } from '../shared/result';
import { readAppVersion } from '../core/app-version';
import { StreetDeskApp } from '../core/app';
import { cliText } from './text';
import { checkOptions, CliRejection, COMMANDS as BASE_COMMANDS, UsageError, type CommandContext } from './commands';
import { EXCHANGE_COMMANDS, EXCHANGE_OPTIONS } from './commands-exchange';

const COMMANDS = [...EXCHANGE_COMMANDS, ...BASE_COMMANDS];

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
  const text = `${message}\n\n${cliText(out.lang).usage}`;
  if (out.json) process.stdout.write(`${JSON.stringify({ ok: false, error: { code: 'USAGE', message } })}\n`);
  else process.stderr.write(`${text}\n`);
  return 2;
}

export async function runCli(argv: string[]): Promise<number> {
  const out: Output = { json: argv.includes('--json'), lang: 'zh-CN' };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        'street-name': { type: 'string' },
        'street-code': { type: 'string' },
        'district-name': { type: 'string' },
        'admin-user': { type: 'string' },
        'admin-name': { type: 'string' },
        out: { type: 'string' },
        members: { type: 'string' },
        requests: { type: 'string' },
        seed: { type: 'string' },
        until: { type: 'string' },
        query: { type: 'string' },
        org: { type: 'string' },
        limit: { type: 'string' },
        sheet: { type: 'string' },
        'header-row': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'on-duplicate': { type: 'string' },
        'create-missing-branches': { type: 'boolean', default: false },
        'map-value': { type: 'string', multiple: true },
        offset: { type: 'string' },
        community: { type: 'string' },
        layout: { type: 'string' },
        rejected: { type: 'string' },
        from: { type: 'string' },
        days: { type: 'string' },
        date: { type: 'string' },
        workday: { type: 'boolean' },
        holiday: { type: 'boolean' },
        name: { type: 'string' },
        status: { type: 'string' },
        overdue: { type: 'boolean' },
        ...EXCHANGE_OPTIONS,
      },
    });
  } catch (err) {
    return usage(out, (err as Error).message);
  }
  const { values, positionals } = parsed;
  const lang = values.lang ?? process.env.STREETDESK_LANG ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en') return usage(out, `--lang must be zh-CN or en, not "${lang}"`);
  out.lang = lang;
  const text = cliText(out.lang);
  if (values.help) {
    process.stdout.write(`${text.usage}\n`);
    return 0;
  }
  const name = positionals.join(' ');
  const command = COMMANDS.find((c) => {
    const words = c.name.split(' ');
    const count = words.length + (c.args?.length ?? 0);
    const arity = c.variadic ? positionals.length >= count : positionals.length === count;
    return words.every((w, i) => positionals[i] === w) && arity && (c.when?.(values) ?? true);
  });
  if (!command) return usage(out, positionals.length ? text.unknownCommand(name) : text.noCommand);
  const args = positionals.slice(command.name.split(' ').length);
  if (!values.db) return usage(out, text.needDb);
  const dbPath = path.resolve(values.db);

  let app: StreetDeskApp | null = null;
  try {
    checkOptions(command, values, text);
    if (!command.createsDatabase && !fs.existsSync(dbPath)) {
      throw new CliRejection('NOT_FOUND', text.dbMissing(dbPath), { file: dbPath });
    }
    app = new StreetDeskApp({ dbPath, appVersion: readAppVersion() });
    const ctx: CommandContext = { app, values, args, lang: out.lang, text };
    const result = await command.run(ctx);
    print(out, result.value, result.human);
    return result.exitCode ?? 0;
  } catch (err) {
    if (err instanceof UsageError) return usage(out, err.message);
    if (err instanceof CliRejection) return fail(out, { code: err.code, message: err.message, details: err.details }, 1, true);
    if (err instanceof AppError) return fail(out, err.toApiError(), 1);
    return fail(out, { code: 'INTERNAL', message: (err as Error).message }, 1);
  } finally {
    app?.close();
  }
}

const code = await runCli(process.argv.slice(2));
process.exitCode = code;
