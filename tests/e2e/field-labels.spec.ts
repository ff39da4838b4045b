// Field labels by module, as a clerk sees them: a service record saved without its hours is refused naming the
// service hours, not the service station's office hours that print's form calls `hours` too.
import { ADMIN, expect, failOnConsoleErrors, initialize, login, test, useHost } from './fixtures';

const host = useHost();

test.describe.configure({ timeout: 120_000 });

failOnConsoleErrors();

test('a service record without hours names the service hours, not the office hours', async ({ page }) => {
  await initialize(host);
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '志愿服务' }).click();
  await page.getByRole('tab', { name: '服务记录' }).click();
  await page.getByRole('button', { name: '登记服务' }).click();
  const dialog = page.getByRole('dialog', { name: '登记服务' });
  await dialog.getByLabel('时长（小时）').clear();
  await dialog.getByLabel('服务内容').fill('探访独居老人');
  await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(dialog).toContainText('服务时长（小时）：不能为空');
  await expect(dialog).not.toContainText('办公时间');
  await page.screenshot({ path: '/tmp/issue-12a-shots/service-record-hours.png' });
});
