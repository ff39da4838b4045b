// How a transfer's kind and state read on screen: tags for the direction and the status, the days left
// on the letter, and where the receipt stands.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransferRow } from '../../../../shared/api/contract';
import type { TransferDirection, TransferStatus } from '../../../../shared/api/schemas';

/** As clerks list them: out first (the letters this street issues), then in, then within. */
export const DIRECTION_ORDER: readonly TransferDirection[] = ['out', 'in', 'within'];

const DIRECTION_COLORS: Record<TransferDirection, string> = { out: 'volcano', in: 'green', within: 'blue' };

export function DirectionTag({ direction }: { direction: TransferDirection }) {
  const { t } = useTranslation();
  return (
    <Tag variant="filled" color={DIRECTION_COLORS[direction]} className="transfer-tag">
      {t(`transfers.direction.${direction}`)}
    </Tag>
  );
}

const STATUS_CLASSES: Record<TransferStatus, string> = {
  issued: 'is-issued',
  received: 'is-received',
  receipt_returned: 'is-done',
  expired: 'is-expired',
  cancelled: 'is-cancelled',
};

export function StatusBadge({ transfer }: { transfer: TransferRow }) {
  const { t } = useTranslation();
  // An incoming letter is done once the member reported here: it reads as finished, not as waiting.
  const done = transfer.status === 'receipt_returned' || (transfer.status === 'received' && transfer.direction === 'in');
  return (
    <span className={`transfer-status ${done ? 'is-done' : STATUS_CLASSES[transfer.status]}`}>
      <span className="transfer-status-dot" />
      {t(`transfers.status.${transfer.status}`)}
    </span>
  );
}

export function DaysLeft({ transfer }: { transfer: TransferRow }) {
  const { t } = useTranslation();
  const days = transfer.daysLeft;
  if (days === null) return <span className="muted">—</span>;
  if (days < 0) return <span className="transfer-expired">{t('transfers.expiredDays', { days: -days })}</span>;
  if (days === 0) return <span className="transfer-last-day">{t('transfers.lastDay')}</span>;
  return <span className={days <= 3 ? 'transfer-last-day' : undefined}>{t('transfers.daysLeft', { days })}</span>;
}

export function ReceiptState({ transfer }: { transfer: TransferRow }) {
  const { t } = useTranslation();
  const stacked = (className: string, state: string, date: string) => (
    <span className="transfer-stacked">
      <span className={className}>{state}</span>
      <span className="transfer-stacked-sub">{date}</span>
    </span>
  );
  if (transfer.receiptReturnedOn) return stacked('transfer-receipt-back', t('transfers.receiptReturned'), transfer.receiptReturnedOn);
  if (transfer.status === 'cancelled') return <span className="muted">—</span>;
  if (transfer.direction === 'in') return <span className="muted">{t('transfers.receiptOwn')}</span>;
  if (!transfer.receiptDueOn) return <span className="muted">—</span>;
  const dueBy = t('transfers.receiptDueBy', { date: transfer.receiptDueOn });
  return transfer.receiptOverdue ? stacked('transfer-receipt-overdue', t('transfers.receiptOverdue'), dueBy) : stacked('transfer-receipt-due', t('transfers.receiptDue'), dueBy);
}
