// The CLI's core commands. Each one calls the application through the contract as the logged-in user
// (see index.ts), exactly as the window does: zod validation, roles, community scope and audit included.
import fs from 'node:fs';
import path from 'node:path';
import type { OrgNode } from '../shared/api/contract';
import { backupFolder } from '../core/services/backup';
import { COUNTER_COMMANDS } from './commands-counter';
import { CliRejection, L, UsageError, dayOption, intOption, sessionOf, str, writeOutFile, type Command, type CommandContext } from './declare';

export { CliRejection, UsageError } from './declare';

/** The organization a `--org` names (NAME, or PARENT/NAME to tell apart two of the same name), among those the user may see. */
export async function orgOption(ctx: CommandContext): Promise<number | undefined> {
  const wanted = str(ctx.values, 'org');
  if (wanted === undefined) return undefined;
  const tree = await sessionOf(ctx).call('orgs.tree', {});
  const matches = findInTree(tree, wanted);
  if (matches.length !== 1) throw new CliRejection('NOT_FOUND', ctx.text.orgNotFound(wanted, matches.length), { org: wanted, matches: matches.length });
  return matches[0].id;
}

/** Same reading as the import's organization paths: the last segment is the name, the others are ancestors in order. */
function findInTree(tree: OrgNode[], wanted: string): OrgNode[] {
  const segments = wanted.split('/').map((p) => p.trim()).filter(Boolean);
  const leaf = segments.pop();
  if (!leaf) return [];
  const byId = new Map(tree.map((o) => [o.id, o]));
  return tree.filter((o) => {
    if (o.name !== leaf || o.closedOn !== null) return false;
    let wantedIndex = segments.length - 1;
    let parent = o.parentId === null ? undefined : byId.get(o.parentId);
    while (wantedIndex >= 0 && parent) {
      if (parent.name === segments[wantedIndex]) wantedIndex--;
      parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
    }
    return wantedIndex < 0;
  });
}

function refuseExisting(ctx: CommandContext, out: string): void {
  if (fs.existsSync(out)) throw new CliRejection('VALIDATION', ctx.text.outExists(out), { issues: [{ field: 'out', problem: 'exists', value: out }] });
}

const LIMIT = { min: 1, max: 500 };

