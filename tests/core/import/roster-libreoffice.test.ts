// Rosters written by another program: the habit generator's workbooks opened and saved again by
// LibreOffice Calc (its own shared strings, styles, number formats and merges), then imported. Runs where
// `soffice` is installed (Debian's libreoffice-calc-nogui); elsewhere it is skipped and says why.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importMembers } from '../../../src/core/import/import-members';
import { appsForEachTest } from '../../support/factory';
import { HABIT_BRANCHES, HABIT_TODAY, expectedRecord, habitArb, membersArb, writeRoster } from '../../support/roster-habits';
import { importOptions, tempFolder } from './roster-workbooks';

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (!soffice) console.log('roster-libreoffice.test.ts skipped: soffice (LibreOffice Calc) is not installed on this machine');

const app = appsForEachTest();

describe.skipIf(!soffice)('rosters saved by LibreOffice Calc', () => {
  it('import with every field equal', async () => {
    const t = await app({ start: HABIT_TODAY });
    const root = (await t.app.invoke('orgs.tree', {}, t.adminToken))[0];
    const community = await t.app.invoke('communities.save', { name: '幸福社区', divisionCode: '110101001001' }, t.adminToken);
    const committee = await t.app.invoke('orgs.create', { parentId: root.id, name: '幸福社区党委', level: 'community_committee', communityId: community.id }, t.adminToken);
    for (const name of HABIT_BRANCHES) await t.app.invoke('orgs.create', { parentId: committee.id, name, level: 'branch' }, t.adminToken);

    const cases = fc.sample(fc.tuple(membersArb(2, 6), habitArb.map((h) => ({ ...h, file: 'xlsx' as const }))), { numRuns: 16 });
    const folder = tempFolder();
    const out = path.join(folder, 'saved');
    const written = await Promise.all(
      cases.map(async ([members, habit], i) => {
        const file = path.join(folder, `roster-${i}.xlsx`);
        fs.writeFileSync(file, (await writeRoster(members, habit)).bytes);
        return { file, members, habit, saved: path.join(out, `roster-${i}.xlsx`) };
      }),
    );
    const converted = spawnSync(soffice, ['--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, ...written.map((w) => w.file)], { encoding: 'utf8', timeout: 120_000 });
    expect(converted.status, converted.stderr).toBe(0);

    for (const { saved, members, habit } of written) {
      t.app.database.exec('DELETE FROM member_events; DELETE FROM members;');
      const report = await importMembers(t.app.database, saved, importOptions({ now: HABIT_TODAY, fileName: path.basename(saved) }));
      expect(report.rejected, JSON.stringify(habit)).toEqual([]);
      expect(report.unknownValues).toEqual([]);
      const stored = t.app.database
        .prepare('SELECT name, sex, ethnicity, id_number, birth_date, education, category, join_date, full_date, occupation, phone, address FROM members ORDER BY id_number')
        .all();
      // Calc opens an undeclared zh-CN month format (id 57) in its own locale's meaning, a whole date, and
      // saves it declared as m/d/yyyy: the clerk then sees and StreetDesk reads the whole day.
      const asSaved = { ...habit, dates: habit.dates === 'zhBuiltinMonth' ? ('zhBuiltinDay' as const) : habit.dates };
      expect(stored, JSON.stringify(habit)).toEqual(members.map((m) => expectedRecord(m, asSaved)).sort((a, b) => a.id_number.localeCompare(b.id_number)));
    }
  }, 180_000);
});
