// The demo street's development pipeline (seed-demo): in some branches, people at every stage with dates a
// clerk could have entered — applicants waiting for their talk, activists between half-year reviews,
// candidates on the way to the branch meeting — and, for the probationary and recently full members the roll
// already has, the path that led there (admitted on their join date, 转正 on their full date). Every path is
// judged by the rules engine before it is written; one the engine would refuse (a holiday stretching a notice,
// a member too young on the application day) is left out, so the demo never shows a broken path.
// Same seed → same pipeline. Names come from seed-demo's lists; this file holds no text of its own.
import type { Db } from '../../db/connection';
import { addDays, addMonths, addYears } from '../../../shared/develop/dates';
import { checkPath, probationEnd, stageOf, type DevelopPath, type DevelopStep } from '../../../shared/develop/rules';
import { citizenIdCheckDigit } from '../../../shared/validators/citizen-id';
import { GIVEN, prng, SURNAMES } from '../seed-demo';
import { ruleOptions } from './settings';

export interface SeedPipelineOptions {
  seed: number;
  /** The demo street's today (YYYY-MM-DD). */
  until: string;
  /** Branches that get new people (the first ones, in id order): bounded so a big street stays quick. */
  branches?: number;
  /** Members already on the roll whose path is written (probationary, and full within three years). */
  members?: number;
}

interface Member {
  id: number;
  name: string;
  id_number: string;
  sex: 1 | 2;
  birth_date: string;
  org_id: number;
  category: string;
  join_date: string;
  full_date: string | null;
  phone: string | null;
}

/** A valid path to the branch meeting on `admitted`, built backwards the way the rules count. */
function pathTo(birth: string, admitted: string, jitter: () => number): DevelopPath {
  const notice = addDays(admitted, -14 - jitter());
  const candidate = addDays(notice, -30 - jitter());
  const activist = addDays(addYears(candidate, -1), -jitter());
  const talked = addDays(activist, -20 - jitter());
  return {
    birth,
    applied: addDays(talked, -10 - (jitter() % 15)),
    talked,
    activist,
    reviews: [addMonths(activist, 5), addMonths(activist, 10)],
    candidate,
    introducers: 2,
    politicalReview: addDays(candidate, 5),
    training: { on: addDays(candidate, 12), hours: 24 },
    preReview: addDays(notice, -3),
    notice,
    admitted,
  };
}

