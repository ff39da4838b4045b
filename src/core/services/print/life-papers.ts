// Print data of organizational life's papers: the branch's yearly book is every meeting it held or joined in
// the year, in date order, each with its attendance (the minutes page and sign-in sheet take one meeting).
import type { Db } from '../../db/connection';
import type { MeetingDetail } from '../../../shared/api/contract-life';
import { getMeeting } from '../life/meetings';

export function lifeBook(db: Db, orgId: number, year: number): MeetingDetail[] {
  const ids = db
    .prepare(
      `SELECT mt.id FROM meetings mt JOIN meeting_orgs mo ON mo.meeting_id = mt.id
       WHERE mo.org_id = ? AND mt.status = 'held' AND mt.held_on BETWEEN ? AND ? ORDER BY mt.held_on, mt.id`,
    )
    .pluck()
    .all(orgId, `${year}-01-01`, `${year}-12-31`) as number[];
  return ids.map((id) => getMeeting(db, id));
}
