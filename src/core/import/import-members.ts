// Importing a roster: read (roster-reader), check every row (the shared member rules), resolve branches,
// grids and codes, find duplicates in the file and in the archive, then — unless it is a dry run — write
// every accepted row in one transaction or none. The report names each row's fate by its Excel row.
import { reasonsByRow, rejectedRowsWorkbook } from './rejected-workbook';
import fs from 'node:fs';
import type { Db } from '../db/connection';
import type { ImportReport as ContractImportReport } from '../../shared/api/contract';
import type { Language } from '../../shared/api/schemas';
import { FIELD_PROBLEMS, fieldLabel, interpolate } from '../../shared/i18n/messages';
import { fileText } from '../../shared/i18n/file-text';
import type { RowProblem } from '../../shared/members/draft';
import { localIsoDate } from '../../shared/validators';
import { AppError } from '../../shared/result';
import { refreshStatistics } from '../db/open';
import { appendAudit, type AuditActor } from '../services/audit';
import { Codes, eventWriter, toColumns, updateMember } from '../services/member-records';
import { findOrganizations } from '../services/organizations';
import { finalizedPeriods } from '../returns/freeze';
import { enforceRules } from '../write-rules';
import { checkRosterRows } from './roster-check';
import { readRoster, type ReadRosterOptions, type Roster, type RosterColumn } from './roster-reader';
import type { Scope } from '../scope';
import { type CodeMapping, type ValueMapping, CODED_FIELDS, resolveValueMappings, saveCodeMappings } from './value-map';

export interface ImportOptions extends ReadRosterOptions {
  onDuplicate: 'skip' | 'update';
  createMissingBranches: boolean;
  dryRun: boolean;
  lang: Language;
  now: Date;
  actor: AuditActor;
  fileName: string;
  /** Where to save the rejected rows with a reason column, to fix and import again. */
  rejectedOut?: string;
  /** Hand the rejected rows back as workbook bytes in the report (the import wizard's download). */
  rejectedBytes?: boolean;
  /** Progress, `done` of `total` (a percentage): reading, then checking and writing every PROGRESS_ROWS rows. */
  onPhase?: (done: number, total: number) => void;
  /** Aborted (jobs.cancel): the import stops at the next row batch before writing, and nothing is written. */
  signal?: AbortSignal;
  /** A user limited to one community: every row must place its member in a branch of that community. */
  scope?: Scope | null;
  /**
   * Words mapped to codes: resolved ones (the wizard), or `--map-value 学历=电大:大学专科` texts (the CLI).
   * A commit stores them for every later import; a dry run only applies them.
   */
  valueMappings?: readonly (CodeMapping | ValueMapping | string)[];
  /**
   * The community the roster's branches are in (its name, as the CLI's --community takes it, or its id, as
   * the wizard sends it), for rows whose 所在社区 cell is blank or missing.
   */
  community?: string | number;
}

/** How far each stage takes the progress (of 100): reading the file is about a third of an import's time. */
const PROGRESS = { read: 30, checked: 50, total: 100 } as const;
const PROGRESS_ROWS = 2000;

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'import cancelled');
}

/**
 * Checks the rows a batch at a time, letting other work in between (a cancel arriving, progress going out);
 * checking is pure, so stopping half-way leaves nothing behind.
 */
async function checkInBatches(roster: Roster, options: ImportOptions): Promise<ReturnType<typeof checkRosterRows>> {
  const checks: ReturnType<typeof checkRosterRows> = [];
  const total = roster.rows.length;
  for (let start = 0; start < total; start += PROGRESS_ROWS) {
    throwIfCancelled(options.signal);
    checks.push(...checkRosterRows({ rows: roster.rows.slice(start, start + PROGRESS_ROWS), columns: roster.columns }, { today: options.now }));
    options.onPhase?.(PROGRESS.read + Math.round(((PROGRESS.checked - PROGRESS.read) * checks.length) / total), PROGRESS.total);
    await new Promise((resolve) => setImmediate(resolve));
  }
  throwIfCancelled(options.signal);
  return checks;
}

export interface RejectedCell {
  row: number;
  column: string;
  letter: string | null;
  field: string;
  value: unknown;
  code: string;
  message: string;
}

