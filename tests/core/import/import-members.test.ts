// Committing a roster import: the dry run writes nothing, the commit writes every accepted row or none,
// duplicates are skipped or update (a blank cell never overwrites), rejected rows go to a file to fix.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importMembers } from '../../../src/core/import/import-members';
import { appsForEachTest, tableSnapshot, type TestApp } from '../../support/factory';
import { TODAY, citizenId, importOptions, memberRow, nationalRoster, tempFolder, writeWorkbook } from './roster-workbooks';

const app = appsForEachTest();

async function street(): Promise<TestApp> {
  const t = await app({ start: TODAY });
  const root = (await t.app.invoke('orgs.tree', {}, t.adminToken))[0];
  const community = await t.app.invoke('communities.save', { name: '东华社区', divisionCode: '110101001001' }, t.adminToken);
  const committee = await t.app.invoke('orgs.create', { parentId: root.id, name: '东华社区党委', level: 'community_committee', communityId: community.id }, t.adminToken);
  await t.app.invoke('orgs.create', { parentId: committee.id, name: '第一网格党支部', level: 'branch' }, t.adminToken);
  return t;
}

const options = importOptions;

const names = (t: TestApp) => (t.app.database.prepare('SELECT name FROM members ORDER BY name').all() as { name: string }[]).map((r) => r.name);

