// 党员信息 over a seeded street of 3,000 members: the total, a branch picked in the tree, a search by
// pinyin initials, sorting by 入党日期 in the core, and a hidden column that stays hidden after a reload;
// then 组织架构 refusing to close a branch that still has members, in the core's words.
import { pinyin } from 'pinyin-pro';
import type { Locator, Page } from '@playwright/test';
import { ADMIN, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';

const host = useHost({ seedMembers: 3000 });

test.describe.configure({ mode: 'serial' });

failOnConsoleErrors();

const statusBar = (page: Page) => page.locator('.members-status-bar');
/** The organization tree's rows, root first (antd keeps a hidden measuring row that has no .org-node). */
const treeRows = (page: Page) => page.locator('.org-tree .ant-tree-treenode:has(.org-node)');
/** The cells of one column among the rows the grid has rendered. */
const columnCells = (page: Page, colId: string): Locator => page.getByRole('gridcell').and(page.locator(`[col-id="${colId}"]`));

/** The total in the status bar once it is current (not greyed while new filters are being answered). */
async function totalShown(page: Page): Promise<number> {
  const total = statusBar(page).locator('.members-total:not(.stale)');
  const text = (await total.count()) ? ((await total.textContent()) ?? '') : '';
  const match = /共 (\d+) 名党员/.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

async function openMembers(page: Page): Promise<void> {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '党员信息' }).click();
  await expect(statusBar(page)).toContainText('共 3000 名党员');
}

function namePinyin(name: string): { initials: string; full: string } {
  const options = { toneType: 'none', type: 'array', surname: 'head', v: true } as const;
  const clean = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z]/g, '');
  return { initials: clean(pinyin(name, { ...options, pattern: 'first' })), full: clean(pinyin(name, options)) };
}

test('the grid shows the whole street, then the members of a branch picked in the tree', async ({ page }) => {
  await openMembers(page);
  await expect(columnCells(page, 'name').first()).not.toBeEmpty();
  await expect(page.getByRole('columnheader', { name: '公民身份号码' })).toBeVisible();

  // Open the first community committee and pick its first branch: the count follows the tree's.
  const community = treeRows(page).nth(1);
  await community.locator('.ant-tree-switcher').click();
  const branch = treeRows(page).nth(2);
  const branchName = (await branch.locator('.org-node-name').textContent())!;
  const branchCount = Number(await branch.locator('.org-node-count').textContent());
  await branch.locator('.org-node').click();
  await expect(statusBar(page)).toContainText(`共 ${branchCount} 名党员`);
  await expect(statusBar(page)).toContainText(branchName);
  expect(branchCount).toBeGreaterThan(0);
  expect(branchCount).toBeLessThan(3000);
  await expect(columnCells(page, 'branch').first()).not.toBeEmpty();
  // The branch cell says which community the branch is in (every community has a 第1网格党支部).
  const cells = async () => new Set((await columnCells(page, 'branch').allTextContents()).map((t) => t.split(' · ')[0]));
  await expect.poll(cells).toEqual(new Set([branchName]));
  await expect(columnCells(page, 'branch').first()).toContainText(' · ');
  // 所在社区 is there to be shown from the column chooser.
  await page.getByRole('button', { name: /显示列/ }).click();
  await expect(page.getByRole('dialog', { name: '显示列' }).getByRole('checkbox', { name: '所在社区' })).not.toBeChecked();
});

test('typing pinyin initials narrows the rows to names that match', async ({ page }) => {
  await openMembers(page);
  const firstName = (await columnCells(page, 'name').first().textContent())!;
  const typed = namePinyin(firstName).initials.slice(0, 2);
  await page.getByPlaceholder('姓名、拼音首字母、身份证号或电话').fill(typed);
  await expect.poll(() => totalShown(page)).toBeLessThan(3000);
  expect(await totalShown(page)).toBeGreaterThan(0);
  const matches = (name: string) => {
    const { initials, full } = namePinyin(name);
    return initials.startsWith(typed) || full.startsWith(typed);
  };
  await expect.poll(async () => (await columnCells(page, 'name').allTextContents()).filter((name) => !matches(name))).toEqual([]);
  const names = await columnCells(page, 'name').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  expect(names).toContain(firstName);

  // An ID number prefix finds members by ID; nothing at all shows the empty state.
  await page.getByPlaceholder('姓名、拼音首字母、身份证号或电话').fill('zzzzzz');
  await expect(statusBar(page)).toContainText('共 0 名党员');
  await expect(page.getByText('没有符合条件的党员')).toBeVisible();
});

