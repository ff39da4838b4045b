// A list of requests on the counter: number, resident, matter with its list, accepted and due (red when
// overdue, yellow when due within one working day), state and assignee; a row opens the request.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceRequestRow } from '../../../../shared/api/contract-counter';
import { DueDate, ListClassTag, RequestStatus } from './counter-labels';

export function RequestTable({
  rows,
  loading,
  emptyText,
  onOpen,
  pageSize = 10,
}: {
  rows: ServiceRequestRow[];
  loading?: boolean;
  emptyText: string;
  onOpen: (request: ServiceRequestRow) => void;
  pageSize?: number;
}) {
  const { t } = useTranslation();
  return (
    <Table<ServiceRequestRow>
      className="request-table"
      size="middle"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      locale={{ emptyText }}
      pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false, size: 'small' } : false}
      rowClassName={(r) => (r.flag ? `request-row is-${r.flag}` : 'request-row')}
      onRow={(r) => ({
        onClick: () => onOpen(r),
        onKeyDown: (e) => {
          if (e.key === 'Enter') onOpen(r);
        },
        tabIndex: 0,
      })}
      columns={[
        {
          key: 'number',
          title: t('counter.table.number'),
          width: 132,
          render: (_, r) => (
            <div className="request-cell">
              <span className="request-number">{r.number}</span>
              <span className="request-sub">{r.acceptedOn}</span>
            </div>
          ),
        },
        {
          key: 'resident',
          title: t('counter.table.resident'),
          width: 112,
          render: (_, r) => (
            <div className="request-cell">
              <span>{r.residentName}</span>
              <span className="request-sub">{r.residentPhone ?? r.residentAddress ?? ''}</span>
            </div>
          ),
        },
        {
          key: 'matter',
          title: t('counter.table.matter'),
          render: (_, r) => (
            <span className="request-matter" title={r.matterName}>
              <ListClassTag listClass={r.listClass} />
              {r.matterName}
            </span>
          ),
        },
        { key: 'due', title: t('counter.table.dueOn'), width: 140, render: (_, r) => <DueDate request={r} /> },
        {
          key: 'status',
          title: t('counter.table.status'),
          width: 104,
          render: (_, r) => (
            <div className="request-cell">
              <RequestStatus request={r} />
              {r.assigneeName && <span className="request-sub">{r.assigneeName}</span>}
            </div>
          ),
        },
      ]}
    />
  );
}
