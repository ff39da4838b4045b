// The return's governance table (issue 17): by community (and the street's own records), whether each of the
// open column's four areas was published in its window by the month's end (1 or 0, so the total counts the
// communities on time per area), the year's projects and collective-economy audits done by the month's end,
// and the organizations whose election is due by then. Rates are derived from the sums, never summed.
import type { Db } from '../db/connection';
import { DISCLOSURE_AREAS, disclosureWindow, defaultTermYears, termDueOn } from '../../shared/gov-rules';
import type { OrgLevel } from '../../shared/api/schemas';
import { totalOf, type ReturnColumn, type ReturnRow, type ReturnTable } from '../../shared/returns/tables';
import type { PeriodBounds } from './period';

export const GOV_COLUMNS: ReturnColumn[] = [
  { key: 'partyOnTime' },
  { key: 'affairsOnTime' },
  { key: 'financeOnTime' },
  { key: 'serviceOnTime' },
  { key: 'projects' },
  { key: 'projectsDone' },
  { key: 'projectsRate', derived: { num: 'projectsDone', den: 'projects', kind: 'percent' } },
  { key: 'audits' },
  { key: 'auditsDone' },
  { key: 'auditsRate', derived: { num: 'auditsDone', den: 'audits', kind: 'percent' } },
  { key: 'electionsDue' },
];

const ELECTING = "('street_committee', 'community_committee', 'general_branch', 'branch')";

export function governanceTable(db: Db, p: PeriodBounds): ReturnTable {
  const year = Number(p.period.slice(0, 4));
  const units: { id: number | null; key: string; label: string }[] = [
    ...(db.prepare('SELECT id, division_code AS key, name AS label FROM communities WHERE closed_on IS NULL ORDER BY division_code').all() as { id: number; key: string; label: string }[]),
    { id: null, key: 'none', label: 'none' },
  ];
  const lastPublished = db.prepare('SELECT max(published_on) FROM gov_disclosures WHERE community_id IS ? AND area = ? AND published_on <= ?').pluck();
  const projects = db.prepare(`SELECT count(*) AS total, coalesce(sum(status = 'done' AND completed_on <= @end), 0) AS done FROM gov_projects WHERE year = @year AND community_id IS @community`);
  const audits = db.prepare(`SELECT count(*) AS total, coalesce(sum(done_on IS NOT NULL AND done_on <= @end), 0) AS done FROM gov_audits WHERE year = @year AND community_id IS @community`);
  const terms = db
    .prepare(`SELECT o.community_id AS community, o.level, t.elected_on, t.term_years, t.adjust_months FROM organizations o JOIN gov_terms t ON t.org_id = o.id WHERE o.closed_on IS NULL AND o.level IN ${ELECTING}`)
    .all() as { community: number | null; level: OrgLevel; elected_on: string; term_years: number | null; adjust_months: number }[];
  const rows: ReturnRow[] = units.map((u) => {
    const values: Record<string, number> = {};
    for (const area of DISCLOSURE_AREAS) {
      const last = lastPublished.get(u.id, area, p.end) as string | null;
      values[`${area}OnTime`] = last !== null && last.slice(0, 7) >= disclosureWindow(area, p.period).from ? 1 : 0;
    }
    const pr = projects.get({ year, end: p.end, community: u.id }) as { total: number; done: number };
    const au = audits.get({ year, end: p.end, community: u.id }) as { total: number; done: number };
    values.projects = pr.total;
    values.projectsDone = pr.done;
    values.audits = au.total;
    values.auditsDone = au.done;
    values.electionsDue = terms.filter((t) => t.community === u.id && termDueOn(t.elected_on, t.term_years ?? defaultTermYears(t.level), t.adjust_months) <= p.end).length;
    return { key: u.key, label: u.label, values };
  });
  // The street's own row only when it has records of its own, as the other tables list it.
  const shown = rows.filter((r) => r.key !== 'none' || Object.values(r.values).some((v) => (v ?? 0) > 0));
  const withDerived = shown.map((r) => ({ ...r, values: totalOf(GOV_COLUMNS, [r]) }));
  return { id: 'governance', columns: GOV_COLUMNS, rows: withDerived, total: totalOf(GOV_COLUMNS, shown) };
}