export type ImportReport = ContractImportReport;

interface Accepted {
  excelRow: number;
  columns: Record<string, unknown>;
}

function describe(p: RowProblem, column: RosterColumn | null, row: number, lang: Language): RejectedCell {
  const label = column?.header ?? fieldLabel(`fields.${p.field}`, lang);
  const text = interpolate(FIELD_PROBLEMS[lang][p.problem] ?? FIELD_PROBLEMS[lang].invalid, p.params);
  return {
    row,
    column: label,
    letter: column?.letter ?? null,
    field: p.field,
    value: p.value instanceof Date ? p.value.toISOString().slice(0, 10) : (p.value ?? null),
    code: p.problem,
    message: fileText(lang, 'issueLine', { label, problem: text }),
  };
}

type BranchHit = { id: number } | { problem: string; params: Record<string, string | number> };

interface CommunityRow {
  id: number;
  name: string;
}

/** 和平社区, 和平, 和平社区党委, 和平社区居委会 all name the community 和平社区. */
function communityKey(name: string): string {
  return name.replace(/\s/g, '').replace(/(?:党委|党总支|居委会|居民委员会)$/, '').replace(/社区$/, '');
}

/** The street's open communities, for a refusal that names them. */
function communityNames(db: Db): string {
  return (db.prepare('SELECT name FROM communities WHERE closed_on IS NULL ORDER BY id').pluck().all() as string[]).join('、');
}

/** A community by the name a clerk writes for it; null when the street has none (or several) by that name. */
export function communityResolver(db: Db): (name: string) => CommunityRow | null {
  const all = db.prepare('SELECT id, name FROM communities WHERE closed_on IS NULL').all() as CommunityRow[];
  const byKey = new Map<string, CommunityRow[]>();
  for (const c of all) byKey.set(communityKey(c.name), [...(byKey.get(communityKey(c.name)) ?? []), c]);
  return (name) => {
    const found = byKey.get(communityKey(name)) ?? [];
    return found.length === 1 ? found[0] : null;
  };
}

/**
 * Branch text (and the row's community, if known) → organization, once per distinct pair; a missing one is
 * created only when asked to, under the community's committee when the community is known. Inside a scope
 * only the community's organizations are found (a name only found elsewhere is refused), and a new branch
 * named without a parent goes under the community's own committee instead of the street's root.
 */
