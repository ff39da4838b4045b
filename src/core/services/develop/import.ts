// A branch's existing pipeline from Excel: one row per person, a date column per step, read with the roster
// reader's bounds (src/core/import/xlsx-stream.ts, src/core/limits.ts) and judged row by row with the same
// rules engine as a step entered by hand. Offices write their sheets their own way — 2025.3.2, 2025年3月2日,
// Excel date cells and serials, headers with spaces or line breaks, blank rows at the end — so the header is
// found by its words, not its place. A row that breaks a rule is refused naming its Excel row, the column and
// the value; the others go in, each in the import's one transaction. A dry run writes nothing.
import type { Db } from '../../db/connection';
import type { DevelopImportResult } from '../../../shared/api/contract-develop';
import type { Language } from '../../../shared/api/schemas';
import { checkPath, probationEnd, stageOf, type DevelopPath, type DevelopStep, type RuleOptions } from '../../../shared/develop/rules';
import { formatIssue, interpolate } from '../../../shared/i18n/messages';
import { DEVELOP_ROW_TEXT } from '../../../shared/i18n/messages-develop';
import { AppError, type FieldIssue } from '../../../shared/result';
import { checkCitizenId, parseLooseDate, toHalfWidth } from '../../../shared/validators';
import type { RowProblem } from '../../../shared/members/draft';
import { reasonsByRow, rejectedRowsWorkbook } from '../../import/rejected-workbook';
import { columnLetter, streamWorksheet, type StreamedSheet } from '../../import/xlsx-stream';
import { refuseFrozenDates } from '../../returns/freeze';
import type { Scope } from '../../scope';
import { resolveBranch } from '../member-records';
import { admitToRoll, makeFull } from './people';

/** A column of the sheet and what it holds. */
type DateKey = Exclude<DevelopStep, 'review' | 'training' | 'extended'> | 'trainingOn';
type ImportField = 'name' | 'idNumber' | 'branch' | 'phone' | 'reviews' | 'trainingHours' | 'trainingDays' | 'contacts' | 'introducers' | DateKey;

/** Header words (spaces, line breaks and full-width forms removed) → field. Longer words are tried first. */
const HEADERS: Record<string, ImportField> = {
  姓名: 'name',
  公民身份号码: 'idNumber',
  身份证号码: 'idNumber',
  身份证号: 'idNumber',
  所在党支部: 'branch',
  党支部: 'branch',
  支部: 'branch',
  联系电话: 'phone',
  电话: 'phone',
  递交入党申请书日期: 'applied',
  申请入党日期: 'applied',
  入党申请日期: 'applied',
  申请日期: 'applied',
  谈话日期: 'talked',
  确定为入党积极分子日期: 'activist',
  确定为积极分子日期: 'activist',
  列为积极分子日期: 'activist',
  积极分子日期: 'activist',
  培养联系人: 'contacts',
  考察日期: 'reviews',
  确定为发展对象日期: 'candidate',
  列为发展对象日期: 'candidate',
  发展对象日期: 'candidate',
  入党介绍人: 'introducers',
  政审日期: 'politicalReview',
  政治审查日期: 'politicalReview',
  培训日期: 'trainingOn',
  培训结业日期: 'trainingOn',
  培训学时: 'trainingHours',
  培训天数: 'trainingDays',
  预审日期: 'preReview',
  公示日期: 'notice',
  公示开始日期: 'notice',
  支部大会日期: 'admitted',
  接收预备党员日期: 'admitted',
  入党日期: 'admitted',
  审批日期: 'approved',
  上级党委审批日期: 'approved',
  宣誓日期: 'oath',
  入党宣誓日期: 'oath',
  转正日期: 'full',
};

const DATE_KEYS: readonly DateKey[] = ['applied', 'talked', 'activist', 'candidate', 'politicalReview', 'trainingOn', 'preReview', 'notice', 'admitted', 'approved', 'oath', 'full'];

function headerKey(text: unknown): ImportField | undefined {
  if (typeof text !== 'string') return undefined;
  const words = toHalfWidth(text).replace(/[\s\u3000*＊:：()（）]/g, '');
  return HEADERS[words];
}

export type DevelopImportReport = DevelopImportResult;

interface ParsedRow {
  excelRow: number;
  name: string;
  idNumber: string;
  birth: string;
  sex: 1 | 2;
  orgId: number;
  phone: string | null;
  path: DevelopPath;
  contacts: number[];
  introducers: number[];
}

export interface DevelopImportOptions {
  dryRun: boolean;
  lang: Language;
  now: Date;
  actor: string;
  scope: Scope | null;
  opts: RuleOptions;
}

