// The CLI's return and exchange commands: keys, the month's return and its package, verifying packages,
// and the district's import and report. Registered ahead of the base commands (see index.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { ImportOutcome, VerifyOutcome } from '../shared/api/contract-exchange';
import { readPackageFile } from '../core/exchange/package';
import { writeToFolder, packagesInFolder } from '../core/exchange/send';
import { tlsDirFor } from '../core/exchange/tls-pin';
import { noteDelivery } from '../core/exchange/delivery-note';
import { packageProblemMessage } from '../shared/i18n/exchange';
import { CliRejection, L, UsageError, sessionOf, writeOutFile, type Command, type CommandContext, type OptionSpec } from './declare';
import { cityText, exchangeText } from './text-exchange';
import { DISTRICT_PACKAGE } from '../core/exchange/package-schema';

const PERIOD: OptionSpec = { type: 'string', required: true, value: L('年-月', 'YYYY-MM'), help: L('月报所属的月份', "the return's month") };

const str = (ctx: CommandContext, name: string): string | undefined => (typeof ctx.values[name] === 'string' ? (ctx.values[name] as string) : undefined);

function readFile(ctx: CommandContext, file: string): Uint8Array<ArrayBuffer> {
  const full = path.resolve(file);
  if (!fs.existsSync(full)) throw new CliRejection('NOT_FOUND', ctx.text.fileMissing(full), { file: full });
  return new Uint8Array(fs.readFileSync(full));
}

/** A package file: a regular file within the package size limit, read no further (not /dev/zero to the end). */
export function readPackage(ctx: CommandContext, file: string): Uint8Array<ArrayBuffer> {
  const full = path.resolve(file);
  if (!fs.existsSync(full)) throw new CliRejection('NOT_FOUND', ctx.text.fileMissing(full), { file: full });
  const read = readPackageFile(full);
  if (!read.ok) throw new CliRejection('VALIDATION', packageProblemMessage(read.code, { ...read.params, file: full }, ctx.lang), { problem: read.code, file: full });
  return read.bytes;
}

/**
 * The packages named by `district import` / `city import`: each file, and for a folder (the stick the
 * packages came on) every package in it.
 */
export function packagesOfArgs(ctx: CommandContext): { fileName: string; bytes: Uint8Array<ArrayBuffer> }[] {
  return ctx.args.flatMap((f) => (fs.existsSync(f) && fs.statSync(f).isDirectory() ? packagesInFolder(path.resolve(f)) : [{ fileName: path.basename(f), bytes: readPackage(ctx, f) }]));
}

function periodOption(values: CommandContext['values'], text: CommandContext['text']): void {
  if (typeof values.period === 'string' && !/^[12]\d{3}-(0[1-9]|1[0-2])$/.test(values.period)) {
    throw new UsageError(text.badChoice('--period', values.period, 'YYYY-MM'));
  }
}

async function latestPackageId(ctx: CommandContext, period: string): Promise<number> {
  const info = await sessionOf(ctx).call('returns.get', { period });
  const latest = info.packages.find((p) => p.version === info.version);
  if (!latest) throw new CliRejection('NOT_FOUND', exchangeText(ctx.lang).noPackage(period, info.version), { period, version: info.version });
  return latest.id;
}

function verifyResult(outcome: VerifyOutcome, lang: CommandContext['lang']) {
  const t = exchangeText(lang);
  // A district's package (verified on a city) counts streets, not members.
  if (outcome.ok) return { value: { ...outcome }, human: outcome.manifest.counts.streets !== undefined ? cityText(lang).verified(outcome) : t.verified(outcome) };
  // The CLI calls as the system (in zh-CN): the reason is put in the language asked for with --lang.
  const message = packageProblemMessage(outcome.code, { ...(outcome.params ?? {}), ...(outcome.file ? { file: outcome.file } : {}) }, lang);
  return { value: { ok: false, code: outcome.code, message, ...(outcome.file ? { file: outcome.file } : {}) }, human: message, exitCode: 1 };
}

/** The role a key file names (read only to know which options it needs; the core checks the file). */
function keyFileRole(text: string): string | undefined {
  try {
    const role = (JSON.parse(text) as { role?: unknown }).role;
    return typeof role === 'string' ? role : undefined;
  } catch {
    return undefined;
  }
}

