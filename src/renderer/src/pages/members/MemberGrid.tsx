// The members grid: AG Grid Community's infinite row model over `members.list`. The grid asks for rows
// startRow…endRow and a sort model; the core filters, sorts and pages in SQL, so 100,000 members open
// as fast as 100. Only the AG Grid modules used here are registered (this page is loaded on demand).
import {
  CellStyleModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  TooltipModule,
  themeQuartz,
  type IDatasource,
  type SortModelItem,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Empty, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, MemberRow } from '../../../../shared/api/contract';
import type { MemberSortField } from '../../../../shared/api/schemas';
import { api } from '../../api/client';
import { PARTY_RED } from '../../app/theme';
import { useLanguage } from '../../lib/use-language';
import { memberColumns, SORTABLE_FIELDS } from './member-columns';

ModuleRegistry.registerModules([
  InfiniteRowModelModule,
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

/** A datasource for one set of filters; a new set of filters makes a new datasource (and a fresh cache). */
export function membersDatasource(filters: MemberFilters, events: MemberGridEvents): IDatasource {
  return {
    getRows(params) {
      api
        .call('members.list', {
          ...filters,
          sort: toSort(params.sortModel),
          offset: params.startRow,
          limit: params.endRow - params.startRow,
        })
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

export function MemberGrid({ datasource, hidden, loading }: { datasource: IDatasource; hidden: ReadonlySet<string>; loading: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const columns = useMemo(() => memberColumns(lang, t, hidden), [lang, t, hidden]);
  const localeText = useMemo(() => t('agGrid', { returnObjects: true }) as Record<string, string>, [t]);

  return (
    <AgGridReact<Row>
      // The grid reads its locale once: a new language makes a new grid.
      key={lang}
      theme={GRID_THEME}
      localeText={localeText}
      columnDefs={columns}
      defaultColDef={{ resizable: true, suppressMovable: true, sortingOrder: ['asc', 'desc', null] }}
      rowModelType="infinite"
      datasource={datasource}
      cacheBlockSize={BLOCK_SIZE}
      maxBlocksInCache={200}
      maxConcurrentDatasourceRequests={2}
      blockLoadDebounceMillis={30}
      getRowId={(p) => String(p.data.id)}
      loading={loading}
      loadingOverlayComponent={LoadingOverlay}
      noRowsOverlayComponent={NoRowsOverlay}
      enableCellTextSelection
      tooltipShowDelay={600}
      suppressDragLeaveHidesColumns
    />
  );
}
