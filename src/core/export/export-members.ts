// The members page's current view as an .xlsx a clerk can hand on: a title row with the organization and
// date, Chinese (or English) headers, ID numbers and phones as text so Excel never turns them into numbers.
import type { Db } from '../db/connection';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ApiParsedInput, MemberLeaveReason, MemberRow } from '../../shared/api/contract';
import type { Language } from '../../shared/api/schemas';
import { fileText, type FileTextKey } from '../../shared/i18n/file-text';
import { EXPORT_FIELDS, MEMBER_FIELD_BY_KEY, NATIONAL_ITEMS, type MemberField } from '../../shared/members/fields';
import { allMembers } from '../services/members';
import { Codes } from '../services/member-records';
import type { Scope } from '../scope';
import { localIsoDate } from '../../shared/validators';

const LEAVE_REASONS: Record<MemberLeaveReason, FileTextKey> = {
  death: 'leaveDeath',
  transfer_out: 'leaveTransferOut',
  expelled: 'leaveExpelled',
  struck_off: 'leaveStruckOff',
  lapsed: 'leaveLapsed',
  withdrew: 'leaveWithdrew',
  other: 'leaveOther',
};


/** A field's value as the exported cell shows it: by how the field table keeps it (codes as labels, flags as 是/否). */
export function cellValue(field: MemberField, m: MemberRow, codes: Codes, lang: Language): string | null {
  const value = (m as unknown as Record<string, unknown>)[field.key];
  switch (field.kind) {
    case 'sex':
      return fileText(lang, m.sex === 1 ? 'male' : 'female');
    case 'category':
      return fileText(lang, m.category === 'full' ? 'categoryFull' : 'categoryProbationary');
    case 'standing':
      return fileText(lang, m.standing === 'normal' ? 'standingNormal' : 'standingSuspended');
    default:
      break;
  }
  if (field.store.as === 'code') return codes.label(field.store.table, value as string | null) ?? null;
  if (field.store.as === 'flag') return fileText(lang, value ? 'yes' : 'no');
  return value === null || value === undefined ? null : String(value);
}

export async function exportMembers(
  db: Db,
  input: ApiParsedInput<'members.export'>,
  lang: Language,
  now: Date,
  scope: Scope | null = null,
): Promise<{ bytes: Uint8Array; rows: number; title: string }> {
  if (input.layout === 'national') return exportNational(db, input, scope, localIsoDate(now));
  const fields = input.columns?.length ? EXPORT_FIELDS.filter((f) => input.columns!.includes(f.key)) : EXPORT_FIELDS.filter((f) => f.national);
  const zh = lang === 'zh-CN';
  // The history roll says when and why each record left it, after the member's own columns.
  const history = input.status === 'history';
  const leftHeaders = history ? [fileText(lang, 'rosterLeftOn'), fileText(lang, 'rosterLeftReason')] : [];
  const leftCells = (m: MemberRow) => (history ? [m.leftOn, m.leftReason ? fileText(lang, LEAVE_REASONS[m.leftReason]) : null] : []);
  // The title names the view's organization, else the user's community, else the street.
  const orgName = input.orgId && (!scope || scope.hasOrg(input.orgId))
    ? (db.prepare('SELECT name FROM organizations WHERE id = ?').get(input.orgId) as { name: string } | undefined)?.name
    : scope
      ? scope.communityName
      : (db.prepare('SELECT name FROM street').get() as { name: string } | undefined)?.name;
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const title = fileText(lang, history ? 'rosterHistoryTitle' : 'rosterTitle', { org: orgName ?? '' });

  // The streaming writer: 100,000 rows in seconds, where the workbook API takes half a minute.
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
  const sheet = book.addWorksheet(fileText(lang, 'rosterSheet'), { views: [{ state: 'frozen', ySplit: 2 }] });
  // ID numbers and phones are written as strings: Excel keeps them as text (no 3.70102E+17), and a
  // per-cell text style would cost more than the rest of the export.
  sheet.columns = [
    ...fields.map((f) => ({
      width: f.key === 'idNumber' ? 21 : f.key === 'address' ? 36 : Math.max(10, (zh ? f.zh.length * 2 : f.en.length) + 2),
    })),
    ...leftHeaders.map(() => ({ width: 14 })),
  ];
  sheet.mergeCells(1, 1, 1, Math.max(fields.length + leftHeaders.length, 2));
  const titleRow = sheet.getRow(1);
  titleRow.getCell(1).value = fileText(lang, 'rosterExported', { title, day });
  titleRow.getCell(1).font = { bold: true, size: 14 };
  titleRow.getCell(1).alignment = { horizontal: 'center' };
  titleRow.commit();
  const header = sheet.getRow(2);
  [...fields.map((f) => (zh ? f.zh : f.en)), ...leftHeaders].forEach((text, i) => (header.getCell(i + 1).value = text));
  header.font = { bold: true };
  header.commit();

  const codes = new Codes(db);
  let rows = 0;
  for (const chunk of allMembers(db, input, scope, 1000, localIsoDate(now))) {
    for (const m of chunk) sheet.addRow([...fields.map((f) => cellValue(f, m, codes, lang)), ...leftCells(m)]).commit();
    rows += chunk.length;
  }
  sheet.commit();
  await book.commit();
  return { bytes: new Uint8Array(Buffer.concat(chunks)), rows, title };
}

