// Printing as a reader checks the paper: each document is opened at its print address behind the login,
// turned into a PDF by the browser (page.pdf with the page's CSS size), and its text read back with
// pdftotext — the header row on every page of a long roster, the page numbers, the group counts and the
// total, the three sections of the board, the same letter number on stub, letter and receipt, the
// validity in formal numerals, and no full phone or ID number on any public board. On every sheet of every
// document nothing runs past the bottom margin into the page foot, no sheet opens with a subtotal or ends
// with a bare group heading, and the total never stands alone on the last sheet. Papers carry no text meant
// for the clerk (a missing setting is named in the preview and leaves a blank line on paper), dates in the
// Chinese form, the roster's standard columns at a sane page count, and no tooltip of the toolbar.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, callApi, expect, login, test } from './fixtures';
import { useHostInTimeZone } from './host-time-zone';

const host = useHostInTimeZone('Asia/Shanghai', { seedMembers: 600 });
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-print-'));
const LETTER = '朝组转〔2026〕018号';
const FULL_MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const FULL_ID = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
/** Words meant for the clerk that once reached the paper. */
const CLERK_TEXT = /未设置|请在|系统设置|咨询电话\s*—/;
const STATION = { stationName: '朝阳门街道党群服务中心', address: '北京市东城区朝阳门南小街 8 号', postcode: '100010', phone: '010-65123456', hours: '周一至周五 8:30–12:00，13:30–17:30' };
const SHOTS = process.env.PRINT_PNG;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let cookie = '';
let transferId = 0;
let requestId = 0;

