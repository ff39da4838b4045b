// The month's Party activity week (the second week by default) with each branch's fixed day and its meetings
// of the month, planned or held; an administrator sets a branch's fixed day here.
import { DatePicker, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifeCalendarDay } from '../../../../shared/api/contract-life';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useReportError } from '../../lib/errors';

export function CalendarTab({ canSetDays, reloadKey }: { canSetDays: boolean; reloadKey: number }) {
  const { t } = useTranslation();
  const report = useReportError();
  const [month, setMonth] = useState(dayjs().startOf('month'));
  const calendar = useApi('life.calendar', { year: month.year(), month: month.month() + 1 }, [month.valueOf(), reloadKey]);
  const setDay = async (orgId: number, weekday: number | null) => {
    try {
      await api.call('life.saveRules', { orgDays: [{ orgId, weekday }] });
      await calendar.reload();
    } catch (error) {
      report(error);
    }
  };
  const data = calendar.data;
  return (
    <>
      <div className="life-toolbar">
        <DatePicker picker="month" value={month} allowClear={false} onChange={(d) => d && setMonth(d.startOf('month'))} aria-label={t('life.calendar.month')} />
        {data && <Tag color="red">{t('life.calendar.week', { start: data.weekStart, end: data.weekEnd, n: data.activityWeek })}</Tag>}
      </div>
      <Table<LifeCalendarDay>
        rowKey="orgId"
        size="middle"
        loading={calendar.loading}
        dataSource={data?.branches ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { key: 'org', title: t('life.columns.org'), dataIndex: 'orgName', width: 200 },
          { key: 'community', title: t('life.columns.community'), dataIndex: 'communityName', width: 120 },
          {
            key: 'day',
            title: t('life.columns.fixedDay'),
            width: 220,
            render: (_, b) =>
              canSetDays ? (
                <Select
                  size="small"
                  style={{ width: 140 }}
                  allowClear
                  placeholder={t('life.calendar.noDay')}
                  value={b.weekday ?? undefined}
                  onChange={(v) => void setDay(b.orgId, v ?? null)}
                  aria-label={`${b.orgName} ${t('life.calendar.setDay')}`}
                  options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`life.calendar.weekday.${d}`) }))}
                />
              ) : b.weekday === null ? (
                <span className="cell-muted">{t('life.calendar.noDay')}</span>
              ) : (
                t(`life.calendar.weekday.${b.weekday}`)
              ),
          },
          { key: 'date', title: t('life.columns.heldOn'), dataIndex: 'date', width: 110 },
          {
            key: 'meetings',
            title: t('life.columns.meetings'),
            render: (_, b) =>
              b.meetings.map((m) => (
                <Tag key={m.id} color={m.status === 'held' ? 'green' : 'blue'}>
                  {m.heldOn.slice(5)} {t(`life.type.${m.meetingType}`)} · {t(`life.status.${m.status}`)}
                </Tag>
              )),
          },
        ]}
      />
    </>
  );
}
