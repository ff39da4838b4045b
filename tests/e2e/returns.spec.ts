// 月报 as a street clerk sends it and the district receives it: last month's return tables with a note,
// checked and finalized, the package built and written to a folder (read back); the district takes the
// package from the stick, shows the street as sent, the others as missing, and drills down to its tables.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN, callApi, expect, login, test, useHost } from './fixtures';

const SHOTS = process.env.STREETDESK_SHOTS;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

// The return page opens on last month; the demo street's year of counter work ends on that month's last day.
const lastMonthEnd = new Date();
lastMonthEnd.setDate(0);
const lastMonth = `${lastMonthEnd.getFullYear()}-${String(lastMonthEnd.getMonth() + 1).padStart(2, '0')}`;
const street = useHost({ seedMembers: 200, seedRequests: 1500, seedUntil: `${lastMonth}-${String(lastMonthEnd.getDate()).padStart(2, '0')}` });
const district = useHost({ district: { name: '东城区', code: '110101' } });
const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-stick-'));
test.afterAll(() => fs.rmSync(stick, { recursive: true, force: true }));

async function session(host: { url: string; dbPath: string }): Promise<string> {
  const { result, cookie } = await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return cookie!;
}

async function call<T>(host: { url: string; dbPath: string }, cookie: string, method: string, input: unknown): Promise<T> {
  const { result } = await callApi<T>(host, method, input, cookie);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

test('a street clerk checks, finalizes and writes the month’s package to a USB folder', async ({ page }) => {
  await login(page, street, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '月报报送' }).click();
  await expect(page.getByRole('heading', { name: '党建工作月报' })).toBeVisible();
  const members = page.getByRole('region', { name: '党员分布（按社区）' });
  await expect(members.getByRole('row', { name: /合计\s*200/ })).toBeVisible();
  // The counter's month as the service statistics count it.
  const requests = page.getByRole('region', { name: '便民服务办件（三张清单）' });
  const stats = await call<{ accepted: number }>(street, await session(street), 'counter.stats', { period: lastMonth });
  expect(stats.accepted).toBeGreaterThan(50);
  await expect(requests.getByRole('row', { name: new RegExp(`^合计\\s*${stats.accepted}\\b`) })).toBeVisible();

  const changes = page.getByRole('region', { name: '本月党员变动' });
  await changes.getByLabel('说明').fill('本月无新发展党员');
  await changes.getByRole('button', { name: '保存说明' }).click();
  await expect(changes.getByRole('button', { name: '保存说明' })).toBeDisabled();

  await page.getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByText('已审核', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '定稿' }).click();
  // Finalizing freezes the month: never one click. The dialog shows the month's figures and what looks wrong.
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(/定稿 \d{4}年\d{1,2}月 月报？/);
  await expect(confirm.getByRole('row', { name: /^党员总数\s*[\d,]+$/ })).toBeVisible();
  await expect(confirm.getByRole('row', { name: /^受理件数\s*[\d,]+$/ })).toBeVisible();
  await confirm.getByRole('button', { name: '确认定稿' }).click();
  await expect(page.getByText('已定稿', { exact: true })).toBeVisible();
  await expect(changes).toContainText('说明：本月无新发展党员');

  // No district key here: members' ID numbers leave unencrypted only by an explicit, logged choice.
  await expect(page.getByText('未导入区里的公钥，数据包无法加密。')).toBeVisible();
  await expect(page.getByRole('button', { name: '生成数据包' })).toBeDisabled();
  await page.getByRole('checkbox', { name: /不加密生成/ }).check();
  await page.getByRole('button', { name: '生成数据包' }).click();
  await expect(page.locator('.package-name')).toHaveText(`110101001000_朝阳门街道_${lastMonth}_v1.zip`);
  await expect(page.getByText('尚未报送')).toBeVisible();
  // No stick is plugged into this machine: the picker says so and offers any other folder.
  const target = page.getByRole('combobox', { name: '目标文件夹' });
  await target.click();
  await page.getByText('其他文件夹…').click();
  await page.getByRole('textbox', { name: '目标文件夹' }).fill(stick);
  await page.getByRole('button', { name: '写入 U 盘/文件夹' }).click();
  await expect(page.getByText(`已写入 ${path.join(stick, `110101001000_朝阳门街道_${lastMonth}_v1.zip`)}`)).toBeVisible();
  expect(fs.readdirSync(stick)).toEqual([`110101001000_朝阳门街道_${lastMonth}_v1.zip`]);
  await expect(page.getByText('定稿 v1')).toBeVisible();
  // Next time, with no stick plugged in, the folder just used is where the package goes.
  await page.reload();
  await expect(page.locator('.package-send .ant-select')).toContainText(`上次位置 ${stick}`);
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'returns-street.png'), fullPage: true });
});

test('the district takes the package from the stick and drills down to the street', async ({ page }) => {
  const streetCookie = await session(street);
  const key = await call<{ text: string; fileName: string }>(street, streetCookie, 'exchange.exportKey', {});

  await login(page, district, ADMIN.username, ADMIN.password);
  // A district's login lands on the streets' returns, its one working page.
  await expect(page.getByRole('heading', { name: '东城区 月报汇总' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '各街道月报' })).toHaveAttribute('class', /selected/);
  await expect(page.getByText('还没有登记任何街道')).toBeVisible();

  // The administrator registers the street by the key file it exported, and issues its upload token.
  const streetsCard = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: /^各街道$/ }) });
  await streetsCard.locator('input[type=file]').setInputFiles({ name: key.fileName, mimeType: 'application/json', buffer: Buffer.from(key.text) });
  await expect(page.getByText('已登记 朝阳门街道')).toBeVisible();
  await expect(streetsCard).toContainText('110101001000');
  await streetsCard.getByRole('button', { name: '发放上传令牌' }).click();
  await expect(page.getByRole('dialog')).toContainText('令牌只显示这一次');
  await page.getByRole('dialog').getByRole('button', { name: '知道了' }).click();
  await expect(streetsCard).toContainText('已发放上传令牌');
  await expect(page.getByText('还没有登记任何街道')).toHaveCount(0);
  await expect(page.getByText('已报送 0 / 1 个街道')).toBeVisible();
  await expect(page.getByText('未报送：朝阳门街道')).toBeVisible();

  // The stick read as a folder: every package on it at once.
  const file = path.join(stick, fs.readdirSync(stick)[0]);
  await page.getByRole('combobox', { name: '数据包所在文件夹' }).click();
  await page.getByText('其他文件夹…').click();
  await page.getByRole('textbox', { name: '数据包所在文件夹' }).fill(stick);
  await page.getByRole('button', { name: '接收该文件夹中的数据包' }).click();
  await expect(page.getByText('已接收 v1')).toBeVisible();
  // A damaged copy dropped on the page is refused with the reason.
  await page.locator('input[type=file][accept=".zip,.sealed"]').setInputFiles([{ name: 'damaged.zip', mimeType: 'application/zip', buffer: fs.readFileSync(file).subarray(0, 500) }]);
  await expect(page.getByText('拒收：数据包不完整（文件被截断或损坏）')).toBeVisible();
  await expect(page.getByText('已报送 1 / 1 个街道')).toBeVisible();

  // The district's tables have a row per street, and say so.
  const members = page.getByRole('region', { name: '党员分布（按街道）' }).first();
  await expect(members.getByRole('row', { name: /合计\s*200/ })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'returns-district.png'), fullPage: true });
  await members.getByRole('row', { name: /朝阳门街道/ }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('朝阳门街道（第 1 版）');
  await expect(drawer.getByRole('region', { name: '本月党员变动' })).toBeVisible();
});