async function call<T>(method: string, input: unknown): Promise<T> {
  const { result } = await callApi<T>(host, method, input, cookie);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

test.beforeAll(async () => {
  const opened = await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  cookie = opened.cookie!;
  await call('station.save', STATION);
  const { members } = await call<{ members: { id: number; idNumber: string }[] }>('members.list', { limit: 3 });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  transferId = (
    await call<{ id: number }>('transfers.create', { direction: 'out', letterNumber: LETTER, memberId: members[0].id, issuedOn: today, validDays: 15, duesPaidTo: '2026-02', toOrgName: '西城区展览路街道党工委' })
  ).id;
  const team = await call<{ id: number }>('teams.save', { teamName: '红色物业维修队', skill: 'repairs' });
  await call('volunteers.save', { memberId: members[1].id, teamId: team.id, phone: '13912345678' });
  await call('volunteers.save', { volunteerName: '郑建国', teamId: team.id, phone: '13700001111', skills: '水电维修' });
  await call('commitments.save', { memberId: members[2].id, year: Number(today.slice(0, 4)), commitment: `结对帮扶一户困难家庭，联系电话 13812345678，身份证 ${members[2].idNumber}` });
  const communities = await call<{ id: number }[]>('communities.list', {});
  const matters = await call<{ id: number; listClass: string }[]>('matters.list', {});
  const agency = matters.find((m) => m.listClass === 'agency')!;
  requestId = (await call<{ id: number }>('requests.accept', { communityId: communities[0].id, matterId: agency.id, residentName: '周桂兰', residentPhone: '13911112222' })).id;
});

/**
 * What a reader would find wrong with the sheets on screen (each sheet is one printed page): content
 * running past the bottom margin, a sheet opening with a subtotal or ending with a bare group heading.
 */
const SHEET_FAULTS = `(() => {
  const faults = [];
  document.querySelectorAll('.print-sheets > .sheet').forEach((sheet, i) => {
    const limit = sheet.getBoundingClientRect().bottom - parseFloat(getComputedStyle(sheet).paddingBottom);
    for (const part of sheet.children) {
      if (part.classList.contains('sheet-footer')) continue;
      const over = part.getBoundingClientRect().bottom - limit;
      if (over > 1) faults.push('sheet ' + (i + 1) + ': ' + part.className + ' runs ' + Math.round(over) + ' px past the margin');
    }
    const rows = sheet.querySelectorAll('.pt-table tbody > tr:not(.pt-group)');
    if (rows[0] && rows[0].classList.contains('pt-subtotal')) faults.push('sheet ' + (i + 1) + ' opens with a subtotal');
    const last = sheet.querySelector('.pt-table tbody > tr:last-child');
    if (last && last.classList.contains('pt-group')) faults.push('sheet ' + (i + 1) + ' ends with a bare heading');
    if (sheet.querySelector('.pt-end') && !sheet.querySelector('.pt-table')) faults.push('sheet ' + (i + 1) + ': the total stands alone');
  });
  return faults;
})()`;

/** Opens a print address, waits until every sheet is laid out, saves the PDF and returns its pages' text. */
async function printToText(page: Page, address: string, name: string): Promise<string[]> {
  await page.goto(new URL(address, host.url).toString());
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
  expect(await page.evaluate(SHEET_FAULTS), `${name}: sheets`).toEqual([]);
  const file = path.join(OUT, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  if (SHOTS) execFileSync('pdftoppm', ['-png', '-r', '110', file, path.join(SHOTS, name)]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Pages shown in the preview equal the pages of the PDF. */
async function sheets(page: Page): Promise<number> {
  return page.locator('.print-sheets > .sheet').count();
}

test('a long roster repeats its header on every page, numbers the pages, counts each branch and the total', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  const { total } = await call<{ total: number }>('members.list', { limit: 1 });
  const pages = await printToText(page, '/print/roster', 'roster');
  expect(pages.length).toBeGreaterThan(5);
  expect(await sheets(page)).toBe(pages.length);
  pages.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toMatch(/序号\s+姓名\s+性别\s+民族\s+出生日期/);
    expect(text, `page ${i + 1}`).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
    // A loose sheet says what it is.
    if (i > 0) expect(text, `page ${i + 1}`).toContain('党员花名册（续）');
  });
  const all = pages.join('\n');
  expect(pages[0]).toContain('党员花名册');
  expect(pages[0]).toContain('朝阳门街道');
  expect(all).toContain(`合计：${total} 人`);
  const subtotals = [...all.matchAll(/本组织小计：(\d+) 人/g)].map((m) => Number(m[1]));
  expect(subtotals.length).toBeGreaterThan(3);
  expect(subtotals.reduce((a, b) => a + b, 0)).toBe(total);
  expect(pages.at(-1)).toMatch(/制表人：[\s\S]*审核人：[\s\S]*制表日期：/);
  // The total comes with the last members, and the numbering runs through the whole list.
  expect(pages.at(-1)).toMatch(new RegExp(`\\n\\s*${total}\\s+\\S+\\s+[男女]`));
  // An internal roster prints full numbers.
  expect(all).toMatch(FULL_ID);
  // Official papers date in the Chinese form, and the roster is sealed by the reporting unit.
  expect(all).not.toMatch(ISO_DATE);
  expect(all).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  expect(pages.at(-1)).toContain('填报单位（盖章）');
  // Rows of one line: about 25 members a sheet of A4 landscape (750 members on ≤ 30 sheets).
  expect(pages.length).toBeLessThanOrEqual(Math.ceil(total / 25));
});

test('the members page prints the standard roster columns with its filter, and the columns picked in the preview', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '党员信息' }).click();
  const print = page.getByRole('button', { name: '打印花名册' });
  await expect(print).toBeVisible({ timeout: 30_000 });
  // The grid's filter goes to paper: members named 王.
  await page.getByPlaceholder('姓名、拼音首字母、身份证号或电话').fill('王');
  const { total } = await call<{ total: number }>('members.list', { query: '王', limit: 1 });
  await expect(page.getByText(`共 ${total} 名党员`)).toBeVisible({ timeout: 30_000 });
  await print.click();
  const started = Date.now();
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
  console.log(`roster of ${total} members laid out in ${Date.now() - started} ms`);
  await expect(page.locator('.doc-meta').first()).toContainText(`共 ${total} 人`);
  const header = await page.locator('.print-sheets > .sheet').first().locator('thead th').allInnerTexts();
  expect(header).toEqual(['序号', '姓名', '性别', '民族', '出生日期', '学历', '人员类别', '入党日期', '转正日期', '公民身份号码', '联系电话', '家庭住址']);
  // A column picked above the sheets is added to the standard ones, and the paper is laid out again.
  await page.getByRole('combobox', { name: '加印列：' }).fill('工作单位');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.locator('.print-sheets > .sheet').first().locator('thead th').last()).toHaveText('工作单位');
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
});

