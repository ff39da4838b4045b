// The city's 各区月报 page (issue 13): two districts' packages (东城区 with two streets, 西城区 with one),
// built by the CLI as the districts build them and received through the contract; the city's tables show
// one row per district with the city's totals, a district opens onto its streets, and a street onto its own
// tables. A screenshot of each step goes to /tmp/s25-13b-shots/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI_BUNDLE } from '../support/cli-bundle';
import { ADMIN, callApi, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';

const SHOTS = '/tmp/s25-13b-shots';
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

failOnConsoleErrors();
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const lastMonthEnd = new Date();
lastMonthEnd.setDate(0);
const period = `${lastMonthEnd.getFullYear()}-${String(lastMonthEnd.getMonth() + 1).padStart(2, '0')}`;

const city = useHost({ city: { name: '北京市', code: '1101' } });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-city-e2e-'));
test.afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The CLI on `db` as the administrator; its one JSON line. */
function cli(db: string, args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, '--json', '--db', db, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'test', STREETDESK_PASSWORD: ADMIN.password },
  });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** A district with its streets (name, members), each street's month finalized, sent and received; the district's package built. */
function districtMonth(code: string, name: string, streets: [string, number][]): { keyFile: string; packageFile: string } {
  const db = path.join(work, `${code}.db`);
  cli(db, ['init', '--district', '--district-name', name, '--district-code', code, '--admin-user', ADMIN.username]);
  for (const [i, [streetName, members]] of streets.entries()) {
    const streetCode = `${code}00${i + 1}`;
    const sdb = path.join(work, `${streetCode}.db`);
    cli(sdb, ['init', '--street-name', streetName, '--street-code', streetCode, '--district-name', name, '--admin-user', ADMIN.username]);
    cli(sdb, ['seed-demo', '--members', String(members), '--seed', String(i + 3)]);
    cli(sdb, ['keys', 'export', '--out', path.join(work, `${streetCode}.json`)]);
    cli(db, ['keys', 'trust', '--street-code', streetCode, '--key', path.join(work, `${streetCode}.json`)]);
    cli(sdb, ['return', 'finalize', '--period', period]);
    const built = cli(sdb, ['return', 'build', '--period', period, '--out', path.join(work, `out-${streetCode}`), '--unencrypted']);
    cli(db, ['district', 'import', String(built.file)]);
  }
  const keyFile = path.join(work, `${code}-key.json`);
  cli(db, ['keys', 'export', '--out', keyFile]);
  const built = cli(db, ['return', 'build', '--period', period, '--out', path.join(work, `out-${code}`)]);
  return { keyFile, packageFile: String(built.file) };
}

