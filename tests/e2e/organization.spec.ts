// 组织架构 as a clerk builds it: a community (with a grid), a community Party committee and a branch under
// it; the new branch is flagged for having fewer than 3 full members; the core's refusals show under the
// field or in the dialog; the branch is moved with 移动到… and back by drag and drop, then closed. Another
// branch's secretary is recorded and the term ended, a part-time member added, branches reordered by drag.
// A viewer sees the same tree without any button that would change it.
import { ADMIN, callApi, createUser, expect, failOnConsoleErrors, initialize, login, logout, test, useHost } from './fixtures';
import type { Locator, Page } from '@playwright/test';

const host = useHost();
const VIEWER = { username: 'chakan', displayName: '刘畅', password: 'Chakan2026' };
const ROOT = '朝阳门街道党工委';

test.describe.configure({ mode: 'serial' });
failOnConsoleErrors();

let adminCookie = '';

test.beforeAll(async () => {
  adminCookie = await initialize(host);
  await createUser(host, adminCookie, { ...VIEWER, role: 'viewer' });
});

/** A node of the organization tree by its name. */
const treeNode = (page: Page, name: string) => page.locator('.org-tree .ant-tree-treenode').filter({ has: page.locator('.org-node-name', { hasText: new RegExp(`^${name}$`) }) });

/** Types a date into a date field of the dialog; Enter takes the date and submits the dialog, as it does for a clerk. */
async function saveWithDate(dialog: Locator, label: string, date: string): Promise<void> {
  await dialog.getByLabel(label).fill(date);
  await dialog.getByLabel(label).press('Enter');
  await expect(dialog).toBeHidden();
}

async function pickOption(page: Page, text: string): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

