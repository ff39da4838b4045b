// Five made-up years of organizational life for the demo street (the CLI's `seed-demo --meetings`) and the
// bench: every open branch meets as the default rules ask, now and then missing a period, so the compliance
// grid has gaps to show. Attendance is written for the last three months only (the roster of each meeting,
// a few absent with a reason): enough for the members' records, without millions of rows.
import type { Db } from '../../db/connection';
import type { MeetingType } from '../../../shared/api/schemas-life';
import { periodEnd, periodsOfYear } from '../../../shared/life-rules';

export interface SeedMeetingsOptions {
  seed: number;
  /** The last day of the made-up years (YYYY-MM-DD). */
  until: string;
  years?: number;
  /** How often a period is left without its meeting (0 to 1). */
  missRate?: number;
}

/** Topics as branches write them (data of the demo, not text of the program). */
const TOPICS: Record<MeetingType, string> = {
  'branch-meeting': '支部党员大会：通报支部工作，讨论党员发展',
  committee: '支委会：研究本月支部工作安排',
  group: '党小组会：学习讨论',
  lecture: '书记讲党课',
  'theme-day': '主题党日：学习党章、志愿服务',
  'life-meeting': '组织生活会：对照检查、批评与自我批评',
  talk: '谈心谈话',
};
const PLAN: [MeetingType, 'month' | 'quarter' | 'year'][] = [
  ['committee', 'month'],
  ['group', 'month'],
  ['theme-day', 'month'],
  ['branch-meeting', 'quarter'],
  ['lecture', 'quarter'],
  ['life-meeting', 'year'],
  ['talk', 'year'],
];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function seedMeetings(db: Db, options: SeedMeetingsOptions): { meetings: number; attendance: number } {
  const random = rng(options.seed + 14);
  const years = options.years ?? 5;
  const miss = options.missRate ?? 0.08;
  const lastYear = Number(options.until.slice(0, 4));
  const branches = db.prepare("SELECT id FROM organizations WHERE level = 'branch' AND closed_on IS NULL ORDER BY id").pluck().all() as number[];
  const stamp = `${options.until}T12:00:00.000Z`;
  const insert = db.prepare(
    `INSERT INTO meetings (org_id, type, held_on, time, place, topic, status, recorded_by, created_at, updated_at)
     VALUES (?, ?, ?, '14:30', '党群服务中心', ?, 'held', 'seed-demo', ?, ?)`,
  );
  const orgRow = db.prepare('INSERT INTO meeting_orgs (meeting_id, org_id) VALUES (?, ?)');
  const recent: { id: number; org: number; day: string }[] = [];
  const attendanceFrom = monthsAgo(options.until, 3);
  let meetings = 0;
  for (let year = lastYear - years + 1; year <= lastYear; year++) {
    for (const branch of branches) {
      for (const [type, frequency] of PLAN) {
        for (const period of periodsOfYear(year, frequency)) {
          const end = periodEnd(period);
          if (random() < miss) continue;
          // A day in the period's last month, in its second week (the activity week) where it can be.
          const day = `${end.slice(0, 8)}${String(8 + Math.floor(random() * 7)).padStart(2, '0')}`;
          if (day > options.until) continue;
          const id = Number(insert.run(branch, type, day, TOPICS[type], stamp, stamp).lastInsertRowid);
          orgRow.run(id, branch);
          meetings++;
          if (day > attendanceFrom) recent.push({ id, org: branch, day });
        }
      }
    }
  }
  // The roster of each recent meeting's day, present; about one in twelve absent with a reason.
  const attend = db.prepare(
    `INSERT INTO meeting_attendance (meeting_id, member_id, state, reason)
     SELECT @id, m.id, CASE WHEN (m.id * 7 + @id) % 12 = 0 THEN 'absent' ELSE 'present' END,
       CASE WHEN (m.id * 7 + @id) % 12 = 0 THEN '外出务工' END
     FROM members m WHERE m.org_id IN (SELECT id FROM organizations WHERE id = @org OR parent_id = @org)
       AND coalesce(m.join_date, substr(m.created_at, 1, 10)) <= @day AND (m.status = 'active' OR m.left_on > @day)`,
  );
  let attendance = 0;
  for (const r of recent) attendance += attend.run({ id: r.id, org: r.org, day: r.day }).changes;
  return { meetings, attendance };
}

function monthsAgo(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}
