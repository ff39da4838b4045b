// Issue 18's figures for `npm run bench -- overview`: the secretary's overview on a street of 100,000 members
// with a year of the counter's requests and five years of organizational life. The first load of every tile
// (overview.get through the dispatcher, as the home page asks for it) and the slowest single tile (each page
// query the overview reads through), each beside the floor of the same figures in raw SQL.
import path from 'node:path';
import { StreetDeskApp } from '../src/core/app';
import { refreshStatistics } from '../src/core/db/open';
import { seedDemo } from '../src/core/services/seed-demo';
import { seedServiceWork } from '../src/core/services/counter/seed-service';
import { seedMeetings } from '../src/core/services/life/seed-meetings';
import { HELD_MONTHS_SQL } from '../src/core/services/life/compliance';

type Add = (what: string, figure: number, floor: number) => void;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function benchOverview(dir: string, add: Add): Promise<void> {
  const until = new Date(Date.UTC(2026, 9, 31));
  const app = new StreetDeskApp({ dbPath: path.join(dir, 'overview.db'), appVersion: 'bench', now: () => new Date(2026, 10, 6, 9) });
  const { token } = await app.invoke('setup.initialize', {
    street: { name: '基准街道', code: '370782018', districtName: '诸城市' },
    admin: { username: 'admin', displayName: '管理员', password: 'bench12345' },
  });
  const db = app.database;
  db.transaction(() => {
    seedDemo(db, { members: 100_000, seed: 18, until }, new Date());
    seedServiceWork(db, { requests: 100_000, seed: 18, until }, new Date());
    seedMeetings(db, { seed: 18, until: '2026-10-31', years: 5 });
  })();
  refreshStatistics(db, 'after-bulk-load');

  // The floor: the members' tiles and the counter's month in one raw pass each, and the compliance grid's SQL.
  const membersRaw = db.prepare(`SELECT count(*), sum(category = 'full'), sum(mobile), sum(lost_contact), sum(hardship) FROM members WHERE status = 'active'`);
  const byOrgRaw = db.prepare(`SELECT org_id, count(*) FROM members WHERE status = 'active' GROUP BY org_id`);
  const counterRaw = db.prepare(`SELECT list_class, count(*) FROM service_requests WHERE substr(accepted_on, 1, 7) = ? GROUP BY list_class`);
  const lifeRaw = db.prepare(HELD_MONTHS_SQL);
  const floor = () => {
    membersRaw.get();
    byOrgRaw.all();
    counterRaw.all('2026-10');
    lifeRaw.all({ from: '2026-01-01', to: '2026-12-31' });
  };

  const first = await timed(() => app.call('overview.get', { period: '2026-10' }, token));
  const loads: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < 5; i++) {
    loads.push(await timed(() => app.call('overview.get', { period: '2026-10' }, token)));
    floors.push(await timed(floor));
  }
  add('overview: first load of every tile over 100,000 members (overview.get, cold) — target < 1 s (floor: the members, counter and compliance SQL, raw)', first, median(floors));
  add('overview: every tile again, median of 5 (floor: same raw SQL)', median(loads), median(floors));

  // Each tile's page query through the dispatcher, as the overview reads it; the slowest is reported.
  const tiles: [string, () => unknown][] = [
    ['members.list', () => app.call('members.list', { mobile: true, limit: 1 }, token)],
    ['counter.stats', () => app.call('counter.stats', { period: '2026-10' }, token)],
    ['requests.list overdue', () => app.call('requests.list', { overdue: true, limit: 50 }, token)],
    ['life.compliance', () => app.call('life.compliance', { year: 2026 }, token)],
    ['develop.list', () => app.call('develop.list', {}, token)],
    ['dues.arrears', () => app.call('dues.arrears', { minMonths: 1 }, token)],
    ['projects.stats', () => app.call('projects.stats', { year: 2026 }, token)],
    ['terms.list', () => app.call('terms.list', {}, token)],
    ['disclosure.due', () => app.call('disclosure.due', { period: '2026-11' }, token)],
    ['transfers.list open', () => app.call('transfers.list', { open: true, limit: 1 }, token)],
  ];
  let slowest = { name: '', ms: 0 };
  for (const [name, run] of tiles) {
    const samples = [await timed(run), await timed(run), await timed(run)];
    if (median(samples) > slowest.ms) slowest = { name, ms: median(samples) };
  }
  const slowestFloor = median([await timed(floor), await timed(floor), await timed(floor)]);
  add(`overview: slowest tile (${slowest.name}), median of 3 — target < 200 ms (floor: the raw SQL above)`, slowest.ms, slowestFloor);
  app.close();
}