test('the preview\'s own buttons print no tooltip and the page keeps its full width', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(new URL('/print/roster', host.url).toString());
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
  await page.getByRole('button', { name: '保存 PDF' }).hover();
  await expect(page.getByRole('tooltip')).toContainText('本文书含个人信息');
  // The PDF as the app makes it, with the pointer still on the button.
  const file = path.join(OUT, 'roster-hovered.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  if (SHOTS) execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', file, path.join(SHOTS, 'roster-hovered')]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).not.toContain('本文书含个人信息');
  // Full width: A4 landscape, and page 1's text reaches the right margin (12 mm of 297), not 70 % across.
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  expect(Number(width)).toBeCloseTo(842, 0);
  expect(Number(height)).toBeCloseTo(595, 0);
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  const right = Math.max(...[...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
  const left = Math.min(...[...bbox.matchAll(/xMin="([\d.]+)"/g)].map((m) => Number(m[1])));
  expect(right).toBeGreaterThan(842 * 0.9);
  expect(left).toBeLessThan(842 * 0.08);
});

test('the roster for one organization and the columns picked', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  const org = (await call<{ id: number; name: string; level: string }[]>('orgs.tree', {})).find((o) => o.level === 'community_committee')!;
  const { total } = await call<{ total: number }>('members.list', { orgId: org.id, limit: 1 });
  const pages = await printToText(page, `/print/roster?org=${org.id}&cols=name,sex,phone`, 'roster-org');
  const all = pages.join('\n');
  expect(all).toContain(`填报单位：${org.name}`);
  expect(all).toContain(`合计：${total} 人`);
  expect(pages[0]).toMatch(/姓名\s+性别\s+联系电话/);
  expect(all).not.toContain('公民身份号码');
});

test('the three-lists board has its three sections, the station contacts, and prints on A3', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  const pages = await printToText(page, '/print/three-lists', 'three-lists');
  const all = pages.join('\n');
  const at = (s: string) => all.indexOf(s);
  expect(at('即办事项')).toBeGreaterThan(-1);
  expect(at('代办事项')).toBeGreaterThan(at('即办事项'));
  expect(at('指导事项')).toBeGreaterThan(at('代办事项'));
  expect(all).toContain('三张清单公示');
  expect(all).toMatch(/服务热线：\s*010-65123456/);
  expect(all).toContain('朝阳门南小街');
  expect(all).toMatch(/办公时间：\s*周一至周五/);
  // Each sheet goes on the wall by itself: every foot carries the hotline.
  pages.forEach((text, i) => expect(text, `page ${i + 1}`).toMatch(new RegExp(`服务热线：010-65123456\\s+第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`)));
  // Legible from 2 m: body type of 20 pt at least on A3, the hotline larger still.
  const pt = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => {
        const view = globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } };
        return (parseFloat(view.getComputedStyle(el).fontSize) * 72) / 96;
      });
  expect(await pt('.sheet.doc-three-lists .pt-table tbody td')).toBeGreaterThanOrEqual(20);
  expect(await pt('.sheet.doc-three-lists .station-hotline')).toBeGreaterThanOrEqual(28);
  expect(await pt('.sheet.doc-three-lists .sheet-footer')).toBeGreaterThanOrEqual(16);
  // A3 portrait: 297 × 420 mm = 842 × 1191 pt.
  const info = execFileSync('pdfinfo', [path.join(OUT, 'three-lists.pdf')], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:.*\(A3\)/);
});

