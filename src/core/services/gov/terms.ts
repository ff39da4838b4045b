// Terms and elections (换届): each organization's last election and term (branches 3 years, committees 5; an
// approved extension or bringing forward of at most a year), reminders 6 and 3 months before the due day and
// monthly once overdue; an election record — entitled = the full members on the roll, attendance over four
// fifths, anyone elected with more than half the votes of those present — which ends the officers' terms the
// day before and starts the elected committee's (through the officers' own service, org-officers.ts).
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { ElectionInfo, TermInfo } from '../../../shared/api/contract-gov';
import type { OrgLevel } from '../../../shared/api/schemas';
import { ELECTED_VOTES_PERCENT, ELECTION_PRESENT_PERCENT, dayBefore, defaultTermYears, monthsOverdue, moreThan, termDueOn, termReminder } from '../../../shared/gov-rules';
import { AppError } from '../../../shared/result';
import { all, first, qb, run } from '../../db/query';
import { scopeOrgIdsSubquery } from '../../scope';
import { endOfficerTerm, saveOfficer } from '../org-officers';
import { notFound, notFuture, refuse } from './common';

/** Organizations that hold elections: every level but the Party group. */
const ELECTING: readonly OrgLevel[] = ['street_committee', 'community_committee', 'general_branch', 'branch'];

interface OrgRow {
  id: number;
  name: string;
  level: OrgLevel;
  closed_on: string | null;
  community_name: string | null;
  elected_on: string | null;
  term_years: number | null;
  adjust_months: number | null;
  adjust_approval: string | null;
  direct: number | null;
}

const ORG_SELECT = `SELECT o.id, o.name, o.level, o.closed_on, c.name AS community_name, t.elected_on, t.term_years, t.adjust_months, t.adjust_approval, t.direct
  FROM organizations o LEFT JOIN communities c ON c.id = o.community_id LEFT JOIN gov_terms t ON t.org_id = o.id`;

function toTerm(r: OrgRow, today: string): TermInfo {
  const termYears = r.term_years ?? defaultTermYears(r.level);
  const adjustMonths = r.adjust_months ?? 0;
  const dueOn = r.elected_on === null ? null : termDueOn(r.elected_on, termYears, adjustMonths);
  return {
    orgId: r.id,
    orgName: r.name,
    level: r.level,
    communityName: r.community_name,
    electedOn: r.elected_on,
    termYears,
    adjustMonths,
    adjustApproval: r.adjust_approval,
    direct: r.direct === 1,
    dueOn,
    reminder: dueOn === null ? 'unknown' : termReminder(dueOn, today),
    monthsOverdue: dueOn === null ? 0 : monthsOverdue(dueOn, today),
  };
}

function orgRow(db: Db, orgId: number, field = 'orgId'): OrgRow {
  const r = db.prepare(`${ORG_SELECT} WHERE o.id = ?`).get(orgId) as OrgRow | undefined;
  if (!r) throw refuse(field, 'notFound', orgId);
  return r;
}

export function termInfo(db: Db, orgId: number, today: string): TermInfo {
  return toTerm(orgRow(db, orgId), today);
}

/** Open electing organizations (those of the scope's community only, when limited), due first; `before` keeps those due by then. */
export function listTerms(db: Db, community: number | null, before: string | undefined, today: string): TermInfo[] {
  const levels = ELECTING.map((l) => `'${l}'`).join(', ');
  const where = `o.closed_on IS NULL AND o.level IN (${levels})${community !== null ? ` AND o.id IN ${scopeOrgIdsSubquery('@community')}` : ''}`;
  const rows = db.prepare(`${ORG_SELECT} WHERE ${where} ORDER BY o.id`).all(community !== null ? { community } : {}) as OrgRow[];
  return rows
    .map((r) => toTerm(r, today))
    .filter((t) => before === undefined || (t.dueOn !== null && t.dueOn <= before))
    .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.orgId - b.orgId);
}

