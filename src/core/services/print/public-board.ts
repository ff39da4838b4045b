// Public notice boards (volunteer teams, members' commitments, new probationary members) and the one mask
// they all go through (docs/domain.md §9). Every cell is built through `publicCell`, and the finished board is
// scrubbed once more, so no public document can carry a full phone or ID number whatever the view does.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import { paperDate, type BoardGroup, type BoardKind, type PrintBoard } from '../../../shared/api/contract-print';
import type { TeamSkill } from '../../../shared/api/schemas-counter';
import type { Language } from '../../../shared/api/schemas';
import { fileText } from '../../../shared/i18n/file-text';
import { maskAddress, maskCitizenId, maskPhone, scrubPersonalData } from '../../../shared/validators/masking';
import { cellValue } from '../../export/export-members';
import { BOARD_FIELDS, MEMBER_FIELD_BY_KEY } from '../../../shared/members/fields';
import { Codes } from '../member-records';
import { allMembers } from '../members';
import { organizationTitles, subtreeIds, treeRank } from '../organizations';
import { printHeading } from './heading';
import { getStation, missingStation } from './station';
import { workdayCalendar } from '../counter/workdays';
import { localIsoDate } from '../../../shared/validators';
import type { Scope } from '../../scope';
import { candidateBoard, fullBoard } from '../develop/boards';
import { developSettings } from '../develop/settings';

/** A value as it may appear on a public board. */
export type PublicValue =
  | { kind: 'text'; value: string | null }
  | { kind: 'phone'; value: string | null }
  | { kind: 'idNumber'; value: string | null }
  | { kind: 'address'; value: string | null; community: string | null };

/** Trimmed as printed: a value typed with a leading space would stand out of line on the board. */
export function publicCell(cell: PublicValue): string {
  return maskedCell(cell).trim();
}

function maskedCell(cell: PublicValue): string {
  if (cell.value === null || cell.value.trim() === '') return '';
  switch (cell.kind) {
    case 'phone':
      return maskPhone(cell.value);
    case 'idNumber':
      return maskCitizenId(cell.value);
    case 'address':
      return maskAddress(cell.value, 'community', cell.community ?? '');
    case 'text':
      return scrubPersonalData(cell.value);
  }
}

type Groups = PrintBoard['groups'];

/** A board of the view; a user limited to one community posts only that community's people. */
export function boardData(db: Db, input: ApiParsedInput<'print.board'>, lang: Language, now: Date, scope: Scope | null = null): PrintBoard {
  const year = input.kind === 'commitments' ? (input.year ?? now.getFullYear()) : null;
  const view = { ...input, orgId: scope ? scope.viewOrg(input.orgId) : input.orgId };
  const built = BUILDERS[input.kind](db, view, lang, year ?? now.getFullYear(), scope);
  const contact = getStation(db);
  const board: PrintBoard = {
    kind: input.kind,
    heading: printHeading(db, view.orgId, now, scope),
    year,
    columns: built.columns,
    groups: built.groups,
    total: built.groups.reduce((n, g) => n + g.rows.length, 0),
    contact,
    noticePeriod: input.kind === 'probationary' ? noticePeriod(db, now) : input.kind.startsWith('develop') ? noticePeriod(db, now, developSettings(db).noticeWorkdays) : null,
    missing: missingStation(contact, 'board'),
  };
  return scrubBoard(board);
}

/** A notice of new probationary members is posted for 5 working days, counted from the next working day. */
export const NOTICE_WORKDAYS = 5;

function noticePeriod(db: Db, now: Date, workdays = NOTICE_WORKDAYS): { from: string; to: string; workdays: number } {
  const calendar = workdayCalendar(db);
  const from = calendar.nextWorkday(localIsoDate(now));
  return { from, to: calendar.addWorkdays(from, workdays - 1), workdays };
}

/** The last guard: every text on the board (titles included) with any phone or ID number masked. */
function scrubBoard(board: PrintBoard): PrintBoard {
  const groups = board.groups.map((g) => ({
    ...g,
    title: scrubPersonalData(g.title),
    rows: g.rows.map((r) => r.map(scrubPersonalData)),
    ...(g.team ? { team: { ...g.team, leader: scrubPersonalData(g.team.leader) } } : {}),
  }));
  return { ...board, groups };
}

type Builder = (db: Db, input: ApiParsedInput<'print.board'>, lang: Language, year: number, scope: Scope | null) => { columns: string[]; groups: Groups };

const BUILDERS: Record<BoardKind, Builder> = {
  volunteers: volunteerBoard,
  commitments: commitmentBoard,
  probationary: probationaryBoard,
  developCandidates: candidateBoard,
  developFull: fullBoard,
};

function pushTo(groups: Map<string, string[][]>, title: string, row: string[]): void {
  const rows = groups.get(title) ?? [];
  rows.push(row);
  groups.set(title, rows);
}

const toGroups = (groups: Map<string, string[][]>): Groups => [...groups].map(([title, rows]) => ({ title, rows }));

