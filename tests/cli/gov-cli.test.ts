// The governance commands on a real database file, records entered through the contract as the
// administrator: project rates by type and community as the registers give them ("60.4"), terms due, the
// open column's areas due in a month, the year's audits; bad options refused before the file is opened.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreetDeskApp } from '../../src/core/app';
import { citizenId } from '../core/import/roster-workbooks';
import { makeTempDir } from '../support/factory';
import { jsonLine, runCli } from '../support/cli';

const SLOW = 240_000;
const INIT = ['--street-name', '东华门街道', '--street-code', '110101001', '--district-name', '东城区', '--admin-user', 'admin'];
const PASSWORD = { STREETDESK_PASSWORD: 'Admin2026pass' };
let dir: string;
let db: string;

beforeAll(async () => {
  dir = makeTempDir('streetdesk-gov-cli-');
  db = path.join(dir, 'gov.db');
  const run = await runCli(['--db', db, 'init', ...INIT, '--json'], PASSWORD);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const app = new StreetDeskApp({ dbPath: db });
  try {
    const admin = await app.loginForCli('admin', PASSWORD.STREETDESK_PASSWORD);
    const c = await admin.call('communities.save', { name: '幸福社区', divisionCode: '110101001001' });
    const root = (await admin.call('orgs.tree', {})).find((o) => o.level === 'street_committee')!;
    const committee = await admin.call('orgs.create', { parentId: root.id, name: '幸福社区党委', level: 'community_committee', communityId: c.id });
    const branch = await admin.call('orgs.create', { parentId: committee.id, name: '幸福社区第一党支部', level: 'branch' });
    await admin.call('members.create', { orgId: branch.id, fields: { name: '王建国', idNumber: citizenId('19600115', '111', '110101'), category: '正式党员', joinDate: '2000-07-01', fullDate: '2001-07-01' } });
    // 656 first-secretary projects, 396 done (Zhucheng's figures).
    for (let i = 0; i < 656; i++) {
      const done = i < 396;
      await admin.call('projects.save', { communityId: c.id, type: 'first_secretary', year: 2026, name: `第一书记项目${i + 1}`, owner: '李书记', status: done ? 'done' : 'in_progress', completedOn: done ? '2026-06-30' : null });
    }
    await admin.call('terms.save', { orgId: branch.id, electedOn: '2023-05-20' });
    await admin.call('audits.save', { communityId: c.id, year: 2026, kind: 'annual', subject: '幸福社区股份经济合作社', plannedOn: '2026-03-01', doneOn: '2026-04-01' });
    await admin.call('audits.save', { communityId: c.id, year: 2026, kind: 'leaving', subject: '原会计离任', plannedOn: '2026-05-01' });
  } finally {
    app.close();
  }
}, SLOW);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('projects stats', () => {
  it('gives total, done and the rate to one decimal per type and community', async () => {
    const run = await runCli(['--db', db, 'projects', 'stats', '--year', '2026', '--type', 'first_secretary', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = jsonLine(run);
    expect(out).toMatchObject({ ok: true, year: 2026, total: 656, done: 396, rate: '60.4', phase: 'setting', approvedOn: null, closedOn: null });
    expect(out.byType).toEqual([{ type: 'first_secretary', total: 656, done: 396, rate: '60.4' }]);
    expect(out.byCommunity).toEqual([expect.objectContaining({ communityName: '幸福社区', total: 656, done: 396, rate: '60.4' })]);
    const human = await runCli(['--db', db, 'projects', 'stats', '--year', '2026']);
    expect(human.stdout).toContain('第一书记项目：396/656，完成率 60.4%');
  }, SLOW);

  it('refuses an unknown type and a bad year before opening the file', async () => {
    const type = await runCli(['--db', db, 'projects', 'stats', '--year', '2026', '--type', 'big']);
    expect(type.code).toBe(2);
    expect(type.stderr).toContain('--type');
    const year = await runCli(['--db', db, 'projects', 'stats', '--year', '26', '--lang', 'en']);
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--year');
  }, SLOW);
});

describe('terms, disclosure and audits', () => {
  it('terms due lists the branch due 2026-05-20 by a date after it, and none by a date before', async () => {
    const due = jsonLine(await runCli(['--db', db, 'terms', 'due', '--before', '2026-06-30', '--json']));
    expect(due.terms).toEqual([expect.objectContaining({ orgName: '幸福社区第一党支部', dueOn: '2026-05-20', termYears: 3 })]);
    const none = jsonLine(await runCli(['--db', db, 'terms', 'due', '--before', '2026-05-19', '--json']));
    expect(none.terms).toEqual([]);
  }, SLOW);

  it('disclosure due flags every area of a month with nothing published', async () => {
    const run = await runCli(['--db', db, 'disclosure', 'due', '--period', '2026-05', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = jsonLine(run);
    expect(out.fixedDay).toBe('2026-05-09');
    const happy = (out.rows as { communityName: string; area: string; state: string }[]).filter((r) => r.communityName === '幸福社区');
    expect(happy.map((r) => [r.area, r.state])).toEqual([
      ['party', 'overdue'],
      ['affairs', 'overdue'],
      ['finance', 'overdue'],
      ['service', 'overdue'],
    ]);
    expect((await runCli(['--db', db, 'disclosure', 'due', '--period', '2026-13'])).code).toBe(2);
  }, SLOW);

  it('audits stats counts the plan’s completion', async () => {
    const out = jsonLine(await runCli(['--db', db, 'audits', 'stats', '--year', '2026', '--json']));
    expect(out).toMatchObject({ ok: true, year: 2026, planned: 2, total: 2, done: 1, rate: '50.0' });
  }, SLOW);
});
