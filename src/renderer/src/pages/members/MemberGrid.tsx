// The members grid: AG Grid Community's infinite row model over `members.list`. The grid asks for rows
// startRow…endRow and a sort model; the core filters, sorts and pages in SQL, so 100,000 members open
// as fast as 100. Only the AG Grid modules used here are registered (this page is loaded on demand).
import {
  CellStyleModule,
  ColumnApiModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  PinnedRowModule,
  RenderApiModule,
  RowApiModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TooltipModule,
  themeQuartz,
  type CellClickedEvent,
  type CellEditRequestEvent,
  type ColDef,
  type GetRowIdFunc,
  type GridApi,
  type GridReadyEvent,
  type IDatasource,
  type SortModelItem,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Empty, Spin } from 'antd';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, CodeTables } from '../../../../shared/api/contract';
import type { MemberSortField } from '../../../../shared/api/schemas';
import { parseTsv } from '../../../../shared/text/tsv';
import { api } from '../../api/client';
import { PARTY_RED } from '../../app/theme';
import { useLanguage } from '../../lib/use-language';
import { isEditableField, memberColumns, ROW_NUMBER_COLUMN, SORTABLE_FIELDS } from './member-columns';
import { isDraft, type GridRow, type MemberEditing } from './member-editing';

ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  ColumnApiModule,
  TooltipModule,
  CellStyleModule,
  LocaleModule,
  TextEditorModule,
  SelectEditorModule,
  PinnedRowModule,
  RowApiModule,
  RenderApiModule,
  ScrollApiModule,
]);

export type MemberFilters = Omit<ApiInput<'members.list'>, 'sort' | 'offset' | 'limit'>;

type Row = GridRow;

/** Rows per request: a screen is about 25 rows, so one answer fills it and the next few scrolls. */
const BLOCK_SIZE = 100;
/** The contract sorts by at most three fields. */
const MAX_SORT = 3;

const GRID_THEME = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerTextColor: '#4e5969',
  headerBackgroundColor: '#f7f8fa',
  foregroundColor: '#1f2329',
  borderColor: '#e5e6eb',
  accentColor: PARTY_RED,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 6,
  wrapperBorderRadius: 4,
  oddRowBackgroundColor: '#fbfbfc',
  rowHoverColor: '#f3f4f6',
  selectedRowBackgroundColor: '#fbeaec',
  iconSize: 12,
});

// Props the grid compares by identity: kept outside the component so a re-render of the page never
// makes the grid rebuild its columns.
const DEFAULT_COLUMN: ColDef<Row> = { resizable: true, suppressMovable: true, sortingOrder: ['asc', 'desc', null] };
const rowId: GetRowIdFunc<Row> = (p) => String(p.data.id);


export interface MemberGridEvents {
  /** Every answer of the current filters, with the number of members they match. */
  onTotal: (total: number) => void;
  onError: (error: unknown) => void;
}

export function toSort(model: readonly SortModelItem[]): { field: MemberSortField; dir: 'asc' | 'desc' }[] {
  return model
    .filter((item) => SORTABLE_FIELDS.has(item.colId))
    .slice(0, MAX_SORT)
    .map((item) => ({ field: item.colId as MemberSortField, dir: item.sort }));
}

export type MemberSort = ReturnType<typeof toSort>;

/** The grid's order as its columns hold it (in the order the user added the sorted columns). */
function currentSort(grid: GridApi): MemberSort {
  const sorted = grid.getColumnState().filter((c) => c.sort);
  sorted.sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0));
  return toSort(sorted.map((c) => ({ colId: c.colId, sort: c.sort! })));
}

/**
 * A datasource for one set of filters; a new set of filters makes a new datasource (and a fresh cache).
 * The first block is asked for at once (in the grid's current order), while the grid is still being
 * built, and handed over when the grid asks for it: the query does not wait for the grid.
 */
