// 社区治理 as a clerk uses it: an approved finance disclosure published from the 公开 tab, the open column's
// board printed and read back with pdftotext (the resident's phone and ID number masked, the item there), and
// the 项目 tab showing the first-secretary projects' rate as the register gives it (396 of 656: 60.4%).
// Records are seeded through the contract over HTTP; the page is checked at 1366×768.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN, callApi, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';

const host = useHost({ seedMembers: 20 });
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-gov-'));
const SHOTS = process.env.GOV_SHOTS;
const TITLE = '本月社区财务收支公开';
const CONTENT = '困难补助发放对象王秀英，身份证 110101196001151234，联系电话 13912345678。本月收入 12000.00 元。';

test.describe.configure({ mode: 'serial', timeout: 240_000 });
failOnConsoleErrors();

let cookie = '';
let communityId = 0;
let communityName = '';
let decisionId = 0;

async function call<T>(method: string, input: unknown): Promise<T> {
  const { result } = await callApi<T>(host, method, input, cookie);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

test.beforeAll(async () => {
  cookie = (await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).cookie!;
  const communities = await call<{ id: number; name: string }[]>('communities.list', {});
  communityId = communities[0].id;
  communityName = communities[0].name;
  const today = new Date().toLocaleDateString('sv-SE');
  const month = today.slice(0, 7);
  let item = await call<{ id: number; version: number }>('disclosure.save', {
    communityId,
    area: 'finance',
    title: TITLE,
    content: CONTENT,
    periodFrom: `${month}-01`,
    periodTo: `${month}-28`,
    draftedBy: '李文书',
    draftedOn: today,
  });
  for (const step of ['review', 'approve']) item = await call('disclosure.advance', { id: item.id, version: item.version, step, by: '王书记', on: today });
  decisionId = (await call<{ id: number }>('decisions.save', { communityId, title: '老旧小区加装电梯', summary: '3号楼加装电梯，费用按楼层分摊' })).id;
  await call('decisions.step', { decisionId, step: 'proposal', heldOn: today, entitled: 7, present: 7, inFavour: 7 });
  await call('decisions.step', { decisionId, step: 'committees', heldOn: today, entitled: 11, present: 10, inFavour: 9 });
  const year = Number(today.slice(0, 4));
  for (let i = 0; i < 656; i++) {
    const done = i < 396;
    await call('projects.save', { communityId, type: 'first_secretary', year, name: `第一书记项目${i + 1}`, owner: '李书记', status: done ? 'done' : 'in_progress', completedOn: done ? today : null });
  }
});

test('a clerk publishes the approved item, prints the open column masked, and sees the projects’ rate', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '社区治理' }).click();
  await expect(page.getByRole('heading', { name: '社区治理' })).toBeVisible();

  const row = page.getByRole('row', { name: new RegExp(TITLE) });
  await expect(row.getByText('已审批')).toBeVisible();
  await row.getByRole('button', { name: /^公\s?开$/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('经办人').fill('李文书');
  await dialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(row.getByText('已公开')).toBeVisible();
  await expect(page.getByText(`${communityName} · 财务 · 已按时公开`).or(page.getByText(`${communityName} · 财务 · 逾期未公开`))).toBeVisible();
  // A resident's comment recorded against the published item, with its answer.
  await row.getByRole('button', { name: '0' }).click();
  const comments = page.getByRole('dialog');
  await comments.getByLabel('居民姓名').fill('周桂兰');
  await comments.getByLabel('意见建议').fill('请公开补助明细');
  await comments.getByLabel('答复', { exact: true }).fill('明细已张贴在公开栏');
  await comments.getByLabel('答复日期').fill(new Date().toLocaleDateString('sv-SE'));
  await comments.getByLabel('答复日期').press('Enter');
  await comments.getByRole('button', { name: /保\s?存/ }).click();
  await expect(row.getByRole('button', { name: '1' })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'gov-disclosure.png') });
  // The page fits the screen: nothing wider than the window.
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);

  await page.getByRole('tab', { name: '项目' }).click();
  await expect(page.getByTestId('gov-street-rate')).toHaveText('60.4%');
  await expect(page.getByText('第一书记项目 396 / 656')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'gov-projects.png') });

  // An election short of four fifths present is refused, naming the rule, and nothing is started.
  await page.getByRole('tab', { name: '换届' }).click();
  await page.getByRole('button', { name: '登记选举' }).first().click();
  const ballot = page.getByRole('dialog');
  await ballot.getByLabel('实到正式党员人数').fill('0');
  await ballot.getByLabel(/候选人及得票/).fill('王建国 0');
  await ballot.getByLabel(/当选委员/).fill('王建国 书记 0');
  await ballot.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.getByText(/实到须超过五分之四|名册中没有正式党员/).first()).toBeVisible();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'gov-election-refused.png') });
  await ballot.getByRole('button', { name: /取\s?消/ }).click();

  await page.goto(new URL(`/print/gov-board?community=${communityId}`, host.url).toString());
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
  const file = path.join(OUT, 'gov-board.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  if (SHOTS) execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(SHOTS, 'gov-board')]);
  // In the order the cells were drawn (-raw), with the wrapping inside a cell taken out.
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, '');
  expect(flat).toContain(`${communityName}四务公开栏`);
  expect(flat).toContain(TITLE);
  expect(flat).toContain('王秀英');
  expect(flat).toContain('139****5678');
  expect(flat).not.toMatch(/13912345678/);
  expect(flat).not.toMatch(/110101196001151234/);
  expect(flat).not.toMatch(/1101011960/);
  expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
});

