// The officers of an organization (书记, 副书记, 委员, 党小组长, 兼职委员) with their terms. Nothing is deleted:
// a term is ended and the officer stays on record, so the history of who held which post survives.
import type { Db } from '../db/connection';
import type { ApiParsedInput, OrgOfficer } from '../../shared/api/contract';
import type { OfficerPost } from '../../shared/api/schemas';
import { COMMITTEE_POSTS, OFFICER_POSTS, officerState } from '../../shared/org-rules';
import { AppError } from '../../shared/result';
import { localIsoDate, normalizePersonName } from '../../shared/validators';
import type { Organization } from '../db/schema';

interface OfficerRow {
  id: number;
  org_id: number;
  role: OfficerPost;
  person_name: string;
  member_id: number | null;
  part_time_kind: OrgOfficer['partTimeKind'];
  duty: string;
  term_start: string | null;
  term_end: string | null;
  created_at: string;
  updated_at: string;
  /** The member's name on the roll now, when the officer is a member. */
  member_name: string | null;
}

const POST_ORDER = new Map(['secretary', 'deputy_secretary', 'group_leader', 'committee_member', 'part_time'].map((p, i) => [p, i]));
const STATE_ORDER = { current: 0, upcoming: 1, past: 2 } as const;

const SELECT = `SELECT o.*, m.name AS member_name FROM org_officers o LEFT JOIN members m ON m.id = o.member_id`;

function refuse(field: string, problem: string, value?: unknown, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION', `${field}: ${problem}`, { issues: [{ field, problem, ...(value !== undefined ? { value } : {}), ...(params ? { params } : {}) }] });
}

function toOfficer(r: OfficerRow, today: string): OrgOfficer {
  return {
    id: r.id,
    orgId: r.org_id,
    post: r.role,
    personName: r.member_name ?? r.person_name,
    memberId: r.member_id,
    partTimeKind: r.part_time_kind,
    duty: r.duty,
    termStart: r.term_start,
    termEnd: r.term_end,
    state: officerState(r.term_start, r.term_end, today),
    updatedAt: r.updated_at,
  };
}

/** In office first (by post, then term start), then those to come, then the past, latest first. */
export function listOfficers(db: Db, orgId: number, now: Date): OrgOfficer[] {
  const today = localIsoDate(now);
  const rows = db.prepare(`${SELECT} WHERE o.org_id = ?`).all(orgId) as OfficerRow[];
  return rows
    .map((r) => toOfficer(r, today))
    .sort(
      (a, b) =>
        STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
        (a.state === 'past' ? (b.termEnd ?? '').localeCompare(a.termEnd ?? '') : 0) ||
        POST_ORDER.get(a.post)! - POST_ORDER.get(b.post)! ||
        (a.termStart ?? '').localeCompare(b.termStart ?? '') ||
        a.id - b.id,
    );
}

export function getOfficer(db: Db, id: number, now: Date): OrgOfficer {
  const row = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OfficerRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `officer ${id} not found`, { entity: 'officer', id });
  return toOfficer(row, localIsoDate(now));
}

/** The secretary in office today of each organization: the one whose term began last. */
export function secretariesInOffice(db: Db, now: Date): Map<number, string> {
  const rows = db
    .prepare(
      `${SELECT} WHERE o.role = 'secretary' AND (o.term_end IS NULL OR o.term_end >= @today)
         AND (o.term_start IS NULL OR o.term_start <= @today)
       ORDER BY coalesce(o.term_start, ''), o.id`,
    )
    .all({ today: localIsoDate(now) }) as OfficerRow[];
  return new Map(rows.map((r) => [r.org_id, r.member_name ?? r.person_name]));
}

/** Committee posts in office (or to come) in an organization: while there are any, it has a committee. */
export function committeeOfficersInOffice(db: Db, orgId: number, now: Date): number {
  const posts = COMMITTEE_POSTS.map((p) => `'${p}'`).join(', ');
  return (
    db
      .prepare(`SELECT count(*) AS n FROM org_officers WHERE org_id = ? AND role IN (${posts}) AND (term_end IS NULL OR term_end >= ?)`)
      .get(orgId, localIsoDate(now)) as { n: number }
  ).n;
}

function overlaps(a: { start: string | null; end: string | null }, b: { start: string | null; end: string | null }): boolean {
  return (a.start === null || b.end === null || a.start <= b.end) && (b.start === null || a.end === null || b.start <= a.end);
}

function getRow(db: Db, id: number): OfficerRow {
  const row = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OfficerRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `officer ${id} not found`, { entity: 'officer', id });
  return row;
}

function assertFresh(row: OfficerRow, updatedAt: string | undefined): void {
  if (updatedAt === undefined) throw refuse('updatedAt', 'required');
  if (row.updated_at !== updatedAt) throw new AppError('STALE_RECORD', 'the officer was changed by someone else', { id: row.id, updatedAt: row.updated_at });
}

