// How the counter's codes read on screen: the three lists, request states and the red/yellow marks,
// limits in working days, and the matter search by name or pinyin initials.
import { Tag } from 'antd';
import { pinyin } from 'pinyin-pro';
import { useTranslation } from 'react-i18next';
import type { ServiceMatterInfo, ServiceRequestRow } from '../../../../shared/api/contract-counter';
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

/** Lower-case pinyin initials of a matter's name: 城乡居民基本养老保险 → cxjmjbylbx. */
function initials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();
}

const initialsCache = new Map<string, string>();

/** True when `query` is in the matter's name, or its letters appear in order in the name's pinyin initials. */
export function matterMatches(matter: Pick<ServiceMatterInfo, 'name'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  if (matter.name.toLowerCase().includes(q)) return true;
  if (!/^[a-z]+$/.test(q)) return false;
  let letters = initialsCache.get(matter.name);
  if (letters === undefined) {
    letters = initials(matter.name);
    initialsCache.set(matter.name, letters);
  }
  if (letters.includes(q)) return true;
  let at = 0;
  for (const ch of letters) if (ch === q[at]) at++;
  return at === q.length;
}
