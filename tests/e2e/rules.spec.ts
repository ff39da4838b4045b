// 系统设置 → 业务规则: the administrator changes the disclosure day and a meeting's frequency; a value out of
// range is refused under its field, naming it; the saved rules are what the pages read after a reload.
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, expect, failOnConsoleErrors, initialize, login, test, useHost } from './fixtures';

const host = useHost();
const SHOTS = process.env.STREETDESK_SHOTS ?? '/tmp/s25-shots';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });

failOnConsoleErrors();

test('the rules local practice sets are changed in one place, checked by field, and kept', async ({ page }) => {
  await initialize(host);
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(new URL('#/settings/rules', host.url).toString());
  const day = page.getByLabel('固定公开日（每月几号）');
  await expect(day).toHaveValue('9');
  await day.fill('31');
  const gov = page.locator('.rules-card', { hasText: '社区治理' });
  await gov.getByRole('button', { name: /保\s?存/ }).click();
  await expect(gov).toContainText('固定公开日（每月几号）');
  await expect(gov.locator('.ant-form-item-explain-error')).toBeVisible();
  await day.fill('10');
  await gov.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.locator('.ant-message')).toContainText('已保存');

  const life = page.locator('.rules-card', { hasText: '组织生活' });
  await life.getByLabel('党课').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('每季度', { exact: true }).click();
  await life.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.locator('.ant-message')).toContainText('已保存');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'settings-rules.png') });

  await page.reload();
  await expect(page.getByLabel('固定公开日（每月几号）')).toHaveValue('10');
  await expect(page.locator('.rules-card', { hasText: '组织生活' }).locator('.ant-form-item', { hasText: '党课' })).toContainText('每季度');
});
