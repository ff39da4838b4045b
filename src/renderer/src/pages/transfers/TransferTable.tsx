// The letters as a table: number, kind, member, from → to, dates, days left, status and receipt, and —
// for clerks — the next steps the letter's state allows. What belongs together (name, category and ID number;
// issue date and last valid day) shares a column, so the whole letter fits a 1366-pixel screen.
import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Table, Tooltip } from 'antd';
import { PrintButton } from '../../print/PrintButton';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransferRow } from '../../../../shared/api/contract';
import { DaysLeft, DirectionTag, ReceiptState, StatusBadge } from './transfer-labels';

export type TransferStep = 'receive' | 'returnReceipt' | 'cancel';

const isIssued = (t: TransferRow) => t.status === 'issued' || t.status === 'expired';

/** The steps a letter in this state can take next (the core refuses the others anyway). */
export function stepsFor(transfer: TransferRow): TransferStep[] {
  const steps: TransferStep[] = [];
  if (isIssued(transfer)) steps.push('receive');
  if ((transfer.direction === 'out' && (isIssued(transfer) || transfer.status === 'received')) || (transfer.direction === 'within' && transfer.status === 'received')) {
    steps.push('returnReceipt');
  }
  if (isIssued(transfer)) steps.push('cancel');
  return steps;
}

function OrgName({ name, inTree }: { name: string; inTree: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="transfer-org">
      <span className="transfer-org-name">{name}</span>
      {!inTree && <span className="transfer-outside">{t('transfers.outside')}</span>}
    </span>
  );
}

function StepMenu({ transfer, onStep }: { transfer: TransferRow; onStep: (transfer: TransferRow, step: TransferStep) => void }) {
  const { t } = useTranslation();
  const steps = stepsFor(transfer);
  if (steps.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: steps.map((step) => ({ key: step, label: t(`transfers.actions.${step}`), danger: step === 'cancel' })),
        onClick: ({ key }) => onStep(transfer, key as TransferStep),
      }}
    >
      <Button size="small" className="transfer-step-button">
        {t('transfers.actions.menu')}
        <DownOutlined className="button-caret" />
      </Button>
    </Dropdown>
  );
}

export function TransferTable({
  rows,
  total,
  loading,
  pagination,
  canEdit,
  emptyText,
  onStep,
}: {
  rows: TransferRow[];
  total: number;
  loading: boolean;
  pagination: { current: number; pageSize: number; onChange: (page: number, pageSize: number) => void };
  canEdit: boolean;
  emptyText: string;
  onStep: (transfer: TransferRow, step: TransferStep) => void;
}) {
  const { t } = useTranslation();
  const paging: TablePaginationConfig = {
    current: pagination.current,
    pageSize: pagination.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    hideOnSinglePage: total <= 20,
    showTotal: (n) => t('transfers.total', { total: n }),
    onChange: pagination.onChange,
  };

  return (
    <Table<TransferRow>
      className="transfer-table"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={paging}
      locale={{ emptyText }}
      tableLayout="fixed"
      scroll={{ x: canEdit ? 1070 : 886 }}
      rowClassName={(row) => (row.expired || row.receiptOverdue ? 'transfer-row-overdue' : row.open ? '' : 'transfer-row-closed')}
      columns={[
        {
          key: 'letterNumber',
          title: t('transfers.columns.letterNumber'),
          dataIndex: 'letterNumber',
          width: 168,
          ellipsis: { showTitle: true },
          render: (value: string) => <span className="mono transfer-letter">{value}</span>,
        },
        { key: 'direction', title: t('transfers.columns.direction'), dataIndex: 'direction', width: 60, render: (_: unknown, row) => <DirectionTag direction={row.direction} /> },
        {
          key: 'person',
          title: t('transfers.columns.person'),
          width: 172,
          render: (_: unknown, row) => (
            <span className="transfer-stacked">
              <span className="transfer-person-line">
                <span className="transfer-name">{row.memberName}</span>
                <span className={`transfer-category is-${row.memberCategory}`}>{t(`transfers.category.${row.memberCategory}`)}</span>
              </span>
              <span className="transfer-stacked-sub mono">{row.memberIdNumber}</span>
            </span>
          ),
        },
        {
          key: 'route',
          title: t('transfers.columns.route'),
          render: (_: unknown, row) => (
            <Tooltip title={`${row.fromOrgName} → ${row.toOrgName}`} mouseEnterDelay={0.6}>
              <div className="transfer-route">
                <OrgName name={row.fromOrgName} inTree={row.fromOrgId !== null} />
                <span className="transfer-route-to">
                  <span className="transfer-arrow">→</span>
                  <OrgName name={row.toOrgName} inTree={row.toOrgId !== null} />
                </span>
              </div>
            </Tooltip>
          ),
        },
        {
          key: 'dates',
          title: (
            <span className="transfer-stacked">
              <span>{t('transfers.columns.issuedOn')}</span>
              <span>{t('transfers.columns.validUntil')}</span>
            </span>
          ),
          width: 108,
          render: (_: unknown, row) => (
            <span className="transfer-stacked mono">
              <span>{row.issuedOn}</span>
              <span className={row.expired ? 'transfer-expired-date' : 'transfer-stacked-sub'}>{row.validUntil}</span>
            </span>
          ),
        },
        { key: 'daysLeft', title: t('transfers.columns.daysLeft'), width: 98, render: (_: unknown, row) => <DaysLeft transfer={row} /> },
        {
          key: 'status',
          title: t('transfers.columns.status'),
          width: 106,
          render: (_: unknown, row) => {
            const detail =
              row.status === 'cancelled'
                ? t('transfers.cancelledOn', { date: row.cancelledOn ?? '', reason: row.cancelReason ?? '' })
                : row.receivedOn
                  ? t('transfers.receivedOn', { date: row.receivedOn })
                  : null;
            return detail ? (
              <Tooltip title={detail}>
                <span>
                  <StatusBadge transfer={row} />
                </span>
              </Tooltip>
            ) : (
              <StatusBadge transfer={row} />
            );
          },
        },
        { key: 'receipt', title: t('transfers.columns.receipt'), width: 104, render: (_: unknown, row) => <ReceiptState transfer={row} /> },
        // An introduction letter is issued by a clerk: a viewer sees the list but prints no letter.
        ...(canEdit
          ? [
              {
                key: 'print',
                title: t('print.print'),
                width: 84,
                align: 'center' as const,
                render: (_: unknown, row: TransferRow) =>
                  row.direction === 'in' ? null : <PrintButton size="small" type="link" doc="letter" params={{ transfer: row.id }} label={t('print.letter.open')} />,
              },
            ]
          : []),
        ...(canEdit
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 96,
                align: 'center' as const,
                render: (_: unknown, row: TransferRow) => <StepMenu transfer={row} onStep={onStep} />,
              },
            ]
          : []),
      ]}
    />
  );
}
