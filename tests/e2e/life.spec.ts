// 组织生活 end to end, on a seeded street: a clerk records a theme Party day for a branch with the roster of the
// day ticked present and one absence with its reason; the meeting appears in the register with its totals,
// the compliance grid's cell for the branch and this month turns green, and the sign-in sheet prints the
// roster's names with a blank signature column (checked in the PDF's text with pdftotext).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN, callApi, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';

const host = useHost({ seedMembers: 60 });
const SHOTS = '/tmp/s24-14-shots';
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-life-'));

test.describe.configure({ mode: 'serial', timeout: 150_000 });

failOnConsoleErrors();

let cookie = '';
let branch = { id: 0, name: '', label: '' };
let roster: { memberId: number; name: string }[] = [];
let meetingId = 0;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function call<T>(method: string, input: unknown): Promise<T> {
  const { result } = await callApi<T>(host, method, input, cookie);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

test.beforeAll(async () => {
  cookie = (await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).cookie!;
  // The branch with the most members: its roster of today is what the form ticks present.
  const tree = await call<{ id: number; name: string; level: string; memberCount: number; communityName: string | null }[]>('orgs.tree', {});
  const best = tree.filter((o) => o.level === 'branch').sort((a, b) => b.memberCount - a.memberCount)[0];
  // Every community has a 第1网格党支部: pickers and cells name the community first.
  branch = { id: best.id, name: best.name, label: best.communityName ? `${best.communityName} ${best.name}` : best.name };
  roster = (await call<{ members: { memberId: number; name: string }[] }>('life.roster', { orgId: branch.id, meetingType: 'theme-day', heldOn: today() })).members;
  expect(roster.length).toBeGreaterThan(2);
});

test('records a theme Party day with one absence; the register shows the totals and the compliance cell turns green', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '组织生活' }).click();
  await expect(page.getByRole('heading', { name: '组织生活' })).toBeVisible();

  await page.getByRole('tab', { name: '落实情况' }).click();
  await page.locator('.ant-segmented-item-label[title="主题党日"]').click();
  const month = today().slice(0, 7);
  const cell = page.locator(`.life-cell[title="${branch.label} ${month} 未到期"]`);
  await expect(cell).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'compliance-before.png') });

  await page.getByRole('tab', { name: '会议记录' }).click();
  await page.getByRole('button', { name: '登记会议' }).click();
  const dialog = page.getByRole('dialog');
  // Choose the branch by typing, as a clerk would; the chosen name must then show in the box.
  await dialog.getByLabel('党组织').click();
  await dialog.getByLabel('党组织').fill(branch.label);
  await page.locator('.ant-select-dropdown:visible').getByTitle(branch.label, { exact: true }).click();
  await expect(dialog.locator('.ant-select').first()).toContainText(branch.label);
  await dialog.getByLabel('会议主题').fill('学习党章 重温入党誓词');
  await dialog.getByLabel('地点').fill('社区党群服务中心');
  const absent = roster[1];
  const row = dialog.locator('.life-roster tr', { hasText: absent.name });
  await expect(dialog).toContainText(`应到 ${roster.length} 人，实到 ${roster.length} 人`);
  await row.getByText('缺席', { exact: true }).click();
  await row.getByLabel(`${absent.name} 原因`).fill('外出务工');
  await expect(dialog).toContainText(`应到 ${roster.length} 人，实到 ${roster.length - 1} 人，缺席 1 人`);
  await page.screenshot({ path: path.join(SHOTS, 'meeting-form.png') });
  await dialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(dialog).toBeHidden();

  const line = page.locator('.ant-table-row', { hasText: '学习党章 重温入党誓词' });
  await expect(line).toContainText(`${roster.length - 1} / ${roster.length}`);
  await expect(line).toContainText('已召开');
  await page.screenshot({ path: path.join(SHOTS, 'register.png') });
  const meetings = await call<{ id: number; topic: string }[]>('life.list', { orgId: branch.id });
  meetingId = meetings.find((m) => m.topic === '学习党章 重温入党誓词')!.id;
  const detail = await call<{ attendance: { memberId: number; state: string; reason: string | null }[] }>('life.get', { id: meetingId });
  expect(detail.attendance.find((a) => a.memberId === absent.memberId)).toMatchObject({ state: 'absent', reason: '外出务工' });

  await page.getByRole('tab', { name: '落实情况' }).click();
  await page.locator('.ant-segmented-item-label[title="主题党日"]').click();
  await expect(page.locator(`.life-cell[title="${branch.label} ${month} 已开"]`)).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'compliance-after.png') });
  await page.getByRole('tab', { name: '党员活动周' }).click();
  await page.screenshot({ path: path.join(SHOTS, 'calendar.png') });
  await page.getByRole('tab', { name: '民主评议' }).click();
  await page.getByLabel('党支部', { exact: true }).click();
  await page.getByLabel('党支部', { exact: true }).fill(branch.label);
  await page.locator('.ant-select-dropdown:visible').getByTitle(branch.label, { exact: true }).click();
  await expect(page.locator('.ant-table-row', { hasText: absent.name })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'appraisal.png') });
});

test('prints the sign-in sheet: the roster’s names and a blank signature column; the minutes page with the absence and its reason', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  const pdf = async (slug: string, name: string) => {
    await page.goto(new URL(`#/print/${slug}?meeting=${meetingId}`, host.url).toString());
    await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-preview.png`), fullPage: true });
    const file = path.join(OUT, `${name}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    fs.copyFileSync(file, path.join(SHOTS, `${name}.pdf`));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  };
  const signIn = await pdf('life-sign-in', 'sign-in');
  expect(signIn).toContain('签到表');
  expect(signIn).toContain('本人签名');
  expect(signIn).toContain(branch.name);
  for (const m of roster) expect(signIn).toContain(m.name);
  const [y, mo, d] = today().split('-').map(Number);
  expect(signIn).toContain(`${y}年${mo}月${d}日`);

  const minutes = await pdf('life-minutes', 'minutes');
  expect(minutes).toContain('会议记录');
  expect(minutes).toContain(`${roster[1].name}（缺席：外出务工）`);
  expect(minutes).toContain(`应到 ${roster.length} 人，实到 ${roster.length - 1} 人`);
});

test('prints the branch’s yearly book (every meeting in date order) and the appraisal tally sheet', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  const year = Number(today().slice(0, 4));
  await call('appraisal.save', { orgId: branch.id, year, heldOn: today(), grades: roster.map((m, i) => ({ memberId: m.memberId, grade: i === 0 ? 'excellent' : 'qualified' })) });
  const pdf = async (address: string, name: string) => {
    await page.goto(new URL(address, host.url).toString());
    await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 60_000 });
    const file = path.join(OUT, `${name}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    fs.copyFileSync(file, path.join(SHOTS, `${name}.pdf`));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  };
  const book = await pdf(`#/print/life-book?org=${branch.id}&year=${year}`, 'book');
  // The cover letter-spaces its title, which pdftotext reads back as spaced characters.
  expect(book.replace(/\s+/g, '')).toContain('年度组织生活记录本');
  expect(book).toContain('共记录会议 1 次');
  expect(book).toContain('学习党章 重温入党誓词');
  const tally = await pdf(`#/print/life-tally?org=${branch.id}&year=${year}`, 'tally');
  expect(tally).toContain(`参评 ${roster.length} 人：优秀 1 人，合格 ${roster.length - 1} 人`);
  for (const m of roster) expect(tally).toContain(m.name);
});
