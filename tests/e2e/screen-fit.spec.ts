// Every screen whole at 1366×768 (the most common office screen): a street with five communities, a
// year of counter work; each page is opened from the menu and checked for text cut off, headings one
// character a line, and the page's main action out of sight.
import { ADMIN, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';
import { fitProblems, inViewport } from './screen-fit';

const host = useHost({ seedMembers: 4000, seedRequests: 1200 });

test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.use({ viewport: { width: 1366, height: 768 } });

failOnConsoleErrors();

const PAGES: { menu: string; tabs?: string[] }[] = [
  { menu: '工作台首页' },
  { menu: '组织架构' },
  { menu: '党员信息' },
  { menu: '导入党员' },
  { menu: '组织关系转接' },
  { menu: '一站式受理', tabs: ['已逾期', '在办事项'] },
  { menu: '服务事项清单' },
  { menu: '志愿服务', tabs: ['服务队', '服务记录'] },
  { menu: '合作商户' },
  { menu: '服务统计' },
  { menu: '月报报送' },
  { menu: '党员承诺' },
  { menu: '系统设置' },
  { menu: '社区治理', tabs: ['四议两公开', '项目', '换届', '标准', '审计'] },
];

test('every page fits a 1366×768 screen: nothing cut off, no heading one character a line', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  // The check itself can fail: a clipped button and a heading one character a line are found.
  await page.evaluate(`(() => {
    const probe = document.createElement('div');
    probe.id = 'fit-probe';
    probe.innerHTML = '<button style="width:40px;overflow:hidden;white-space:nowrap">协议服务内容</button><table><tr><th style="width:14px;padding:0 8px;font-size:14px;line-height:20px">协议服务内容</th></tr></table>';
    document.body.prepend(probe);
  })()`);
  expect((await fitProblems(page)).map((p) => p.kind).sort()).toEqual(['clipped', 'oneCharPerLine']);
  await page.evaluate(`document.getElementById('fit-probe')?.remove()`);
  const found: string[] = [];
  for (const p of PAGES) {
    await page.getByRole('menuitem', { name: p.menu }).click();
    await expect(page.locator('h1.page-title').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    for (const tab of [null, ...(p.tabs ?? [])]) {
      if (tab) {
        await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
        await page.waitForLoadState('networkidle');
      }
      for (const problem of await fitProblems(page)) found.push(`${p.menu}${tab ? ` › ${tab}` : ''}: ${problem.kind} “${problem.text}” (${problem.where})`);
    }
  }
  expect(found).toEqual([]);
});

test('the counter’s 受理 button is in sight without scrolling, and Tab goes from 服务事项 to the resident’s name', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '一站式受理' }).click();
  const form = page.locator('.accept-form');
  await expect(form).toBeVisible();
  expect(await inViewport(page, '.accept-form button[type="submit"]')).toBe(true);
  // The community is typed (pinyin initials) rather than scrolled to.
  const community = form.getByRole('combobox', { name: '所属社区' });
  await community.click();
  await community.pressSequentially('hp');
  await expect(page.locator('.ant-select-dropdown').getByText('和平社区', { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(form.locator('.ant-form-item').filter({ hasText: '所属社区' })).toContainText('和平社区');
  const matter = form.getByRole('combobox', { name: '服务事项' });
  await matter.click();
  await matter.pressSequentially('gljt');
  await expect(page.locator('.ant-select-dropdown .matter-option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(form.locator('.accept-matter-info')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('群众姓名')).toBeFocused();
});

test('the members page’s column chooser opens whole inside the window', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '党员信息' }).click();
  await page.getByRole('button', { name: /显示列/ }).click({ timeout: 30_000 });
  await expect(page.getByRole('dialog', { name: '显示列' })).toBeVisible();
  expect(await inViewport(page, '.column-chooser')).toBe(true);
});
