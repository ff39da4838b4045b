// The CLI's return and exchange commands: keys, the month's return and its package, verifying packages,
// and the district's import and report. Registered ahead of the base commands (see index.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { ImportOutcome, VerifyOutcome } from '../shared/api/contract-exchange';
import { readPackageFile } from '../core/exchange/package';
import { writeToFolder } from '../core/exchange/send';
import { packageProblemMessage } from '../shared/i18n/exchange';
import { getStreet } from '../core/services/street';
import { CliRejection, UsageError, type Command, type CommandContext } from './commands';
import { exchangeText } from './text-exchange';
import { packagesInFolder } from '../core/exchange/send';

/** Options these commands add to the parser. */
export const EXCHANGE_OPTIONS = {
  district: { type: 'boolean', default: false },
  'district-code': { type: 'string' },
  'district-url': { type: 'string' },
  'encrypt-to': { type: 'string' },
  unencrypted: { type: 'boolean' },
  key: { type: 'string' },
  period: { type: 'string' },
  folder: { type: 'string' },
  reason: { type: 'string' },
} as const;

const str = (ctx: CommandContext, name: string): string | undefined => (typeof ctx.values[name] === 'string' ? (ctx.values[name] as string) : undefined);

function readFile(ctx: CommandContext, file: string): Uint8Array<ArrayBuffer> {
  const full = path.resolve(file);
  if (!fs.existsSync(full)) throw new CliRejection('NOT_FOUND', ctx.text.fileMissing(full), { file: full });
  return new Uint8Array(fs.readFileSync(full));
}

/** A package file: a regular file within the package size limit, read no further (not /dev/zero to the end). */
function readPackage(ctx: CommandContext, file: string): Uint8Array<ArrayBuffer> {
  const full = path.resolve(file);
  if (!fs.existsSync(full)) throw new CliRejection('NOT_FOUND', ctx.text.fileMissing(full), { file: full });
  const read = readPackageFile(full);
  if (!read.ok) throw new CliRejection('VALIDATION', packageProblemMessage(read.code, { ...read.params, file: full }, ctx.lang), { problem: read.code, file: full });
  return read.bytes;
}

function periodOption(values: CommandContext['values'], text: CommandContext['text']): void {
  if (typeof values.period === 'string' && !/^[12]\d{3}-(0[1-9]|1[0-2])$/.test(values.period)) {
    throw new UsageError(text.badChoice('--period', values.period, 'YYYY-MM'));
  }
}

async function latestPackageId(ctx: CommandContext, period: string): Promise<number> {
  const info = await ctx.app.invokeAsSystem('returns.get', { period });
  const latest = info.packages.find((p) => p.version === info.version);
  if (!latest) throw new CliRejection('NOT_FOUND', exchangeText(ctx.lang).noPackage(period, info.version), { period, version: info.version });
  return latest.id;
}

function verifyResult(outcome: VerifyOutcome, lang: CommandContext['lang']) {
  const t = exchangeText(lang);
  if (outcome.ok) return { value: { ...outcome }, human: t.verified(outcome) };
  // The CLI calls as the system (in zh-CN): the reason is put in the language asked for with --lang.
  const message = packageProblemMessage(outcome.code, { ...(outcome.params ?? {}), ...(outcome.file ? { file: outcome.file } : {}) }, lang);
  return { value: { ok: false, code: outcome.code, message, ...(outcome.file ? { file: outcome.file } : {}) }, human: message, exitCode: 1 };
}