test('the three-lists board also prints on A4', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  const all = (await printToText(page, '/print/three-lists?paper=A4', 'three-lists-a4')).join('\n');
  for (const section of ['即办事项', '代办事项', '指导事项']) expect(all).toContain(section);
  const info = execFileSync('pdfinfo', [path.join(OUT, 'three-lists-a4.pdf')], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:.*\(A4\)/);
});

test('no public board shows a full phone or ID number', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  for (const kind of ['volunteers', 'commitments', 'probationary']) {
    const all = (await printToText(page, `/print/board?kind=${kind}`, `board-${kind}`)).join('\n');
    expect(all, kind).not.toMatch(FULL_MOBILE);
    expect(all, kind).not.toMatch(FULL_ID);
    expect(all, kind).toContain('部分隐藏');
    // Where to send comments during the notice period.
    expect(all, kind).toContain('联系电话：010-65123456');
    if (kind === 'volunteers') {
      // On A3 for the wall: legible from 2 m.
      await printToText(page, `/print/board?kind=${kind}&paper=A3`, `board-${kind}-a3`);
      const body = await page
        .locator('.sheet.doc-board .pt-table tbody td')
        .first()
        .evaluate((el) => parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize));
      expect((body * 72) / 96).toBeGreaterThanOrEqual(20);
      expect(execFileSync('pdfinfo', [path.join(OUT, `board-${kind}-a3.pdf`)], { encoding: 'utf8' })).toMatch(/Page size:.*\(A3\)/);
      expect(all).toContain('139****5678');
      expect(all).toContain('服务领域：维修');
    }
    if (kind === 'probationary') expect(all.replace(/\s+/g, '')).toMatch(/公示期：\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日（5个工作日）/);
    if (kind === 'commitments') {
      expect(all).toContain('138****5678');
      expect(all.replace(/\s+/g, '')).toMatch(/\d{4}年度党员承诺公示/);
    }
  }
});

test('the introduction letter: one number on stub, letter and receipt, validity in formal numerals, a reprint marked', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  const first = (await printToText(page, `/print/letter?transfer=${transferId}`, 'letter')).join('\n');
  expect(first.split(LETTER).length - 1).toBe(3);
  expect(first).toContain('存根');
  expect(first).toContain('回执');
  expect(first).toContain('壹拾伍天');
  expect(first).toContain('贰零贰陆年贰月');
  expect(first).toContain('010-65123456');
  expect(first).toContain('100010');
  expect(first).not.toContain('补打');

  // Printing from the preview is recorded; the browser's own dialog is not part of the test.
  await page.evaluate('window.print = () => undefined');
  await page.getByRole('button', { name: '打印' }).click();
  await expect.poll(async () => (await call<{ total: number }>('audit.list', { action: 'print.record' })).total).toBe(1);
  const { entries } = await call<{ entries: { entity: string; entityId: string; after: Record<string, unknown> }[] }>('audit.list', { action: 'print.record' });
  expect(entries[0]).toMatchObject({ entity: 'transfer', entityId: String(transferId), after: { doc: 'letter', action: 'print', records: 1 } });

  const again = (await printToText(page, `/print/letter?transfer=${transferId}`, 'letter-reprint')).join('\n');
  // Each part travels on its own once cut: each is marked.
  expect(again.split('补打件（第 2 次打印）').length - 1).toBe(3);
  expect(again.split(LETTER).length - 1).toBe(3);
});

