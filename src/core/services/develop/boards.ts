// The development notices posted in public (公示): 发展对象 before the branch meeting, and 预备党员 before
// 转正. Every cell goes through the boards' one mask (publicCell → src/shared/validators/masking.ts): the ID
// number shows its first 2 and last 3 characters, the birth only to the month.
import type { Db } from '../../db/connection';
import type { ApiParsedInput } from '../../../shared/api/contract';
import { paperDate, type BoardGroup } from '../../../shared/api/contract-print';
import type { Language } from '../../../shared/api/schemas';
import { checkPath } from '../../../shared/develop/rules';
import { DEVELOP_SEX_TEXT } from '../../../shared/i18n/messages-develop';
import type { Scope } from '../../scope';
import { organizationTitles, subtreeIds, treeRank } from '../organizations';
import { publicCell } from '../print/public-board';
import { PERSON_WITH_NAMES, pathOfPerson, type PersonWithNames } from './path';
import { ruleOptions } from './settings';

type Board = { columns: string[]; groups: BoardGroup[] };

function people(db: Db, stage: 'candidate' | 'probationary', orgId: number | undefined, scope: Scope | null): PersonWithNames[] {
  const inView = orgId === undefined ? null : new Set(subtreeIds(db, orgId));
  return (db.prepare(`${PERSON_WITH_NAMES} WHERE p.stage = ? ORDER BY p.org_id, p.applied_on, p.id`).all(stage) as PersonWithNames[]).filter(
    (p) => (!inView || inView.has(p.org_id)) && (!scope || scope.hasOrg(p.org_id)),
  );
}

function grouped(db: Db, rows: { orgId: number; cells: string[] }[]): BoardGroup[] {
  const title = organizationTitles(db);
  const rank = treeRank(db);
  const groups = new Map<number, BoardGroup>();
  for (const r of rows) {
    const g = groups.get(r.orgId) ?? { title: title(r.orgId), rows: [] };
    g.rows.push(r.cells);
    groups.set(r.orgId, g);
  }
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([, g]) => g);
}

const sexText = (sex: 1 | 2, lang: Language) => DEVELOP_SEX_TEXT[lang][sex];

/** 发展对象公示: who is proposed for admission, since when an activist and a candidate (six columns: A4 upright holds them on one line each). */
export function candidateBoard(db: Db, input: ApiParsedInput<'print.board'>, lang: Language, _year: number, scope: Scope | null): Board {
  const rows = people(db, 'candidate', input.orgId, scope).map((p) => {
    const path = pathOfPerson(db, p);
    return {
      orgId: p.org_id,
      cells: [
        publicCell({ kind: 'text', value: p.name }),
        sexText(p.sex, lang),
        paperDate(p.birth_date.slice(0, 7), lang),
        publicCell({ kind: 'idNumber', value: p.id_number }),
        path.activist ? paperDate(path.activist, lang) : '',
        path.candidate ? paperDate(path.candidate, lang) : '',
      ],
    };
  });
  return { columns: ['name', 'sex', 'birthDate', 'idNumber', 'activistOn', 'candidateOn'], groups: grouped(db, rows) };
}

/** 预备党员拟转正公示: probationary members approved, with the day they joined and the day the probation ends. */
export function fullBoard(db: Db, input: ApiParsedInput<'print.board'>, lang: Language, _year: number, scope: Scope | null): Board {
  const opts = ruleOptions(db);
  const rows = people(db, 'probationary', input.orgId, scope).flatMap((p) => {
    const path = pathOfPerson(db, p);
    if (!path.approved) return [];
    const ends = checkPath(path, opts).probationEnds;
    return [
      {
        orgId: p.org_id,
        cells: [
          publicCell({ kind: 'text', value: p.name }),
          sexText(p.sex, lang),
          paperDate(p.birth_date.slice(0, 7), lang),
          publicCell({ kind: 'idNumber', value: p.id_number }),
          path.admitted ? paperDate(path.admitted, lang) : '',
          ends ? paperDate(ends, lang) : '',
        ],
      },
    ];
  });
  return { columns: ['name', 'sex', 'birthDate', 'idNumber', 'admittedOn', 'probationEnds'], groups: grouped(db, rows) };
}
