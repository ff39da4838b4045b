// Exporting the members page's view to Excel: what the file shows, and that the export is logged.
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { seedDemo } from '../../../src/core/services/seed-demo';
import { addUser, appsForEachTest } from '../../support/factory';

const app = appsForEachTest();

it('writes the filtered, sorted view with a title, Chinese headers and ID numbers as text, and logs it', async () => {
  const t = await app();
  const db = t.app.database;
  db.transaction(() => seedDemo(db, { members: 400, seed: 9 }, new Date()))();
  const community = db.prepare("SELECT id, name FROM organizations WHERE level = 'community_committee' LIMIT 1").get() as { id: number; name: string };
  const view = await t.app.invoke('members.list', { orgId: community.id, category: 'full', sort: [{ field: 'joinDate', dir: 'asc' }], limit: 500 }, t.adminToken);
  const viewer = await addUser(t, 'viewer');

  const result = await t.app.invoke(
    'members.export',
    { orgId: community.id, category: 'full', sort: [{ field: 'joinDate', dir: 'asc' }], columns: ['name', 'sex', 'idNumber', 'category', 'joinDate', 'phone'] },
    viewer.token,
  );
  expect(result.rows).toBe(view.total);
  expect(result.fileName).toContain(community.name);

  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(result.bytes) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  expect(String(sheet.getCell('A1').value)).toContain(`${community.name}党员名册`);
  expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['姓名', '性别', '公民身份号码', '人员类别', '入党日期', '联系电话']);
  const rows = [];
  for (let r = 3; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
  expect(rows).toHaveLength(view.total);
  expect(rows.map((r) => r[2])).toEqual(view.members.map((m) => m.idNumber));
  expect(rows.every((r) => typeof r[2] === 'string' && typeof r[5] === 'string')).toBe(true);
  expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['正式党员']));
  expect(rows.every((r) => r[1] === '男' || r[1] === '女')).toBe(true);

  const { entries } = await t.app.invoke('audit.list', { action: 'members.export' }, t.adminToken);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ username: viewer.username, after: { rows: view.total, filters: { orgId: community.id, category: 'full' } } });
});
