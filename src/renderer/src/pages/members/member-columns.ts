// The grid's columns, one per member field of shared/members/fields.ts (the national 16 items first, the
// community fields after), titled in the UI language, with codes and yes/no shown as a clerk reads them.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { MemberRow } from '../../../../shared/api/contract';
import { MEMBER_SORT_FIELDS, type Language } from '../../../../shared/api/schemas';
import { MEMBER_FIELDS, type MemberField, type MemberFieldKind } from '../../../../shared/members/fields';
import { codeLabel } from './member-codes';

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

const TEXT_WIDTH: Record<string, number> = {
  address: 230,
  mobileDestination: 168,
  workUnit: 160,
  employerOrg: 160,
  building: 64,
  unit: 60,
  room: 64,
  nativePlace: 96,
};

/** Room the title needs at 13px: CJK about one em, Latin about half. */
function titleWidth(title: string, sortable: boolean): number {
  let width = 0;
  for (const ch of title) width += /[\u2e80-\uffff]/.test(ch) ? 13.5 : 7.4;
  return Math.ceil(width + 26 + (sortable ? 18 : 0));
}

type Row = MemberRow & Record<string, unknown>;
type Formatter = (value: unknown) => string;

function formatterFor(field: MemberField, t: TFunction): Formatter | undefined {
  switch (field.kind) {
    case 'sex':
      return (v) => (v === 1 || v === 2 ? t(`members.sex.${v}`) : '');
    case 'category':
      return (v) => (v === 'full' || v === 'probationary' ? t(`members.category.${v}`) : '');
    case 'standing':
      return (v) => (v === 'normal' || v === 'suspended' ? t(`members.standing.${v}`) : '');
    case 'flag':
      return (v) => (v === true ? '✓' : '');
    case 'ethnicity':
    case 'education':
    case 'occupation':
      return (v) => codeLabel(field.kind as 'ethnicity' | 'education' | 'occupation', (v as string | null) ?? null);
    default:
      return undefined;
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

export function memberColumns(lang: Language, t: TFunction, hidden: ReadonlySet<string>): ColDef<Row>[] {
  const rowNumber: ColDef<Row> = {
    colId: ROW_NUMBER_COLUMN,
    headerName: t('members.rowNumber'),
    width: lang === 'zh-CN' ? 64 : 60,
    pinned: 'left',
    sortable: false,
    resizable: false,
    suppressMovable: true,
    cellClass: 'cell-row-number',
    valueGetter: (p) => (p.node?.rowIndex == null ? '' : p.node.rowIndex + 1),
  };
  const fields = MEMBER_FIELDS.map((field): ColDef<Row> => {
    const title = memberColumnTitle(field, lang);
    const sortable = SORTABLE_FIELDS.has(field.key);
    const format = formatterFor(field, t);
    return {
      colId: field.key,
      field: field.key,
      headerName: title,
      headerTooltip: title,
      width: Math.max(
        TEXT_WIDTH[field.key] ?? KIND_WIDTH[field.kind],
        lang === 'en' ? (EN_VALUE_WIDTH[field.kind] ?? 0) : 0,
        titleWidth(title, sortable),
      ),
      sortable,
      hide: hidden.has(field.key),
      pinned: field.key === 'name' ? 'left' : undefined,
      valueFormatter: format ? (p: ValueFormatterParams<Row>) => format(p.value) : undefined,
      cellClass: cellClassFor(field),
      headerClass: field.kind === 'flag' ? 'header-center' : undefined,
    };
  });
  return [rowNumber, ...fields];
}
