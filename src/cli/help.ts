// The help, built from the commands' declarations: a synopsis and summary per command, and each option's
// own help under `<command> --help`. Nothing here lists a command or an option by hand.
import type { Language } from '../shared/api/schemas';
import type { Command, OptionSpec } from './declare';
import type { CliText } from './text';

const INDENT = '        ';

function optionWords(name: string, spec: OptionSpec, lang: Language): string {
  const word = spec.type === 'string' ? `--${name} ${spec.value?.[lang] ?? 'X'}` : `--${name}`;
  const repeated = spec.multiple ? `${word}…` : word;
  return spec.required ? repeated : `[${repeated}]`;
}

/** `import members FILE [--sheet NAME] …`: the command's words, arguments and options as the user types them. */
export function synopsis(command: Command, lang: Language): string {
  const args = (command.args ?? []).map((a, i) => (command.variadic && i === (command.args?.length ?? 0) - 1 ? `${a[lang]}…` : a[lang]));
  const options = Object.entries(command.options).map(([name, spec]) => optionWords(name, spec, lang));
  return [command.name, ...args, ...options].join(' ');
}

function optionLines(options: Record<string, OptionSpec>, lang: Language): string[] {
  return Object.entries(options).map(([name, spec]) => `  ${optionWords(name, spec, lang).replace(/^\[|\]$/g, '')}\n${INDENT}${spec.help[lang]}`);
}

/** The summary, marked when the command writes: the user then sees at a glance which commands need the password. */
function summary(command: Command, text: CliText, lang: Language): string {
  if (command.createsDatabase || command.writes === false) return command.summary[lang];
  return `${command.summary[lang]} ${command.writes === true ? text.help.writes : text.help.writesSometimes}`;
}

export interface HelpSection {
  title: string;
  commands: Command[];
}

export function fullHelp(sections: HelpSection[], global: Record<string, OptionSpec>, text: CliText, lang: Language): string {
  const h = text.help;
  return [
    h.usage,
    ...sections.flatMap((s) => ['', s.title, ...s.commands.map((c) => `  ${synopsis(c, lang)}\n${INDENT}${summary(c, text, lang)}`)]),
    '',
    h.global,
    ...optionLines(global, lang),
    '',
    h.more,
    h.footer,
  ].join('\n');
}

export function commandHelp(command: Command, global: Record<string, OptionSpec>, text: CliText, lang: Language): string {
  const h = text.help;
  const own = optionLines(command.options, lang);
  return [
    `${h.usage.split(/[:：]/)[0]}${lang === 'zh-CN' ? '：' : ': '}npm run cli -- --db ${lang === 'zh-CN' ? '文件' : 'FILE'} ${synopsis(command, lang)}`,
    `${INDENT}${summary(command, text, lang)}`,
    ...(own.length ? ['', h.options, ...own] : []),
    '',
    h.global,
    ...optionLines(global, lang),
    '',
    h.footer,
  ].join('\n');
}
