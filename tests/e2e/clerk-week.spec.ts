// A clerk's week at a 1366×768 screen, in a street whose five communities each have a 第1网格党支部:
// import one community's roster, find a member by the last digits of the phone and correct the record,
// transfer a member out and print the letter, accept a request at the counter, print the community's roster,
// then finalize the month and build its package. Along the way: no ambiguous organization name,
// no clerk's instruction on paper, and nothing cut off on screen. Every screen and printed page is kept
// under test-results/clerk-week/ to be looked at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { ADMIN, callApi, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';
import { fitProblems } from './screen-fit';

const host = useHost({ seedMembers: 4000, seedRequests: 200 });
const SHOTS = path.resolve('test-results/clerk-week');

test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.use({ viewport: { width: 1366, height: 768 } });

failOnConsoleErrors();

let cookie = '';
async function call<T>(method: string, input: unknown): Promise<T> {
  const { result } = await callApi<T>(host, method, input, cookie);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

let shot = 0;
/** Keeps the screen for a person to look at, and fails on text cut off at 1366×768. */
async function look(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${String(++shot).padStart(2, '0')}-${name}.png`) });
  expect((await fitProblems(page)).map((p) => `${p.kind} “${p.text}” (${p.where})`)).toEqual([]);
}

/** A valid citizen ID number from its first 17 digits (GB 11643 check character). */
function citizenId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The PDF's text, as pdftotext reads it, and its pages as PNGs at 110 dpi beside the screenshots. */
function readPdf(bytes: Buffer, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'week-pdf-'));
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  spawnSync('pdftoppm', ['-r', '110', '-png', file, path.join(SHOTS, `${String(++shot).padStart(2, '0')}-${name}`)]);
  return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
}

test.beforeAll(async () => {
  const { cookie: c } = await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  cookie = c!;
  // The station's own particulars, as an office fills them in on its first day.
  await call('station.save', { stationName: '朝阳门街道党群服务中心', address: '东城区朝阳门南小街 1 号', postcode: '100010', phone: '010-65125678', hours: '周一至周五 9:00—17:00' });
});

test('Monday: one community’s roster goes into that community, though every community has a 第1网格党支部', async ({ page }) => {
  const rows = [
    ['姓名', '公民身份号码', '所在党支部', '人员类别', '入党日期', '转正日期', '联系电话'],
    ['周新华', citizenId('11010119800312072'), '第1网格党支部', '正式党员', '2005-07-01', '2006-07-01', '13911225217'],
    ['吴丽娟', citizenId('11010119850506084'), '第1网格党支部', '正式党员', '2010-07-01', '2011-07-01', '13811223344'],
  ];
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '导入党员' }).click();
  await page.locator('.import-dragger input[type=file]').setInputFiles({ name: '和平社区花名册.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${rows.map((r) => r.join(',')).join('\r\n')}`) });
  await expect(page.getByText('在第 1 行找到表头，下面有 2 行党员数据')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  // Without a community the branch is ambiguous; the clerk says which community the roster is.
  const community = page.getByRole('combobox', { name: '导入到社区' });
  await community.click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('和平社区').click();
  await expect(page.getByRole('button', { name: '导入 2 名党员' })).toBeVisible();
  await look(page, 'import-dry-run');
  await page.getByRole('button', { name: '导入 2 名党员' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.locator('.ant-result-title')).toHaveText('导入完成');
  const { members } = await call<{ members: { name: string; orgName: string }[] }>('members.list', { query: '周新华' });
  expect(members).toEqual([expect.objectContaining({ name: '周新华' })]);
});

test('Tuesday: the last digits of the phone find the member; the corrected phone shows in the member’s history', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '党员信息' }).click();
  // Four digits may fit more than one of 4,000 members; six find the one.
  await page.getByPlaceholder('姓名、拼音首字母、身份证号或电话').fill('尾号 5217');
  await expect(page.locator('.ag-row', { hasText: '周新华' }).first()).toBeVisible();
  await page.getByPlaceholder('姓名、拼音首字母、身份证号或电话').fill('尾号 225217');
  await expect(page.getByText('共 1 名党员')).toBeVisible();
  await look(page, 'members-tail-search');
  const [m] = (await call<{ members: { id: number; version: number }[] }>('members.list', { query: '周新华' })).members;
  await call('members.update', { id: m.id, version: m.version, fields: { phone: '13911225218' } });
  const detail = await call<{ events: { kind: string }[] }>('members.get', { id: m.id });
  expect(detail.events.map((e) => e.kind)).toContain('edited');
});

