// How the counter's codes read on screen: the three lists, request states and the red/yellow marks,
// limits in working days. The matter search by name or pinyin is in matter-search.ts.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceRequestRow } from '../../../../shared/api/contract-counter';
import type { ListClass } from '../../../../shared/api/schemas-counter';

const LIST_COLORS: Record<ListClass, string> = { immediate: 'green', agency: 'blue', guidance: 'purple' };

export function ListClassTag({ listClass }: { listClass: ListClass }) {
  const { t } = useTranslation();
  return (
    <Tag variant="filled" color={LIST_COLORS[listClass]} className="counter-tag">
      {t(`counter.listClass.${listClass}`)}
    </Tag>
  );
}

export function RequestStatus({ request }: { request: ServiceRequestRow }) {
  const { t } = useTranslation();
  return (
    <span className={`request-status is-${request.status}`}>
      <span className="request-status-dot" />
      {t(`counter.status.${request.status}`)}
    </span>
  );
}

/** The due date with its mark: red once overdue, yellow when due within one working day. */
export function DueDate({ request }: { request: ServiceRequestRow }) {
  const { t } = useTranslation();
  return (
    <span className={`request-due${request.flag ? ` is-${request.flag}` : ''}`} data-flag={request.flag ?? undefined}>
      {request.dueOn}
      {request.flag && request.flag !== 'waiting' && <span className="request-due-mark">{t(`counter.flag.${request.flag}`)}</span>}
    </span>
  );
}

export function useLimitText(): (days: number) => string {
  const { t } = useTranslation();
  return (days) => (days === 0 ? t('counter.limit.spot') : t('counter.limit.days', { count: days }));
}

export { matterMatches } from './matter-search';
