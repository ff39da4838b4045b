// 服务统计: one month of the counter — accepted and closed, the on-time rate, average satisfaction, open
// requests overdue now, requests by list and by matter, and volunteer hours by team.
import { Card, DatePicker, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterStats } from '../../../../shared/api/contract-counter';
import { useApi } from '../../api/use-api';
import type { PageProps } from '../../app/routes';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../lib/errors';
import { ListClassTag } from './counter-labels';
import './counter.css';

type MatterCount = CounterStats['byMatter'][number];
type TeamHours = CounterStats['volunteerHoursByTeam'][number];

export default function ServiceStatsPage({ subPath }: PageProps) {
  const { t } = useTranslation();
  // #/service-stats/2026-10 opens that month (the overview's figures link here).
  const [period, setPeriod] = useState(/^\d{4}-(0[1-9]|1[0-2])$/.test(subPath) ? subPath : dayjs().format('YYYY-MM'));
  const stats = useApi('counter.stats', { period }, [period]);
  const s = stats.data;
  const dash = t('common.empty');

  return (
    <div className="page stats-page">
      <PageHeader
        title={t('serviceStats.title')}
        description={t('serviceStats.description')}
        extra={<DatePicker picker="month" value={dayjs(`${period}-01`)} allowClear={false} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))} aria-label={t('serviceStats.month')} />}
      />
      {stats.error ? <div className="load-error">{errorText(stats.error)}</div> : null}
      <div className="stats-tiles">
        <Card className="panel service-card">
          <Statistic title={t('serviceStats.accepted')} value={s?.accepted ?? 0} loading={!s} />
        </Card>
        <Card className="panel service-card">
          <Statistic title={t('serviceStats.closed')} value={s?.closed ?? 0} loading={!s} />
        </Card>
        <Card className="panel service-card">
          <Statistic title={t('serviceStats.onTimeRate')} value={s?.onTimeRate ?? dash} suffix={s?.onTimeRate !== null && s ? '%' : undefined} precision={s?.onTimeRate === null ? undefined : 1} loading={!s} />
          {s && <div className="cell-muted">{t('serviceStats.onTimeDetail', { onTime: s.closedOnTime, closed: s.closed })}</div>}
        </Card>
        <Card className="panel service-card">
          <Statistic title={t('serviceStats.satisfaction')} value={s?.averageSatisfaction ?? dash} precision={s?.averageSatisfaction === null ? undefined : 2} suffix={s?.averageSatisfaction ? '/ 5' : undefined} loading={!s} />
          {s && <div className="cell-muted">{t('serviceStats.rated', { count: s.rated })}</div>}
        </Card>
        <Card className={`panel service-card${s && s.openOverdue > 0 ? ' stats-overdue' : ''}`}>
          <Statistic title={t('serviceStats.openOverdue')} value={s?.openOverdue ?? 0} loading={!s} />
        </Card>
      </div>
      <div className="stats-grid">
        <Card className="panel service-card" title={t('serviceStats.byList')}>
          <Table
            rowKey="listClass"
            size="small"
            pagination={false}
            dataSource={s?.byList ?? []}
            columns={[
              { key: 'list', title: t('matters.columns.listClass'), render: (_, r) => <span><ListClassTag listClass={r.listClass} />{t(`counter.listClassLong.${r.listClass}`)}</span> },
              { key: 'count', title: t('serviceStats.count'), dataIndex: 'count', align: 'right' },
            ]}
          />
          <h3 className="drawer-section">{t('serviceStats.hoursByTeam')}</h3>
          <Table<TeamHours>
            rowKey={(r) => String(r.teamId)}
            size="small"
            pagination={false}
            locale={{ emptyText: t('serviceStats.noData') }}
            dataSource={s?.volunteerHoursByTeam ?? []}
            columns={[
              { key: 'team', title: t('volunteers.columns.teamName'), render: (_, r) => r.teamName ?? t('serviceStats.noTeam') },
              { key: 'records', title: t('serviceStats.records'), dataIndex: 'records', align: 'right' },
              { key: 'hours', title: t('serviceStats.hours'), dataIndex: 'hours', align: 'right' },
            ]}
          />
        </Card>
        <Card className="panel service-card" title={t('serviceStats.byMatter')}>
          <Table<MatterCount>
            rowKey={(r) => `${r.matterId}:${r.listClass}`}
            size="small"
            pagination={{ pageSize: 15, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: t('serviceStats.noData') }}
            dataSource={s?.byMatter ?? []}
            columns={[
              { key: 'matter', title: t('matters.columns.name'), render: (_, r) => <span><ListClassTag listClass={r.listClass} />{r.matterName}</span> },
              { key: 'count', title: t('serviceStats.count'), dataIndex: 'count', align: 'right', width: 80 },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
