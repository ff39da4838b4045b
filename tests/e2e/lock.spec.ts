// The workbench locks itself after the idle time, and on request; the password opens it again and
// the page behind it is as it was.
import { ADMIN, expect, initialize, login, test, useHost } from './fixtures';

const host = useHost();

test.beforeAll(async () => {
  await initialize(host);
});

test('after the idle time the lock screen asks for the password', async ({ page }) => {
  await page.clock.install();
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await page.getByRole('tab', { name: '语言与安全' }).click();
  await expect(page.getByLabel('无操作自动锁定')).toHaveValue('10');

  await page.clock.fastForward('09:00');
  await expect(page.getByRole('dialog', { name: '工作台已锁定' })).toHaveCount(0);
  await page.clock.fastForward('01:10');
  const lock = page.getByRole('dialog', { name: '工作台已锁定' });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText(ADMIN.displayName);

  await lock.getByPlaceholder('密码').fill('NotMine123');
  await lock.getByPlaceholder('密码').press('Enter');
  await expect(lock).toContainText('密码不正确');

  await lock.getByPlaceholder('密码').fill(ADMIN.password);
  await lock.getByPlaceholder('密码').press('Enter');
  await expect(lock).toBeHidden();
  await expect(page.getByRole('tab', { name: '语言与安全', selected: true })).toBeVisible();
});

test('锁定 in the user menu locks at once, and the core agrees until unlocked', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: '用户菜单' }).click();
  await page.getByRole('menuitem', { name: '锁定' }).click();
  const lock = page.getByRole('dialog', { name: '工作台已锁定' });
  await expect(lock).toBeVisible();

  // A reload does not get around the lock: the core still holds the session as locked.
  await page.reload();
  await expect(page.getByRole('dialog', { name: '工作台已锁定' })).toBeVisible();
  await page.getByPlaceholder('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('dialog', { name: '工作台已锁定' })).toBeHidden();
  await expect(page.getByText(`${ADMIN.displayName}，您好`)).toBeVisible();
});
