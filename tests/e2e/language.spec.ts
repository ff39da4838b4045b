// The language is the user's own: switching it in settings changes the window at once and stays
// after a reload; switching back restores Chinese.
import { ADMIN, expect, initialize, login, test, useHost } from './fixtures';

const host = useHost();

test.beforeAll(async () => {
  await initialize(host);
});

test('switching to English and back', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await page.getByRole('tab', { name: '语言与安全' }).click();
  await page.getByText('English', { exact: true }).click();

  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Language and security' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '系统设置' })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Language and security' }).click();
  await page.getByText('简体中文', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: '系统设置' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('menuitem', { name: '系统设置' })).toBeVisible();
});