/** Opens a print address, waits for its sheets, saves the PDF and returns its text in drawing order. */
async function printed(page: import('@playwright/test').Page, address: string, name: string): Promise<string> {
  await page.goto(new URL(address, host.url).toString());
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 120_000 });
  const file = path.join(OUT, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  if (SHOTS) execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', file, path.join(SHOTS, name)]);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

test('the projects list prints with its rates, and a matter’s 四议两公开 record with the steps done and to come', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  const year = new Date().getFullYear();
  const projects = (await printed(page, `/print/gov-projects?year=${year}`, 'gov-projects')).replace(/\s+/g, '');
  expect(projects).toContain(`${year}年度项目清单`);
  expect(projects).toContain('全街道完成396项，共656项，完成率60.4%');
  expect(projects).toContain('完成396/656，完成率60.4%');
  expect(projects).not.toMatch(/\d{4}-\d{2}-\d{2}/);

  const record = (await printed(page, `/print/gov-decision?decision=${decisionId}`, 'gov-decision')).replace(/\s+/g, '');
  expect(record).toContain('“四议两公开”工作记录');
  expect(record).toContain('老旧小区加装电梯');
  expect(record).toContain('（应到11，实到10，赞成9）');
  expect(record).toMatch(/“两委”会议商议\d{4}年\d{1,2}月\d{1,2}日/);
  expect(record).toContain('党员大会审议尚未办理');
});

test('last year’s projects go through their cycle: the plan approved, a mid-year review, the close with a reason for what was not done', async ({ page }) => {
  const year = new Date().getFullYear() - 1;
  await call('projects.save', { communityId, type: 'secretary', year, name: '红色物业提升', owner: '王书记', status: 'done', completedOn: `${year}-06-01` });
  await call('projects.save', { communityId, type: 'priority', year, name: '老旧小区加装电梯', owner: '李书记', status: 'in_progress', milestones: [{ title: '完成设计', dueOn: `${year}-05-31`, doneOn: `${year}-05-20` }] });
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '社区治理' }).click();
  await page.getByRole('tab', { name: '项目' }).click();
  const picker = page.getByLabel('年度');
  await picker.click();
  await picker.fill(String(year));
  await picker.press('Enter');
  const cycle = page.getByTestId('gov-project-cycle');
  await expect(cycle).toContainText('春季立项');
  await expect(cycle).toContainText('计划尚未审定');

  await cycle.getByRole('button', { name: '审定年度计划' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('经办人').fill('王书记');
  await dialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(cycle).toContainText('年中推进');
  // The approved plan takes no new project.
  await expect(page.getByRole('button', { name: '新建项目' })).toHaveCount(0);

  const lift = page.getByRole('row', { name: /老旧小区加装电梯/ });
  await lift.getByRole('button', { name: '年中检查' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('进度（%）').fill('60');
  await dialog.getByLabel('检查情况').fill('设计已完成，施工招标中');
  await dialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(lift.getByText('60%', { exact: true })).toBeVisible();
  await expect(cycle).toContainText('年中检查 1/2');

  // The close: refused while the project not done has no reason, then closed; the year is read-only after.
  await cycle.getByRole('button', { name: '年终结项' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('经办人').fill('王书记');
  await dialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.getByText(/老旧小区加装电梯.*须填写原因/).first()).toBeVisible();
  await expect(cycle).toContainText('年中推进');
  await dialog.getByLabel('老旧小区加装电梯 未完成原因').fill('资金未到位，转入下年度');
  await dialog.getByRole('button', { name: /保\s?存/ }).click();
  // The close form (its rows carry the same project names) is gone before the list's rows are read.
  await expect(dialog).toBeHidden();
  await expect(cycle).toContainText('年终已结项');
  await expect(page.getByTestId('gov-street-rate')).toHaveText('50.0%');
  await expect(lift.getByTitle('资金未到位，转入下年度')).toHaveText('未完成');
  await expect(page.getByRole('button', { name: '修改' })).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'gov-project-cycle.png') });
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);
  // The printed list says the year is closed and gives each project's result at the close.
  const list = (await printed(page, `/print/gov-projects?year=${year}`, 'gov-projects-closed')).replace(/\s+/g, '');
  expect(list).toContain('全街道完成1项，共2项，完成率50.0%');
  expect(list).toMatch(/\d{4}年\d{1,2}月\d{1,2}日年终结项/);
  expect(list).toMatch(/老旧小区加装电梯.*未完成/);
});
