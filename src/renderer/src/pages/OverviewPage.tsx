// 工作台首页: the secretary's overview (issue 18). What needs attention today first, then the street's (or,
// for a user limited to one community, that community's) figures and charts for a month, quarter or year.
// Every figure is a link to the page filtered to what it counts; every number comes from overview.get, which
// reads it through that page's own query. The administrator's status moved to 系统设置 → 系统状态.
import { Button, Card, DatePicker, Segmented, Skeleton, Table } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Overview, RankingRow } from '../../../shared/api/contract-overview';
import type { OverviewSpan } from '../../../shared/api/schemas-overview';
import { formatFen } from '../../../shared/dues/money';
import { useApi } from '../api/use-api';
import { navigate } from '../app/router';
import { useCurrentSession } from '../app/session';
import { Chart } from '../components/Chart';
import { PageHeader } from '../components/PageHeader';
import { errorText } from '../lib/errors';
import { formatLongDate } from '../lib/format';
import { useLanguage } from '../lib/use-language';
import { printHref } from '../print/print-location';
import { AttentionList } from './overview/AttentionList';
import { Tile } from './overview/Tile';
import { agesChart, agesLink, byListChart, communityMembersChart, educationChart, educationLink, joinedChart, joinedLink, lifeChart, lifePeriodLabel, projectsChart, stagesChart } from './overview/overview-charts';
import './overview/overview.css';

const SPANS: readonly OverviewSpan[] = ['month', 'quarter', 'year'];
const percent = (rate: number | null, dash: string) => (rate === null ? dash : `${rate}%`);

export function OverviewPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { user } = useCurrentSession();
  const [period, setPeriod] = useState(dayjs().format('YYYY-MM'));
  const [span, setSpan] = useState<OverviewSpan>('month');
  const overview = useApi('overview.get', { period, span }, [period, span]);
  const o = overview.data;

  return (
    <div className="page overview-page">
      <PageHeader
        title={t('overview.greeting', { name: user.displayName })}
        description={
          <>
            {t('overview.today', { date: formatLongDate(new Date(), lang) })}
            {o && ` · ${o.communityName ?? t('home.street')} · ${t('home.range', { from: o.fromMonth, to: o.toMonth })}`}
          </>
        }
        extra={
          <div className="overview-period">
            <Segmented<OverviewSpan> value={span} onChange={setSpan} options={SPANS.map((s) => ({ value: s, label: t(`home.span.${s}`) }))} />
            <DatePicker picker="month" allowClear={false} value={dayjs(`${period}-01`)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))} aria-label={t('home.month')} />
            <Button icon={<PrinterOutlined />} onClick={() => navigate(printHref('briefing', { period, span }))}>
              {t('home.briefing.open')}
            </Button>
          </div>
        }
      />
      {overview.error ? (
        <div className="load-error">{errorText(overview.error)}</div>
      ) : !o ? (
        <Card className="panel">
          <Skeleton active paragraph={{ rows: 8 }} title={false} />
        </Card>
      ) : (
        <OverviewBody o={o} />
      )}
    </div>
  );
}

