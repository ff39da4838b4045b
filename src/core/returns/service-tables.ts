// The return's service tables: requests on the three lists (即办 / 代办 / 指导) and volunteer hours by team.
// Their shapes are fixed here; the figures come from the service counter's tables (migration 0003).
import type { Db } from '../db/connection';
import { totalOf, type ReturnColumn, type ReturnRow, type ReturnTable } from '../../shared/returns/tables';
import type { PeriodBounds } from './period';

export const REQUEST_COLUMNS: ReturnColumn[] = [
  { key: 'requests' },
  { key: 'closed' },
  { key: 'onTime' },
  { key: 'onTimeRate', derived: { num: 'onTime', den: 'closed', kind: 'percent' } },
  { key: 'rated' },
  { key: 'ratingSum' },
  { key: 'satisfaction', derived: { num: 'ratingSum', den: 'rated', kind: 'average' } },
  { key: 'overdue' },
];

export const VOLUNTEER_COLUMNS: ReturnColumn[] = [{ key: 'volunteers' }, { key: 'hours' }];

const LISTS = ['immediate', 'agency', 'guidance'] as const;

function table(id: ReturnTable['id'], columns: ReturnColumn[], rows: ReturnRow[]): ReturnTable {
  return { id, columns, rows, total: totalOf(columns, rows) };
}

function withDerived(columns: ReturnColumn[], values: Record<string, number | null>): Record<string, number | null> {
  return totalOf(columns, [{ key: '', label: '', values }]);
}

/**
 * Requests by list for the period: accepted in the month; closed in the month, of them on time (closed by
 * the due date) and rated (1–5); still overdue at the month's end (accepted by then, not closed, past due,
 * and not paused waiting for the resident's documents, as the counter counts it).
 */
export function serviceRequestTable(db: Db, p: PeriodBounds): ReturnTable {
  const rows = db
    .prepare(
      `SELECT list_class AS list,
         sum(accepted_on BETWEEN @start AND @end) AS requests,
         sum(closed_on BETWEEN @start AND @end) AS closed,
         sum(closed_on BETWEEN @start AND @end AND closed_on <= due_on) AS onTime,
         sum(closed_on BETWEEN @start AND @end AND satisfaction IS NOT NULL) AS rated,
         sum(CASE WHEN closed_on BETWEEN @start AND @end THEN coalesce(satisfaction, 0) ELSE 0 END) AS ratingSum,
         sum(accepted_on <= @end AND (closed_on IS NULL OR closed_on > @end) AND due_on < @end
           AND NOT (status = 'waiting_docs' AND paused_on <= @end)) AS overdue
       FROM service_requests GROUP BY list_class`,
    )
    .all({ start: p.start, end: p.end }) as ({ list: string } & Record<string, number>)[];
  const byList = new Map(rows.map((r) => [r.list, r]));
  return table(
    'serviceRequests',
    REQUEST_COLUMNS,
    LISTS.map((l) => {
      const r = byList.get(l);
      const values: Record<string, number | null> = {};
      for (const c of REQUEST_COLUMNS) if (!c.derived) values[c.key] = r?.[c.key] ?? 0;
      return { key: l, label: l, values: withDerived(REQUEST_COLUMNS, values) };
    }),
  );
}

/** Volunteer hours served in the month, by service team (records without a team under the volunteer's team). */
export function volunteerHoursTable(db: Db, p: PeriodBounds): ReturnTable {
  const rows = db
    .prepare(
      `SELECT coalesce(t.name, '') AS team, count(DISTINCT r.volunteer_id) AS volunteers, round(sum(r.hours), 1) AS hours
       FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id
       LEFT JOIN service_teams t ON t.id = coalesce(r.team_id, v.team_id)
       WHERE r.served_on BETWEEN @start AND @end
       GROUP BY t.id ORDER BY t.name`,
    )
    .all({ start: p.start, end: p.end }) as { team: string; volunteers: number; hours: number }[];
  return table(
    'volunteerHours',
    VOLUNTEER_COLUMNS,
    rows.map((r) => ({ key: r.team || 'noTeam', label: r.team || 'noTeam', values: { volunteers: r.volunteers, hours: r.hours } })),
  );
}
