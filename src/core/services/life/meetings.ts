// Meetings of organizational life with the attendance of the day. A clerk names only the exceptions: everyone
// on the roster of the day not listed absent or on leave was present. A held meeting cannot be in the future,
// is not entered twice, and a 党员大会 or 支委会 without more than half present is recorded but marked invalid
// (it does not count in compliance).
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { LifeParticipation, MeetingAttendee, MeetingDetail, MeetingInfo, MeetingTotals } from '../../../shared/api/contract-life';
import type { AttendanceState, MeetingInvalidReason, MeetingType } from '../../../shared/api/schemas-life';
import { absentSixMonths, hasQuorum } from '../../../shared/life-rules';
import type { FieldIssue } from '../../../shared/result';
import { localIsoDate } from '../../../shared/validators';
import { assertVersion, issue, notFound, refuse, refused } from '../counter/refusals';
import { scopeOrgIdsSubquery, type Scope } from '../../scope';
import { rosterOfDay } from './roster';

interface MeetingRow {
  id: number;
  org_id: number;
  type: MeetingType;
  held_on: string;
  time: string;
  place: string;
  host: string;
  recorder: string;
  topic: string;
  content: string;
  decisions: string;
  joint_org_ids: string;
  status: 'planned' | 'held';
  invalid_reason: MeetingInvalidReason | null;
  recorded_by: string;
  version: number;
  updated_at: string;
  org_name: string;
  community_name: string | null;
  present: number;
  absent: number;
  leave: number;
}

const MEETING_ROWS = `
  SELECT mt.*, o.name AS org_name, c.name AS community_name,
    (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = mt.id AND a.state = 'present') AS present,
    (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = mt.id AND a.state = 'absent') AS absent,
    (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = mt.id AND a.state = 'leave') AS leave
  FROM meetings mt JOIN organizations o ON o.id = mt.org_id LEFT JOIN communities c ON c.id = o.community_id`;

function orgNames(db: Db, ids: readonly number[]): string[] {
  const name = db.prepare('SELECT name FROM organizations WHERE id = ?').pluck();
  return ids.map((id) => (name.get(id) as string | undefined) ?? String(id));
}

function toInfo(db: Db, r: MeetingRow, totals?: Partial<MeetingTotals>): MeetingInfo {
  const joint = JSON.parse(r.joint_org_ids) as number[];
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    communityName: r.community_name,
    jointOrgIds: joint,
    jointOrgNames: orgNames(db, joint),
    meetingType: r.type,
    heldOn: r.held_on,
    time: r.time,
    place: r.place,
    host: r.host,
    recorder: r.recorder,
    topic: r.topic,
    content: r.content,
    decisions: r.decisions,
    status: r.status,
    invalidReason: r.invalid_reason,
    totals: { roster: r.present + r.absent + r.leave, present: r.present, absent: r.absent, leave: r.leave, entitled: null, entitledPresent: null, ...totals },
    recordedBy: r.recorded_by,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** Meetings, latest first; a user limited to one community sees its organizations' meetings only. */
export function listMeetings(db: Db, input: ApiParsedInput<'life.list'>, scope: Scope | null): MeetingInfo[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: input.limit };
  if (input.orgId !== undefined) {
    where.push('(mt.org_id = @org OR mt.id IN (SELECT meeting_id FROM meeting_orgs WHERE org_id = @org))');
    params.org = input.orgId;
  }
  const add = (condition: string, name: string, value: unknown) => {
    if (value === undefined) return;
    where.push(condition);
    params[name] = value;
  };
  add('mt.type = @type', 'type', input.meetingType);
  add('mt.held_on >= @from', 'from', input.from);
  add('mt.held_on <= @to', 'to', input.to);
  // In SQL, before the limit: a user limited to one community gets a full page of its own meetings.
  if (scope) add(`mt.org_id IN ${scopeOrgIdsSubquery('@community')}`, 'community', scope.communityParam);
  const rows = db.prepare(`${MEETING_ROWS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY mt.held_on DESC, mt.id DESC LIMIT @limit`).all(params) as MeetingRow[];
  return rows.map((r) => toInfo(db, r));
}

function getRow(db: Db, id: number): MeetingRow {
  const row = db.prepare(`${MEETING_ROWS} WHERE mt.id = ?`).get(id) as MeetingRow | undefined;
  if (!row) throw notFound('meeting', id);
  return row;
}

