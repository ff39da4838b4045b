// Volunteers and service teams (志愿服务): Party-member and resident volunteers, teams built on skills, and
// service records with hours — a member's hours are what the member's detail panel shows.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { ServiceRecordInfo, ServiceTeamInfo, VolunteerInfo } from '../../../shared/api/contract-counter';
import type { FieldIssue } from '../../../shared/result';
import { localIsoDate, normalizePersonName, normalizePhone } from '../../../shared/validators';
import { first, qb, run } from '../../db/query';
import type { ServiceRecord, ServiceTeam, Volunteer } from '../../db/schema-counter';
import { issue, notFound, refuse, refused } from './refusals';
import type { Scope } from '../../scope';
import { maskPhone } from '../../../shared/validators/masking';

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** Names in the order a Chinese list is read: by pinyin (丁 before 万 before 严), not by character code. */
const PINYIN_ORDER = new Intl.Collator('zh-CN-u-co-pinyin');

// ——— teams ———

export function listTeams(db: Db): ServiceTeamInfo[] {
  const rows = db
    .prepare(
      `SELECT t.*,
         (SELECT count(*) FROM volunteers v WHERE v.team_id = t.id AND v.active = 1) AS volunteers,
         (SELECT coalesce(sum(r.hours), 0) FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id
          WHERE coalesce(r.team_id, v.team_id) = t.id) AS hours
       FROM service_teams t`,
    )
    .all() as (ServiceTeam & { volunteers: number; hours: number })[];
  rows.sort((a, b) => b.active - a.active || PINYIN_ORDER.compare(a.name, b.name));
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    skill: t.skill,
    leader: t.leader,
    description: t.description,
    active: t.active === 1,
    volunteers: t.volunteers,
    hours: round1(t.hours),
  }));
}

export function getTeam(db: Db, id: number): ServiceTeam {
  const t = first(db, qb.selectFrom('service_teams').selectAll().where('id', '=', id));
  if (!t) throw notFound('service_team', id);
  return t;
}

export function saveTeam(db: Db, input: ApiParsedInput<'teams.save'>, now: Date): { before: ServiceTeam | null; after: ServiceTeam } {
  const before = input.id === undefined ? null : getTeam(db, input.id);
  const clash = first(db, qb.selectFrom('service_teams').select('id').where('name', '=', input.teamName).where('id', '!=', input.id ?? 0));
  if (clash) throw refuse('teamName', 'teamNameTaken', input.teamName);
  const values = { name: input.teamName, skill: input.skill, leader: input.leader || null, description: input.description || null, active: input.active ? 1 : 0, updated_at: now.toISOString() };
  if (before) {
    run(db, qb.updateTable('service_teams').set(values).where('id', '=', before.id));
    return { before, after: getTeam(db, before.id) };
  }
  const { lastInsertRowid } = run(db, qb.insertInto('service_teams').values({ ...values, created_at: now.toISOString() }));
  return { before: null, after: getTeam(db, lastInsertRowid) };
}

// ——— volunteers ———

const VOLUNTEER_ROWS = `
  SELECT v.*, t.name AS team_name, (SELECT coalesce(sum(hours), 0) FROM service_records r WHERE r.volunteer_id = v.id) AS total_hours,
    (SELECT m.org_id FROM members m WHERE m.id = v.member_id) AS member_org_id
  FROM volunteers v LEFT JOIN service_teams t ON t.id = v.team_id`;

type VolunteerRow = Volunteer & { team_name: string | null; total_hours: number; member_org_id: number | null };

const toVolunteerInfo = (v: VolunteerRow): VolunteerInfo => ({
  id: v.id,
  kind: v.kind,
  memberId: v.member_id,
  name: v.name,
  phone: v.phone,
  skills: v.skills,
  teamId: v.team_id,
  teamName: v.team_name,
  active: v.active === 1,
  totalHours: round1(v.total_hours),
});

/**
 * Whether a member volunteer belongs to another community than the scope's: then a community clerk sees them
 * (volunteers and teams are the street's) with the phone masked, and cannot change them.
 */