test('sorting by 入党日期 orders the rows, ascending then descending', async ({ page }) => {
  await openMembers(page);
  const header = page.getByRole('columnheader', { name: '入党日期' });
  const dates = async () => (await columnCells(page, 'joinDate').allTextContents()).filter((d) => d !== '');
  // Only a screenful of rows counts: an empty grid (still loading) is not "sorted".
  const isSorted = (values: string[], dir: 1 | -1) => values.length > 5 && values.every((v, i) => i === 0 || dir * v.localeCompare(values[i - 1]) >= 0);

  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(async () => isSorted(await dates(), 1)).toBe(true);
  const ascending = await dates();

  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => isSorted(await dates(), -1)).toBe(true);
  const descending = await dates();
  expect(descending[0] >= ascending[ascending.length - 1]).toBe(true);

  // A column the core cannot sort by does not offer sorting.
  await page.getByRole('columnheader', { name: '工作岗位' }).click();
  await expect(page.getByRole('columnheader', { name: '工作岗位' })).not.toHaveAttribute('aria-sort', /ascending|descending/);
  await expect(header).toHaveAttribute('aria-sort', 'descending');
});

test('a column hidden in the chooser stays hidden after a reload, on another computer too, and layouts can be named', async ({ page }) => {
  await openMembers(page);
  await expect(page.getByRole('columnheader', { name: '民族' })).toBeVisible();
  await page.getByRole('button', { name: '显示列' }).click();
  const chooser = page.getByRole('dialog', { name: '显示列' });
  await chooser.getByLabel('民族').uncheck();
  await expect(page.getByRole('columnheader', { name: '民族' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(statusBar(page)).toContainText('共 3000 名党员');
  await expect(page.getByRole('columnheader', { name: '姓名' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '民族' })).toHaveCount(0);

  // The layout is the user's, kept in the database: a computer that never saw it shows it too.
  await page.evaluate(() => (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear());
  await page.reload();
  await expect(statusBar(page)).toContainText('共 3000 名党员');
  await expect(page.getByRole('columnheader', { name: '姓名' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '民族' })).toHaveCount(0);

  // Saved under a name, then everything shown, then the named layout applied again.
  await page.getByRole('button', { name: '显示列' }).click();
  const chooser2 = page.getByRole('dialog', { name: '显示列' });
  await chooser2.getByPlaceholder('为当前布局起个名字').fill('不看民族');
  await chooser2.getByRole('button', { name: '保存布局' }).click();
  await expect(chooser2.getByText('不看民族')).toBeVisible();
  await chooser2.getByRole('button', { name: '全部显示' }).click();
  await expect(page.getByRole('columnheader', { name: '民族' })).toBeVisible();
  await chooser2.getByText('不看民族').click();
  await expect(page.getByRole('columnheader', { name: '民族' })).toHaveCount(0);
  await chooser2.getByRole('button', { name: '全部显示' }).click();
  await expect(page.getByRole('columnheader', { name: '民族' })).toBeVisible();
});

test('a branch that still has members cannot be closed, and the page says why', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '组织架构' }).click();
  const community = treeRows(page).nth(1);
  await community.locator('.ant-tree-switcher').click();
  const branch = treeRows(page).nth(2);
  const count = (await branch.locator('.org-node-count').textContent())!.split('/')[1];
  await branch.locator('.org-node').click();
  await page.getByRole('button', { name: '撤销' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('撤销原因').fill('网格调整');
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '撤销' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`该组织（含下级）还有 ${count} 名党员，请先转出或调整后再撤销`);
});
