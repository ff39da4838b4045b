// What the wizard sends with every preview and with the final import: the file and the clerk's choices
// (sheet, header row, column mapping, duplicates, missing branches), and how a refusal reads on screen.
import type { ApiInput, ImportReport } from '../../../../shared/api/contract';
import type { Language } from '../../../../shared/api/schemas';
import { MEMBER_FIELDS, ROSTER_FIELD_BY_KEY } from '../../../../shared/members/fields';
import { ApiCallError, isHandledGlobally } from '../../api/client';
import i18n from '../../i18n';
import { errorText } from '../../lib/errors';
import { issueText, validationIssues } from '../../lib/form-issues';

export interface RosterFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface WizardOptions {
  sheet?: string;
  headerRow?: number;
  /** Column number (1-based, as text) → member field key, or null to leave the column out; only what the clerk chose. */
  mapping: Record<string, string | null>;
  onDuplicate: 'skip' | 'update';
  createMissingBranches: boolean;
  /** The community the roster's branches are in, for rows without a 所在社区 cell. */
  communityId?: number;
}

export const DEFAULT_OPTIONS: WizardOptions = { mapping: {}, onDuplicate: 'skip', createMissingBranches: false };

export function importInput(file: RosterFile, options: WizardOptions): ApiInput<'members.importPreview'> {
  const { mapping } = options;
  return {
    fileName: file.name,
    bytes: file.bytes,
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}),
    ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
    onDuplicate: options.onDuplicate,
    createMissingBranches: options.createMissingBranches,
    ...(options.communityId !== undefined ? { communityId: options.communityId } : {}),
  };
}

/** The fields a row cannot do without, as the shared field table marks them. */
export const REQUIRED_FIELDS = MEMBER_FIELDS.filter((f) => f.required).map((f) => f.key);

export function memberFieldLabel(key: string, lang: Language): string {
  const field = ROSTER_FIELD_BY_KEY.get(key);
  if (!field) return key;
  return lang === 'zh-CN' ? field.zh : field.en;
}

/** Required fields no column of the report is mapped to. */
export function missingRequired(report: ImportReport): string[] {
  const mapped = new Set(report.columns.map((c) => c.field).filter((f): f is string => f !== null));
  return REQUIRED_FIELDS.filter((key) => !mapped.has(key));
}

/** Distinct Excel rows with at least one rejected cell. */
export function rejectedRowCount(report: ImportReport): number {
  return new Set(report.rejected.map((r) => r.row)).size;
}

/** Sheets the core named when it refused the file (no header row found on the sheet it read). */
export function sheetsOfFailure(error: unknown): string[] | null {
  if (!(error instanceof ApiCallError)) return null;
  const sheets = error.error.details?.sheets;
  return Array.isArray(sheets) && sheets.every((s) => typeof s === 'string') ? (sheets as string[]) : null;
}

export function isNoHeaderFailure(error: unknown): boolean {
  return (validationIssues(error) ?? []).some((issue) => issue.problem === 'rosterNoHeader' || issue.problem === 'rosterNoHeaderAnySheet');
}

const MAPPING_KEY = 'streetdesk.import.mapping.';
/** How many headers' mappings are kept (the oldest go first). */
const MAPPINGS_KEPT = 30;

/** The mapping the clerk made for a file with this header, if any (column number → field). */
export function rememberedMapping(signature: string): Record<string, string | null> | null {
  try {
    const stored = localStorage.getItem(MAPPING_KEY + signature);
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    return parsed && typeof parsed === 'object' ? (parsed as { mapping: Record<string, string | null> }).mapping : null;
  } catch {
    return null;
  }
}

/** Keeps the clerk's mapping for the next file with the same header. */
export function rememberMapping(signature: string, mapping: Record<string, string | null>): void {
  try {
    localStorage.setItem(MAPPING_KEY + signature, JSON.stringify({ mapping, at: Date.now() }));
    const keys = Object.keys(localStorage).filter((k) => k.startsWith(MAPPING_KEY));
    if (keys.length > MAPPINGS_KEPT) {
      const dated = keys.map((k) => ({ k, at: (JSON.parse(localStorage.getItem(k) ?? '{}') as { at?: number }).at ?? 0 })).sort((a, b) => a.at - b.at);
      for (const { k } of dated.slice(0, keys.length - MAPPINGS_KEPT)) localStorage.removeItem(k);
    }
  } catch {
    // Storage full or disabled: the mapping is simply not remembered.
  }
}

/** A refused preview in the user's words: the file's problems named by what they concern, anything else as usual. */
export function failureText(error: unknown, lang: Language): string | null {
  if (isHandledGlobally(error)) return null;
  const issues = validationIssues(error);
  if (!issues || issues.length === 0) return errorText(error, lang);
  const labels = {
    file: i18n.t('importMembers.labels.file'),
    sheet: i18n.t('importMembers.labels.sheet'),
    headerRow: i18n.t('importMembers.labels.headerRow'),
    mapping: i18n.t('importMembers.labels.mapping'),
  };
  // The value a roster problem carries is the sheet or field key, not something the clerk typed.
  return issues.map((issue) => issueText({ ...issue, value: undefined }, lang, labels)).join(lang === 'zh-CN' ? '；' : '; ');
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hands bytes to the browser as a download with the given file name. */
export function saveBytes(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 花名册.xlsx → 花名册-有问题的行.xlsx */
export function rejectedFileName(original: string, suffix: string): string {
  const base = original.replace(/\.(?:xlsx|csv|txt)$/i, '') || 'roster';
  return `${base}-${suffix}.xlsx`;
}