function outsideScope(scope: Scope | null, v: Pick<Volunteer, 'member_id'> & { member_org_id?: number | null }): boolean {
  return scope !== null && v.member_id !== null && !scope.hasOrg(v.member_org_id ?? null);
}

function scoped(scope: Scope | null, v: VolunteerRow): VolunteerInfo {
  const info = toVolunteerInfo(v);
  return outsideScope(scope, v) ? { ...info, phone: info.phone === null ? null : maskPhone(info.phone), otherCommunity: true } : info;
}

export function listVolunteers(db: Db, input: ApiParsedInput<'volunteers.list'>, scope: Scope | null = null): VolunteerInfo[] {
  const where: string[] = [];
  if (!input.includeInactive) where.push('v.active = 1');
  if (input.teamId !== undefined) where.push('v.team_id = @teamId');
  const sql = `${VOLUNTEER_ROWS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const rows = db.prepare(sql).all(input.teamId === undefined ? {} : { teamId: input.teamId }) as VolunteerRow[];
  // Active first, then by pinyin.
  return rows.sort((a, b) => b.active - a.active || PINYIN_ORDER.compare(a.name, b.name)).map((v) => scoped(scope, v));
}

export function getVolunteerInfo(db: Db, id: number, scope: Scope | null = null): VolunteerInfo {
  const v = db.prepare(`${VOLUNTEER_ROWS} WHERE v.id = ?`).get(id) as VolunteerRow | undefined;
  if (!v) throw notFound('volunteer', id);
  return scoped(scope, v);
}

function getVolunteer(db: Db, id: number): Volunteer {
  const v = first(db, qb.selectFrom('volunteers').selectAll().where('id', '=', id));
  if (!v) throw notFound('volunteer', id);
  return v;
}

/** Who the volunteer is: a member of the roll (name and phone from the archive) or a resident as typed. */
function volunteerPerson(db: Db, input: ApiParsedInput<'volunteers.save'>, problems: FieldIssue[]): { name: string; phone: string | null } | null {
  const phone = input.phone.trim() === '' ? null : normalizePhone(input.phone);
  if (phone && !phone.ok) problems.push(issue('phone', phone.problem, input.phone));
  if (input.memberId != null) {
    const m = first(db, qb.selectFrom('members').select(['name', 'phone', 'status']).where('id', '=', input.memberId));
    if (!m || m.status !== 'active') {
      problems.push(issue('memberId', 'notFound', input.memberId));
      return null;
    }
    return { name: m.name, phone: phone?.ok ? phone.value : m.phone };
  }
  const name = normalizePersonName(input.volunteerName);
  if (!name.ok) problems.push(issue('volunteerName', name.problem, input.volunteerName, name.params));
  return name.ok ? { name: name.value, phone: phone?.ok ? phone.value : null } : null;
}

export function saveVolunteer(db: Db, input: ApiParsedInput<'volunteers.save'>, now: Date): { before: Volunteer | null; after: Volunteer } {
  // (Another community's Party member is refused to a community-limited clerk by the dispatcher: write-rules.ts.)
  const before = input.id === undefined ? null : getVolunteer(db, input.id);
  const problems: FieldIssue[] = [];
  const person = volunteerPerson(db, input, problems);
  const memberId = input.memberId ?? null;
  if (memberId !== null) {
    const clash = first(db, qb.selectFrom('volunteers').select('name').where('member_id', '=', memberId).where('id', '!=', before?.id ?? 0));
    if (clash) problems.push(issue('memberId', 'volunteerAlreadyRegistered', clash.name));
  }
  if (input.teamId != null && !first(db, qb.selectFrom('service_teams').select('id').where('id', '=', input.teamId))) problems.push(issue('teamId', 'notFound', input.teamId));
  if (problems.length || !person) throw refused(problems);
  const values = {
    kind: memberId === null ? ('resident' as const) : ('member' as const),
    member_id: memberId,
    name: person.name,
    phone: person.phone,
    skills: input.skills || null,
    team_id: input.teamId ?? null,
    active: input.active ? 1 : 0,
    updated_at: now.toISOString(),
  };
  if (before) {
    run(db, qb.updateTable('volunteers').set(values).where('id', '=', before.id));
    return { before, after: getVolunteer(db, before.id) };
  }
  const { lastInsertRowid } = run(db, qb.insertInto('volunteers').values({ ...values, created_at: now.toISOString() }));
  return { before: null, after: getVolunteer(db, lastInsertRowid) };
}

// ——— service records ———

const RECORD_ROWS = `
  SELECT r.*, v.name AS volunteer_name, t.name AS team_name
  FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id LEFT JOIN service_teams t ON t.id = r.team_id`;

type RecordRow = ServiceRecord & { volunteer_name: string; team_name: string | null };

const toRecordInfo = (r: RecordRow): ServiceRecordInfo => ({
  id: r.id,
  volunteerId: r.volunteer_id,
  volunteerName: r.volunteer_name,
  teamId: r.team_id,
  teamName: r.team_name,
  servedOn: r.served_on,
  hours: r.hours,
  content: r.content,
  requestId: r.request_id,
  recordedBy: r.recorded_by,
  createdAt: r.created_at,
});

export function listRecords(db: Db, input: ApiParsedInput<'serviceRecords.list'>): { total: number; totalHours: number; records: ServiceRecordInfo[] } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (input.volunteerId !== undefined) {
    where.push('r.volunteer_id = @volunteerId');
    params.volunteerId = input.volunteerId;
  }
  if (input.teamId !== undefined) {
    where.push('r.team_id = @teamId');
    params.teamId = input.teamId;
  }
  if (input.period !== undefined) {
    where.push("substr(r.served_on, 1, 7) = @period");
    params.period = input.period;
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const sum = db.prepare(`SELECT count(*) AS n, coalesce(sum(r.hours), 0) AS hours FROM service_records r ${filter}`).get(params) as { n: number; hours: number };
  const rows = db.prepare(`${RECORD_ROWS} ${filter} ORDER BY r.served_on DESC, r.id DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: input.limit, offset: input.offset }) as RecordRow[];
  return { total: sum.n, totalHours: round1(sum.hours), records: rows.map(toRecordInfo) };
}