export function membersDatasource(filters: MemberFilters, sort: MemberSort, events: MemberGridEvents): IDatasource {
  const list = (offset: number, limit: number, order: MemberSort) => api.call('members.list', { ...filters, sort: order, offset, limit });
  let firstBlock: ReturnType<typeof list> | null = list(0, BLOCK_SIZE, sort);
  // Should the grid ask for something else first, the unused answer must not report an error on its own.
  firstBlock.catch(() => undefined);
  return {
    getRows(params) {
      const order = toSort(params.sortModel);
      const limit = params.endRow - params.startRow;
      const matches = params.startRow === 0 && limit === BLOCK_SIZE && JSON.stringify(order) === JSON.stringify(sort);
      const answer = (matches && firstBlock) || list(params.startRow, limit, order);
      firstBlock = null;
      answer
        .then(({ total, members }) => {
          params.successCallback(members, total);
          events.onTotal(total);
        })
        .catch((error: unknown) => {
          params.failCallback();
          events.onError(error);
        });
    },
  };
}

function LoadingOverlay() {
  const { t } = useTranslation();
  return (
    <div className="grid-overlay" role="status">
      <Spin />
      <span>{t('members.loading')}</span>
    </div>
  );
}

function NoRowsOverlay() {
  const { t } = useTranslation();
  return (
    <div className="grid-overlay">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <div className="grid-overlay-title">{t('members.empty')}</div>
            <div className="muted">{t('members.emptyHint')}</div>
          </>
        }
      />
    </div>
  );
}

/** The row and field of the focused cell, if any. */
export function focusedCell(grid: GridApi<Row>): { row: Row | undefined; field: string; rowIndex: number; pinned: boolean } | null {
  const cell = grid.getFocusedCell();
  if (!cell) return null;
  const pinned = cell.rowPinned === 'bottom';
  const node = pinned ? grid.getPinnedBottomRow(cell.rowIndex) : grid.getDisplayedRowAtIndex(cell.rowIndex);
  return { row: node?.data, field: cell.column.getColId(), rowIndex: cell.rowIndex, pinned };
}

/**
 * The spreadsheet keys the grid does not have by itself (Community edition): Ctrl+Z / Ctrl+Y, Delete to
 * clear a cell, Ctrl+C and Ctrl+V of a block as Excel and WPS copy it (tab-separated text).
 */
function useSpreadsheetKeys(holder: React.RefObject<HTMLDivElement | null>, grid: React.RefObject<GridApi<Row> | null>, editing: MemberEditing | null) {
  useEffect(() => {
    const element = holder.current;
    if (!element || !editing) return;
    const idle = () => {
      const api = grid.current;
      return api && api.getEditingCells().length === 0 ? api : null;
    };
    const onKey = (event: KeyboardEvent) => {
      const api = idle();
      if (!api) return;
      const key = event.key.toLowerCase();
      const mod = event.ctrlKey || event.metaKey;
      const cell = focusedCell(api);
      if (mod && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void editing.undo(cell ?? undefined);
      } else if (mod && (key === 'y' || (key === 'z' && event.shiftKey))) {
        event.preventDefault();
        void editing.redo();
      } else if (key === 'delete' && cell && isEditableField(cell.field)) {
        event.preventDefault();
        event.stopPropagation();
        const node = cell.pinned ? api.getPinnedBottomRow(cell.rowIndex) : api.getDisplayedRowAtIndex(cell.rowIndex);
        if (node) void editing.clearCell(node, cell.field);
      }
    };
    const onCopy = (event: ClipboardEvent) => {
      const api = idle();
      const selection = window.getSelection();
      if (!api || (selection && !selection.isCollapsed)) return;
      const cell = focusedCell(api);
      if (!cell || cell.field === ROW_NUMBER_COLUMN) return;
      const value = api.getCellValue({ rowNode: cell.pinned ? api.getPinnedBottomRow(cell.rowIndex)! : api.getDisplayedRowAtIndex(cell.rowIndex)!, colKey: cell.field, useFormatter: true });
      event.clipboardData?.setData('text/plain', value === null || value === undefined ? '' : String(value));
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      const api = idle();
      if (!api) return;
      const cell = focusedCell(api);
      const text = event.clipboardData?.getData('text/plain');
      if (!cell || !text) return;
      event.preventDefault();
      const columns = api.getAllDisplayedColumns().map((c) => c.getColId());
      const columnIndex = Math.max(0, columns.indexOf(cell.field === ROW_NUMBER_COLUMN ? (columns[1] ?? cell.field) : cell.field));
      void editing.paste(parseTsv(text), { rowIndex: cell.rowIndex, pinned: cell.pinned, columnIndex }, columns, isEditableField);
    };
    // Capture: the grid's own Delete handling must not run first.
    element.addEventListener('keydown', onKey, true);
    element.addEventListener('copy', onCopy);
    element.addEventListener('paste', onPaste);
    return () => {
      element.removeEventListener('keydown', onKey, true);
      element.removeEventListener('copy', onCopy);
      element.removeEventListener('paste', onPaste);
    };
  }, [holder, grid, editing]);
}

