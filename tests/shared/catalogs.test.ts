// Walks every text catalog, the window's and the shared ones: each key exists in both languages with a text
// that is not empty and asks for the same {{values}}; the window's catalogs never overwrite one another when
// i18next merges them; core builds no user-visible Chinese text outside the catalogs; and the desktop menu
// learns the user's language from the answers that carry it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/shared/api/schemas';
import { APP_MENU_TEXT, languageOfAnswer } from '../../src/shared/i18n/app-menu';
import { PACKAGE_PROBLEM_TEXT } from '../../src/shared/i18n/exchange';
import { FILE_TEXT } from '../../src/shared/i18n/file-text';
import { BACKUP_PROBLEMS, ERROR_TEXT, FIELD_PROBLEMS, ROLE_LABELS } from '../../src/shared/i18n/messages';
import { SCOPE_REFUSAL } from '../../src/shared/i18n/messages-scope';
import { MEMBER_FIELD_LABELS } from '../../src/shared/i18n/member-fields';
import { zhCN } from '../../src/renderer/src/i18n/zh-CN';
import { en } from '../../src/renderer/src/i18n/en';
import { importZhCN } from '../../src/renderer/src/i18n/import.zh-CN';
import { importEn } from '../../src/renderer/src/i18n/import.en';
import { transfersZhCN } from '../../src/renderer/src/i18n/transfers.zh-CN';
import { transfersEn } from '../../src/renderer/src/i18n/transfers.en';
import { memberEditZhCN } from '../../src/renderer/src/i18n/member-edit.zh-CN';
import { memberEditEn } from '../../src/renderer/src/i18n/member-edit.en';
import { counterZhCN } from '../../src/renderer/src/i18n/counter.zh-CN';
import { counterEn } from '../../src/renderer/src/i18n/counter.en';
import { officersZhCN } from '../../src/renderer/src/i18n/officers.zh-CN';
import { officersEn } from '../../src/renderer/src/i18n/officers.en';
import { printZhCN } from '../../src/renderer/src/i18n/print.zh-CN';
import { printEn } from '../../src/renderer/src/i18n/print.en';
import { returnsZhCN } from '../../src/renderer/src/i18n/returns.zh-CN';
import { returnsEn } from '../../src/renderer/src/i18n/returns.en';
import { lifeZhCN } from '../../src/renderer/src/i18n/life.zh-CN';
import { lifeEn } from '../../src/renderer/src/i18n/life.en';
import { duesZhCN } from '../../src/renderer/src/i18n/dues.zh-CN';
import { duesEn } from '../../src/renderer/src/i18n/dues.en';
import { DUES_TEXT } from '../../src/shared/i18n/messages-dues';
import { developZhCN } from '../../src/renderer/src/i18n/develop.zh-CN';
import { developEn } from '../../src/renderer/src/i18n/develop.en';
import { govZhCN } from '../../src/renderer/src/i18n/gov.zh-CN';
import { govEn } from '../../src/renderer/src/i18n/gov.en';
import { homeZhCN } from '../../src/renderer/src/i18n/home.zh-CN';
import { homeEn } from '../../src/renderer/src/i18n/home.en';

type Catalog = Readonly<Record<Language, unknown>>;

/** The window's catalogs, in the order i18n/index.ts merges them. */
const WINDOW: Record<string, Catalog> = {
  main: { 'zh-CN': zhCN, en },
  import: { 'zh-CN': importZhCN, en: importEn },
  transfers: { 'zh-CN': transfersZhCN, en: transfersEn },
  memberEdit: { 'zh-CN': memberEditZhCN, en: memberEditEn },
  counter: { 'zh-CN': counterZhCN, en: counterEn },
  officers: { 'zh-CN': officersZhCN, en: officersEn },
  print: { 'zh-CN': printZhCN, en: printEn },
  returns: { 'zh-CN': returnsZhCN, en: returnsEn },
  life: { 'zh-CN': lifeZhCN, en: lifeEn },
  dues: { 'zh-CN': duesZhCN, en: duesEn },
  develop: { 'zh-CN': developZhCN, en: developEn },
  gov: { 'zh-CN': govZhCN, en: govEn },
  home: { 'zh-CN': homeZhCN, en: homeEn },
};

const SHARED: Record<string, Catalog> = {
  errors: ERROR_TEXT,
  fieldProblems: FIELD_PROBLEMS,
  backupProblems: BACKUP_PROBLEMS,
  roles: ROLE_LABELS,
  scopeRefusal: SCOPE_REFUSAL,
  packageProblems: PACKAGE_PROBLEM_TEXT,
  files: FILE_TEXT,
  appMenu: APP_MENU_TEXT,
  memberFields: MEMBER_FIELD_LABELS,
  dues: DUES_TEXT,
};

