// Writing the members' archive: a new member, a change to some fields (a grid cell, a paste, a form),
// leaving the roll. Every write goes through checkMemberRow — the same rules as the importer — on the
// whole record as it would be after the change, and keeps a history of status changes.
import type { Db } from '../db/connection';
import type { ApiParsedInput, CodeTableName, CodeTables, MemberDetail } from '../../shared/api/contract';
import { checkMemberRow, isBlankCell, type MemberDraft, type RowProblem } from '../../shared/members/draft';
import { MEMBER_FIELDS } from '../../shared/members/fields';
import { toHalfWidth } from '../../shared/validators';
import { AppError, type FieldIssue } from '../../shared/result';
import { first, qb, run } from '../db/query';
import type { Member, NewMember } from '../db/schema';
import { getMemberRow } from './members';
import { findOrganizations } from './organizations';
import { namePinyin } from './pinyin';
import type { MemberDates } from '../returns/freeze';
import type { Scope } from '../scope';

type CodeTable = CodeTableName;

/** The code tables as the grid's pickers and labels read them (retired codes kept for old records). */
export function listCodeTables(db: Db): CodeTables {
  const tables: CodeTables = { ethnicity: [], education: [], occupation: [] };
  const rows = db.prepare('SELECT code_table, code, label, retired FROM code_items ORDER BY code_table, sort_order, code').all() as {
    code_table: CodeTable;
    code: string;
    label: string;
    retired: number;
  }[];
  for (const r of rows) tables[r.code_table].push({ code: r.code, label: r.label, retired: r.retired === 1 });
  return tables;
}

/** How a coded value is compared: half-width, without spaces, case-folded (汉 族, ｂｅｎｋｅ). */
export function codeTextKey(text: string): string {
  return toHalfWidth(text).replace(/[\s\u3000]/g, '').toLowerCase();
}

/**
 * Code tables both ways: a clerk types 汉族, 汉 or 01, the record keeps 01 and shows 汉族. The words clerks
 * write for a code (本科, 中专) come from code_synonyms: those the program knows and those a clerk mapped.
 */
export class Codes {
  private readonly byText = new Map<string, string>();
  private readonly labels = new Map<string, string>();
  constructor(db: Db) {
    for (const r of db.prepare('SELECT code_table, text, code FROM code_synonyms').all() as { code_table: CodeTable; text: string; code: string }[]) {
      this.byText.set(`${r.code_table}:${codeTextKey(r.text)}`, r.code);
    }
    for (const r of db.prepare('SELECT code_table, code, label FROM code_items').all() as { code_table: CodeTable; code: string; label: string }[]) {
      this.byText.set(`${r.code_table}:${codeTextKey(r.code)}`, r.code);
      this.byText.set(`${r.code_table}:${codeTextKey(r.label)}`, r.code);
      this.labels.set(`${r.code_table}:${r.code}`, r.label);
    }
  }
  code(table: CodeTable, text: string): string | undefined {
    return this.byText.get(`${table}:${codeTextKey(text)}`);
  }
  /** Adds a mapping for this reader only (an import's --map-value before it is stored). */
  learn(table: CodeTable, text: string, code: string): void {
    this.byText.set(`${table}:${codeTextKey(text)}`, code);
  }
  label(table: CodeTable, code: string | null): string | undefined {
    return code === null ? undefined : (this.labels.get(`${table}:${code}`) ?? code);
  }

  // An import asks the same questions for tens of thousands of rows: remember the answers.
  private readonly communities = new Map<number, number | null>();
  private readonly pinyins = new Map<string, { initials: string; full: string }>();

  /** A name's pinyin, worked out once per import (a street's roster has many 王伟 and 李娜). */
  pinyinOf(name: string): { initials: string; full: string } {
    let found = this.pinyins.get(name);
    if (!found) this.pinyins.set(name, (found = namePinyin(name)));
    return found;
  }
  private readonly grids = new Map<string, number[]>();

  communityOf(db: Db, orgId: number): number | null {
    if (!this.communities.has(orgId)) {
      const org = db.prepare('SELECT community_id FROM organizations WHERE id = ?').get(orgId) as { community_id: number | null } | undefined;
      this.communities.set(orgId, org?.community_id ?? null);
    }
    return this.communities.get(orgId) ?? null;
  }