/** Who the officer is: a member on the roll (their name) or a person named as typed. */
function person(db: Db, input: ApiParsedInput<'orgs.saveOfficer'>): { memberId: number | null; name: string } {
  if (input.memberId != null) {
    const member = db.prepare('SELECT id, name, status FROM members WHERE id = ?').get(input.memberId) as { id: number; name: string; status: string } | undefined;
    if (!member) throw refuse('memberId', 'notFound', input.memberId);
    if (member.status !== 'active') throw refuse('memberId', 'officerMemberNotActive', member.name);
    return { memberId: member.id, name: member.name };
  }
  const name = normalizePersonName(input.personName ?? '');
  if (!name.ok) throw refuse('personName', name.problem, input.personName, name.params);
  return { memberId: null, name: name.value };
}

export interface OfficerChange {
  before: OrgOfficer | null;
  after: OrgOfficer;
  /** Set when recording a committee post gave the organization its committee (支委会). */
  committeeSet: boolean;
}

export function saveOfficer(db: Db, input: ApiParsedInput<'orgs.saveOfficer'>, now: Date): OfficerChange {
  const previous = input.id === undefined ? null : getRow(db, input.id);
  if (previous) {
    assertFresh(previous, input.updatedAt);
    if (previous.org_id !== input.orgId) throw refuse('orgId', 'officerOtherOrg', input.orgId);
  }
  const org = db.prepare('SELECT * FROM organizations WHERE id = ?').get(input.orgId) as Organization | undefined;
  if (!org) throw refuse('orgId', 'notFound', input.orgId);
  if (org.closed_on) throw refuse('orgId', 'orgAlreadyClosed', org.name);
  if (!OFFICER_POSTS[org.level].includes(input.post)) throw refuse('post', 'officerPostNotHere', input.post);
  const partTime = input.post === 'part_time';
  if (partTime && !input.partTimeKind) throw refuse('partTimeKind', 'required');
  if (!partTime && input.partTimeKind) throw refuse('partTimeKind', 'officerKindOnlyPartTime', input.partTimeKind);
  const termStart = input.termStart ?? null;
  const termEnd = input.termEnd ?? null;
  if (termStart && termEnd && termEnd < termStart) throw refuse('termEnd', 'officerTermEndBeforeStart', termEnd, { termStart });
  const who = person(db, input);

  const term = { start: termStart, end: termEnd };
  const others = (db.prepare(`${SELECT} WHERE o.org_id = ? AND o.id IS NOT ?`).all(org.id, previous?.id ?? null) as OfficerRow[]).filter((o) =>
    overlaps(term, { start: o.term_start, end: o.term_end }),
  );
  const samePerson = others.find((o) => (who.memberId !== null ? o.member_id === who.memberId : o.member_id === null && o.person_name === who.name));
  if (samePerson) throw refuse(who.memberId !== null ? 'memberId' : 'personName', 'officerDuplicate', who.name, { term: termText(samePerson) });
  if (input.post === 'secretary' || input.post === 'group_leader') {
    const holder = others.find((o) => o.role === input.post);
    if (holder) throw refuse('termStart', 'officerPostTaken', termStart ?? '', { name: holder.member_name ?? holder.person_name, term: termText(holder) });
  }

  const at = now.toISOString();
  const values = [org.id, input.post, who.name, who.memberId, partTime ? input.partTimeKind! : null, input.duty, termStart, termEnd, at];
  let id: number;
  if (previous) {
    db.prepare(
      `UPDATE org_officers SET org_id = ?, role = ?, person_name = ?, member_id = ?, part_time_kind = ?, duty = ?, term_start = ?, term_end = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, previous.id);
    id = previous.id;
  } else {
    id = Number(
      db
        .prepare(
          `INSERT INTO org_officers (org_id, role, person_name, member_id, part_time_kind, duty, term_start, term_end, updated_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, at).lastInsertRowid,
    );
  }
  const after = getOfficer(db, id, now);
  // Recording a deputy, a committee member or a part-time member is recording a committee: the flag
  // "7+ full members and no committee" must not stay up beside the committee's members.
  const committeeSet = COMMITTEE_POSTS.includes(input.post) && after.state !== 'past' && org.has_committee === 0;
  if (committeeSet) db.prepare('UPDATE organizations SET has_committee = 1, updated_at = ? WHERE id = ?').run(at, org.id);
  return { before: previous ? toOfficer(previous, localIsoDate(now)) : null, after, committeeSet };
}

export function endOfficerTerm(db: Db, input: ApiParsedInput<'orgs.endOfficerTerm'>, now: Date): { before: OrgOfficer; after: OrgOfficer } {
  const row = getRow(db, input.id);
  assertFresh(row, input.updatedAt);
  const today = localIsoDate(now);
  if (row.term_end !== null && row.term_end < today) throw refuse('id', 'officerTermEnded', row.person_name, { termEnd: row.term_end });
  if (row.term_start && input.termEnd < row.term_start) throw refuse('termEnd', 'officerTermEndBeforeStart', input.termEnd, { termStart: row.term_start });
  db.prepare('UPDATE org_officers SET term_end = ?, updated_at = ? WHERE id = ?').run(input.termEnd, now.toISOString(), row.id);
  return { before: toOfficer(row, today), after: getOfficer(db, row.id, now) };
}

function termText(o: OfficerRow): string {
  return `${o.term_start ?? '…'} – ${o.term_end ?? '…'}`;
}
