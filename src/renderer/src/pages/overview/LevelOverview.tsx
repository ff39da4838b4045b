// 工作台首页 of a district or a city (issue 18): the same overview over the consolidated monthly returns —
// who has not reported, the level's key figures, members by street (or district), and one row per street
// (district) with its rates. Every figure is read from the consolidation the 月报 page shows (the same
// call), so it agrees with that page; a tile opens the month's return, a row or a bar that street's
// (district's) own tables.
import { Card, DatePicker, Empty, Skeleton, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnTable, ReturnTableId } from '../../../../shared/returns/tables';
import { formatFen } from '../../../../shared/dues/money';
import { useApi } from '../../api/use-api';
import { navigate } from '../../app/router';
import type { PageProps } from '../../app/routes';
import { useSiteMode } from '../../app/session';
import { Chart } from '../../components/Chart';
import { PageHeader } from '../../components/PageHeader';
import { errorText } from '../../lib/errors';
import { lastMonth } from '../returns/ReturnsPage';
import { bars } from './overview-charts';
import { Tile } from './Tile';
import './overview.css';

type Level = 'district' | 'city';

interface Unit {
  code: string;
  name: string;
  version: number | null;
}

/** One figure of a consolidated table: its total, or one unit's row. */
function figure(tables: ReturnTable[], id: ReturnTableId, key: string, unit?: string): number | null {
  const table = tables.find((t) => t.id === id);
  if (!table) return null;
  if (unit === undefined) return table.total[key] ?? null;
  return table.rows.find((r) => r.key === unit)?.values[key] ?? null;
}

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 10) / 10}%`);
const ratio = (num: number | null, den: number | null) => (num === null || !den ? null : (num / den) * 100);

export function LevelOverview({ level, subPath }: { level: Level; subPath: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(/^\d{4}-\d{2}$/.test(subPath) ? subPath : lastMonth());
  const district = useApi('district.consolidate', { period }, [period], { enabled: level === 'district' });
  const city = useApi('city.consolidate', { period }, [period], { enabled: level === 'city' });
  const state = level === 'district' ? district : city;
  const unitWord = t(`level.unit.${level}`);

  const header = (description?: string) => (
    <PageHeader
      title={t(`level.title.${level}`)}
      description={description}
      extra={<DatePicker picker="month" allowClear={false} value={dayjs(`${period}-01`)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))} aria-label={t('level.period')} />}
    />
  );
  if (state.error) return <div className="page">{header()}<div className="load-error">{errorText(state.error)}</div></div>;
  const c = level === 'district' ? district.data : city.data;
  if (!c) return <div className="page">{header()}<Skeleton active /></div>;

  const units: Unit[] = 'streets' in c ? c.streets : c.districts;
  const sent = units.filter((u) => u.version !== null);
  const tables = c.tables;
  const f = (id: ReturnTableId, key: string, unit?: string) => figure(tables, id, key, unit);
  const returnsLink = `/returns/${period}`;
  const unitLink = (code: string) => `/returns/${period}/${code}`;
  const collected = f('dues', 'duesCollected');
  const owed = f('dues', 'duesOwed');

  const rows = units.map((u) => {
    const got = f('dues', 'duesCollected', u.code);
    const due = (got ?? 0) + (f('dues', 'duesOwed', u.code) ?? 0);
    return {
      ...u,
      members: f('membersByCommunity', 'total', u.code),
      onTime: f('serviceRequests', 'onTimeRate', u.code),
      life: f('orgLife', 'lifeRate', u.code),
      dues: ratio(got, due),
      projects: f('governance', 'projectsRate', u.code),
      admissions: f('development', 'yearAdmissions', u.code),
    };
  });

  return (
    <div className="page overview-page">
      {header(t('level.description', { period, sent: sent.length, units: units.length, unit: unitWord }))}
      <Card className="panel attention-card" title={t('level.missing')}>
        {c.missing.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('level.missingNone', { unit: unitWord })} />
        ) : (
          c.missing.map((m) => (
            <Tag key={m.code} color="red">
              {m.name}
            </Tag>
          ))
        )}
      </Card>
      <section className="overview-group" aria-label={t('level.groups.members')}>
        <h2>{t('level.groups.members')}</h2>
      <div className="overview-tiles">
        <Tile label={t('level.tiles.reported')} value={`${sent.length} / ${units.length}`} link={returnsLink} tone={c.missing.length ? 'alert' : undefined} />
        <Tile label={t('level.tiles.members')} value={f('membersByCommunity', 'total') ?? '—'} link={returnsLink} />
        <Tile label={t('level.tiles.probationary')} value={f('membersByCommunity', 'probationary') ?? '—'} link={returnsLink} />
        <Tile label={t('level.tiles.mobile')} value={f('membersByCommunity', 'mobile') ?? '—'} link={returnsLink} />
        <Tile label={t('level.tiles.lostContact')} value={f('membersByCommunity', 'lostContact') ?? '—'} link={returnsLink} tone={f('membersByCommunity', 'lostContact') ? 'alert' : undefined} />
        <Tile label={t('level.tiles.admissions')} value={f('development', 'yearAdmissions') ?? '—'} link={returnsLink} detail={t('level.tiles.plan', { planned: f('development', 'planned') ?? '—' })} />
      </div>
      </section>
      <section className="overview-group" aria-label={t('level.groups.work')}>
        <h2>{t('level.groups.work')}</h2>
      <div className="overview-tiles">
        <Tile label={t('level.tiles.requests')} value={f('serviceRequests', 'requests') ?? '—'} link={returnsLink} />
        <Tile label={t('level.tiles.onTime')} value={percent(f('serviceRequests', 'onTimeRate'))} link={returnsLink} />
        <Tile label={t('level.tiles.life')} value={percent(f('orgLife', 'lifeRate'))} link={returnsLink} />
        <Tile label={t('level.tiles.duesCollected')} value={collected === null ? '—' : formatFen(collected)} link={returnsLink} detail={percent(ratio(collected, (collected ?? 0) + (owed ?? 0)))} />
        <Tile label={t('level.tiles.duesInArrears')} value={f('dues', 'duesInArrears') ?? '—'} link={returnsLink} />
        <Tile label={t('level.tiles.projects')} value={percent(f('governance', 'projectsRate'))} link={returnsLink} />
        <Tile label={t('level.tiles.transfersOpen')} value={f('transfers', 'open') ?? '—'} link={returnsLink} />
      </div>
      </section>
      {units.length === 0 ? (
        <Empty />
      ) : (
        <>
          <Card className="panel overview-ranking" size="small" title={t('level.chart', { unit: unitWord })}>
            <Chart
              label={t('level.chart', { unit: unitWord })}
              option={bars(
                rows.map((r) => r.name),
                rows.map((r) => r.members),
              )}
              onClick={(_name, i) => navigate(unitLink(rows[i].code))}
            />
          </Card>
          <Card className="panel overview-ranking" size="small" title={t('level.ranking', { unit: unitWord })}>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={rows}
              onRow={(r) => ({ onClick: () => navigate(unitLink(r.code)), style: { cursor: 'pointer' } })}
              columns={[
                { key: 'name', title: t('level.columns.name', { unit: unitWord }), dataIndex: 'name' },
                { key: 'version', title: t('level.columns.version'), render: (_: unknown, r) => (r.version === null ? <Tag color="red">{t('level.notSent')}</Tag> : `v${r.version}`) },
                { key: 'members', title: t('level.columns.members'), dataIndex: 'members', align: 'right', render: (v: number | null) => v ?? '—' },
                { key: 'onTime', title: t('level.columns.onTime'), align: 'right', render: (_: unknown, r) => percent(r.onTime) },
                { key: 'life', title: t('level.columns.life'), align: 'right', render: (_: unknown, r) => percent(r.life) },
                { key: 'dues', title: t('level.columns.dues'), align: 'right', render: (_: unknown, r) => percent(r.dues) },
                { key: 'projects', title: t('level.columns.projects'), align: 'right', render: (_: unknown, r) => percent(r.projects) },
                { key: 'admissions', title: t('level.columns.admissions'), dataIndex: 'admissions', align: 'right', render: (v: number | null) => v ?? '—' },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}

/** The page of the menu: the district's or the city's overview, by the database's mode. */
export default function LevelOverviewPage({ subPath }: PageProps) {
  const mode = useSiteMode();
  return <LevelOverview level={mode === 'city' ? 'city' : 'district'} subPath={subPath} />;
}
