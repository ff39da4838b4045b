// The yearly democratic appraisal of members (民主评议党员): one session per branch and year, a grade for each
// member on the roll on the day, 优秀 at most one third of those appraised, and 不合格 only with the
// organization's follow-up recorded. Saving replaces the session's grades whole.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { AppraisalInfo } from '../../../shared/api/contract-life';
import type { AppraisalGrade } from '../../../shared/api/schemas-life';
import { excellentAllowed, excellentCap, tally } from '../../../shared/life-rules';
import type { FieldIssue } from '../../../shared/result';
import { issue, notFound, refuse, refused } from '../counter/refusals';
import { membersOnDay } from './roster';

interface SessionRow {
  id: number;
  held_on: string;
  updated_at: string;
}

function orgName(db: Db, orgId: number): string {
  const name = db.prepare('SELECT name FROM organizations WHERE id = ?').pluck().get(orgId) as string | undefined;
  if (name === undefined) throw notFound('organization', orgId);
  return name;
}

export function getAppraisal(db: Db, orgId: number, year: number): AppraisalInfo {
  const name = orgName(db, orgId);
  const session = db.prepare('SELECT id, held_on, updated_at FROM appraisal_sessions WHERE org_id = ? AND year = ?').get(orgId, year) as SessionRow | undefined;
  const grades = new Map(
    session
      ? (db.prepare('SELECT member_id, grade, follow_up FROM appraisal_grades WHERE session_id = ?').all(session.id) as { member_id: number; grade: AppraisalGrade; follow_up: string | null }[]).map((g) => [g.member_id, g])
      : [],
  );
  const roster = membersOnDay(db, [orgId], session?.held_on ?? `${year}-12-31`);
  const members = roster.map((m) => ({ memberId: m.memberId, name: m.name, full: m.full, grade: grades.get(m.memberId)?.grade ?? null, followUp: grades.get(m.memberId)?.follow_up ?? '' }));
  const graded = members.flatMap((m) => (m.grade ? [m.grade] : []));
  return { orgId, orgName: name, year, heldOn: session?.held_on ?? null, members, tally: tally(graded), excellentCap: excellentCap(graded.length), updatedAt: session?.updated_at ?? null };
}

export function saveAppraisal(db: Db, input: ApiParsedInput<'appraisal.save'>, now: Date): { before: AppraisalInfo; after: AppraisalInfo } {
  const before = getAppraisal(db, input.orgId, input.year);
  if (input.heldOn.slice(0, 4) !== String(input.year)) throw refuse('heldOn', 'appraisalOutsideYear', input.heldOn, { year: input.year });
  const roster = new Map(membersOnDay(db, [input.orgId], input.heldOn).map((m) => [m.memberId, m]));
  const nameOf = db.prepare('SELECT name FROM members WHERE id = ?').pluck();
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  input.grades.forEach((g, i) => {
    const row = i + 1;
    const person = roster.get(g.memberId);
    if (!person) issues.push(issue(`grades.${i}.memberId`, 'appraiseeNotOnRoster', (nameOf.get(g.memberId) as string | undefined) ?? g.memberId, { row, day: input.heldOn }));
    else if (seen.has(g.memberId)) issues.push(issue(`grades.${i}.memberId`, 'appraiseeTwice', person.name, { row }));
    else if (g.grade === 'unqualified' && g.followUp === '') issues.push(issue(`grades.${i}.followUp`, 'unqualifiedNeedsFollowUp', undefined, { row, name: person.name }));
    seen.add(g.memberId);
  });
  if (issues.length) throw refused(issues);
  const excellent = input.grades.filter((g) => g.grade === 'excellent').length;
  if (!excellentAllowed(excellent, input.grades.length)) {
    throw refuse('grades', 'excellentOverCap', excellent, { excellent, appraised: input.grades.length, cap: excellentCap(input.grades.length) });
  }
  const stamp = now.toISOString();
  db.prepare(
    `INSERT INTO appraisal_sessions (org_id, year, held_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (org_id, year) DO UPDATE SET held_on = excluded.held_on, updated_at = excluded.updated_at, version = version + 1`,
  ).run(input.orgId, input.year, input.heldOn, stamp, stamp);
  const sessionId = db.prepare('SELECT id FROM appraisal_sessions WHERE org_id = ? AND year = ?').pluck().get(input.orgId, input.year) as number;
  db.prepare('DELETE FROM appraisal_grades WHERE session_id = ?').run(sessionId);
  const insert = db.prepare('INSERT INTO appraisal_grades (session_id, member_id, grade, follow_up) VALUES (?, ?, ?, ?)');
  for (const g of input.grades) insert.run(sessionId, g.memberId, g.grade, g.followUp || null);
  return { before, after: getAppraisal(db, input.orgId, input.year) };
}
