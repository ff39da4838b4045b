// 系统设置 → 业务规则: the administrator changes the disclosure day and a meeting's frequency; a value out of
// range is refused under its field, naming it; the saved rules are what the pages read after a reload.
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, callApi, expect, failOnConsoleErrors, initialize, login, test, useHost } from './fixtures';

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

test('联网服务 in a browser shows the saved settings and says the switch is the desktop app’s', async ({ page }) => {
  // The host is the file's: set up by the test before, or by this one when it runs alone.
  const status = await callApi<{ initialized: boolean }>(host, 'app.status', {});
  const initialized = status.result.ok && status.result.value.initialized;
  const cookie = initialized ? (await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).cookie! : await initialize(host);
  const saved = await callApi(host, 'server.saveSettings', { enabled: true, port: 9443, publicNames: ['jiedao-pc.gov.local'] }, cookie);
  expect(saved.result.ok).toBe(true);
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(new URL('#/settings/serve', host.url).toString());
  await expect(page.getByRole('tab', { name: '联网服务' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.ant-alert')).toContainText('联网服务的开关在桌面版的“系统设置 → 联网服务”中');
  await expect(page.getByLabel('端口')).toHaveValue('9443');
  await expect(page.getByLabel('端口')).toBeDisabled();
  await expect(page.locator('.ant-select-selection-item', { hasText: 'jiedao-pc.gov.local' })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存并应用' })).toBeDisabled();
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'settings-serve.png') });
});