export const COMMANDS: Command[] = [
  {
    name: 'init',
    createsDatabase: true,
    writes: true,
    summary: L(
      '初始化新数据库：街道信息和管理员账号（管理员密码取自环境变量 STREETDESK_PASSWORD）',
      'set up a new database: street profile and administrator (password from STREETDESK_PASSWORD)',
    ),
    options: {
      'street-name': { type: 'string', required: true, value: L('名称', 'NAME'), help: L('街道名称', "the street's name") },
      'street-code': { type: 'string', required: true, value: L('区划代码', 'CODE'), help: L('街道的行政区划代码（9 或 12 位）', "the street's division code (9 or 12 digits)") },
      'district-name': { type: 'string', required: true, value: L('区名', 'NAME'), help: L('所属区', 'the district it belongs to') },
      'admin-user': { type: 'string', required: true, value: L('用户名', 'NAME'), help: L('第一位管理员的登录名', "the first administrator's user name") },
      'admin-name': { type: 'string', value: L('姓名', 'NAME'), help: L('管理员姓名（默认同登录名）', "the administrator's full name (default: the user name)") },
    },
    precheck(_values, text) {
      if (!process.env.STREETDESK_PASSWORD) {
        throw new CliRejection('VALIDATION', text.needPassword, { issues: [{ field: 'admin.password', problem: 'required' }] });
      }
    },
    async run(ctx) {
      const username = String(ctx.values['admin-user']);
      const session = await ctx.app.invoke('setup.initialize', {
        street: { name: String(ctx.values['street-name']), code: String(ctx.values['street-code']), districtName: String(ctx.values['district-name']) },
        admin: { username, displayName: str(ctx.values, 'admin-name') ?? username, password: process.env.STREETDESK_PASSWORD ?? '' },
        language: ctx.lang,
      });
      const profile = await ctx.app.invoke('street.get', {}, session.token);
      return {
        value: { street: profile, admin: { id: session.user.id, username: session.user.username } },
        human: ctx.text.initDone(profile.name, profile.code, session.user.username),
      };
    },
  },
  {
    name: 'backup',
    writes: true,
    summary: L('把数据库完整备份到指定文件（备份同时留在数据库旁的 backups 文件夹，可在设置中恢复）', 'write a complete backup of the database to FILE (also kept in the backups folder beside it, for restoring in Settings)'),
    options: {
      out: { type: 'string', required: true, value: L('文件', 'FILE'), help: L('备份文件（不能已存在，不会覆盖）', 'the backup file (must not exist yet; never overwritten)') },
    },
    precheck(values, text) {
      const out = path.resolve(String(values.out));
      if (fs.existsSync(out)) throw new CliRejection('VALIDATION', text.outExists(out), { issues: [{ field: 'out', problem: 'exists', value: out }] });
    },
    async run(ctx) {
      const out = path.resolve(String(ctx.values.out));
      // backup.create writes (and audits) the app's own backup; the copy is the file the user asked for.
      const file = await sessionOf(ctx).call('backup.create', {});
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.copyFileSync(path.join(backupFolder(ctx.app.dbPath), file.name), out, fs.constants.COPYFILE_EXCL);
      return { value: { file: out, size: file.size }, human: ctx.text.backupDone(out, file.size) };
    },
  },
  {
    name: 'audit verify',
    writes: false,
    summary: L('校验审计日志的哈希链，发现被改动、删除或调换的记录', "check the audit log's hash chain for changed, deleted or reordered entries"),
    options: {},
    async run(ctx) {
      const result = await sessionOf(ctx).call('audit.verify', {});
      if (result.ok) return { value: { ...result }, human: ctx.text.auditOk(result.checked) };
      const broken = result.firstBroken!;
      return { value: { ...result }, human: ctx.text.auditBroken(broken.id, broken.reason, result.checked), exitCode: 1 };
    },
  },
  {
    name: 'seed-demo',
    writes: true,
    summary: L(
      '生成一个虚构的演示街道（社区、网格、支部、党员；可加一年的受理单、志愿者和服务记录），用于演示和性能测试；同样的种子和日期生成同样的街道',
      'build a made-up demo street (communities, grids, branches, members; optionally a year of service requests, volunteers and service records); the same seed and day build the same street',
    ),
    options: {
      members: { type: 'string', required: true, value: L('人数', 'N'), help: L('党员人数（1 到 500000）', 'how many members (1 to 500000)') },
      requests: { type: 'string', value: L('件数', 'N'), help: L('一年的受理单件数（默认 0）', 'how many service requests over the year (default 0)') },
      seed: { type: 'string', value: L('种子', 'S'), help: L('随机种子（默认 1）', 'the random seed (default 1)') },
      until: { type: 'string', value: L('日期', 'YYYY-MM-DD'), help: L('这一年的最后一天（默认 2026-10-31）', "the made-up year's last day (default 2026-10-31)") },
      meetings: { type: 'boolean', help: L('另加五年的组织生活会议（每个支部按默认频次，偶有缺开）', 'also five years of organizational life (each branch as the default rules ask, now and then missing one)') },
      develop: { type: 'boolean', help: L('另加发展党员各阶段的人员（申请人、积极分子、发展对象，及名册中预备党员和新转正党员的发展经过）', "also people at every stage of developing new members (applicants, activists, candidates, and the path of the roll's probationary and recently full members)") },
    },
    precheck(values, text) {
      intOption(values, 'members', 1, 500_000, text);
      intOption(values, 'seed', 0, 2 ** 31 - 1, text, 1);
      intOption(values, 'requests', 0, 1_000_000, text, 0);
      dayOption(values, 'until', text);
    },
    async run(ctx) {
      const result = await sessionOf(ctx).call('demo.seed', {
        members: intOption(ctx.values, 'members', 1, 500_000, ctx.text),
        seed: intOption(ctx.values, 'seed', 0, 2 ** 31 - 1, ctx.text, 1),
        requests: intOption(ctx.values, 'requests', 0, 1_000_000, ctx.text, 0),
        until: dayOption(ctx.values, 'until', ctx.text),
        meetings: ctx.values.meetings === true,
        develop: ctx.values.develop === true,
      });
      return { value: { ...result }, human: ctx.text.seeded(result) };
    },
  },
  {
    name: 'members list',
    writes: false,
    summary: L('列出党员（按姓名、拼音首字母、身份证号或电话查找）', 'list members (by name, pinyin initials, ID number or phone)'),
    options: {
      query: { type: 'string', value: L('文字', 'TEXT'), help: L('查找的文字', 'the text to look for') },
      org: { type: 'string', value: L('组织', 'ORG'), help: L('党组织名称，或“上级/组织”', 'a Party organization: NAME, or PARENT/NAME') },
      limit: { type: 'string', value: L('条数', 'N'), help: L('最多列出的条数（1 到 500，默认 100）', 'at most this many (1 to 500, default 100)') },
      offset: { type: 'string', value: L('条数', 'N'), help: L('跳过前面的条数，用于分页', 'skip this many, for paging') },
      status: { type: 'string', value: L('active|history', 'active|history'), help: L('history 列出历史名册', 'history lists those who left the roll') },
    },
    precheck(values, text) {
      intOption(values, 'limit', LIMIT.min, LIMIT.max, text, 100);
      intOption(values, 'offset', 0, 10_000_000, text, 0);
      const status = values.status;
      if (status !== undefined && status !== 'active' && status !== 'history') throw new UsageError(text.badChoice('--status', String(status), 'active|history'));
    },
    async run(ctx) {
      const orgId = await orgOption(ctx);
      const offset = intOption(ctx.values, 'offset', 0, 10_000_000, ctx.text, 0);
      const result = await sessionOf(ctx).call('members.list', {
        orgId,
        query: str(ctx.values, 'query'),
        limit: intOption(ctx.values, 'limit', LIMIT.min, LIMIT.max, ctx.text, 100),
        offset,
        status: ctx.values.status === 'history' ? 'history' : 'active',
      });
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
    args: [L('文件', 'FILE')],
    // A dry run is the wizard's preview: it only reads.
    writes: (values) => values['dry-run'] !== true,
    summary: L(
      '从花名册（.xlsx，或 UTF-8/GBK 编码的 CSV）导入党员；有被拒绝的行或未识别的值时退出码为 1',
      'import members from a roster (.xlsx, or CSV in UTF-8 or GBK); exit 1 when any row was rejected or a value is unknown',
    ),
    options: {
      sheet: { type: 'string', value: L('工作表', 'NAME'), help: L('读取的工作表（默认表头最吻合的一张）', 'the sheet to read (default: the one whose header matches best)') },
      'header-row': { type: 'string', value: L('行号', 'N'), help: L('表头所在行（1 到 50）', 'the row the header is on (1 to 50)') },
      'dry-run': { type: 'boolean', help: L('只检查，不写入（不需要密码）', 'check without writing (needs no password)') },
      'on-duplicate': { type: 'string', value: L('skip|update', 'skip|update'), help: L('身份证号已在库中时跳过或更新', 'skip or update a member whose ID number is already kept') },
      'create-missing-branches': { type: 'boolean', help: L('新建花名册中有、库中没有的支部', "create the branches the roster names that don't exist yet") },
      rejected: { type: 'string', value: L('文件.xlsx', 'OUT.xlsx'), help: L('把未导入的行连同原因写入这个文件，改好后可再导入', 'write the rows not imported, with the reason, to this file to fix and import again') },
      community: { type: 'string', value: L('社区', 'NAME'), help: L('各行所属的社区（各社区有同名支部时）', 'the community the rows belong to (when communities share branch names)') },
      'map-value': {
        type: 'string',
        multiple: true,
        value: L('列名=原文:代码名称', 'COLUMN=TEXT:LABEL'),
        help: L('把代码表中没有的写法对应到代码（如 学历=电大:大学专科，以后的导入都会记住）；可重复', 'map a word no code table knows (学历=电大:大学专科), remembered for later imports; may repeat'),
      },
    },
    precheck(values, text) {
      const dup = values['on-duplicate'];
      if (dup !== undefined && dup !== 'skip' && dup !== 'update') throw new UsageError(text.badChoice('--on-duplicate', String(dup), 'skip|update'));
      if (values['header-row'] !== undefined) intOption(values, 'header-row', 1, 50, text);
    },
    async run(ctx) {
      const file = path.resolve(ctx.args[0]);
      if (!fs.existsSync(file)) throw new CliRejection('NOT_FOUND', ctx.text.fileMissing(file), { file });
      const dryRun = ctx.values['dry-run'] === true;
      const input = {
        fileName: path.basename(file),
        bytes: new Uint8Array(fs.readFileSync(file)),
        sheet: str(ctx.values, 'sheet'),
        headerRow: ctx.values['header-row'] === undefined ? undefined : intOption(ctx.values, 'header-row', 1, 50, ctx.text),
        onDuplicate: ctx.values['on-duplicate'] === 'update' ? ('update' as const) : ('skip' as const),
        createMissingBranches: ctx.values['create-missing-branches'] === true,
        valueMappings: Array.isArray(ctx.values['map-value']) ? ctx.values['map-value'] : undefined,
        communityName: str(ctx.values, 'community'),
      };
      const session = sessionOf(ctx);
      const report = dryRun ? await session.call('members.importPreview', input) : await session.call('members.importCommit', input);
      const rejectedOut = str(ctx.values, 'rejected');
      if (rejectedOut !== undefined && report.rejectedWorkbook) {
        writeOutFile(rejectedOut, report.rejectedWorkbook);
      }
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
    args: [L('文件.xlsx', 'OUT.xlsx')],
    writes: false,
    summary: L('把党员名册导出为 Excel（身份证号、电话为文本；导出记入审计日志）', 'export the members to Excel (ID numbers and phones as text; logged in the audit)'),
    options: {
      org: { type: 'string', value: L('组织', 'ORG'), help: L('只导出这个党组织（名称或“上级/组织”）', 'only this Party organization (NAME or PARENT/NAME)') },
      layout: { type: 'string', value: L('view|national', 'view|national'), help: L('national 按全国党员信息系统的 16 项和名称导出', "national writes the national system's 16 items with its names") },
    },
    async run(ctx) {
      const out = path.resolve(ctx.args[0]);
      if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(ctx.text.needXlsx(out));
      refuseExisting(ctx, out);
      const layout = ctx.values.layout ?? 'view';
      if (layout !== 'view' && layout !== 'national') throw new UsageError(ctx.text.badChoice('--layout', String(layout), 'view|national'));
      const orgId = await orgOption(ctx);
      const result = await sessionOf(ctx).call('members.export', { orgId, layout });
      writeOutFile(out, result.bytes);
      return { value: { file: out, rows: result.rows }, human: ctx.text.exported(out, result.rows) };
    },
  },
  {
    name: 'info',
    writes: false,
    summary: L('显示街道信息、数据结构版本和记录数', 'show the street profile, schema version and record counts'),
    options: {},
    async run(ctx) {
      const session = sessionOf(ctx);
      const status = await ctx.app.invoke('app.status', {});
      // Only an administrator may list the users; for anyone else the count is left out, not guessed.
      const users = session.role === 'admin' ? (await session.call('users.list', {})).length : null;
      const audit = await session.call('audit.list', { limit: 1 });
      const backups = await session.call('backup.list', {});
      const counts = { users, auditEntries: audit.total, backups: backups.backups.length };
      const street = status.street;
      const l = ctx.text.labels;
      return {
        value: { file: ctx.app.dbPath, appVersion: status.appVersion, schemaVersion: status.schemaVersion, street, counts },
        human: ctx.text.info([
          [l.file, ctx.app.dbPath],
          [l.street, street?.name ?? l.none],
          [l.code, street?.code ?? '—'],
          [l.district, street?.districtName ?? '—'],
          [l.schema, String(status.schemaVersion)],
          [l.app, status.appVersion],
          [l.users, users === null ? '—' : String(users)],
          [l.audit, String(counts.auditEntries)],
          [l.backups, String(counts.backups)],
        ]),
      };
    },
  },
  ...COUNTER_COMMANDS,
];
