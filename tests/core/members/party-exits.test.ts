// Leaving the roll in the Party's own terms (docs/domain.md §2): 组织关系转出, 死亡, 出党 in its four kinds, and
// 停止党籍 as a standing the member keeps on the roll and may be restored from. One word for each in the
// record, the export and the monthly return; the old 'left' is carried over as 退党 by migration 0009.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/core/db/migrations/index';
import { APPLICATION_ID, openDatabase } from '../../../src/core/db/open';
import { formatError } from '../../../src/shared/i18n/messages';
import type { ReturnTable } from '../../../src/shared/returns/tables';
import { appsForEachTest, expectError, makeTempDir, tableSnapshot, type TestApp } from '../../support/factory';

const app = appsForEachTest();

async function withBranch(): Promise<TestApp & { branch: number }> {
  const t = await app();
  const root = (await t.app.invoke('orgs.tree', {}, t.adminToken))[0];
  const community = await t.app.invoke('communities.save', { name: '和平社区', divisionCode: '110101001001' }, t.adminToken);
  const committee = await t.app.invoke('orgs.create', { parentId: root.id, name: '和平社区党委', level: 'community_committee', communityId: community.id }, t.adminToken);
  const branch = await t.app.invoke('orgs.create', { parentId: committee.id, name: '第1网格党支部', level: 'branch' }, t.adminToken);
  return Object.assign(t, { branch: branch.id });
}

