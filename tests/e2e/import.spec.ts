// 导入党员 as a clerk does it: a roster with a merged title row, a header, two good rows, one with a
// mistyped ID number and a 合计 footer. The dry run names the bad row and why; the problem rows come back
// as a workbook with a reason column; the import adds the two good members, and nothing before that.
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { ADMIN, callApi, expect, initialize, login, test } from './fixtures';
import { useHostInTimeZone } from './host-time-zone';

const host = useHostInTimeZone('Asia/Shanghai');
const BRANCH = '第一网格党支部';
const FILE = '朝阳门街道花名册.xlsx';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let adminCookie = '';

/** A valid citizen ID number from its first 17 digits (GB 11643 check character). */
function citizenId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const GOOD = [
  { name: '张秀兰', id: citizenId('11010119800312002'), joined: '2001年7月' },
  { name: '刘建国', id: citizenId('11010519751106003'), joined: '1998-07-01' },
];
const valid = citizenId('11010119900101001');
/** The same number with the check character mistyped. */
const BAD = { name: '王小明', id: valid.slice(0, 17) + (valid.endsWith('1') ? '2' : '1'), joined: '2012-06-15' };

async function roster(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('党员名册');
  sheet.addRow(['朝阳门街道党员花名册']);
  sheet.mergeCells('A1:F1');
  sheet.addRow(['序号', '姓名', '公民身份号码', '所在党支部', '入党时间', '人员类别']);
  [...GOOD, BAD].forEach((m, i) => sheet.addRow([i + 1, m.name, m.id, BRANCH, m.joined, '正式党员']));
  sheet.addRow(['合计', '3 人']);
  sheet.getColumn(3).numFmt = '@';
  book.addWorksheet('填表说明').addRow(['身份证号码请设为文本格式']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const stat = (page: Page, key: string) => page.locator(`.import-stat[data-stat="${key}"]`);

test.beforeAll(async () => {
  adminCookie = await initialize(host);
  const tree = await callApi<{ id: number; parentId: number | null }[]>(host, 'orgs.tree', {}, adminCookie);
  if (!tree.result.ok) throw new Error(JSON.stringify(tree.result.error));
  const root = tree.result.value.find((o) => o.parentId === null)!;
  const branch = await callApi(host, 'orgs.create', { parentId: root.id, name: BRANCH, level: 'branch' }, adminCookie);
  if (!branch.result.ok) throw new Error(JSON.stringify(branch.result.error));
});

test('the wizard finds the bad ID number, hands the problem rows back, and imports the good ones', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '导入党员' }).click();
  await expect(page.getByRole('heading', { name: '导入党员' })).toBeVisible();

  // 选择文件 → 选择工作表: the roster sheet is read, its header found under the merged title.
  await page.locator('.import-dragger input[type=file]').setInputFiles({
    name: FILE,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await roster(),
  });
  await expect(page.getByText('在第 2 行找到表头，下面有 3 行党员数据')).toBeVisible();
  await expect(page.locator('.import-form')).toContainText('党员名册');
  await page.getByRole('button', { name: '下一步' }).click();

  // 核对表头与列对应: the columns were recognised by their Chinese names.
  const mapping = page.locator('.import-mapping-table');
  await expect(mapping.getByRole('row', { name: /^C/ })).toContainText('公民身份号码');
  await expect(mapping.getByRole('row', { name: /^D/ })).toContainText('所在党支部');
  await expect(mapping.getByRole('row', { name: /^E/ })).toContainText('入党日期');
  await expect(mapping.getByRole('row', { name: /^F/ })).toContainText('人员类别');
  await expect(mapping.getByRole('row', { name: /^A/ })).toContainText('不导入');
  await expect(page.getByText('3 行党员数据，可导入 2 行，有问题 1 行')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();

  // 预检结果: one row with a problem, named by its Excel row and the column's header.
  await expect(stat(page, 'rows')).toContainText('3');
  await expect(stat(page, 'accepted')).toContainText('2');
  await expect(stat(page, 'rejected')).toContainText('1');
  await expect(stat(page, 'rejected')).toContainText('有问题');
  await expect(stat(page, 'ignored')).toContainText('2');
  const rejected = page.locator('.import-rejected-table tbody tr.ant-table-row');
  await expect(rejected).toHaveCount(1);
  await expect(rejected.locator('td').nth(0)).toHaveText('5');
  await expect(rejected.locator('td').nth(1)).toHaveText('C公民身份号码');
  await expect(rejected.locator('td').nth(2)).toHaveText(BAD.id);
  await expect(rejected.locator('td').nth(3)).toContainText('公民身份号码：最后一位校验码对不上');

  // Nothing is written by the dry run.
  const before = await callApi<{ total: number }>(host, 'members.list', {}, adminCookie);
  expect(before.result.ok && before.result.value.total).toBe(0);

  // 下载有问题的行: the row as the clerk wrote it, with the reason.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载有问题的行' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('朝阳门街道花名册-有问题的行.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toContain('原因');
  expect(header).toContain('公民身份号码');
  const line = (sheet.getRow(2).values as unknown[]).slice(1);
  expect(line[0]).toBe(5);
  expect(line).toContain(BAD.id);
  expect(String(line[header.indexOf('原因')])).toContain('公民身份号码');
  expect(sheet.rowCount).toBe(2);

  // 导入 2 名党员, after the confirmation.
  await page.getByRole('button', { name: '导入 2 名党员' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('将新增 2 名党员');
  await expect(confirm).toContainText('有问题的 1 行');
  await confirm.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.locator('.ant-result-title')).toHaveText('导入完成');
  await expect(stat(page, 'created')).toContainText('2');
  await expect(stat(page, 'created')).toContainText('新增');
  await expect(stat(page, 'notImported')).toContainText('1');

  const after = await callApi<{ total: number; members: { name: string; idNumber: string; branch: string }[] }>(host, 'members.list', {}, adminCookie);
  if (!after.result.ok) throw new Error(JSON.stringify(after.result.error));
  expect(after.result.value.total).toBe(2);
  expect(after.result.value.members.map((m) => m.name).sort()).toEqual(GOOD.map((m) => m.name).sort());
  expect(new Set(after.result.value.members.map((m) => m.branch))).toEqual(new Set([BRANCH]));

  // 查看党员信息 leads to the members page, which has them.
  await page.getByRole('button', { name: '查看党员信息' }).click();
  await expect(page.locator('.members-status-bar')).toContainText('共 2 名党员');
});

test('a file that is neither a workbook nor CSV is refused on the first step, in words a clerk understands', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '导入党员' }).click();
  await page.locator('.import-dragger input[type=file]').setInputFiles({ name: '名册.xlsx', mimeType: 'text/html', buffer: Buffer.from('<html><body>姓名</body></html>') });
  await expect(page.getByRole('alert')).toContainText('文件：不是 Excel 工作簿（.xlsx）或 CSV 文件');
  await expect(page.getByRole('button', { name: '下一步' })).toHaveCount(0);
});