export const EXCHANGE_COMMANDS: Command[] = [
  {
    name: 'init',
    when: (values) => values.district === true,
    createsDatabase: true,
    required: ['district-name', 'district-code', 'admin-user'],
    precheck(_values, text) {
      if (!process.env.STREETDESK_PASSWORD) throw new CliRejection('VALIDATION', text.needPassword, { issues: [{ field: 'admin.password', problem: 'required' }] });
    },
    async run(ctx) {
      const username = String(ctx.values['admin-user']);
      const session = await ctx.app.invoke('setup.initializeDistrict', {
        district: { name: String(ctx.values['district-name']), code: String(ctx.values['district-code']) },
        admin: { username, displayName: str(ctx, 'admin-name') ?? username, password: process.env.STREETDESK_PASSWORD ?? '' },
        language: ctx.lang,
      });
      const district = getStreet(ctx.app.database)!;
      const keys = await ctx.app.invokeAsSystem('exchange.keys', {});
      return {
        value: { district: { name: district.name, code: district.code }, admin: { id: session.user.id, username }, signingKeyId: keys.signingKeyId, encryptionKeyId: keys.encryptionKeyId },
        human: exchangeText(ctx.lang).districtDone(district.name, district.code, username),
      };
    },
  },
  {
    name: 'keys export',
    createsDatabase: false,
    required: ['out'],
    async run(ctx) {
      const out = path.resolve(String(ctx.values.out));
      if (fs.existsSync(out)) throw new CliRejection('VALIDATION', ctx.text.outExists(out), { issues: [{ field: 'out', problem: 'exists', value: out }] });
      const file = await ctx.app.invokeAsSystem('exchange.exportKey', {});
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, file.text);
      return { value: { file: out, keyId: file.keyId }, human: exchangeText(ctx.lang).keyExported(out, file.keyId) };
    },
  },
  {
    name: 'keys trust',
    createsDatabase: false,
    required: ['key'],
    async run(ctx) {
      const text = new TextDecoder().decode(readFile(ctx, String(ctx.values.key)));
      const streetCode = str(ctx, 'street-code');
      const keys = await ctx.app.invokeAsSystem('exchange.keys', {});
      if (keys.mode === 'district' && !streetCode) throw new UsageError(ctx.text.missingOption('--street-code'));
      const r = await ctx.app.invokeAsSystem('exchange.trustKey', { keyFile: text, ...(streetCode ? { streetCode } : {}) });
      return { value: { ...r }, human: exchangeText(ctx.lang).trusted(r.name, r.code, r.keyId) };
    },
  },
  {
    name: 'exchange set',
    createsDatabase: false,
    required: ['district-url'],
    async run(ctx) {
      const r = await ctx.app.invokeAsSystem('exchange.saveSettings', { districtUrl: String(ctx.values['district-url']), uploadToken: process.env.STREETDESK_UPLOAD_TOKEN ?? '' });
      return { value: { districtUrl: r.districtUrl, hasUploadToken: r.hasUploadToken }, human: exchangeText(ctx.lang).settingsSaved(r.districtUrl, r.hasUploadToken) };
    },
  },
  {
    name: 'return show',
    createsDatabase: false,
    required: ['period'],
    precheck: periodOption,
    async run(ctx) {
      const info = await ctx.app.invokeAsSystem('returns.get', { period: String(ctx.values.period) });
      return { value: { period: info.period, state: info.state, version: info.version, tables: info.tables, notes: info.notes }, human: exchangeText(ctx.lang).returnTables(info) };
    },
  },
  {
    name: 'return finalize',
    createsDatabase: false,
    required: ['period'],
    precheck: periodOption,
    async run(ctx) {
      const period = String(ctx.values.period);
      const now = await ctx.app.invokeAsSystem('returns.get', { period });
      if (now.state === 'draft') await ctx.app.invokeAsSystem('returns.check', { period });
      const info = await ctx.app.invokeAsSystem('returns.finalize', { period });
      return { value: { period, state: info.state, version: info.version }, human: exchangeText(ctx.lang).finalized(period, info.version) };
    },
  },
  {
    name: 'return reopen',
    createsDatabase: false,
    required: ['period', 'reason'],
    precheck: periodOption,
    async run(ctx) {
      const period = String(ctx.values.period);
      const info = await ctx.app.invokeAsSystem('returns.reopen', { period, reason: String(ctx.values.reason) });
      return { value: { period, state: info.state, version: info.version }, human: exchangeText(ctx.lang).reopened(period, info.version) };
    },
  },
  {
    name: 'return build',
    createsDatabase: false,
    required: ['period', 'out'],
    precheck: periodOption,
    async run(ctx) {
      const period = String(ctx.values.period);
      const encryptTo = str(ctx, 'encrypt-to');
      const keyFile = encryptTo === undefined ? undefined : new TextDecoder().decode(readFile(ctx, encryptTo));
      const built = await ctx.app.invokeAsSystem('returns.build', { period, unencrypted: ctx.values.unencrypted === true, ...(keyFile ? { encryptTo: keyFile } : {}) });
      const dir = path.resolve(String(ctx.values.out));
      fs.mkdirSync(dir, { recursive: true });
      const { file } = writeToFolder(built.bytes, dir, built.package.fileName);
      const p = built.package;
      return { value: { file, version: p.version, sha256: p.sha256, counts: p.counts, encrypted: p.encrypted }, human: exchangeText(ctx.lang).built(file, p.version, p.sha256) };
    },
  },
  {
    name: 'return send',
    createsDatabase: false,
    required: ['period', 'folder'],
    precheck: periodOption,
    async run(ctx) {
      const period = String(ctx.values.period);
      const r = await ctx.app.invokeAsSystem('returns.sendToFolder', { packageId: await latestPackageId(ctx, period), folder: path.resolve(String(ctx.values.folder)) });
      return { value: { file: r.file, version: r.package.version, sha256: r.package.sha256 }, human: exchangeText(ctx.lang).sent(r.file) };
    },
  },
  {
    name: 'return upload',
    createsDatabase: false,
    required: ['period'],
    precheck: periodOption,
    async run(ctx) {
      const period = String(ctx.values.period);
      const r = await ctx.app.invokeAsSystem('returns.upload', { packageId: await latestPackageId(ctx, period) });
      const receipt = r.package.receipt!.receipt;
      return { value: { version: r.package.version, attempts: r.attempts, receipt, receiptVerified: r.package.receiptVerified }, human: exchangeText(ctx.lang).uploaded(receipt.districtName, receipt.receivedAt, r.attempts) };
    },
  },
  {
    name: 'package verify',
    args: ['FILE'],
    createsDatabase: false,
    required: [],
    async run(ctx) {
      const file = path.resolve(ctx.args[0]);
      const outcome = await ctx.app.invokeAsSystem('package.verify', { fileName: path.basename(file), bytes: readPackage(ctx, file) });
      return verifyResult(outcome, ctx.lang);
    },
  },
  {
    name: 'district import',
    args: ['FILE'],
    variadic: true,
    createsDatabase: false,
    required: [],
    async run(ctx) {
      // A folder (the stick the packages came on) stands for every package in it.
      const files = ctx.args.flatMap((f) => (fs.existsSync(f) && fs.statSync(f).isDirectory() ? packagesInFolder(path.resolve(f)) : [{ fileName: path.basename(f), bytes: readPackage(ctx, f) }]));
      const outcomes: ImportOutcome[] = await ctx.app.invokeAsSystem('district.import', { files });
      const rows = outcomes.map((o) =>
        o.status === 'rejected'
          ? { file: o.fileName, status: o.status, code: o.code, message: o.message }
          : { file: o.fileName, status: o.status, streetCode: o.streetCode, period: o.period, version: o.version, ...('replacedVersion' in o && o.replacedVersion ? { replacedVersion: o.replacedVersion } : {}) },
      );
      const rejected = outcomes.filter((o) => o.status === 'rejected').length;
      return { value: { ok: rejected === 0, files: rows }, human: exchangeText(ctx.lang).imported(rows), exitCode: rejected ? 1 : 0 };
    },
  },
  {
    name: 'district streets',
    createsDatabase: false,
    required: [],
    async run(ctx) {
      const streets = await ctx.app.invokeAsSystem('district.streets', {});
      return { value: { streets }, human: streets.map((s) => `${s.code}\t${s.name}\t${s.keyId}`).join('\n') };
    },
  },
  {
    name: 'district token',
    createsDatabase: false,
    required: ['street-code'],
    async run(ctx) {
      const r = await ctx.app.invokeAsSystem('district.issueToken', { streetCode: String(ctx.values['street-code']) });
      return { value: { ...r }, human: exchangeText(ctx.lang).token(r.streetCode, r.token) };
    },
  },
  {
    name: 'district report',
    createsDatabase: false,
    required: ['period', 'out'],
    precheck: periodOption,
    async run(ctx) {
      const out = path.resolve(String(ctx.values.out));
      if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(ctx.text.needXlsx(out));
      if (fs.existsSync(out)) throw new CliRejection('VALIDATION', ctx.text.outExists(out), { issues: [{ field: 'out', problem: 'exists', value: out }] });
      const period = String(ctx.values.period);
      const c = await ctx.app.invokeAsSystem('district.consolidate', { period });
      const report = await ctx.app.invokeAsSystem('district.report', { period });
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, report.bytes);
      const sent = c.streets.filter((s) => s.version !== null).map((s) => s.code);
      return { value: { file: out, period, sent, missing: c.missing }, human: exchangeText(ctx.lang).report(out, sent.length, c.streets.length) };
    },
  },
];
