// Organizational life from the command line, on a street made through the contract: `life add` with an
// absence, `life compliance` per branch and kind (done and missing), `appraisal add` from a real tally
// workbook written with a clerk's habits, and the refusals with their exit codes and row-naming messages.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/shared/validators';
import { ADMIN, makeApp, type TestApp } from '../support/factory';
import { jsonLine, runCli } from '../support/cli';
import { lifeStreet, type LifeStreet } from '../core/life/life-street';

const SLOW = 240_000;
const PASSWORD = { STREETDESK_PASSWORD: ADMIN.password };
let t: TestApp;
let s: LifeStreet;
let db: string;

beforeAll(async () => {
  t = await makeApp({ start: new Date(2026, 2, 10, 9, 0, 0) });
  s = await lifeStreet(t);
  db = t.dbPath;
  t.app.close();
}, SLOW);

afterAll(() => t.dispose());

async function workbook(file: string, rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('评议结果');
  for (const r of rows) sheet.addRow(r);
  const out = path.join(t.dir, file);
  await book.xlsx.writeFile(out);
  return out;
}

describe('life add and life compliance', () => {
  it('records a meeting with one absence, and the compliance shows the month done and the ones before missing', async () => {
    const run = await runCli(['--db', db, 'life', 'add', '--org', '第一网格党支部', '--type', 'committee', '--date', '2026-02-12', '--absent', `${s.full[2].id}:出差`, '--json'], PASSWORD);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const out = jsonLine(run) as unknown as { meeting: { totals: { present: number; absent: number }; invalidReason: string | null; attendance: { memberId: number; state: string; reason: string }[] } };
    expect(out.meeting.totals).toMatchObject({ present: 2, absent: 1 });
    expect(out.meeting.invalidReason).toBeNull();
    expect(out.meeting.attendance.find((a) => a.memberId === s.full[2].id)).toMatchObject({ state: 'absent', reason: '出差' });

    const human = await runCli(['--db', db, 'life', 'add', '--org', '第一网格党支部', '--type', 'theme-day', '--date', '2026-02-10', '--absent', `${s.mobile.id}:请假:在深圳务工`], PASSWORD);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('已登记：第一网格党支部 2026-02-10 主题党日，应到 10 人，实到 9 人');
    // (The late joiner joined on 20 February: not on that day's roster.)

    const compliance = await runCli(['--db', db, 'life', 'compliance', '--year', '2026', '--org', '第一网格党支部', '--json']);
    expect(compliance.code, compliance.stderr).toBe(0);
    const grid = jsonLine(compliance) as unknown as { organizations: { orgName: string; types: Record<string, { done: string[]; missing: string[] }> }[] };
    expect(grid.organizations).toHaveLength(1);
    // The CLI counts on the PC's clock (December 2026 or later): every month of the year but February has ended without one.
    const { committee, 'theme-day': themeDay, 'branch-meeting': branchMeeting } = grid.organizations[0].types;
    for (const type of [committee, themeDay]) {
      expect(type.done).toEqual(['2026-02']);
      expect(type.missing).toContain('2026-01');
      expect(type.missing).not.toContain('2026-02');
    }
    expect(branchMeeting.done).toEqual([]);
    expect(branchMeeting.missing.slice(0, 3)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    // One quarter: only its months and its own 党员大会.
    const first = await runCli(['--db', db, 'life', 'compliance', '--year', '2026', '--quarter', '1', '--org', '第一网格党支部', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const q1 = jsonLine(first) as unknown as { period: string; organizations: { types: Record<string, { done: string[]; missing: string[] }> }[] };
    expect(q1.period).toBe('2026-Q1');
    expect(q1.organizations[0].types.committee).toMatchObject({ done: ['2026-02'], missing: ['2026-01', '2026-03'] });
    expect(q1.organizations[0].types['branch-meeting'].missing).toEqual(['2026-Q1']);
    const badQuarter = await runCli(['--db', db, 'life', 'compliance', '--year', '2026', '--quarter', '5']);
    expect(badQuarter.code).toBe(2);
    expect(badQuarter.stderr).toContain('--quarter');
  }, SLOW);

  it('refuses a future meeting and a member not on the roster (exit 1, the field and the value named); a bad type is a usage error (exit 2)', async () => {
    // The CLI runs on the PC's clock: tomorrow is in the future.
    const tomorrow = localIsoDate(new Date(Date.now() + 86_400_000));
    const future = await runCli(['--db', db, 'life', 'add', '--org', '第一网格党支部', '--type', 'lecture', '--date', tomorrow, '--json'], PASSWORD);
    expect(future.code).toBe(1);
    expect(jsonLine(future).error?.message).toContain(`会议日期：晚于今天（${localIsoDate(new Date())}）`);
    const stranger = await runCli(['--db', db, '--lang', 'en', 'life', 'add', '--org', '第一网格党支部', '--type', 'lecture', '--date', '2026-03-02', '--absent', `${s.outsider.id}:away`], PASSWORD);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain(`item 1 is not on the organization’s roster of 2026-03-02 (you entered “${s.outsider.name}”)`);
    const usage = await runCli(['--db', db, 'life', 'add', '--org', '第一网格党支部', '--type', 'party', '--date', '2026-03-02', '--json'], PASSWORD);
    expect(usage.code).toBe(2);
  }, SLOW);
});

describe('appraisal add', () => {
  it('reads a tally sheet with a title, spaced header, 优/优秀/excellent and blank rows; a fourth 优秀 of nine is refused', async () => {
    const names = [...s.full, ...s.probationary].map((m) => m.name);
    const words = ['优', '优秀', 'excellent', '合格', '合 格', 'qualified', '基本合格', '合格', '合格'];
    const rows = [['第一网格党支部 2026 年度民主评议党员等次表'], [], ['序号', '姓　名', '评议 等次', '处置意见'], ...names.map((n, i) => [i + 1, n, words[i], '']), [], ['', '', '', '']];
    const ok = await workbook('ok.xlsx', rows);
    const run = await runCli(['--db', db, 'appraisal', 'add', '--org', '第一网格党支部', '--year', '2025', '--grades', ok, '--json'], PASSWORD);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect((jsonLine(run) as unknown as { appraisal: { tally: unknown } }).appraisal.tally).toEqual({ excellent: 3, qualified: 5, basic: 1, unqualified: 0 });

    const four = await workbook('four.xlsx', [['姓名', '等次'], ...names.map((n, i) => [n, i < 4 ? '优秀' : '合格'])]);
    const refused = await runCli(['--db', db, 'appraisal', 'add', '--org', '第一网格党支部', '--year', '2025', '--grades', four, '--json'], PASSWORD);
    expect(refused.code).toBe(1);
    expect(jsonLine(refused).error?.message).toContain('9 人参评，最多 3 人评为优秀，现为 4 人');

    const bad = await workbook('bad.xlsx', [['Name', 'Grade'], [names[0], 'good'], ['不在名册', '合格']]);
    const badRun = await runCli(['--db', db, 'appraisal', 'add', '--org', '第一网格党支部', '--year', '2025', '--grades', bad, '--json'], PASSWORD);
    expect(badRun.code).toBe(1);
    expect(jsonLine(badRun).error?.message).toContain(`第 2 行（${names[0]}）的等次无法识别`);
  }, SLOW);
});
