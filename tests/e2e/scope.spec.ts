// A clerk limited to one community (数据范围 幸福社区) on a seeded street of three communities: the members page
// counts and shows that community only, its community filter is fixed to it and the tree holds no other
// community; the counter's board lists that community's requests, and a request of another community cannot
// be opened even by hand. Totals are those the administrator's whole-street view gives for the community.
import type { Page } from '@playwright/test';
import { ADMIN, callApi, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';

const host = useHost({ seedMembers: 300, seedRequests: 300 });

test.describe.configure({ mode: 'serial', timeout: 120_000 });

failOnConsoleErrors();

const CLERK = { username: 'xingfu', displayName: '幸福社区书记', password: 'Xingfu2026pass' };
/** seed-demo's first two communities of street 110101001. */
const HAPPY = { name: '幸福社区', code: '110101001001' };
const PEACE = '和平社区';

interface Expected {
  members: number;
  peaceIdNumber: string;
  inProgress: string[];
  peaceRequestId: number;
}
let expected: Expected;

async function adminCall<T>(cookie: string, method: string, input: unknown): Promise<T> {
  const { result } = await callApi<T>(host, method, input, cookie);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

test.beforeAll(async () => {
  const { result, cookie } = await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  if (!result.ok || !cookie) throw new Error('admin login failed');
  await adminCall(cookie, 'users.create', { ...CLERK, role: 'clerk', scopeCommunityCode: HAPPY.code });
  const communities = await adminCall<{ id: number; name: string }[]>(cookie, 'communities.list', {});
  const happyId = communities.find((c) => c.name === HAPPY.name)!.id;
  const peaceId = communities.find((c) => c.name === PEACE)!.id;
  const happy = await adminCall<{ total: number }>(cookie, 'members.list', { communityId: happyId, limit: 1 });
  const peace = await adminCall<{ members: { idNumber: string }[] }>(cookie, 'members.list', { communityId: peaceId, limit: 1 });
  const board = await adminCall<{ inProgress: { number: string }[] }>(cookie, 'counter.today', { communityId: happyId });
  const peaceRequests = await adminCall<{ requests: { id: number }[] }>(cookie, 'requests.list', { communityId: peaceId, limit: 1 });
  expected = { members: happy.total, peaceIdNumber: peace.members[0].idNumber, inProgress: board.inProgress.map((r) => r.number), peaceRequestId: peaceRequests.requests[0].id };
  expect(expected.members).toBeGreaterThan(0);
  expect(expected.members).toBeLessThan(300);
  expect(expected.inProgress.length).toBeGreaterThan(0);
});

const statusBar = (page: Page) => page.locator('.members-status-bar');
const treeRows = (page: Page) => page.locator('.org-tree .ant-tree-treenode:has(.org-node)');

test('the members page shows the clerk’s community only, with its filter fixed to it', async ({ page }) => {
  await login(page, host, CLERK.username, CLERK.password);
  await page.getByRole('menuitem', { name: '党员信息' }).click();
  await expect(statusBar(page)).toContainText(`共 ${expected.members} 名党员`);
  await expect(statusBar(page)).toContainText(`${HAPPY.name}（限定社区）`);
  await expect(page.getByRole('gridcell').and(page.locator('[col-id="name"]')).first()).not.toBeEmpty();

  // The community filter names the clerk's community and cannot be changed to another.
  await expect(page.locator('.members-filter-bar')).toContainText(HAPPY.name);
  await expect(page.getByRole('combobox', { name: '社区', exact: true })).toBeDisabled();

  // The tree: the street's root and the community below it, nothing of another community.
  await expect(treeRows(page).nth(1)).toContainText(`${HAPPY.name}党委`);
  await treeRows(page).nth(1).locator('.ant-tree-switcher').click();
  await expect(treeRows(page).nth(2)).toBeVisible();
  await expect(page.locator('.org-tree')).not.toContainText(PEACE);

  // A member of another community is not found, even by their ID number.
  await page.getByLabel('姓名、拼音首字母、身份证号或电话').fill(expected.peaceIdNumber);
  await expect(statusBar(page)).toContainText('共 0 名党员');
});

test('the counter’s board lists the clerk’s community’s requests; another’s cannot be opened', async ({ page }) => {
  await login(page, host, CLERK.username, CLERK.password);
  await page.getByRole('menuitem', { name: '一站式受理' }).click();
  await expect(page.getByRole('heading', { name: '一站式受理' })).toBeVisible();
  await expect(page.locator('.counter-scope')).toHaveText(`${HAPPY.name}（限定社区）`);
  // One community: the accept form has no community picker; requests are accepted for this one.
  await expect(page.locator('.accept-form').getByLabel('所属社区')).toHaveCount(0);

  const board = page.locator('.board-card');
  await board.getByRole('tab', { name: /在办事项/ }).click();
  await expect(board.getByRole('tab', { name: /在办事项/ })).toContainText(String(expected.inProgress.length));
  const numbers = board.locator('.request-number');
  await expect(numbers).toHaveCount(Math.min(expected.inProgress.length, 10));
  for (const number of await numbers.allTextContents()) expect(expected.inProgress).toContain(number);

  // The page itself, asked by hand for another community's request, gets the core's refusal.
  const answer = await page.evaluate(async (id) => {
    const response = await fetch('/api/call', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'requests.get', input: { id } }),
    });
    return (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
  }, expected.peaceRequestId);
  expect(answer.ok).toBe(false);
  expect(answer.error?.code).toBe('FORBIDDEN');
  expect(answer.error?.message).toContain('这项服务申请不是幸福社区受理的');
});

test('the monthly return is read-only for the clerk, with the reason', async ({ page }) => {
  await login(page, host, CLERK.username, CLERK.password);
  await page.getByRole('menuitem', { name: /月报报送/ }).click();
  await expect(page.getByText(`月报是全街道的。您的账号限定在${HAPPY.name}`)).toBeVisible();
  await expect(page.getByRole('button', { name: '审核通过' })).toHaveCount(0);
});
