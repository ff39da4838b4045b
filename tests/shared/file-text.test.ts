// The files core makes speak the language of the user who asked for them, from the file-text catalog:
// an English-reading clerk's roster export has an English sheet, title and values; a Chinese one's Chinese.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/core/services/seed-demo';
import { fileText } from '../../src/shared/i18n/file-text';
import { appsForEachTest, STREET } from '../support/factory';

const app = appsForEachTest();

async function exportedSheet(t: Awaited<ReturnType<typeof app>>) {
  const result = await t.app.invoke('members.export', { columns: ['name', 'sex', 'category'] }, t.adminToken);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(result.bytes) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: unknown[][] = [];
  for (let r = 3; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
  return { sheet, rows };
}

describe('files in the user’s language', () => {
  it('a roster export for a user reading English: English sheet, title, headers and values', async () => {
    const t = await app();
    const db = t.app.database;
    db.transaction(() => seedDemo(db, { members: 30, seed: 3 }, new Date()))();
    await t.app.invoke('account.setLanguage', { language: 'en' }, t.adminToken);

    const { sheet, rows } = await exportedSheet(t);
    expect(sheet.name).toBe('Members');
    expect(String(sheet.getCell('A1').value)).toBe(`Members of ${STREET.name} (exported 2026-03-10)`);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Name', 'Sex', 'Category']);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['male', 'female']));
    for (const r of rows) expect(['full', 'probationary']).toContain(r[2]);
  });

  it('the same export for a user reading Chinese', async () => {
    const t = await app();
    const db = t.app.database;
    db.transaction(() => seedDemo(db, { members: 30, seed: 3 }, new Date()))();

    const { sheet, rows } = await exportedSheet(t);
    expect(sheet.name).toBe('党员名册');
    expect(String(sheet.getCell('A1').value)).toBe(`${STREET.name}党员名册（导出日期 2026-03-10）`);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['男', '女']));
  });

  it('fills in every value a text asks for', () => {
    expect(fileText('zh-CN', 'districtSent', { sent: 2, total: 3, missing: '第3街道' })).toBe('已报送 2 / 3 个街道；未报送：第3街道');
    expect(fileText('en', 'districtSent', { sent: 2, total: 3, missing: 'none' })).toBe('2 of 3 streets sent; missing: none');
  });
});