test('saving the roster as PDF is recorded with the number of records', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  const { total } = await call<{ total: number }>('members.list', { limit: 1 });
  await page.goto(new URL('/print/roster', host.url).toString());
  await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
  await page.evaluate('window.print = () => undefined');
  await page.getByRole('button', { name: '保存 PDF' }).click();
  await expect
    .poll(async () => (await call<{ entries: { after: Record<string, unknown> }[] }>('audit.list', { action: 'print.record' })).entries.find((e) => e.after.doc === 'roster'))
    .toMatchObject({ after: { doc: 'roster', action: 'pdf', records: total } });
});

test('the request slip names the matter, the due date and the counter phone', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  const request = await call<{ request: { number: string; dueOn: string; matterName: string } }>('requests.get', { id: requestId });
  const all = (await printToText(page, `/print/slip?request=${requestId}`, 'slip')).join('\n');
  expect(all).toContain(request.request.number);
  expect(all).toContain(request.request.matterName.slice(0, 6));
  const chinese = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
  expect(all).toContain(chinese(request.request.dueOn));
  expect(all).not.toMatch(ISO_DATE);
  expect(all).toContain('010-65123456');
  expect(all).toMatch(/受理人\s+\S+/);
});

test('a paper missing station settings says so in the preview, offers to fill them in, and prints no clerk\'s instruction', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await call('station.save', { stationName: '', address: '', postcode: '', phone: '', hours: '' });
  try {
    for (const [address, name] of [
      ['/print/three-lists', 'three-lists-unset'],
      [`/print/slip?request=${requestId}`, 'slip-unset'],
      [`/print/letter?transfer=${transferId}`, 'letter-unset'],
      ['/print/board?kind=volunteers', 'board-unset'],
    ]) {
      const all = (await printToText(page, address, name)).join('\n');
      expect(all, name).not.toMatch(CLERK_TEXT);
      await expect(page.locator('.print-notice'), name).toContainText('这份文书缺少：');
      await expect(page.locator('.print-notice'), name).toContainText('联系电话 / 服务热线');
    }
    // Printing anyway asks first, naming what will be left blank; cancelled, nothing is printed or logged.
    const printed = (await call<{ total: number }>('audit.list', { action: 'print.record' })).total;
    await page.evaluate('window.print = () => undefined');
    await page.getByRole('button', { name: '打印' }).click();
    const ask = page.getByRole('dialog').filter({ hasText: '仍要输出这份文书吗？' });
    await expect(ask).toContainText('联系电话 / 服务热线');
    await ask.getByRole('button', { name: '取消' }).click();
    await expect(ask).toBeHidden();
    expect((await call<{ total: number }>('audit.list', { action: 'print.record' })).total).toBe(printed);
    // The wall board: fill in what is missing from the preview, and the paper carries it.
    await page.goto(new URL('/print/three-lists', host.url).toString());
    await expect(page.locator('.print-notice')).toContainText('服务站地址、联系电话 / 服务热线、办公时间');
    await page.getByRole('button', { name: '现在填写' }).click();
    const dialog = page.getByRole('dialog', { name: '填写服务站信息' });
    await dialog.getByLabel('地址').fill(STATION.address);
    await dialog.getByLabel('联系电话 / 服务热线').fill(STATION.phone);
    await dialog.getByRole('button', { name: '保存' }).click();
    // One left empty is named under its field, and nothing is saved half-way.
    await expect(dialog).toContainText('请填写办公时间');
    expect((await call<{ address: string }>('station.get', {})).address).toBe('');
    await dialog.getByLabel('办公时间').fill(STATION.hours);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.print-notice')).toHaveCount(0);
    await expect(page.locator('html[data-print-ready]')).toBeAttached({ timeout: 90_000 });
    await expect(page.locator('.station-block')).toContainText('010-65123456');
    const saved = await call<{ address: string; phone: string; hours: string }>('station.get', {});
    expect(saved).toMatchObject({ address: STATION.address, phone: STATION.phone, hours: STATION.hours });
  } finally {
    await call('station.save', STATION);
  }
});