export const MemberGrid = memo(function MemberGrid({
  datasource,
  hidden,
  widths,
  onWidths,
  codes,
  editing,
  history = false,
  loading,
  onFirstRows,
  onSortChange,
  onReady,
  onOpenDetail,
}: {
  datasource: IDatasource;
  hidden: ReadonlySet<string>;
  /** Widths the user dragged columns to (their saved layout). */
  widths: Readonly<Record<string, number>>;
  onWidths: (widths: Record<string, number>) => void;
  codes: CodeTables | null;
  /** Null for a user who may only look. */
  editing: MemberEditing | null;
  /** The history roll: who left it, when and why, first. */
  history?: boolean;
  loading: boolean;
  /** The first rows are on screen (the page may now load what is less urgent). */
  onFirstRows: () => void;
  /** The order the user chose by clicking column titles. */
  onSortChange: (sort: MemberSort) => void;
  onReady: (grid: GridApi<Row> | null) => void;
  /** A click on a row's number opens the member's record. */
  onOpenDetail: (memberId: number) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const holder = useRef<HTMLDivElement>(null);
  const gridRef = useRef<GridApi<Row> | null>(null);
  const columns = useMemo(() => memberColumns({ lang, t, hidden, widths, codes, editing, history }), [lang, t, hidden, widths, codes, editing, history]);
  const localeText = useMemo(() => t('agGrid', { returnObjects: true }) as Record<string, string>, [t]);
  useSpreadsheetKeys(holder, gridRef, editing);
  useEffect(() => () => onReady(null), [onReady]);

  const ready = (e: GridReadyEvent<Row>) => {
    gridRef.current = e.api;
    onReady(e.api);
    // A new grid (another language) shows the drafts being typed.
    editing?.showDrafts();
  };
  const editRequest = (e: CellEditRequestEvent<Row>) => {
    const field = e.colDef.field ?? e.column.getColId();
    if (editing && e.node) void editing.editCell(e.node, field, e.newValue);
  };
  const cellClicked = (e: CellClickedEvent<Row>) => {
    if (e.column.getColId() === ROW_NUMBER_COLUMN && e.data && !isDraft(e.data)) onOpenDetail(e.data.id);
  };

  return (
    <div ref={holder} className="member-grid-holder">
    <AgGridReact<Row>
      onGridReady={ready}
      readOnlyEdit
      onCellEditRequest={editRequest}
      onCellClicked={cellClicked}
      onColumnResized={(e) => {
        if (!e.finished || e.source !== 'uiColumnResized' || !e.columns) return;
        onWidths(Object.fromEntries(e.columns.map((c) => [c.getColId(), c.getActualWidth()])));
      }}
      stopEditingWhenCellsLoseFocus
      enterNavigatesVertically
      enterNavigatesVerticallyAfterEdit
      onFirstDataRendered={onFirstRows}
      onSortChanged={(e) => onSortChange(currentSort(e.api))}
      // The grid reads its locale once: a new language makes a new grid.
      key={lang}
      theme={GRID_THEME}
      localeText={localeText}
      columnDefs={columns}
      defaultColDef={DEFAULT_COLUMN}
      rowModelType="infinite"
      datasource={datasource}
      cacheBlockSize={BLOCK_SIZE}
      maxBlocksInCache={200}
      maxConcurrentDatasourceRequests={2}
      blockLoadDebounceMillis={30}
      getRowId={rowId}
      rowBuffer={6}
      animateRows={false}
      loading={loading}
      loadingOverlayComponent={LoadingOverlay}
      noRowsOverlayComponent={NoRowsOverlay}
      tooltipShowDelay={300}
    />
    </div>
  );
});
