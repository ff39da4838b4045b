// Backup and restore as the administrator does them: 立即备份 lists a manual backup; the audit log records
// the login and the new user and its chain is intact; a restore (from the list or a file) ends every session.
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, expect, initialize, login, test, useHost } from './fixtures';

const host = useHost();

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await initialize(host);
});

test('backup now, then the audit log shows what happened and the chain is intact', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '系统设置' }).click();

  await page.getByRole('tab', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '添加用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('sunli');
  await dialog.getByLabel('姓名').fill('孙丽');
  await dialog.getByLabel('初始密码').fill('Gongzuo2026');
  await dialog.getByLabel('初始密码').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /sunli/ })).toContainText('工作人员');

  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByText('还没有备份')).toBeVisible();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/^备份完成：/)).toBeVisible();
  const backupRow = page.getByRole('row', { name: /\.db/ });
  await expect(backupRow).toHaveCount(1);
  await expect(backupRow).toContainText('手动');

  await page.getByRole('tab', { name: '审计日志' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.filter({ hasText: '备份' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: /^(?!.*失败).*登录/ }).first()).toContainText(ADMIN.username);
  await expect(rows.filter({ hasText: '添加用户' })).toHaveCount(2); // the administrator at setup, then 孙丽

  const userRow = rows.filter({ hasText: '添加用户' }).first();
  await userRow.locator('.ant-table-row-expand-icon').click();
  await expect(page.locator('.json-pair').first()).toContainText('"username": "sunli"');

  await page.getByRole('button', { name: '校验日志链' }).click();
  await expect(page.getByText(/日志链完整：已校验 \d+ 条记录，未发现改动/)).toBeVisible();
});

test('restoring a backup ends the session and asks to log in again', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  const manual = page.getByRole('row', { name: /manual/ }).first();
  await manual.getByRole('button', { name: '恢复' }).click();

  const confirm = page.getByRole('dialog', { name: '确认从备份恢复' });
  await expect(confirm).toContainText('“恢复前”备份');
  await confirm.getByRole('button', { name: '开始恢复' }).click();

  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(page.getByText('数据已从备份恢复，请重新登录')).toBeVisible();

  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByRole('row', { name: /恢复前/ })).toHaveCount(1);
});

test('从文件恢复 reads the chosen file, and every other open window is sent back to login', async ({ page, browser }) => {
  // A colleague's window, logged in at the same time.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await login(otherPage, host, ADMIN.username, ADMIN.password);

  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  const folder = (await page.locator('.backup-folder .mono').textContent())!;
  const manualName = (await page.getByRole('row', { name: /manual/ }).first().locator('td').first().textContent())!;
  const file = path.join(folder, manualName);
  expect(fs.existsSync(file)).toBe(true);

  await page.getByTestId('restore-file').setInputFiles(file);
  const confirm = page.getByRole('dialog', { name: '确认从备份恢复' });
  await expect(confirm).toContainText(manualName);
  await confirm.getByRole('button', { name: '开始恢复' }).click();
  await expect(page.getByText('数据已从备份恢复，请重新登录')).toBeVisible();

  await expect(otherPage.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(otherPage.getByText('数据已从备份恢复，请重新登录')).toBeVisible();
  await other.close();
});