/** A meeting with its attendance and, for a 党员大会 or 支委会, how many of those the quorum counts were present. */
export function getMeeting(db: Db, id: number): MeetingDetail {
  const r = getRow(db, id);
  const roster = rosterOfDay(db, r.type, r.org_id, JSON.parse(r.joint_org_ids) as number[], r.held_on);
  const byId = new Map(roster.members.map((m) => [m.memberId, m]));
  const rows = db
    .prepare(
      `SELECT a.member_id AS memberId, m.name, a.state, a.reason FROM meeting_attendance a JOIN members m ON m.id = a.member_id
       WHERE a.meeting_id = ? ORDER BY m.name_pinyin, m.id`,
    )
    .all(id) as { memberId: number; name: string; state: AttendanceState; reason: string | null }[];
  const attendance: MeetingAttendee[] = rows.map((a) => ({ ...a, full: byId.get(a.memberId)?.full ?? false, mobile: byId.get(a.memberId)?.mobile ?? false }));
  return { ...toInfo(db, r, entitledTotals(r.type, roster.entitled, attendance)), attendance };
}

function entitledTotals(type: MeetingType, entitled: number | null, attendance: readonly MeetingAttendee[]): Partial<MeetingTotals> {
  if (type === 'branch-meeting') return { entitled, entitledPresent: attendance.filter((a) => a.full && a.state === 'present').length };
  if (type === 'committee') return { entitled, entitledPresent: attendance.filter((a) => a.state === 'present').length };
  return {};
}

function assertOrg(db: Db, id: number, field: string, day: string): void {
  const org = db.prepare('SELECT closed_on FROM organizations WHERE id = ?').get(id) as { closed_on: string | null } | undefined;
  if (!org) throw refuse(field, 'notFound', id);
  if (org.closed_on !== null && org.closed_on < day) throw refuse(field, 'meetingOrgClosed', orgNames(db, [id])[0], { closedOn: org.closed_on });
}

interface Attendance {
  memberId: number;
  state: AttendanceState;
  reason: string | null;
}

/**
 * The attendance of the day: the roster ticked present, the exceptions as given. Every exception names a member
 * of the roster once; leave, and a mobile member's absence, give the reason. All problems are named at once.
 */
function attendanceOf(db: Db, input: ApiParsedInput<'life.save'>): { rows: Attendance[]; invalid: MeetingInvalidReason | null } {
  const roster = rosterOfDay(db, input.meetingType, input.orgId, input.jointOrgIds, input.heldOn);
  const byId = new Map(roster.members.map((m) => [m.memberId, m]));
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  const exceptions = new Map<number, Attendance>();
  const nameOf = db.prepare('SELECT name FROM members WHERE id = ?').pluck();
  input.absences.forEach((a, i) => {
    const row = i + 1;
    const person = byId.get(a.memberId);
    if (!person) {
      const name = (nameOf.get(a.memberId) as string | undefined) ?? String(a.memberId);
      issues.push(issue(`absences.${i}.memberId`, 'attendeeNotOnRoster', name, { row, day: input.heldOn }));
      return;
    }
    if (seen.has(a.memberId)) {
      issues.push(issue(`absences.${i}.memberId`, 'attendeeTwice', person.name, { row }));
      return;
    }
    seen.add(a.memberId);
    if (a.reason === '' && (a.state === 'leave' || person.mobile)) issues.push(issue(`absences.${i}.reason`, a.state === 'leave' ? 'leaveNeedsReason' : 'mobileAbsenceNeedsReason', undefined, { row, name: person.name }));
    exceptions.set(a.memberId, { memberId: a.memberId, state: a.state, reason: a.reason || null });
  });
  if (issues.length) throw refused(issues);
  const rows = roster.members.map((m) => exceptions.get(m.memberId) ?? { memberId: m.memberId, state: 'present' as const, reason: null });
  let invalid: MeetingInvalidReason | null = null;
  if (input.meetingType === 'branch-meeting') {
    const present = rows.filter((r) => r.state === 'present' && byId.get(r.memberId)!.full).length;
    if (!hasQuorum(present, roster.entitled ?? 0)) invalid = 'noQuorum';
  } else if (input.meetingType === 'committee') {
    if (!hasQuorum(rows.filter((r) => r.state === 'present').length, roster.entitled ?? 0)) invalid = 'noCommitteeQuorum';
  }
  return { rows, invalid };
}

export interface MeetingChange {
  before: MeetingDetail | null;
  after: MeetingDetail;
}