/**
 * The national system's 16 items: its names in its order, the header in the first row (so the sheet goes
 * back into that system, or into StreetDesk, as it is), codes as labels, ID numbers and phones as text.
 */
async function exportNational(
  db: Db,
  input: ApiParsedInput<'members.export'>,
  scope: Scope | null,
  today: string,
): Promise<{ bytes: Uint8Array; rows: number; title: string }> {
  const fields = NATIONAL_ITEMS.map((item) => ({ ...item, field: MEMBER_FIELD_BY_KEY.get(item.key)! }));
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
  const sheet = book.addWorksheet('党员信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = fields.map((f) => ({
    width: f.key === 'idNumber' ? 21 : f.key === 'address' ? 36 : Math.max(10, f.header.length * 2 + 2),
    // Text, so Excel never shows 3.70102E+17 or drops a landline's leading 0 when the clerk edits a cell.
    ...(f.key === 'idNumber' || f.key === 'phone' ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  fields.forEach((f, i) => (header.getCell(i + 1).value = f.header));
  header.font = { bold: true };
  header.commit();
  const codes = new Codes(db);
  const branchName = unambiguousOrgNames(db);
  let rows = 0;
  for (const chunk of allMembers(db, input, scope, 1000, today)) {
    for (const m of chunk) sheet.addRow(fields.map((f) => (f.key === 'branch' ? (branchName.get(m.orgId) ?? m.branch) : cellValue(f.field, m, codes, 'zh-CN')))).commit();
    rows += chunk.length;
  }
  sheet.commit();
  await book.commit();
  return { bytes: new Uint8Array(Buffer.concat(chunks)), rows, title: '党员信息（全国党员信息系统格式）' };
}

/**
 * Each organization by a name that finds it again: its own name when no other open organization has it,
 * else with its community committee before it (幸福社区党委/第1网格党支部), as the importer reads it back.
 */
function unambiguousOrgNames(db: Db): Map<number, string> {
  const orgs = db.prepare('SELECT id, name, parent_id, level FROM organizations WHERE closed_on IS NULL').all() as {
    id: number;
    name: string;
    parent_id: number | null;
    level: string;
  }[];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const count = new Map<string, number>();
  for (const o of orgs) count.set(o.name, (count.get(o.name) ?? 0) + 1);
  const names = new Map<number, string>();
  for (const o of orgs) {
    if (count.get(o.name) === 1) {
      names.set(o.id, o.name);
      continue;
    }
    const path = [o.name];
    for (let parent = o.parent_id === null ? undefined : byId.get(o.parent_id); parent && parent.parent_id !== null; parent = parent.parent_id === null ? undefined : byId.get(parent.parent_id)) {
      path.unshift(parent.name);
      if (count.get(parent.name) === 1) break;
    }
    names.set(o.id, path.join('/'));
  }
  return names;
}
