// 发展党员 end to end on the browser host: an activist seeded through the contract shows on the board with the
// one-year mark; recording 确定为发展对象 a day too early is refused under the date field with the rule and the
// first possible day; the right day moves the card to 发展对象. The page fits 1366×768.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, addYears } from '../../src/shared/develop/dates';
import { citizenIdCheckDigit } from '../../src/shared/validators';
import { ADMIN, callApi, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';

const host = useHost({ seedMembers: 20 });
const SHOTS = '/tmp/s24-16-shots';

test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });
failOnConsoleErrors();

function localDay(daysAgo: number): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function idFor(birth: string, seq: number): string {
  const first17 = `110101${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + citizenIdCheckDigit(first17);
}

const ACTIVIST = localDay(400);
const SUN_ID = idFor('2000-04-12', 71);
const APPLIED = localDay(430);

test.beforeAll(async () => {
  const { cookie } = await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const { result } = await callApi<T>(host, method, input, cookie);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const tree = await call<{ id: number; level: string; name: string; closedOn: string | null }[]>('orgs.tree', {});
  const branch = tree.find((o) => o.level === 'branch' && o.closedOn === null)!;
  const members = await call<{ members: { id: number; category: string }[] }>('members.list', { limit: 50 });
  const full = members.members.find((m) => m.category === 'full')!;
  let p = await call<{ id: number; version: number }>('develop.create', { name: '孙晓明', idNumber: SUN_ID, orgId: branch.id, appliedOn: APPLIED });
  p = await call('develop.recordStep', { id: p.id, version: p.version, step: 'talked', on: addDays(APPLIED, 10), people: '支部书记' });
  p = await call('develop.recordStep', { id: p.id, version: p.version, step: 'activist', on: ACTIVIST, memberIds: [full.id] });
  p = await call('develop.recordStep', { id: p.id, version: p.version, step: 'review', on: addDays(ACTIVIST, 170) });
  await call('develop.recordStep', { id: p.id, version: p.version, step: 'review', on: addDays(ACTIVIST, 340) });
  await call('develop.create', { name: '钱文静', idNumber: idFor('1999-03-05', 82), orgId: branch.id, appliedOn: localDay(3) });
});

async function openBoard(page: Page): Promise<void> {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await expect(page.getByRole('heading', { name: '发展党员' })).toBeVisible();
}

test('a step a day too early is refused under its date with the rule; the right day moves the card', async ({ page }) => {
  await openBoard(page);
  const activists = page.getByRole('region', { name: '入党积极分子' });
  const card = activists.locator('.develop-card', { hasText: '孙晓明' });
  const mark = addYears(ACTIVIST, 1);
  await expect(card).toContainText(`确定为发展对象`);
  await expect(card).toContainText(`最早 ${mark}`);
  // The new applicant's talk falls due within the month.
  await expect(page.getByRole('region', { name: '入党申请人' }).locator('.develop-card', { hasText: '钱文静' })).toContainText('党组织派人谈话');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/board.png` });

  await card.click();
  const drawer = page.locator('.ant-drawer', { hasText: '孙晓明 · 发展纪实' });
  await expect(drawer).toContainText('确定为入党积极分子');
  await expect(drawer).toContainText('半年考察');
  await drawer.getByRole('button', { name: '登记下一环节' }).click();
  const dialog = page.getByRole('dialog', { name: /登记发展环节/ });
  await expect(dialog).toContainText(`按规定：最早 ${mark}`);
  const date = dialog.getByLabel('日期');
  await date.click();
  await date.fill(addDays(mark, -1));
  // Enter takes the typed day and submits, as the clerk's keys do.
  await date.press('Enter');
  await expect(dialog).toContainText(`日期：成为发展对象须在列为积极分子满一年后（${mark} 及以后）`);
  await page.screenshot({ path: `${SHOTS}/refused.png` });

  await date.click();
  await date.fill(mark > localDay(0) ? localDay(0) : mark);
  await date.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: '发展对象' }).locator('.develop-card', { hasText: '孙晓明' })).toBeVisible();
  await expect(drawer).toContainText('确定为发展对象');
  await page.screenshot({ path: `${SHOTS}/drawer.png` });
});

test('the counts per community and branch, and the page within 1366×768', async ({ page }) => {
  await openBoard(page);
  await page.getByRole('tab', { name: '按社区、支部统计' }).click();
  const table = page.locator('.ant-table').first();
  await expect(table).toContainText('合计');
  await page.screenshot({ path: `${SHOTS}/counts.png` });
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(1366);
});

test('the notice of candidates prints with the ID number masked', async ({ page }) => {
  await openBoard(page);
  await page.getByRole('button', { name: '发展对象公示' }).click();
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
  const file = path.join(SHOTS, 'candidates-notice.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(SHOTS, 'candidates-notice')]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toMatch(/发\s*展\s*对\s*象\s*公\s*示/);
  expect(text).toContain('孙晓明');
  expect(text).toContain(`${SUN_ID.slice(0, 2)}*************${SUN_ID.slice(-3)}`);
  expect(text).not.toContain(SUN_ID);
  expect(text).not.toContain(SUN_ID.slice(6, 14));
  expect(text).toContain('公示期');
});

test('the development record of one person prints with every step on record', async ({ page }) => {
  await openBoard(page);
  await page.getByRole('region', { name: '发展对象' }).locator('.develop-card', { hasText: '孙晓明' }).click();
  await page.getByRole('button', { name: '打印工作纪实' }).click();
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
  const file = path.join(SHOTS, 'develop-record.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(SHOTS, 'develop-record')]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toMatch(/发\s*展\s*党\s*员\s*工\s*作\s*纪\s*实/);
  for (const step of ['递交入党申请书', '党组织派人谈话', '确定为入党积极分子', '半年考察', '确定为发展对象']) expect(text).toContain(step);
  expect(text).toContain('支部书记');
});

test('the register lists those not yet admitted, by branch, with the next step', async ({ page }) => {
  await openBoard(page);
  await page.getByRole('button', { name: '登记表' }).click();
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
  const file = path.join(SHOTS, 'develop-register.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(SHOTS, 'develop-register')]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toMatch(/发\s*展\s*党\s*员\s*登\s*记\s*表/);
  expect(text).toContain('钱文静');
  expect(text).toContain('孙晓明');
  expect(text).toContain('党组织派人谈话');
  expect(text).toMatch(/共\s*2\s*人/);
});

test('the yearly plan against what was done prints per community with the street total', async ({ page }) => {
  const year = new Date().getFullYear();
  const { cookie } = await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const { result } = await callApi<{ communityId: number; communityName: string }[]>(host, 'develop.plans', { year }, cookie);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const community = result.value[0];
  const saved = await callApi(host, 'develop.savePlan', { year, communityId: community.communityId, planned: 4 }, cookie);
  expect(saved.result.ok).toBe(true);

  await openBoard(page);
  await page.getByRole('tab', { name: '年度计划' }).click();
  await page.getByRole('button', { name: '打印计划完成情况' }).click();
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, 'develop-plan.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(SHOTS, 'develop-plan')]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toMatch(new RegExp(`${year}\\s*年\\s*度\\s*发\\s*展\\s*党\\s*员\\s*计\\s*划\\s*完\\s*成\\s*情\\s*况`));
  expect(text).toContain(community.communityName);
  expect(text).toMatch(/全街道计划 4 人，已发展 0 人，完成 0%/);
});