/** A valid 18-digit ID number (GB 11643 check digit) born in 1980, the n-th of the test. */
function idNumber(n: number): string {
  const body = `11010119800101${String(n).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}
async function members(t: TestApp & { branch: number }, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(await t.app.invoke('members.create', { orgId: t.branch, fields: { name: `党员${'甲乙丙丁戊己庚'[i]}`, idNumber: idNumber(i + 1), category: '正式党员', joinDate: '2012-07-01' } }, t.adminToken));
  }
  return out;
}

const changes = (tables: ReturnTable[]) => tables.find((x) => x.id === 'changes')!;

describe('leaving the roll', () => {
  it('offers exactly 组织关系转出, 死亡 and the four kinds of 出党; each moves the record to history under its own word', async () => {
    const t = await withBranch();
    const [a, b, c, d, e, f] = await members(t, 6);
    const reasons = ['transfer_out', 'death', 'expelled', 'struck_off', 'lapsed', 'withdrew'] as const;
    for (const [i, m] of [a, b, c, d, e, f].entries()) {
      const left = await t.app.invoke('members.leave', { id: m.id, version: m.version, on: '2026-03-02', reason: reasons[i] }, t.adminToken);
      expect([left.status, left.leftReason]).toEqual(['history', reasons[i]]);
    }
    expect((await t.app.invoke('members.list', { status: 'history' }, t.adminToken)).total).toBe(6);

    // The export names each in one word: 死亡, never 去世; 出党 with its kind.
    const file = await t.app.invoke('members.export', { status: 'history' }, t.adminToken);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const text = JSON.stringify(book.worksheets[0].getSheetValues());
    for (const word of ['组织关系转出', '死亡', '出党（开除党籍）', '出党（除名）', '出党（自行脱党）', '出党（退党）']) expect(text).toContain(word);
    expect(text).not.toContain('去世');
  });

  it('refuses a reason that is not one of them (the old 其他), naming the field in both languages, and writes nothing', async () => {
    const t = await withBranch();
    const [m] = await members(t, 1);
    const before = tableSnapshot(t.app.sqlite);
    const error = await expectError(t.app, 'members.leave', { id: m.id, version: m.version, on: '2026-03-02', reason: 'other' }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'reason', value: 'other' });
    expect(formatError(error, 'zh-CN')).toContain('原因');
    expect(formatError(error, 'en')).toContain('Reason');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
  });

  it('counts the month’s deaths, transfers out and 出党 (all four kinds together) in the return', async () => {
    const t = await withBranch();
    const ms = await members(t, 6);
    const reasons = ['transfer_out', 'death', 'expelled', 'struck_off', 'lapsed', 'withdrew'] as const;
    for (const [i, m] of ms.entries()) await t.app.invoke('members.leave', { id: m.id, version: m.version, on: '2026-02-10', reason: reasons[i] }, t.adminToken);
    const info = await t.app.invoke('returns.get', { period: '2026-02' }, t.adminToken);
    const table = changes(info.tables);
    expect(table.columns.map((c) => c.key)).toEqual(['joined', 'madeFull', 'transferredIn', 'transferredOut', 'died', 'leftParty', 'suspended', 'restored']);
    expect(table.total).toMatchObject({ transferredOut: 1, died: 1, leftParty: 4 });
  });
});

describe('停止党籍 and 恢复党籍', () => {
  it('suspends a member who stays on the roll, restores them later, each with its day and note in the history and the audit log', async () => {
    const t = await withBranch();
    const [m] = await members(t, 1);
    const suspended = await t.app.invoke('members.setStanding', { id: m.id, version: m.version, standing: 'suspended', on: '2026-02-05', note: '经支部大会决定（和党发〔2026〕3号）' }, t.adminToken);
    expect([suspended.status, suspended.standing]).toEqual(['active', 'suspended']);
    expect((await t.app.invoke('members.list', {}, t.adminToken)).total).toBe(1);

    // Twice is refused, naming the standing; nothing more is written.
    const before = tableSnapshot(t.app.sqlite);
    const again = await expectError(t.app, 'members.setStanding', { id: m.id, version: suspended.version, standing: 'suspended', on: '2026-02-06' }, t.adminToken, 'VALIDATION');
    expect(formatError(again, 'zh-CN')).toContain('党籍状态：该党员已是停止党籍状态');
    expect(formatError(again, 'en')).toContain('Party standing is already suspended');
    expect(tableSnapshot(t.app.sqlite)).toEqual(before);

    const restored = await t.app.invoke('members.setStanding', { id: m.id, version: suspended.version, standing: 'normal', on: '2026-03-01' }, t.adminToken);
    expect(restored.standing).toBe('normal');
    const detail = await t.app.invoke('members.get', { id: m.id }, t.adminToken);
    expect(detail.events.filter((e) => e.kind === 'standing_changed')).toMatchObject([
      { onDate: '2026-02-05', detail: { from: 'normal', to: 'suspended', note: '经支部大会决定（和党发〔2026〕3号）' } },
      { onDate: '2026-03-01', detail: { from: 'suspended', to: 'normal' } },
    ]);
    const audit = await t.app.invoke('audit.list', { action: 'members.setStanding' }, t.adminToken);
    expect(audit.entries.map((e) => e.after)).toMatchObject([{ standing: 'normal' }, { standing: 'suspended' }]);

    // The return counts the suspension in February and the restoration in March, each in its own column.
    expect(changes((await t.app.invoke('returns.get', { period: '2026-02' }, t.adminToken)).tables).total).toMatchObject({ suspended: 1, restored: 0 });
    expect(changes((await t.app.invoke('returns.get', { period: '2026-03' }, t.adminToken)).tables).total).toMatchObject({ suspended: 0, restored: 1 });
  });

  it('refuses a restore of a member not suspended, and a day before joining', async () => {
    const t = await withBranch();
    const [m] = await members(t, 1);
    const error = await expectError(t.app, 'members.setStanding', { id: m.id, version: m.version, standing: 'normal', on: '2026-02-05' }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'standing', problem: 'notSuspended' });
    const early = await expectError(t.app, 'members.setStanding', { id: m.id, version: m.version, standing: 'suspended', on: '2011-01-01' }, t.adminToken, 'VALIDATION');
    expect(formatError(early, 'zh-CN')).toContain('日期：不能早于入党日期（2012-07-01）');
  });
});

describe('migration 0009', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds the members table keeping its rows, indexes and the references to it; the old 退党 becomes withdrew', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = path.join(dir, 'old.db');
    const old = new SqliteDatabase(file);
    old.pragma('foreign_keys = ON');
    const mine = MIGRATIONS.findIndex((m) => m.name === '0009-party-exits');
    old.transaction(() => {
      for (const m of MIGRATIONS.slice(0, mine)) m.up(old);
      old.pragma(`user_version = ${mine}`);
      old.pragma(`application_id = ${APPLICATION_ID}`);
    })();
    const at = '2026-01-01T00:00:00.000Z';
    old.exec(`
      INSERT INTO organizations (id, parent_id, name, level, category, created_at, updated_at) VALUES (1, NULL, '东华门街道党工委', 'street_committee', 'regional', '${at}', '${at}');
      INSERT INTO members (id, name, name_initials, name_pinyin, sex, id_number, birth_date, category, org_id, status, left_on, left_reason, created_at, updated_at)
        VALUES (7, '李四', 'ls', 'lisi', 1, '370101190102039973', '1901-02-03', 'full', 1, 'history', '2025-05-01', 'left', '${at}', '${at}'),
               (8, '王五', 'ww', 'wangwu', 2, '110101197506150022', '1975-06-15', 'full', 1, 'active', NULL, NULL, '${at}', '${at}');
      INSERT INTO member_events (member_id, kind, on_date, recorded_by, recorded_at) VALUES (7, 'left', '2025-05-01', 'admin', '${at}'), (8, 'created', '2025-01-01', 'admin', '${at}');
    `);
    const indexes = (db: SqliteDatabase.Database) => db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'members' ORDER BY name").all();
    const before = indexes(old);
    expect(before.length).toBeGreaterThan(5);
    old.close();

    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT id, name, status, left_reason FROM members ORDER BY id').all()).toEqual([
        { id: 7, name: '李四', status: 'history', left_reason: 'withdrew' },
        { id: 8, name: '王五', status: 'active', left_reason: null },
      ]);
      expect(indexes(db)).toEqual(before);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      // The events still point at their members, and a reference to a member that is not there is refused.
      expect(db.prepare('SELECT count(*) FROM member_events e JOIN members m ON m.id = e.member_id').pluck().get()).toBe(2);
      expect(() => db.prepare("INSERT INTO member_events (member_id, kind, on_date, recorded_by, recorded_at) VALUES (99, 'x', '2026-01-01', 'a', 'b')").run()).toThrow(/FOREIGN KEY/);
      // The new words are allowed, an unknown one still is not.
      db.prepare("UPDATE members SET left_reason = 'lapsed' WHERE id = 7").run();
      expect(() => db.prepare("UPDATE members SET left_reason = 'gone' WHERE id = 7").run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
