// Logging in: the right password opens the workbench; wrong ones are refused, and the fifth wrong one
// in a row locks the account so that even the right password is refused for a while.
import { ADMIN, createUser, expect, initialize, login, logout, submitLogin, test, useHost } from './fixtures';

const host = useHost();
const CLERK = { username: 'liming', displayName: '李明', role: 'clerk' as const, password: 'Gongzuo2026' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const adminCookie = await initialize(host);
  await createUser(host, adminCookie, CLERK);
});

test('the right password opens the workbench and shows the street', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByText('朝阳门街道').first()).toBeVisible();
  await login(page, host, ADMIN.username, ADMIN.password);
  await expect(page.locator('.shell-header')).toContainText('朝阳门街道');
  await expect(page.getByText(`${ADMIN.displayName}，您好`)).toBeVisible();
  await logout(page);
});

test('a wrong password says 用户名或密码错误', async ({ page }) => {
  await page.goto(host.url);
  await submitLogin(page, ADMIN.username, 'NotTheRight1');
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
  await expect(page.getByRole('menuitem', { name: '工作台首页' })).toHaveCount(0);
});

test('the fifth wrong password locks the account, and then the right one is refused too', async ({ page }) => {
  await page.goto(host.url);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await submitLogin(page, CLERK.username, `Wrong${attempt}pass`);
    await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
    // Wait for the form to be ready for the next attempt (the password field is cleared).
    await expect(page.getByLabel('密码')).toHaveValue('');
  }
  await submitLogin(page, CLERK.username, 'Wrong5pass');
  const lockout = page.getByRole('alert');
  await expect(lockout).toContainText('密码连续输错 5 次，账号已锁定，请于');
  await expect(lockout).toHaveText(/请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 后再试/);

  await submitLogin(page, CLERK.username, CLERK.password);
  await expect(page.getByRole('alert')).toContainText('账号已锁定');
  await expect(page.getByRole('menuitem', { name: '工作台首页' })).toHaveCount(0);
});
