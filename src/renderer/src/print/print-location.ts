// Where a print document lives: `/print/<doc>?…` in the browser host (a stable URL behind the login) and
// `#/print/<doc>?…` inside the app (works from file:// in Electron). Both read the same way.
import type { ApiInput } from '../../../shared/api/contract';
import { PRINT_DOCS, type PrintDoc } from '../../../shared/api/contract-print';

export interface PrintLocation {
  doc: PrintDoc;
  params: URLSearchParams;
}

function parse(path: string): PrintLocation | null {
  const match = /^\/print\/([A-Za-z-]+)(?:\?(.*))?$/.exec(path);
  if (!match) return null;
  const doc = DOC_BY_SLUG.get(match[1]);
  return doc ? { doc, params: new URLSearchParams(match[2] ?? '') } : null;
}

const SLUGS: Record<PrintDoc, string> = { roster: 'roster', threeLists: 'three-lists', board: 'board', letter: 'letter', slip: 'slip', lifeMinutes: 'life-minutes', lifeSignIn: 'life-sign-in', lifeBook: 'life-book', lifeTally: 'life-tally', duesReceipt: 'dues-receipt', duesBoard: 'dues-board', govBoard: 'gov-board', govProjects: 'gov-projects', govDecision: 'gov-decision', duesRemittance: 'dues-remittance', duesStatement: 'dues-statement', developRecord: 'develop-record', developRegister: 'develop-register', briefing: 'briefing', developPlan: 'develop-plan' };
const DOC_BY_SLUG = new Map(PRINT_DOCS.map((d) => [SLUGS[d], d]));

/** The print document the window shows, if any: the hash route first, then the host's path. */
export function currentPrintLocation(): PrintLocation | null {
  const hash = window.location.hash.replace(/^#/, '');
  return parse(hash) ?? parse(`${window.location.pathname}${window.location.search}`);
}

/** The in-app route of a document (hash form: the same in Electron and the browser). */
export function printHref(doc: PrintDoc, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  const qs = query.toString();
  return `/print/${SLUGS[doc]}${qs ? `?${qs}` : ''}`;
}

type RosterInput = ApiInput<'print.roster'>;
const FLAGS = ['mobile', 'lostContact', 'hardship', 'inServiceRegistered', 'volunteer'] as const;

/** The members view as URL parameters: org, community, grid, category, occupation, q, age, edu, joined, flags, sort, cols. */
export function rosterParams(view: RosterInput): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {
    org: view.orgId?.toString(),
    community: view.communityId?.toString(),
    grid: view.gridId?.toString(),
    category: view.category,
    occupation: view.occupationGroup,
    q: view.query,
    age: view.ageBand,
    // null: no education recorded (the overview's unlabelled bar).
    edu: view.education === null ? 'none' : view.education,
    joined: view.joinYear?.toString(),
    sort: view.sort?.map((s) => `${s.field}:${s.dir}`).join(',') || undefined,
    cols: view.columns?.join(','),
  };
  for (const flag of FLAGS) if (view[flag] !== undefined) out[flag] = view[flag] ? '1' : '0';
  return out;
}

export function rosterInput(params: URLSearchParams): RosterInput {
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  const input: Record<string, unknown> = {
    orgId: num('org'),
    communityId: num('community'),
    gridId: num('grid'),
    category: params.get('category') ?? undefined,
    occupationGroup: params.get('occupation') ?? undefined,
    query: params.get('q') ?? undefined,
    ageBand: params.get('age') ?? undefined,
    education: params.get('edu') === 'none' ? null : (params.get('edu') ?? undefined),
    joinYear: num('joined'),
    sort: (params.get('sort') ?? '')
      .split(',')
      .filter(Boolean)
      .map((s) => ({ field: s.split(':')[0], dir: s.split(':')[1] ?? 'asc' })),
    columns: params.get('cols')?.split(',').filter(Boolean),
  };
  for (const flag of FLAGS) if (params.has(flag)) input[flag] = params.get(flag) === '1';
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as RosterInput;
}
