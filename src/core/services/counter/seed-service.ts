// The service counter's year of work for a demo street, after `seedDemo` has made its members: one-stop
// requests over the twelve months up to the reference day (most closed, on time or late, some transferred
// or sent to guidance, the recent ones still open or waiting for documents), service teams, volunteers
// (members flagged as volunteers and some residents) and their service records. Same seed → same work.
import type { Db } from '../../db/connection';
import { AppError } from '../../../shared/result';
import { communityShortName } from './request-steps';
import { workdayCalendar } from './workdays';
import { prng, REFERENCE_DAY, SURNAMES, GIVEN } from '../seed-demo';

export interface SeedServiceOptions {
  requests: number;
  seed: number;
  /** The last day of the year of work (midnight UTC); REFERENCE_DAY when not given. */
  until?: Date;
}

export interface SeedServiceResult {
  requests: number;
  teams: number;
  volunteers: number;
  records: number;
}

const TEAMS: [string, string][] = [
  ['红色管家维修队', 'repairs'],
  ['法律援助服务队', 'legal_aid'],
  ['健康义诊服务队', 'medical'],
  ['四点半课堂辅导队', 'tutoring'],
  ['银龄关爱探访队', 'elderly_visits'],
  ['文明实践文艺队', 'culture'],
  ['环境整治志愿队', 'environment'],
];
const CHANNELS = ['counter', 'counter', 'counter', 'counter', 'hotline', 'hotline', 'one_button', 'online', 'home_visit'];
const CONTENT = ['入户维修水电', '法律咨询', '测量血压', '课业辅导', '探访独居老人', '文艺演出', '清理楼道杂物', '协助办理业务'];
const STAFF = ['王红', '李娜', '张敏', '刘静', '陈洁'];

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export function seedServiceWork(db: Db, options: SeedServiceOptions, now: Date): SeedServiceResult {
  const communities = db.prepare('SELECT id, name FROM communities ORDER BY id').all() as { id: number; name: string }[];
  if (communities.length === 0) throw new AppError('VALIDATION', 'seed the street first', { issues: [{ field: 'communities', problem: 'required' }] });
  const existing = (db.prepare('SELECT count(*) AS n FROM service_requests').get() as { n: number }).n;
  if (existing > 0) throw new AppError('VALIDATION', 'the database already has service requests', { issues: [{ field: 'requests', problem: 'notEmpty', value: existing }] });
  const matters = db.prepare('SELECT id, name, list_class, limit_days FROM service_matters WHERE active = 1 ORDER BY id').all() as {
    id: number;
    name: string;
    list_class: string;
    limit_days: number;
  }[];

  const random = prng(options.seed ^ 0x5eed);
  const pick = <T>(list: readonly T[] | string): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const calendar = workdayCalendar(db);
  const at = now.toISOString();
  const end = (options.until ?? REFERENCE_DAY).getTime();
  const start = end - 364 * DAY;

  // Teams, volunteers (members flagged as volunteers, then residents) and their hours.
  const insertTeam = db.prepare('INSERT INTO service_teams (name, skill, leader, description, active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)');
  const teamIds = TEAMS.map(([name, skill]) => Number(insertTeam.run(name, skill, pick<string>(SURNAMES) + pick<string>(GIVEN), null, at, at).lastInsertRowid));
  const memberVolunteers = db.prepare('SELECT id, name, phone FROM members WHERE volunteer = 1 AND left_on IS NULL ORDER BY id LIMIT 400').all() as { id: number; name: string; phone: string | null }[];
  const insertVolunteer = db.prepare('INSERT INTO volunteers (kind, member_id, name, phone, skills, team_id, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)');
  const volunteerIds: number[] = [];
  const teamOf = new Map<number, number>();
  const volunteer = (kind: string, memberId: number | null, name: string, phone: string | null) => {
    const team = pick(teamIds);
    const id = Number(insertVolunteer.run(kind, memberId, name, phone, null, team, at, at).lastInsertRowid);
    volunteerIds.push(id);
    teamOf.set(id, team);
  };
  for (const m of memberVolunteers) volunteer('member', m.id, m.name, m.phone);
  const residents = Math.max(10, Math.round(memberVolunteers.length / 3));
  for (let i = 0; i < residents; i++) {
    const phone = `1${pick('3456789')}${String(between(0, 999999999)).padStart(9, '0')}`;
    volunteer('resident', null, pick<string>(SURNAMES) + pick<string>(GIVEN) + pick<string>(GIVEN), phone);
  }
  const insertRecord = db.prepare('INSERT INTO service_records (volunteer_id, team_id, served_on, hours, content, request_id, recorded_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)');
  const records = Math.max(50, Math.round(options.requests / 5));
  for (let i = 0; i < records; i++) {
    const v = pick(volunteerIds);
    insertRecord.run(v, teamOf.get(v), iso(start + between(0, 364) * DAY), between(1, 8) / 2 + 0.5, pick(CONTENT), 'seed', at, at);
  }

  // Requests, in order of acceptance so that each community's numbers run with the days.
  const insertRequest = db.prepare(
    `INSERT INTO service_requests (number, community_id, year, seq, matter_id, matter_name, list_class, limit_days, resident_name,
       resident_phone, resident_address, channel, accepted_at, accepted_on, due_on, status, status_before_pause, paused_on,
       missing_documents, assignee_kind, assignee_name, result, transferred_to, transfer_reason, guidance_to, completed_at, closed_on,
       satisfaction, accepted_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare('INSERT INTO service_request_events (request_id, kind, at, on_date, detail, recorded_by) VALUES (?, ?, ?, ?, ?, ?)');
  const days = Array.from({ length: options.requests }, () => start + between(0, 364) * DAY).sort((a, b) => a - b);
  const seq = new Map<string, number>();
  const refDay = iso(end);
  for (const t of days) {
    const acceptedOn = iso(t);
    const community = pick(communities);
    const matter = pick(matters);
    const year = Number(acceptedOn.slice(0, 4));
    const key = `${community.id}/${year}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    const number = `${communityShortName(community.name)}-${year}-${String(n).padStart(4, '0')}`;
    const dueOn = calendar.addWorkdays(acceptedOn, matter.limit_days);
    const acceptedAt = new Date(t + between(1, 8) * 3_600_000).toISOString();
    const age = (end - t) / DAY;
    // A matter handled on the spot (limit 0) is closed the day it is accepted.
    const onTheSpot = matter.limit_days === 0;
    const open = onTheSpot ? false : age < 5 ? chance(0.7) : age < 30 ? chance(0.15) : false;
    let status = 'done';
    let closedOn: string | null = null;
    let pausedOn: string | null = null;
    if (open) {
      status = chance(0.15) ? 'waiting_docs' : chance(0.5) ? 'in_progress' : 'accepted';
      if (status === 'waiting_docs') pausedOn = acceptedOn;
    } else {
      const roll = random();
      status = roll < 0.9 ? 'done' : roll < 0.95 ? 'transferred' : 'returned_guidance';
      const late = !onTheSpot && chance(0.08);
      const closeT = late ? Date.parse(dueOn) + between(1, 4) * DAY : Math.max(t, Date.parse(dueOn) - between(0, matter.limit_days) * DAY);
      closedOn = iso(Math.min(closeT, end));
      if (closedOn > refDay) closedOn = refDay;
    }
    const assigned = status !== 'accepted' && status !== 'waiting_docs';
    const rated = status === 'done' && chance(0.8);
    const id = Number(
      insertRequest.run(
        number, community.id, year, n, matter.id, matter.name, matter.list_class, matter.limit_days,
        pick<string>(SURNAMES) + pick<string>(GIVEN) + (chance(0.6) ? pick<string>(GIVEN) : ''),
        `1${pick('3456789')}${String(between(0, 999999999)).padStart(9, '0')}`,
        `${community.name}${between(1, 12)}号楼${between(1, 4)}单元`,
        pick(CHANNELS), acceptedAt, acceptedOn, dueOn, status,
        status === 'waiting_docs' ? 'accepted' : null, pausedOn, status === 'waiting_docs' ? '户口簿复印件' : null,
        assigned ? 'staff' : null, assigned ? pick(STAFF) : null,
        status === 'done' ? '已办结' : null,
        status === 'transferred' ? '街道便民服务中心' : null, status === 'transferred' ? '需街道层面办理' : null,
        status === 'returned_guidance' ? '区政务服务中心' : null,
        closedOn ? `${closedOn}T08:00:00.000Z` : null, closedOn,
        rated ? pick([5, 5, 5, 4, 4, 3]) : null, 'seed', at, at,
      ).lastInsertRowid,
    );
    insertEvent.run(id, 'accepted', acceptedAt, acceptedOn, JSON.stringify({ matter: matter.name, listClass: matter.list_class, limitDays: matter.limit_days, dueOn, acceptedOn }), 'seed');
    if (closedOn) insertEvent.run(id, status === 'done' ? 'completed' : status, `${closedOn}T08:00:00.000Z`, closedOn, null, 'seed');
  }
  return { requests: options.requests, teams: teamIds.length, volunteers: volunteerIds.length, records };
}