export function seedPipeline(db: Db, options: SeedPipelineOptions, actor: string, now: Date): { developPeople: number } {
  const random = prng(options.seed * 7919 + 16);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const jitter = () => between(0, 20);
  const today = options.until;
  const opts = ruleOptions(db);
  const at = now.toISOString();
  const fullMembers = new Map<number, number[]>();
  for (const r of db.prepare("SELECT id, org_id FROM members WHERE status = 'active' AND category = 'full' ORDER BY id").all() as { id: number; org_id: number }[]) {
    const list = fullMembers.get(r.org_id) ?? [];
    if (list.length < 4) list.push(r.id);
    fullMembers.set(r.org_id, list);
  }
  const insertPerson = db.prepare(
    `INSERT INTO develop_people (name, id_number, sex, birth_date, phone, org_id, stage, member_id, applied_on, last_step_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStep = db.prepare(
    `INSERT INTO develop_steps (person_id, step, on_date, detail, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertContact = db.prepare('INSERT OR IGNORE INTO develop_contacts (person_id, member_id, role) VALUES (?, ?, ?)');
  const taken = new Set(db.prepare('SELECT id_number FROM members UNION SELECT id_number FROM develop_people').pluck().all() as string[]);
  let written = 0;

  const write = (p: { name: string; idNumber: string; sex: 1 | 2; phone: string | null; orgId: number; memberId: number | null }, path: DevelopPath): void => {
    const introducers = fullMembers.get(p.orgId) ?? [];
    // The introducers are counted from the roll: a branch without two full members cannot have had a candidate.
    if (path.candidate && introducers.length < 2) return;
    const check = checkPath({ ...path, introducers: path.candidate ? 2 : 0 }, opts);
    if (!check.ok || !check.stage) return;
    const steps: { step: DevelopStep; on: string; detail?: Record<string, unknown> }[] = [];
    for (const step of ['applied', 'talked', 'activist', 'candidate', 'politicalReview', 'preReview', 'notice', 'admitted', 'approved', 'oath', 'full'] as const) {
      const on = path[step];
      if (on) steps.push({ step, on, detail: step === 'admitted' || step === 'full' ? { attendance: 12, votesFor: 12, votesAgainst: 0 } : undefined });
    }
    for (const on of path.reviews ?? []) steps.push({ step: 'review', on });
    if (path.training?.on) steps.push({ step: 'training', on: path.training.on, detail: { hours: path.training.hours } });
    steps.sort((a, b) => a.on.localeCompare(b.on));
    const last = steps[steps.length - 1].on;
    const personId = Number(insertPerson.run(p.name, p.idNumber, p.sex, path.birth, p.phone, p.orgId, stageOf(path), p.memberId, path.applied, last, at, at).lastInsertRowid);
    for (const s of steps) insertStep.run(personId, s.step, s.on, s.detail ? JSON.stringify(s.detail) : null, actor, at);
    if (path.activist && introducers.length) insertContact.run(personId, introducers[0], 'contact');
    if (path.candidate) for (const m of introducers.slice(0, 2)) insertContact.run(personId, m, 'introducer');
    taken.add(p.idNumber);
    written++;
  };

  // The roll's probationary and recently full members: the path that led them there.
  const since = addYears(today, -3);
  const members = db
    .prepare(
      `SELECT id, name, id_number, sex, birth_date, org_id, category, join_date, full_date, phone FROM members
       WHERE status = 'active' AND join_date IS NOT NULL AND join_date >= ? AND join_date <= ? ORDER BY id LIMIT ?`,
    )
    .all(since, today, options.members ?? 40) as Member[];
  for (const m of members) {
    if (db.prepare('SELECT 1 FROM develop_people WHERE id_number = ?').get(m.id_number)) continue;
    const path = pathTo(m.birth_date, m.join_date, jitter);
    const approved = addDays(m.join_date, between(20, 60));
    if (approved <= today) path.approved = path.oath = approved;
    if (m.category === 'full' && m.full_date && path.approved) {
      const full = addDays(probationEnd(path)!, between(0, 20));
      if (full <= today && probationEnd(path) === m.full_date) path.full = full;
      else continue;
    }
    write({ name: m.name, idNumber: m.id_number, sex: m.sex, phone: m.phone, orgId: m.org_id, memberId: m.id }, path);
  }

  // New people in the first branches: an applicant, an activist and a candidate each, at a random point.
  const branches = db
    .prepare("SELECT id FROM organizations WHERE level = 'branch' AND closed_on IS NULL ORDER BY id LIMIT ?")
    .all(options.branches ?? 12) as { id: number }[];
  // The ID numbers' region: the street's division code, as seed-demo gives its members.
  const region = (db.prepare('SELECT division_code FROM street WHERE id = 1').pluck().get() as string).slice(0, 6);
  for (const branch of branches) {
    for (const stage of ['applicant', 'activist', 'candidate'] as const) {
      const sex = random() < 0.5 ? 1 : 2;
      const birth = addDays(addYears(today, -between(20, 38)), -between(0, 364));
      const seq = between(0, 99) * 10 + (sex === 1 ? between(0, 4) * 2 + 1 : between(0, 4) * 2);
      const first17 = `${region}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
      const idNumber = first17 + citizenIdCheckDigit(first17);
      if (taken.has(idNumber)) continue;
      const name = SURNAMES[between(0, SURNAMES.length - 1)] + GIVEN[between(0, GIVEN.length - 1)] + (random() < 0.7 ? GIVEN[between(0, GIVEN.length - 1)] : '');
      let path: DevelopPath;
      if (stage === 'applicant') {
        const applied = addDays(today, -between(3, 40));
        const talked = addDays(applied, between(5, 25));
        path = { birth, applied, ...(talked <= today ? { talked } : {}) };
      } else if (stage === 'activist') {
        const activist = addDays(today, -between(40, 340));
        const talked = addDays(activist, -between(15, 60));
        const reviews = [addMonths(activist, 5), addMonths(activist, 10)].filter((d) => d <= today);
        path = { birth, applied: addDays(talked, -between(5, 25)), talked, activist, reviews };
      } else {
        const candidate = addDays(today, -between(10, 90));
        const activist = addDays(addYears(candidate, -1), -between(0, 40));
        const talked = addDays(activist, -between(15, 60));
        path = { birth, applied: addDays(talked, -between(5, 25)), talked, activist, reviews: [addMonths(activist, 5), addMonths(activist, 10)], candidate };
        if (addDays(candidate, 5) <= today) path.politicalReview = addDays(candidate, 5);
        if (addDays(candidate, 12) <= today) path.training = { on: addDays(candidate, 12), hours: 24 };
      }
      write({ name, idNumber, sex, phone: `1${between(3, 9)}${String(between(0, 999999999)).padStart(9, '0')}`, orgId: branch.id, memberId: null }, path);
    }
  }
  return { developPeople: written };
}