  gridIds(db: Db, name: string, communityId: number | null): number[] {
    const key = `${communityId}:${name}`;
    let ids = this.grids.get(key);
    if (!ids) {
      ids = (
        db
          .prepare('SELECT id FROM grids WHERE name = ? AND closed_on IS NULL AND (? IS NULL OR community_id = ?)')
          .all(name, communityId, communityId) as { id: number }[]
      ).map((g) => g.id);
      this.grids.set(key, ids);
    }
    return ids;
  }
}

const issue = (p: RowProblem): FieldIssue => ({
  field: `fields.${p.field}`,
  problem: p.problem,
  ...(p.value !== undefined && p.value !== null ? { value: p.value } : {}),
  ...(p.params ? { params: p.params } : {}),
});

function rejected(problems: RowProblem[]): AppError {
  return new AppError('VALIDATION', 'the member record is not valid', { issues: problems.map(issue) });
}

function getMember(db: Db, id: number): Member {
  const row = first(db, qb.selectFrom('members').selectAll().where('id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', `member ${id} not found`, { entity: 'member', id });
  return row;
}

/** The record as cells, the way checkMemberRow reads a roster row: each field by the field table. */
export function toCells(db: Db, m: Member, codes: Codes): Record<string, unknown> {
  const row = m as unknown as Record<string, unknown>;
  const cells: Record<string, unknown> = {};
  for (const f of MEMBER_FIELDS) {
    const store = f.store;
    switch (store.as) {
      case 'text':
      case 'value':
        cells[f.key] = row[store.column];
        break;
      case 'code':
        cells[f.key] = codes.label(store.table, row[store.column] as string | null);
        break;
      case 'flag':
        cells[f.key] = row[store.column] === 1;
        break;
      case 'branch':
        cells[f.key] = first(db, qb.selectFrom('organizations').select('name').where('id', '=', m.org_id))!.name;
        break;
      case 'grid':
        cells[f.key] = m.grid_id === null ? undefined : first(db, qb.selectFrom('grids').select('name').where('id', '=', m.grid_id))?.name;
        break;
      case 'community':
        break;
    }
  }
  for (const key of Object.keys(cells)) if (cells[key] === null || cells[key] === undefined) delete cells[key];
  return cells;
}

type StoredColumns = Omit<NewMember, 'created_at' | 'updated_at'>;

/** The columns a checked draft is stored as, by the field table; code, branch and grid names are resolved here. */
export function toColumns(db: Db, draft: MemberDraft, orgId: number, codes: Codes, problems: RowProblem[]): StoredColumns {
  const values = draft as unknown as Readonly<Record<string, unknown>>;
  const pinyin = codes.pinyinOf(draft.name);
  const columns: Record<string, unknown> = { name_initials: pinyin.initials, name_pinyin: pinyin.full };
  for (const f of MEMBER_FIELDS) {
    const store = f.store;
    const value = values[f.key];
    switch (store.as) {
      case 'text':
        columns[store.column] = value ?? null;
        break;
      case 'value':
        columns[store.column] = value ?? store.otherwise?.(values);
        break;
      case 'code': {
        const found = value === undefined ? undefined : codes.code(store.table, value as string);
        if (value !== undefined && found === undefined) problems.push({ field: f.key, value, problem: 'codeUnknown' });
        columns[store.column] = found ?? null;
        break;
      }
      case 'flag':
        columns[store.column] = (value ?? (store.impliedBy !== undefined && values[store.impliedBy] !== undefined)) ? 1 : 0;
        break;
      case 'branch':
        columns[store.column] = orgId;
        break;
      case 'grid': {
        let gridId: number | null = null;
        if (value !== undefined) {
          const grids = codes.gridIds(db, value as string, codes.communityOf(db, orgId));
          if (grids.length !== 1) problems.push({ field: f.key, value, problem: 'gridUnknown' });
          else gridId = grids[0];
        }
        columns[store.column] = gridId;
        break;
      }
      case 'community':
        break;
    }
  }
  // The record's own columns: set by their own actions (the mobility form, leaving the roll), never by a draft.
  return { ...columns, lost_contact_reason: null, mobile_reason: null, mobile_since: null, mobile_contact: null, left_on: null, left_reason: null, left_note: null } as StoredColumns;
}

function assertIdFree(db: Db, idNumber: string, exceptId: number | null, problems: RowProblem[]): void {
  const other = db.prepare('SELECT id, name FROM members WHERE id_number = ?').get(idNumber) as { id: number; name: string } | undefined;
  if (other && other.id !== exceptId) problems.push({ field: 'idNumber', value: idNumber, problem: 'idNumberTaken', params: { name: other.name } });
}

/**
 * A branch named as a clerk writes it. Inside a scope only the scope's organizations count, so "第1网格党支部"
 * means the community's own; a name found only elsewhere in the street is refused (`field` names it).
 */
export function resolveBranch(db: Db, text: string, problems: RowProblem[], scope: Scope | null = null, field = 'fields.branch'): number | null {
  let found = findOrganizations(db, text);
  if (scope) {
    const inside = found.filter((o) => scope.hasOrg(o.id));
    if (inside.length === 0 && found.length > 0) throw scope.refuse(field, 'orgOutsideScope', text);
    found = inside;
  }
  if (found.length === 1) return found[0].id;
  problems.push({ field: 'branch', value: text, problem: found.length === 0 ? 'branchUnknown' : 'branchAmbiguous', params: { count: found.length } });
  return null;
}

export interface EventWriter {
  (memberId: number, kind: string, onDate: string, detail: unknown): void;
}

export function eventWriter(db: Db, recordedBy: string, now: Date): EventWriter {
  const insert = db.prepare('INSERT INTO member_events (member_id, kind, on_date, detail, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)');
  return (memberId, kind, onDate, detail) => insert.run(memberId, kind, onDate, detail === undefined ? null : JSON.stringify(detail), recordedBy, now.toISOString());
}

const today = (now: Date) => `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/**
 * A new member of `input.orgId`. The organization's scope and the freeze of the dates are the dispatcher's
 * (src/core/write-rules.ts), checked before this runs.
 */
export function createMember(db: Db, input: ApiParsedInput<'members.create'>, now: Date, events: EventWriter): Member {
  const org = db.prepare('SELECT id, name, closed_on FROM organizations WHERE id = ?').get(input.orgId) as { id: number; name: string; closed_on: string | null } | undefined;
  if (!org || org.closed_on) throw new AppError('VALIDATION', 'no such organization', { issues: [{ field: 'orgId', problem: org ? 'orgParentClosed' : 'notFound', value: input.orgId }] });
  const check = checkMemberRow({ ...input.fields, branch: org.name }, { today: now });
  if (!check.draft) throw rejected(check.problems);
  const problems: RowProblem[] = [];
  const columns = toColumns(db, check.draft, org.id, new Codes(db), problems);
  assertIdFree(db, check.draft.idNumber, null, problems);
  if (problems.length) throw rejected(problems);
  const at = now.toISOString();
  const { lastInsertRowid } = run(db, qb.insertInto('members').values({ ...columns, created_at: at, updated_at: at }));
  events(lastInsertRowid, 'created', columns.join_date ?? today(now), { orgId: org.id, category: columns.category });
  return getMember(db, lastInsertRowid);
}

/** The dates a new member would have, for the freeze; null when the row is refused anyway (the service says why). */
export function newMemberDates(db: Db, input: ApiParsedInput<'members.create'>, now: Date): MemberDates | null {
  const branch = db.prepare('SELECT name FROM organizations WHERE id = ?').pluck().get(input.orgId) as string | undefined;
  const draft = branch === undefined ? undefined : checkMemberRow({ ...input.fields, branch }, { today: now }).draft;
  return draft ? draftDates(draft, null) : null;
}

/** The dates a change would leave on the member (and the member as they are); null when it is refused anyway. */
export function updatedMemberDates(db: Db, input: ApiParsedInput<'members.update'>, now: Date): { before: Member; after: MemberDates } | null {
  const before = db.prepare('SELECT * FROM members WHERE id = ?').get(input.id) as Member | undefined;
  if (!before || before.status === 'history') return null;
  const draft = checkMemberRow(changedCells(db, before, input.fields, new Codes(db)), { today: now }).draft;
  return draft ? { before, after: draftDates(draft, before.left_on) } : null;
}

function draftDates(draft: MemberDraft, leftOn: string | null): MemberDates {
  return { join_date: draft.joinDate ?? null, full_date: draft.fullDate ?? null, lost_contact_since: draft.lostContactSince ?? null, left_on: leftOn };
}

/** The member's cells with a change's fields over them (a blank field clears the cell). */
function changedCells(db: Db, before: Member, fields: ApiParsedInput<'members.update'>['fields'], codes: Codes): Record<string, unknown> {
  const cells = toCells(db, before, codes);
  for (const [key, value] of Object.entries(fields)) {
    if (isBlankCell(value)) delete cells[key];
    else cells[key] = value;
  }
  if ('branch' in fields && !isBlankCell(fields.branch)) cells.branch = String(fields.branch).split('/').pop();
  return cells;
}

/** The columns a change touched, before and after (for the audit entry and the history). */
function changedColumns(before: Member, after: Member): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Member)[]) {
    if (key === 'version' || key === 'updated_at' || key === 'name_initials' || key === 'name_pinyin') continue;
    if (before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

export function updateMember(
  db: Db,
  input: ApiParsedInput<'members.update'>,
  now: Date,
  events: EventWriter,
  scope: Scope | null = null,
): { before: Member; after: Member; changed: ReturnType<typeof changedColumns> } {
  const before = getMember(db, input.id);
  if (before.version !== input.version) {
    throw new AppError('STALE_RECORD', 'the member was changed by someone else', { id: before.id, version: before.version });
  }
  if (before.status === 'history') {
    throw new AppError('VALIDATION', 'member left', { issues: [{ field: 'id', problem: 'memberAlreadyLeft', value: before.name, params: { leftOn: before.left_on ?? '' } }] });
  }
  const codes = new Codes(db);
  const cells = changedCells(db, before, input.fields, codes);
  const problems: RowProblem[] = [];
  let orgId = before.org_id;
  // A branch named by its text is looked for inside the caller's scope (the member's own is the dispatcher's).
  if ('branch' in input.fields && !isBlankCell(input.fields.branch)) orgId = resolveBranch(db, String(input.fields.branch), problems, scope) ?? orgId;
  const check = checkMemberRow(cells, { today: now });
  if (!check.draft) throw rejected([...problems, ...check.problems]);
  const columns = toColumns(db, check.draft, orgId, codes, problems);
  assertIdFree(db, check.draft.idNumber, before.id, problems);
  // A pasted or edited record keeps what the change did not mention (reasons, since-dates of mobility).
  for (const key of ['lost_contact_reason', 'mobile_reason', 'mobile_since', 'mobile_contact'] as const) columns[key] = before[key];
  if (problems.length) throw rejected(problems);
  run(
    db,
    qb
      .updateTable('members')
      .set({ ...columns, version: before.version + 1, updated_at: now.toISOString() })
      .where('id', '=', before.id),
  );
  const after = getMember(db, before.id);
  const changed = changedColumns(before, after);
  const on = today(now);
  if (before.category !== after.category) events(after.id, 'category_changed', after.full_date ?? on, { from: before.category, to: after.category });
  if (before.org_id !== after.org_id) events(after.id, 'moved', on, { fromOrgId: before.org_id, toOrgId: after.org_id });
  if (before.standing !== after.standing) events(after.id, 'standing_changed', on, { from: before.standing, to: after.standing });
  if (before.lost_contact !== after.lost_contact) events(after.id, after.lost_contact ? 'lost_contact' : 'contact_restored', after.lost_contact_since ?? on, {});
  if (before.mobile !== after.mobile) events(after.id, after.mobile ? 'mobile_out' : 'mobile_back', on, { destination: after.mobile_destination });
  const edits = fieldEdits(db, before, after, codes);
  if (edits.length) events(after.id, 'edited', on, { changes: edits });
  return { before, after, changed };
}

/** Columns whose change has an event of its own (category_changed, moved …), or that are not the clerk's. */
const EDIT_SKIPPED = new Set(['id', 'version', 'updated_at', 'created_at', 'name_initials', 'name_pinyin', 'category', 'org_id', 'standing', 'lost_contact', 'mobile', 'status']);
/** Each field's column, the field it is shown as in the history, and how its value reads (by the field table). */
const FIELD_OF_COLUMN = new Map(MEMBER_FIELDS.flatMap((f) => ('column' in f.store ? [[f.store.column, f] as const] : [])));

/**
 * Every other field the change touched, as the record's history shows it (field, before, after): codes and
 * the grid by their names, so the history reads without the tables.
 */
function fieldEdits(db: Db, before: Member, after: Member, codes: Codes): { field: string; from: unknown; to: unknown }[] {
  const gridName = db.prepare('SELECT name FROM grids WHERE id = ?').pluck();
  const shown = (column: string, value: unknown): unknown => {
    if (value === null || value === undefined) return null;
    const store = FIELD_OF_COLUMN.get(column)?.store;
    if (store?.as === 'code') return codes.label(store.table, value as string) ?? value;
    if (store?.as === 'grid') return gridName.get(value) ?? null;
    if (store?.as === 'flag') return value === 1;
    return value;
  };
  const edits: { field: string; from: unknown; to: unknown }[] = [];
  for (const column of Object.keys(after) as (keyof Member)[]) {
    if (EDIT_SKIPPED.has(column) || before[column] === after[column]) continue;
    const field = FIELD_OF_COLUMN.get(column)?.key ?? column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    edits.push({ field, from: shown(column, before[column]), to: shown(column, after[column]) });
  }
  return edits;
}

/** Leaving the roll (death, transfer out, struck off …): the record moves to history, never disappears. */
export function leaveMember(db: Db, input: ApiParsedInput<'members.leave'>, now: Date, events: EventWriter): { before: Member; after: Member } {
  const before = getMember(db, input.id);
  if (before.version !== input.version) throw new AppError('STALE_RECORD', 'the member was changed by someone else', { id: before.id, version: before.version });
  const field = (f: string, problem: string, value: unknown, params?: Record<string, string>) =>
    new AppError('VALIDATION', problem, { issues: [{ field: f, problem, value, ...(params ? { params } : {}) }] });
  if (before.status === 'history') throw field('id', 'memberAlreadyLeft', before.name, { leftOn: before.left_on ?? '' });
  if (input.on > today(now)) throw field('on', 'dateInFuture', input.on);
  if (before.join_date && input.on < before.join_date) throw field('on', 'leftBeforeJoin', input.on, { joinDate: before.join_date });
  run(
    db,
    qb
      .updateTable('members')
      .set({ status: 'history', left_on: input.on, left_reason: input.reason, left_note: input.note ?? null, version: before.version + 1, updated_at: now.toISOString() })
      .where('id', '=', before.id),
  );
  events(before.id, 'left', input.on, { reason: input.reason, note: input.note ?? null });
  return { before, after: getMember(db, before.id) };
}

/**
 * 停止党籍 and 恢复党籍: the standing changes on the day the decision took effect, with its note (the
 * decision's document), and the member stays on the roll. Asking for the standing the member already has
 * is refused, so a double click cannot write two events.
 */
export function setMemberStanding(db: Db, input: ApiParsedInput<'members.setStanding'>, now: Date, events: EventWriter): { before: Member; after: Member } {
  // (The member's community and the decision's month are the dispatcher's: write-rules.ts.)
  const before = getMember(db, input.id);
  if (before.version !== input.version) throw new AppError('STALE_RECORD', 'the member was changed by someone else', { id: before.id, version: before.version });
  const field = (f: string, problem: string, value: unknown, params?: Record<string, string>) =>
    new AppError('VALIDATION', problem, { issues: [{ field: f, problem, value, ...(params ? { params } : {}) }] });
  if (before.status === 'history') throw field('id', 'memberAlreadyLeft', before.name, { leftOn: before.left_on ?? '' });
  if (before.standing === input.standing) throw field('standing', input.standing === 'suspended' ? 'alreadySuspended' : 'notSuspended', before.name);
  if (input.on > today(now)) throw field('on', 'dateInFuture', input.on);
  if (before.join_date && input.on < before.join_date) throw field('on', 'standingBeforeJoin', input.on, { joinDate: before.join_date });
  run(db, qb.updateTable('members').set({ standing: input.standing, version: before.version + 1, updated_at: now.toISOString() }).where('id', '=', before.id));
  events(before.id, 'standing_changed', input.on, { from: before.standing, to: input.standing, note: input.note ?? null });
  return { before, after: getMember(db, before.id) };
}

export function memberDetail(db: Db, id: number): MemberDetail {
  const m = getMember(db, id);
  const events = db.prepare('SELECT * FROM member_events WHERE member_id = ? ORDER BY on_date, id').all(id) as {
    id: number;
    kind: string;
    on_date: string;
    detail: string | null;
    recorded_by: string;
    recorded_at: string;
  }[];
  return {
    member: getMemberRow(db, id),
    leftOn: m.left_on,
    leftReason: m.left_reason,
    leftNote: m.left_note,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      onDate: e.on_date,
      detail: e.detail === null ? null : JSON.parse(e.detail),
      recordedBy: e.recorded_by,
      recordedAt: e.recorded_at,
    })),
  };
}
