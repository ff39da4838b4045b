// The overview's charts as ECharts options, from the overview's figures: the home page and the monthly
// briefing draw the same charts. Labels come from the catalogs (t), never from here.
import type { TFunction } from 'i18next';
import type { Overview } from '../../../../shared/api/contract-overview';
import { DEVELOP_STAGE_NAMES } from '../../../../shared/i18n/messages-develop';
import type { Language } from '../../../../shared/api/schemas';
import type { ChartOption } from '../../components/Chart';
import { memberLinks } from '../members/member-route';

const AXIS = { axisLabel: { color: '#4e5969', fontSize: 11 }, axisLine: { lineStyle: { color: '#c9cdd4' } } };
const GRID = { left: 8, right: 12, top: 28, bottom: 4, containLabel: true };

export function bars(names: string[], values: (number | null)[], opts: { horizontal?: boolean; percent?: boolean } = {}): ChartOption {
  const category = { type: 'category' as const, data: names, ...AXIS, axisLabel: { ...AXIS.axisLabel, interval: 0, ...(opts.horizontal ? {} : { rotate: names.length > 6 ? 30 : 0 }) } };
  const value = { type: 'value' as const, ...AXIS, ...(opts.percent ? { max: 100 } : {}), splitLine: { lineStyle: { color: '#f2f3f5' } } };
  return {
    grid: GRID,
    tooltip: { trigger: 'axis' },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: values, barMaxWidth: 22, label: { show: true, position: opts.horizontal ? 'right' : 'top', fontSize: 10, color: '#4e5969', formatter: opts.percent ? '{c}%' : '{c}' } }],
  };
}

export function communityMembersChart(o: Overview, t: TFunction): ChartOption {
  const rows = o.members.byCommunity;
  const names = rows.map((r) => r.communityName ?? t('home.noCommunity'));
  return {
    grid: { ...GRID, top: 30 },
    legend: { top: 0, right: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: names, ...AXIS, axisLabel: { ...AXIS.axisLabel, interval: 0, rotate: names.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', ...AXIS, splitLine: { lineStyle: { color: '#f2f3f5' } } },
    series: [
      { name: t('home.tiles.full'), type: 'bar', stack: 'm', data: rows.map((r) => r.full), barMaxWidth: 26 },
      { name: t('home.tiles.probationary'), type: 'bar', stack: 'm', data: rows.map((r) => r.probationary), barMaxWidth: 26 },
    ],
  };
}

/** `compact`: a narrow chart (the briefing's column) puts the bands in a legend instead of beside the ring. */
export function agesChart(o: Overview, t: TFunction, compact = false): ChartOption {
  const data = agesShown(o).map((a) => ({ name: t(`home.ageBand.${a.band}`), value: a.count }));
  if (compact) {
    // Each band's share goes into its legend entry: labels beside a small ring would be cut off.
    const total = data.reduce((n, d) => n + d.value, 0);
    const named = data.map((d) => ({ ...d, name: `${d.name} ${total ? Math.round((d.value / total) * 1000) / 10 : 0}%` }));
    return {
      legend: { bottom: 0, itemWidth: 8, itemHeight: 8, itemGap: 6, textStyle: { fontSize: 9 } },
      series: [{ type: 'pie', radius: ['28%', '52%'], center: ['50%', '33%'], data: named, label: { show: false } }],
    };
  }
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    series: [{ type: 'pie', radius: ['38%', '68%'], center: ['50%', '54%'], data, label: { fontSize: 11, formatter: '{b}\n{d}%' } }],
  };
}

// The members page filtered to what a bar or slice counts (its total is the bar's figure), by the bar's index
// in the chart: the rows each chart draws, in its order.
const agesShown = (o: Overview) => o.members.ages.filter((a) => a.count > 0);
const educationShown = (o: Overview) => o.members.education.slice(0, 8);

export function agesLink(o: Overview, index: number): string | null {
  const band = agesShown(o)[index]?.band;
  return band ? memberLinks.age(band) : null;
}

export function educationLink(o: Overview, index: number): string | null {
  const row = educationShown(o)[index];
  return row ? memberLinks.education(row.code) : null;
}

export function joinedLink(o: Overview, index: number): string | null {
  const row = o.members.joinedByYear[index];
  return row ? memberLinks.joined(row.year) : null;
}

export function educationChart(o: Overview, t: TFunction): ChartOption {
  const rows = educationShown(o);
  return bars(rows.map((r) => r.label || t('home.noEducation')), rows.map((r) => r.count), { horizontal: true });
}

export function joinedChart(o: Overview): ChartOption {
  const rows = o.members.joinedByYear;
  return {
    grid: GRID,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((r) => r.year), ...AXIS },
    yAxis: { type: 'value', ...AXIS, splitLine: { lineStyle: { color: '#f2f3f5' } } },
    series: [{ type: 'line', data: rows.map((r) => r.count), smooth: false, symbolSize: 8, areaStyle: { opacity: 0.08 }, label: { show: true, fontSize: 10, color: '#4e5969' } }],
  };
}

export function stagesChart(o: Overview, lang: Language): ChartOption {
  return bars(o.develop.byStage.map((s) => DEVELOP_STAGE_NAMES[lang][s.stage]), o.develop.byStage.map((s) => s.count));
}

/** A compliance period (2026, 2026-Q4, 2026-10) in words: 2026 年第 4 季度. */
export function lifePeriodLabel(period: string, t: TFunction): string {
  const year = period.slice(0, 4);
  if (period.length === 4) return t('home.lifePeriod.year', { year });
  if (period[5] === 'Q') return t('home.lifePeriod.quarter', { year, quarter: period.slice(6) });
  return t('home.lifePeriod.month', { year, month: Number(period.slice(5, 7)) });
}

export function lifeChart(o: Overview, t: TFunction): ChartOption {
  const rows = o.life.byCommunity;
  return bars(rows.map((r) => r.communityName ?? t('home.noCommunity')), rows.map((r) => r.rate), { horizontal: true, percent: true });
}

export function byListChart(o: Overview, t: TFunction): ChartOption {
  const data = o.counter.byList.map((l) => ({ name: t(`counter.listClass.${l.listClass}`), value: l.count }));
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    series: [{ type: 'pie', radius: ['38%', '68%'], center: ['50%', '54%'], data, label: { fontSize: 11, formatter: '{b} {c}' } }],
  };
}

export function projectsChart(o: Overview, t: TFunction): ChartOption {
  const rows = o.projects.byType.filter((r) => r.total > 0);
  return bars(rows.map((r) => t(`gov.projects.type.${r.type}`)), rows.map((r) => r.rate), { percent: true });
}
