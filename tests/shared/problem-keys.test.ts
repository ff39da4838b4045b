// Every problem key a zod schema of the contract names (`{ error: 'tooBig' }`) has its text in both
// languages: a missing key falls back to the vague "填写的内容有误" and hides what was wrong. And the one
// that was missing (`tooLarge` on the upload settings) now reads as the limit it is.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_PROBLEMS, formatError } from '../../src/shared/i18n/messages';
import { appsForEachTest, expectError } from '../support/factory';

const API = path.resolve(import.meta.dirname, '../../src/shared/api');
const apps = appsForEachTest();

describe('problem keys of the contract’s schemas', () => {
  it('exist in the field-problem catalogs of both languages', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const file of fs.readdirSync(API).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(API, file), 'utf8');
      for (const m of text.matchAll(/\berror:\s*'([A-Za-z]+)'/g)) {
        seen++;
        for (const lang of ['zh-CN', 'en'] as const) if (!(m[1] in FIELD_PROBLEMS[lang])) missing.push(`${file}: ${m[1]} (${lang})`);
      }
    }
    expect(seen).toBeGreaterThan(50); // the scan finds the schemas' keys at all
    expect(missing).toEqual([]);
  });

  it('an upload setting over its maximum is named with the maximum, in either language', async () => {
    const t = await apps();
    const error = await expectError(t.app, 'exchange.saveSettings', { districtUrl: 'http://127.0.0.1:5199', uploadToken: 'x', uploadAttempts: 21 }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'uploadAttempts', problem: 'tooBig' });
    expect(formatError(error, 'zh-CN', 'exchange.saveSettings')).toContain('不能大于 20');
    expect(formatError(error, 'en', 'exchange.saveSettings')).toContain('must be at most 20');
  });

  it('an issue about the input as a whole is named as the input, never with an empty label', async () => {
    const t = await apps();
    const result = await t.app.call('app.status', [[[]]], null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe('填写的内容有误：提交的内容：格式不正确');
    expect(formatError(result.error, 'en')).not.toMatch(/: ?:|：：/);
  });
});
