// 一站式受理 end to end: a request accepted at the counter (matter found by pinyin initials) appears in today's
// list; waiting for documents pauses it, the documents coming in resume it; it is completed with the
// resident's satisfaction. A request past its due date is marked red, and an empty form names what is missing.
import type { Page } from '@playwright/test';
import { ADMIN, callApi, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';

const host = useHost({ seedMembers: 20 });

test.describe.configure({ mode: 'serial', timeout: 120_000 });

failOnConsoleErrors();

function localDay(daysAgo: number): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function openCounter(page: Page): Promise<void> {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '一站式受理' }).click();
  await expect(page.getByRole('heading', { name: '一站式受理' })).toBeVisible();
}

const drawer = (page: Page) => page.locator('.request-drawer');

test('an empty form is refused naming the matter, the resident and the contact', async ({ page }) => {
  await openCounter(page);
  await page.getByRole('button', { name: /^受\s?理$/ }).click();
  const form = page.locator('.accept-form');
  await expect(form).toContainText('服务事项：不能为空');
  await expect(form).toContainText('群众姓名：不能为空');
  await expect(form).toContainText('联系电话：请至少填写联系电话或住址');
  await page.getByLabel('身份证号码（选填）').fill('370101190102039972');
  await page.getByLabel('群众姓名').fill('周桂兰');
  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByLabel('联系电话').press('Enter');
  await expect(form).toContainText('身份证号码：最后一位校验码对不上');
});