test('Wednesday: a member transferred out; the letter names the organizations in full and leaves no blank to fill', async ({ page }) => {
  const [m] = (await call<{ members: { id: number; name: string }[] }>('members.list', { query: '吴丽娟' })).members;
  const letter = await call<{ id: number; letterNumber: string }>('transfers.create', {
    direction: 'out',
    memberId: m.id,
    toOrgName: '海淀区学院路街道党工委',
    issuedOn: new Date().toISOString().slice(0, 10),
    duesPaidTo: new Date().toISOString().slice(0, 7),
  });
  expect(letter.letterNumber).toMatch(/〔\d{4}〕\d{3}号$/);
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(new URL(`/print/letter?transfer=${letter.id}`, host.url).toString());
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
  await expect(page.locator('.print-notice')).toHaveCount(0);
  const text = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }), 'letter');
  expect(text.replace(/\s+/g, '')).toContain('和平社区党委第1网格党支部');
  expect(text).not.toMatch(/未设置|请在|____/);
});

test('Thursday: a request accepted at the counter, the community typed and Tab going field to field', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '一站式受理' }).click();
  const form = page.locator('.accept-form');
  const community = form.getByRole('combobox', { name: '所属社区' });
  await community.click();
  await community.pressSequentially('hp');
  await expect(page.locator('.ant-select-dropdown').getByText('和平社区', { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  const matter = form.getByRole('combobox', { name: '服务事项' });
  await matter.click();
  await matter.pressSequentially('gljt');
  await expect(page.locator('.ant-select-dropdown .matter-option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('群众姓名')).toBeFocused();
  await page.keyboard.type('赵桂芝');
  await form.getByLabel('联系电话').fill('13700001111');
  await look(page, 'counter-accept');
  await form.getByRole('button', { name: /^受\s?理$/ }).click();
  await expect(page.locator('.ant-message')).toContainText('和平');
  await look(page, 'counter-accepted');
});

test('Friday: the community’s roster on paper: full branch names, Chinese dates, 填报单位（盖章）and no clerk’s text', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  const communities = await call<{ id: number; name: string }[]>('communities.list', {});
  const peace = communities.find((c) => c.name === '和平社区')!;
  const tree = await call<{ id: number; communityId: number | null; parentId: number | null; level: string }[]>('orgs.tree', {});
  const committee = tree.find((o) => o.communityId === peace.id && o.level === 'community_committee')!;
  await page.goto(new URL(`/print/roster?org=${committee.id}`, host.url).toString());
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
  await look(page, 'roster-preview');
  const text = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }), 'roster');
  expect(text).toContain('填报单位（盖章）');
  expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  expect(text).not.toMatch(/未设置|请在“系统设置/);
  // Group headings name the branch in full, never the bare 第1网格党支部.
  expect(text.replace(/[ \t]+/g, '')).toContain('和平社区党委第1网格党支部');
});

test('Saturday: the month finalized after its figures are shown, and sent unencrypted only by choice', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '月报报送' }).click();
  await expect(page.getByRole('heading', { name: '党建工作月报' })).toBeVisible();
  await look(page, 'return-draft');
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.getByRole('button', { name: '定稿' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm.getByRole('row', { name: /^党员总数\s*[\d,]+$/ })).toBeVisible();
  await look(page, 'return-finalize-confirm');
  await confirm.getByRole('button', { name: '确认定稿' }).click();
  await expect(page.getByText('已定稿', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '生成数据包' })).toBeDisabled();
  await page.getByRole('checkbox', { name: /不加密生成/ }).check();
  await page.getByRole('button', { name: '生成数据包' }).click();
  await expect(page.locator('.package-name')).toContainText('_v1.zip');
  await look(page, 'return-package');
  const audit = await call<{ entries: { after: { unencryptedChosen?: boolean } }[] }>('audit.list', { action: 'returns.build' });
  expect(audit.entries[0].after.unencryptedChosen).toBe(true);
});
