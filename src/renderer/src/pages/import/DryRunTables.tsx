// The dry run's detail: every rejected cell (Excel row, column, the value, why), the duplicate ID numbers
// with what will happen to them, and the rows left out as titles or footers.
import { Empty, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/api/contract';

type Rejected = ImportReport['rejected'][number];
type Duplicate = ImportReport['duplicates'][number];

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** 列 as a clerk finds it in Excel: the letter, then the header. */
function columnText(cell: Rejected): string {
  return cell.letter ? `${cell.letter} ${cell.column}` : cell.column;
}

export function RejectedTable({ rejected }: { rejected: readonly Rejected[] }) {
  const { t } = useTranslation();
  const rows = useMemo(() => rejected.map((cell, i) => ({ ...cell, key: i })), [rejected]);
  const columnFilters = useMemo(() => [...new Set(rejected.map(columnText))].map((text) => ({ text, value: text })), [rejected]);
  const reasonFilters = useMemo(() => {
    const byCode = new Map<string, string>();
    // A reason without its column label reads as the kind of problem (最后一位校验码对不上 …).
    for (const cell of rejected) {
      if (byCode.has(cell.code)) continue;
      const text = cell.message.startsWith(cell.column) ? cell.message.slice(cell.column.length).replace(/^[：:\s]+/, '') : cell.message;
      byCode.set(cell.code, text || cell.code);
    }
    return [...byCode].map(([value, text]) => ({ text, value }));
  }, [rejected]);

  if (rejected.length === 0) return <Empty className="import-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('importMembers.dryRun.noRejected')} />;
  return (
    <Table<Rejected & { key: number }>
      className="import-rejected-table"
      size="small"
      dataSource={rows}
      pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], hideOnSinglePage: true }}
      columns={[
        {
          key: 'row',
          title: t('importMembers.dryRun.row'),
          dataIndex: 'row',
          width: 104,
          align: 'right',
          defaultSortOrder: 'ascend',
          sorter: (a, b) => a.row - b.row,
          render: (row: number) => <span className="mono">{row}</span>,
        },
        {
          key: 'column',
          title: t('importMembers.dryRun.column'),
          width: 200,
          filters: columnFilters,
          onFilter: (value, cell) => columnText(cell) === value,
          sorter: (a, b) => (a.letter ?? '').length - (b.letter ?? '').length || (a.letter ?? '').localeCompare(b.letter ?? '') || a.column.localeCompare(b.column),
          render: (_: unknown, cell) => (
            <span className="import-cell-column">
              {cell.letter && <span className="import-letter">{cell.letter}</span>}
              {cell.column}
            </span>
          ),
        },
        {
          key: 'value',
          title: t('importMembers.dryRun.value'),
          dataIndex: 'value',
          width: 200,
          render: (value: unknown) => {
            const text = valueText(value);
            return text ? <span className="mono import-cell-value">{text}</span> : <span className="muted">{t('importMembers.dryRun.blankValue')}</span>;
          },
        },
        {
          key: 'reason',
          title: t('importMembers.dryRun.reason'),
          dataIndex: 'message',
          filters: reasonFilters,
          onFilter: (value, cell) => cell.code === value,
          render: (message: string) => <span className="import-reason">{message}</span>,
        },
      ]}
    />
  );
}

export function DuplicatesTable({ duplicates }: { duplicates: readonly Duplicate[] }) {
  const { t } = useTranslation();
  if (duplicates.length === 0) return <Empty className="import-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('importMembers.dryRun.noDuplicates')} />;
  return (
    <Table<Duplicate>
      size="small"
      rowKey="row"
      dataSource={[...duplicates]}
      pagination={{ defaultPageSize: 10, hideOnSinglePage: true, showSizeChanger: true }}
      columns={[
        {
          key: 'row',
          title: t('importMembers.dryRun.row'),
          dataIndex: 'row',
          width: 104,
          align: 'right',
          defaultSortOrder: 'ascend',
          sorter: (a, b) => a.row - b.row,
          render: (row: number) => <span className="mono">{row}</span>,
        },
        { key: 'name', title: t('importMembers.dryRun.name'), dataIndex: 'name', width: 120 },
        { key: 'idNumber', title: t('importMembers.dryRun.idNumber'), dataIndex: 'idNumber', width: 200, render: (id: string) => <span className="mono">{id}</span> },
        {
          key: 'existing',
          title: t('importMembers.dryRun.existing'),
          render: (_: unknown, d) =>
            d.existing === 'archive' ? t('importMembers.dryRun.existingArchive', { name: d.name }) : t('importMembers.dryRun.existingFile'),
        },
        {
          key: 'action',
          title: t('importMembers.dryRun.action'),
          dataIndex: 'action',
          width: 150,
          filters: [
            { text: t('importMembers.dryRun.actionSkipped'), value: 'skipped' },
            { text: t('importMembers.dryRun.actionUpdated'), value: 'updated' },
          ],
          onFilter: (value, d) => d.action === value,
          render: (action: Duplicate['action']) =>
            action === 'updated' ? (
              <Tag variant="filled" color="blue">
                {t('importMembers.dryRun.actionUpdated')}
              </Tag>
            ) : (
              <Tag variant="filled">{t('importMembers.dryRun.actionSkipped')}</Tag>
            ),
        },
      ]}
    />
  );
}

export function IgnoredRows({ rows }: { rows: readonly number[] }) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) return <Empty className="import-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('importMembers.dryRun.noIgnored')} />;
  const separator = i18n.language === 'en' ? ', ' : '、';
  return <p className="import-ignored">{t('importMembers.dryRun.ignoredRows', { rows: rows.join(separator) })}</p>;
}
