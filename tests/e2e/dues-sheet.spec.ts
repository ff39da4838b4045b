// 按表格登记 end to end: the treasurer's payment sheet pasted into the ledger. A sheet with one unknown ID
// number records nothing and names the row; corrected, 检查 passes and 登记 records every row, the ledger
// showing each member paid. Members and bases are seeded through the contract.
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, callApi, expect, failOnConsoleErrors, login, test, useHost } from './fixtures';

const host = useHost({ seedMembers: 20 });
const SHOTS = process.env.STREETDESK_SHOTS ?? '/tmp/s25-shots';

test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 1366, height: 768 } });

failOnConsoleErrors();

const period = (() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
})();

test('a pasted sheet with one wrong row records nothing and names it; corrected, every row is recorded', async ({ page }) => {
  const { cookie } = await callApi(host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const { result } = await callApi<T>(host, method, input, cookie!);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  const list = await call<{ members: { id: number; name: string; idNumber: string; joinDate: string | null }[] }>('members.list', { limit: 50 });
  const [a, b] = list.members.filter((m) => m.joinDate && m.joinDate.slice(0, 7) < period);
  await call('dues.saveBase', { memberId: a.id, category: 'working', baseFen: 300000, effectiveMonth: period });
  await call('dues.saveBase', { memberId: b.id, category: 'retired', baseFen: 480000, effectiveMonth: period });
  await call('dues.generate', { period });

  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '党费' }).click();
  await page.getByRole('button', { name: '按表格登记' }).click();
  const dialog = page.getByRole('dialog', { name: '按表格登记党费缴纳' });
  const [y, m] = [period.slice(0, 4), Number(period.slice(5))];
  const sheet = (second: string) =>
    ['党费收缴登记表', '姓名\t身份证号码\t缴纳月份\t金额（元）\t缴纳方式\t凭证号', `${a.name}\t${a.idNumber}\t${y}年${m}月\t15\t微信\tWX01`, `${b.name}\t${second}\t${period}\t24.00\t现金\t`, ''].join('\r\n');
  const box = dialog.getByLabel('粘贴收缴表');
  await box.fill(sheet('110101190001010000'));
  await expect(dialog.locator('.dues-sheet-preview')).toContainText('共 2 笔');
  await dialog.getByRole('button', { name: '登记 2 笔' }).click();
  await expect(dialog).toContainText('没有登记：以下行需要改正');
  await expect(dialog).toContainText('第 4 行 身份证号码：找不到身份证号码为 110101190001010000 的在册党员');
  await expect(dialog).not.toContainText('填写的是');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'dues-sheet-refused.png') });

  await box.fill(sheet(b.idNumber));
  await dialog.getByRole('button', { name: '检查' }).click();
  await expect(dialog).toContainText('检查通过：2 笔，共 39.00 元，可以登记');
  await page.screenshot({ path: path.join(SHOTS, 'dues-sheet-checked.png') });
  await dialog.getByRole('button', { name: '登记 2 笔' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText('已登记 2 笔，共 39.00 元');
  for (const who of [a, b]) await expect(page.locator('.dues-grid .ag-row', { hasText: who.name })).toContainText('已交清');
});
