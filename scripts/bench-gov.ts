// Issue 17's figures for `npm run bench -- gov`: a street's year of governance registers — 20,000 projects with
// 60,000 milestones and 2,000 disclosure items over its communities — read as the 项目 tab and the CLI read
// them (projects.stats through the dispatcher) and as the monthly return counts them (the governance table),
// each next to the floor of the same figures in one raw SQL pass.
import path from 'node:path';
import { StreetDeskApp } from '../src/core/app';
import { governanceTable } from '../src/core/returns/gov-table';
import { periodBounds } from '../src/core/returns/period';
import { seedDemo } from '../src/core/services/seed-demo';

type Add = (what: string, figure: number, floor: number) => void;

const TYPES = ['secretary', 'first_secretary', 'priority', 'rectification'] as const;
const AREAS = ['party', 'affairs', 'finance', 'service'] as const;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
}

export async function benchGov(dir: string, add: Add): Promise<void> {
  const app = new StreetDeskApp({ dbPath: path.join(dir, 'gov.db'), appVersion: 'bench' });
  const { token } = await app.invoke('setup.initialize', {
    street: { name: '基准街道', code: '370782009', districtName: '诸城市' },
    admin: { username: 'admin', displayName: '管理员', password: 'bench12345' },
  });
  const db = app.database;
  const at = new Date().toISOString();
  // The registers are loaded in one transaction (the contract would take minutes to enter 20,000 projects; what
  // is measured is reading them, which goes through the dispatcher).
  db.transaction(() => {
    seedDemo(db, { members: 2_000, seed: 17 }, new Date());
    const communities = (db.prepare('SELECT id FROM communities').pluck().all() as number[]).concat([null as unknown as number]);
    const project = db.prepare(
      `INSERT INTO gov_projects (community_id, type, year, name, owner, budget_fen, status, completed_on, created_at, updated_at) VALUES (?, ?, 2026, ?, '王书记', 100000, ?, ?, ?, ?)`,
    );
    const milestone = db.prepare('INSERT INTO gov_project_milestones (project_id, position, title, due_on, done_on) VALUES (?, ?, ?, ?, ?)');
    for (let i = 0; i < 20_000; i++) {
      const done = i % 5 < 3;
      const id = Number(project.run(communities[i % communities.length], TYPES[i % 4], `项目${i}`, done ? 'done' : 'in_progress', done ? '2026-09-30' : null, at, at).lastInsertRowid);
      for (let m = 0; m < 3; m++) milestone.run(id, m, `节点${m}`, `2026-0${3 + m * 3}-15`, done || m === 0 ? '2026-03-10' : null);
    }
    const item = db.prepare(
      `INSERT INTO gov_disclosures (community_id, area, title, content, period_from, period_to, status, drafted_by, drafted_on, published_by, published_on, created_at, updated_at)
       VALUES (?, ?, '公开事项', '公开内容', ?, ?, 'published', '李文书', ?, '李文书', ?, ?, ?)`,
    );
    for (let i = 0; i < 2_000; i++) {
      const month = String((i % 10) + 1).padStart(2, '0');
      item.run(communities[i % communities.length], AREAS[i % 4], `2026-${month}-01`, `2026-${month}-28`, `2026-${month}-05`, `2026-${month}-09`, at, at);
    }
  })();

  const stats: number[] = [];
  const statsFloor: number[] = [];
  const floorSql = db.prepare(
    `SELECT type, community_id, count(*) AS total, sum(status = 'done') AS done FROM gov_projects WHERE year = 2026 GROUP BY type, community_id`,
  );
  const overdueSql = db.prepare(`SELECT count(*) FROM gov_project_milestones m JOIN gov_projects p ON p.id = m.project_id WHERE p.year = 2026 AND m.done_on IS NULL AND m.due_on < '2026-12-04'`);
  for (let i = 0; i < 100; i++) {
    let t = performance.now();
    await app.call('projects.stats', { year: 2026 }, token);
    stats.push(performance.now() - t);
    t = performance.now();
    floorSql.all();
    overdueSql.get();
    statsFloor.push(performance.now() - t);
  }
  add('projects.stats over 20,000 projects and 60,000 milestones, p95 (floor: the same group-by and count, raw SQL)', p95(stats), p95(statsFloor));

  const table: number[] = [];
  const tableFloor: number[] = [];
  const p = periodBounds('2026-10');
  const rawTable = db.prepare(
    `SELECT community_id, area, max(published_on) FROM gov_disclosures WHERE published_on <= '2026-10-31' GROUP BY community_id, area`,
  );
  const rawProjects = db.prepare(`SELECT community_id, count(*), sum(status = 'done' AND completed_on <= '2026-10-31') FROM gov_projects WHERE year = 2026 GROUP BY community_id`);
  for (let i = 0; i < 50; i++) {
    let t = performance.now();
    governanceTable(db, p);
    table.push(performance.now() - t);
    t = performance.now();
    rawTable.all();
    rawProjects.all();
    tableFloor.push(performance.now() - t);
  }
  add('return table governance for a month, 20,000 projects and 2,000 items, p95 (floor: the same figures grouped in raw SQL)', p95(table), p95(tableFloor));
  app.close();
}
