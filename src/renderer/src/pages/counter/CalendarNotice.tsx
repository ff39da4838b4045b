// A warning while a year the due dates may reach has no holiday arrangement: the program knows the official
// calendar only for the years its package was published with, and next year's is published each November.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';

/** Next year matters from October: a 90-working-day limit accepted then runs into it. */
const NEXT_YEAR_FROM_MONTH = 9;

/** `compact`: one line, for the pages a clerk works on every day. */
export function CalendarNotice({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const calendar = useApi('workdays.calendar', {});
  const [thisYear, nextYear] = calendar.data?.years ?? [];
  const unknown = [thisYear, new Date().getMonth() >= NEXT_YEAR_FROM_MONTH ? nextYear : undefined].filter((y) => y && !y.builtIn && y.overrides === 0);
  if (unknown.length === 0) return null;
  const years = unknown.map((y) => y!.year).join('、');
  return compact ? (
    <Alert className="calendar-notice" type="warning" showIcon title={t('workdays.unknownYearShort', { years })} />
  ) : (
    <Alert className="calendar-notice" type="warning" showIcon title={t('workdays.unknownYear', { years })} description={t('workdays.unknownYearHelp', { years })} />
  );
}
