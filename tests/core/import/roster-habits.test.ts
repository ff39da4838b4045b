// The importer against rosters kept to many offices' habits (tests/support/roster-habits.ts): any valid
// member written in any habit comes back with every field equal, and a row breaking a rule is refused
// naming the column as the file writes it, while the rows around it are accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importMembers, type ImportOptions } from '../../../src/core/import/import-members';
import { importOptions } from './roster-workbooks';
import { appsForEachTest, type TestApp } from '../../support/factory';
import { HABIT_BRANCHES, HABIT_TODAY, type HabitMember, columnsOf, expectedRecord, habitArb, headerOf, membersArb, writeRoster } from '../../support/roster-habits';

const app = appsForEachTest();

async function street(): Promise<TestApp> {
  const t = await app({ start: HABIT_TODAY });
  const root = (await t.app.invoke('orgs.tree', {}, t.adminToken))[0];
  const community = await t.app.invoke('communities.save', { name: '幸福社区', divisionCode: '110101001001' }, t.adminToken);
  const committee = await t.app.invoke('orgs.create', { parentId: root.id, name: '幸福社区党委', level: 'community_committee', communityId: community.id }, t.adminToken);
  for (const name of HABIT_BRANCHES) await t.app.invoke('orgs.create', { parentId: committee.id, name, level: 'branch' }, t.adminToken);
  return t;
}

const options = (fileName: string, over: Partial<ImportOptions> = {}): ImportOptions => importOptions({ now: HABIT_TODAY, fileName, ...over });

function stored(t: TestApp) {
  return t.app.database
    .prepare(
      `SELECT m.name, m.sex, m.ethnicity, m.id_number, m.birth_date, m.education, m.category, m.join_date, m.full_date, m.occupation, m.phone, m.address, o.name AS branch
       FROM members m JOIN organizations o ON o.id = m.org_id ORDER BY m.id_number`,
    )
    .all() as Record<string, unknown>[];
}

function clear(t: TestApp): void {
  t.app.database.exec('DELETE FROM member_events; DELETE FROM members;');
}

describe('rosters kept to other offices’ habits', () => {
  it('any valid member written in any habit reads back with every field equal', async () => {
    const t = await street();
    await fc.assert(
      fc.asyncProperty(membersArb(1, 8), habitArb, async (members, habit) => {
        clear(t);
        const file = await writeRoster(members, habit);
        const dry = await importMembers(t.app.database, file.bytes, options(file.fileName, { dryRun: true }));
        expect(dry.rejected, JSON.stringify(habit)).toEqual([]);
        expect(dry.unknownValues).toEqual([]);
        // Every probation generated lasts between one and two years: nothing to point out.
        expect(dry.warnings).toEqual([]);
        expect(dry.sheet).toBe(file.fileName.endsWith('.xlsx') ? '党员名册' : file.fileName.replace(/\.[^.]+$/, ''));
        expect(dry.created).toBe(members.length);
        const report = await importMembers(t.app.database, file.bytes, options(file.fileName));
        expect(report.created).toBe(members.length);
        const want = members.map((m) => ({ ...expectedRecord(m, habit), branch: m.branch })).sort((a, b) => a.id_number.localeCompare(b.id_number));
        expect(stored(t)).toEqual(want);
      }),
      { numRuns: 60 },
    );
  }, 240_000);

  type Breaking = { field: 'idNumber' | 'joinDate' | 'fullDate' | 'phone' | 'sex' | 'category'; code: string; apply: (m: HabitMember, cells: (string | number | Date | null)[], at: (f: string) => number) => void };
  const BREAKINGS: Breaking[] = [
    { field: 'idNumber', code: 'idChecksum', apply: (m, cells, at) => (cells[at('idNumber')] = m.idNumber.slice(0, 17) + (m.idNumber[17] === '0' ? '1' : '0')) },
    {
      field: 'joinDate',
      code: 'joinedUnder18',
      apply: (m, cells, at) => {
        cells[at('joinDate')] = `${Number(m.birthDate.slice(0, 4)) + 13}-${m.birthDate.slice(5)}`.replace(/-02-29$/, '-02-28');
        if (at('fullDate') >= 0) cells[at('fullDate')] = null;
        if (at('category') >= 0) cells[at('category')] = '正式党员';
      },
    },
    {
      field: 'fullDate',
      code: 'fullDateNotAfterJoinDate',
      apply: (m, cells, at) => {
        cells[at('fullDate')] = m.joinDate;
        if (at('category') >= 0) cells[at('category')] = '正式党员';
      },
    },
    {
      field: 'fullDate',
      code: 'probationaryHasFullDate',
      apply: (m, cells, at) => {
        cells[at('category')] = '预备党员';
        cells[at('fullDate')] = `${Number(m.joinDate.slice(0, 4)) + 1}${m.joinDate.slice(4)}`.replace(/-02-29$/, '-03-01');
      },
    },
    { field: 'phone', code: 'phoneFormat', apply: (_m, cells, at) => (cells[at('phone')] = '1381234') },
    { field: 'sex', code: 'idSexMismatch', apply: (m, cells, at) => (cells[at('sex')] = m.sex === 1 ? '女' : '男') },
    { field: 'category', code: 'categoryUnknown', apply: (_m, cells, at) => (cells[at('category')] = '积极分子') },
  ];

  it('a row breaking a rule is refused naming its column as written; the others are accepted', async () => {
    const t = await street();
    await fc.assert(
      fc.asyncProperty(
        membersArb(2, 6),
        habitArb,
        fc.constantFrom(...BREAKINGS),
        fc.nat(),
        async (members, habit, breaking, pick) => {
          clear(t);
          const victim = pick % members.length;
          const file = await writeRoster(members, { ...habit, dates: habit.dates === 'zhBuiltinMonth' ? 'iso' : habit.dates }, (m, i, cells) => {
            if (i !== victim) return;
            const order: string[] = columnsOf(habit);
            breaking.apply(m, cells, (f) => order.indexOf(f));
          });
          const report = await importMembers(t.app.database, file.bytes, options(file.fileName, { dryRun: true }));
          const header = headerOf(habit, breaking.field);
          expect(report.rejected.map((r) => r.code), JSON.stringify({ habit, breaking: breaking.code })).toContain(breaking.code);
          const refusal = report.rejected.find((r) => r.code === breaking.code)!;
          expect(refusal.column).toBe(header.trim());
          expect(refusal.message.startsWith(header.trim())).toBe(true);
          expect(new Set(report.rejected.map((r) => r.row)).size).toBe(1);
          expect(report.created).toBe(members.length - 1);
        },
      ),
      { numRuns: 50 },
    );
  }, 240_000);
});
