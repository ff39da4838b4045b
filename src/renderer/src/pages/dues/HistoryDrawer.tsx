// A member's dues: the standard in force with its rule, paid-to month, the history of bases by effective
// month, and every payment with its receipt — a payment is reversed by a counter-entry, never deleted.
import { Alert, App, Button, Descriptions, Drawer, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuesPaymentInfo } from '../../../../shared/api/contract-dues';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useReportError } from '../../lib/errors';
import { formatMonth } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { PrintButton } from '../../print/PrintButton';
import { BaseModal } from './BaseModal';
import { yuan } from './dues-format';

export function HistoryDrawer({ memberId, canEdit, onClose, onChanged }: { memberId: number | null; canEdit: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const report = useReportError();
  const history = useApi('dues.history', { memberId: memberId ?? 0 }, [memberId], { enabled: memberId !== null });
  const [addingBase, setAddingBase] = useState(false);
  const h = history.data && history.data.memberId === memberId ? history.data : undefined;
  const k = (key: string, o?: Record<string, unknown>) => t(`dues.history.${key}`, o ?? {});
  const c = (key: string) => t(`dues.history.columns.${key}`);

  const reverse = (p: DuesPaymentInfo) => {
    let reason = '';
    Modal.confirm({
      title: `${k('reverse')} ${p.receiptNumber}`,
      content: <Input placeholder={k('reverseReason')} onChange={(e) => (reason = e.target.value)} aria-label={k('reverseReason')} />,
      okText: k('reverse'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const r = await api.call('dues.reverse', { paymentId: p.id, reason });
          void message.success(`${k('reversal')} ${r.receiptNumber}`);
          await history.reload();
          onChanged();
        } catch (error) {
          report(error);
          throw error;
        }
      },
    });
  };

  return (
    <Drawer open={memberId !== null} size={820} title={h ? k('title', { name: h.name }) : ''} onClose={onClose} destroyOnHidden>
      {history.error ? <Alert type="error" message={String((history.error as Error).message)} /> : null}
      {h && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={k('current')}>{h.current ? <span className="dues-rule">{h.current.rule}</span> : k('noBase')}</Descriptions.Item>
            <Descriptions.Item label={t('dues.columns.branch')}>{h.branch}</Descriptions.Item>
            <Descriptions.Item label={k('standing')}>{h.paidTo ? k('paidTo', { month: formatMonth(h.paidTo, lang) }) : k('notPaid')}</Descriptions.Item>
          </Descriptions>
          <div>
            <div className="dues-toolbar">
              <strong>{k('bases')}</strong>
              <span className="dues-spacer" />
              {canEdit && <Button onClick={() => setAddingBase(true)}>{k('addBase')}</Button>}
            </div>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={h.bases}
              columns={[
                { key: 'month', title: c('month'), dataIndex: 'effectiveMonth', width: 90 },
                { key: 'category', title: c('category'), render: (_, b) => t(`dues.categories.${b.category}`), width: 90 },
                { key: 'monthly', title: c('monthly'), align: 'right', render: (_, b) => <span className="dues-figure">{yuan(b.monthlyFen)}</span>, width: 90 },
                { key: 'rule', title: c('rule'), render: (_, b) => <span className="dues-rule">{b.rule}</span> },
              ]}
            />
          </div>
          <div>
            <div className="dues-toolbar">
              <strong>{k('payments')}</strong>
              <span className="dues-spacer" />
              <PrintButton size="small" doc="duesStatement" params={{ year: new Date().getFullYear(), member: h.memberId }} label={t('dues.statement')} />
            </div>
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              dataSource={h.payments}
              rowClassName={(p) => (p.reversedBy !== null ? 'dues-row-reversed' : '')}
              columns={[
                { key: 'number', title: c('number'), dataIndex: 'receiptNumber', width: 110 },
                { key: 'paidOn', title: c('paidOn'), dataIndex: 'paidOn', width: 100 },
                { key: 'months', title: c('months'), render: (_, p) => p.periods.join('、') },
                { key: 'amount', title: c('amount'), align: 'right', width: 100, render: (_, p) => <span className="dues-figure">{yuan(p.amountFen)}</span> },
                { key: 'method', title: c('method'), width: 80, render: (_, p) => t(`dues.methods.${p.method}`) },
                {
                  key: 'actions',
                  width: 170,
                  render: (_, p) => (
                    <Space size={4}>
                      {p.reversalOf !== null && <Tag>{k('reversal')}</Tag>}
                      {p.reversedBy !== null && <Tag>{k('reversed')}</Tag>}
                      <PrintButton size="small" type="link" doc="duesReceipt" params={{ payment: p.id }} label={k('receipt')} />
                      {canEdit && p.reversalOf === null && p.reversedBy === null && (
                        <Button size="small" type="link" danger onClick={() => reverse(p)}>
                          {k('reverse')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </div>
        </Space>
      )}
      {memberId !== null && (
        <BaseModal
          open={addingBase}
          memberId={memberId}
          onClose={() => setAddingBase(false)}
          onSaved={() => {
            setAddingBase(false);
            void history.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