test('a clerk adds a community, a community committee and a branch, moves the branch and closes it', async ({ page }) => {
  // A clerk's whole morning in one journey (about 40 dialogs and checks): on a busy 2-core CI machine it
  // takes over the default minute.
  test.setTimeout(150_000);
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '组织架构' }).click();

  // 社区与网格: a community with its 12-digit code, and one grid.
  await page.getByRole('tab', { name: '社区与网格' }).click();
  await page.getByRole('button', { name: '添加社区' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('社区名称').fill('幸福社区');
  await dialog.getByLabel('区划代码').fill('110101001001');
  await dialog.getByLabel('户数').fill('3012');
  await dialog.getByLabel('人口').fill('8240');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const communityRow = page.getByRole('row', { name: /幸福社区/ });
  await expect(communityRow).toContainText('110101001001');
  await expect(communityRow).toContainText('3,012');

  await page.getByRole('button', { name: '添加网格' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('网格名称').fill('第1网格');
  await dialog.getByLabel('覆盖楼栋、单元').fill('1区1-6号楼');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /第1网格/ })).toContainText('片区');

  // 党组织: the root is selected; add the community committee under it.
  await page.getByRole('tab', { name: '党组织' }).click();
  await expect(page.locator('.org-details-title')).toContainText(ROOT);
  await page.getByRole('button', { name: '新建下级组织' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`在“${ROOT}”之下`);
  await dialog.getByLabel('组织名称').fill('幸福社区党委');
  await expect(dialog.locator('.ant-select', { hasText: '社区党委' })).toBeVisible();
  await dialog.getByLabel('所属社区').click();
  await pickOption(page, '幸福社区');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(treeNode(page, '幸福社区党委')).toBeVisible();
  await expect(page.locator('.org-details-title')).toContainText('幸福社区党委');
  await expect(page.locator('.org-details')).toContainText('幸福社区');
  // A community committee has a 党委委员会, not a 支部委员会.
  await expect(page.locator('.org-details')).toContainText('党委委员会');
  await expect(page.locator('.org-details')).not.toContainText('支部委员会');

  // A branch under it: the level offered first is 党支部; the community is inherited.
  await page.getByRole('button', { name: '新建下级组织' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('组织名称').fill('第1网格党支部');
  await expect(dialog.locator('.ant-select', { hasText: '党支部' })).toBeVisible();
  await expect(dialog.getByText('支部委员会')).toBeVisible();
  await dialog.getByLabel('所在网格').click();
  await pickOption(page, '第1网格');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const branch = treeNode(page, '第1网格党支部');
  await expect(branch).toBeVisible();
  await expect(branch.getByLabel('正式党员不足 3 人')).toBeVisible();
  await expect(branch.locator('.org-node-count')).toHaveText('0/0');
  await expect(page.locator('.org-details')).toContainText('正式党员不足 3 人');
  await expect(page.locator('.org-details')).toContainText('幸福社区党委');

  // The core's refusals come back under the field they concern, named as the form names it.
  await treeNode(page, '幸福社区党委').locator('.org-node').click();
  await page.getByRole('button', { name: '新建下级组织' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('组织名称').fill('第1网格党支部');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('组织名称：同一上级组织下已有同名组织（填写的是“第1网格党支部”）');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  // A committee with an open branch below cannot be closed.
  await page.getByRole('button', { name: '撤销' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('撤销原因').fill('社区合并');
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '撤销' }).click();
  await expect(dialog.getByRole('alert')).toContainText('不能撤销“幸福社区党委”');
  await expect(dialog.getByRole('alert')).toContainText('该组织还有 1 个未撤销的下级组织');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  // 移动到…: the branch goes directly under the street committee.
  await treeNode(page, '第1网格党支部').locator('.org-node').click();
  await page.getByRole('button', { name: '移动到…' }).click();
  dialog = page.getByRole('dialog');
  // Under load the first click can land while the drop-down is still opening: pick until the field shows it.
  await expect(async () => {
    await dialog.getByLabel('新的上级组织').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: ROOT }).click({ timeout: 2000 });
    await expect(dialog).toContainText(ROOT, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator('.ant-select-tree-node-content-wrapper:visible')).toHaveCount(0);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已把“第1网格党支部”移到“${ROOT}”之下`)).toBeVisible();
  await expect(page.locator('.org-details-path')).toHaveText(ROOT);
  const tree = await callApi<{ id: number; name: string; parentId: number | null }[]>(host, 'orgs.tree', {}, adminCookie);
  if (!tree.result.ok) throw new Error(JSON.stringify(tree.result.error));
  const root = tree.result.value.find((o) => o.parentId === null)!;
  expect(tree.result.value.find((o) => o.name === '第1网格党支部')?.parentId).toBe(root.id);

  // Dragged back onto the community committee (after a confirmation), it sits under it again.
  await treeNode(page, '第1网格党支部').locator('.org-node').dragTo(treeNode(page, '幸福社区党委').locator('.org-node'));
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText(`把“第1网格党支部”移到“幸福社区党委”之下？`);
  await confirm.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(`已把“第1网格党支部”移到“幸福社区党委”之下`)).toBeVisible();
  await expect(page.locator('.org-details-path')).toHaveText(`${ROOT} / 幸福社区党委`);


  // 撤销: needs a reason; then the branch leaves the tree and comes back with 显示已撤销.
  await page.getByRole('button', { name: '撤销' }).click();
  dialog = page.getByRole('dialog');
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '撤销' }).click();
  await expect(dialog).toContainText('撤销原因：至少 2 个字');
  await dialog.getByLabel('撤销原因').fill('网格调整，并入幸福社区党委');
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '撤销' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已撤销“第1网格党支部”')).toBeVisible();
  await expect(treeNode(page, '第1网格党支部')).toHaveCount(0);
  await page.getByLabel('显示已撤销').check();
  await expect(treeNode(page, '第1网格党支部')).toContainText('已撤销');
});

test('a clerk records a branch secretary and ends the term, adds a part-time member, and reorders branches by drag', async ({ page }) => {
  // Its own committee and branches, made through the API: this test does not lean on the one above.
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const { result } = await callApi<T>(host, method, input, adminCookie);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };
  const root = (await call<{ id: number; parentId: number | null }[]>('orgs.tree', {})).find((o) => o.parentId === null)!;
  const committee = await call<{ id: number }>('orgs.create', { parentId: root.id, name: '和平社区党委', level: 'community_committee' });
  for (const name of ['第2网格党支部', '第3网格党支部']) await call('orgs.create', { parentId: committee.id, name, level: 'branch' });
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '组织架构' }).click();
  await treeNode(page, '和平社区党委').locator('.ant-tree-switcher').click();

  // 领导班子: the branch's secretary by name with the term's start; the details then name the secretary.
  await treeNode(page, '第2网格党支部').locator('.org-node').click();
  await page.getByRole('button', { name: '登记班子成员' }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog.locator('.ant-select', { hasText: '书记' })).toBeVisible();
  await dialog.getByLabel('直接填写姓名').check();
  await dialog.getByLabel('姓名', { exact: true }).fill('王建国');
  await dialog.getByLabel('分工').fill('主持全面工作');
  await saveWithDate(dialog, '任期开始', '2024-01-01');
  await expect(page.getByText('已登记“王建国”')).toBeVisible();
  const team = page.getByRole('region', { name: '领导班子' });
  await expect(team.getByRole('row', { name: /王建国/ })).toContainText('2024-01-01 起');
  await expect(page.locator('.kv')).toContainText('王建国');

  // A second secretary for the same time is refused with the reason, under the field.
  await page.getByRole('button', { name: '登记班子成员' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('直接填写姓名').check();
  await dialog.getByLabel('姓名', { exact: true }).fill('赵强');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('与王建国的任期（2024-01-01 – …）重叠');
  await dialog.getByRole('button', { name: '取消' }).click();

  // 任期结束 (the last day in office): the secretary moves to the past terms, kept on record.
  await team.getByRole('row', { name: /王建国/ }).getByRole('button', { name: '任期结束' }).click();
  dialog = page.getByRole('dialog');
  await saveWithDate(dialog, '任期结束日期', '2025-12-31');
  await expect(team.getByRole('row', { name: /王建国/ })).toHaveCount(0);
  await page.getByRole('button', { name: '往届及离任（1）' }).click();
  await expect(page.getByRole('region', { name: '往届及离任（1）' })).toContainText('王建国');

  // 兼职委员 of the community committee: the community police officer, from outside the roll.
  await treeNode(page, '和平社区党委').locator('.org-node').click();
  await page.getByRole('button', { name: '登记兼职委员' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('类别').click();
  await pickOption(page, '社区民警');
  await dialog.getByLabel('姓名', { exact: true }).fill('孙 警官');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: '兼职委员' }).getByRole('row', { name: /孙警官/ })).toContainText('社区民警');
  await expect(page.locator('.kv')).toContainText('已设立');

  // Reordering by drag: the third branch dropped on the upper edge of the second goes before it.
  const branchNames = page.locator('.org-tree .ant-tree-treenode .org-node-name');
  await expect(branchNames).toContainText(['和平社区党委', '第2网格党支部', '第3网格党支部']);
  await treeNode(page, '第3网格党支部').locator('.org-node').dragTo(treeNode(page, '第2网格党支部').locator('.org-node'), { targetPosition: { x: 30, y: 1 } });
  await expect(page.getByText('已调整“第3网格党支部”的排列顺序')).toBeVisible();
  await expect(branchNames).toContainText(['和平社区党委', '第3网格党支部', '第2网格党支部']);
});

test('a viewer sees the tree and the communities but no button that changes them', async ({ page }) => {
  await login(page, host, VIEWER.username, VIEWER.password);
  await page.getByRole('menuitem', { name: '组织架构' }).click();
  await expect(page.locator('.org-details-title')).toContainText(ROOT);
  await expect(page.getByText('您是只读用户，只能查看，不能修改。')).toBeVisible();
  await page.getByLabel('显示已撤销').check();
  // The search box finds it inside its (collapsed) committee and opens the way to it.
  await page.getByPlaceholder('搜索组织名称').fill('第1网格');
  await expect(treeNode(page, '幸福社区党委')).toBeVisible();
  await treeNode(page, '第1网格党支部').locator('.org-node').click();
  await expect(page.locator('.org-details-title')).toContainText('第1网格党支部');
  await expect(page.locator('.org-details')).toContainText('网格调整，并入幸福社区党委');
  for (const name of ['新建下级组织', '编辑', '移动到…', '撤销']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
  await page.getByRole('tab', { name: '社区与网格' }).click();
  await expect(page.getByRole('row', { name: /幸福社区/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '添加社区' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '添加网格' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await logout(page);
});
