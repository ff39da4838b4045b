// The grid's columns, one per grid column of the field table in shared/members/fields.ts (the national 16
// items first, the community fields after; widths and hidden-at-first there), titled in the UI language, with codes and yes/no shown as a clerk reads them.
import type { ColDef, ICellEditorParams, ValueFormatterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { CodeTableName, CodeTables } from '../../../../shared/api/contract';
import { MEMBER_SORT_FIELDS, type Language } from '../../../../shared/api/schemas';
import { MEMBER_FIELD_KEYS } from '../../../../shared/members/draft';
import { GRID_FIELDS, type MemberField, type MemberFieldKind } from '../../../../shared/members/fields';
import { isDraft, type GridRow, type MemberEditing } from './member-editing';

/** Fields the core can sort by (members.list `sort`); the other columns are not sortable. */
export const SORTABLE_FIELDS: ReadonlySet<string> = new Set(MEMBER_SORT_FIELDS);

export const ROW_NUMBER_COLUMN = '__rowNumber';

/** Widest value a coded column shows in English (男/女 fit the title's width; Female does not). */
const EN_VALUE_WIDTH: Partial<Record<MemberFieldKind, number>> = { sex: 74, category: 104, standing: 92 };

const KIND_WIDTH: Record<MemberFieldKind, number> = {
  name: 84,
  sex: 56,
  ethnicity: 76,
  citizenId: 172,
  date: 96,
  education: 96,
  category: 84,
  organization: 168,
  occupation: 172,
  phone: 116,
  text: 120,
  standing: 80,
  flag: 64,
  grid: 92,
};

/** A column's width: the field table's, else its kind's. */
const fieldWidth = (field: MemberField): number => ('width' in field.grid ? field.grid.width : undefined) ?? KIND_WIDTH[field.kind];

/** Room the title needs at 13px: CJK about one em, Latin about half. */
function titleWidth(title: string, sortable: boolean): number {
  let width = 0;
  for (const ch of title) width += /[\u2e80-\uffff]/.test(ch) ? 13.5 : 7.4;
  return Math.ceil(width + 26 + (sortable ? 18 : 0));
}

type Row = GridRow;
type Formatter = (value: unknown) => string;

/** Fields a clerk edits in a cell. The branch changes by a transfer; the community follows the grid. */
const EDITABLE_FIELDS: ReadonlySet<string> = new Set(MEMBER_FIELD_KEYS.filter((key) => key !== 'branch'));

export function isEditableField(field: string): boolean {
  return EDITABLE_FIELDS.has(field);
}

/** Text shown for a value; a value typed into a draft or a refused cell shows as typed. */
const shown = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The label of a code, or the code itself when the table does not know it. */
export function codeLabel(codes: CodeTables | null, table: CodeTableName, code: unknown): string {
  if (code === null || code === undefined) return '';
  return codes?.[table].find((c) => c.code === code)?.label ?? String(code);
}

function formatterFor(field: MemberField, t: TFunction, codes: CodeTables | null): Formatter | undefined {
  switch (field.kind) {
    case 'sex':
      return (v) => (v === 1 || v === 2 ? t(`members.sex.${v}`) : shown(v));
    case 'category':
      return (v) => (v === 'full' || v === 'probationary' ? t(`members.category.${v}`) : shown(v));
    case 'standing':
      return (v) => (v === 'normal' || v === 'suspended' ? t(`members.standing.${v}`) : shown(v));
    case 'flag':
      return (v) => (v === true ? '✓' : v === false || v === null || v === undefined ? '' : shown(v));
    case 'ethnicity':
    case 'education':
    case 'occupation':
      return (v) => codeLabel(codes, field.kind as CodeTableName, v);
    default:
      return undefined;
  }
}

/** Pickers for coded fields; the rest are typed (dates as clerks write them: 2019.07, 2019年7月1日 …). */
function editorFor(field: MemberField, t: TFunction, codes: CodeTables | null, format: Formatter | undefined): Partial<ColDef<Row>> {
  const select = (values: unknown[]): Partial<ColDef<Row>> => ({
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: (p: ICellEditorParams<Row>) => ({ values: p.value !== undefined && p.value !== null && !values.includes(p.value) ? [p.value, ...values] : values, formatValue: format, valueListMaxHeight: 320 }),
  });
  switch (field.kind) {
    case 'sex':
      return select([1, 2]);
    case 'category':
      return select(['full', 'probationary']);
    case 'standing':
      return select(['normal', 'suspended']);
    case 'flag':
      return { ...select([true, false]), cellEditorParams: { values: [true, false], formatValue: (v: unknown) => (v === true ? t('memberEdit.yes') : t('memberEdit.no')) } };
    case 'ethnicity':
    case 'education':
    case 'occupation':
      return select((codes?.[field.kind as CodeTableName] ?? []).filter((c) => !c.retired).map((c) => c.code));
    default:
      return { cellEditor: 'agTextCellEditor', cellEditorParams: { maxLength: 400 } };
  }
}

function cellClassFor(field: MemberField): ColDef<Row>['cellClass'] {
  switch (field.kind) {
    case 'citizenId':
    case 'date':
    case 'phone':
      return 'cell-mono';
    case 'flag':
      return 'cell-flag';
    case 'category':
      return (p) => (p.value === 'probationary' ? 'cell-probationary' : undefined);
    case 'standing':
      return (p) => (p.value === 'suspended' ? 'cell-warning' : undefined);
    default:
      return undefined;
  }
}

export function memberColumnTitle(field: MemberField, lang: Language): string {
  return lang === 'zh-CN' ? field.zh : field.en;
}

export interface ColumnOptions {
  lang: Language;
  t: TFunction;
  hidden: ReadonlySet<string>;
  widths?: Readonly<Record<string, number>>;
  codes: CodeTables | null;
  /** Null when the user may only look (a viewer, or the history roll). */
  editing: MemberEditing | null;
  /** The history roll: the day and reason each record left it come after the row number. */
  history?: boolean;
}

/** The history roll's own columns: when and why the record left the roll (read-only). */
function leftColumns(t: TFunction): ColDef<Row>[] {
  return [
    { colId: 'leftOn', field: 'leftOn' as never, headerName: t('members.leftOn'), width: 112, sortable: true, pinned: 'left', cellClass: 'cell-mono', editable: false },
    {
      colId: 'leftReason',
      field: 'leftReason' as never,
      headerName: t('members.leftReason'),
      width: 120,
      sortable: false,
      pinned: 'left',
      editable: false,
      valueFormatter: (p: ValueFormatterParams<Row>) => (p.value ? t(`memberLeave.leftAs.${String(p.value)}`) : ''),
    },
  ];
}

export function memberColumns({ lang, t, hidden, widths = {}, codes, editing, history = false }: ColumnOptions): ColDef<Row>[] {
  const rowNumber: ColDef<Row> = {
    colId: ROW_NUMBER_COLUMN,
    headerName: t('members.rowNumber'),
    width: lang === 'zh-CN' ? 64 : 60,
    pinned: 'left',
    sortable: false,
    resizable: false,
    suppressMovable: true,
    cellClass: 'cell-row-number',
    valueGetter: (p) => (p.node?.rowPinned ? t('memberEdit.newRow') : p.node?.rowIndex == null ? '' : p.node.rowIndex + 1),
  };
  const fields = GRID_FIELDS.map((field): ColDef<Row> => {
    const title = memberColumnTitle(field, lang);
    const sortable = SORTABLE_FIELDS.has(field.key);
    const format = formatterFor(field, t, codes);
    // The branch says which community's it is ("第1网格党支部 · 和平社区"); the cell keeps the branch's own value.
    const branchText = field.key === 'branch' ? (p: ValueFormatterParams<Row>) => (p.data?.community && p.value ? `${shown(p.value)} · ${p.data.community}` : shown(p.value)) : undefined;
    const canEdit = editing !== null && EDITABLE_FIELDS.has(field.key);
    return {
      colId: field.key,
      field: field.key,
      headerName: title,
      headerTooltip: title,
      width: widths[field.key] ?? Math.max(
        fieldWidth(field),
        lang === 'en' ? (EN_VALUE_WIDTH[field.kind] ?? 0) : 0,
        titleWidth(title, sortable),
      ),
      sortable,
      hide: hidden.has(field.key),
      pinned: field.key === 'name' ? 'left' : undefined,
      valueGetter: editing ? (p) => editing.displayValue(p.data, field.key) : undefined,
      valueFormatter: branchText ?? (format ? (p: ValueFormatterParams<Row>) => (editing?.invalidCell(p.data, field.key) ? shown(p.value) : format(p.value)) : undefined),
      cellClass: cellClassFor(field),
      ...(canEdit ? { editable: true, ...editorFor(field, t, codes, format) } : { editable: false }),
      ...(editing
        ? {
            cellClassRules: {
              'cell-invalid': (p) => editing.invalidCell(p.data, field.key) !== undefined,
              'cell-required': (p) => editing.isMissingInDraft(p.data, field.key),
              'cell-draft': (p) => isDraft(p.data),
            },
            tooltipValueGetter: (p) => editing.invalidCell(p.data, field.key)?.message ?? (editing.isMissingInDraft(p.data, field.key) ? t('memberEdit.required') : undefined),
          }
        : {}),
      headerClass: field.kind === 'flag' ? 'header-center' : undefined,
    };
  });
  return [rowNumber, ...(history ? leftColumns(t) : []), ...fields];
}