/** Inside a scope only volunteers who are members of the community count: a resident volunteer belongs to no community. */
function volunteerBoard(db: Db, input: ApiParsedInput<'print.board'>, lang: Language, _year: number, scope: Scope | null): { columns: string[]; groups: Groups } {
  const inScope = input.orgId === undefined ? null : new Set(subtreeIds(db, input.orgId));
  const rows = db
    .prepare(
      `SELECT v.name, v.kind, v.phone, v.skills, v.member_id, m.org_id, t.name AS team, t.skill AS team_skill, t.leader AS team_leader,
              COALESCE((SELECT SUM(r.hours) FROM service_records r WHERE r.volunteer_id = v.id), 0) AS hours
         FROM volunteers v LEFT JOIN service_teams t ON t.id = v.team_id LEFT JOIN members m ON m.id = v.member_id
        WHERE v.active = 1 AND (t.id IS NULL OR t.active = 1)
        ORDER BY t.name IS NULL, t.name, v.kind, v.name`,
    )
    .all() as { name: string; kind: 'member' | 'resident'; phone: string | null; skills: string | null; org_id: number | null; team: string | null; team_skill: TeamSkill | null; team_leader: string | null; hours: number }[];
  const groups = new Map<string, string[][]>();
  const teams = new Map<string, BoardGroup['team']>();
  for (const v of rows) {
    if (inScope && (v.org_id === null || !inScope.has(v.org_id))) continue;
    if (scope && !scope.hasOrg(v.org_id)) continue;
    const title = v.team ?? fileText(lang, 'boardNoTeam');
    if (v.team && v.team_skill) teams.set(title, { skill: v.team_skill, leader: publicCell({ kind: 'text', value: v.team_leader }) });
    pushTo(groups, title, [
      publicCell({ kind: 'text', value: v.name }),
      fileText(lang, v.kind === 'member' ? 'boardMember' : 'boardResident'),
      publicCell({ kind: 'phone', value: v.phone }),
      publicCell({ kind: 'text', value: v.skills }),
      String(Math.round(v.hours * 10) / 10),
    ]);
  }
  return { columns: ['name', 'volunteerKind', 'phone', 'skills', 'hours'], groups: toGroups(groups).map((g) => (teams.has(g.title) ? { ...g, team: teams.get(g.title) } : g)) };
}

function commitmentBoard(db: Db, input: ApiParsedInput<'print.board'>, _lang: Language, year: number, scope: Scope | null): { columns: string[]; groups: Groups } {
  const inScope = input.orgId === undefined ? null : new Set(subtreeIds(db, input.orgId));
  const rows = db
    .prepare(
      `SELECT m.name, m.org_id, c.commitment FROM member_commitments c
         JOIN members m ON m.id = c.member_id JOIN organizations o ON o.id = m.org_id
        WHERE c.year = ? AND m.status = 'active' ORDER BY o.community_id IS NULL, o.community_id, o.sort_order, o.name, m.name`,
    )
    .all(year) as { name: string; org_id: number; commitment: string }[];
  const groups = new Map<string, string[][]>();
  const title = organizationTitles(db);
  for (const c of rows) {
    if (inScope && !inScope.has(c.org_id)) continue;
    if (scope && !scope.hasOrg(c.org_id)) continue;
    pushTo(groups, title(c.org_id), [publicCell({ kind: 'text', value: c.name }), publicCell({ kind: 'text', value: c.commitment })]);
  }
  return { columns: ['name', 'commitment'], groups: toGroups(groups) };
}

/** The board's columns: the fields the field table marks public, in its order. */
const PROBATIONARY_COLUMNS: readonly string[] = BOARD_FIELDS.map((f) => f.key);

function probationaryBoard(db: Db, input: ApiParsedInput<'print.board'>, lang: Language, _year: number, scope: Scope | null): { columns: string[]; groups: Groups } {
  const codes = new Codes(db);
  const groups = new Map<string, string[][]>();
  const title = organizationTitles(db);
  const rank = treeRank(db);
  const rankOf = new Map<string, number>();
  const view = { orgId: input.orgId, status: 'active' as const, category: 'probationary' as const, sort: [{ field: 'branch' as const, dir: 'asc' as const }, { field: 'joinDate' as const, dir: 'asc' as const }] };
  for (const chunk of allMembers(db, view, scope)) {
    for (const m of chunk) {
      rankOf.set(title(m.orgId), rank(m.orgId));
      pushTo(
        groups,
        title(m.orgId),
        PROBATIONARY_COLUMNS.map((key) => {
          if (key === 'address') return publicCell({ kind: 'address', value: m.address, community: m.community });
          // Birth shown to the month, as notices of new members print it.
          if (key === 'birthDate') return paperDate(m.birthDate.slice(0, 7), lang);
          if (key === 'joinDate') return m.joinDate ? paperDate(m.joinDate, lang) : '';
          return publicCell({ kind: 'text', value: cellValue(MEMBER_FIELD_BY_KEY.get(key)!, m, codes, lang) });
        }),
      );
    }
  }
  // Branch by branch in the organization page's order (the members of each by the day they joined).
  return { columns: [...PROBATIONARY_COLUMNS], groups: toGroups(groups).sort((a, b) => (rankOf.get(a.title) ?? 0) - (rankOf.get(b.title) ?? 0)) };
}

