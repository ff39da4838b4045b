// 附件 end to end: a fund entry seeded through the contract; in the window the clerk attaches the scanned
// voucher, sees it listed with its size, opens it (the download is the same bytes), and removes it.
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, callApi, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';

const host = useHost({ seedMembers: 10 });
const SHOTS = process.env.STREETDESK_SHOTS ?? '/tmp/s25-shots';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });

failOnConsoleErrors();

test('a fund entry’s scanned voucher is attached, opened as the same file, and removed', async ({ page }) => {
  const { cookie } = await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const { result } = await callApi<T>(host, method, input, cookie!);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  const overview = await call<{ communities: { communityId: number }[] }>('funds.overview', { year: new Date().getFullYear() });
  const today = new Date().toISOString().slice(0, 10);
  await call('funds.saveEntry', { communityId: overview.communities[0].communityId, direction: 'out', amountFen: 50000, onDate: today, purpose: '七一党员活动' });

  const scan = Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 7) % 256));
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '党建经费' }).click();
  await page.locator('.ant-table-row', { hasText: '七一党员活动' }).getByRole('button', { name: '附件' }).click();
  const dialog = page.getByRole('dialog', { name: `附件：${today} 七一党员活动` });
  await expect(dialog).toContainText('还没有附件');
  await dialog.locator('input[type=file]').setInputFiles({ name: '七一活动发票.jpg', mimeType: 'image/jpeg', buffer: scan });
  await expect(dialog).toContainText('七一活动发票.jpg');
  await expect(dialog).toContainText('39.1 KB');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'attachments-fund.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '打开' }).click()]);
  expect(download.suggestedFilename()).toBe('七一活动发票.jpg');
  expect(Buffer.compare(fs.readFileSync(await download.path()), scan)).toBe(0);

  await dialog.getByRole('button', { name: '删除 七一活动发票.jpg' }).click();
  await page.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(dialog).toContainText('还没有附件');
});