function branchResolver(db: Db, create: boolean, now: Date, created: { path: string; id: number }[], scope: Scope | null) {
  const cache = new Map<string, BranchHit>();
  const root = (db.prepare('SELECT id FROM organizations WHERE parent_id IS NULL').get() as { id: number }).id;
  const outside = { problem: 'orgOutsideScope', params: { community: scope?.communityName ?? '' } };
  const communityOf = db.prepare('SELECT community_id FROM organizations WHERE id = ?').pluck();
  const committeeOf = db.prepare("SELECT id FROM organizations WHERE community_id = ? AND level = 'community_committee' AND closed_on IS NULL ORDER BY id").pluck();
  const nameOf = db.prepare('SELECT name, parent_id FROM organizations WHERE id = ?');
  /** The organizations a path names, inside the scope; null when it names some only outside it. */
  const lookup = (path: string): { id: number }[] | null => {
    const found = findOrganizations(db, path);
    if (!scope) return found;
    const inside = found.filter((o) => scope.hasOrg(o.id));
    return inside.length === 0 && found.length > 0 ? null : inside;
  };
  /** How to name one of several same-named branches: with its parent (幸福社区党委/第1网格党支部). */
  const example = (id: number): string => {
    const own = nameOf.get(id) as { name: string; parent_id: number | null };
    const parent = own.parent_id === null ? undefined : (nameOf.get(own.parent_id) as { name: string } | undefined);
    return parent ? `${parent.name}/${own.name}` : own.name;
  };
  return (text: string, community: CommunityRow | null): BranchHit => {
    const key = `${community?.id ?? ''}\u0000${text}`;
    let hit = cache.get(key);
    if (!hit) {
      const everywhere = lookup(text);
      const found = everywhere === null || !community ? everywhere : everywhere.filter((o) => communityOf.get(o.id) === community.id);
      if (found === null) hit = outside;
      else if (found.length === 1) hit = { id: found[0].id };
      else if (found.length > 1) hit = { problem: 'branchAmbiguous', params: { count: found.length, example: example(found[0].id) } };
      else if (!create) {
        hit = community && everywhere && everywhere.length > 0 ? { problem: 'branchNotInCommunity', params: { community: community.name } } : { problem: 'branchUnknown', params: { count: 0 } };
      } else if (text.split('/').every((p) => p.trim() === '')) {
        // "/" or " / ": a path with no name in it creates nothing; the row is refused, the others go in.
        hit = { problem: 'branchNameBlank', params: {} };
      } else {
        const parts = text.split('/').map((p) => p.trim()).filter(Boolean);
        const name = parts.pop()!;
        const committee = community ? ((committeeOf.get(community.id) as number | undefined) ?? null) : null;
        const home = committee ?? (scope ? scope.topOrgId() : root);
        const parents = parts.length ? lookup(parts.join('/')) : home === null ? [] : [{ id: home }];
        if (parents === null || (scope && committee !== null && !scope.hasOrg(committee))) hit = outside;
        else if (parents.length !== 1) hit = { problem: parents.length ? 'branchAmbiguous' : 'branchUnknown', params: { count: parents.length, example: text } };
        else {
          const at = now.toISOString();
          const parent = db.prepare('SELECT community_id FROM organizations WHERE id = ?').get(parents[0].id) as { community_id: number | null };
          const info = db
            .prepare(
              `INSERT INTO organizations (parent_id, name, level, category, community_id, sort_order, created_at, updated_at)
               VALUES (?, ?, 'branch', 'regional', ?, (SELECT coalesce(max(sort_order), -1) + 1 FROM organizations WHERE parent_id = ?), ?, ?)`,
            )
            .run(parents[0].id, name, parent.community_id, parents[0].id, at, at);
          hit = { id: Number(info.lastInsertRowid) };
          scope?.orgCreated(hit.id);
        }
        if ('id' in hit) created.push({ path: community && !text.includes('/') ? `${community.name}/${text}` : text, id: hit.id });
      }
      cache.set(key, hit);
    }
    return hit;
  };
}

