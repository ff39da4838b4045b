// `npm run bench -- develop`: the 发展党员 board over a large street's register (3,000 people at every stage,
// each with their steps), through the contract, next to the floor of reading the same rows raw.
import path from 'node:path';
import { StreetDeskApp } from '../src/core/app';
import { seedDemo } from '../src/core/services/seed-demo';
import { citizenIdCheckDigit } from '../src/shared/validators';
import { addDays } from '../src/shared/develop/dates';

const PEOPLE = 3_000;
const PATH = ['applied', 'talked', 'activist', 'review', 'review', 'candidate', 'politicalReview', 'training', 'preReview', 'notice', 'admitted', 'approved'] as const;
const STAGE_AT = ['applicant', 'applicant', 'activist', 'activist', 'activist', 'candidate', 'candidate', 'candidate', 'candidate', 'candidate', 'probationary', 'probationary'] as const;

export async function benchDevelop(dir: string, add: (what: string, figure: number, floor: number) => void): Promise<void> {
  const app = new StreetDeskApp({ dbPath: path.join(dir, 'develop.db') });
  const { token } = await app.invoke('setup.initialize', {
    street: { name: '基准街道', code: '370782001', districtName: '诸城市' },
    admin: { username: 'admin', displayName: '管理员', password: 'bench12345' },
  });
  const db = app.database;
  db.transaction(() => seedDemo(db, { members: 2_000, seed: 3 }, new Date()))();
  const branches = (db.prepare("SELECT id FROM organizations WHERE level = 'branch'").all() as { id: number }[]).map((r) => r.id);
  const person = db.prepare(
    `INSERT INTO develop_people (name, id_number, sex, birth_date, org_id, stage, applied_on, last_step_on, created_at, updated_at)
     VALUES (?, ?, 1, ?, ?, ?, '2023-01-05', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  const step = db.prepare("INSERT INTO develop_steps (person_id, step, on_date, detail, recorded_by, recorded_at) VALUES (?, ?, ?, ?, 'bench', '2026-01-01T00:00:00Z')");
  db.transaction(() => {
    for (let i = 0; i < PEOPLE; i++) {
      // A different birthday for each, so every ID number is valid and unique.
      const birth = addDays('1980-01-01', i);
      const first17 = `370782${birth.replace(/-/g, '')}001`;
      const steps = 1 + (i % PATH.length);
      const id = Number(person.run(`发展${i}`, first17 + citizenIdCheckDigit(first17), birth, branches[i % branches.length], STAGE_AT[steps - 1], '2025-06-01').lastInsertRowid);
      for (let s = 0; s < steps; s++) step.run(id, PATH[s], addDays('2023-01-05', s * 60), PATH[s] === 'training' ? '{"hours":24}' : null);
    }
  })();
  const samples: number[] = [];
  const floor: number[] = [];
  const rawPeople = db.prepare('SELECT p.*, o.name AS org_name, o.community_id FROM develop_people p JOIN organizations o ON o.id = p.org_id');
  const rawSteps = db.prepare('SELECT person_id, step, on_date, detail FROM develop_steps ORDER BY person_id, on_date');
  for (let i = 0; i < 30; i++) {
    let t = performance.now();
    await app.call('develop.list', {}, token);
    samples.push(performance.now() - t);
    t = performance.now();
    rawPeople.all();
    rawSteps.all();
    floor.push(performance.now() - t);
  }
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
  add(`develop board over ${PEOPLE.toLocaleString('en')} people with their steps, p95 (floor: the same rows read raw)`, p95(samples), p95(floor));
  app.close();
}