/** GBK bytes of text, from the platform's own GB18030 decoder read backwards (Chinese Windows' "ANSI" CSV). */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const c = decoder.decode(new Uint8Array([lead, trail]));
      if (c.length === 1 && !table.has(c)) table.set(c, [lead, trail]);
    }
  }
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}

test('another office’s CSV: the unknown word is mapped once in the wizard, the long probation pointed out', async ({ page }) => {
  const rows = [
    ['姓名', '公民身份号码', '所在党组织', '文化程度', '民族', '人员类别', '加入党组织日期', '转为正式党员日期'],
    ['欧阳娜', citizenId('11010119850101004'), BRANCH, '电大', '汉', '正式', '2005年7月1日', '2006年7月1日'],
    ['司马强', citizenId('11010119860202005'), BRANCH, '电大', '回', '正式', '2006.07.01', '2009.09.01'],
  ];
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.getByRole('menuitem', { name: '导入党员' }).click();
  await page.locator('.import-dragger input[type=file]').setInputFiles({ name: '幸福社区.csv', mimeType: 'text/csv', buffer: gbk(rows.map((r) => r.join(',')).join('\r\n')) });
  await expect(page.getByText('在第 1 行找到表头，下面有 2 行党员数据')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  const mapping = page.locator('.import-mapping-table');
  await expect(mapping.getByRole('row', { name: /^G/ })).toContainText('入党日期');
  await expect(mapping.getByRole('row', { name: /^H/ })).toContainText('转正日期');
  await page.getByRole('button', { name: '下一步' }).click();

  // 未识别的值: 电大 once, in two rows; neither accepted nor refused until it is mapped.
  await expect(stat(page, 'awaiting')).toContainText('2');
  await expect(stat(page, 'accepted')).toContainText('0');
  const unknown = page.locator('.import-unknown-table tbody tr.ant-table-row');
  await expect(unknown).toHaveCount(1);
  await expect(unknown).toContainText('文化程度');
  await expect(unknown).toContainText('电大');
  await unknown.getByRole('combobox').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('大学专科').click();
  await page.getByRole('button', { name: '保存对应并重新预检' }).click();
  await expect(stat(page, 'accepted')).toContainText('2');

  // 提醒: 司马强 was made full three years after joining.
  await page.getByRole('tab', { name: /提醒/ }).click();
  const warning = page.locator('.import-warnings-table tbody tr.ant-table-row');
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText('转为正式党员日期');
  await expect(warning).toContainText('超过两年');

  await page.getByRole('button', { name: '导入 2 名党员' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.locator('.ant-result-title')).toHaveText('导入完成');
  const synonyms = await callApi<{ text: string; label: string; source: string }[]>(host, 'codes.synonyms', {}, adminCookie);
  if (!synonyms.result.ok) throw new Error(JSON.stringify(synonyms.result.error));
  expect(synonyms.result.value.filter((s) => s.source === 'user')).toEqual([expect.objectContaining({ text: '电大', label: '大学专科' })]);

  // 系统设置 › 代码对应: the administrator sees who mapped 电大, and removes it.
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await page.getByRole('tab', { name: '代码对应' }).click();
  const mapped = page.locator('.ant-table-row', { hasText: '电大' });
  await expect(mapped).toContainText('大学专科（31）');
  await expect(mapped).toContainText(ADMIN.username);
  await mapped.getByRole('button', { name: '删除 电大' }).click();
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await expect(page.getByText('还没有经办人添加的对应')).toBeVisible();
});