describe('importing a roster', () => {
  it('a dry run reports each row and writes nothing', async () => {
    const t = await street();
    const file = await writeWorkbook(nationalRoster([memberRow(1), memberRow(2, { idNumber: '370102198001021234' }), ['合计', '2人']]));
    const before = tableSnapshot(t.app.sqlite);
    const report = await importMembers(t.app.database, file, options({ dryRun: true }));
    expect(report).toMatchObject({ rows: 2, accepted: 1, created: 1, dryRun: true, ignored: [1, 2, 6] });
    expect(report.rejected).toEqual([
      expect.objectContaining({ row: 5, column: '公民身份号码', letter: 'E', code: 'idChecksum', value: '370102198001021234' }),
    ]);
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });

  it('commits the accepted rows with their history and one audit entry', async () => {
    const t = await street();
    const file = await writeWorkbook(nationalRoster([memberRow(1), memberRow(2), memberRow(3, { branch: '第九网格党支部' })]));
    const report = await importMembers(t.app.database, file, options());
    expect(report).toMatchObject({ created: 2, accepted: 2 });
    expect(report.rejected[0]).toMatchObject({ row: 6, code: 'branchUnknown', value: '第九网格党支部' });
    expect(names(t)).toEqual(['党员丙', '党员乙'].sort());
    const found = await t.app.invoke('members.list', { query: 'dy' }, t.adminToken);
    expect(found.total).toBe(2);
    const { entries } = await t.app.invoke('audit.list', { action: 'members.importCommit' }, t.adminToken);
    expect(entries[0].after).toMatchObject({ created: 2, rejected: 1 });
    expect((t.app.database.prepare("SELECT count(*) AS n FROM member_events WHERE kind = 'imported'").get() as { n: number }).n).toBe(2);
    // Each member's history says which file and Excel row it came from, on the day it joined.
    const history = await t.app.invoke('members.get', { id: found.members.find((m) => m.name === '党员乙')!.id }, t.adminToken);
    expect(history.events).toEqual([expect.objectContaining({ kind: 'imported', onDate: '2005-07-01', detail: { file: '花名册.xlsx', row: 4 }, recordedBy: 'admin' })]);
  });

  it('creates a missing branch only when asked to', async () => {
    const t = await street();
    const file = await writeWorkbook(nationalRoster([memberRow(1, { branch: '东华社区党委/第二网格党支部' })]));
    const report = await importMembers(t.app.database, file, options({ createMissingBranches: true }));
    expect(report).toMatchObject({ created: 1, createdBranches: ['东华社区党委/第二网格党支部'] });
    const tree = await t.app.invoke('orgs.tree', {}, t.adminToken);
    const branch = tree.find((o) => o.name === '第二网格党支部');
    expect(tree.find((o) => o.id === branch?.parentId)?.name).toBe('东华社区党委');
    expect(branch?.memberCount).toBe(1);
  });

  it('skips or updates a member already in the archive; a blank cell never overwrites a stored value', async () => {
    const t = await street();
    await importMembers(t.app.database, await writeWorkbook(nationalRoster([memberRow(1, { phone: '13812345678' })])), options());
    const again = await writeWorkbook(nationalRoster([memberRow(1, { phone: null, joinDate: '2005-07-02', name: '党员乙' })]));
    const skipped = await importMembers(t.app.database, again, options());
    expect(skipped.duplicates).toEqual([expect.objectContaining({ row: 4, action: 'skipped', existing: 'archive' })]);
    const updated = await importMembers(t.app.database, again, options({ onDuplicate: 'update' }));
    expect(updated).toMatchObject({ updated: 1, created: 0 });
    const m = (await t.app.invoke('members.list', {}, t.adminToken)).members[0];
    expect(m).toMatchObject({ joinDate: '2005-07-02', phone: '13812345678', version: 2 });
  });

  it('rejects an updated row that would move a date into a finalized month, and leaves the member as they were', async () => {
    const t = await street();
    const probationer = { category: '预备党员', joinDate: '2025-09-01', fullDate: null };
    await importMembers(t.app.database, await writeWorkbook(nationalRoster([memberRow(1, probationer)])), options());
    await t.app.invoke('returns.check', { period: '2026-02' }, t.adminToken);
    await t.app.invoke('returns.finalize', { period: '2026-02' }, t.adminToken);
    const before = tableSnapshot(t.app.sqlite);
    const again = await writeWorkbook(nationalRoster([memberRow(1, { ...probationer, joinDate: '2026-02-10' })]));
    const report = await importMembers(t.app.database, again, options({ onDuplicate: 'update' }));
    expect(report).toMatchObject({ updated: 0 });
    expect(report.rejected).toEqual([expect.objectContaining({ row: 4, code: 'periodFinalized', value: '2026-02-10' })]);
    // The members.update rule is checked before the row is written: no half-made change stays behind.
    const after = tableSnapshot(t.app.sqlite);
    expect(after.members).toEqual(before.members);
    expect(after.member_events).toEqual(before.member_events);
  });

  it('reports a second row with the same ID number in the file as a duplicate', async () => {
    const t = await street();
    const file = await writeWorkbook(nationalRoster([memberRow(1), memberRow(1, { name: '重复者' })]));
    const report = await importMembers(t.app.database, file, options());
    expect(report.created).toBe(1);
    expect(report.duplicates).toEqual([expect.objectContaining({ row: 5, existing: 'file', action: 'skipped' })]);
  });

  it('writes the rejected rows to a workbook with a reason column, ready to fix and import again', async () => {
    const t = await street();
    const bad = citizenId('19800102', '321').slice(0, 17) + '0';
    const file = await writeWorkbook(nationalRoster([memberRow(1), memberRow(2, { idNumber: bad, phone: '123' })]));
    const out = path.join(tempFolder(), '未导入.xlsx');
    await importMembers(t.app.database, file, options({ rejectedOut: out }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('Excel 行号');
    expect(header.at(-1)).toBe('原因');
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[0]).toBe(5);
    expect(row).toContain(bad);
    expect(String(row.at(-1))).toContain('公民身份号码');
    expect(String(row.at(-1))).toContain('联系电话');
    expect(sheet.rowCount).toBe(2);
  });
});

describe('dates as rosters give them', () => {
  it('a birth date given to the month keeps the ID number’s day, and the member stays editable', async () => {
    const t = await street();
    const idNumber = citizenId('19840720', '135');
    const file = await writeWorkbook(nationalRoster([memberRow(1, { idNumber, birthDate: '1984.07' })]));
    expect(await importMembers(t.app.database, file, options())).toMatchObject({ created: 1 });
    const [m] = (await t.app.invoke('members.list', {}, t.adminToken)).members;
    expect(m.birthDate).toBe('1984-07-20');
    const edited = await t.app.invoke('members.update', { id: m.id, version: m.version, fields: { phone: '13900001111' } }, t.adminToken);
    expect(edited.phone).toBe('13900001111');
  });

  it('a date cell formatted to the month stays a month; 201907 and 20190701 typed as numbers are read', async () => {
    const t = await street();
    const file = await writeWorkbook(
      nationalRoster(
        [
          memberRow(1, { joinDate: new Date(Date.UTC(2019, 6, 1)), fullDate: new Date(Date.UTC(2020, 6, 1)) }),
          memberRow(2, { joinDate: 201907, fullDate: 20200701 }),
        ],
        { numFmts: { H4: 'yyyy"年"m"月"', I4: 'yyyy/m' } },
      ),
    );
    const report = await importMembers(t.app.database, file, options());
    expect(report.rejected).toEqual([]);
    const rows = t.app.database.prepare('SELECT name, join_date, full_date FROM members ORDER BY id').all();
    expect(rows).toEqual([
      { name: '党员乙', join_date: '2019-07', full_date: '2020-07' },
      { name: '党员丙', join_date: '2019-07', full_date: '2020-07-01' },
    ]);
  });
});

describe('a roster without 人员类别', () => {
  it('takes a member who joined within the year as probationary, and asks about anyone else instead of guessing', async () => {
    const t = await street();
    const file = await writeWorkbook(
      nationalRoster([
        memberRow(1, { category: null, joinDate: '2025-09-01', fullDate: null }),
        memberRow(2, { category: null, joinDate: '2001-07-01', fullDate: '2002-07-01' }),
        memberRow(3, { category: null, joinDate: '2001-07-01', fullDate: null }),
      ]),
    );
    const report = await importMembers(t.app.database, file, options());
    expect(report.created).toBe(2);
    expect(report.rejected).toEqual([expect.objectContaining({ row: 6, column: '人员类别', code: 'categoryNeeded' })]);
    const rows = t.app.database.prepare('SELECT join_date, category FROM members ORDER BY join_date').all();
    expect(rows).toEqual([
      { join_date: '2001-07-01', category: 'full' },
      { join_date: '2025-09-01', category: 'probationary' },
    ]);
  });
});

describe('missing branches', () => {
  it('are made for the members placed in them, never for a rejected row alone', async () => {
    const t = await street();
    const bad = citizenId('19800102', '321').slice(0, 17) + '0';
    const file = await writeWorkbook(
      nationalRoster([memberRow(1, { branch: '东华社区党委/第五网格党支部' }), memberRow(2, { branch: '东华社区党委/第六网格党支部', idNumber: bad })]),
    );
    const report = await importMembers(t.app.database, file, options({ createMissingBranches: true }));
    expect(report).toMatchObject({ created: 1, createdBranches: ['东华社区党委/第五网格党支部'] });
    expect(report.rejected.map((r) => r.code)).toEqual(['idChecksum']);
    const names = (await t.app.invoke('orgs.tree', {}, t.adminToken)).map((o) => o.name);
    expect(names).toContain('第五网格党支部');
    expect(names).not.toContain('第六网格党支部');
  });
});

describe('the dry run', () => {
  it('is the commit rolled back: updates and new branches count exactly as they will, and all of a row’s problems show at once', async () => {
    const t = await street();
    await importMembers(t.app.database, await writeWorkbook(nationalRoster([memberRow(1)])), options());
    const file = await writeWorkbook(
      nationalRoster([
        memberRow(1, { joinDate: '2005-07-03' }),
        memberRow(2, { branch: '东华社区党委/第三网格党支部' }),
        memberRow(3, { phone: '123', branch: '没有的支部' }),
      ]),
    );
    const before = tableSnapshot(t.app.sqlite);
    const preview = await importMembers(t.app.database, file, options({ dryRun: true, onDuplicate: 'update', createMissingBranches: false }));
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
    const commit = await importMembers(t.app.database, file, options({ onDuplicate: 'update', createMissingBranches: false }));
    for (const key of ['created', 'updated', 'accepted'] as const) expect(preview[key], key).toBe(commit[key]);
    expect(preview.rejected.map((r) => r.code)).toEqual(commit.rejected.map((r) => r.code));
    expect(preview.rejected.filter((r) => r.row === 6).map((r) => r.code).sort()).toEqual(['branchUnknown', 'phoneFormat']);
  });
});

describe('a long import', () => {
  const roster = () =>
    nationalRoster(
      Array.from({ length: 4500 }, (_, i) => {
        const idNumber = citizenId('19800102', String(i % 1000).padStart(3, '0'), String(370100 + Math.floor(i / 1000)));
        return [i + 1, '第一网格党支部', '党员甲', Number(idNumber[16]) % 2 ? '男' : '女', idNumber, null, '正式党员', '2005-07-01', '2006-07-01', '13812345678'];
      }),
    );

  it('reports its progress as it reads, checks and writes, ending at 100%', async () => {
    const t = await street();
    const file = await writeWorkbook(roster());
    const seen: number[] = [];
    const report = await importMembers(t.app.database, file, options({ onPhase: (done, total) => seen.push(Math.round((100 * done) / total)) }));
    expect(report.created).toBe(4500);
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(seen[0]).toBe(30);
    expect(seen.at(-1)).toBe(100);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('stops when cancelled while checking, and writes nothing', async () => {
    const t = await street();
    const file = await writeWorkbook(roster());
    const before = tableSnapshot(t.app.sqlite);
    const controller = new AbortController();
    const cancelled = importMembers(
      t.app.database,
      file,
      options({ signal: controller.signal, onPhase: (done) => done > 30 && controller.abort() }),
    );
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });
});