export function saveTerm(db: Db, input: ApiParsedInput<'terms.save'>, now: Date, today: string): { before: TermInfo; after: TermInfo } {
  const org = orgRow(db, input.orgId);
  if (!ELECTING.includes(org.level)) throw refuse('orgId', 'termNoElections', org.name);
  notFuture('electedOn', input.electedOn, today);
  const approval = input.adjustApproval ? input.adjustApproval : null;
  // Moving the due day either way is the higher committee's decision: it is recorded with the approval.
  if (input.adjustMonths !== 0 && approval === null) throw refuse('adjustApproval', 'termAdjustNeedsApproval', input.adjustMonths);
  const before = toTerm(org, today);
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO gov_terms (org_id, elected_on, term_years, adjust_months, adjust_approval, direct, created_at, updated_at) VALUES (@org, @elected, @years, @adjust, @approval, @direct, @at, @at)
     ON CONFLICT (org_id) DO UPDATE SET elected_on = excluded.elected_on, term_years = excluded.term_years, adjust_months = excluded.adjust_months,
       adjust_approval = excluded.adjust_approval, direct = excluded.direct, updated_at = excluded.updated_at`,
  ).run({ org: org.id, elected: input.electedOn, years: input.termYears ?? defaultTermYears(org.level), adjust: input.adjustMonths, approval, direct: input.direct ? 1 : 0, at });
  return { before, after: termInfo(db, org.id, today) };
}

/** Full members on the roll of the organization and those below it: who may vote. */
export function entitledVoters(db: Db, orgId: number): number {
  const subtree = `(WITH RECURSIVE t(id) AS (SELECT ? UNION SELECT o.id FROM organizations o JOIN t ON o.parent_id = t.id) SELECT id FROM t)`;
  return db.prepare(`SELECT count(*) FROM members WHERE org_id IN ${subtree} AND status = 'active' AND category = 'full' AND standing = 'normal'`).pluck().get(orgId) as number;
}

function electionInfo(r: { id: number; org_id: number; held_on: string; entitled: number; present: number; direct: number; candidates: string; elected: string; recorded_by: string }): ElectionInfo {
  return {
    id: r.id,
    orgId: r.org_id,
    heldOn: r.held_on,
    entitled: r.entitled,
    present: r.present,
    direct: r.direct === 1,
    candidates: JSON.parse(r.candidates) as ElectionInfo['candidates'],
    elected: JSON.parse(r.elected) as ElectionInfo['elected'],
    recordedBy: r.recorded_by,
  };
}

export function listElections(db: Db, orgId: number): ElectionInfo[] {
  return all(db, qb.selectFrom('gov_elections').selectAll().where('org_id', '=', orgId).orderBy('held_on', 'desc')).map(electionInfo);
}

/** An officers' service refusal, named at the elected person's row of the input. */
function atRow(error: unknown, row: number): unknown {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION') return error;
  const issues = (error.details?.issues ?? []).map((i) => ({ ...i, field: `elected.${row}.${i.field === 'personName' ? 'name' : i.field}` }));
  return new AppError('VALIDATION', error.message, { ...error.details, issues });
}

export interface ElectionResult {
  election: ElectionInfo;
  before: TermInfo;
  term: TermInfo;
  officersEnded: number;
  officersStarted: number;
}

export function recordElection(db: Db, input: ApiParsedInput<'terms.elect'>, actor: string, now: Date, today: string): ElectionResult {
  const org = orgRow(db, input.orgId);
  if (!ELECTING.includes(org.level)) throw refuse('orgId', 'termNoElections', org.name);
  if (org.closed_on) throw refuse('orgId', 'orgAlreadyClosed', org.name);
  notFuture('heldOn', input.heldOn, today);
  const entitled = entitledVoters(db, org.id);
  if (entitled === 0) throw refuse('orgId', 'electionNoVoters', org.name);
  if (input.present > entitled) throw refuse('present', 'presentOverEntitled', input.present, { entitled, present: input.present, percent: ELECTION_PRESENT_PERCENT });
  if (!moreThan(input.present, entitled, ELECTION_PRESENT_PERCENT)) throw refuse('present', 'electionQuorumNotMet', input.present, { entitled, present: input.present, percent: ELECTION_PRESENT_PERCENT });
  input.candidates.forEach((c, i) => {
    if (c.votes > input.present) throw refuse(`candidates.${i}.votes`, 'votesOverPresent', c.votes, { entitled, present: input.present, percent: 0 });
  });
  const candidateNames = new Set(input.candidates.map((c) => c.name));
  input.elected.forEach((e, i) => {
    if (!candidateNames.has(e.name)) throw refuse(`elected.${i}.name`, 'electedNotCandidate', e.name);
    if (e.votes > input.present) throw refuse(`elected.${i}.votes`, 'votesOverPresent', e.votes, { entitled, present: input.present, percent: 0 });
    if (!moreThan(e.votes, input.present, ELECTED_VOTES_PERCENT)) throw refuse(`elected.${i}.votes`, 'electedWithoutMajority', e.votes, { present: input.present });
  });
  const before = toTerm(org, today);
  const termYears = before.termYears;
  const termEnd = dayBefore(termDueOn(input.heldOn, termYears, 0));

  // The outgoing officers' terms end the day before the election (those already ended, or starting later, stay).
  const outgoing = db
    .prepare(`SELECT id, updated_at FROM org_officers WHERE org_id = ? AND (term_start IS NULL OR term_start < ?) AND (term_end IS NULL OR term_end >= ?)`)
    .all(org.id, input.heldOn, today > input.heldOn ? today : input.heldOn) as { id: number; updated_at: string }[];
  for (const o of outgoing) endOfficerTerm(db, { id: o.id, updatedAt: o.updated_at, termEnd: dayBefore(input.heldOn) }, now);
  input.elected.forEach((e, i) => {
    try {
      saveOfficer(db, { orgId: org.id, post: e.post, memberId: e.memberId ?? null, personName: e.name, duty: e.duty, termStart: input.heldOn, termEnd, partTimeKind: null }, now);
    } catch (error) {
      throw atRow(error, i);
    }
  });

  const at = now.toISOString();
  const { lastInsertRowid } = run(
    db,
    qb.insertInto('gov_elections').values({
      org_id: org.id,
      held_on: input.heldOn,
      entitled,
      present: input.present,
      direct: input.direct ? 1 : 0,
      candidates: JSON.stringify(input.candidates),
      elected: JSON.stringify(input.elected.map((e) => ({ name: e.name, memberId: e.memberId ?? null, post: e.post, votes: e.votes }))),
      recorded_by: actor,
      created_at: at,
    }),
  );
  db.prepare(
    `INSERT INTO gov_terms (org_id, elected_on, term_years, adjust_months, adjust_approval, direct, created_at, updated_at) VALUES (@org, @held, @years, 0, NULL, @direct, @at, @at)
     ON CONFLICT (org_id) DO UPDATE SET elected_on = excluded.elected_on, adjust_months = 0, adjust_approval = NULL, direct = excluded.direct, updated_at = excluded.updated_at`,
  ).run({ org: org.id, held: input.heldOn, years: termYears, direct: input.direct ? 1 : 0, at });
  const election = first(db, qb.selectFrom('gov_elections').selectAll().where('id', '=', lastInsertRowid));
  if (!election) throw notFound('election', lastInsertRowid);
  return { election: electionInfo(election), before, term: termInfo(db, org.id, today), officersEnded: outgoing.length, officersStarted: input.elected.length };
}
