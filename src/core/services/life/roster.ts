// The roster of a meeting's day: who was a member of the organization (and the Party groups below it) on
// that day — joined by then and not yet left, as the monthly return's ON_ROLL counts them — and, for a
// 支委会, the committee in office. Raw SQL: the subtree is a recursive query Kysely cannot write.
import type { Db } from '../../db/connection';
import type { LifeRoster, LifeRosterPerson } from '../../../shared/api/contract-life';
import type { MeetingType } from '../../../shared/api/schemas-life';
import { COMMITTEE_POSTS } from '../../../shared/org-rules';

/** Posts that sit on a branch committee: the secretary and the committee posts. */
const COMMITTEE_SQL = ['secretary', ...COMMITTEE_POSTS].map((p) => `'${p}'`).join(', ');

const ORGS_BELOW = `WITH RECURSIVE sub(id) AS (
    SELECT value FROM json_each(@orgs)
    UNION SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id
  )`;

/** On the roll on @day; a full member (with the vote) only once full and in normal standing. */
const ROSTER_SQL = `${ORGS_BELOW}
  SELECT m.id AS memberId, m.name, m.org_id AS orgId,
    (m.category = 'full' AND (m.full_date IS NULL OR m.full_date <= @day) AND m.standing = 'normal') AS full,
    m.mobile
  FROM members m
  WHERE m.org_id IN (SELECT id FROM sub)
    AND coalesce(m.join_date, substr(m.created_at, 1, 10)) <= @day
    AND (m.status = 'active' OR m.left_on > @day)
  ORDER BY m.name_pinyin, m.id`;

const COMMITTEE_ROSTER_SQL = `
  SELECT o.member_id AS memberId, m.name, m.org_id AS orgId,
    (m.category = 'full' AND (m.full_date IS NULL OR m.full_date <= @day)) AS full, m.mobile
  FROM org_officers o JOIN members m ON m.id = o.member_id
  WHERE o.org_id = @org AND o.role IN (${COMMITTEE_SQL})
    AND (o.term_start IS NULL OR o.term_start <= @day) AND (o.term_end IS NULL OR o.term_end >= @day)
  GROUP BY o.member_id ORDER BY m.name_pinyin, m.id`;

const COMMITTEE_SIZE_SQL = `
  SELECT count(*) FROM org_officers o
  WHERE o.org_id = @org AND o.role IN (${COMMITTEE_SQL})
    AND (o.term_start IS NULL OR o.term_start <= @day) AND (o.term_end IS NULL OR o.term_end >= @day)`;

type RawPerson = Omit<LifeRosterPerson, 'full' | 'mobile'> & { full: number; mobile: number };

const toPerson = (r: RawPerson): LifeRosterPerson => ({ ...r, full: r.full === 1, mobile: r.mobile === 1 });

/** The members of `orgIds` and the organizations below them on `day`. */
export function membersOnDay(db: Db, orgIds: readonly number[], day: string): LifeRosterPerson[] {
  return (db.prepare(ROSTER_SQL).all({ orgs: JSON.stringify(orgIds), day }) as RawPerson[]).map(toPerson);
}

/** Who a meeting of `type` counts: the committee for a 支委会, the members of the day otherwise. */
export function rosterOfDay(db: Db, type: MeetingType, orgId: number, jointOrgIds: readonly number[], day: string): LifeRoster {
  if (type === 'committee') {
    const members = (db.prepare(COMMITTEE_ROSTER_SQL).all({ org: orgId, day }) as RawPerson[]).map(toPerson);
    const size = db.prepare(COMMITTEE_SIZE_SQL).pluck().get({ org: orgId, day }) as number;
    return { orgId, heldOn: day, meetingType: type, members, entitled: size };
  }
  const members = membersOnDay(db, [orgId, ...jointOrgIds], day);
  const entitled = type === 'branch-meeting' ? members.filter((m) => m.full).length : null;
  return { orgId, heldOn: day, meetingType: type, members, entitled };
}
