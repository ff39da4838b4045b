// A new computer set up as a district through the setup page: the district's name and 6-digit code are
// checked where typed, and the window that opens is a district's: the streets' returns as home, only the
// district's menu, the district named in the header, and a street's address not found.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, expect, failOnConsoleErrors, test, useHost } from './fixtures';

const host = useHost();
const SHOTS = process.env.STREETDESK_SHOTS;

failOnConsoleErrors();
test.describe.configure({ mode: 'serial' });

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

async function menuItems(page: Page): Promise<string[]> {
  return (await page.getByRole('menuitem').allInnerTexts()).map((text) => text.trim());
}

test('setting up a district: the code is checked where typed, the district’s window opens on the streets’ returns', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
  const street = page.getByRole('radio', { name: /^街道/ });
  const district = page.getByRole('radio', { name: /^区\s*接收并汇总各街道月报/ });
  await expect(street).toBeChecked();
  await expect(page.getByLabel('街道名称')).toBeVisible();

  await district.check();
  await expect(page.getByLabel('街道名称')).toHaveCount(0);
  await page.getByLabel('区名称').fill('东城区');
  await page.getByLabel('区划代码').fill('1101');
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await shot(page, 'district-setup-zh.png');
  await page.getByRole('button', { name: '完成设置并登录' }).click();

  await expect(page.getByText('区划代码：须为 6 位区县代码（或其后补 000000 的 12 位）（填写的是“1101”）')).toBeVisible();
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
  await shot(page, 'district-setup-refused-zh.png');

  // The same page in English, as a clerk who switches the language before setting up sees it.
  await page.getByRole('combobox', { name: '语言' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('radio', { name: /^District\s*Receiving and consolidating/ })).toBeChecked();
  await expect(page.getByText('District code must be a 6-digit county code (or 12 digits ending in 000000) (you entered “1101”)')).toBeVisible();
  await shot(page, 'district-setup-en.png');
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: '简体中文' }).click();

  await page.getByLabel('区划代码').fill('110101');
  await page.getByLabel('确认密码').press('Enter');

  await expect(page.getByRole('heading', { name: '东城区 月报汇总' })).toBeVisible();
  await expect(page).toHaveURL(/#\/returns$/);
  expect(await menuItems(page)).toEqual(['各街道月报', '全区概览', '系统设置']);
  const header = page.locator('.shell-header');
  await expect(header).toContainText('东城区');
  await expect(header).toContainText('区级汇总');
  await expect(header).toContainText('区划代码 110101');
  await expect(header).toContainText(ADMIN.displayName);
  // A new district has no streets yet: the page says how to register them rather than showing an empty table alone.
  await expect(page.getByText('还没有登记任何街道')).toBeVisible();
  await shot(page, 'district-shell-zh.png');
});

test('a street’s address is not found in a district; settings show only what a district uses', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('heading', { name: '东城区 月报汇总' })).toBeVisible();

  await page.goto(`${host.url}#/members`);
  await expect(page.getByText('页面不存在')).toBeVisible();
  await expect(page.getByText('党员信息')).toHaveCount(0);
  await page.getByRole('button', { name: '返回各街道月报' }).click();
  await expect(page.getByRole('heading', { name: '东城区 月报汇总' })).toBeVisible();

  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await expect(page.getByRole('tab')).toHaveText(['用户管理', '语言与安全', '联网服务', '备份与恢复', '审计日志', '系统状态']);
  await expect(page.getByRole('tab', { name: '用户管理' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('columnheader', { name: '数据范围' })).toHaveCount(0);

  await page.getByRole('tab', { name: '语言与安全' }).click();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Street returns' }).click();
  await expect(page.locator('.shell-header')).toContainText('District');
  await expect(page.locator('.shell-header')).toContainText('District code 110101');
  await shot(page, 'district-shell-en.png');
  await page.goto(`${host.url}#/develop`);
  await expect(page.getByRole('button', { name: 'Back to street returns' })).toBeVisible();

  // Back to Chinese, so the language stays the default for whoever logs in next.
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Language and security' }).click();
  await page.getByText('简体中文', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: '系统设置' })).toBeVisible();
});