/** The workbook's first sheet, read within the roster reader's limits (before any transaction opens). */
export function readPipelineSheet(bytes: Uint8Array | string): Promise<StreamedSheet> {
  return streamWorksheet(bytes);
}

/** Checks and (unless a dry run) writes the rows of a sheet read by readPipelineSheet; the caller holds the transaction. */
export function importPipeline(db: Db, sheet: StreamedSheet, o: DevelopImportOptions): DevelopImportReport {
  const headerIndex = sheet.rows.findIndex((r) => r.values.some((v) => headerKey(v) === 'name') && r.values.some((v) => headerKey(v) === 'idNumber'));
  if (headerIndex < 0) throw new AppError('VALIDATION', 'no header row', { issues: [{ field: 'file', problem: 'developNoHeader' }] });
  const header = sheet.rows[headerIndex];
  const columns = new Map<ImportField, { index: number; header: string }>();
  header.values.forEach((v, index) => {
    const key = headerKey(v);
    if (key && !columns.has(key)) columns.set(key, { index, header: String(v).trim() });
  });
  const report: DevelopImportReport = { sheet: sheet.sheet, headerRow: header.excelRow, rows: 0, accepted: 0, created: 0, admitted: 0, rejected: [], dryRun: o.dryRun };
  const seen = new Set<string>();
  for (const row of sheet.rows.slice(headerIndex + 1)) {
    // Blank trailing rows (and a row of spaces) are not people.
    if (row.values.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) continue;
    report.rows++;
    const problems: (RowProblem & { key: ImportField })[] = [];
    const cell = (key: ImportField) => {
      const c = columns.get(key);
      return c ? row.values[c.index] : undefined;
    };
    const parsed = parseRow(db, row.excelRow, cell, problems, o);
    if (parsed && seen.has(parsed.idNumber)) problems.push({ key: 'idNumber', field: 'idNumber', value: cell('idNumber'), problem: 'developIdTaken', params: { name: parsed.name } });
    if (parsed && problems.length === 0) {
      const check = checkPath(parsed.path, o.opts);
      for (const p of check.problems) {
        const key = p.code === 'trainingShort' ? 'trainingHours' : p.step === 'review' ? 'reviews' : p.step === 'training' ? 'trainingOn' : p.code === 'introducersTooFew' ? 'introducers' : (p.step as DateKey);
        problems.push({ key, field: key, value: cell(key), problem: p.code, params: p.params });
      }
      if (parsed.introducers.length && parsed.path.admitted && parsed.introducers.length < 2) problems.push({ key: 'introducers', field: 'introducers', value: cell('introducers'), problem: 'introducersTooFew', params: { count: parsed.introducers.length, needed: 2 } });
    }
    if (parsed && problems.length === 0) {
      try {
        // The finalized months: a row dated in one is refused by its row, the others go in.
        refuseFrozenDates(db, [...DATE_KEYS.map((k) => ({ field: k, date: dateOfKey(parsed.path, k) })), ...(parsed.path.full ? [{ field: 'full', date: probationEnd(parsed.path) }] : [])]);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const issue = (err.details?.issues as FieldIssue[] | undefined)?.[0];
        if (!issue) throw err;
        problems.push({ key: issue.field as ImportField, field: issue.field, value: cell(issue.field as ImportField), problem: issue.problem, params: issue.params });
      }
    }
    if (!parsed || problems.length) {
      for (const p of problems) {
        const c = columns.get(p.key);
        const columnName = c?.header ?? p.key;
        report.rejected.push({
          row: row.excelRow,
          column: columnName,
          letter: c ? columnLetter(c.index) : null,
          field: p.key,
          value: p.value instanceof Date ? p.value.toISOString().slice(0, 10) : (p.value ?? null),
          code: p.problem,
          message: rowMessage(row.excelRow, columnName, c ? columnLetter(c.index) : null, { field: p.key === 'name' || p.key === 'idNumber' ? p.key : columnFieldLabel(p.key), problem: p.problem, value: cellText(p.value), params: p.params }, o.lang),
        });
      }
      continue;
    }
    seen.add(parsed.idNumber);
    report.accepted++;
    if (!o.dryRun) {
      if (writePerson(db, parsed, o)) report.admitted++;
      report.created++;
    }
  }
  return report;
}

/** Columns named by the develop namespace's labels: a step's column by its date's label. */
function columnFieldLabel(key: ImportField): string {
  if (key === 'trainingOn' || key === 'reviews' || key === 'contacts' || key === 'introducers' || key === 'trainingHours' || key === 'branch' || key === 'phone') return key === 'reviews' ? 'reviewOn' : key;
  if (key === 'trainingDays') return 'days';
  return `${key}On`;
}

function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