export function getRecordInfo(db: Db, id: number): ServiceRecordInfo {
  const r = db.prepare(`${RECORD_ROWS} WHERE r.id = ?`).get(id) as RecordRow | undefined;
  if (!r) throw notFound('service_record', id);
  return toRecordInfo(r);
}

export function createRecord(db: Db, input: ApiParsedInput<'serviceRecords.create'>, now: Date, actor: string): ServiceRecordInfo {
  const v = getVolunteer(db, input.volunteerId);
  if (input.servedOn > localIsoDate(now)) throw refuse('servedOn', 'dateInFuture', input.servedOn);
  if (input.requestId !== undefined && !first(db, qb.selectFrom('service_requests').select('id').where('id', '=', input.requestId))) {
    throw refuse('requestId', 'notFound', input.requestId);
  }
  const at = now.toISOString();
  const { lastInsertRowid } = run(
    db,
    qb.insertInto('service_records').values({
      volunteer_id: v.id,
      team_id: v.team_id,
      served_on: input.servedOn,
      hours: round1(input.hours),
      content: input.content,
      request_id: input.requestId ?? null,
      recorded_by: actor,
      created_at: at,
      updated_at: at,
    }),
  );
  return getRecordInfo(db, lastInsertRowid);
}

export function deleteRecord(db: Db, id: number): ServiceRecordInfo {
  const before = getRecordInfo(db, id);
  // The hours count in their month's return: the dispatcher keeps a finalized month's until it is reopened.
  run(db, qb.deleteFrom('service_records').where('id', '=', id));
  return before;
}

/** A Party member's volunteer hours (their records as a volunteer), for the member's detail panel. */
export function memberHours(db: Db, memberId: number): { volunteerId: number | null; totalHours: number; records: ServiceRecordInfo[] } {
  const v = first(db, qb.selectFrom('volunteers').select('id').where('member_id', '=', memberId));
  if (!v) return { volunteerId: null, totalHours: 0, records: [] };
  const { totalHours, records } = listRecords(db, { volunteerId: v.id, offset: 0, limit: 500 });
  return { volunteerId: v.id, totalHours, records };
}
