// A new computer set up as a city through the setup page (issue 13): the city's 4-digit code is checked where
// typed, and the window that opens is a city's: the districts' returns as home, only the city's menu, the
// city named in the header, a street's address not found. Screenshots go to /tmp/s25-13b-shots/.
import path from 'node:path';
import { ADMIN, expect, failOnConsoleErrors, test, useHost } from './fixtures';

const host = useHost();
const SHOTS = '/tmp/s25-13b-shots';

failOnConsoleErrors();

test('setting up a city: the code is checked where typed, the city’s window opens on the districts’ returns', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
  await page.getByRole('radio', { name: /^市\s*接收并汇总各区月报/ }).check();
  await expect(page.getByLabel('区名称')).toHaveCount(0);
  await page.getByLabel('市名称').fill('潍坊市');
  await page.getByLabel('区划代码').fill('370782');
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置并登录' }).click();
  await expect(page.getByText('须为 4 位市级区划代码（如 3707），或其后补 00000000 的 12 位（填写的是“370782”）')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'city-setup-refused.png'), fullPage: true });

  await page.getByLabel('区划代码').fill('3707');
  await page.getByLabel('确认密码').press('Enter');
  await expect(page.getByRole('heading', { name: '潍坊市 月报汇总' })).toBeVisible();
  await expect(page).toHaveURL(/#\/returns$/);
  expect((await page.getByRole('menuitem').allInnerTexts()).map((s) => s.trim())).toEqual(['各区月报', '全市概览', '系统设置']);
  const header = page.locator('.shell-header');
  await expect(header).toContainText('市级汇总');
  await expect(header).toContainText('区划代码 3707');
  await expect(page.getByText('还没有登记任何区').first()).toBeVisible();

  await page.goto(`${host.url}#/members`);
  await expect(page.getByText('页面不存在')).toBeVisible();
  await page.getByRole('button', { name: '返回各区月报' }).click();
  await expect(page.getByRole('heading', { name: '潍坊市 月报汇总' })).toBeVisible();
});