function rowMessage(row: number, column: string, letter: string | null, issue: FieldIssue, lang: Language): string {
  const text = DEVELOP_ROW_TEXT[lang];
  return interpolate(letter ? text.withLetter : text.withoutLetter, { row, column, letter, issue: formatIssue(issue, lang, 'develop') });
}

function dateOfKey(path: DevelopPath, key: DateKey): string | undefined {
  return key === 'trainingOn' ? path.training?.on : path[key];
}

function parseRow(db: Db, excelRow: number, cell: (key: ImportField) => unknown, problems: (RowProblem & { key: ImportField })[], o: DevelopImportOptions): ParsedRow | null {
  const push = (key: ImportField, value: unknown, problem: string, params?: Record<string, string | number>) => problems.push({ key, field: key, value, problem, params });
  const nameCell = cell('name');
  const name = typeof nameCell === 'string' ? nameCell.replace(/\s+/g, '') : nameCell == null ? '' : String(nameCell);
  if (!name) push('name', nameCell, 'required');
  else if (name.length > 40) push('name', nameCell, 'tooLong', { max: 40 });
  const idCell = cell('idNumber');
  const id = checkCitizenId(idCell == null ? '' : String(idCell), o.now);
  if (!id.ok) push('idNumber', idCell, id.problem, id.params);
  else {
    const taken = db.prepare('SELECT name FROM develop_people WHERE id_number = ?').pluck().get(id.value) as string | undefined;
    if (taken !== undefined) push('idNumber', idCell, 'developIdTaken', { name: taken });
  }
  const branchCell = cell('branch');
  let orgId: number | null = null;
  if (branchCell == null || String(branchCell).trim() === '') push('branch', branchCell, 'required');
  else {
    const found: RowProblem[] = [];
    try {
      orgId = resolveBranch(db, String(branchCell).trim(), found, o.scope, 'branch');
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      push('branch', branchCell, 'orgOutsideScope');
    }
    for (const f of found) push('branch', branchCell, f.problem, f.params);
  }
  const path: Partial<DevelopPath> = {};
  for (const key of DATE_KEYS) {
    const raw = cell(key);
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) continue;
    const parsed = parseLooseDate(raw, { today: o.now });
    if (!parsed.ok) push(key, raw, parsed.problem, parsed.params);
    else if (parsed.precision !== 'day') push(key, raw, 'developDateNeedsDay');
    else if (key === 'trainingOn') path.training = { ...path.training, on: parsed.value };
    else path[key] = parsed.value;
  }
  if (!path.applied && !problems.some((p) => p.key === 'applied')) push('applied', cell('applied'), 'required');
  const reviewsCell = cell('reviews');
  if (reviewsCell instanceof Date || typeof reviewsCell === 'number') {
    const parsed = parseLooseDate(reviewsCell, { today: o.now });
    if (parsed.ok) path.reviews = [parsed.value];
    else push('reviews', reviewsCell, parsed.problem, parsed.params);
  } else if (typeof reviewsCell === 'string' && reviewsCell.trim()) {
    const reviews: string[] = [];
    for (const part of reviewsCell.split(/[、,，;；\s]+/).filter(Boolean)) {
      const parsed = parseLooseDate(part, { today: o.now });
      if (parsed.ok && parsed.precision === 'day') reviews.push(parsed.value);
      else push('reviews', reviewsCell, parsed.ok ? 'developDateNeedsDay' : parsed.problem, parsed.ok ? undefined : parsed.params);
    }
    path.reviews = reviews;
  }
  for (const key of ['trainingHours', 'trainingDays'] as const) {
    const raw = cell(key);
    if (raw === null || raw === undefined || raw === '') continue;
    const n = Number(typeof raw === 'string' ? toHalfWidth(raw).trim() : raw);
    if (!Number.isInteger(n) || n < 0 || n > 1000) push(key, raw, 'notAnInteger');
    else path.training = { ...path.training, [key === 'trainingHours' ? 'hours' : 'days']: n };
  }
  const contacts = membersNamed(db, cell('contacts'), 'contacts', push);
  const introducers = membersNamed(db, cell('introducers'), 'introducers', push);
  if (introducers.length) path.introducers = introducers.length;
  const phoneCell = cell('phone');
  if (!id.ok || orgId === null || problems.length) return null;
  return {
    excelRow,
    name,
    idNumber: id.value,
    birth: id.birthDate,
    sex: id.sex,
    orgId,
    phone: phoneCell == null || String(phoneCell).trim() === '' ? null : String(phoneCell).trim().slice(0, 30),
    path: { ...path, birth: id.birthDate },
    contacts,
    introducers,
  };
}

