// The members grid: AG Grid Community's infinite row model over `members.list`. The grid asks for rows
// startRow…endRow and a sort model; the core filters, sorts and pages in SQL, so 100,000 members open
// as fast as 100. Only the AG Grid modules used here are registered (this page is loaded on demand).
import {
  CellStyleModule,
  ColumnApiModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  TooltipModule,
  themeQuartz,
  type ColDef,
  type GetRowIdFunc,
  type GridApi,
  type IDatasource,
  type SortModelItem,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Empty, Spin } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, MemberRow } from '../../../../shared/api/contract';
import type { MemberSortField } from '../../../../shared/api/schemas';
import { api } from '../../api/client';
import { PARTY_RED } from '../../app/theme';
import { useLanguage } from '../../lib/use-language';
import { memberColumns, SORTABLE_FIELDS } from './member-columns';

ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  ColumnApiModule,
  TooltipModule,
  CellStyleModule,
  LocaleModule,
]);

export type MemberFilters = Omit<ApiInput<'members.list'>, 'sort' | 'offset' | 'limit' | 'status'>;

type Row = MemberRow & Record<string, unknown>;

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

export const MemberGrid = memo(function MemberGrid({
  datasource,
  hidden,
  loading,
  onFirstRows,
  onSortChange,
}: {
  datasource: IDatasource;
  hidden: ReadonlySet<string>;
  loading: boolean;
  /** The first rows are on screen (the page may now load what is less urgent). */
  onFirstRows: () => void;
  /** The order the user chose by clicking column titles. */
  onSortChange: (sort: MemberSort) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const columns = useMemo(() => memberColumns(lang, t, hidden), [lang, t, hidden]);
  const localeText = useMemo(() => t('agGrid', { returnObjects: true }) as Record<string, string>, [t]);

  return (
    <AgGridReact<Row>
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
      enableCellTextSelection
      tooltipShowDelay={600}
    />
  );
});
