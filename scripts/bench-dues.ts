// `npm run bench -- dues`: Party dues at the size of a large street — a month's ledger generated for 100,000
// members (target < 1 s) and the arrears list over 5 years of ledgers for them (target < 300 ms), each beside
// its raw SQL floor measured on the same data in the same run.
import path from 'node:path';
import { StreetDeskApp } from '../src/core/app';
import { refreshStatistics } from '../src/core/db/open';
import { seedDemo } from '../src/core/services/seed-demo';
import { generateLedger } from '../src/core/services/dues/ledger';
import { arrears } from '../src/core/services/dues/arrears';
import { addMonths } from '../src/shared/dues/money';

type Add = (what: string, figure: number, floor: number) => void;

const MEMBERS = 100_000;
const MONTH = '2026-11';
/** Five years of months ending with MONTH. */
const YEARS = Array.from({ length: 60 }, (_, i) => addMonths(MONTH, i - 60));

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchDues(dir: string, add: Add): Promise<void> {
  const app = new StreetDeskApp({ dbPath: path.join(dir, 'dues.db') });
  await app.invoke('setup.initialize', {
    street: { name: '基准街道', code: '370782001', districtName: '诸城市' },
    admin: { username: 'admin', displayName: '管理员', password: 'bench12345' },
  });
  const db = app.database;
  db.transaction(() => seedDemo(db, { members: MEMBERS, seed: 3 }, new Date(2026, 10, 20)))();
  // Every member a base from long ago: working on pay spread over the bands, retired on pensions, a few fixed.
  db.exec(`INSERT INTO dues_bases (member_id, category, base_fen, effective_month, recorded_by, recorded_at)
    SELECT id, CASE id % 10 WHEN 0 THEN 'student' WHEN 1 THEN 'farmer' WHEN 2 THEN 'retired' WHEN 3 THEN 'retired' ELSE 'working' END,
      CASE WHEN id % 10 IN (0, 1) THEN NULL ELSE 150000 + (id * 7919) % 1500000 END, '2000-01', 'bench', '2026-11-20T00:00:00Z' FROM members`);
  refreshStatistics(db, 'after-bulk-load');

  // A month's ledger from the roster, three times on an empty month (each run rolled back), against the floor:
  // the same rows, computed beforehand, inserted by one prepared statement into a table of the same shape.
  const runs: number[] = [];
  let created = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    db.exec('SAVEPOINT bench');
    created = generateLedger(db, MONTH, null).created;
    runs.push(performance.now() - t);
    db.exec('ROLLBACK TO bench; RELEASE bench');
  }
  const rows = db.prepare(`SELECT m.id, m.org_id, b.category, b.base_fen FROM members m JOIN dues_bases b ON b.member_id = m.id WHERE m.status = 'active'`).raw().all() as [number, number, string, number | null][];
  db.exec('CREATE TABLE ledger_floor AS SELECT * FROM dues_ledger WHERE 0; CREATE UNIQUE INDEX ledger_floor_mp ON ledger_floor (member_id, period); CREATE INDEX ledger_floor_op ON ledger_floor (org_id, period); CREATE INDEX ledger_floor_p ON ledger_floor (period); CREATE INDEX ledger_floor_u ON ledger_floor (member_id, period, org_id, due_fen, paid_fen) WHERE paid_fen < due_fen;');
  const floors: number[] = [];
  for (let i = 0; i < 3; i++) {
    const insert = db.prepare('INSERT INTO ledger_floor (member_id, org_id, period, category, base_fen, due_fen, paid_fen) VALUES (?, ?, ?, ?, ?, 1500, 0)');
    const t = performance.now();
    db.transaction(() => {
      for (const r of rows) insert.run(r[0], r[1], MONTH, r[2], r[3]);
    })();
    floors.push(performance.now() - t);
    db.exec('DELETE FROM ledger_floor');
  }
  add(`dues ledger of a month generated from the roster, ${created.toLocaleString('en')} members, median of 3 — target < 1 s (floor: same rows, raw insert)`, median(runs), median(floors));

  // Five years of ledgers: one member in 20 owing a month here and there (one in 7), one in 500 six months behind.
  db.exec('CREATE TEMP TABLE months (n INTEGER, period TEXT)');
  const month = db.prepare('INSERT INTO months VALUES (?, ?)');
  YEARS.forEach((p, n) => month.run(n, p));
  db.exec(`INSERT INTO dues_ledger (member_id, org_id, period, category, base_fen, due_fen, paid_fen)
    SELECT m.id, m.org_id, p.period, 'working', 300000, 1500,
      CASE WHEN (m.id % 20 = 0 AND (m.id + p.n) % 7 = 0) OR (m.id % 500 = 0 AND p.n >= 54) THEN 0 ELSE 1500 END
    FROM members m CROSS JOIN months p WHERE m.status = 'active'`);
  refreshStatistics(db, 'after-bulk-load');
  const ledgerRows = db.prepare('SELECT count(*) FROM dues_ledger').pluck().get() as number;
  const times: number[] = [];
  const floorTimes: number[] = [];
  let listed = 0;
  const floorSql = db.prepare('SELECT member_id, count(*), sum(due_fen - paid_fen), min(period), max(period) FROM dues_ledger WHERE paid_fen < due_fen AND period <= ? GROUP BY member_id');
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    listed = arrears(db, MONTH, 1, null).length;
    times.push(performance.now() - t);
    t = performance.now();
    floorSql.raw().all(MONTH);
    floorTimes.push(performance.now() - t);
  }
  add(`dues arrears over 5 years (${ledgerRows.toLocaleString('en')} ledger rows, ${listed.toLocaleString('en')} members owing), median of 5 — target < 300 ms (floor: GROUP BY of the unpaid rows, raw)`, median(times), median(floorTimes));
  app.close();
}
