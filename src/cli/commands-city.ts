// The CLI's city-level commands (issue 13): setting a city up, and the city's import, districts and report.
// A district's package for the city is `return build` / `return send` on a district (commands-exchange.ts).
// Registered first (see registry.ts): `init --city` is told from the other `init`s by its option.
import fs from 'node:fs';
import path from 'node:path';
import type { CityImportOutcome } from '../shared/api/contract-city';
import { packageProblemMessage } from '../shared/i18n/exchange';
import { packagesOfArgs } from './commands-exchange';
import { CliRejection, L, UsageError, sessionOf, str, writeOutFile, type Command } from './declare';
import { cityText, exchangeText } from './text-exchange';

export const CITY_COMMANDS: Command[] = [
  {
    name: 'init',
    when: (values) => values.city === true,
    createsDatabase: true,
    writes: true,
    summary: L('把新数据库初始化为市级（接收、核验、汇总各区月报，可查看到街道）', 'set a new database up as a city (receives, verifies, consolidates the districts, down to streets)'),
    options: {
      city: { type: 'boolean', required: true, help: L('初始化为市级数据库', 'set up a city database') },
      'city-name': { type: 'string', required: true, value: L('市名', 'NAME'), help: L('市的名称', "the city's name") },
      'city-code': { type: 'string', required: true, value: L('市级代码', 'CODE'), help: L('市的行政区划代码（4 位，如 3707）', "the city's division code (4 digits, such as 3707)") },
      'admin-user': { type: 'string', required: true, value: L('用户名', 'NAME'), help: L('第一位管理员的登录名（密码取自 STREETDESK_PASSWORD）', "the first administrator's user name (password from STREETDESK_PASSWORD)") },
      'admin-name': { type: 'string', value: L('姓名', 'NAME'), help: L('管理员姓名（默认同登录名）', "the administrator's full name (default: the user name)") },
    },
    precheck(_values, text) {
      if (!process.env.STREETDESK_PASSWORD) throw new CliRejection('VALIDATION', text.needPassword, { issues: [{ field: 'admin.password', problem: 'required' }] });
    },
    async run(ctx) {
      const username = String(ctx.values['admin-user']);
      const session = await ctx.app.invoke('setup.initializeCity', {
        city: { name: String(ctx.values['city-name']), code: String(ctx.values['city-code']) },
        admin: { username, displayName: str(ctx.values, 'admin-name') ?? username, password: process.env.STREETDESK_PASSWORD ?? '' },
        language: ctx.lang,
      });
      const city = await ctx.app.invoke('street.get', {}, session.token);
      const keys = await ctx.app.invoke('exchange.keys', {}, session.token);
      return {
        value: { city: { name: city.name, code: city.code }, admin: { id: session.user.id, username }, signingKeyId: keys.signingKeyId, encryptionKeyId: keys.encryptionKeyId },
        human: cityText(ctx.lang).cityDone(city.name, city.code, username),
      };
    },
  },
  {
    name: 'city import',
    args: [L('文件或文件夹', 'FILE|FOLDER')],
    variadic: true,
    writes: true,
    summary: L('市：导入区的数据包（文件夹即其中全部 .zip/.sealed；逐个给出接收、替换或拒收原因）', "city: take districts' packages (a folder: every .zip/.sealed in it; accepted, replaced or rejected with the reason)"),
    options: {},
    async run(ctx) {
      const files = packagesOfArgs(ctx);
      const outcomes: CityImportOutcome[] = await sessionOf(ctx).call('city.import', { files });
      const rows = outcomes.map((o) =>
        o.status === 'rejected'
          ? { file: o.fileName, status: o.status, code: o.code, message: packageProblemMessage(o.code, o.params ?? {}, ctx.lang) }
          : { file: o.fileName, status: o.status, districtCode: o.districtCode, period: o.period, version: o.version, ...(o.replacedVersion ? { replacedVersion: o.replacedVersion } : {}) },
      );
      const rejected = outcomes.filter((o) => o.status === 'rejected').length;
      return { value: { ok: rejected === 0, files: rows }, human: cityText(ctx.lang).imported(rows), exitCode: rejected ? 1 : 0 };
    },
  },
  {
    name: 'city token',
    writes: true,
    summary: L('市：为区生成上传令牌', 'city: a new upload token for a district'),
    options: { 'district-code': { type: 'string', required: true, value: L('区县代码', 'CODE'), help: L('区的代码（6 位，如 110101）', "the district's code (6 digits, such as 110101)") } },
    async run(ctx) {
      const r = await sessionOf(ctx).call('city.issueToken', { districtCode: String(ctx.values['district-code']) });
      return { value: { ...r }, human: exchangeText(ctx.lang).token(r.districtCode, r.token, 'district') };
    },
  },
  {
    name: 'city districts',
    writes: false,
    summary: L('市：列出已登记的区和公钥', 'city: the districts and their keys'),
    options: {},
    async run(ctx) {
      const districts = await sessionOf(ctx).call('city.districts', {});
      return { value: { districts }, human: districts.length ? districts.map((d) => `${d.code}\t${d.name}\t${d.keyId}`).join('\n') : cityText(ctx.lang).noDistricts };
    },
  },
  {
    name: 'city report',
    writes: false,
    summary: L('市：生成全市汇总表（每区一页，列出各街道）', "city: the city's report (a sheet per district, by street)"),
    options: {
      period: { type: 'string', required: true, value: L('年-月', 'YYYY-MM'), help: L('月报所属的月份', "the return's month") },
      out: { type: 'string', required: true, value: L('文件.xlsx', 'FILE.xlsx'), help: L('汇总表文件（不能已存在）', 'the report file (must not exist yet)') },
    },
    precheck(values, text) {
      if (typeof values.period === 'string' && !/^[12]\d{3}-(0[1-9]|1[0-2])$/.test(values.period)) throw new UsageError(text.badChoice('--period', values.period, 'YYYY-MM'));
    },
    async run(ctx) {
      const out = path.resolve(String(ctx.values.out));
      if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(ctx.text.needXlsx(out));
      if (fs.existsSync(out)) throw new CliRejection('VALIDATION', ctx.text.outExists(out), { issues: [{ field: 'out', problem: 'exists', value: out }] });
      const period = String(ctx.values.period);
      const c = await sessionOf(ctx).call('city.consolidate', { period });
      const report = await sessionOf(ctx).call('city.report', { period });
      writeOutFile(out, report.bytes);
      const sent = c.districts.filter((d) => d.version !== null).map((d) => d.code);
      const totals = Object.fromEntries(c.tables.map((t) => [t.id, t.total]));
      return { value: { file: out, period, sent, missing: c.missing, totals }, human: cityText(ctx.lang).report(out, sent.length, c.districts.length) };
    },
  },
];
