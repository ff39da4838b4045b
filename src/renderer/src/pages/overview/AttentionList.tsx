// "Needs attention today": overdue items first (red), then those due within 30 days (amber); each opens the
// page where it is handled.
import { Card, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttentionItem } from '../../../../shared/api/contract-overview';
import { DEVELOP_STEP_NAMES } from '../../../../shared/i18n/messages-develop';
import type { DevelopStep } from '../../../../shared/develop/rules';
import { useLanguage } from '../../lib/use-language';

function useDetail(): (item: AttentionItem) => string | null {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (item) => {
    if (item.detail === null) return null;
    switch (item.kind) {
      case 'meetingMissing': {
        const [type, period] = item.detail.split(':');
        return `${t(`life.type.${type}`)} ${period}`;
      }
      case 'developStepDue':
        return DEVELOP_STEP_NAMES[lang][item.detail as DevelopStep] ?? item.detail;
      case 'disclosureDue':
        return t(`gov.area.${item.detail}`);
      case 'duesArrears':
        return t('home.attention.monthsInRow', { months: item.detail });
      default:
        return item.detail;
    }
  };
}

export function AttentionList({ items, total }: { items: readonly AttentionItem[]; total: number }) {
  const { t } = useTranslation();
  const detail = useDetail();
  return (
    <Card className="panel attention-card" title={t('home.attention.title')} extra={items.length > 0 && <span className="cell-muted">{t('home.attention.more', { count: total })}</span>}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.attention.none')} />
      ) : (
        <ul className="attention-list">
          {items.map((item, i) => (
            <li key={`${item.kind}-${i}`}>
              <a href={`#${item.link}`} className={`attention-item is-${item.severity}`}>
                <Tag color={item.severity === 'overdue' ? 'red' : 'orange'}>{t(`home.attention.${item.severity}`)}</Tag>
                <span className="attention-kind">{t(`home.attention.kind.${item.kind}`)}</span>
                <span className="attention-subject">{item.subject}</span>
                {detail(item) && <span className="cell-muted">{detail(item)}</span>}
                <span className="attention-right">
                  {item.communityName && <span className="attention-community">{item.communityName}</span>}
                  {item.dueOn && <span className="cell-muted">{t('home.attention.dueOn', { date: item.dueOn })}</span>}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
