// Party members' public commitments (党员承诺公示): one a member and year, kept for the public board.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { CommitmentInfo } from '../../../shared/api/contract-print';
import { localIsoDate } from '../../../shared/validators/loose-date';
import { notFound, refuse } from '../counter/refusals';
import type { Scope } from '../../scope';

const ROWS = `SELECT c.id, c.member_id, m.name AS member_name, m.org_id, o.name AS branch, c.year, c.commitment, c.updated_at
  FROM member_commitments c JOIN members m ON m.id = c.member_id JOIN organizations o ON o.id = m.org_id`;

interface Row {
  id: number;
  member_id: number;
  member_name: string;
  org_id: number;
  branch: string;
  year: number;
  commitment: string;
  updated_at: string;
}

const toInfo = (r: Row): CommitmentInfo => ({
  id: r.id,
  memberId: r.member_id,
  memberName: r.member_name,
  branch: r.branch,
  year: r.year,
  commitment: r.commitment,
  updatedAt: r.updated_at,
});

/** The year's commitments; a user limited to one community sees its members' only. */
export function listCommitments(db: Db, year: number, scope: Scope | null = null): CommitmentInfo[] {
  const rows = db.prepare(`${ROWS} WHERE c.year = ? ORDER BY o.sort_order, o.name, m.name`).all(year) as Row[];
  return rows.filter((r) => !scope || scope.hasOrg(r.org_id)).map(toInfo);
}

export function getCommitment(db: Db, id: number): CommitmentInfo {
  const row = db.prepare(`${ROWS} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('commitment', id);
  return toInfo(row);
}

/** A commitment saved; whose member it is (and was) the dispatcher checked first (src/core/write-rules.ts). */
export function saveCommitment(db: Db, input: ApiParsedInput<'commitments.save'>, now: Date): { before: CommitmentInfo | null; after: CommitmentInfo } {
  const member = db.prepare('SELECT name, status FROM members WHERE id = ?').get(input.memberId) as { name: string; status: string } | undefined;
  if (!member || member.status !== 'active') throw refuse('memberId', 'memberNotOnRoll', input.memberId);
  const clash = db.prepare('SELECT id FROM member_commitments WHERE member_id = ? AND year = ? AND id != ?').get(input.memberId, input.year, input.id ?? 0);
  if (clash) throw refuse('memberId', 'commitmentTaken', input.memberId, { name: member.name, year: input.year });
  const at = now.toISOString();
  if (input.id === undefined) {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO member_commitments (member_id, year, commitment, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.memberId, input.year, input.commitment, at, at);
    return { before: null, after: getCommitment(db, Number(lastInsertRowid)) };
  }
  const before = getCommitment(db, input.id);
  db.prepare('UPDATE member_commitments SET member_id = ?, year = ?, commitment = ?, updated_at = ? WHERE id = ?').run(input.memberId, input.year, input.commitment, at, input.id);
  return { before, after: getCommitment(db, input.id) };
}

export function deleteCommitment(db: Db, id: number): CommitmentInfo {
  const before = getCommitment(db, id);
  db.prepare('DELETE FROM member_commitments WHERE id = ?').run(id);
  return before;
}

export const thisYear = (now: Date): number => Number(localIsoDate(now).slice(0, 4));
