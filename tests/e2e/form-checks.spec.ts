// Forms check their input with the contract's own schema before anything is sent (submitChecked): the
// service-record form with no volunteer picked says the volunteer is required — not "不能小于 0" about a
// number the clerk never typed — and marks its required fields.
import { ADMIN, expect, initialize, login, test, useHost } from './fixtures';

const host = useHost();

test.beforeAll(async () => {
  await initialize(host);
});

test('a service record without a volunteer is refused on the form: 志愿者 is required, no "不能小于 0"', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(`${host.url}#/volunteers/records`);
  await page.getByRole('button', { name: '登记服务' }).click();
  const dialog = page.getByRole('dialog', { name: '登记服务' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.ant-form-item-required')).toHaveCount(4);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toContainText('不能为空');
  await expect(dialog).not.toContainText('不能小于');
  await page.screenshot({ path: '/tmp/s24-19-shots/record-form.png' });
});
