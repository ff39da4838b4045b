// The roster (党员花名册) as it goes on paper: the members of the view, grouped by branch in the order of
// the organization tree, each cell as text. An internal document: full data, printing is logged.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import { DEFAULT_ROSTER_COLUMNS, paperDate, type PrintRoster, type RosterGroup } from '../../../shared/api/contract-print';
import type { Language } from '../../../shared/api/schemas';
import { MEMBER_FIELD_BY_KEY, type MemberField } from '../../../shared/members/fields';
import { cellValue } from '../../export/export-members';
import { Codes } from '../member-records';
import { allMembers } from '../members';
import { printHeading } from './heading';
import { organizationTitles, treeRank } from '../organizations';
import type { Scope } from '../../scope';
import { localIsoDate } from '../../../shared/validators';


/** The roster of the view, inside the caller's scope (a user limited to one community prints only its members). */
export function rosterData(db: Db, input: ApiParsedInput<'print.roster'>, lang: Language, now: Date, scope: Scope | null = null): PrintRoster {
  const orgId = scope ? scope.viewOrg(input.orgId) : input.orgId;
  // The branch is each group's heading, so it is not repeated in a column.
  const columns = (input.columns?.length ? input.columns : DEFAULT_ROSTER_COLUMNS).filter((key) => key !== 'branch');
  const fields = columns.map((key) => MEMBER_FIELD_BY_KEY.get(key)).filter((f): f is MemberField => f !== undefined);
  const { columns: _columns, ...view } = input;
  const codes = new Codes(db);
  const groups = new Map<number, RosterGroup>();
  const title = organizationTitles(db);
  let total = 0;
  for (const chunk of allMembers(db, { ...view, orgId, status: 'active' }, scope, 1000, localIsoDate(now))) {
    for (const m of chunk) {
      let group = groups.get(m.orgId);
      if (!group) groups.set(m.orgId, (group = { orgId: m.orgId, branch: title(m.orgId), rows: [] }));
      group.rows.push(fields.map((f) => paperCell(f, cellValue(f, m, codes, lang), lang)));
    }
    total += chunk.length;
  }
  const rank = treeRank(db);
  const ordered = [...groups.values()].sort((a, b) => rank(a.orgId) - rank(b.orgId));
  return { heading: printHeading(db, orgId, now, scope), columns: fields.map((f) => f.key), groups: ordered, total };
}

/** A cell as the paper shows it: trimmed (a leading space would push it out of line), dates in the formal form. */
function paperCell(field: MemberField, value: string | null, lang: Language): string {
  const text = (value ?? '').trim();
  return field.kind === 'date' ? paperDate(text, lang) : text;
}
