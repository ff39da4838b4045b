// 工作台首页 as the secretary's overview (issue 18), on a street seeded through the CLI (members and the
// counter's year up to today): the tiles and the ECharts charts render with Chinese labels; a tile's figure is
// the total of the page it opens; a clerk limited to one community sees that community's figures only.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN, callApi, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';

const TODAY = new Date().toLocaleDateString('sv-SE');
const host = useHost({ seedMembers: 300, seedRequests: 600, seedUntil: TODAY });
const SHOTS = process.env.OVERVIEW_SHOTS;
const CLERK = { username: 'heping', displayName: '社区干事', password: 'Heping2026pass' };

test.describe.configure({ mode: 'serial', timeout: 180_000 });
failOnConsoleErrors();

async function shot(page: import('@playwright/test').Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

test('the overview shows what needs attention, the tiles and the charts with Chinese labels', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, host, ADMIN.username, ADMIN.password);
  await expect(page.getByText('今日待办')).toBeVisible();
  for (const label of ['党员总数', '流动党员', '受理服务事项', '按时办结率', '转接未办结']) {
    await expect(page.locator('.overview-tile', { hasText: label }).first()).toBeVisible();
  }
  // The charts are SVG (crisp in print) and carry the communities' names and the age bands in Chinese.
  const byCommunity = page.getByRole('img', { name: '各社区党员人数' });
  await expect(byCommunity.locator('svg')).toBeVisible();
  await expect(byCommunity.locator('svg text', { hasText: /社区$/ }).first()).toBeAttached();
  await expect(page.getByRole('img', { name: '年龄结构' }).locator('svg text', { hasText: '岁' }).first()).toBeAttached();
  await expect(page.getByRole('row', { name: /社区/ }).first()).toBeVisible();
  await shot(page, 'overview-1366.png');
  if (SHOTS) {
    // The whole page (it scrolls inside the shell), for looking at every chart.
    await page.setViewportSize({ width: 1366, height: 2600 });
    await shot(page, 'overview-full.png');
  }
  // The monthly briefing: one A4 page through the print pipeline, with the month's line of the counter.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: '月度简报' }).click();
  await expect(page.locator('.doc-briefing')).toBeVisible();
  await expect(page.locator('.doc-briefing svg').first()).toBeVisible();
  const accepted = (await page.locator('.briefing-figure', { hasText: '受理事项' }).locator('.briefing-figure-value').innerText()).replace(/,/g, '');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-briefing-')), 'briefing.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  if (SHOTS) execFileSync('pdftoppm', ['-png', '-r', '110', file, path.join(SHOTS, 'briefing')]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text.split('\f').filter((p) => p.trim()).length).toBe(1);
  expect(text).toContain(`本月受理 ${accepted} 件`);
  expect(text).toContain('党建工作月度简报'.split('').join(' ').slice(0, 1));
  // The administrator's status is one tab of the settings now.
  await page.goto(`${host.url}#/settings/status`);
  await expect(page.getByText('日志链完整')).toBeVisible();
});

