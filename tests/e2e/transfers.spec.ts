// 组织关系转接 as the clerks work it: an out letter for a member is open with ten days left, the member
// reports, the receipt comes back, and the letter is closed with the member gone from the active roll.
// An incoming letter with a mistyped ID number is refused under the field; a viewer can only look.
import type { Page } from '@playwright/test';
import { ADMIN, STREET, callApi, createUser, expect, initialize, login, logout, test } from './fixtures';
import { useHostInTimeZone } from './host-time-zone';

const host = useHostInTimeZone('Asia/Shanghai');
const VIEWER = { username: 'chakan', displayName: '刘畅', password: 'Chakan2026' };
const LI_SI = { name: '李四', idNumber: '370101190102039973', category: '正式党员', joinDate: '1950-07-01', fullDate: '1951-07-01' };
// The street's own prefix (a street setting): the letter is numbered by the program, the first of the year.
const PREFIX = '朝组转';
const LETTER = `${PREFIX}〔${new Date().getFullYear()}〕001号`;
const OUTSIDE = '西城区展览路街道党工委';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let adminCookie = '';

async function call<T>(method: string, input: unknown): Promise<T> {
  const { result } = await callApi<T>(host, method, input, adminCookie);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

test.beforeAll(async () => {
  adminCookie = await initialize(host);
  await createUser(host, adminCookie, { ...VIEWER, role: 'viewer' });
  await call('street.update', { ...STREET, letterPrefix: PREFIX });
  const root = (await call<{ id: number; parentId: number | null }[]>('orgs.tree', {})).find((o) => o.parentId === null)!;
  const branch = await call<{ id: number }>('orgs.create', { parentId: root.id, name: '第一网格党支部', level: 'branch' });
  await call('orgs.create', { parentId: root.id, name: '第二网格党支部', level: 'branch' });
  await call('members.create', { orgId: branch.id, fields: LI_SI });
});

/** The 办理 menu of a row, once open. */
const stepMenu = (page: Page) => page.locator('.ant-dropdown:visible');
const letterRow = (page: Page) => page.locator('.transfer-table tr.ant-table-row', { hasText: LETTER });

async function openTransfers(page: Page, username: string, password: string): Promise<void> {
  await login(page, host, username, password);
  await page.getByRole('menuitem', { name: '组织关系转接' }).click();
  await expect(page.getByRole('heading', { name: '组织关系转接' })).toBeVisible();
}

test('an out letter: open with 10 days left, reported, receipt back, closed and the member off the roll', async ({ page }) => {
  await openTransfers(page, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: '新建介绍信' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('radio', { name: '转出本街道' })).toBeChecked();

  // The member is found by pinyin initials.
  await dialog.getByLabel('党员', { exact: true }).fill('ls');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: LI_SI.name }).click();
  await expect(dialog.locator('.ant-form-item', { hasText: '转出组织' }).first()).toContainText('第一网格党支部');
  await dialog.getByLabel('转入组织（本街道以外）').fill(OUTSIDE);
  // Nothing from another street: the number shown is this street's next one, the names' examples neutral.
  const letterNumber = dialog.getByLabel('介绍信编号');
  await expect(letterNumber).toHaveAttribute('placeholder', `自动编号：${LETTER}`);
  await expect(dialog.getByLabel('转入组织（本街道以外）')).toHaveAttribute('placeholder', /××区××街道党工委/);
  await expect(dialog.locator('input[placeholder*="展览路"], input[placeholder*="朝阳门"]')).toHaveCount(0);
  await expect(dialog.getByLabel('有效期')).toHaveValue('10');
  // 党费交至 is required on an outgoing letter, said under the field.
  await dialog.getByRole('button', { name: '开具' }).click();
  await expect(dialog.locator('.ant-form-item', { hasText: '党费交至' }).first()).toContainText('转出介绍信须填写党费交至的年月');
  const dues = dialog.getByLabel('党费交至');
  await dues.click();
  await page.locator('.ant-picker-dropdown:visible .ant-picker-cell-inner', { hasText: new RegExp(`^${new Date().getMonth() + 1}月$`) }).click();
  await expect(dues).toHaveValue(new Date().toISOString().slice(0, 7));
  await dialog.getByRole('button', { name: '开具' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText(`已开具介绍信 ${LETTER}`);

  await page.getByRole('tab', { name: /未办结/ }).click();
  const row = letterRow(page);
  await expect(row).toContainText(LI_SI.name);
  await expect(row).toContainText(LI_SI.idNumber);
  await expect(row).toContainText('转出');
  await expect(row).toContainText('剩余 10 天');
  await expect(row).toContainText('已开具');
  await expect(row).toContainText(OUTSIDE);

  // 已报到: the member stays on the roll until the receipt is back.
  await row.getByRole('button', { name: '办理' }).click();
  await expect(stepMenu(page).getByRole('menuitem')).toHaveText(['已报到', '回执已返回', '作废']);
  await stepMenu(page).getByRole('menuitem', { name: '已报到' }).click();
  let step = page.getByRole('dialog');
  await expect(step).toContainText('仍在本街道党员名册中');
  await step.locator('.ant-modal-footer').getByRole('button', { name: '已报到' }).click();
  await expect(step).toBeHidden();
  await expect(row).toContainText('已报到');

  // 回执已返回 is the one step left: the letter is closed and the member leaves the active roll.
  await row.getByRole('button', { name: '办理' }).click();
  await expect(stepMenu(page).getByRole('menuitem')).toHaveText(['回执已返回']);
  await stepMenu(page).getByRole('menuitem', { name: '回执已返回' }).click();
  step = page.getByRole('dialog');
  await expect(step).toContainText('移出本街道党员名册');
  await step.locator('.ant-modal-footer').getByRole('button', { name: '回执已返回' }).click();
  await expect(step).toBeHidden();
  await expect(letterRow(page)).toHaveCount(0);
  await expect(page.locator('.transfer-table')).toContainText('没有未办结的转接');

  await page.getByRole('tab', { name: /已办结/ }).click();
  await expect(letterRow(page)).toContainText('回执已返回');
  // No step is left on a closed transfer; the letter can still be printed for the file.
  await expect(letterRow(page).getByRole('button')).toHaveText(['打印介绍信']);

  const active = await call<{ total: number; members: { name: string }[] }>('members.list', {});
  expect(active.members.map((m) => m.name)).not.toContain(LI_SI.name);
  const history = await call<{ members: { name: string }[] }>('members.list', { status: 'history' });
  expect(history.members.map((m) => m.name)).toContain(LI_SI.name);
});

test('an in letter with a mistyped ID number is refused under the field', async ({ page }) => {
  await openTransfers(page, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: '新建介绍信' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('转入本街道', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: '转入本街道' })).toBeChecked();
  await dialog.getByLabel('姓名').fill('钱进');
  await dialog.getByLabel('公民身份号码').fill('110105199003030032');
  await dialog.getByLabel('转出组织（本街道以外）').fill(OUTSIDE);
  await dialog.getByLabel('转入组织', { exact: true }).click();
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '第二网格党支部' }).click();
  await dialog.getByLabel('介绍信编号').fill('西展组转〔2026〕017号');
  await dialog.getByRole('button', { name: '开具' }).click();

  const idField = dialog.locator('.ant-form-item', { has: page.getByLabel('公民身份号码') });
  await expect(idField.locator('.ant-form-item-explain-error')).toContainText('公民身份号码：最后一位校验码对不上');
  await expect(idField.locator('.ant-form-item-explain-error')).toContainText('110105199003030032');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  const all = await call<{ total: number }>('transfers.list', {});
  expect(all.total).toBe(1);
});

test('a viewer sees the letters but cannot issue one or record a step', async ({ page }) => {
  await openTransfers(page, VIEWER.username, VIEWER.password);
  await page.getByRole('tab', { name: /全部/ }).click();
  await expect(letterRow(page)).toContainText(LI_SI.name);
  await expect(page.getByRole('button', { name: '新建介绍信' })).toHaveCount(0);
  await expect(page.getByText('只读浏览')).toBeVisible();
  await expect(letterRow(page).getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '导入党员' })).toHaveCount(0);
  await logout(page);
});