/** Every text of a catalog by its dotted key. */
function leaves(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (node !== null && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  } else {
    out.set(prefix, node);
  }
  return out;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

function problemsOf(name: string, catalog: Catalog): string[] {
  const problems: string[] = [];
  const zh = leaves(catalog['zh-CN']);
  const other = leaves(catalog.en);
  for (const key of new Set([...zh.keys(), ...other.keys()])) {
    for (const lang of LANGUAGES) {
      const text = (lang === 'en' ? other : zh).get(key);
      // A Chinese measure word or suffix (“{{n}} 行”) may have no English counterpart: those keys say so by name.
      const mayBeEmpty = lang === 'en' && /^(unit[A-Z]|\w*Suffix$)/.test(key.split('.').pop() ?? '');
      if (typeof text !== 'string') problems.push(`${name}.${key}: no ${lang} text`);
      else if (text.trim() === '' && !mayBeEmpty) problems.push(`${name}.${key}: empty in ${lang}`);
    }
    const a = zh.get(key);
    const b = other.get(key);
    if (typeof a === 'string' && typeof b === 'string' && placeholders(a).join() !== placeholders(b).join()) {
      problems.push(`${name}.${key}: zh-CN asks for {{${placeholders(a).join(', ')}}}, en for {{${placeholders(b).join(', ')}}}`);
    }
  }
  return problems;
}

describe('the text catalogs', () => {
  it('the window’s: every key in both languages, none empty, the same {{values}}', () => {
    const problems = Object.entries(WINDOW).flatMap(([name, catalog]) => problemsOf(name, catalog));
    expect(problems).toEqual([]);
  });

  it('the shared ones (errors, field problems, files, the menu …): every key in both languages, none empty, the same {{values}}', () => {
    const problems = Object.entries(SHARED).flatMap(([name, catalog]) => problemsOf(name, catalog));
    expect(problems).toEqual([]);
  });

  it('the window’s catalogs never give one key twice, so merging them loses no text', () => {
    for (const lang of LANGUAGES) {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const [name, catalog] of Object.entries(WINDOW)) {
        for (const key of leaves(catalog[lang]).keys()) {
          const before = owner.get(key);
          if (before) clashes.push(`${key} in ${before} and ${name}`);
          owner.set(key, name);
        }
        // i18n/index.ts spreads the catalogs: a top-level section in two of them keeps only the last one's.
        for (const section of Object.keys(catalog[lang] as object)) {
          const others = Object.entries(WINDOW).filter(([n, c]) => n !== name && section in (c[lang] as object));
          for (const [other] of others) if (name < other) clashes.push(`section ${section} in ${name} and ${other}`);
        }
      }
      expect(clashes, lang).toEqual([]);
    }
  });
});

describe('core’s user-visible text', () => {
  const CORE = path.resolve(__dirname, '../../src/core');
  /** Demo data: Chinese names, addresses and outcomes of made-up records, data rather than text of the program. */
  const DATA_FILES = new Set(['services/seed-demo.ts', path.join('services', 'counter', 'seed-service.ts')].map((f) => f.split('/').join(path.sep)));
  /** A ternary with a Chinese string on one side: `zh ? '男' : 'male'`, `lang === 'zh-CN' ? `…` : …`. */
  const CHINESE_TERNARY = /\?\s*\(?\s*[`'"][^`'"\n]*[\u4e00-\u9fff]|:\s*\(?\s*zh\s*\?|===\s*'zh-CN'\s*\?\s*[`'"]/;

  function files(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  }

  it('is taken from the catalogs: no Chinese ternary in src/core (migrations, frozen, aside)', () => {
    const found: string[] = [];
    for (const file of files(CORE)) {
      if (file.includes(`${path.sep}migrations${path.sep}`) || DATA_FILES.has(path.relative(CORE, file))) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*)/.test(line)) return;
          if (CHINESE_TERNARY.test(line)) found.push(`${path.relative(CORE, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('the guard itself sees the ternaries it is meant to catch', () => {
    expect(CHINESE_TERNARY.test("return m.sex === 1 ? (zh ? '男' : 'male') : zh ? '女' : 'female';")).toBe(true);
    expect(CHINESE_TERNARY.test("name: zh ? '全区汇总' : 'District',")).toBe(true);
    expect(CHINESE_TERNARY.test("const sheet = book.addWorksheet(lang === 'zh-CN' ? '未导入的行' : 'Rejected rows');")).toBe(true);
    expect(CHINESE_TERNARY.test("const title = fileText(lang, 'rosterTitle', { org });")).toBe(false);
  });
});

describe('the desktop menu', () => {
  it('has every label in both languages, English in the English menu', () => {
    expect(Object.keys(APP_MENU_TEXT.en).sort()).toEqual(Object.keys(APP_MENU_TEXT['zh-CN']).sort());
    for (const text of Object.values(APP_MENU_TEXT.en)) expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(APP_MENU_TEXT['zh-CN'].file).toBe('文件');
    expect(APP_MENU_TEXT.en.file).toBe('File');
  });

  it('learns the user’s language from the answers that carry it, and only from those', () => {
    const user = { id: 1, username: 'admin', language: 'en' };
    expect(languageOfAnswer('auth.login', { user, locked: false, idleLockMinutes: 15 })).toBe('en');
    expect(languageOfAnswer('auth.session', { user: { ...user, language: 'zh-CN' }, locked: false, idleLockMinutes: 15 })).toBe('zh-CN');
    expect(languageOfAnswer('auth.session', null)).toBeNull();
    expect(languageOfAnswer('account.setLanguage', user)).toBe('en');
    expect(languageOfAnswer('users.update', user)).toBeNull();
    expect(languageOfAnswer('account.setLanguage', { ...user, language: 'fr' })).toBeNull();
  });
});
