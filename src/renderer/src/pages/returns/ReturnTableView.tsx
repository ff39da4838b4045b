// One return table as a person reads it: rows, a total row, and (on the street) the clerk's note under it.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLUMN_LABELS, rowLabel, tableTitle, type ReturnRow, type ReturnTable, type RowsBy } from '../../../../shared/returns/tables';
import { currentLanguage } from '../../i18n';

/** `rowsBy`: what the rows are (a district's consolidated table has a row per street, a city's per district). */
export function ReturnTableView({ table, footer, onRowClick, rowsBy = 'community' }: { table: ReturnTable; footer?: React.ReactNode; onRowClick?: (row: ReturnRow) => void; rowsBy?: RowsBy }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const zh = lang === 'zh-CN';
  const rows = [...table.rows, { key: '__total', label: t('returns.total'), values: table.total }];
  return (
    <section className="return-table" aria-label={tableTitle(table.id, lang, rowsBy)}>
      <h3>{tableTitle(table.id, lang, rowsBy)}</h3>
      <Table<ReturnRow>
        size="small"
        pagination={false}
        tableLayout="auto"
        rowKey="key"
        dataSource={rows}
        rowClassName={(r) => (r.key === '__total' ? 'return-total' : onRowClick ? 'return-clickable' : '')}
        onRow={(r) => ({ onClick: () => (r.key !== '__total' ? onRowClick?.(r) : undefined) })}
        columns={[
          { key: 'label', title: '', render: (_, r) => (r.key === '__total' ? r.label : rowLabel(r, lang)), width: 136 },
          ...table.columns.map((c) => ({
            key: c.key,
            title: (zh ? COLUMN_LABELS[c.key]?.zh : COLUMN_LABELS[c.key]?.en) ?? c.key,
            align: 'right' as const,
            render: (_: unknown, r: ReturnRow) => r.values[c.key] ?? '—',
          })),
        ]}
      />
      {footer}
    </section>
  );
}