/** Records a meeting (or changes one at its version), its organizations and its attendance, in the caller's transaction. */
export function saveMeeting(db: Db, input: ApiParsedInput<'life.save'>, now: Date, actor: string): MeetingChange {
  const today = localIsoDate(now);
  const before = input.id === undefined ? null : getMeeting(db, input.id);
  if (before) assertVersion('meeting', before.id, before.version, input.version);
  assertOrg(db, input.orgId, 'orgId', input.heldOn);
  const joint = [...new Set(input.jointOrgIds.filter((o) => o !== input.orgId))];
  joint.forEach((o) => assertOrg(db, o, 'jointOrgIds', input.heldOn));
  if (input.status === 'held' && input.heldOn > today) throw refuse('heldOn', 'meetingInFuture', input.heldOn, { today });
  const twin = db
    .prepare("SELECT id FROM meetings WHERE org_id = ? AND type = ? AND held_on = ? AND id <> ?")
    .pluck()
    .get(input.orgId, input.meetingType, input.heldOn, input.id ?? 0) as number | undefined;
  if (twin !== undefined) throw refuse('heldOn', 'meetingDuplicate', input.heldOn, { id: twin });
  const { rows, invalid } = input.status === 'held' ? attendanceOf(db, { ...input, jointOrgIds: joint }) : { rows: [], invalid: null };

  const stamp = now.toISOString();
  const values = {
    org_id: input.orgId,
    type: input.meetingType,
    held_on: input.heldOn,
    time: input.time,
    place: input.place,
    host: input.host,
    recorder: input.recorder,
    topic: input.topic,
    content: input.content,
    decisions: input.decisions,
    joint_org_ids: JSON.stringify(joint),
    status: input.status,
    invalid_reason: invalid,
    updated_at: stamp,
  };
  let id: number;
  if (before) {
    db.prepare(
      `UPDATE meetings SET org_id = @org_id, type = @type, held_on = @held_on, time = @time, place = @place, host = @host, recorder = @recorder,
         topic = @topic, content = @content, decisions = @decisions, joint_org_ids = @joint_org_ids, status = @status,
         invalid_reason = @invalid_reason, updated_at = @updated_at, version = version + 1 WHERE id = @id`,
    ).run({ ...values, id: before.id });
    id = before.id;
    db.prepare('DELETE FROM meeting_orgs WHERE meeting_id = ?').run(id);
    db.prepare('DELETE FROM meeting_attendance WHERE meeting_id = ?').run(id);
  } else {
    id = Number(
      db
        .prepare(
          `INSERT INTO meetings (org_id, type, held_on, time, place, host, recorder, topic, content, decisions, joint_org_ids, status, invalid_reason, recorded_by, created_at, updated_at)
           VALUES (@org_id, @type, @held_on, @time, @place, @host, @recorder, @topic, @content, @decisions, @joint_org_ids, @status, @invalid_reason, @recorded_by, @updated_at, @updated_at)`,
        )
        .run({ ...values, recorded_by: actor }).lastInsertRowid,
    );
  }
  const orgRow = db.prepare('INSERT INTO meeting_orgs (meeting_id, org_id) VALUES (?, ?)');
  for (const o of [input.orgId, ...joint]) orgRow.run(id, o);
  const att = db.prepare('INSERT INTO meeting_attendance (meeting_id, member_id, state, reason) VALUES (?, ?, ?, ?)');
  for (const r of rows) att.run(id, r.memberId, r.state, r.reason);
  return { before, after: getMeeting(db, id) };
}

export function deleteMeeting(db: Db, input: ApiParsedInput<'life.delete'>): MeetingDetail {
  const before = getMeeting(db, input.id);
  assertVersion('meeting', before.id, before.version, input.version);
  db.prepare('DELETE FROM meeting_attendance WHERE meeting_id = ?').run(before.id);
  db.prepare('DELETE FROM meeting_orgs WHERE meeting_id = ?').run(before.id);
  db.prepare('DELETE FROM meetings WHERE id = ?').run(before.id);
  return before;
}

/** A member's organizational life on their record: times present, absences with reasons, the six-months flag. */
export function participation(db: Db, memberId: number, now: Date): LifeParticipation {
  const member = db.prepare('SELECT join_date, created_at FROM members WHERE id = ?').get(memberId) as { join_date: string | null; created_at: string } | undefined;
  if (!member) throw notFound('member', memberId);
  const rows = db
    .prepare(
      `SELECT mt.id AS meetingId, mt.held_on AS heldOn, mt.type AS meetingType, mt.topic, a.state, a.reason
       FROM meeting_attendance a JOIN meetings mt ON mt.id = a.meeting_id
       WHERE a.member_id = ? AND mt.status = 'held' ORDER BY mt.held_on DESC, mt.id DESC`,
    )
    .all(memberId) as LifeParticipation['absences'];
  const count = (s: AttendanceState) => rows.filter((r) => r.state === s).length;
  const joined = member.join_date ?? member.created_at.slice(0, 10);
  return {
    memberId,
    present: count('present'),
    absent: count('absent'),
    leave: count('leave'),
    absences: rows.filter((r) => r.state !== 'present'),
    flagged: absentSixMonths(rows, joined.length === 7 ? `${joined}-01` : joined, localIsoDate(now)),
  };
}
