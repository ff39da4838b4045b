// Words a clerk maps to a code (学历 电大 → 大学专科): read from `--map-value 学历=电大:大学专科`, resolved
// against the roster's columns and the code tables, and kept in code_synonyms for every later import, grid
// edit and paste. The administrator reviews the clerks' mappings in settings.
import type { Db } from '../db/connection';
import type { CodeSynonym, CodeTableName } from '../../shared/api/contract';
import { fieldForHeader, headerKey, MEMBER_FIELD_BY_KEY } from '../../shared/members/fields';
import { AppError, type FieldIssue } from '../../shared/result';
import { Codes, codeTextKey } from '../services/member-records';

/** The member fields kept as codes, each with its code table. */
export const CODED_FIELDS: readonly CodeTableName[] = ['ethnicity', 'education', 'occupation'];

export interface ValueMapping {
  /** The column as the file names it (学历, 文化程度) or the field's own name. */
  column: string;
  text: string;
  /** The code's label (大学专科) or the code itself (31). */
  label: string;
}

export interface CodeMapping {
  table: CodeTableName;
  text: string;
  code: string;
}

/** `学历=电大:大学专科` → its parts; null when it is not written that way. */
export function parseValueMapping(raw: string): ValueMapping | null {
  const match = /^([^=＝]+)[=＝](.+)[:：]([^:：]+)$/.exec(raw.trim());
  if (!match) return null;
  const [column, text, label] = match.slice(1).map((part) => part.trim());
  return column && text && label ? { column, text, label } : null;
}

/**
 * Resolves each mapping to a code table and a code: the column by the roster's headers (as written) or by
 * the field's names, the label by the code table's labels, codes and words. Every mapping that does not
 * resolve is named in one VALIDATION error.
 */
export function resolveValueMappings(
  db: Db,
  mappings: readonly (ValueMapping | string)[],
  columns: readonly { header: string; field: string | null }[] = [],
): CodeMapping[] {
  const codes = new Codes(db);
  const issues: FieldIssue[] = [];
  const resolved: CodeMapping[] = [];
  const fieldNames = CODED_FIELDS.map((f) => MEMBER_FIELD_BY_KEY.get(f)?.zh ?? f).join('、');
  for (const entry of mappings) {
    const mapping = typeof entry === 'string' ? parseValueMapping(entry) : entry;
    if (!mapping) {
      issues.push({ field: 'mapValue', problem: 'mapValueFormat', value: entry as string });
      continue;
    }
    const byHeader = columns.find((c) => c.field !== null && headerKey(c.header) === headerKey(mapping.column))?.field;
    const field = byHeader ?? fieldForHeader(mapping.column)?.key ?? (MEMBER_FIELD_BY_KEY.has(mapping.column) ? mapping.column : undefined);
    const table = CODED_FIELDS.find((t) => t === field);
    if (!table) {
      issues.push({ field: 'mapValue', problem: 'mapValueField', value: mapping.column, params: { column: mapping.column, fields: fieldNames } });
      continue;
    }
    const code = codes.code(table, mapping.label);
    if (code === undefined) {
      issues.push({ field: 'mapValue', problem: 'mapValueLabel', value: mapping.label, params: { label: mapping.label, column: mapping.column } });
      continue;
    }
    resolved.push({ table, text: mapping.text, code });
  }
  if (issues.length) throw new AppError('VALIDATION', 'a value mapping does not resolve', { issues });
  return resolved;
}

/**
 * Stores the mappings as the clerk's words (replacing an earlier mapping of the same word); a word that is
 * already a code or a label of its table needs none and is refused. Returns how many were stored.
 */
export function saveCodeMappings(db: Db, mappings: readonly CodeMapping[], username: string, now: Date): number {
  const labels = db.prepare('SELECT code, label FROM code_items WHERE code_table = ?');
  const issues: FieldIssue[] = [];
  for (const m of mappings) {
    const own = (labels.all(m.table) as { code: string; label: string }[]).some((r) => codeTextKey(r.label) === codeTextKey(m.text) || codeTextKey(r.code) === codeTextKey(m.text));
    if (own) issues.push({ field: 'mapValue', problem: 'synonymIsLabel', value: m.text, params: { value: m.text } });
    const exists = db.prepare('SELECT 1 FROM code_items WHERE code_table = ? AND code = ?').get(m.table, m.code);
    if (!exists) issues.push({ field: 'mapValue', problem: 'codeUnknown', value: m.code });
  }
  if (issues.length) throw new AppError('VALIDATION', 'a value mapping cannot be stored', { issues });
  const upsert = db.prepare(
    `INSERT INTO code_synonyms (code_table, text, code, source, created_by, created_at) VALUES (?, ?, ?, 'user', ?, ?)
     ON CONFLICT (code_table, text) DO UPDATE SET code = excluded.code, source = 'user', created_by = excluded.created_by, created_at = excluded.created_at`,
  );
  const at = now.toISOString();
  for (const m of mappings) upsert.run(m.table, m.text.trim(), m.code, username, at);
  return mappings.length;
}

export function listCodeSynonyms(db: Db): CodeSynonym[] {
  return (
    db
      .prepare(
        `SELECT s.code_table AS "table", s.text, s.code, i.label, s.source, s.created_by AS createdBy, s.created_at AS createdAt
         FROM code_synonyms s JOIN code_items i ON i.code_table = s.code_table AND i.code = s.code
         ORDER BY s.source DESC, s.code_table, s.created_at DESC, s.text`,
      )
      .all() as CodeSynonym[]
  );
}

/** Removes a clerk's mapping; the program's own words stay. */
export function removeCodeSynonym(db: Db, table: CodeTableName, text: string): boolean {
  return db.prepare("DELETE FROM code_synonyms WHERE code_table = ? AND text = ? AND source = 'user'").run(table, text).changes > 0;
}