export const EXCHANGE_COMMANDS: Command[] = [
  {
    name: 'init',
    when: (values) => values.district === true,
    createsDatabase: true,
    writes: true,
    summary: L('把新数据库初始化为区级（接收、核验、汇总各街道月报）', 'set a new database up as a district (receives, verifies, consolidates)'),
    options: {
      district: { type: 'boolean', required: true, help: L('初始化为区级数据库', 'set up a district database') },
      'district-name': { type: 'string', required: true, value: L('区名', 'NAME'), help: L('区的名称', "the district's name") },
      'district-code': { type: 'string', required: true, value: L('区县代码', 'CODE'), help: L('区县的行政区划代码', "the district's division code") },
      'admin-user': { type: 'string', required: true, value: L('用户名', 'NAME'), help: L('第一位管理员的登录名（密码取自 STREETDESK_PASSWORD）', "the first administrator's user name (password from STREETDESK_PASSWORD)") },
      'admin-name': { type: 'string', value: L('姓名', 'NAME'), help: L('管理员姓名（默认同登录名）', "the administrator's full name (default: the user name)") },
    },
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
      const district = await ctx.app.invoke('street.get', {}, session.token);
      const keys = await ctx.app.invoke('exchange.keys', {}, session.token);
      return {
        value: { district: { name: district.name, code: district.code }, admin: { id: session.user.id, username }, signingKeyId: keys.signingKeyId, encryptionKeyId: keys.encryptionKeyId },
        human: exchangeText(ctx.lang).districtDone(district.name, district.code, username),
      };
    },
  },
  {
    name: 'keys export',
    writes: true,
    summary: L('导出本库公钥文件（街道：签名公钥；区：签名和加密公钥）', "write this database's public key file (street: signing key; district: signing and encryption keys)"),
    options: {
      out: { type: 'string', required: true, value: L('文件', 'FILE'), help: L('公钥文件（不能已存在）', 'the key file (must not exist yet)') },
      'tls-cert': {
        type: 'string',
        value: L('证书', 'FILE'),
        help: L(
          '区：本区服务器的 HTTPS 证书（PEM），其指纹写入公钥文件，街道上传时据此核对（不给时取 npm run serve 在数据库旁生成的证书，如有）',
          "district: this server's HTTPS certificate (PEM); its fingerprint goes in the key file and streets check it on upload (default: the one npm run serve made beside the database, if any)",
        ),
      },
    },
    async run(ctx) {
      const out = path.resolve(String(ctx.values.out));
      if (fs.existsSync(out)) throw new CliRejection('VALIDATION', ctx.text.outExists(out), { issues: [{ field: 'out', problem: 'exists', value: out }] });
      let certFile = str(ctx, 'tls-cert');
      // A district that `npm run serve` gave a certificate of its own (beside the database): that one.
      const generated = path.join(tlsDirFor(ctx.app.dbPath), 'cert.pem');
      if (certFile === undefined && fs.existsSync(generated) && (await sessionOf(ctx).call('exchange.keys', {})).mode !== 'street') certFile = generated;
      const tlsCert = certFile === undefined ? undefined : new TextDecoder().decode(readFile(ctx, certFile));
      const file = await sessionOf(ctx).call('exchange.exportKey', tlsCert === undefined ? {} : { tlsCert });
      writeOutFile(out, file.text);
      return { value: { file: out, keyId: file.keyId, tlsSha256: file.tlsSha256 }, human: exchangeText(ctx.lang).keyExported(out, file.keyId, file.tlsSha256) };
    },
  },
  {
    name: 'keys trust',
    writes: true,
    summary: L('区：登记一个街道的公钥；市：登记一个区的公钥；街道：导入区的公钥', "district: add a street's key; city: add a district's key; street: keep the district's key"),
    options: {
      key: { type: 'string', required: true, value: L('文件', 'FILE'), help: L('对方导出的公钥文件', 'the key file the other side exported') },
      'street-code': { type: 'string', value: L('街道代码', 'CODE'), help: L('区：这个公钥所属街道的代码', 'district: the code of the street the key belongs to') },
      'district-code': { type: 'string', value: L('区县代码', 'CODE'), help: L('市：这个公钥所属区的代码（6 位，如 370782）', 'city: the code of the district the key belongs to (6 digits, such as 370782)') },
    },
    async run(ctx) {
      const text = new TextDecoder().decode(readFile(ctx, String(ctx.values.key)));
      const streetCode = str(ctx, 'street-code');
      const districtCode = str(ctx, 'district-code');
      const keys = await sessionOf(ctx).call('exchange.keys', {});
      // A district keeps its city's key file as a street keeps its district's: no code to give for it.
      if (keys.mode === 'district' && !streetCode && keyFileRole(text) !== 'city') throw new UsageError(ctx.text.missingOption('--street-code'));
      if (keys.mode === 'city' && !districtCode) throw new UsageError(ctx.text.missingOption('--district-code'));
      const r = await sessionOf(ctx).call('exchange.trustKey', { keyFile: text, ...(streetCode ? { streetCode } : {}), ...(districtCode ? { districtCode } : {}) });
      return { value: { ...r }, human: exchangeText(ctx.lang).trusted(r.name, r.code, r.keyId, r.tlsSha256, r.role) };
    },
  },
  {
    name: 'exchange set',
    writes: true,
    summary: L('设置上级的上传地址：街道设区里的，区设市里的（令牌取自环境变量 STREETDESK_UPLOAD_TOKEN）', "the upload address one level up: a street's district, a district's city (token from STREETDESK_UPLOAD_TOKEN)"),
    options: {
      'district-url': { type: 'string', value: L('地址', 'URL'), help: L('街道：区里接收月报的地址', "street: the district's address for returns") },
      'city-url': { type: 'string', value: L('地址', 'URL'), help: L('区：市里接收报市数据包的地址', "district: the city's address for its packages") },
    },
    async run(ctx) {
      const mode = (await sessionOf(ctx).call('exchange.keys', {})).mode;
      const option = mode === 'district' ? 'city-url' : 'district-url';
      const url = str(ctx, option);
      if (url === undefined) throw new UsageError(ctx.text.missingOption(`--${option}`));
      // One setting either way: the address of the level above this database.
      const r = await sessionOf(ctx).call('exchange.saveSettings', { districtUrl: url, uploadToken: process.env.STREETDESK_UPLOAD_TOKEN ?? '' });
      return { value: { districtUrl: r.districtUrl, hasUploadToken: r.hasUploadToken }, human: exchangeText(ctx.lang).settingsSaved(r.districtUrl, r.hasUploadToken) };
    },
  },
  {
    name: 'return show',
    writes: false,
    summary: L('显示月报各表', "the return's tables"),
    options: { period: PERIOD },
    precheck: periodOption,
    async run(ctx) {
      const info = await sessionOf(ctx).call('returns.get', { period: String(ctx.values.period) });
      return { value: { period: info.period, state: info.state, version: info.version, tables: info.tables, notes: info.notes }, human: exchangeText(ctx.lang).returnTables(info) };
    },
  },
  {
    name: 'return finalize',
    writes: true,
    summary: L('审核并定稿月报（冻结数据）', 'check and finalize the return (freezes its figures)'),
    options: { period: PERIOD },
    precheck: periodOption,
    async run(ctx) {
      const period = String(ctx.values.period);
      const now = await sessionOf(ctx).call('returns.get', { period });
      if (now.state === 'draft') await sessionOf(ctx).call('returns.check', { period });
      const info = await sessionOf(ctx).call('returns.finalize', { period });
      return { value: { period, state: info.state, version: info.version }, human: exchangeText(ctx.lang).finalized(period, info.version) };
    },
  },
  {
    name: 'return reopen',
    writes: true,
    summary: L('重新打开已定稿月报（记录在案，版本加 1）', 'reopen a finalized return (logged, new version)'),
    options: { period: PERIOD, reason: { type: 'string', required: true, value: L('原因', 'TEXT'), help: L('重新打开的原因', 'why it is reopened') } },
    precheck: periodOption,
    async run(ctx) {
      const period = String(ctx.values.period);
      const info = await sessionOf(ctx).call('returns.reopen', { period, reason: String(ctx.values.reason) });
      return { value: { period, state: info.state, version: info.version }, human: exchangeText(ctx.lang).reopened(period, info.version) };
    },
  },
  {
    name: 'return build',
    writes: true,
    summary: L(
      '生成签名的月报数据包，写入文件夹并读回校验（区：生成报市数据包，含全区汇总和各街道报表）',
      "build the signed package, write it to DIR and read it back (district: the package for the city, the district's tables and each street's)",
    ),
    options: {
      period: PERIOD,
      out: { type: 'string', required: true, value: L('文件夹', 'DIR'), help: L('数据包写入的文件夹', 'the folder the package is written to') },
      'encrypt-to': { type: 'string', value: L('区/市公钥文件', 'KEY-FILE'), help: L('街道：用区的公钥加密数据包；区：用市的公钥加密', "street: encrypt the package to the district's key; district: to the city's") },
      unencrypted: {
        type: 'boolean',
        help: L('不加密（数据包含党员身份证号等个人信息；没有区公钥时须明确选择，记入操作日志）', "build it unencrypted (it holds members' ID numbers; without the district's key this must be chosen, and is logged)"),
      },
    },
    precheck: periodOption,
    async run(ctx) {
      const period = String(ctx.values.period);
      const encryptTo = str(ctx, 'encrypt-to');
      const keyFile = encryptTo === undefined ? undefined : new TextDecoder().decode(readFile(ctx, encryptTo));
      const dir = path.resolve(String(ctx.values.out));
      fs.mkdirSync(dir, { recursive: true });
      if ((await sessionOf(ctx).call('exchange.keys', {})).mode === 'district') {
        // The district's month for the city: no member records in it, so no unencrypted choice to make.
        const built = await sessionOf(ctx).call('districtReturn.build', { period, ...(keyFile ? { encryptTo: keyFile } : {}) });
        const file = writeToFolder(built.bytes, dir, built.package.fileName, undefined, DISTRICT_PACKAGE).file;
        const p = built.package;
        return { value: { file, version: p.version, sha256: p.sha256, counts: p.counts, encrypted: p.encrypted }, human: cityText(ctx.lang).districtBuilt(file, p.version, p.sha256, p.counts.streets ?? 0) };
      }
      // Noted before the build: killed after the row is stored, the next start writes the file from it. A
      // refusal or a failed write is reported now, so the note goes with it (finally).
      const delivered = noteDelivery(ctx.app.database, ctx.app.dbPath, dir, period);
      const { p, file } = await (async () => {
        try {
          const built = await sessionOf(ctx).call('returns.build', { period, unencrypted: ctx.values.unencrypted === true, ...(keyFile ? { encryptTo: keyFile } : {}) });
          return { p: built.package, file: writeToFolder(built.bytes, dir, built.package.fileName).file };
        } finally {
          delivered();
        }
      })();
      return { value: { file, version: p.version, sha256: p.sha256, counts: p.counts, encrypted: p.encrypted }, human: exchangeText(ctx.lang).built(file, p.version, p.sha256) };
    },
  },
  {
    name: 'return send',
    writes: true,
    summary: L('把数据包写入 U 盘/文件夹并读回校验', 'write the package to a USB stick or folder, verified'),
    options: { period: PERIOD, folder: { type: 'string', required: true, value: L('文件夹', 'DIR'), help: L('U 盘或文件夹', 'the USB stick or folder') } },
    precheck: periodOption,
    async run(ctx) {
      const period = String(ctx.values.period);
      if ((await sessionOf(ctx).call('exchange.keys', {})).mode === 'district') {
        const latest = (await sessionOf(ctx).call('districtReturn.list', { period }))[0];
        if (!latest) throw new CliRejection('NOT_FOUND', cityText(ctx.lang).noDistrictPackage(period), { period });
        const r = await sessionOf(ctx).call('districtReturn.sendToFolder', { packageId: latest.id, folder: path.resolve(String(ctx.values.folder)) });
        return { value: { file: r.file, version: r.package.version, sha256: r.package.sha256 }, human: exchangeText(ctx.lang).sent(r.file) };
      }
      const r = await sessionOf(ctx).call('returns.sendToFolder', { packageId: await latestPackageId(ctx, period), folder: path.resolve(String(ctx.values.folder)) });
      return { value: { file: r.file, version: r.package.version, sha256: r.package.sha256 }, human: exchangeText(ctx.lang).sent(r.file) };
    },
  },
  {
    name: 'return upload',
    writes: true,
    summary: L('上传数据包到区里（区：上传报市数据包到市里；断网自动重试），保存签收回执', "upload the package to the district (a district's to the city; retries), keep the receipt"),
    options: { period: PERIOD },
    precheck: periodOption,
    async run(ctx) {
      const period = String(ctx.values.period);
      if ((await sessionOf(ctx).call('exchange.keys', {})).mode === 'district') {
        const latest = (await sessionOf(ctx).call('districtReturn.list', { period }))[0];
        if (!latest) throw new CliRejection('NOT_FOUND', cityText(ctx.lang).noDistrictPackage(period), { period });
        const r = await sessionOf(ctx).call('districtReturn.upload', { packageId: latest.id });
        const receipt = r.receipt.receipt;
        return { value: { version: r.package.version, attempts: r.attempts, receipt, receiptVerified: r.receiptVerified }, human: exchangeText(ctx.lang).uploaded(receipt.districtName, receipt.receivedAt, r.attempts) };
      }
      const r = await sessionOf(ctx).call('returns.upload', { packageId: await latestPackageId(ctx, period) });
      const receipt = r.package.receipt!.receipt;
      return { value: { version: r.package.version, attempts: r.attempts, receipt, receiptVerified: r.package.receiptVerified }, human: exchangeText(ctx.lang).uploaded(receipt.districtName, receipt.receivedAt, r.attempts) };
    },
  },
  {
    name: 'package verify',
    args: [L('文件', 'FILE')],
    writes: false,
    summary: L('校验数据包；有问题时退出码 1 并给出原因代码', "check a package; exit 1 with the reason's code when anything is wrong"),
    options: {},
    async run(ctx) {
      const file = path.resolve(ctx.args[0]);
      const outcome = await sessionOf(ctx).call('package.verify', { fileName: path.basename(file), bytes: readPackage(ctx, file) });
      return verifyResult(outcome, ctx.lang);
    },
  },
  {
    name: 'district import',
    args: [L('文件或文件夹', 'FILE|FOLDER')],
    variadic: true,
    writes: true,
    summary: L('区：导入数据包（文件夹即其中全部 .zip/.sealed；逐个给出接收、替换或拒收原因）', 'district: take packages (a folder: every .zip/.sealed in it; accepted, replaced or rejected with the reason)'),
    options: {},
    async run(ctx) {
      const files = packagesOfArgs(ctx);
      const outcomes: ImportOutcome[] = await sessionOf(ctx).call('district.import', { files });
      const rows = outcomes.map((o) =>
        o.status === 'rejected'
          ? // The CLI calls as a user whose language is stored: the reason is said again in the one asked for with --lang.
            { file: o.fileName, status: o.status, code: o.code, message: packageProblemMessage(o.code, o.params ?? {}, ctx.lang) }
          : { file: o.fileName, status: o.status, streetCode: o.streetCode, period: o.period, version: o.version, ...('replacedVersion' in o && o.replacedVersion ? { replacedVersion: o.replacedVersion } : {}) },
      );
      const rejected = outcomes.filter((o) => o.status === 'rejected').length;
      return { value: { ok: rejected === 0, files: rows }, human: exchangeText(ctx.lang).imported(rows), exitCode: rejected ? 1 : 0 };
    },
  },
  {
    name: 'district streets',
    writes: false,
    summary: L('区：列出已登记的街道和公钥', 'district: the streets and their keys'),
    options: {},
    async run(ctx) {
      const streets = await sessionOf(ctx).call('district.streets', {});
      return { value: { streets }, human: streets.map((s) => `${s.code}\t${s.name}\t${s.keyId}`).join('\n') };
    },
  },
  {
    name: 'district token',
    writes: true,
    summary: L('区：为街道生成上传令牌', 'district: a new upload token for a street'),
    options: { 'street-code': { type: 'string', required: true, value: L('街道代码', 'CODE'), help: L('街道的代码', "the street's code") } },
    async run(ctx) {
      const r = await sessionOf(ctx).call('district.issueToken', { streetCode: String(ctx.values['street-code']) });
      return { value: { ...r }, human: exchangeText(ctx.lang).token(r.streetCode, r.token) };
    },
  },
  {
    name: 'district report',
    writes: false,
    summary: L('区：生成全区汇总表', 'district: the consolidated report'),
    options: { period: PERIOD, out: { type: 'string', required: true, value: L('文件.xlsx', 'FILE.xlsx'), help: L('汇总表文件（不能已存在）', 'the report file (must not exist yet)') } },
    precheck: periodOption,
    async run(ctx) {
      const out = path.resolve(String(ctx.values.out));
      if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(ctx.text.needXlsx(out));
      if (fs.existsSync(out)) throw new CliRejection('VALIDATION', ctx.text.outExists(out), { issues: [{ field: 'out', problem: 'exists', value: out }] });
      const period = String(ctx.values.period);
      const c = await sessionOf(ctx).call('district.consolidate', { period });
      const report = await sessionOf(ctx).call('district.report', { period });
      writeOutFile(out, report.bytes);
      const sent = c.streets.filter((s) => s.version !== null).map((s) => s.code);
      return { value: { file: out, period, sent, missing: c.missing }, human: exchangeText(ctx.lang).report(out, sent.length, c.streets.length) };
    },
  },
];
