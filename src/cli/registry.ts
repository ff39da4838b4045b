// Every CLI command, and the options every command takes. The parser (index.ts), the help (help.ts) and
// the tests read this table; a command is added by declaring it in its module and listing the module here.
import type { Language } from '../shared/api/schemas';
import { COMMANDS as BASE_COMMANDS } from './commands';
import { EXCHANGE_COMMANDS } from './commands-exchange';
import { CITY_COMMANDS } from './commands-city';
import { LIFE_COMMANDS } from './commands-life';
import { DUES_COMMANDS } from './commands-dues';
import { DEVELOP_COMMANDS } from './commands-develop';
import { GOV_COMMANDS } from './commands-gov';
import { OVERVIEW_COMMANDS } from './commands-overview';
import { L, type Command, type OptionSpec } from './declare';
import type { HelpSection } from './help';
import { cliText } from './text';

/** City and exchange commands first: `init --city` and `init --district` are told from the street's `init` by their options. */
export const ALL_COMMANDS: Command[] = [...CITY_COMMANDS, ...EXCHANGE_COMMANDS, ...BASE_COMMANDS, ...LIFE_COMMANDS, ...DUES_COMMANDS, ...DEVELOP_COMMANDS, ...GOV_COMMANDS, ...OVERVIEW_COMMANDS];

export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  db: { type: 'string', value: L('文件', 'FILE'), help: L('数据库文件（必填，除非用 --pg）', 'the database file (required unless --pg)') },
  pg: {
    type: 'string',
    value: L('postgres://…', 'postgres://…'),
    help: L('区、市的数据库放在 PostgreSQL 里时代替 --db（密码可放环境变量 PGPASSWORD）', "in place of --db: a district's or a city's database in PostgreSQL (the password may come from PGPASSWORD)"),
  },
  data: {
    type: 'string',
    value: L('文件夹', 'DIR'),
    help: L('与 --pg 同用：密钥、交换文件和证书存放的文件夹（默认当前文件夹）', 'with --pg: the folder for the keys, exchange files and certificate (default: the current folder)'),
  },
  user: {
    type: 'string',
    value: L('用户名', 'NAME'),
    help: L('以这个用户的身份运行（默认第一位管理员）；写入数据时密码取自 STREETDESK_PASSWORD', 'run as this user (default: the first administrator); commands that write take the password from STREETDESK_PASSWORD'),
  },
  json: { type: 'boolean', help: L('只在标准输出打印一个 JSON 对象', 'print exactly one JSON object on stdout') },
  lang: { type: 'string', value: L('zh-CN|en', 'zh-CN|en'), help: L('输出语言（默认 zh-CN，或环境变量 STREETDESK_LANG）', 'the language of the output (default zh-CN, or STREETDESK_LANG)') },
  help: { type: 'boolean', help: L('显示帮助；跟在命令后显示这条命令的全部选项', "show the help; after a command, all of that command's options") },
};

export function helpSections(lang: Language): HelpSection[] {
  const t = cliText(lang).help;
  return [
    { title: t.commands, commands: BASE_COMMANDS },
    { title: t.exchange, commands: EXCHANGE_COMMANDS },
    { title: t.city, commands: CITY_COMMANDS },
    { title: t.life, commands: LIFE_COMMANDS },
    { title: t.dues, commands: DUES_COMMANDS },
    { title: t.develop, commands: DEVELOP_COMMANDS },
    { title: t.governance, commands: GOV_COMMANDS },
    { title: t.overview, commands: OVERVIEW_COMMANDS },
  ];
}
