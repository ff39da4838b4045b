// No message a clerk reads shows a program's word: every error code, and every field of every module with
// every problem, is formatted in both languages and searched for the raw keys it was built from (a field
// key like `duesPaidTo`, a problem key like `periodFinalized`, a code like `VALIDATION`) and for
// placeholders left unfilled. (The report that started this: “填写的内容有误：file：不是 Excel 工作簿”.)
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/shared/api/schemas';
import { ERROR_CODES } from '../../src/shared/result';
import { ERROR_TEXT, FIELD_PROBLEMS, formatError, formatIssue } from '../../src/shared/i18n/messages';
import { FIELD_LABELS, FIELD_MODULES } from '../../src/shared/i18n/field-labels';
import { PACKAGE_PROBLEM_TEXT, packageProblemMessage } from '../../src/shared/i18n/exchange';
import { PACKAGE_PROBLEMS } from '../../src/shared/api/contract-exchange';

/** Values for every placeholder a template asks for, so an unfilled one shows as `{{name}}`. */
function paramsFor(template: string): Record<string, string> {
  return Object.fromEntries([...template.matchAll(/\{\{(\w+)\}\}/g)].map(([, k]) => [k, '甲']));
}

/** A key written as an identifier inside the text: camelCase, snake_case or SHOUTING (not plain English words). */
function leaksKey(text: string, key: string): boolean {
  if (!/[A-Z_]/.test(key.slice(1)) && !/^[A-Z_]+$/.test(key)) return false; // a one-word key can be a real word (“note”)
  return new RegExp(`(^|[^A-Za-z])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(text);
}

describe('messages without keys', () => {
  it('the check finds a raw key where one shows (a field nobody named)', () => {
    expect(leaksKey(formatIssue({ field: 'unnamedField', problem: 'required' }, 'zh-CN'), 'unnamedField')).toBe(true);
    expect(leaksKey('党费交至：不能为空', 'duesPaidTo')).toBe(false);
  });

  it('every error code reads as a sentence in both languages, with no code and no placeholder left', () => {
    const bad: string[] = [];
    for (const lang of LANGUAGES) {
      for (const code of ERROR_CODES) {
        const text = formatError({ code, details: paramsFor(ERROR_TEXT[lang][code]) }, lang);
        if (text.includes('{{') || leaksKey(text, code) || text.trim() === '') bad.push(`${lang} ${code}: ${text}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every field of every module, with every problem, is named and explained without a raw key', () => {
    const bad: string[] = [];
    for (const lang of LANGUAGES) {
      const problems = Object.keys(FIELD_PROBLEMS[lang]);
      for (const module of FIELD_MODULES) {
        for (const field of Object.keys(FIELD_LABELS[module][lang])) {
          for (const problem of problems) {
            const text = formatIssue({ field, problem, params: paramsFor(FIELD_PROBLEMS[lang][problem]) }, lang, module);
            if (text.includes('{{') || leaksKey(text, field.split('.').pop()!) || leaksKey(text, problem)) bad.push(`${lang} ${module}.${field} × ${problem}: ${text}`);
          }
        }
      }
    }
    // One line per defect, the first few shown when it fails.
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('a whole VALIDATION error of a real method names its fields by label', () => {
    const text = formatError({ code: 'VALIDATION', details: { issues: [{ field: 'duesPaidTo', problem: 'required' }, { field: 'letterNumber', problem: 'tooLong' }] } }, 'zh-CN', 'transfers.create');
    expect(text).toContain('党费交至');
    expect(text).not.toMatch(/duesPaidTo|letterNumber|required|tooLong/);
  });

  it('every package problem reads without its code or a placeholder, in both languages', () => {
    const bad: string[] = [];
    for (const lang of LANGUAGES) {
      for (const code of PACKAGE_PROBLEMS) {
        const text = packageProblemMessage(code, paramsFor(PACKAGE_PROBLEM_TEXT[lang][code]), lang);
        if (text.includes('{{') || leaksKey(text, code) || text.trim() === '') bad.push(`${lang} ${code}: ${text}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
