// `import members` as a script uses it: the JSON report the issue names (Excel rows, rejected cells with
// column, value and reason, duplicates, ignored title and footer rows), a dry run that writes nothing, exit
// 1 while rows are rejected, and a header row pointed at by hand.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/factory';
import { jsonLine, runCli } from '../support/cli';
import { citizenId, memberRow, nationalRoster, writeWorkbook } from '../core/import/roster-workbooks';

const PASSWORD = { STREETDESK_PASSWORD: 'Admin2026pass' };
const BRANCH = '幸福社区党委/第1网格党支部';
let dir = '';
let db = '';

beforeAll(async () => {
  dir = makeTempDir();
  db = path.join(dir, 'street.db');
  expect((await runCli(['--db', db, 'init', '--street-name', '密州街道', '--street-code', '370782001', '--district-name', '诸城市', '--admin-user', 'admin'], PASSWORD)).code).toBe(0);
  expect((await runCli(['--db', db, 'seed-demo', '--members', '30', '--seed', '5'], PASSWORD)).code).toBe(0);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const total = async () => (jsonLine(await runCli(['--db', db, 'members', 'list', '--limit', '1', '--json'])) as unknown as { total: number }).total;

describe('import members', () => {
  it('prints the report with Excel rows, rejects with the reason, writes nothing on a dry run and the good rows on commit', async () => {
    const bad = citizenId('19800102', '321').slice(0, 17) + '0';
    const file = await writeWorkbook(
      nationalRoster([
        memberRow(1, { branch: BRANCH, idNumber: citizenId('19800102', '401') }),
        memberRow(2, { branch: BRANCH, idNumber: bad }),
        memberRow(3, { branch: BRANCH, idNumber: citizenId('19800102', '401'), name: '重复者' }),
        ['合计', '3人'],
      ]),
    );
    const dry = await runCli(['--db', db, 'import', 'members', file, '--dry-run', '--json']);
    expect(dry.code).toBe(1);
    expect(jsonLine(dry)).toMatchObject({
      rows: 3,
      accepted: 1,
      rejected: [{ row: 5, column: '公民身份号码', value: bad, code: 'idChecksum', message: expect.stringContaining('校验码') }],
      duplicates: [{ row: 6, idNumber: citizenId('19800102', '401') }],
      ignored: [1, 2, 7],
    });
    expect(await total()).toBe(30);

    const commit = await runCli(['--db', db, 'import', 'members', file, '--json'], PASSWORD);
    expect(commit.code).toBe(1);
    expect(jsonLine(commit)).toMatchObject({ accepted: 1, created: 1 });
    expect(await total()).toBe(31);
  }, 60_000);

  it('reads a roster whose header names it does not know from the row given with --header-row', async () => {
    const file = await writeWorkbook({
      rows: [
        ['2026年党员名单'],
        ['同志', '证件', '所在单位党委', '身份'],
        ['赵红梅', citizenId('19790305', '402'), BRANCH, '正式党员'],
      ],
    });
    const unknown = await runCli(['--db', db, 'import', 'members', file, '--json'], PASSWORD);
    expect(unknown.code).toBe(1);
    expect(jsonLine(unknown).error?.message).toContain('--header-row');
    const usage = await runCli(['--db', db, 'import', 'members', file, '--header-row', '0', '--json']);
    expect(usage.code).toBe(2);
  }, 60_000);
});