async function call<T>(cookie: string, method: string, input: unknown): Promise<T> {
  const { result } = await callApi<T>(city, method, input, cookie);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

test('the city page shows two districts and drills down from a district to its streets and a street’s tables', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const east = districtMonth('110101', '东城区', [
    ['东华门街道', 24],
    ['景山街道', 18],
  ]);
  const west = districtMonth('110102', '西城区', [['西长安街街道', 30]]);

  // The city trusts 西城区's key through the contract, 东城区's by the key file imported on the page.
  const { result, cookie } = await callApi(city, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  expect(result.ok).toBe(true);
  await call(cookie!, 'exchange.trustKey', { keyFile: fs.readFileSync(west.keyFile, 'utf8'), districtCode: '110102' });

  await login(page, city, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '北京市 月报汇总' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '各区月报' })).toHaveAttribute('class', /selected/);
  await expect(page.locator('.shell-header')).toContainText('市级汇总');
  await expect(page.getByText('已报送 0 / 1 个区（县）')).toBeVisible();
  const districtsCard = page.locator('.city-districts');
  await districtsCard.locator('input[type=file]').setInputFiles({ name: path.basename(east.keyFile), mimeType: 'application/json', buffer: fs.readFileSync(east.keyFile) });
  await expect(page.getByText('已登记 东城区')).toBeVisible();
  await expect(districtsCard).toContainText('东城区（110101）');
  await expect(page.getByText('已报送 0 / 2 个区（县）')).toBeVisible();
  await expect(page.getByText('未报送：东城区')).toBeVisible();

  // 东城区's package dropped on the page; 西城区's received through the contract, as the folder import would.
  await page.locator('input[type=file][accept=".zip,.sealed"]').setInputFiles([{ name: path.basename(east.packageFile), mimeType: 'application/zip', buffer: fs.readFileSync(east.packageFile) }]);
  await expect(page.getByText('已接收 v1')).toBeVisible();
  await call(cookie!, 'city.import', { files: [{ fileName: path.basename(west.packageFile), bytes: new Uint8Array(fs.readFileSync(west.packageFile)) }] });
  await page.reload();
  await expect(page.getByText('已报送 2 / 2 个区（县）')).toBeVisible();

  // One row per district, the city's total the sum of the three streets' members; the title says so.
  const members = page.getByRole('region', { name: '党员分布（按区）' }).first();
  await expect(page.getByRole('heading', { name: '党费收缴（按区，金额单位：分）' })).toBeVisible();
  await expect(members.getByRole('row', { name: /^东城区\s*42\b/ })).toBeVisible();
  await expect(members.getByRole('row', { name: /^西城区\s*30\b/ })).toBeVisible();
  await expect(members.getByRole('row', { name: /^合计\s*72\b/ })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'city-districts.png'), fullPage: true });

  // A district opens onto its streets…
  await members.getByRole('row', { name: /^东城区/ }).click();
  const districtDrawer = page.getByRole('dialog').filter({ hasText: '东城区（第 1 版）：各街道' });
  await expect(districtDrawer).toBeVisible();
  await expect(districtDrawer).toContainText('已报送 2 / 2 个街道');
  const byStreet = districtDrawer.getByRole('region', { name: '党员分布（按街道）' });
  await expect(byStreet.getByRole('row', { name: /^东华门街道\s*24\b/ })).toBeVisible();
  await expect(byStreet.getByRole('row', { name: /^景山街道\s*18\b/ })).toBeVisible();
  await expect(byStreet.getByRole('row', { name: /^合计\s*42\b/ })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'city-district-streets.png'), fullPage: true });

  // …and a street onto its own tables, one row per community.
  await byStreet.getByRole('row', { name: /^景山街道/ }).click();
  const streetDrawer = page.getByRole('dialog').filter({ hasText: '东城区 · 景山街道（第 1 版）' });
  await expect(streetDrawer).toBeVisible();
  await expect(streetDrawer.getByRole('region', { name: '党员分布（按社区）' }).getByRole('row', { name: /^合计\s*18\b/ })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'city-street-tables.png'), fullPage: true });

  // 全市概览: the same month's figures as the tables above, one row per district opening its return.
  await page.goto(new URL('#/overview', city.url).toString());
  await expect(page.getByRole('menuitem', { name: '全市概览' })).toHaveAttribute('class', /selected/);
  await expect(page.getByRole('heading', { name: '全市党建工作概览' })).toBeVisible();
  await expect(page.locator('[data-tile="已报送"]')).toContainText('2 / 2');
  await expect(page.locator('[data-tile="党员总数"]')).toContainText('72');
  await expect(page.getByText('各区均已报送本月月报')).toBeVisible();
  await expect(page.locator('.overview-page svg text', { hasText: '东城区' }).first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'city-overview.png'), fullPage: true });
  await page.getByRole('row', { name: /^西城区\s*v1\s*30\b/ }).click();
  await expect(page).toHaveURL(/#\/returns\/\d{4}-\d{2}\/110102000000$/);
  await expect(page.getByRole('dialog').filter({ hasText: '西城区（第 1 版）：各街道' })).toBeVisible();
});

const district = useHost({ district: { name: '东城区', code: '110101' } });

test('a district builds its month for the city from its page: the package is saved under the district’s name', async ({ page }) => {
  // The district holds one street's package (built by the CLI in the test above), received through the contract.
  const { result, cookie } = await callApi(district, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  expect(result.ok).toBe(true);
  const keyText = fs.readFileSync(path.join(work, '110101001.json'), 'utf8');
  const trusted = await callApi(district, 'exchange.trustKey', { keyFile: keyText, streetCode: '110101001' }, cookie);
  expect(trusted.result.ok).toBe(true);
  const folder = path.join(work, 'out-110101001');
  const file = path.join(folder, fs.readdirSync(folder)[0]);
  const imported = await callApi<{ status: string }[]>(district, 'district.import', { files: [{ fileName: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) }] }, cookie);
  expect(imported.result.ok && imported.result.value[0].status).toBe('accepted');

  await login(page, district, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '东城区 月报汇总' })).toBeVisible();
  await expect(page.getByText('已报送 1 / 1 个街道')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成报市数据包' }).click();
  expect((await download).suggestedFilename()).toBe(`110101000000_东城区_${period}_v1.zip`);
  await expect(page.getByText(`报市数据包第 1 版已生成：110101000000_东城区_${period}_v1.zip`)).toBeVisible();
  // Uploading to the city waits for the city's address and token: the button says what is missing.
  const upload = page.getByRole('button', { name: '上传到市里' });
  await expect(upload).toBeDisabled();
  await expect(upload).toHaveAttribute('title', /还没有设置市里的上传地址和令牌/);
  await page.screenshot({ path: path.join(SHOTS, 'district-build-for-city.png'), fullPage: true });
});
