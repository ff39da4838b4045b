// First-run setup as a clerk meets it on a new computer.
import { ADMIN, expect, test, useHost } from './fixtures';

const host = useHost();

test('a bad division code is named with the value typed; a valid setup opens the workbench', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();

  await page.getByLabel('街道名称').fill('朝阳门街道');
  await page.getByLabel('区划代码').fill('11010100');
  await page.getByLabel('所属区（县）').fill('东城区');
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置并登录' }).click();

  const codeError = page.getByText(/区划代码：须为 9 位或 12 位数字（填写的是“11010100”）/);
  await expect(codeError).toBeVisible();
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();

  await page.getByLabel('区划代码').fill('110101001');
  await page.getByLabel('确认密码').press('Enter');

  await expect(page.getByRole('menuitem', { name: '工作台首页' })).toBeVisible();
  await expect(page.locator('.shell-header')).toContainText('朝阳门街道');
  await expect(page.locator('.shell-header')).toContainText(ADMIN.displayName);
  await expect(page.locator('.shell-header')).toContainText('管理员');
  await expect(page.getByText('110101001000').first()).toBeVisible();
});
