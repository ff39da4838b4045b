// Correcting a recorded step (a date or a number typed wrong on the paper's way into StreetDesk). The whole
// path is judged again with the corrected step in place, so a correction that would make a later step break
// its rule (a candidate's year as activist, a meeting inside the notice) is refused naming that rule on that
// step; nothing is written unless the path stays whole. The roll follows where the step set its dates: the
// branch meeting is the member's join date, the probation's end the full date, the cancellation the day the
// member left. Roles, scope and the month freeze (the old and the new day) are the dispatcher's.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import { checkPath, probationEnd, type DevelopPath, type RuleOptions } from '../../../shared/develop/rules';
import { AppError } from '../../../shared/result';
import { localIsoDate } from '../../../shared/validators';
import type { Member } from '../../db/schema';
import type { DevelopPerson, DevelopStepRecord } from '../../db/schema-develop';
import type { Scope } from '../../scope';
import { eventWriter, updateMember } from '../member-records';
import { introducerCount, stepsOf, toPath } from './path';
import { checkVote, getPerson, problemIssues, refuse } from './people';

type CorrectInput = ApiParsedInput<'develop.correctStep'>;

const DETAIL_KEYS = ['hours', 'days', 'months', 'attendance', 'votesFor', 'votesAgainst'] as const;
const TEXT_COLUMNS = [
  ['orgName', 'org_name'],
  ['people', 'people'],
  ['documentNumber', 'document_number'],
  ['note', 'note'],
] as const;

export interface CorrectOutcome {
  person: DevelopPerson;
  /** The step as it was and as it is; equal when the correction changed nothing (then nothing is written). */
  before: DevelopStepRecord;
  after: DevelopStepRecord;
  /** The member whose roll dates the correction moved. */
  member: { before: Member; after: Member } | null;
}

export function correctStep(db: Db, input: CorrectInput, now: Date, actor: string, opts: RuleOptions, scope: Scope | null): CorrectOutcome {
  const person = getPerson(db, input.id);
  if (person.version !== input.version) throw new AppError('STALE_RECORD', 'the person was changed by someone else', { id: person.id, version: person.version });
  const steps = stepsOf(db, person.id);
  const before = steps.find((s) => s.id === input.stepId);
  if (!before) throw refuse([{ field: 'stepId', problem: 'notFound', value: input.stepId }]);
  const today = localIsoDate(now);
  if (input.on !== undefined && input.on > today) throw refuse([{ field: 'on', problem: 'developStepInFuture', value: input.on, params: { today } }]);

  const detail = before.detail ? (JSON.parse(before.detail) as Record<string, unknown>) : {};
  for (const key of DETAIL_KEYS) if (input[key] !== undefined) detail[key] = input[key];
  const after: DevelopStepRecord = { ...before, on_date: input.on ?? before.on_date, detail: Object.keys(detail).length ? JSON.stringify(detail) : null };
  for (const [field, column] of TEXT_COLUMNS) if (input[field] !== undefined) after[column] = input[field] || null;
  const vote = checkVote({ step: before.step, attendance: detail.attendance as number | undefined, votesFor: detail.votesFor as number | undefined, votesAgainst: detail.votesAgainst as number | undefined });
  if (vote.length) throw refuse(vote);
  if (JSON.stringify(after) === JSON.stringify(before)) return { person, before, after, member: null };

  // The rules: every problem the corrected path has that the recorded one did not.
  const introducers = introducerCount(db, person.id);
  const pathBefore = toPath(person.birth_date, { steps, introducers });
  const pathAfter = toPath(person.birth_date, { steps: steps.map((s) => (s.id === before.id ? after : s)), introducers });
  const known = new Set(checkPath(pathBefore, opts).problems.map((p) => `${p.step}/${p.code}`));
  const fresh = checkPath(pathAfter, opts).problems.filter((p) => !known.has(`${p.step}/${p.code}`));
  if (fresh.length) throw refuse(problemIssues(fresh, pathAfter, before.step));

  db.prepare('UPDATE develop_steps SET on_date = ?, org_name = ?, people = ?, document_number = ?, note = ?, detail = ? WHERE id = ?').run(
    after.on_date,
    after.org_name,
    after.people,
    after.document_number,
    after.note,
    after.detail,
    after.id,
  );
  const lastStep = steps.map((s) => (s.id === after.id ? after.on_date : s.on_date)).reduce((a, b) => (a > b ? a : b));
  db.prepare('UPDATE develop_people SET applied_on = ?, last_step_on = ?, version = version + 1, updated_at = ? WHERE id = ?').run(pathAfter.applied ?? person.applied_on, lastStep, now.toISOString(), person.id);

  let member: CorrectOutcome['member'] = null;
  if (person.member_id !== null && after.on_date !== before.on_date) member = followOnRoll(db, person.member_id, before, after, pathAfter, now, actor, scope);
  return { person: getPerson(db, person.id), before, after, member };
}

/** The roll's dates the corrected step set, moved with it (through the roll's own update, which keeps its history). */
function followOnRoll(db: Db, memberId: number, before: DevelopStepRecord, after: DevelopStepRecord, path: DevelopPath, now: Date, actor: string, scope: Scope | null): CorrectOutcome['member'] {
  const m = db.prepare('SELECT * FROM members WHERE id = ?').get(memberId) as Member;
  const events = eventWriter(db, actor, now);
  if (before.step === 'disqualified') {
    if (m.status !== 'history') return null;
    db.prepare('UPDATE members SET left_on = ?, version = version + 1, updated_at = ? WHERE id = ?').run(after.on_date, now.toISOString(), memberId);
    events(memberId, 'corrected', after.on_date, { developStep: 'disqualified', leftOn: { from: before.on_date, to: after.on_date } });
    return { before: m, after: db.prepare('SELECT * FROM members WHERE id = ?').get(memberId) as Member };
  }
  if (m.status !== 'active') return null;
  const fields: Record<string, string> = {};
  if (before.step === 'admitted' && path.admitted && m.join_date !== path.admitted) fields.joinDate = path.admitted;
  const fullDate = path.full ? probationEnd(path) : null;
  if ((before.step === 'admitted' || before.step === 'extended') && fullDate && m.full_date !== fullDate) fields.fullDate = fullDate;
  if (!Object.keys(fields).length) return null;
  const changed = updateMember(db, { id: memberId, version: m.version, fields }, now, events, scope);
  return { before: changed.before, after: changed.after };
}

