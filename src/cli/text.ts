// The CLI's own words, in zh-CN and en (errors come from shared/i18n).
import type { Language } from '../shared/api/schemas';

export function cliText(lang: Language) {
  const zh = lang === 'zh-CN';
  return {
    /** The language these texts are in (a command's own texts follow it). */
    lang,
    /** The help's frame; the commands and their options come from their declarations (help.ts). */
    help: {
      usage: zh
        ? '用法：npm run cli -- (--db 文件 | --pg postgres://… [--data 文件夹]) <命令> [选项] [--user 用户名] [--json] [--lang zh-CN|en]'
        : 'Usage: npm run cli -- (--db FILE | --pg postgres://… [--data DIR]) <command> [options] [--user NAME] [--json] [--lang zh-CN|en]',
      commands: zh ? '命令：' : 'Commands:',
      exchange: zh ? '月报与报送：' : 'Returns and exchange:',
      city: zh ? '市级汇总：' : 'The city level:',
      life: zh ? '组织生活：' : 'Organizational life:',
      dues: zh ? '党费：' : 'Party dues:',
      develop: zh ? '发展党员：' : 'Developing new members:',
      governance: zh ? '社区治理：' : 'Community governance:',
      overview: zh ? '工作台总览：' : 'The overview:',
      global: zh ? '通用选项：' : 'Options of every command:',
      options: zh ? '选项：' : 'Options:',
      writes: zh ? '［写入：需要密码］' : '[writes: needs the password]',
      writesSometimes: zh ? '［写入时需要密码］' : '[needs the password when it writes]',
      more: zh ? '用 <命令> --help 查看一条命令的全部选项。' : 'Run <command> --help for all of its options.',
      footer: zh
        ? '读取数据的命令以 --user 指定的用户（默认第一位管理员）运行，不需要密码；写入数据的命令需要这个用户的密码，\n取自环境变量 STREETDESK_PASSWORD。--json 时每条命令只在标准输出打印一个 JSON 对象。\n退出码：0 成功，1 输入被拒绝，2 用法错误。'
        : 'Commands that read run as the --user given (default: the first administrator) without a password; commands that\nwrite need that user\'s password in the environment variable STREETDESK_PASSWORD. With --json every command prints\nexactly one JSON object on stdout. Exit codes: 0 success, 1 rejected input, 2 usage error.',
    },
    noCommand: zh ? '缺少命令' : 'No command given',
    needDb: zh ? '缺少 --db 文件（区、市的库在 PostgreSQL 中时用 --pg postgres://…）' : '--db FILE is required (or --pg postgres://… for a district or city database in PostgreSQL)',
    dbOrPg: zh ? '--db 与 --pg 只能给一个' : 'Give --db or --pg, not both',
    dataWithPg: zh ? '--data 只与 --pg 同用（SQLite 库的文件放在库文件旁边）' : '--data goes with --pg only (a SQLite database keeps its files beside it)',
    pgUrl: (url: string) => (zh ? `--pg 须为 postgres:// 开头的地址，收到“${url}”` : `--pg must be a postgres:// address, not "${url}"`),
    unknownCommand: (name: string) => (zh ? `不认识的命令：${name}` : `Unknown command: ${name}`),
    dbMissing: (file: string) => (zh ? `数据库文件不存在：${file}` : `The database file does not exist: ${file}`),
    missingOption: (opt: string) => (zh ? `缺少选项 ${opt}` : `Missing option ${opt}`),
    needOneOf: (a: string, b: string) => (zh ? `请指定 ${a} 或 ${b}（二选一）` : `Give exactly one of ${a} or ${b}`),
    needUserPassword: (command: string, user: string | null) =>
      zh
        ? `命令“${command}”会写入数据，须以用户${user ? ` ${user} ` : '（第一位管理员）'}的身份登录：请在环境变量 STREETDESK_PASSWORD 中提供其密码（不要写在命令行参数里）`
        : `The command “${command}” writes, so it logs in as ${user ? `the user ${user}` : 'the first administrator'}: give that password in the environment variable STREETDESK_PASSWORD (never as an argument)`,
    unknownUser: (name: string) => (zh ? `没有名为“${name}”的用户（--user）` : `There is no user named “${name}” (--user)`),
    noAdministrator: zh ? '数据库中没有启用的管理员账号，请用 --user 指定用户' : 'The database has no active administrator; name a user with --user',
    needPassword: zh
      ? '请在环境变量 STREETDESK_PASSWORD 中提供管理员密码（不要写在命令行参数里）'
      : 'Give the administrator password in the environment variable STREETDESK_PASSWORD (never as an argument)',
    initDone: (street: string, code: string, user: string) =>
      zh ? `已初始化：${street}（${code}），管理员 ${user}` : `Set up: ${street} (${code}), administrator ${user}`,
    outExists: (file: string) =>
      zh ? `目标文件已存在，未覆盖：${file}` : `The target file already exists and was not overwritten: ${file}`,
    backupDone: (file: string, size: number) =>
      zh ? `已备份到 ${file}（${size} 字节）` : `Backed up to ${file} (${size} bytes)`,
    auditOk: (n: number) => (zh ? `审计日志完整：已校验 ${n} 条记录` : `The audit log is intact: ${n} entries checked`),
    auditBroken: (id: number, reason: string, checked: number) =>
      zh
        ? `审计日志被改动：第 ${id} 条记录${AUDIT_REASONS_ZH[reason] ?? reason}（此前 ${checked} 条完好）`
        : `The audit log was tampered with: entry ${id} ${AUDIT_REASONS_EN[reason] ?? reason} (${checked} entries before it are intact)`,
    badNumber: (opt: string, value: string, min: number, max: number) =>
      zh ? `${opt} 须为 ${min} 到 ${max} 之间的整数，不能是“${value}”` : `${opt} must be a whole number from ${min} to ${max}, not “${value}”`,
    badDay: (opt: string, value: string) =>
      zh ? `${opt} 须为 YYYY-MM-DD 格式的日期，不能是“${value}”` : `${opt} must be a date as YYYY-MM-DD, not “${value}”`,
    badChoice: (opt: string, value: string, choices: string) =>
      zh ? `${opt} 只能是 ${choices}，不能是“${value}”` : `${opt} must be one of ${choices}, not “${value}”`,
    needXlsx: (file: string) => (zh ? `导出文件名须以 .xlsx 结尾：${file}` : `The export file must end in .xlsx: ${file}`),
    exported: (file: string, rows: number) => (zh ? `已导出 ${rows} 名党员到 ${file}` : `Exported ${rows} members to ${file}`),
    fileMissing: (file: string) => (zh ? `文件不存在：${file}` : `The file does not exist: ${file}`),
    imported: (r: {
      rows: number;
      created: number;
      updated: number;
      rejected: { message: string; row: number }[];
      duplicates: unknown[];
      ignored: number[];
      dryRun: boolean;
      sheet: string;
      sheetsSeen: { name: string }[];
      unknownValues: { column: string; value: string; count: number }[];
      awaitingMapping: number;
      warnings: { message: string; row: number }[];
    }) =>
      [
        zh
          ? `读取工作表“${r.sheet}”${r.sheetsSeen.length ? `（另有 ${r.sheetsSeen.map((s) => `“${s.name}”`).join('、')} 未读取）` : ''}`
          : `Read sheet “${r.sheet}”${r.sheetsSeen.length ? ` (also seen, not read: ${r.sheetsSeen.map((s) => `“${s.name}”`).join(', ')})` : ''}`,
        zh
          ? `${r.dryRun ? '检查完毕（未写入）' : '导入完毕'}：共 ${r.rows} 行，新增 ${r.created}，更新 ${r.updated}，重复 ${r.duplicates.length}，有问题 ${new Set(r.rejected.map((x) => x.row)).size} 行${r.awaitingMapping ? `，待对应代码 ${r.awaitingMapping} 行` : ''}，忽略标题/合计行 ${r.ignored.length}`
          : `${r.dryRun ? 'Checked (nothing written)' : 'Imported'}: ${r.rows} rows, ${r.created} new, ${r.updated} updated, ${r.duplicates.length} duplicates, ${new Set(r.rejected.map((x) => x.row)).size} rows with problems${r.awaitingMapping ? `, ${r.awaitingMapping} rows awaiting code mapping` : ''}, ${r.ignored.length} title/footer rows ignored`,
        ...r.rejected.map((x) => (zh ? `第 ${x.row} 行 ${x.message}` : `row ${x.row}: ${x.message}`)),
        ...(r.unknownValues.length
          ? [
              zh
                ? '未识别的值（用 --map-value 列名=原文:代码名称 对应到代码表，之后的导入也会记住）：'
                : 'Unknown values (map each with --map-value COLUMN=TEXT:LABEL; later imports remember it):',
              ...r.unknownValues.map((u) => (zh ? `  ${u.column}“${u.value}”：${u.count} 行` : `  ${u.column} “${u.value}”: ${u.count} rows`)),
            ]
          : []),
        ...r.warnings.map((x) => (zh ? `提醒：第 ${x.row} 行 ${x.message}` : `note: row ${x.row}: ${x.message}`)),
      ].join('\n'),
    seeded: (r: { communities: number; grids: number; organizations: number; members: number; requests?: number; volunteers?: number; records?: number; developPeople?: number }) =>
      zh
        ? `已生成演示数据：${r.communities} 个社区，${r.grids} 个网格，${r.organizations} 个党组织，${r.members} 名党员${r.requests ? `，${r.requests} 件受理单，${r.volunteers} 名志愿者，${r.records} 条服务记录` : ''}${r.developPeople ? `，发展党员名册 ${r.developPeople} 人` : ''}`
        : `Demo data: ${r.communities} communities, ${r.grids} grids, ${r.organizations} organizations, ${r.members} members${r.requests ? `, ${r.requests} service requests, ${r.volunteers} volunteers, ${r.records} service records` : ''}${r.developPeople ? `, ${r.developPeople} people in the development register` : ''}`,
    orgNotFound: (name: string, n: number) =>
      n === 0
        ? zh ? `找不到党组织“${name}”` : `No Party organization named “${name}”`
        : zh
          ? `有 ${n} 个党组织都叫“${name}”，请写上上级组织，如“幸福社区党委/${name}”`
          : `${n} organizations are named “${name}”; add a parent, e.g. “幸福社区党委/${name}”`,
    category: zh ? { full: '正式党员', probationary: '预备党员' } : { full: 'full', probationary: 'probationary' },
    leftOn: zh ? '离开于' : 'left on',
    memberList: (total: number, rows: string[][]) =>
      [zh ? `共 ${total} 名党员` : `${total} members`, ...rows.map((r) => r.join('\t'))].join('\n'),
    info: (lines: [string, string][]) => lines.map(([k, v]) => `${k}${zh ? '：' : ': '}${v}`).join('\n'),
    labels: zh
      ? { street: '街道', code: '区划代码', district: '所属区', schema: '数据结构版本', app: '程序版本', users: '用户数', audit: '审计记录数', backups: '备份数', file: '数据库文件', none: '（尚未初始化）' }
      : { street: 'Street', code: 'Division code', district: 'District', schema: 'Schema version', app: 'App version', users: 'Users', audit: 'Audit entries', backups: 'Backups', file: 'Database file', none: '(not set up yet)' },
  };
}

export type CliText = ReturnType<typeof cliText>;

const AUDIT_REASONS_ZH: Record<string, string> = {
  HASH_MISMATCH: '的内容与其哈希不符（记录被修改）',
  CHAIN_BROKEN: '与前一条的链接断开（记录被删除、插入或调换）',
  HEAD_MISMATCH: '之后的记录缺失（末尾记录被删除）',
};
const AUDIT_REASONS_EN: Record<string, string> = {
  HASH_MISMATCH: 'does not match its hash (the entry was changed)',
  CHAIN_BROKEN: 'does not link to the entry before it (entries were deleted, inserted or reordered)',
  HEAD_MISMATCH: 'is followed by missing entries (entries at the end were deleted)',
};
