// Working in the members grid as in a spreadsheet: a valid edit is saved at once, an invalid ID number is
// refused with its reason and nothing is stored, Ctrl+Z / Ctrl+Y undo and redo, a block pasted from
// Excel fills down and right and adds new members past the end (a bad cell never blocking the good
// ones), a blank row becomes a member, a member leaves the roll, and the view exports to a file that
// reads back.
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { citizenIdCheckDigit } from '../../src/shared/validators/citizen-id';
import type { MemberRow } from '../../src/shared/api/contract';
import { ADMIN, callApi, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';

const host = useHost({ seedMembers: 300 });

test.describe.configure({ mode: 'serial' });

failOnConsoleErrors();

const statusBar = (page: Page) => page.locator('.members-status-bar');
const notice = (page: Page) => page.locator('.members-edit-notice');
const cell = (page: Page, row: number, colId: string) => page.locator(`.ag-row:not(.ag-row-pinned)[row-index="${row}"] .ag-cell[col-id="${colId}"]`).first();
const draftCell = (page: Page, colId: string, nth = 0) => page.locator(`.ag-row.ag-row-pinned`).nth(nth).locator(`.ag-cell[col-id="${colId}"]`);

/** A valid 18-digit ID number for a birth date and a sequence (odd: male, even: female). */
function idNumber(birth: string, seq: number): string {
  const first17 = `110105${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + citizenIdCheckDigit(first17);
}

let cookie = '';
async function call<T>(method: string, input: unknown): Promise<T> {
  if (!cookie) {
    const login = await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    cookie = login.cookie!;
  }
  const { result } = await callApi<T>(host, method, input, cookie);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function member(id: number): Promise<MemberRow> {
  return (await call<{ member: MemberRow }>('members.get', { id })).member;
}

async function openMembers(page: Page): Promise<void> {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '党员信息' }).click();
  // The tests of this file add members as they go: the count is the archive's at the time.
  const { total } = await call<{ total: number }>('members.list', { limit: 1 });
  await expect(statusBar(page)).toContainText(`共 ${total} 名党员`);
}

/** Narrows the grid to one member by ID number. */
async function findOne(page: Page, m: MemberRow): Promise<void> {
  await page.getByPlaceholder('姓名、拼音首字母、身份证号或电话').fill(m.idNumber);
  await expect(statusBar(page).locator('.members-total:not(.stale)')).toHaveText('共 1 名党员');
  await expect(cell(page, 0, 'name')).toHaveText(m.name);
}

/** Moves the focus right from the name cell until the given column (the grid scrolls it into view). */
async function focusColumn(page: Page, row: number, colId: string): Promise<void> {
  await cell(page, row, 'name').click();
  for (let i = 0; i < 40; i++) {
    if ((await page.locator('.ag-cell-focus').first().getAttribute('col-id')) === colId) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`column ${colId} not reached`);
}

/** Puts text on the clipboard and pastes it with Ctrl+V, as a clerk does after copying from Excel. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });
  // The focused cell keeps the focus: writing the clipboard needs no element of its own.
  // (The tests are type-checked for Node: the page's clipboard is reached through globalThis.)
  await page.evaluate((t) => (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

test('a valid edit is saved at once; an invalid ID number is refused with its reason and nothing is stored', async ({ page }) => {
  const [target] = (await call<{ members: MemberRow[] }>('members.list', { limit: 1, sort: [{ field: 'name', dir: 'asc' }] })).members;
  await openMembers(page);
  await findOne(page, target);

  await focusColumn(page, 0, 'phone');
  await page.keyboard.type('13912345678');
  await page.keyboard.press('Enter');
  await expect(cell(page, 0, 'phone')).toHaveText('13912345678');
  await expect.poll(async () => (await member(target.id)).phone).toBe('13912345678');

  // The check digit is off by one: the cell keeps what was typed, marked, and says why.
  const wrong = target.idNumber.slice(0, 17) + (target.idNumber[17] === '0' ? '1' : '0');
  await focusColumn(page, 0, 'idNumber');
  await page.keyboard.type(wrong);
  await page.keyboard.press('Enter');
  await expect(cell(page, 0, 'idNumber')).toHaveClass(/cell-invalid/);
  await expect(cell(page, 0, 'idNumber')).toHaveText(wrong);
  await expect(notice(page)).toContainText('公民身份号码');
  await expect(notice(page)).toContainText('校验码');
  await expect(statusBar(page)).toContainText('1 个单元格待修正');
  expect((await member(target.id)).idNumber).toBe(target.idNumber);

  // Ctrl+Z on the refused cell brings back what is stored.
  await cell(page, 0, 'idNumber').click();
  await page.keyboard.press('Control+Z');
  await expect(cell(page, 0, 'idNumber')).toHaveText(target.idNumber);
  await expect(cell(page, 0, 'idNumber')).not.toHaveClass(/cell-invalid/);
});

test('Ctrl+Z undoes a saved edit and Ctrl+Y redoes it, in the archive too', async ({ page }) => {
  const [target] = (await call<{ members: MemberRow[] }>('members.list', { limit: 1, offset: 5, sort: [{ field: 'name', dir: 'asc' }] })).members;
  await openMembers(page);
  await findOne(page, target);

  await cell(page, 0, 'name').dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(`${target.name}改`);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await member(target.id)).name).toBe(`${target.name}改`);

  await cell(page, 0, 'name').click();
  await page.keyboard.press('Control+Z');
  await expect(cell(page, 0, 'name')).toHaveText(target.name);
  await expect.poll(async () => (await member(target.id)).name).toBe(target.name);

  await page.keyboard.press('Control+Y');
  await expect(cell(page, 0, 'name')).toHaveText(`${target.name}改`);
  await expect.poll(async () => (await member(target.id)).name).toBe(`${target.name}改`);
});

test('a block pasted from Excel fills down and right, adds members past the end, and a bad cell blocks nothing else', async ({ page }) => {
  await openMembers(page);
  // A branch of the tree: new rows past the end join it.
  const community = page.locator('.org-tree .ant-tree-treenode:has(.org-node)').nth(1);
  await community.locator('.ant-tree-switcher').click();
  const branch = page.locator('.org-tree .ant-tree-treenode:has(.org-node)').nth(2);
  const count = Number(await branch.locator('.org-node-count').textContent());
  await branch.locator('.org-node').click();
  await expect(statusBar(page).locator('.members-total:not(.stale)')).toHaveText(`共 ${count} 名党员`);

  const last = count - 1;
  await expect(cell(page, last, 'name')).not.toBeEmpty();
  const lastName = (await cell(page, last, 'name').textContent())!;
  const lastSex = (await cell(page, last, 'sex').textContent())!;
  const lastId = (await cell(page, last, 'idNumber').textContent())!;
  const newId = idNumber('1990-03-15', 11);
  const badId = idNumber('1991-04-16', 22).slice(0, 17) + 'Y';
  const block = [
    [lastName, lastSex, '回族', lastId],
    ['赵新党', '男', '汉族', newId],
    ['钱新党', '女', '汉族', badId],
  ]
    .map((r) => r.join('\t'))
    .join('\r\n');
  await cell(page, last, 'name').click();
  await pasteText(page, `${block}\r\n`);

  await expect(notice(page)).toContainText('已粘贴 3 行');
  await expect(cell(page, last, 'ethnicity')).toHaveText('回族');
  await expect(statusBar(page).locator('.members-total:not(.stale)')).toHaveText(`共 ${count + 1} 名党员`);
  // The bad row waits under the grid with its ID number marked; its good cells are kept.
  await expect(draftCell(page, 'name')).toHaveText('钱新党');
  await expect(draftCell(page, 'idNumber')).toHaveClass(/cell-invalid/);
  const added = (await call<{ members: MemberRow[] }>('members.list', { query: newId })).members;
  expect(added.map((m) => [m.name, m.sex, m.birthDate])).toEqual([['赵新党', 1, '1990-03-15']]);

  // Fixing the ID number of the waiting row adds it too.
  const fixed = idNumber('1991-04-16', 22);
  await draftCell(page, 'idNumber').dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(fixed);
  await page.keyboard.press('Enter');
  await expect(page.locator('.ag-row.ag-row-pinned')).toHaveCount(0);
  await expect(statusBar(page).locator('.members-total:not(.stale)')).toHaveText(`共 ${count + 2} 名党员`);
  expect((await call<{ members: MemberRow[] }>('members.list', { query: fixed })).members.map((m) => m.name)).toEqual(['钱新党']);
});

test('a blank row becomes a member once name and ID number are in; the member can leave the roll with a reason', async ({ page }) => {
  // Many steps on a shared machine: the record, the suspension, then leaving.
  test.setTimeout(150_000);
  await openMembers(page);
  await page.getByRole('button', { name: '新增空行' }).click();
  await expect(notice(page)).toContainText('请先在左侧组织树中选择');

  const community = page.locator('.org-tree .ant-tree-treenode:has(.org-node)').nth(1);
  await community.locator('.ant-tree-switcher').click();
  await page.locator('.org-tree .ant-tree-treenode:has(.org-node)').nth(2).locator('.org-node').click();
  await page.getByRole('button', { name: '新增空行' }).click();
  await expect(draftCell(page, 'name')).toHaveClass(/cell-required/);
  await draftCell(page, 'name').dblclick();
  await page.keyboard.type('孙空行');
  await page.keyboard.press('Enter');
  const id = idNumber('1985-07-01', 35);
  await draftCell(page, 'idNumber').dblclick();
  await page.keyboard.type(id);
  await page.keyboard.press('Enter');
  await expect(page.locator('.ag-row.ag-row-pinned')).toHaveCount(0);
  const [created] = (await call<{ members: MemberRow[] }>('members.list', { query: id })).members;
  expect(created.name).toBe('孙空行');

  // Open the record from the row number, then leave the roll from it: a reason is required.
  await page.getByPlaceholder('姓名、拼音首字母、身份证号或电话').fill(id);
  await expect(statusBar(page).locator('.members-total:not(.stale)')).toHaveText('共 1 名党员');
  await cell(page, 0, '__rowNumber').click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer).toContainText('孙空行');
  await expect(drawer).toContainText(id);
  await drawer.getByRole('tab', { name: /变动记录/ }).click();
  await expect(drawer).toContainText('录入');
  await drawer.getByRole('button', { name: '减少/停止党籍' }).click();
  const dialog = page.getByRole('dialog', { name: /党员减少或停止党籍/ });
  // The Party's own terms: 组织关系转出, 死亡, 出党 (with its kind) and 停止党籍; no 出党/减少 for a death.
  const kinds = dialog.locator('.ant-radio-button-wrapper');
  await expect(kinds).toHaveText(['组织关系转出', '死亡', '出党', '停止党籍']);
  await expect(page.getByText('出党/减少')).toHaveCount(0);
  await dialog.getByRole('button', { name: '确认转入历史' }).click();
  await expect(dialog).toContainText('类别');
  expect((await member(created.id)).status).toBe('active');

  // 停止党籍 keeps the member on the roll, suspended; the same dialog then offers 恢复党籍.
  await dialog.getByText('停止党籍', { exact: true }).click();
  await dialog.getByRole('button', { name: '确认停止党籍' }).click();
  await expect(dialog).toBeHidden();
  expect(await member(created.id)).toMatchObject({ status: 'active', standing: 'suspended' });
  await cell(page, 0, '__rowNumber').click();
  await drawer.getByRole('button', { name: '减少/停止党籍' }).click();
  await expect(kinds).toHaveText(['组织关系转出', '死亡', '出党', '恢复党籍']);

  // 出党 asks how; 死亡 is a word of its own.
  await dialog.getByText('出党', { exact: true }).click();
  await dialog.getByRole('button', { name: '确认转入历史' }).click();
  await expect(dialog).toContainText('请选择出党方式');
  await dialog.getByText('死亡', { exact: true }).click();
  await dialog.getByRole('button', { name: '确认转入历史' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusBar(page).locator('.members-total:not(.stale)')).toHaveText('共 0 名党员');
  const after = await call<{ member: MemberRow; leftReason: string }>('members.get', { id: created.id });
  expect([after.member.status, after.leftReason]).toEqual(['history', 'death']);

  // The record is kept: 历史名册 shows it with the day and the reason, and nothing there can be edited.
  await page.getByText('历史名册', { exact: true }).click();
  await expect(statusBar(page).locator('.members-total:not(.stale)')).toHaveText('历史名册共 1 人');
  await expect(page.getByRole('columnheader', { name: '离开日期' })).toBeVisible();
  await expect(cell(page, 0, 'leftReason')).toHaveText('死亡');
  await expect(cell(page, 0, 'leftOn')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(cell(page, 0, 'name')).toHaveText('孙空行');
  await expect(page.getByRole('button', { name: '新增空行' })).toHaveCount(0);
  await cell(page, 0, 'sex').dblclick();
  await expect(page.locator('.ag-cell-inline-editing')).toHaveCount(0);
  await page.getByText('在册党员', { exact: true }).click();
  await expect(statusBar(page).locator('.members-total:not(.stale)')).toHaveText('共 0 名党员');
});

test('the view exports to Excel with its filters and columns, and the file reads back', async ({ page }) => {
  await openMembers(page);
  await page.getByRole('combobox', { name: '人员类别' }).click();
  await page.getByTitle('预备党员').click();
  await expect(statusBar(page).locator('.members-total:not(.stale)')).not.toContainText('共 300');
  const total = Number(/共 (\d+) 名党员/.exec((await statusBar(page).locator('.members-total:not(.stale)').textContent())!)![1]);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/党员名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const header = rows.findIndex((r) => r.includes('姓名'));
  expect(header).toBeGreaterThan(-1);
  const body = rows.slice(header + 1);
  expect(body).toHaveLength(total);
  const category = rows[header].indexOf('人员类别');
  expect(new Set(body.map((r) => r[category]))).toEqual(new Set(['预备党员']));
  // ID numbers stay text: all 18 characters, none turned into a number.
  const idColumn = rows[header].indexOf('公民身份号码');
  expect(body.every((r) => typeof r[idColumn] === 'string' && (r[idColumn] as string).length === 18)).toBe(true);
});