export async function importMembers(db: Db, file: string | Uint8Array, options: ImportOptions): Promise<ImportReport> {
  const roster: Roster = await readRoster(file, options);
  throwIfCancelled(options.signal);
  // An import with nothing to import is a refusal, not "0 rows imported" with an audit entry.
  if (roster.rows.length === 0) {
    throw new AppError('VALIDATION', `Sheet "${roster.sheet}" has no member rows below its header`, {
      issues: [{ field: 'file', problem: 'rosterNoRows', value: roster.sheet }],
    });
  }
  const findCommunity = communityResolver(db);
  let defaultCommunity: CommunityRow | null = null;
  if (options.community !== undefined && options.community !== '') {
    defaultCommunity =
      typeof options.community === 'number'
        ? ((db.prepare('SELECT id, name FROM communities WHERE id = ?').get(options.community) as CommunityRow | undefined) ?? null)
        : findCommunity(options.community);
    if (!defaultCommunity) {
      throw new AppError('VALIDATION', `No community named "${options.community}"`, {
        issues: [{ field: 'community', problem: 'communityUnknown', value: String(options.community), params: { communities: communityNames(db) } }],
      });
    }
  }
  // The wizard sends mappings already resolved to codes; the CLI's --map-value texts are resolved here.
  const given = options.valueMappings ?? [];
  const isResolved = (m: CodeMapping | ValueMapping | string): m is CodeMapping => typeof m === 'object' && 'table' in m;
  const unresolved = given.filter((m): m is ValueMapping | string => !isResolved(m));
  const valueMappings: CodeMapping[] = [...given.filter(isResolved), ...(unresolved.length ? resolveValueMappings(db, unresolved, roster.columns) : [])];
  options.onPhase?.(PROGRESS.read, PROGRESS.total);
  const checks = await checkInBatches(roster, options);
  const columnOf = new Map(roster.columns.filter((c) => c.field).map((c) => [c.field as string, c]));
  const report: ImportReport = {
    sheet: roster.sheet,
    sheets: roster.sheets,
    headerRow: roster.headerRow,
    columns: roster.columns.map((c) => ({ index: c.index, letter: c.letter, header: c.header, field: c.field })),
    rows: roster.rows.length,
    accepted: 0,
    created: 0,
    updated: 0,
    rejected: [],
    duplicates: [],
    ignored: roster.ignored.map((i) => i.excelRow),
    createdBranches: [],
    dryRun: options.dryRun,
    sheetsSeen: roster.sheetsSeen,
    headerSignature: roster.headerSignature,
    unknownValues: [],
    awaitingMapping: 0,
    warnings: [],
  };
  const reject = (p: RowProblem, row: number) => report.rejected.push(describe(p, columnOf.get(p.field) ?? null, row, options.lang));
  const unknown = new Map<string, ImportReport['unknownValues'][number]>();
  /** A coded value no word matches: listed once with its count; the commit refuses the row naming it. */
  const noteUnknown = (p: RowProblem, row: number): boolean => {
    const table = CODED_FIELDS.find((t) => t === p.field);
    if (!table || p.problem !== 'codeUnknown') return false;
    const value = String(p.value);
    const column = columnOf.get(p.field)?.header ?? fieldLabel(`fields.${p.field}`, options.lang);
    const key = `${table}\u0000${value}`;
    const seen = unknown.get(key);
    if (seen) seen.count++;
    else unknown.set(key, { column, field: p.field, table, value, count: 1 });
    if (!options.dryRun) reject({ ...p, problem: 'codeUnmapped', params: { column, value } }, row);
    return true;
  };

  const write = () => {
    const scope = options.scope ?? null;
    const newBranches: { path: string; id: number }[] = [];
    const resolveBranch = branchResolver(db, options.createMissingBranches, options.now, newBranches, scope);
    const codes = new Codes(db);
    for (const m of valueMappings) codes.learn(m.table, m.text, m.code);
    if (!options.dryRun && valueMappings.length) saveCodeMappings(db, valueMappings, options.actor.username, options.now);
    const existing = db.prepare('SELECT id, name, version, status, org_id FROM members WHERE id_number = ?');
    // One pass over the ID number index instead of a lookup per row: most rows of a roster are new.
    const archived = new Set((db.prepare('SELECT id_number FROM members').pluck().all() as string[]));
    const seenInFile = new Map<string, number>();
    const yearAgo = localIsoDate(new Date(options.now.getFullYear() - 1, options.now.getMonth(), options.now.getDate()));
    // Months whose return is finalized: a member joining or made full in one would change frozen figures.
    const finalized = finalizedPeriods(db);
    const frozenDates = (columns: { join_date?: string | null; full_date?: string | null }): RowProblem[] =>
      (
        [
          ['joinDate', columns.join_date],
          ['fullDate', columns.full_date],
        ] as const
      ).flatMap(([field, date]) => (date && finalized.has(date.slice(0, 7)) ? [{ field, value: date, problem: 'periodFinalized', params: { period: date.slice(0, 7) } }] : []));
    const accepted: Accepted[] = [];
    const updates: { row: number; id: number; version: number; cells: Record<string, unknown> }[] = [];

    // Writing runs in one transaction: it is not cancelled half-way, and its progress is reported as it goes.
    const written = (rows: number) =>
      options.onPhase?.(PROGRESS.checked + Math.round(((PROGRESS.total - PROGRESS.checked) * rows) / (2 * roster.rows.length)), PROGRESS.total);
    /** The row's community: its 所在社区 cell, else the one the clerk chose for the file; undefined when a cell names none. */
    const rowCommunity = (row: { cells: Record<string, unknown> }): CommunityRow | null | undefined => {
      const cell = row.cells.community;
      // A branch written with its parent (幸福社区党委/第1网格党支部) says where it is itself.
      if (cell === undefined || cell === null || String(cell).trim() === '') return typeof row.cells.branch === 'string' && row.cells.branch.includes('/') ? null : defaultCommunity;
      return findCommunity(String(cell)) ?? undefined;
    };
    /** The street's communities as a refusal names them, asked for once. */
    let streetCommunities: string | undefined;
    roster.rows.forEach((row, i) => {
      if (i % PROGRESS_ROWS === 0 && i > 0) written(i);
      const check = checks[i];
      const community = rowCommunity(row);
      if (community === undefined) {
        for (const p of check.problems) reject(p, row.excelRow);
        streetCommunities ??= communityNames(db);
        reject({ field: 'community', value: String(row.cells.community), problem: 'communityUnknown', params: { communities: streetCommunities } }, row.excelRow);
        return;
      }
      if (!check.draft) {
        for (const p of check.problems) reject(p, row.excelRow);
        // Name every problem of the row at once: the branch too, when the other cells failed.
        const branchText = typeof row.cells.branch === 'string' ? row.cells.branch.trim() : '';
        if (branchText && !check.problems.some((p) => p.field === 'branch')) {
          const branch = resolveBranch(branchText, community);
          if (!('id' in branch)) reject({ field: 'branch', value: branchText, problem: branch.problem, params: branch.params }, row.excelRow);
        }
        return;
      }
      const draft = check.draft;
      for (const w of check.warnings) report.warnings.push(describe(w, columnOf.get(w.field) ?? null, row.excelRow, options.lang));
      const first = seenInFile.get(draft.idNumber);
      if (first !== undefined) {
        report.duplicates.push({ row: row.excelRow, idNumber: draft.idNumber, name: draft.name, action: 'skipped', existing: 'file' });
        return;
      }
      seenInFile.set(draft.idNumber, row.excelRow);
      const branch = resolveBranch(draft.branch, community);
      if (!('id' in branch)) {
        reject({ field: 'branch', value: draft.branch, problem: branch.problem, params: branch.params }, row.excelRow);
        return;
      }
      const stored = archived.has(draft.idNumber)
        ? (existing.get(draft.idNumber) as { id: number; name: string; version: number; status: string; org_id: number })
        : undefined;
      // Someone on another community's roll (or in its history) is not this clerk's to update or to name.
      if (stored && scope && !scope.hasOrg(stored.org_id)) {
        reject({ field: 'idNumber', value: draft.idNumber, problem: 'memberElsewhereOutsideScope' }, row.excelRow);
        return;
      }
      if (stored) {
        const action = options.onDuplicate === 'update' && stored.status === 'active' ? 'updated' : 'skipped';
        report.duplicates.push({ row: row.excelRow, idNumber: draft.idNumber, name: stored.name, action, existing: 'archive' });
        if (action === 'updated') updates.push({ row: row.excelRow, id: stored.id, version: stored.version, cells: row.cells });
        return;
      }
      const problems: RowProblem[] = [];
      // Without 人员类别 or 转正日期 a member is taken as probationary only while that can be true: within a
      // year of joining. Anyone else would be made probationary silently; the clerk is asked instead.
      if (draft.category === undefined && draft.fullDate === undefined && !(draft.joinDate && draft.joinDate >= yearAgo)) {
        problems.push({ field: 'category', value: row.cells.category, problem: 'categoryNeeded' });
      }
      const columns = toColumns(db, draft, branch.id, codes, problems);
      if (finalized.size) problems.push(...frozenDates(columns));
      const others = problems.filter((p) => !noteUnknown(p, row.excelRow));
      for (const p of others) reject(p, row.excelRow);
      if (others.length === 0 && problems.length > 0 && options.dryRun) report.awaitingMapping++;
      if (problems.length === 0) accepted.push({ excelRow: row.excelRow, columns });
    });

    const events = eventWriter(db, options.actor.username, options.now);
    insertMembers(db, accepted, options, (done) => written(roster.rows.length + Math.round((done * roster.rows.length) / accepted.length)));
    for (const u of updates) {
      // Blank cells never overwrite what the archive holds.
      const fields: Record<string, string | number | boolean | null> = {};
      for (const [k, v] of Object.entries(u.cells)) {
        if (v === null || v === undefined || v === '') continue;
        fields[k] = v instanceof Date ? v.toISOString().slice(0, 10) : (v as string | number | boolean);
      }
      try {
        // Each updated row is a members.update: its scope and freeze checked by that method's rules first.
        enforceRules('members.update', { id: u.id, version: u.version, fields }, db, scope, options.now);
        updateMember(db, { id: u.id, version: u.version, fields }, options.now, events, scope);
      } catch (err) {
        if (!(err instanceof AppError) || (err.code !== 'VALIDATION' && err.code !== 'FORBIDDEN')) throw err;
        for (const i of err.details?.issues ?? []) reject({ field: i.field.replace(/^fields\./, ''), value: i.value, problem: i.problem, params: i.params }, u.row);
        report.duplicates = report.duplicates.map((d) => (d.row === u.row ? { ...d, action: 'skipped' } : d));
        continue;
      }
      report.updated++;
    }
    // A branch is made for the members placed in it: one named only by rejected rows is not left behind empty
    // (it is made when the fixed rows come back).
    const placed = db.prepare('SELECT 1 FROM members WHERE org_id = ? LIMIT 1');
    const unused = db.prepare('DELETE FROM organizations WHERE id = ?');
    for (const b of newBranches) {
      if (placed.get(b.id)) report.createdBranches.push(b.path);
      else unused.run(b.id);
    }
    report.created = accepted.length;
    report.accepted = accepted.length + report.updated;
    report.unknownValues = [...unknown.values()].sort((a, b) => a.column.localeCompare(b.column) || b.count - a.count);
    if (!options.dryRun) {
      appendAudit(
        db,
        options.actor,
        {
          action: 'members.importCommit',
          entity: 'member',
          entityId: options.fileName,
          after: {
            file: options.fileName,
            sheet: report.sheet,
            created: report.created,
            updated: report.updated,
            rejected: report.rejected.length,
            createdBranches: report.createdBranches,
            ...(valueMappings.length ? { valueMappings } : {}),
          },
        },
        options.now,
      );
    }
  };

  // A dry run is the real import rolled back: its numbers are exactly what the commit will do.
  const rollback = new Error('dry run');
  try {
    db.transaction(() => {
      write();
      if (options.dryRun) throw rollback;
    })();
  } catch (err) {
    if (err !== rollback) throw err;
  }
  if (!options.dryRun && report.created > 1000) refreshStatistics(db, 'after-bulk-load');
  if (report.rejected.length && (options.rejectedOut || options.rejectedBytes)) {
    const bytes = await rejectedWorkbook(roster, report, options.lang);
    if (options.rejectedOut) fs.writeFileSync(options.rejectedOut, bytes);
    if (options.rejectedBytes) report.rejectedWorkbook = bytes;
  }
  options.onPhase?.(PROGRESS.total, PROGRESS.total);
  return report;
}