test('accept → today’s list → pause → resume → complete with satisfaction', async ({ page }) => {
  await openCounter(page);
  const matter = page.getByLabel('服务事项');
  await matter.click();
  await matter.fill('gljt');
  // The clerk's keys: the pinyin initials narrow the list to the one matter, Enter picks it.
  await expect(page.locator('.ant-select-item-option')).toHaveText([/高龄津贴申领/]);
  await matter.press('Enter');
  await expect(page.locator('.accept-matter-info')).toContainText('承诺时限 10 个工作日');
  await page.getByLabel('群众姓名').fill('周桂兰');
  await page.getByLabel('联系电话').fill('139 1234 5678');
  await page.getByLabel('住址').fill('幸福里3号楼2单元501');
  await page.getByLabel('住址').press('Enter');
  await expect(page.getByText(/已受理：.+-\d{4}-0001，\d{4}-\d{2}-\d{2}前办结/)).toBeVisible();

  const board = page.locator('.board-card');
  await expect(board.getByRole('tab', { name: /今日受理/ })).toHaveAttribute('aria-selected', 'true');
  const row = board.locator('.request-row', { hasText: '周桂兰' });
  await expect(row).toContainText('高龄津贴申领');
  await expect(row).toContainText('已受理');
  await expect(row).toContainText('13912345678');

  await row.click();
  await expect(drawer(page)).toContainText('10 个工作日');
  await drawer(page).getByRole('button', { name: '通知补正' }).click();
  const dialog = page.getByRole('dialog', { name: /通知补正材料/ });
  await dialog.getByLabel('需补正的材料').fill('户口簿原件');
  await dialog.getByRole('button', { name: '通知补正' }).click();
  await expect(dialog).toBeHidden();
  await expect(drawer(page)).toContainText('待补正');
  await expect(drawer(page)).toContainText('等待：户口簿原件');
  await expect(board.getByRole('tab', { name: /等待补正\s*1/ })).toBeVisible();

  await drawer(page).getByRole('button', { name: '材料已补齐' }).click();
  const resume = page.getByRole('dialog', { name: /材料已补齐/ });
  await expect(resume).toContainText('办结时限按暂停的工作日顺延');
  await resume.getByRole('button', { name: '材料已补齐' }).click();
  await expect(resume).toBeHidden();
  await expect(drawer(page).locator('.request-drawer-head')).toContainText('已受理');
  await expect(drawer(page).locator('.request-events')).toContainText('材料已补齐，暂停 0 个工作日');

  await drawer(page).getByRole('button', { name: '办结' }).click();
  const complete = page.getByRole('dialog', { name: /办结/ });
  await complete.getByLabel('办理结果').fill('材料已报街道民政科');
  await complete.locator('.ant-rate-star').nth(4).click();
  await expect(complete).toContainText('非常满意'); // the stars say what they mean
  await complete.getByLabel('评价意见').fill('办得快');
  await complete.getByRole('button', { name: '办结' }).click();
  await expect(complete).toBeHidden();
  await expect(drawer(page).locator('.request-drawer-head')).toContainText('已办结');
  await expect(drawer(page)).toContainText('按时办结');
  await expect(drawer(page)).toContainText('非常满意 办得快');
  await expect(drawer(page).getByRole('button', { name: '办结' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(row).toContainText('已办结');
});

test('a request past its due date is marked red in the overdue list', async ({ page }) => {
  const { cookie } = await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const communities = await callApi<{ id: number }[]>(host, 'communities.list', {}, cookie);
  const matters = await callApi<{ id: number; name: string }[]>(host, 'matters.list', {}, cookie);
  if (!communities.result.ok || !matters.result.ok) throw new Error('lists failed');
  const matter = matters.result.value.find((m) => m.name === '城乡居民基本养老保险参保登记')!;
  const accepted = await callApi(
    host,
    'requests.accept',
    { communityId: communities.result.value[0].id, matterId: matter.id, residentName: '孙立新', residentPhone: '13800001111', channel: 'hotline', acceptedOn: localDay(20) },
    cookie,
  );
  expect(accepted.result.ok).toBe(true);

  await openCounter(page);
  const overdueTab = page.getByRole('tab', { name: /已逾期\s*1/ });
  await expect(overdueTab).toBeVisible();
  await overdueTab.click();
  const row = page.locator('.request-row', { hasText: '孙立新' });
  await expect(row).toHaveClass(/is-overdue/);
  await expect(row.locator('.request-due.is-overdue')).toContainText('已逾期');
  await expect(row.locator('.request-due')).toHaveCSS('color', 'rgb(207, 19, 34)');

  // The resident's history by phone finds the request from any list.
  await page.getByLabel('按电话或身份证号查办事记录').fill('13800001111');
  await page.getByLabel('按电话或身份证号查办事记录').press('Enter');
  await expect(page.getByRole('dialog', { name: /群众办事记录/ })).toContainText('城乡居民基本养老保险参保登记');
});

test('started by a staff member, extended with a reason, transferred; another sent to guidance; one due today marked yellow', async ({ page }) => {
  const { cookie } = await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const { result } = await callApi<T>(host, method, input, cookie);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const [community] = await call<{ id: number }[]>('communities.list', {});
  const matters = await call<{ id: number; name: string }[]>('matters.list', {});
  const accept = (matter: string, residentName: string) =>
    call('requests.accept', { communityId: community.id, matterId: matters.find((m) => m.name === matter)!.id, residentName, residentPhone: '13700002222' });
  await accept('城乡居民基本养老保险参保登记', '钱国强');
  await accept('最低生活保障申请', '吴秀英');
  await accept('居住情况证明出具', '郑晓东');

  await openCounter(page);
  const board = page.locator('.board-card');
  // Done on the spot, due today: yellow under 即将到期.
  await board.getByRole('tab', { name: /即将到期/ }).click();
  const spot = board.locator('.request-row', { hasText: '郑晓东' });
  await expect(spot.locator('.request-due.is-dueSoon')).toContainText('即将到期');
  await expect(spot.locator('.request-due')).not.toHaveCSS('color', 'rgb(207, 19, 34)');

  await board.getByRole('tab', { name: /今日受理/ }).click();
  await board.locator('.request-row', { hasText: '钱国强' }).click();
  await drawer(page).getByRole('button', { name: '开始办理' }).click();
  let dialog = page.getByRole('dialog', { name: /开始办理/ });
  await dialog.getByLabel('承办人', { exact: true }).fill('李娜');
  await dialog.getByRole('button', { name: '开始办理' }).click();
  await expect(dialog).toBeHidden();
  await expect(drawer(page).locator('.request-drawer-head')).toContainText('办理中');
  await expect(drawer(page)).toContainText('李娜');

  await drawer(page).getByRole('button', { name: '延期' }).click();
  dialog = page.getByRole('dialog', { name: /延期办理/ });
  await dialog.getByLabel('延长工作日').fill('3');
  await dialog.getByLabel('原因').fill('需区社保中心复核');
  await dialog.getByRole('button', { name: '延期' }).click();
  await expect(dialog).toBeHidden();
  await expect(drawer(page)).toContainText('延长 3 个工作日：需区社保中心复核');
  await expect(drawer(page).locator('.request-events')).toContainText('延期 3 个工作日（需区社保中心复核）');

  await drawer(page).getByRole('button', { name: '转办' }).click();
  dialog = page.getByRole('dialog', { name: /转办/ });
  await dialog.getByLabel('转办至（岗位或部门）').fill('街道社会保障所');
  await dialog.getByLabel('原因').fill('需街道审核盖章');
  await dialog.getByRole('button', { name: '转办' }).click();
  await expect(dialog).toBeHidden();
  await expect(drawer(page).locator('.request-drawer-head')).toContainText('已转办');
  await expect(drawer(page)).toContainText('街道社会保障所');
  await expect(drawer(page).getByRole('button', { name: '办结' })).toHaveCount(0);
  await page.locator('.ant-drawer-close').click();
  await expect(drawer(page)).toBeHidden();

  await board.locator('.request-row', { hasText: '吴秀英' }).click();
  await drawer(page).getByRole('button', { name: '转指导' }).click();
  dialog = page.getByRole('dialog', { name: /转为指导事项/ });
  await dialog.getByLabel('引导群众前往').fill('街道便民服务中心民政窗口');
  await dialog.getByRole('button', { name: '转指导' }).click();
  await expect(dialog).toBeHidden();
  await expect(drawer(page).locator('.request-drawer-head')).toContainText('已转指导');
  await expect(drawer(page)).toContainText('街道便民服务中心民政窗口');
});