/** Members named in a cell (王建国、李秀英): each must be one full member of the roll. */
function membersNamed(db: Db, raw: unknown, key: 'contacts' | 'introducers', push: (key: ImportField, value: unknown, problem: string, params?: Record<string, string | number>) => void): number[] {
  if (typeof raw !== 'string' || !raw.trim()) return [];
  const ids: number[] = [];
  for (const name of raw.split(/[、,，;；\s]+/).filter(Boolean)) {
    const found = db.prepare("SELECT id FROM members WHERE name = ? AND status = 'active' AND category = 'full'").pluck().all(name) as number[];
    if (found.length !== 1) push(key, raw, 'developNotAMember');
    else ids.push(found[0]);
  }
  return ids;
}

/** The person, their steps and contacts; admitted → on the roll (or linked to their record there), full → full. */
function writePerson(db: Db, p: ParsedRow, o: DevelopImportOptions): boolean {
  const at = o.now.toISOString();
  const stage = stageOf(p.path) ?? 'applicant';
  const steps: { step: DevelopStep; on: string; detail: Record<string, unknown> | null }[] = [];
  for (const key of DATE_KEYS) {
    const on = dateOfKey(p.path, key);
    if (!on) continue;
    const step: DevelopStep = key === 'trainingOn' ? 'training' : key;
    steps.push({ step, on, detail: step === 'training' ? { hours: p.path.training?.hours, days: p.path.training?.days } : null });
  }
  if (p.path.training && !p.path.training.on && (p.path.training.hours !== undefined || p.path.training.days !== undefined)) {
    steps.push({ step: 'training', on: p.path.candidate ?? p.path.applied!, detail: { hours: p.path.training.hours, days: p.path.training.days } });
  }
  for (const on of p.path.reviews ?? []) steps.push({ step: 'review', on, detail: null });
  steps.sort((a, b) => a.on.localeCompare(b.on));
  const last = steps[steps.length - 1].on;
  const personId = Number(
    db
      .prepare(
        `INSERT INTO develop_people (name, id_number, sex, birth_date, phone, org_id, stage, applied_on, last_step_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.name, p.idNumber, p.sex, p.birth, p.phone, p.orgId, stage, p.path.applied, last, at, at).lastInsertRowid,
  );
  const insert = db.prepare(`INSERT INTO develop_steps (person_id, step, on_date, note, detail, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const s of steps) insert.run(personId, s.step, s.on, `Excel ${p.excelRow}`, s.detail ? JSON.stringify(s.detail) : null, o.actor, at);
  const contact = db.prepare('INSERT OR IGNORE INTO develop_contacts (person_id, member_id, role) VALUES (?, ?, ?)');
  for (const m of p.contacts) contact.run(personId, m, 'contact');
  for (const m of p.introducers) contact.run(personId, m, 'introducer');
  if (!p.path.admitted) return false;
  // Someone admitted before StreetDesk may already be on the roll (the roster import): linked, not doubled.
  const existing = db.prepare("SELECT id FROM members WHERE id_number = ? AND status = 'active'").pluck().get(p.idNumber) as number | undefined;
  const person = db.prepare('SELECT * FROM develop_people WHERE id = ?').get(personId) as Parameters<typeof admitToRoll>[1];
  const memberId = existing ?? admitToRoll(db, person, p.path.admitted, o.now, o.actor, p.path);
  if (existing === undefined && p.path.full) makeFull(db, memberId, probationEnd(p.path)!, o.now, o.actor, o.scope);
  db.prepare('UPDATE develop_people SET member_id = ? WHERE id = ?').run(memberId, personId);
  return existing === undefined;
}

/**
 * The rejected rows as a workbook to fix and import again: every column of the clerk's header (known or not,
 * so nothing they wrote is lost), the rows as read, the reasons last. The header search of the next import
 * finds 姓名 and 公民身份号码 again; the row-number and reason columns are not fields and are passed over.
 */
export async function developRejectedWorkbook(sheet: StreamedSheet, report: DevelopImportReport, lang: Language): Promise<Uint8Array> {
  const header = sheet.rows.find((r) => r.excelRow === report.headerRow);
  if (!header) throw new Error('the header row of the report is not in the sheet');
  const kept = header.values.map((v, index) => ({ index, text: v === null || v === undefined ? '' : String(v).trim() })).filter((c) => c.text !== '');
  return rejectedRowsWorkbook(
    kept.map((c) => ({ header: c.text, asText: headerKey(c.text) === 'idNumber' || headerKey(c.text) === 'phone' })),
    sheet.rows.filter((r) => r.excelRow > report.headerRow).map((r) => ({ excelRow: r.excelRow, values: kept.map((c) => r.values[c.index]) })),
    reasonsByRow(report.rejected),
    lang,
  );
}