function OverviewBody({ o }: { o: Overview }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dash = t('common.empty');
  const n = (v: number) => v.toLocaleString(lang);
  const charts = useMemo(
    () => ({
      byCommunity: communityMembersChart(o, t),
      ages: agesChart(o, t),
      education: educationChart(o, t),
      joined: joinedChart(o),
      stages: stagesChart(o, lang),
      life: lifeChart(o, t),
      byList: byListChart(o, t),
      projects: projectsChart(o, t),
    }),
    [o, t, lang],
  );
  const statsLink = o.span === 'month' ? `/service-stats/${o.period}` : '/service-stats';
  const when = periodName(o, t);
  // States are counted on asOf: today's lists show them while the period runs, that month's return after it.
  const asOf = o.members.current ? t('home.asOf', { date: o.asOf }) : t('home.asOfReturn', { date: o.asOf, month: o.asOf.slice(0, 7) });
  const asOfNoPage = o.current ? t('home.asOf', { date: o.asOf }) : t('home.asOfNoPage', { date: o.asOf });
  const communityLink = (id: number | null) => (id === null ? '/members' : `/members/community-${id}`);
  const go = (link: string | null) => link && navigate(link);

  return (
    <>
      <AttentionList items={o.attention} total={o.attentionTotal} />

      <section className="overview-group" aria-label={t('home.groups.members')}>
        <h2>{t('home.groups.members')}</h2>
        <div className="overview-tiles">
          <Tile label={t('home.tiles.members')} value={n(o.members.total.count)} link={o.members.total.link} detail={asOf} />
          <Tile label={t('home.tiles.full')} value={n(o.members.full.count)} link={o.members.full.link} detail={asOf} />
          <Tile label={t('home.tiles.probationary')} value={n(o.members.probationary.count)} link={o.members.probationary.link} detail={asOf} />
          <Tile label={t('home.tiles.joined', { period: when })} value={n(o.members.joined.count)} link={o.members.joined.link} detail={t('home.tiles.changesDetail')} />
          <Tile label={t('home.tiles.left', { period: when })} value={n(o.members.left.count)} link={o.members.left.link} detail={t('home.tiles.changesDetail')} />
          <Tile label={t('home.tiles.mobile')} value={n(o.members.mobile.count)} link={o.members.mobile.link} detail={asOf} />
          <Tile label={t('home.tiles.lostContact')} value={n(o.members.lostContact.count)} link={o.members.lostContact.link} detail={asOf} tone={o.members.lostContact.count > 0 ? 'alert' : undefined} />
          <Tile label={t('home.tiles.hardship')} value={n(o.members.hardship.count)} link={o.members.hardship.link} detail={asOf} />
          <Tile label={t('home.tiles.developing')} value={n(o.develop.total.count)} link={o.develop.total.link} detail={asOfNoPage} />
          <Tile
            label={t('home.tiles.developSteps', { period: when })}
            value={n(o.develop.steps.admissions)}
            link={o.develop.stepsLink}
            detail={t('home.tiles.developStepsDetail', { admitted: o.develop.steps.admissions, activists: o.develop.steps.activists, candidates: o.develop.steps.candidates, madeFull: o.develop.steps.madeFull })}
          />
          <Tile label={t('home.tiles.developDue')} value={n(o.develop.dueThisMonth.count)} link={o.develop.dueThisMonth.link} />
        </div>
        <div className="overview-charts">
          <ChartCard title={t('home.charts.byCommunity')} wide>
            <Chart label={t('home.charts.byCommunity')} option={charts.byCommunity} onClick={(_, i) => navigate(communityLink(o.members.byCommunity[i]?.communityId ?? null))} />
          </ChartCard>
          <ChartCard title={t('home.charts.ages')}>
            <Chart label={t('home.charts.ages')} option={charts.ages} onClick={(_, i) => go(agesLink(o, i))} />
          </ChartCard>
          <ChartCard title={t('home.charts.education')}>
            <Chart label={t('home.charts.education')} option={charts.education} onClick={(_, i) => go(educationLink(o, i))} />
          </ChartCard>
          <ChartCard title={t('home.charts.joined')}>
            <Chart label={t('home.charts.joined')} option={charts.joined} onClick={(_, i) => go(joinedLink(o, i))} />
          </ChartCard>
          <ChartCard title={t('home.charts.stages')}>
            <Chart label={t('home.charts.stages')} option={charts.stages} onClick={() => navigate('/develop')} />
          </ChartCard>
        </div>
      </section>

      <section className="overview-group" aria-label={t('home.groups.work')}>
        <h2>{t('home.groups.work')}</h2>
        <div className="overview-tiles">
          <Tile label={t('home.tiles.life')} value={percent(o.life.street.rate, dash)} link={o.life.link} detail={t('home.tiles.lifeDetail', { period: lifePeriodLabel(o.life.period, t), done: o.life.street.done, total: o.life.street.total })} />
          <Tile label={t('home.tiles.lifeMissing')} value={n(o.life.missing.count)} link={o.life.missing.link} tone={o.life.missing.count > 0 ? 'alert' : undefined} />
          <Tile label={t('home.tiles.duesPaid')} value={`${formatFen(o.dues.paidFen, true)} / ${formatFen(o.dues.dueFen, true)}`} link={o.dues.link} detail={t('home.tiles.duesDetail', { month: o.dues.period, settled: o.dues.settled, members: o.dues.members })} />
          <Tile label={t('home.tiles.arrears')} value={n(o.dues.arrears.count)} link={o.dues.arrears.link} detail={t('home.asOf', { date: o.dues.period })} />
          <Tile label={t('home.tiles.arrearsSix')} value={n(o.dues.arrearsSixMonths.count)} link={o.dues.arrearsSixMonths.link} detail={t('home.asOf', { date: o.dues.period })} tone={o.dues.arrearsSixMonths.count > 0 ? 'alert' : undefined} />
        </div>
        <div className="overview-charts">
          <ChartCard title={t('home.charts.life')} wide>
            <Chart label={t('home.charts.life')} option={charts.life} height={Math.max(180, o.life.byCommunity.length * 26 + 40)} onClick={() => navigate(o.life.link)} />
          </ChartCard>
        </div>
      </section>

      <section className="overview-group" aria-label={t('home.groups.counter')}>
        <h2>{t('home.groups.counter')}</h2>
        <div className="overview-tiles">
          <Tile label={t('home.tiles.accepted')} value={n(o.counter.accepted.count)} link={statsLink} />
          <Tile label={t('home.tiles.onTime')} value={percent(o.counter.onTime.rate, dash)} link={statsLink} detail={t('home.tiles.onTimeDetail', { done: o.counter.onTime.done, total: o.counter.onTime.total })} />
          <Tile label={t('home.tiles.satisfaction')} value={o.counter.averageSatisfaction ?? dash} link={statsLink} />
          <Tile label={t('home.tiles.overdueNow')} value={n(o.counter.overdueNow.count)} link={o.counter.overdueNow.link} tone={o.counter.overdueNow.count > 0 ? 'alert' : undefined} />
          <Tile label={t('home.tiles.volunteerHours')} value={`${o.volunteerHours.hours} ${t('home.tiles.hours')}`} link={o.volunteerHours.link} detail={t('home.tiles.volunteerDetail', { records: o.volunteerHours.records })} />
        </div>
        <div className="overview-charts">
          <ChartCard title={t('home.charts.byList')}>
            <Chart label={t('home.charts.byList')} option={charts.byList} onClick={() => navigate(statsLink)} />
          </ChartCard>
        </div>
      </section>

      <section className="overview-group" aria-label={t('home.groups.governance')}>
        <h2>{t('home.groups.governance')}</h2>
        <div className="overview-tiles">
          <Tile label={t('home.tiles.projects')} value={percent(o.projects.street.rate, dash)} link={o.projects.link} detail={t('home.tiles.projectsDetail', { year: o.projects.year, done: o.projects.street.done, total: o.projects.street.total })} />
          <Tile label={t('home.tiles.electionsDue', { period: when })} value={n(o.elections.dueInPeriod.count)} link={o.elections.dueInPeriod.link} detail={t('home.range', { from: o.fromMonth, to: o.toMonth })} />
          <Tile label={t('home.tiles.electionsOverdue')} value={n(o.elections.overdue.count)} link={o.elections.overdue.link} detail={t('home.asOf', { date: o.asOf })} tone={o.elections.overdue.count > 0 ? 'alert' : undefined} />
          <Tile label={t('home.tiles.disclosuresDue')} value={n(o.disclosures.due.count)} link={o.disclosures.due.link} />
          <Tile label={t('home.tiles.disclosuresOverdue')} value={n(o.disclosures.overdue.count)} link={o.disclosures.overdue.link} tone={o.disclosures.overdue.count > 0 ? 'alert' : undefined} />
          <Tile label={t('home.tiles.transfersOpen')} value={n(o.transfers.open.count)} link={o.transfers.open.link} />
          <Tile label={t('home.tiles.transfersOverdue')} value={n(o.transfers.overdue.count)} link={o.transfers.overdue.link} tone={o.transfers.overdue.count > 0 ? 'alert' : undefined} />
        </div>
        {o.projects.byType.some((p) => p.total > 0) && (
          <div className="overview-charts">
            <ChartCard title={t('home.charts.projects')}>
              <Chart label={t('home.charts.projects')} option={charts.projects} onClick={() => navigate(o.projects.link)} />
            </ChartCard>
          </div>
        )}
      </section>

      <Card className="panel overview-ranking" title={t('home.ranking.title')}>
        <Table<RankingRow>
          size="small"
          rowKey="communityId"
          pagination={false}
          dataSource={o.ranking}
          onRow={(row) => ({ onClick: () => navigate(communityLink(row.communityId)), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'communityName', title: t('home.ranking.community'), dataIndex: 'communityName' },
            { key: 'members', title: t('home.ranking.members'), dataIndex: 'members', align: 'right', width: 100 },
            { key: 'lifeRate', title: t('home.ranking.lifeRate'), dataIndex: 'lifeRate', align: 'right', width: 150, render: (v: number | null) => percent(v, dash) },
            { key: 'onTimeRate', title: t('home.ranking.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', width: 150, render: (v: number | null) => percent(v, dash) },
            { key: 'projectRate', title: t('home.ranking.projectRate'), dataIndex: 'projectRate', align: 'right', width: 150, render: (v: number | null) => percent(v, dash) },
          ]}
        />
      </Card>
    </>
  );
}

/** 本月 / 本季度 / 本年度 while the period runs; a past one by name (2026年第3季度). */
export function periodName(o: Pick<Overview, 'current' | 'span' | 'fromMonth'>, t: TFunction): string {
  if (o.current) return t(`home.current.${o.span}`);
  const [year, month] = o.fromMonth.split('-').map(Number);
  return t(`home.past.${o.span}`, { year, month, quarter: Math.floor((month - 1) / 3) + 1 });
}

function ChartCard({ title, wide, children }: { title: string; wide?: boolean; children: ReactNode }) {
  return (
    <Card className={`panel overview-chart${wide ? ' is-wide' : ''}`} size="small" title={title}>
      {children}
    </Card>
  );
}