test('a tile’s figure is the total of the page it opens', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  const tile = page.locator('.overview-tile', { hasText: '流动党员' });
  const figure = (await tile.locator('.overview-tile-value').innerText()).replace(/,/g, '');
  expect(Number(figure)).toBeGreaterThan(0);
  await tile.click();
  await expect(page).toHaveURL(/#\/members\/mobile$/);
  await expect(page.locator('.members-total:not(.stale)')).toHaveText(`共 ${figure} 名党员`);

  await page.goto(`${host.url}#/overview`);
  const overdue = page.locator('.overview-tile', { hasText: '当前超期' });
  const overdueFigure = (await overdue.locator('.overview-tile-value').innerText()).replace(/,/g, '');
  await overdue.click();
  await expect(page).toHaveURL(/#\/counter\/overdue$/);
  await expect(page.getByRole('tab', { selected: true })).toContainText(overdueFigure);
});

test('an age band opens the members page filtered to it (a removable chip); the quarter’s life tile opens that quarter', async ({ page }) => {
  const admin = (await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).cookie!;
  const overview = (await callApi<{ members: { total: { count: number }; ages: { band: string; count: number }[] } }>(host, 'overview.get', {}, admin)).result;
  if (!overview.ok) throw new Error('overview.get');
  const band = overview.value.members.ages.find((a) => a.band !== 'unknown' && a.count > 0)!;
  const AGE_BANDS: Record<string, string> = { under35: '35 岁以下', from35to45: '35–45 岁', from46to60: '46–60 岁', from61to70: '61–70 岁', over70: '70 岁以上' };
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(`${host.url}#/members/age-${band.band}`);
  const total = page.locator('.members-total:not(.stale)');
  await expect(total).toHaveText(`共 ${band.count} 名党员`);
  expect(band.count).toBeLessThan(overview.value.members.total.count);
  const chip = page.locator('.members-filter-chip');
  await expect(chip).toContainText(`年龄段：${AGE_BANDS[band.band]}`);
  await shot(page, 'members-age-chip.png');
  await chip.getByLabel(`移除筛选“年龄段：${AGE_BANDS[band.band]}”`).click();
  await expect(chip).toHaveCount(0);
  await expect(total).toHaveText(`共 ${overview.value.members.total.count} 名党员`);

  await page.goto(`${host.url}#/overview`);
  await page.locator('.overview-period').getByText('季度', { exact: true }).click();
  const tile = page.locator('.overview-tile', { hasText: '组织生活落实率' });
  await expect(tile).toContainText('季度');
  const rate = await tile.locator('.overview-tile-value').innerText();
  await tile.click();
  await expect(page).toHaveURL(/#\/life\/compliance\/\d{4}-Q[1-4]$/);
  await expect(page.locator('.ant-segmented-item-selected', { hasText: /^第 \d 季度$/ })).toHaveCount(1);
  const street = page.locator('.life-rates .ant-statistic').first();
  await expect(street).toContainText('全街道落实率');
  await expect(page.locator('.life-cell').first()).toBeVisible();
  await expect.poll(async () => (await street.locator('.ant-statistic-content').innerText()).replace(/\s/g, '')).toBe(rate.replace(/\s/g, ''));
  await shot(page, 'life-quarter.png');
});

test('a past month counts the roll on its last day, and its figure opens that month’s return with the same total', async ({ page }) => {
  const last = new Date();
  last.setDate(0); // the last day of the month before this one
  const month = last.toLocaleDateString('sv-SE').slice(0, 7);
  const day = last.toLocaleDateString('sv-SE');
  await login(page, host, ADMIN.username, ADMIN.password);
  const picker = page.getByLabel('统计月份');
  await picker.click();
  await picker.fill(month);
  await picker.press('Enter');
  const total = page.locator('.overview-tile', { hasText: '党员总数' });
  await expect(total.locator('.overview-tile-detail')).toHaveText(`截至 ${day}，见 ${month} 月报`);
  await expect(page.locator('.overview-tile', { hasText: '本月入党' })).toHaveCount(0);
  await expect(page.locator('.overview-tile', { hasText: `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月入党` })).toBeVisible();
  await shot(page, 'overview-past-month.png');
  const figure = (await total.locator('.overview-tile-value').innerText()).replace(/,/g, '');
  await total.click();
  await expect(page).toHaveURL(new RegExp(`#/returns/${month}$`));
  const roll = page.getByRole('region', { name: '党员分布（按社区）' });
  await expect(roll.locator('tr.return-total td').nth(1)).toHaveText(figure);

  // Arrears open the arrears list as of the overview's month, owing at least as many months as the tile.
  await page.goto(`${host.url}#/overview`);
  const arrears = page.locator('.overview-tile', { hasText: '欠缴党员' });
  const owing = Number((await arrears.locator('.overview-tile-value').innerText()).replace(/,/g, ''));
  await arrears.click();
  await expect(page).toHaveURL(/#\/dues\/arrears\/\d{4}-\d{2}\/1$/);
  await expect(page.getByRole('tab', { name: '欠交党费', selected: true })).toBeVisible();
  if (owing === 0) await expect(page.getByText('没有欠交党费的党员')).toBeVisible();
  else await expect(page.locator('.ant-table-row')).toHaveCount(Math.min(owing, 15));
});

test('a clerk limited to one community sees that community’s overview only', async ({ page }) => {
  const admin = (await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).cookie!;
  const communities = (await callApi<{ id: number; name: string; divisionCode: string }[]>(host, 'communities.list', {}, admin)).result;
  if (!communities.ok) throw new Error('communities.list');
  const [mine, other] = communities.value;
  const created = await callApi(host, 'users.create', { ...CLERK, role: 'clerk', scopeCommunityCode: mine.divisionCode }, admin);
  expect(created.result.ok).toBe(true);
  const members = await callApi<{ total: number }>(host, 'members.list', { communityId: mine.id, limit: 1 }, admin);
  if (!members.result.ok) throw new Error('members.list');

  await login(page, host, CLERK.username, CLERK.password);
  await expect(page.locator('.page-description')).toContainText(mine.name);
  await expect(page.locator('.overview-tile', { hasText: '党员总数' }).locator('.overview-tile-value')).toHaveText(members.result.value.total.toLocaleString('zh-CN'));
  await expect(page.locator('.overview-ranking .ant-table-row')).toHaveCount(1);
  await expect(page.locator('.overview-page')).not.toContainText(other.name);
  await shot(page, 'overview-scoped.png');
});
