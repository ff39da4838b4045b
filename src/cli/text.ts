// The CLI's own words, in zh-CN and en (errors come from shared/i18n).
import type { Language } from '../shared/api/schemas';
import { EXCHANGE_USAGE } from './text-exchange';

const USAGE_ZH = `用法：npm run cli -- --db 文件 <命令> [选项] [--json] [--lang zh-CN|en]

命令：
  init --street-name 名称 --street-code 区划代码 --district-name 区名 --admin-user 用户名 [--admin-name 姓名]
        初始化新数据库：街道信息和管理员账号（密码取自环境变量 STREETDESK_PASSWORD）
  backup --out 文件      把数据库完整备份到指定文件
  seed-demo --members 人数 [--requests 件数] [--seed 种子] [--until 日期]
                        生成一个虚构的演示街道（社区、网格、支部、党员；可加一年的受理单、志愿者和服务记录），用于演示和性能测试；
                        --until 是这一年的最后一天（默认 2026-10-31），同样的种子和日期生成同样的街道
  members list [--query 文字] [--org 组织名称或“上级/组织”] [--limit 条数] [--offset 跳过条数]
               [--status active|history]
                        列出党员（按姓名、拼音首字母、身份证号或电话查找）；--offset 跳过前面的条数，用于分页；
                        --status history 列出历史名册
  audit verify          校验审计日志的哈希链，发现被改动、删除或调换的记录
  import members 文件 [--sheet 工作表] [--header-row 行号] [--dry-run] [--on-duplicate skip|update]
        [--create-missing-branches] [--rejected 未导入行.xlsx] [--community 社区]
        [--map-value 列名=原文:代码名称]…
                        从花名册（.xlsx，或 UTF-8/GBK 编码的 CSV）导入党员；不指定 --sheet 时读取表头最吻合的工作表；
                        --dry-run 只检查不写入；--community 指定各行所属的社区（各社区有同名支部时）；
                        --map-value 把代码表中没有的写法对应到代码（如 学历=电大:大学专科，以后的导入都会记住）；
                        有被拒绝的行或未识别的值时退出码为 1
  export members 文件.xlsx [--org 组织] [--layout view|national]
                        把党员名册导出为 Excel（身份证号、电话为文本；导出记入审计日志）；
                        --layout national 按全国党员信息系统的 16 项和名称导出
  info                  显示街道信息、数据结构版本和记录数
  workdays due --from 日期 --days 天数
                        受理日加若干工作日的到期日（受理次日起算，含法定节假日、调休和本库的调整表）
  workdays override --date 日期 --workday|--holiday [--name 名称]
                        在工作日调整表中登记一天（如次年放假安排公布后）
  matters list          列出服务事项清单（即办、代办、指导）
  requests list [--status 状态] [--overdue] [--limit 条数]
                        列出一站式受理单；--overdue 只列逾期未办结的

--json 时每条命令只在标准输出打印一个 JSON 对象。退出码：0 成功，1 输入被拒绝，2 用法错误。`;

const USAGE_EN = `Usage: npm run cli -- --db FILE <command> [options] [--json] [--lang zh-CN|en]

Commands:
  init --street-name NAME --street-code CODE --district-name NAME --admin-user NAME [--admin-name NAME]
        set up a new database: street profile and administrator (password from STREETDESK_PASSWORD)
  backup --out FILE      write a complete backup of the database to FILE
  seed-demo --members N [--requests N] [--seed S] [--until YYYY-MM-DD]
                         build a made-up demo street (communities, grids, branches, members; optionally a year of
                         service requests, volunteers and service records); --until is the made-up year's last day
                         (default 2026-10-31): the same seed and day build the same street
  members list [--query TEXT] [--org NAME or PARENT/NAME] [--limit N] [--offset N]
               [--status active|history]
                         list members (by name, pinyin initials, ID number or phone); --offset skips that many
                         for paging; --status history lists those who left the roll
  audit verify           check the audit log's hash chain for changed, deleted or reordered entries
  import members FILE [--sheet NAME] [--header-row N] [--dry-run] [--on-duplicate skip|update]
        [--create-missing-branches] [--rejected OUT.xlsx] [--community NAME]
        [--map-value COLUMN=TEXT:LABEL]…
                         import members from a roster (.xlsx, or CSV in UTF-8 or GBK); without --sheet the
                         sheet whose header matches best; --dry-run checks without writing; --community
                         places rows when communities share branch names; --map-value maps a word no code
                         table knows (学历=电大:大学专科), remembered for later imports;
                         exit 1 when any row was rejected or a value is unknown
  export members OUT.xlsx [--org NAME] [--layout view|national]
                         export the members to Excel (ID numbers and phones as text; logged in the audit);
                         --layout national writes the national system's 16 items with its names
  info                   show the street profile, schema version and record counts
  workdays due --from DATE --days N
                         the due date N working days after DATE (the clock starts the next day;
                         statutory holidays, make-up workdays and the database's override table)
  workdays override --date DATE --workday|--holiday [--name TEXT]
                         record one day in the working-day override table
  matters list           list the service-matter catalog (immediate, agency, guidance)
  requests list [--status S] [--overdue] [--limit N]
                         list one-stop requests; --overdue only the open ones past due

With --json every command prints exactly one JSON object on stdout. Exit codes: 0 success,
1 rejected input, 2 usage error.`;

export function cliText(lang: Language) {
  const zh = lang === 'zh-CN';
  return {
    usage: `${zh ? USAGE_ZH : USAGE_EN}\n${EXCHANGE_USAGE[lang]}`,
    noCommand: zh ? '缺少命令' : 'No command given',
    needDb: zh ? '缺少 --db 文件' : '--db FILE is required',
    unknownCommand: (name: string) => (zh ? `不认识的命令：${name}` : `Unknown command: ${name}`),
    dbMissing: (file: string) => (zh ? `数据库文件不存在：${file}` : `The database file does not exist: ${file}`),
    missingOption: (opt: string) => (zh ? `缺少选项 ${opt}` : `Missing option ${opt}`),
    needOneOf: (a: string, b: string) => (zh ? `请指定 ${a} 或 ${b}（二选一）` : `Give exactly one of ${a} or ${b}`),
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
    seeded: (r: { communities: number; grids: number; organizations: number; members: number; requests?: number; volunteers?: number; records?: number }) =>
      zh
        ? `已生成演示数据：${r.communities} 个社区，${r.grids} 个网格，${r.organizations} 个党组织，${r.members} 名党员${r.requests ? `，${r.requests} 件受理单，${r.volunteers} 名志愿者，${r.records} 条服务记录` : ''}`
        : `Demo data: ${r.communities} communities, ${r.grids} grids, ${r.organizations} organizations, ${r.members} members${r.requests ? `, ${r.requests} service requests, ${r.volunteers} volunteers, ${r.records} service records` : ''}`,
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