/**
 * One prepared INSERT for the whole file, its values bound by position: binding forty-odd named values
 * from an object costs more than SQLite's own work on the row (measured: a third of the import's writing).
 * One row per statement: multi-row VALUES measured slower still.
 */
function insertMembers(db: Db, rows: Accepted[], options: ImportOptions, progress: (done: number) => void): void {
  if (rows.length === 0) return;
  const at = options.now.toISOString();
  const today = localIsoDate(options.now);
  const events = eventWriter(db, options.actor.username, options.now);
  const keys = Object.keys(rows[0].columns);
  const insert = db.prepare(`INSERT INTO members (${keys.join(', ')}, created_at, updated_at) VALUES (${keys.map(() => '?').join(', ')}, ?, ?)`);
  const values: unknown[] = new Array(keys.length + 2);
  values[keys.length] = at;
  values[keys.length + 1] = at;
  rows.forEach((row, i) => {
    if (i % PROGRESS_ROWS === 0 && i > 0) progress(i);
    for (let k = 0; k < keys.length; k++) values[k] = row.columns[keys[k]];
    const info = insert.run(values);
    events(Number(info.lastInsertRowid), 'imported', (row.columns.join_date as string | null) ?? today, { file: options.fileName, row: row.excelRow });
  });
}

/** The rejected rows as the clerk wrote them, ID numbers and phones as text, with a reason column. */
export async function rejectedWorkbook(roster: Roster, report: ImportReport, lang: Language): Promise<Uint8Array> {
  const columns = roster.columns.filter((c) => c.field);
  return rejectedRowsWorkbook(
    columns.map((c) => ({ header: c.header, asText: c.field === 'idNumber' || c.field === 'phone' })),
    roster.rows.map((row) => ({ excelRow: row.excelRow, values: columns.map((c) => row.cells[c.field as string]) })),
    reasonsByRow(report.rejected),
    lang,
  );
}
