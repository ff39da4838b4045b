// A viewer (只读用户) may look but not change: the form is read-only without a save button, and the
// core refuses a write even when the page sends one by hand.
import { ADMIN, expect, initialize, login, logout, test, useHost } from './fixtures';

const host = useHost();
const VIEWER = { username: 'zhaoyun', displayName: '赵云', password: 'Chakan2026' };

test.beforeAll(async () => {
  await initialize(host);
});

test('the administrator adds a viewer, who cannot save the street profile', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await page.getByRole('tab', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '添加用户' }).click();

  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(VIEWER.username);
  await dialog.getByLabel('姓名').fill(VIEWER.displayName);
  await dialog.getByLabel('角色').click();
  await page.locator('.ant-select-item-option', { hasText: '只读用户' }).click();
  await dialog.getByLabel('初始密码').fill(VIEWER.password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(VIEWER.username) });
  await expect(row).toContainText('只读用户');
  await expect(row).toContainText('正常');
  await logout(page);

  await login(page, host, VIEWER.username, VIEWER.password);
  await expect(page.locator('.shell-header')).toContainText('只读用户');
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await expect(page.getByRole('tab', { name: '用户管理' })).toHaveCount(0);
  await page.getByRole('tab', { name: '街道信息' }).click();

  await expect(page.getByText('您是只读用户，只能查看，不能修改。')).toBeVisible();
  const name = page.getByLabel('街道名称');
  await expect(name).toHaveValue('朝阳门街道');
  await expect(name).not.toBeEditable();
  await expect(page.getByLabel('区划代码')).not.toBeEditable();
  await expect(page.getByLabel('所属区（县）')).not.toBeEditable();
  await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);

  const answer = await page.evaluate(async () => {
    const response = await fetch('/api/call', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'street.update', input: { name: '改名街道', code: '110101001', districtName: '东城区' } }),
    });
    return (await response.json()) as { ok: boolean; error?: { code: string } };
  });
  expect(answer.ok).toBe(false);
  expect(answer.error?.code).toBe('FORBIDDEN');

  await page.reload();
  await expect(page.getByLabel('街道名称')).toHaveValue('朝阳门街道');
});
