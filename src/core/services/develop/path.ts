// A person's path as the rules engine reads it, built from the stored steps and contacts, and the person's
// row with what is due. One place turns records into a DevelopPath, so the board, the step entry, the import
// and the papers all judge a path the same way.
import type { Db } from '../../db/connection';
import type { DevelopPersonRow, DevelopStepRow } from '../../../shared/api/contract-develop';
import { checkPath, type DevelopPath, type NextStep, type PathCheck, type RuleOptions } from '../../../shared/develop/rules';
import type { DevelopPerson, DevelopStepRecord } from '../../db/schema-develop';

export interface PathParts {
  steps: readonly Pick<DevelopStepRecord, 'step' | 'on_date' | 'detail'>[];
  /** Introducers who are full members of the roll. */
  introducers: number;
}

export function toPath(birth: string, parts: PathParts): DevelopPath {
  const path: DevelopPath = { birth, introducers: parts.introducers };
  const reviews: string[] = [];
  for (const s of parts.steps) {
    const detail = s.detail ? (JSON.parse(s.detail) as Record<string, unknown>) : {};
    switch (s.step) {
      case 'review':
        reviews.push(s.on_date);
        break;
      case 'training':
        path.training = { on: s.on_date, hours: numberOr(detail.hours), days: numberOr(detail.days) };
        break;
      case 'extended':
        path.extended = { on: s.on_date, months: numberOr(detail.months) ?? 0 };
        break;
      default:
        path[s.step] = s.on_date;
    }
  }
  if (reviews.length) path.reviews = reviews;
  return path;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function stepsOf(db: Db, personId: number): DevelopStepRecord[] {
  return db.prepare('SELECT * FROM develop_steps WHERE person_id = ? ORDER BY on_date, id').all(personId) as DevelopStepRecord[];
}

/** Introducers on record who are full members on the roll now (a member who left no longer counts). */
export function introducerCount(db: Db, personId: number): number {
  return db
    .prepare(
      `SELECT count(*) FROM develop_contacts c JOIN members m ON m.id = c.member_id
       WHERE c.person_id = ? AND c.role = 'introducer' AND m.status = 'active' AND m.category = 'full'`,
    )
    .pluck()
    .get(personId) as number;
}

export function pathOfPerson(db: Db, person: DevelopPerson): DevelopPath {
  return toPath(person.birth_date, { steps: stepsOf(db, person.id), introducers: introducerCount(db, person.id) });
}

/** Steps whose mark is the day they become possible (a year as activist, the probation's end); others are deadlines. */
const MARK_STEPS = new Set(['candidate', 'admitted', 'full']);

/** The day an item of `due` falls due: the mark for the steps that wait for one, the deadline for the others. */
export function dueOn(item: NextStep): string | null {
  return MARK_STEPS.has(item.step) ? (item.earliest ?? item.latest) : (item.latest ?? item.earliest);
}

export type PersonWithNames = DevelopPerson & { org_name: string; community_id: number | null; community_name: string | null };

export function toPersonRow(p: PersonWithNames, check: PathCheck): DevelopPersonRow {
  return {
    id: p.id,
    name: p.name,
    idNumber: p.id_number,
    sex: p.sex,
    birthDate: p.birth_date,
    phone: p.phone,
    orgId: p.org_id,
    orgName: p.org_name,
    communityId: p.community_id,
    communityName: p.community_name,
    stage: p.stage,
    memberId: p.member_id,
    appliedOn: p.applied_on,
    lastStepOn: p.last_step_on,
    next: check.next,
    due: check.due,
    probationEnds: check.probationEnds,
    version: p.version,
    updatedAt: p.updated_at,
  };
}

export const PERSON_WITH_NAMES = `SELECT p.*, o.name AS org_name, o.community_id AS community_id, c.name AS community_name
  FROM develop_people p JOIN organizations o ON o.id = p.org_id LEFT JOIN communities c ON c.id = o.community_id`;

export function personWithNames(db: Db, id: number): PersonWithNames | undefined {
  return db.prepare(`${PERSON_WITH_NAMES} WHERE p.id = ?`).get(id) as PersonWithNames | undefined;
}

export function personRow(db: Db, id: number, opts: RuleOptions): DevelopPersonRow {
  const p = personWithNames(db, id)!;
  return toPersonRow(p, checkPath(pathOfPerson(db, p), opts));
}

export function toStepRow(s: DevelopStepRecord): DevelopStepRow {
  return {
    id: s.id,
    step: s.step,
    on: s.on_date,
    orgName: s.org_name,
    people: s.people,
    documentNumber: s.document_number,
    note: s.note,
    detail: s.detail ? (JSON.parse(s.detail) as Record<string, unknown>) : null,
    recordedBy: s.recorded_by,
    recordedAt: s.recorded_at,
  };
}
